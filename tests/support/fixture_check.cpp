#include "support/fixture_check.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace stacklint::testing {
namespace {

std::string trim(std::string s) {
  s.erase(0, s.find_first_not_of(" \t\r"));
  s.erase(s.find_last_not_of(" \t\r") + 1);
  return s;
}

std::vector<std::string> split_ids(const std::string& list) {
  std::vector<std::string> out;
  std::stringstream ss(list);
  std::string id;
  while (std::getline(ss, id, ',')) {
    id = trim(id);
    if (!id.empty()) out.push_back(id);
  }
  return out;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::stringstream ss(text);
  std::string line;
  while (std::getline(ss, line)) lines.push_back(line);
  return lines;
}

}  // namespace

std::vector<Expectation> read_expectations(const std::string& fixture_path, const std::string& text,
                                           std::vector<std::string>& errors) {
  std::vector<Expectation> out;
  const std::string sidecar = fixture_path + ".expect";
  if (std::filesystem::exists(sidecar)) {
    std::ifstream in(sidecar);
    std::string line;
    unsigned n = 0;
    while (std::getline(in, line)) {
      ++n;
      if (const auto hash = line.find('#'); hash != std::string::npos) line.erase(hash);
      line = trim(line);
      if (line.empty()) continue;
      std::istringstream row(line);
      std::string where, id;
      row >> where >> id;
      Expectation e;
      e.rule = id;
      const auto colon = where.find(':');
      try {
        e.line = static_cast<unsigned>(std::stoul(where.substr(0, colon)));
        if (colon != std::string::npos)
          e.column = static_cast<unsigned>(std::stoul(where.substr(colon + 1)));
      } catch (const std::exception&) {
        errors.push_back(fmt::format("{}:{}: malformed expectation '{}'", sidecar, n, line));
        continue;
      }
      if (id.empty()) {
        errors.push_back(fmt::format("{}:{}: expectation without a rule id", sidecar, n));
        continue;
      }
      out.push_back(e);
    }
    return out;
  }
  const auto lines = lines_of(text);
  for (unsigned i = 0; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    const auto at = line.find("# expect");
    if (at == std::string::npos) continue;
    std::string rest = line.substr(at + 8);
    unsigned offset = 0;
    if (!rest.empty() && rest[0] == '+') {
      size_t digits = 1;
      while (digits < rest.size() && std::isdigit(static_cast<unsigned char>(rest[digits])))
        ++digits;
      if (digits == 1) {
        errors.push_back(fmt::format("{}:{}: 'expect+' needs a line count", fixture_path, i + 1));
        continue;
      }
      offset = static_cast<unsigned>(std::stoul(rest.substr(1, digits - 1)));
      rest = rest.substr(digits);
    }
    if (rest.empty() || rest[0] != ':') {
      errors.push_back(fmt::format("{}:{}: malformed expectation", fixture_path, i + 1));
      continue;
    }
    const auto ids = split_ids(rest.substr(1));
    if (ids.empty()) {
      errors.push_back(fmt::format("{}:{}: expectation names no rule", fixture_path, i + 1));
    }
    for (const auto& id : ids) out.push_back({i + 1 + offset, 0, id});
  }
  return out;
}

std::vector<std::string> check_fixture(const std::string& fixture_path, const std::string& text) {
  std::vector<std::string> failures;
  auto expected = read_expectations(fixture_path, text, failures);
  LintOptions options;
  // A change fixture: NAME.new.yaml is compared with NAME.old.yaml beside it.
  const auto dot = fixture_path.rfind(".new.");
  if (dot != std::string::npos) {
    // The earlier version may be in another format (a JSON -> YAML conversion).
    std::string old_path;
    for (const std::string& ext :
         {fixture_path.substr(dot + 5), std::string("yaml"), std::string("json")}) {
      const std::string candidate = fixture_path.substr(0, dot) + ".old." + ext;
      if (old_path.empty() && std::filesystem::exists(candidate)) old_path = candidate;
    }
    std::ifstream in(old_path, std::ios::binary);
    if (old_path.empty() || !in)
      return {fmt::format("{}: no NAME.old.* to compare with", fixture_path)};
    std::ostringstream ss;
    ss << in.rdbuf();
    options.compare_to = read_document(ss.str());
  }
  const LintResult result = lint_buffer(text, fixture_path, options);
  if (!result.internal_error.empty()) {
    failures.push_back(fmt::format("{}: internal error: {}", fixture_path, result.internal_error));
  }
  const auto lines = lines_of(text);
  auto source = [&](unsigned line) {
    return line >= 1 && line <= lines.size() ? "\n    | " + lines[line - 1] : std::string();
  };
  std::vector<bool> matched(expected.size(), false);
  for (const auto& f : result.findings) {
    bool found = false;
    for (size_t i = 0; i < expected.size() && !found; ++i) {
      const auto& e = expected[i];
      if (matched[i] || e.rule != f.rule->id || e.line != f.start.line) continue;
      if (e.column != 0 && e.column != f.start.column) continue;
      matched[i] = found = true;
    }
    if (!found) {
      failures.push_back(fmt::format("{}:{}:{} unexpected {}: {}{}", fixture_path, f.start.line,
                                     f.start.column, f.rule->id, f.message, source(f.start.line)));
    }
  }
  for (size_t i = 0; i < expected.size(); ++i) {
    if (matched[i]) continue;
    const auto& e = expected[i];
    failures.push_back(fmt::format("{}:{}:{} expected {}, got nothing{}", fixture_path, e.line,
                                   e.column ? e.column : 1, e.rule, source(e.line)));
  }
  return failures;
}

std::vector<std::string> check_fixture_file(const std::string& fixture_path) {
  std::ifstream in(fixture_path, std::ios::binary);
  if (!in) return {fmt::format("{}: cannot read the fixture", fixture_path)};
  std::ostringstream ss;
  ss << in.rdbuf();
  return check_fixture(fixture_path, ss.str());
}

}  // namespace stacklint::testing
