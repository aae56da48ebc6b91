#include "stacklint/linter.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <exception>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <thread>

#include "compare.h"
#include "stacklint/registry.h"
#include "stacklint/suppress.h"

namespace stacklint {

std::string_view status_name(FileStatus s) {
  switch (s) {
    case FileStatus::Ok:
      return "ok";
    case FileStatus::ParseError:
      return "parse-error";
    case FileStatus::NotATemplate:
      return "not-a-template";
    case FileStatus::Unreadable:
      return "unreadable";
    case FileStatus::Skipped:
      return "skipped";
  }
  return "ok";
}

namespace {

class CollectingSink : public Sink {
 public:
  CollectingSink(const Document& doc, const LintOptions& options, std::vector<Finding>& out)
      : doc_(doc), selection_(options.selection), severity_(options.severity), out_(out) {}

  void report(const RuleMeta& rule, Range where, std::string logical_path,
              std::string message) override {
    report(rule, rule.severity, where, std::move(logical_path), std::move(message));
  }

  void report(const RuleMeta& rule, Severity severity, Range where, std::string logical_path,
              std::string message) override {
    if (!selection_.enabled(rule)) return;
    Finding f;
    f.rule = &rule;
    const auto over = severity_.find(rule.id);
    f.severity = over == severity_.end() ? severity : over->second;
    f.range = where;
    f.start = doc_.position(where.begin);
    f.end = doc_.position(std::max(where.begin, where.end));
    f.logical_path = std::move(logical_path);
    f.message = std::move(message);
    out_.push_back(std::move(f));
  }

 private:
  const Document& doc_;
  const RuleSelection& selection_;
  const std::map<std::string, Severity, std::less<>>& severity_;
  std::vector<Finding>& out_;
};

bool line_starts_with_key(std::string_view text, std::string_view key) {
  size_t pos = 0;
  while (pos < text.size()) {
    std::string_view line = text.substr(pos, text.find('\n', pos) - pos);
    if (line.starts_with(key)) return true;
    const size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  return false;
}

}  // namespace

bool looks_like_template(std::string_view text) {
  if (text.find("AWSTemplateFormatVersion") != std::string_view::npos) return true;
  for (std::string_view key : {"Resources:", "\"Resources\":", "'Resources':", "Resources :"}) {
    if (line_starts_with_key(text, key)) return true;
  }
  // JSON: a "Resources" key anywhere (indentation is free).
  for (size_t at = text.find("\"Resources\""); at != std::string_view::npos;
       at = text.find("\"Resources\"", at + 1)) {
    size_t i = at + 11;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    if (i < text.size() && text[i] == ':') return true;
  }
  return false;
}

LintResult lint_buffer(std::string text, std::string path, const LintOptions& options) {
  LintResult result;
  result.path = std::move(path);
  if (options.require_template_content && !looks_like_template(text)) {
    result.status = FileStatus::Skipped;
    return result;
  }
  std::shared_ptr<const Document> doc = read_document(std::move(text), options.limits);
  result.document = doc;
  if (doc->has_issue(ReadIssue::Kind::Syntax)) {
    result.status = FileStatus::ParseError;
  } else if (doc->has_issue(ReadIssue::Kind::NotATemplate)) {
    result.status = FileStatus::NotATemplate;
  }
  Template tpl(*doc, &options.parameters);
  tpl.set_rule_options(&options.rule_options);
  CollectingSink sink(*doc, options, result.findings);
  for (const Rule* rule : all_rules()) {
    if (!options.selection.enabled(rule->meta())) continue;
    try {
      rule->check(tpl, sink);
    } catch (const std::exception& e) {
      result.internal_error = std::string(rule->meta().id) + ": " + e.what();
    }
  }
  // Change analysis against an earlier version.
  if (options.compare_to && tpl.root()) {
    Template old_tpl(*options.compare_to, &options.compare_parameters);
    report_changes(old_tpl, tpl, options, sink);
  }
  // Suppressions: remove what was accepted, report malformed and unused suppressions.
  if (tpl.root()) {
    std::vector<SuppressionProblem> problems;
    auto suppressions = collect_suppressions(tpl, problems);
    apply_suppressions(result.findings, suppressions);
    const RuleMeta& invalid = find_rule("PAR011")->meta();
    const RuleMeta& unused = find_rule("PAR012")->meta();
    for (const auto& p : problems) sink.report(invalid, p.where, p.logical_path, p.message);
    for (const auto& s : suppressions) {
      if (s.used || (s.origin != "comment" && s.origin != "stacklint")) continue;
      bool enabled = true;
      for (const auto& id : s.rules)
        enabled = enabled && options.selection.enabled(find_rule(id)->meta());
      if (!enabled) continue;
      std::string rules;
      for (const auto& id : s.rules) rules += (rules.empty() ? "" : ", ") + id;
      sink.report(unused, s.where, s.logical_path,
                  "this suppression of " + rules + " suppresses nothing here");
    }
  }
  std::stable_sort(result.findings.begin(), result.findings.end(),
                   [](const Finding& a, const Finding& b) {
                     if (a.start != b.start) return a.start < b.start;
                     return a.rule->id < b.rule->id;
                   });
  return result;
}

LintResult lint_file(const std::filesystem::path& file, std::string display_path,
                     const LintOptions& options) {
  std::string text, error;
  if (!read_text_file(file, text, &error)) {
    LintResult r;
    r.path = std::move(display_path);
    r.status = FileStatus::Unreadable;
    r.error = std::move(error);
    return r;
  }
  return lint_buffer(std::move(text), std::move(display_path), options);
}

std::vector<LintResult> lint_inputs(const std::vector<InputFile>& inputs,
                                    const LintOptions& options, unsigned jobs,
                                    const std::string& stdin_name) {
  return lint_inputs(inputs, std::vector<LintOptions>(inputs.size(), options), jobs, stdin_name);
}

std::vector<LintResult> lint_inputs(const std::vector<InputFile>& inputs,
                                    const std::vector<LintOptions>& all_options, unsigned jobs,
                                    const std::string& stdin_name) {
  std::vector<LintResult> results(inputs.size());
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i = next++; i < inputs.size(); i = next++) {
      const InputFile& f = inputs[i];
      LintOptions file_options = all_options[i];
      file_options.require_template_content = f.from_directory;
      if (f.is_stdin) {
        std::string text((std::istreambuf_iterator<char>(std::cin)),
                         std::istreambuf_iterator<char>());
        results[i] = lint_buffer(std::move(text), stdin_name, file_options);
      } else {
        results[i] = lint_file(f.path, f.display, file_options);
      }
    }
  };
  const auto n = std::max<size_t>(1, std::min<size_t>(jobs, inputs.size()));
  std::vector<std::thread> threads;
  for (size_t t = 1; t < n; ++t) threads.emplace_back(worker);
  worker();
  for (auto& t : threads) t.join();
  std::stable_sort(results.begin(), results.end(),
                   [](const LintResult& a, const LintResult& b) { return a.path < b.path; });
  return results;
}

}  // namespace stacklint
