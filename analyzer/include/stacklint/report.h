// Reporters: render lint results for people (text) and machines (JSON).
#pragma once

#include <ostream>
#include <span>

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

}  // namespace stacklint
