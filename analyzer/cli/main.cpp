// The `stacklint` command: a thin shell over the analyzer library.
#include <fmt/format.h>
#include <unistd.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <set>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "stacklint/baseline.h"
#include "stacklint/config.h"
#include "stacklint/diff.h"
#include "stacklint/files.h"
#include "stacklint/linter.h"
#include "stacklint/parameters.h"
#include "stacklint/registry.h"
#include "stacklint/report.h"
#include "stacklint/schema.h"
#include "stacklint/suggest.h"

namespace {

using namespace stacklint;

// Exit codes (documented in README.md).
constexpr int kExitClean = 0;     // nothing at or above the fail level
constexpr int kExitFindings = 1;  // findings at or above the fail level, parse errors included
constexpr int kExitError = 2;     // usage error, unreadable path, internal error

// The one place user-facing errors are printed.
void print_error(std::string_view message) {
  std::cerr << "stacklint: error: " << message << '\n';
}

struct LintArgs {
  std::vector<std::string> paths;
  std::string format = "text";
  std::string output;
  std::vector<std::string> select;
  std::vector<std::string> ignore;
  std::string fail_level = "error";
  std::string color = "auto";
  std::string stdin_filename = "-";
  unsigned jobs = 0;
  std::vector<std::string> parameters;
  std::vector<std::string> rule_options;
  std::string baseline;
  std::string write_baseline;
  std::string config;
  bool fail_level_given = false;
  bool templates_only = false;
  std::string compare_to;
  std::vector<std::string> allow_replacement;
};

bool run_quiet(const std::string& cmd) {
  FILE* pipe = ::popen(cmd.c_str(), "r");
  if (!pipe) return false;
  char buf[4096];
  while (std::fread(buf, 1, sizeof buf, pipe) > 0) {
  }
  return ::pclose(pipe) == 0;
}

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// Reads a template version: a file, or `git:REV:path` from git. `default_path` completes
// `git:REV` for --compare-to; then, when `absent` is given, a file that git does not have at a
// valid REV (a template added since) sets *absent instead of being an error.
bool read_version(const std::string& spec, const std::string& default_path, std::string& text,
                  std::string& name, bool* absent = nullptr) {
  if (absent) *absent = false;
  if (spec.starts_with("git:")) {
    std::string rev = spec.substr(4), path = default_path;
    if (const auto colon = rev.find(':'); colon != std::string::npos) {
      path = rev.substr(colon + 1);
      rev = rev.substr(0, colon);
    }
    if (rev.empty() || path.empty()) {
      print_error(fmt::format("'{}': expected git:REV:path", spec));
      return false;
    }
    // Paths in git are relative to the repository root; ./ makes them relative to here.
    const std::string object = rev + ":" + (path.starts_with("/") ? path : "./" + path);
    const bool explicit_path = spec.substr(4).find(':') != std::string::npos;
    const std::string cmd = "git show " + shell_quote(object) + " 2>/dev/null";
    FILE* pipe = ::popen(cmd.c_str(), "r");
    if (!pipe) {
      print_error(fmt::format("{}: cannot run git", spec));
      return false;
    }
    char buf[65536];
    size_t n;
    text.clear();
    while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) text.append(buf, n);
    if (::pclose(pipe) != 0) {
      if (absent && !explicit_path &&
          run_quiet("git rev-parse --verify --quiet " + shell_quote(rev + "^{commit}") +
                    " 2>/dev/null")) {
        *absent = true;  // a new template: nothing to compare with
        return true;
      }
      print_error(fmt::format("{}: git has no {} at {}", spec, path, rev));
      return false;
    }
    name = fmt::format("{}@{}", path, rev);
    return true;
  }
  std::string why;
  if (!read_text_file(spec, text, &why)) {
    print_error(fmt::format("{}: cannot read: {}", spec, why));
    return false;
  }
  name = spec;
  return true;
}

// Configurations by file, cached by directory (or the one named with --config).
class Configs {
 public:
  explicit Configs(std::string explicit_file) : explicit_(std::move(explicit_file)) {}

  // The configuration for `path`; nullptr after printing an error.
  const Config* for_path(const std::filesystem::path& path) {
    std::string file = explicit_;
    if (file.empty()) {
      const auto found = find_config(path.empty() ? std::filesystem::current_path() : path);
      if (!found) return &defaults_;
      file = found->string();
    }
    auto it = loaded_.find(file);
    if (it == loaded_.end()) {
      Config c;
      std::string error;
      if (!load_config(file, c, &error)) {
        print_error(error);
        return nullptr;
      }
      it = loaded_.emplace(file, std::move(c)).first;
    }
    return &it->second;
  }

 private:
  std::string explicit_;
  Config defaults_;
  std::map<std::string, Config> loaded_;
};

bool load_all_parameters(const std::vector<std::string>& args, ParameterValues& out) {
  for (const auto& a : args) {
    std::string error;
    if (!load_parameters(a, out, &error)) {
      print_error(error);
      return false;
    }
  }
  return true;
}

bool use_color(const std::string& mode, bool to_file) {
  if (mode == "always") return true;
  if (mode == "never" || to_file) return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  return ::isatty(STDOUT_FILENO) == 1;
}

int run_lint(const LintArgs& args) {
  LintOptions options;
  std::string error;
  const auto cli_select = split_selectors(args.select);
  const auto cli_ignore = split_selectors(args.ignore);
  if (!options.selection.set(cli_select, cli_ignore, &error)) {
    print_error(error);
    return kExitError;
  }
  if (!load_all_parameters(args.parameters, options.parameters)) return kExitError;
  for (const auto& o : args.rule_options) {
    const auto eq = o.find('=');
    const auto dot = o.find('.');
    if (eq == std::string::npos || dot == std::string::npos || dot > eq) {
      print_error(
          fmt::format("--rule-option '{}': expected RULE.option=value, e.g. "
                      "NET001.allowed-ports=80,443",
                      o));
      return kExitError;
    }
    std::string rule = o.substr(0, dot);
    for (auto& c : rule) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (!find_rule(rule)) {
      print_error(fmt::format("--rule-option '{}': no rule {}", o, rule));
      return kExitError;
    }
    options.rule_options[rule + o.substr(dot, eq - dot)] = o.substr(eq + 1);
  }
  Configs configs(args.config);
  const Config* here = configs.for_path(std::filesystem::current_path());
  if (!here) return kExitError;
  std::string level = args.fail_level;
  if (!args.fail_level_given && here->fail_level) level = *here->fail_level;
  std::optional<Severity> fail_level;
  if (level != "none") fail_level = parse_severity(level);

  const Discovery found = discover(args.paths);
  for (const auto& e : found.errors) print_error(e);
  // Per-file options: each file's configuration under the command line.
  std::vector<InputFile> inputs;
  std::vector<LintOptions> per_file;
  for (const auto& f : found.files) {
    const Config* config = configs.for_path(f.is_stdin ? std::filesystem::path() : f.path);
    if (!config) return kExitError;
    bool excluded = false;
    LintOptions o =
        options_for(*config, f.is_stdin ? std::filesystem::path(args.stdin_filename) : f.path,
                    options, cli_select, cli_ignore, &excluded, &error);
    if (!error.empty()) {
      print_error(fmt::format("{}: {}", config->file, error));
      return kExitError;
    }
    if (excluded) continue;
    for (const auto& id : args.allow_replacement) o.allow_replacement.insert(id);
    if (!args.compare_to.empty()) {
      if (!args.compare_to.starts_with("git:") && found.files.size() != 1) {
        print_error(
            "--compare-to FILE compares one template; use --compare-to git:REV for several");
        return kExitError;
      }
      std::string old_text, old_name;
      bool absent = false;
      if (!read_version(args.compare_to, f.display, old_text, old_name, &absent)) {
        return kExitError;
      }
      if (!absent) {
        auto old_doc = read_document(std::move(old_text));
        if (!old_doc->root || old_doc->has_issue(ReadIssue::Kind::NotATemplate)) {
          // No earlier template to compare with. A version named explicitly is an error; with
          // git:REV over many files, the old version was broken: say so and lint the file as is.
          const auto& issue = old_doc->issues.empty() ? ReadIssue{} : old_doc->issues[0];
          const Position p = old_doc->position(issue.range.begin);
          const std::string where =
              fmt::format("{}:{}:{}: {}", old_name, p.line, p.column,
                          issue.message.empty() ? "not a template" : issue.message);
          const bool each_file = args.compare_to.starts_with("git:") &&
                                 args.compare_to.find(':', 4) == std::string::npos;
          if (!each_file) {
            print_error(where + "; cannot compare with it");
            return kExitError;
          }
          std::cerr << fmt::format("stacklint: warning: {}; {} is linted without change analysis\n",
                                   where, f.display);
        } else {
          o.compare_to = std::move(old_doc);
        }
      }
      o.compare_parameters = o.parameters;
    }
    inputs.push_back(f);
    if (args.templates_only) inputs.back().from_directory = true;  // content decides
    per_file.push_back(std::move(o));
  }
  const unsigned jobs = args.jobs ? args.jobs : std::max(1u, std::thread::hardware_concurrency());
  std::vector<LintResult> results = lint_inputs(inputs, per_file, jobs, args.stdin_filename);

  bool failed_to_read = !found.errors.empty();
  bool internal = false;
  size_t linted = 0;
  for (const auto& r : results) {
    if (r.status == FileStatus::Unreadable) {
      print_error(fmt::format("{}: cannot read: {}", r.path, r.error));
      failed_to_read = true;
    }
    if (!r.internal_error.empty()) {
      print_error(fmt::format("{}: internal error in rule {} (please report this bug)", r.path,
                              r.internal_error));
      internal = true;
    }
    if (r.status != FileStatus::Skipped) ++linted;
  }
  if (linted == 0 && args.templates_only && found.errors.empty()) return kExitClean;
  if (linted == 0 && found.errors.empty() && found.files.size() == inputs.size()) {
    print_error(
        fmt::format("no CloudFormation templates found in {}", fmt::join(args.paths, ", ")));
    return kExitError;
  }

  if (!args.write_baseline.empty()) {
    if (!write_baseline(args.write_baseline, results, &error)) {
      print_error(error);
      return kExitError;
    }
    size_t n = 0;
    for (const auto& r : results) n += r.findings.size();
    std::cerr << fmt::format("stacklint: wrote {} finding{} to the baseline {}\n", n,
                             n == 1 ? "" : "s", args.write_baseline);
    return (internal || failed_to_read) ? kExitError : kExitClean;
  }
  if (!args.baseline.empty()) {
    std::set<std::string> known;
    if (!read_baseline(args.baseline, known, &error)) {
      print_error(error);
      return kExitError;
    }
    const size_t hidden = apply_baseline(results, known);
    if (hidden < known.size()) {
      std::cerr << fmt::format(
          "stacklint: {} baselined finding{} no longer occur{}; refresh the "
          "baseline with --write-baseline\n",
          known.size() - hidden, known.size() - hidden == 1 ? "" : "s",
          known.size() - hidden == 1 ? "s" : "");
    }
  }

  std::ofstream file;
  std::ostream* out = &std::cout;
  if (!args.output.empty()) {
    file.open(args.output, std::ios::binary | std::ios::trunc);
    if (!file) {
      print_error(fmt::format("{}: cannot write: {}", args.output, std::strerror(errno)));
      return kExitError;
    }
    out = &file;
  }
  if (args.format == "json") {
    write_json(*out, results);
  } else if (args.format == "sarif") {
    write_sarif(*out, results);
  } else if (args.format == "github") {
    write_github(*out, results);
  } else if (args.format == "junit") {
    write_junit(*out, results);
  } else {
    write_text(*out, results, TextOptions{use_color(args.color, !args.output.empty()), true});
  }
  out->flush();
  if (!*out) {
    print_error("failed to write the report");
    return kExitError;
  }

  if (internal || failed_to_read) return kExitError;
  if (!fail_level) return kExitClean;
  for (const auto& r : results) {
    if (r.status == FileStatus::ParseError || r.status == FileStatus::NotATemplate) {
      return kExitFindings;
    }
    for (const auto& f : r.findings) {
      if (f.severity >= *fail_level) return kExitFindings;
    }
  }
  return kExitClean;
}

int run_rules(const std::string& format) {
  if (format == "json") {
    nlohmann::ordered_json rules = nlohmann::ordered_json::array();
    for (const Rule* r : all_rules()) {
      const auto& m = r->meta();
      rules.push_back({{"id", m.id},
                       {"name", m.name},
                       {"severity", severity_name(m.severity)},
                       {"summary", m.summary}});
    }
    std::cout << rules.dump(2) << '\n';
    return kExitClean;
  }
  for (const Rule* r : all_rules()) {
    const auto& m = r->meta();
    std::cout << fmt::format("{}  {:<48} {:<8} {}\n", m.id, m.name, severity_name(m.severity),
                             m.summary);
  }
  return kExitClean;
}

int run_explain(const std::string& id) {
  const Rule* rule = find_rule(id);
  if (!rule) {
    std::vector<std::string_view> ids;
    for (const Rule* r : all_rules()) ids.push_back(r->meta().id);
    std::string msg = fmt::format("unknown rule '{}'", id);
    if (const auto hint = closest_match(id, ids); !hint.empty()) {
      msg += fmt::format("; did you mean {}?", hint);
    }
    print_error(msg + " (see `stacklint rules`)");
    return kExitError;
  }
  const auto& m = rule->meta();
  std::cout << fmt::format("# {} {}\n\n{}. Default severity: {}.\n", m.id, m.name, m.summary,
                           severity_name(m.severity))
            << m.doc;
  return kExitClean;
}

std::string_view replacement_name(schema::Replacement r) {
  switch (r) {
    case schema::Replacement::Always:
      return "Replacement";
    case schema::Replacement::Conditional:
      return "Some interruptions / may replace";
    case schema::Replacement::None:
      break;
  }
  return "No interruption";
}

void print_object(const schema::ResourceType& rt, const schema::ObjectType& o) {
  for (const auto& p : o.properties) {
    std::string flags;
    if (p.required) flags += " required";
    if (p.replacement == schema::Replacement::Always) flags += " replaces";
    if (p.replacement == schema::Replacement::Conditional) flags += " may-replace";
    if (p.deprecated) flags += " deprecated";
    std::cout << fmt::format("  {:<40} {}{}\n", p.name, p.type.describe(rt), flags);
    if (p.type.kind == schema::Type::Kind::Enum) {
      std::cout << fmt::format("  {:<40}   one of: {}\n", "", fmt::join(p.type.allowed, ", "));
    }
  }
}

int run_schema(const std::string& type_name, const std::string& format) {
  const schema::ResourceType* rt = schema::find_resource(type_name);
  if (!rt) {
    const auto names = schema::resource_type_names();
    std::string msg = fmt::format("unknown resource type '{}'", type_name);
    if (const auto hint = closest_match(type_name, names); !hint.empty()) {
      msg += fmt::format("; did you mean {}?", hint);
    }
    print_error(msg);
    return kExitError;
  }
  if (format == "json") {
    using json = nlohmann::ordered_json;
    auto props = [&](const schema::ObjectType& o) {
      json out = json::array();
      for (const auto& p : o.properties) {
        json j = {{"name", p.name},
                  {"type", p.type.describe(*rt)},
                  {"required", p.required},
                  {"update", replacement_name(p.replacement)},
                  {"deprecated", p.deprecated}};
        if (p.type.kind == schema::Type::Kind::Enum) j["allowed_values"] = p.type.allowed;
        out.push_back(std::move(j));
      }
      return out;
    };
    json defs = json::object();
    for (const auto& d : rt->definitions) defs[d.name] = props(d);
    json attrs = json::array();
    for (const auto& a : rt->attributes) {
      attrs.push_back({{"name", a.name}, {"type", a.type.describe(*rt)}});
    }
    std::cout << json{{"type", rt->name},
                      {"schema_version", schema::bundle_version()},
                      {"stateful", rt->stateful},
                      {"transform", rt->transform},
                      {"primary_identifier", rt->primary_identifier},
                      {"properties", props(rt->properties)},
                      {"attributes", std::move(attrs)},
                      {"property_types", std::move(defs)}}
                     .dump(2)
              << '\n';
    return kExitClean;
  }
  std::cout << fmt::format("{}{}\n", rt->name, rt->stateful ? " (holds data)" : "");
  if (!rt->transform.empty())
    std::cout << fmt::format("provided by the {} transform\n", rt->transform);
  std::cout << "\nProperties:\n";
  print_object(*rt, rt->properties);
  std::cout << "\nAttributes (Fn::GetAtt):\n";
  if (rt->attributes.empty()) std::cout << "  (none)\n";
  for (const auto& a : rt->attributes) {
    std::cout << fmt::format("  {:<40} {}\n", a.name, a.type.describe(*rt));
  }
  for (const auto& d : rt->definitions) {
    std::cout << fmt::format("\nProperty type {}:\n", d.name);
    print_object(*rt, d);
  }
  std::cout << fmt::format("\nSource: @aws-cdk/aws-service-spec {}\n", schema::bundle_version());
  return kExitClean;
}

const Node* node_at(const Node& root, const std::string& path) {
  const Node* n = &root;
  size_t start = 0;
  while (n && start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string::npos) slash = path.size();
    const std::string seg = path.substr(start, slash - start);
    if (!seg.empty()) {
      if (n->is_sequence()) {
        char* end = nullptr;
        const unsigned long i = std::strtoul(seg.c_str(), &end, 10);
        n = (end && *end == '\0' && i < n->items.size()) ? &n->items[i] : nullptr;
      } else {
        n = n->get(seg);
      }
    }
    start = slash + 1;
  }
  return n;
}

int run_eval(const std::string& file, const std::string& path,
             const std::vector<std::string>& parameter_args) {
  ParameterValues params;
  if (!load_all_parameters(parameter_args, params)) return kExitError;
  std::string text, read_error;
  if (!read_text_file(file, text, &read_error)) {
    print_error(fmt::format("{}: cannot read: {}", file, read_error));
    return kExitError;
  }
  const auto doc = read_document(std::move(text));
  if (!doc->root || !doc->root->is_mapping()) {
    const std::string why = doc->issues.empty() ? "not a template" : doc->issues[0].message;
    const Position p = doc->issues.empty() ? Position{} : doc->position(doc->issues[0].range.begin);
    print_error(fmt::format("{}:{}:{}: {}", file, p.line, p.column, why));
    return kExitFindings;
  }
  const Template tpl(*doc, &params);
  const Node* n = node_at(*doc->root, path);
  if (!n) {
    print_error(
        fmt::format("{}: nothing at '{}' (a logical path such as "
                    "Resources/Database/Properties/MasterUserPassword)",
                    file, path));
    return kExitError;
  }
  Evaluator& ev = tpl.evaluator();
  // A resource or output exists only under its Condition.
  Bdd::Ref when = Bdd::kTrue;
  if (path.starts_with("Resources/")) {
    const std::string id = path.substr(10, path.find('/', 10) - 10);
    when = ev.exists(id);
  }
  const auto values = ev.evaluate(*n, when);
  const Position p = doc->position(n->range.begin);
  std::cout << fmt::format("{}:{}:{}: {} can be:\n", file, p.line, p.column, path);
  for (const auto& v : values) {
    std::string note;
    if (v.value.is_dynamic_reference()) note = " (dynamic reference)";
    if (v.value.from_parameter_default) note += " (" + v.value.origin + " default)";
    std::cout << fmt::format("  {}{}\n      when {}\n", v.value.display(), note,
                             ev.describe(v.when));
  }
  if (values.empty())
    std::cout << "  nothing: it is never evaluated (its conditions cannot hold)\n";
  if (ev.budget_exceeded())
    std::cout << "(an evaluation budget ran out: some answers are unknown)\n";
  return kExitClean;
}

int run_config(const std::string& path, const std::string& explicit_file) {
  Configs configs(explicit_file);
  const Config* c = configs.for_path(path);
  if (!c) return kExitError;
  LintOptions none;
  bool excluded = false;
  std::string error;
  const LintOptions o = options_for(*c, path, none, {}, {}, &excluded, &error);
  if (!error.empty()) {
    print_error(error);
    return kExitError;
  }
  nlohmann::ordered_json enabled = nlohmann::ordered_json::array();
  nlohmann::ordered_json severities = nlohmann::ordered_json::object();
  for (const Rule* r : all_rules()) {
    const auto& m = r->meta();
    if (!o.selection.enabled(m)) continue;
    enabled.push_back(m.id);
    const auto over = o.severity.find(m.id);
    severities[std::string(m.id)] =
        severity_name(over == o.severity.end() ? m.severity : over->second);
  }
  nlohmann::ordered_json options = nlohmann::ordered_json::object();
  for (const auto& [k, description] : known_rule_options()) {
    const auto it = o.rule_options.find(k);
    options[k] = it == o.rule_options.end() ? "(default)" : it->second;
  }
  std::cout << nlohmann::ordered_json{{"path", path},
                                      {"config",
                                       c->file.empty() ? "(none: built-in defaults)" : c->file},
                                      {"excluded", excluded},
                                      {"fail-level", c->fail_level.value_or("error")},
                                      {"rules", enabled},
                                      {"severity", severities},
                                      {"rule-options", options},
                                      {"parameters", o.parameters},
                                      {"include", c->include},
                                      {"exclude", c->exclude}}
                   .dump(2)
            << '\n';
  return kExitClean;
}

struct DiffArgs {
  std::string old_spec, new_spec, format = "text", fail_level = "error", color = "auto";
  std::vector<std::string> parameters, old_parameters, new_parameters, allow;
};

int run_diff(const DiffArgs& a) {
  std::string old_text, new_text, old_name, new_name;
  if (!read_version(a.old_spec, "", old_text, old_name)) return kExitError;
  if (!read_version(a.new_spec, "", new_text, new_name)) return kExitError;
  LintOptions o;
  if (!load_all_parameters(a.parameters, o.parameters) ||
      !load_all_parameters(a.new_parameters, o.parameters)) {
    return kExitError;
  }
  ParameterValues old_params;
  if (!load_all_parameters(a.parameters, old_params) ||
      !load_all_parameters(a.old_parameters, old_params)) {
    return kExitError;
  }
  o.compare_parameters = old_params;
  for (const auto& id : a.allow) o.allow_replacement.insert(id);
  std::string error;
  // A version with structural errors (Resources: 5, a resource without Type) reads as fewer
  // resources than it means: say so, so that "[-] Database" is not taken at face value.
  LintOptions structure;
  structure.selection.set({"PAR"}, {"PAR011", "PAR012"}, &error);
  for (const auto& [text, name] :
       {std::pair{&old_text, &old_name}, std::pair{&new_text, &new_name}}) {
    const LintResult check = lint_buffer(*text, *name, structure);
    for (const auto& f : check.findings) {
      if (f.severity != Severity::Error || f.rule->id == "PAR001" || f.rule->id == "PAR003")
        continue;
      std::cerr << fmt::format(
          "stacklint: warning: {}:{}:{}: {} [{}]; the comparison covers what could be read "
          "(run stacklint lint)\n",
          *name, f.start.line, f.start.column, f.message, f.rule->id);
    }
  }
  o.selection.set({"CHG"}, {}, &error);
  o.compare_to = read_document(old_text);
  LintResult result = lint_buffer(new_text, new_name, o);
  for (const auto* r : {&result}) {
    if (r->status == FileStatus::ParseError || r->status == FileStatus::NotATemplate ||
        !o.compare_to->root) {
      const Document& bad = o.compare_to->root ? *r->document : *o.compare_to;
      const auto& issue = bad.issues.empty() ? ReadIssue{} : bad.issues[0];
      const Position p = bad.position(issue.range.begin);
      print_error(fmt::format("{}:{}:{}: {}", o.compare_to->root ? new_name : old_name, p.line,
                              p.column, issue.message.empty() ? "not a template" : issue.message));
      return kExitFindings;
    }
  }
  const Template old_tpl(*o.compare_to, &o.compare_parameters);
  const Template new_tpl(*result.document, &o.parameters);
  const auto changes = diff_templates(old_tpl, new_tpl);
  std::vector<LintResult> results;
  results.push_back(std::move(result));
  if (a.format == "sarif") {
    write_sarif(std::cout, results);
  } else if (a.format == "json") {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const auto& c : changes) {
      static const char* kKinds[] = {"added",    "removed",     "modified",
                                     "replaced", "may-replace", "renamed"};
      nlohmann::ordered_json props = nlohmann::ordered_json::array();
      for (const auto& p : c.changes) {
        props.push_back({{"property", p.property},
                         {"cause", p.cause},
                         {"old", p.old_value},
                         {"new", p.new_value},
                         {"replacement", p.replacement == 2   ? "yes"
                                         : p.replacement == 1 ? "maybe"
                                                              : "no"}});
      }
      list.push_back({{"logical_id", c.id},
                      {"old_logical_id", c.old_id},
                      {"type", c.type},
                      {"change", kKinds[static_cast<int>(c.kind)]},
                      {"properties", props}});
    }
    std::ostringstream findings;
    write_json(findings, results);
    std::cout << nlohmann::ordered_json{{"version", 1},
                                        {"old", old_name},
                                        {"new", new_name},
                                        {"changes", list},
                                        {"findings",
                                         nlohmann::ordered_json::parse(findings.str())["findings"]}}
                     .dump(2)
              << '\n';
  } else {
    const bool color = use_color(a.color, false);
    const std::string_view green = color ? "\x1b[32m" : "", red = color ? "\x1b[31m" : "",
                           yellow = color ? "\x1b[33m" : "", bold = color ? "\x1b[1m" : "",
                           reset = color ? "\x1b[0m" : "";
    std::cout << fmt::format("{}{} -> {}{}\n", bold, old_name, new_name, reset);
    if (changes.empty()) std::cout << "No change to resources.\n";
    for (const auto& c : changes) {
      std::string_view col = c.kind == ResourceChange::Kind::Added     ? green
                             : c.kind == ResourceChange::Kind::Removed ? red
                                                                       : yellow;
      std::string marker;
      if (c.kind == ResourceChange::Kind::Replaced || c.kind == ResourceChange::Kind::Renamed) {
        marker = fmt::format("  {}REPLACE{}", red, reset);
      } else if (c.kind == ResourceChange::Kind::MayReplace) {
        marker = fmt::format("  {}MAY REPLACE{}", yellow, reset);
      }
      const std::string id =
          c.old_id.empty() ? c.id : fmt::format("{} (renamed from {})", c.id, c.old_id);
      std::cout << fmt::format("{}{}{} {}  {}{}\n", col, change_marker(c.kind), reset, id, c.type,
                               marker);
      for (const auto& p : c.changes) {
        const std::string effect = p.replacement == 2   ? " [replaces]"
                                   : p.replacement == 1 ? " [may replace]"
                                                        : "";
        if (!p.old_value.empty() || !p.new_value.empty()) {
          std::cout << fmt::format("      {}: {} -> {}  ({}){}\n", p.property,
                                   p.old_value.empty() ? "(none)" : p.old_value,
                                   p.new_value.empty() ? "(none)" : p.new_value, p.cause, effect);
        } else {
          std::cout << fmt::format("      {}: changes because {}{}\n", p.property, p.cause, effect);
        }
      }
    }
    if (!results[0].findings.empty()) {
      std::cout << '\n';
      write_text(std::cout, results, TextOptions{color, true});
    }
  }
  std::optional<Severity> fail;
  if (a.fail_level != "none") fail = parse_severity(a.fail_level);
  if (fail) {
    for (const auto& f : results[0].findings) {
      if (f.severity >= *fail) return kExitFindings;
    }
  }
  return kExitClean;
}

int run(int argc, char** argv) {
  CLI::App app{"stacklint: a fast static analyzer and deployment gate for AWS CloudFormation"};
  app.name("stacklint");
  app.set_version_flag("--version", std::string("stacklint ") + STACKLINT_VERSION);
  app.require_subcommand(1);

  LintArgs lint;
  auto* lint_cmd =
      app.add_subcommand("lint", "Lint templates (files, directories, or - for stdin)");
  lint_cmd->add_option("paths", lint.paths, "Templates or directories to lint")->required();
  lint_cmd->add_option("--format", lint.format, "Output format")
      ->check(CLI::IsMember({"text", "json", "sarif", "github", "junit"}))
      ->capture_default_str();
  lint_cmd->add_option("-o,--output", lint.output, "Write the report to FILE instead of stdout");
  lint_cmd->add_option("--select", lint.select,
                       "Only these rules: ids, prefixes (SEC, DAT00) or names, comma-separated");
  lint_cmd->add_option("--ignore", lint.ignore, "Skip these rules: ids, prefixes or names");
  auto* fail_opt = lint_cmd
                       ->add_option("--fail-level", lint.fail_level,
                                    "Exit with 1 when a finding is at or above this severity")
                       ->check(CLI::IsMember({"error", "warning", "info", "none"}))
                       ->capture_default_str();
  lint_cmd->add_option("--config", lint.config,
                       "Use this configuration file instead of the nearest .stacklint.yaml");
  lint_cmd->add_option("--color", lint.color, "Colour text output")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  lint_cmd->add_option("--stdin-filename", lint.stdin_filename,
                       "Name to report for the template read from stdin");
  lint_cmd->add_option("--parameters", lint.parameters,
                       "Parameter values: a JSON file ([{ParameterKey, ParameterValue}] or "
                       "{Parameters: {...}}), a file of Key=Value pairs, or Key=Value; repeatable");
  lint_cmd->add_option("--rule-option", lint.rule_options,
                       "A rule option, RULE.option=value (e.g. NET001.allowed-ports=80,443); "
                       "repeatable; see `stacklint explain RULE`");
  lint_cmd->add_option("--compare-to", lint.compare_to,
                       "Also report what the change from this earlier version does (CHG rules): "
                       "a file, git:REV (same path) or git:REV:path");
  lint_cmd->add_option("--allow-replacement", lint.allow_replacement,
                       "A logical id whose replacement is intended (repeatable)");
  lint_cmd->add_flag("--templates-only", lint.templates_only,
                     "Lint only the given files that look like templates; succeed when there "
                     "are none (for pre-commit)");
  lint_cmd->add_option("--baseline", lint.baseline,
                       "Report only findings that are not in this baseline file");
  lint_cmd->add_option("--write-baseline", lint.write_baseline,
                       "Record the current findings in this file (and exit 0)");
  lint_cmd->add_option("-j,--jobs", lint.jobs, "Files linted in parallel (default: one per core)")
      ->check(CLI::Range(1u, 1024u));

  std::string rules_format = "text";
  auto* rules_cmd = app.add_subcommand("rules", "List every rule");
  rules_cmd->add_option("--format", rules_format, "Output format")
      ->check(CLI::IsMember({"text", "json"}));

  std::string explain_id;
  auto* explain_cmd = app.add_subcommand("explain", "Print a rule's documentation");
  explain_cmd->add_option("rule", explain_id, "Rule id (DAT001) or name")->required();

  std::string config_path = ".", config_file;
  auto* config_cmd = app.add_subcommand("config", "Print the effective configuration for a path");
  config_cmd->add_option("path", config_path, "File or directory (default: .)");
  config_cmd->add_option("--config", config_file, "Use this configuration file");

  DiffArgs diff;
  auto* diff_cmd =
      app.add_subcommand("diff", "What deploying NEW over OLD changes: replacements and data loss");
  diff_cmd->add_option("old", diff.old_spec, "Earlier version: a file or git:REV:path")->required();
  diff_cmd->add_option("new", diff.new_spec, "New version: a file or git:REV:path")->required();
  diff_cmd->add_option("--format", diff.format, "Output format")
      ->check(CLI::IsMember({"text", "json", "sarif"}));
  diff_cmd->add_option("--parameters", diff.parameters, "Parameter values for both versions");
  diff_cmd->add_option("--old-parameters", diff.old_parameters, "Parameter values for OLD only");
  diff_cmd->add_option("--new-parameters", diff.new_parameters, "Parameter values for NEW only");
  diff_cmd->add_option("--allow-replacement", diff.allow,
                       "A logical id whose replacement is intended");
  diff_cmd->add_option("--fail-level", diff.fail_level, "Exit with 1 at or above this severity")
      ->check(CLI::IsMember({"error", "warning", "info", "none"}));
  diff_cmd->add_option("--color", diff.color, "Colour text output")
      ->check(CLI::IsMember({"auto", "always", "never"}));

  std::string eval_file, eval_path;
  std::vector<std::string> eval_parameters;
  auto* eval_cmd = app.add_subcommand("eval", "Show the values a template node can take, and when");
  eval_cmd->add_option("file", eval_file, "Template")->required();
  eval_cmd->add_option("path", eval_path, "Logical path, e.g. Resources/Db/Properties/Port")
      ->required();
  eval_cmd->add_option("--parameters", eval_parameters, "Parameter values, as for lint");

  std::string schema_type, schema_format = "text";
  auto* schema_cmd =
      app.add_subcommand("schema", "Show a resource type's properties and attributes");
  schema_cmd->add_option("type", schema_type, "Resource type, e.g. AWS::RDS::DBInstance")
      ->required();
  schema_cmd->add_option("--format", schema_format, "Output format")
      ->check(CLI::IsMember({"text", "json"}));

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    print_error(e.what());
    std::cerr << "Run 'stacklint --help' for usage.\n";
    return kExitError;
  }
  lint.fail_level_given = fail_opt->count() > 0;
  if (lint_cmd->parsed()) return run_lint(lint);
  if (config_cmd->parsed()) return run_config(config_path, config_file);
  if (rules_cmd->parsed()) return run_rules(rules_format);
  if (explain_cmd->parsed()) return run_explain(explain_id);
  if (schema_cmd->parsed()) return run_schema(schema_type, schema_format);
  if (eval_cmd->parsed()) return run_eval(eval_file, eval_path, eval_parameters);
  if (diff_cmd->parsed()) return run_diff(diff);
  return kExitError;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    print_error(std::string("internal error: ") + e.what());
    return kExitError;
  } catch (...) {
    print_error("internal error");
    return kExitError;
  }
}
