// Reporters: render lint results for people (text) and machines (JSON).
#pragma once

#include <functional>
#include <ostream>
#include <span>
#include <string>

#include "stacklint/linter.h"

namespace stacklint {

struct Summary {
  size_t files = 0;
  size_t errors = 0;
  size_t warnings = 0;
  size_t infos = 0;
  size_t files_with_findings = 0;
};

Summary summarize(std::span<const LintResult> results);

struct TextOptions {
  bool color = false;
  bool show_source = true;
};

// `path:line:col: severity[ID] message`, the source line with a caret range, and a summary.
void write_text(std::ostream& out, std::span<const LintResult> results, const TextOptions& opts);

// The stable JSON format (version 1), documented in README.md.
void write_json(std::ostream& out, std::span<const LintResult> results);

// SARIF 2.1.0: one run, every rule in tool.driver.rules, repository-relative URIs under
// %SRCROOT%, logical paths as logicalLocations, and partialFingerprints.
void write_sarif(std::ostream& out, std::span<const LintResult> results);

// GitHub workflow commands (`::error file=..,line=..::message`), one per finding.
void write_github(std::ostream& out, std::span<const LintResult> results);

// JUnit XML: one testcase per rule per file, failing when the rule has findings there.
void write_junit(std::ostream& out, std::span<const LintResult> results);

// A finding's fingerprint: stable across edits that only move it (rule, file, logical path,
// message, and its rank among identical findings). Used by SARIF and baselines.
std::string fingerprint(const LintResult& r, const Finding& f, size_t occurrence);
void for_each_fingerprint(
    std::span<const LintResult> results,
    const std::function<void(const LintResult&, const Finding&, const std::string&)>& f);

}  // namespace stacklint
