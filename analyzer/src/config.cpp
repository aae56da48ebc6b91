#include "stacklint/config.h"

#include <fmt/format.h>

#include <fstream>
#include <set>
#include <sstream>

#include "stacklint/files.h"
#include "stacklint/linter.h"
#include "stacklint/reader.h"
#include "stacklint/registry.h"
#include "stacklint/selection.h"

namespace stacklint {

namespace fs = std::filesystem;

const std::map<std::string, std::string, std::less<>>& known_rule_options() {
  static const std::map<std::string, std::string, std::less<>> kOptions{
      {"NET001.allowed-ports", "ports that may be open to the world (default 80, 443)"},
      {"NET002.max-port-span", "widest port range open to the world (default 100)"},
  };
  return kOptions;
}

bool glob_match(std::string_view p, std::string_view s) {
  // Iterative matcher with backtracking for '*' (within a segment) and '**' (across).
  if (p.empty()) return s.empty();
  if (p.starts_with("**")) {
    std::string_view rest = p.substr(2);
    if (rest.empty()) return true;  // a trailing ** matches everything below
    if (rest.starts_with("/")) rest.remove_prefix(1);
    for (size_t i = 0; i <= s.size(); ++i) {
      if ((i == 0 || s[i - 1] == '/') && glob_match(rest, s.substr(i))) return true;
    }
    return glob_match(rest, s);  // "**/" may also match nothing
  }
  if (p[0] == '*') {
    for (size_t i = 0; i <= s.size(); ++i) {
      if (glob_match(p.substr(1), s.substr(i))) return true;
      if (i < s.size() && s[i] == '/') break;
    }
    return false;
  }
  if (s.empty()) return false;
  if (p[0] == '?' ? s[0] != '/' : p[0] == s[0]) return glob_match(p.substr(1), s.substr(1));
  return false;
}

std::string Config::relative(const fs::path& path) const {
  std::error_code ec;
  const fs::path rel = fs::relative(fs::absolute(path, ec), base, ec);
  const std::string r = rel.generic_string();
  return ec || r.starts_with("..") ? std::string() : r;
}

std::optional<fs::path> find_config(const fs::path& start) {
  std::error_code ec;
  fs::path dir = fs::absolute(start, ec);
  if (!fs::is_directory(dir, ec)) dir = dir.parent_path();
  for (fs::path d = dir; !d.empty(); d = d.parent_path()) {
    if (fs::is_regular_file(d / ".stacklint.yaml", ec)) return d / ".stacklint.yaml";
    if (d == d.parent_path()) break;
  }
  return std::nullopt;
}

namespace {

class Loader {
 public:
  Loader(const std::string& file, const Document& doc, Config& out)
      : file_(file), doc_(doc), out_(out) {}

  bool fail(const Node& at, const std::string& message) {
    const Position p = doc_.position(at.range.begin);
    error_ = fmt::format("{}:{}:{}: {}", file_, p.line, p.column, message);
    return false;
  }
  const std::string& error() const { return error_; }

  bool strings(const Node& n, std::string_view what, std::vector<std::string>& out) {
    if (n.is_scalar() && !n.is_null()) {
      out.push_back(n.text);
      return true;
    }
    if (!n.is_sequence()) return fail(n, fmt::format("{} must be a list of strings", what));
    for (const auto& item : n.items) {
      if (!item.is_scalar() || item.is_null()) {
        return fail(item, fmt::format("{} must be a list of strings", what));
      }
      out.push_back(item.text);
    }
    return true;
  }

  bool rules(const Node& n, std::string_view what, std::vector<std::string>& out) {
    std::vector<std::string> raw;
    if (!strings(n, what, raw)) return false;
    for (const auto& sel : split_selectors(raw)) {
      RuleSelection probe;
      std::string error;
      if (!probe.set({sel}, {}, &error)) return fail(n, fmt::format("{}: {}", what, error));
      out.push_back(sel);
    }
    return true;
  }

  bool severities(const Node& n, std::map<std::string, Severity, std::less<>>& out) {
    if (!n.is_mapping()) return fail(n, "severity must map rule ids to error, warning or info");
    for (const auto& e : n.entries) {
      const Rule* r = find_rule(e.key.text);
      if (!r) return fail(e.key, fmt::format("severity: no rule '{}'", e.key.text));
      const auto s = e.value.is_scalar() ? parse_severity(e.value.text) : std::nullopt;
      if (!s) return fail(e.value, "severity must be error, warning or info");
      out[std::string(r->meta().id)] = *s;
    }
    return true;
  }

  bool load() {
    if (!doc_.root) {
      // An empty file (or only comments) is an empty configuration.
      if (doc_.issues.empty() ||
          (doc_.issues.size() == 1 && doc_.issues[0].kind == ReadIssue::Kind::NotATemplate &&
           doc_.issues[0].range.begin == 0)) {
        return true;
      }
      Node at;
      at.range = doc_.issues[0].range;
      return fail(at, doc_.issues[0].message);
    }
    if (!doc_.root->is_mapping()) return fail(*doc_.root, "the configuration must be a mapping");
    for (const auto& e : doc_.root->entries) {
      const std::string& k = e.key.text;
      const Node& v = e.value;
      bool ok = true;
      if (k == "select") {
        ok = rules(v, "select", out_.select);
      } else if (k == "ignore") {
        ok = rules(v, "ignore", out_.ignore);
      } else if (k == "severity") {
        ok = severities(v, out_.severity);
      } else if (k == "fail-level") {
        if (!v.is_scalar() ||
            (v.text != "error" && v.text != "warning" && v.text != "info" && v.text != "none")) {
          return fail(v, "fail-level must be error, warning, info or none");
        }
        out_.fail_level = v.text;
      } else if (k == "include") {
        ok = strings(v, "include", out_.include);
      } else if (k == "exclude") {
        ok = strings(v, "exclude", out_.exclude);
      } else if (k == "rule-options") {
        ok = rule_options(v);
      } else if (k == "parameters") {
        ok = parameters(v);
      } else if (k == "overrides") {
        ok = overrides(v);
      } else if (k == "allow-replacement") {
        ok = strings(v, "allow-replacement", out_.allow_replacement);
      } else {
        return fail(e.key, fmt::format("unknown key '{}' (known: select, ignore, severity, "
                                       "fail-level, include, exclude, rule-options, parameters, "
                                       "overrides, allow-replacement)",
                                       k));
      }
      if (!ok) return false;
    }
    return true;
  }

 private:
  bool rule_options(const Node& n) {
    if (!n.is_mapping()) return fail(n, "rule-options must map rule ids to their options");
    for (const auto& rule : n.entries) {
      const Rule* r = find_rule(rule.key.text);
      if (!r) return fail(rule.key, fmt::format("rule-options: no rule '{}'", rule.key.text));
      if (!rule.value.is_mapping()) return fail(rule.value, "options must be a mapping");
      for (const auto& opt : rule.value.entries) {
        const std::string key = fmt::format("{}.{}", r->meta().id, opt.key.text);
        if (!known_rule_options().count(key)) {
          return fail(opt.key, fmt::format("{} has no option '{}'", r->meta().id, opt.key.text));
        }
        std::vector<std::string> values;
        if (!strings(opt.value, key, values)) return false;
        std::string joined;
        for (const auto& v : values) joined += (joined.empty() ? "" : ",") + v;
        out_.rule_options[key] = joined;
      }
    }
    return true;
  }

  bool parameters(const Node& n) {
    if (!n.is_mapping()) return fail(n, "parameters must map path globs to parameter values");
    for (const auto& glob : n.entries) {
      if (!glob.value.is_mapping()) {
        return fail(glob.value, "parameter values must be a mapping of names to values");
      }
      ParameterValues values;
      for (const auto& p : glob.value.entries) {
        if (!p.value.is_scalar()) {
          if (!p.value.is_sequence()) return fail(p.value, "a parameter value must be a string");
          std::vector<std::string> items;
          if (!strings(p.value, p.key.text, items)) return false;
          std::string joined;
          for (const auto& i : items) joined += (joined.empty() ? "" : ",") + i;
          values[p.key.text] = joined;
          continue;
        }
        values[p.key.text] = p.value.text;
      }
      out_.parameters.emplace_back(glob.key.text, std::move(values));
    }
    return true;
  }

  bool overrides(const Node& n) {
    if (!n.is_sequence()) return fail(n, "overrides must be a list");
    for (const auto& item : n.items) {
      if (!item.is_mapping()) return fail(item, "each override must be a mapping");
      PathOverride o;
      for (const auto& e : item.entries) {
        const std::string& k = e.key.text;
        bool ok = true;
        if (k == "paths")
          ok = strings(e.value, "paths", o.paths);
        else if (k == "select")
          ok = rules(e.value, "select", o.select);
        else if (k == "ignore")
          ok = rules(e.value, "ignore", o.ignore);
        else if (k == "severity")
          ok = severities(e.value, o.severity);
        else
          return fail(e.key, fmt::format("unknown key '{}' in an override (known: paths, select, "
                                         "ignore, severity)",
                                         k));
        if (!ok) return false;
      }
      if (o.paths.empty()) return fail(item, "an override needs paths");
      out_.overrides.push_back(std::move(o));
    }
    return true;
  }

  const std::string& file_;
  const Document& doc_;
  Config& out_;
  std::string error_;
};

}  // namespace

LintOptions options_for(const Config& config, const fs::path& file, const LintOptions& cli,
                        const std::vector<std::string>& cli_select,
                        const std::vector<std::string>& cli_ignore, bool* excluded,
                        std::string* error) {
  LintOptions o = cli;
  const std::string rel = config.relative(file);
  *excluded = false;
  if (!config.file.empty() && !rel.empty()) {
    if (!config.include.empty()) {
      bool in = false;
      for (const auto& g : config.include) in = in || glob_match(g, rel);
      if (!in) *excluded = true;
    }
    for (const auto& g : config.exclude) {
      if (glob_match(g, rel)) *excluded = true;
    }
  }
  std::vector<std::string> select = cli_select.empty() ? config.select : cli_select;
  std::vector<std::string> ignore = config.ignore;
  o.severity = config.severity;
  for (const auto& ov : config.overrides) {
    bool match = false;
    for (const auto& g : ov.paths) match = match || (!rel.empty() && glob_match(g, rel));
    if (!match) continue;
    if (!ov.select.empty() && cli_select.empty()) select = ov.select;
    ignore.insert(ignore.end(), ov.ignore.begin(), ov.ignore.end());
    for (const auto& [k, v] : ov.severity) o.severity[k] = v;
  }
  ignore.insert(ignore.end(), cli_ignore.begin(), cli_ignore.end());
  if (!o.selection.set(select, ignore, error)) return o;
  o.rule_options = config.rule_options;
  for (const auto& id : config.allow_replacement) o.allow_replacement.insert(id);
  for (const auto& [k, v] : cli.rule_options) o.rule_options[k] = v;
  ParameterValues params;
  for (const auto& [glob, values] : config.parameters) {
    if (rel.empty() || !glob_match(glob, rel)) continue;
    for (const auto& [k, v] : values) params[k] = v;
  }
  for (const auto& [k, v] : cli.parameters) params[k] = v;
  o.parameters = std::move(params);
  return o;
}

bool load_config(const std::string& file, Config& out, std::string* error) {
  std::string text, why;
  if (!read_text_file(file, text, &why)) {
    *error = fmt::format("{}: cannot read the configuration: {}", file, why);
    return false;
  }
  const auto doc = read_document(std::move(text));
  out = Config{};
  out.file = file;
  std::error_code ec;
  out.base = fs::absolute(file, ec).parent_path();
  Loader loader(file, *doc, out);
  if (!loader.load()) {
    *error = loader.error();
    return false;
  }
  return true;
}

}  // namespace stacklint
