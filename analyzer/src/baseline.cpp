#include "stacklint/baseline.h"

#include <fmt/format.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "stacklint/files.h"
#include "stacklint/report.h"

namespace stacklint {

bool write_baseline(const std::string& file, std::span<const LintResult> results,
                    std::string* error) {
  using json = nlohmann::ordered_json;
  json findings = json::array();
  for_each_fingerprint(results, [&](const LintResult& r, const Finding& f, const std::string& fp) {
    findings.push_back({{"fingerprint", fp},
                        {"rule", f.rule->id},
                        {"path", r.path},
                        {"logical_path", f.logical_path},
                        {"message", f.message}});
  });
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << json{{"version", 1}, {"tool", "stacklint"}, {"findings", std::move(findings)}}.dump(2)
      << '\n';
  if (!out) {
    *error = fmt::format("{}: cannot write the baseline", file);
    return false;
  }
  return true;
}

bool read_baseline(const std::string& file, std::set<std::string>& fingerprints,
                   std::string* error) {
  std::string text, why;
  if (!read_text_file(file, text, &why)) {
    *error = fmt::format("{}: cannot read the baseline: {}", file, why);
    return false;
  }
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    const Position p = LineIndex(text).position(static_cast<uint32_t>(e.byte > 0 ? e.byte - 1 : 0));
    *error = fmt::format("{}:{}:{}: the baseline is not valid JSON", file, p.line, p.column);
    return false;
  }
  if (!j.is_object() || j.value("version", 0) != 1 || !j.contains("findings") ||
      !j["findings"].is_array()) {
    *error = fmt::format("{}: not a stacklint baseline (expected version 1 and findings)", file);
    return false;
  }
  for (const auto& f : j["findings"]) {
    if (f.is_object() && f.contains("fingerprint") && f["fingerprint"].is_string()) {
      fingerprints.insert(f["fingerprint"].get<std::string>());
    }
  }
  return true;
}

size_t apply_baseline(std::vector<LintResult>& results, const std::set<std::string>& baseline) {
  size_t removed = 0;
  for (auto& r : results) {
    std::vector<Finding> kept;
    const LintResult& view = r;
    for_each_fingerprint(std::span<const LintResult>(&view, 1),
                         [&](const LintResult&, const Finding& f, const std::string& fp) {
                           if (baseline.count(fp)) {
                             ++removed;
                           } else {
                             kept.push_back(f);
                           }
                         });
    r.findings = std::move(kept);
  }
  return removed;
}

}  // namespace stacklint
