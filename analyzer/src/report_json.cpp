#include <nlohmann/json.hpp>

#include "stacklint/report.h"

namespace stacklint {

void write_json(std::ostream& os, std::span<const LintResult> results) {
  using json = nlohmann::ordered_json;
  json files = json::array();
  json findings = json::array();
  for (const auto& r : results) {
    if (r.status == FileStatus::Skipped) continue;
    files.push_back({{"path", r.path}, {"status", status_name(r.status)}});
    for (const auto& f : r.findings) {
      findings.push_back({{"rule", f.rule->id},
                          {"name", f.rule->name},
                          {"severity", severity_name(f.severity)},
                          {"path", r.path},
                          {"line", f.start.line},
                          {"column", f.start.column},
                          {"end_line", f.end.line},
                          {"end_column", f.end.column},
                          {"logical_path", f.logical_path},
                          {"message", f.message}});
    }
  }
  const Summary s = summarize(results);
  json doc = {
      {"version", 1},
      {"tool", {{"name", "stacklint"}, {"version", STACKLINT_VERSION}}},
      {"files", std::move(files)},
      {"findings", std::move(findings)},
      {"summary",
       {{"files", s.files}, {"errors", s.errors}, {"warnings", s.warnings}, {"infos", s.infos}}}};
  // Invalid UTF-8 never reaches here (such files fail to read), but replace rather than throw.
  os << doc.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
}

}  // namespace stacklint
