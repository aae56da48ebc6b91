// Linting one buffer or file: read, build the model, run the enabled rules, collect findings
// sorted by position. This is the API every front end (CLI, language server, deploy) uses.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "stacklint/files.h"
#include "stacklint/reader.h"
#include "stacklint/rule.h"
#include "stacklint/selection.h"
#include "stacklint/template.h"

namespace stacklint {

enum class FileStatus : uint8_t {
  Ok,            // read and linted
  ParseError,    // not well-formed YAML/JSON; PAR findings say where
  NotATemplate,  // empty, binary or not a mapping
  Unreadable,    // could not be read (see `error`)
  Skipped,       // found by walking a directory and not a CloudFormation template: not reported
};

std::string_view status_name(FileStatus s);

struct LintOptions {
  RuleSelection selection;
  // Values for the templates' parameters (`--parameters`); the rest keep their Default and
  // AllowedValues.
  ParameterValues parameters;
  // Severity overrides by rule id (from the configuration).
  std::map<std::string, Severity, std::less<>> severity;
  // Rule options, "RULE.key" -> value (e.g. "NET001.allowed-ports" -> "80,443").
  std::map<std::string, std::string, std::less<>> rule_options;
  ReadLimits limits;
  // An earlier version of the template: findings about the change (CHG rules) are added.
  std::shared_ptr<const Document> compare_to;
  ParameterValues compare_parameters;  // parameter values for the earlier version
  // Logical ids whose replacement is intended (CHG rules stay silent about them).
  std::set<std::string, std::less<>> allow_replacement;
  // Files found by walking a directory are linted only when their content looks like a
  // template; files named explicitly are always linted.
  bool require_template_content = false;
};

struct LintResult {
  std::string path;  // as displayed
  FileStatus status = FileStatus::Ok;
  std::string error;              // for Unreadable: why
  std::string internal_error;     // a rule failed unexpectedly (a bug in stacklint): exit code 2
  std::vector<Finding> findings;  // sorted by position, then rule id
  std::shared_ptr<const Document> document;  // the source, for reporters that quote it
};

// Lints an in-memory buffer; `path` is only a hint for messages and format detection.
LintResult lint_buffer(std::string text, std::string path, const LintOptions& options);

// Reads and lints a file; an unreadable file yields status Unreadable.
LintResult lint_file(const std::filesystem::path& file, std::string display_path,
                     const LintOptions& options);

// Lints `inputs` on `jobs` threads (files found in directories only when they look like
// templates; standard input read once under the name `stdin_name`). Results are sorted by path.
std::vector<LintResult> lint_inputs(const std::vector<InputFile>& inputs,
                                    const LintOptions& options, unsigned jobs,
                                    const std::string& stdin_name = "-");
// The same with options per input (`options[i]` for `inputs[i]`).
std::vector<LintResult> lint_inputs(const std::vector<InputFile>& inputs,
                                    const std::vector<LintOptions>& options, unsigned jobs,
                                    const std::string& stdin_name = "-");

// True when the text looks like a CloudFormation template (it names AWSTemplateFormatVersion
// or has a top-level Resources key), used to pick templates out of a directory tree.
bool looks_like_template(std::string_view text);

}  // namespace stacklint
