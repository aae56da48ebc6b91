// SARIF 2.1.0, GitHub workflow annotations and JUnit XML.
#include <fmt/format.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#include "stacklint/registry.h"
#include "stacklint/report.h"

namespace stacklint {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

constexpr std::string_view kInformationUri = "https://github.com/stacklint/stacklint";

std::string_view sarif_level(Severity s) {
  switch (s) {
    case Severity::Error:
      return "error";
    case Severity::Warning:
      return "warning";
    case Severity::Info:
      return "note";
  }
  return "warning";
}

bool security_rule(std::string_view id) {
  return id.starts_with("SEC") || id.starts_with("NET") || id.starts_with("IAM");
}

std::vector<std::string> tags(std::string_view id) {
  if (security_rule(id)) return {"security"};
  if (id.starts_with("DAT") || id.starts_with("CHG")) return {"reliability", "data-protection"};
  return {"correctness"};
}

// The first line of Markdown text that is a sentence (for fullDescription).
std::string first_paragraph(std::string_view doc) {
  const auto what = doc.find("## What it does");
  std::string_view rest = what == std::string_view::npos ? doc : doc.substr(what + 15);
  const auto end = rest.find("\n\n", 1);
  std::string text(rest.substr(0, end));
  for (auto& c : text) c = c == '\n' ? ' ' : c;
  text.erase(0, text.find_first_not_of(' '));
  return text;
}

// Repository root for a path: the nearest directory above it with a .git entry, else cwd.
fs::path repository_root(const fs::path& file) {
  std::error_code ec;
  fs::path dir = fs::absolute(file, ec).parent_path();
  for (fs::path d = dir; !d.empty(); d = d.parent_path()) {
    if (fs::exists(d / ".git", ec)) return d;
    if (d == d.parent_path()) break;
  }
  return fs::current_path(ec);
}

uint64_t fnv1a(std::string_view s) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

}  // namespace

std::string fingerprint(const LintResult& r, const Finding& f, size_t occurrence) {
  // Rule, file, logical path and message: unrelated edits (lines moved) keep it.
  return fmt::format(
      "{:016x}:{}",
      fnv1a(fmt::format("{}\n{}\n{}\n{}", f.rule->id, r.path, f.logical_path, f.message)),
      occurrence);
}

void for_each_fingerprint(
    std::span<const LintResult> results,
    const std::function<void(const LintResult&, const Finding&, const std::string&)>& f) {
  for (const auto& r : results) {
    std::map<std::string, size_t> seen;
    for (const auto& finding : r.findings) {
      const std::string base = fingerprint(r, finding, 0);
      f(r, finding, fingerprint(r, finding, seen[base]++));
    }
  }
}

void write_sarif(std::ostream& os, std::span<const LintResult> results) {
  json rules = json::array();
  std::map<std::string_view, size_t> index;
  for (const Rule* rule : all_rules()) {
    const RuleMeta& m = rule->meta();
    index[m.id] = rules.size();
    json props = {{"tags", tags(m.id)}, {"precision", "high"}};
    if (security_rule(m.id)) {
      props["security-severity"] = m.severity == Severity::Error ? "8.0" : "5.0";
    }
    rules.push_back({{"id", m.id},
                     {"name", m.name},
                     {"shortDescription", {{"text", std::string(m.summary)}}},
                     {"fullDescription", {{"text", first_paragraph(m.doc)}}},
                     {"help", {{"text", std::string(m.doc)}, {"markdown", std::string(m.doc)}}},
                     {"helpUri", fmt::format("{}/blob/main/README.md#rules", kInformationUri)},
                     {"defaultConfiguration", {{"level", sarif_level(m.severity)}}},
                     {"properties", props}});
  }
  fs::path root;
  for (const auto& r : results) {
    if (r.path != "-") {
      root = repository_root(r.path);
      break;
    }
  }
  if (root.empty()) root = fs::current_path();
  std::string root_uri = "file://" + root.generic_string();
  if (root_uri.back() != '/') root_uri += '/';

  json sarif_results = json::array();
  for_each_fingerprint(results, [&](const LintResult& r, const Finding& f, const std::string& fp) {
    std::error_code ec;
    std::string uri = fs::relative(fs::absolute(r.path, ec), root, ec).generic_string();
    if (ec || uri.empty() || uri.starts_with("..")) uri = fs::path(r.path).generic_string();
    json location = {{"physicalLocation",
                      {{"artifactLocation", {{"uri", uri}, {"uriBaseId", "%SRCROOT%"}}},
                       {"region",
                        {{"startLine", f.start.line},
                         {"startColumn", f.start.column},
                         {"endLine", f.end.line},
                         {"endColumn", std::max(f.end.column, f.start.column + 1)}}}}}};
    if (!f.logical_path.empty()) {
      location["logicalLocations"] =
          json::array({{{"fullyQualifiedName", f.logical_path}, {"kind", "member"}}});
    }
    std::string message = f.message;
    if (!message.empty() && message.back() != '.') message += '.';
    sarif_results.push_back({{"ruleId", f.rule->id},
                             {"ruleIndex", index[f.rule->id]},
                             {"level", sarif_level(f.severity)},
                             {"message", {{"text", message}}},
                             {"locations", json::array({location})},
                             {"partialFingerprints", {{"stacklintFindingHash/v1", fp}}}});
  });
  json doc = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
              {"version", "2.1.0"},
              {"runs", json::array({{{"tool",
                                      {{"driver",
                                        {{"name", "stacklint"},
                                         {"version", STACKLINT_VERSION},
                                         {"semanticVersion", STACKLINT_VERSION},
                                         {"informationUri", kInformationUri},
                                         {"rules", std::move(rules)}}}}},
                                     {"originalUriBaseIds", {{"%SRCROOT%", {{"uri", root_uri}}}}},
                                     {"columnKind", "unicodeCodePoints"},
                                     {"results", std::move(sarif_results)}}})}};
  os << doc.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
}

namespace {

// GitHub's workflow command escaping: data and property values.
std::string escape_data(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '%')
      out += "%25";
    else if (c == '\r')
      out += "%0D";
    else if (c == '\n')
      out += "%0A";
    else
      out += c;
  }
  return out;
}

std::string escape_property(std::string_view s) {
  std::string out;
  for (char c : escape_data(s)) {
    if (c == ':')
      out += "%3A";
    else if (c == ',')
      out += "%2C";
    else
      out += c;
  }
  return out;
}

std::string xml(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        // XML 1.0 forbids most control characters.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t' && c != '\r') {
          out += ' ';
        } else {
          out += c;
        }
    }
  }
  return out;
}

}  // namespace

void write_github(std::ostream& os, std::span<const LintResult> results) {
  std::string out;
  for (const auto& r : results) {
    for (const auto& f : r.findings) {
      const std::string_view command = f.severity == Severity::Error     ? "error"
                                       : f.severity == Severity::Warning ? "warning"
                                                                         : "notice";
      out += fmt::format(
          "::{} file={},line={},col={},endLine={},endColumn={},title={}::{}\n", command,
          escape_property(r.path), f.start.line, f.start.column, f.end.line, f.end.column,
          escape_property(fmt::format("{} {}", f.rule->id, f.rule->name)), escape_data(f.message));
    }
  }
  os << out;
}

void write_junit(std::ostream& os, std::span<const LintResult> results) {
  // One testcase per rule per file; a failure lists that rule's findings in the file.
  std::string cases;
  size_t tests = 0, failures = 0;
  for (const auto& r : results) {
    if (r.status == FileStatus::Skipped) continue;
    for (const Rule* rule : all_rules()) {
      const RuleMeta& m = rule->meta();
      std::string body;
      size_t n = 0;
      for (const auto& f : r.findings) {
        if (f.rule != &m) continue;
        ++n;
        body += fmt::format("{}:{}:{}: {}[{}] {}\n", r.path, f.start.line, f.start.column,
                            severity_name(f.severity), m.id, f.message);
      }
      ++tests;
      cases += fmt::format("    <testcase classname=\"{}\" name=\"{} {}\" file=\"{}\"", xml(r.path),
                           m.id, m.name, xml(r.path));
      if (n == 0) {
        cases += "/>\n";
        continue;
      }
      ++failures;
      cases += fmt::format(
          ">\n      <failure type=\"{}\" message=\"{} finding{}\">{}</failure>\n    </testcase>\n",
          m.id, n, n == 1 ? "" : "s", xml(body));
    }
  }
  os << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
     << fmt::format("<testsuites name=\"stacklint\" tests=\"{}\" failures=\"{}\">\n", tests,
                    failures)
     << fmt::format("  <testsuite name=\"stacklint\" tests=\"{}\" failures=\"{}\" errors=\"0\">\n",
                    tests, failures)
     << cases << "  </testsuite>\n</testsuites>\n";
}

}  // namespace stacklint
