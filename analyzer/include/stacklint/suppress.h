// Suppressions: findings a team has reviewed and accepted, each with a reason.
//
//   # stacklint: ignore[SEC001] the password is rotated by the pipeline    (line or line above)
//   Metadata: {stacklint: {ignore: [{rule: NET001, reason: "public web"}]}} (resource or template)
//
// and, for teams migrating, the equivalent keys of other linters where one of their checks maps
// to one of ours: cfn-lint `Metadata: {cfn-lint: {config: {ignore_checks: [...]}}}`, cfn_nag
// `Metadata: {cfn_nag: {rules_to_suppress: [{id, reason}]}}`, checkov
// `Metadata: {checkov: {skip: [{id, comment}]}}`. A suppression without a reason, or naming a
// rule that does not exist, is reported (PAR011); one that suppresses nothing is reported too
// (PAR012).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "stacklint/rule.h"
#include "stacklint/template.h"

namespace stacklint {

struct Suppression {
  enum class Scope : uint8_t { Lines, Resource, File };
  Scope scope = Scope::Lines;
  std::vector<std::string> rules;  // our rule ids
  std::string reason;
  uint32_t line = 0;     // Lines: the comment's line
  std::string resource;  // Resource: its logical id
  Range where;           // the comment or metadata entry, for PAR011/PAR012
  std::string logical_path;
  std::string origin;  // "comment", "stacklint", "cfn-lint", "cfn_nag", "checkov"
  bool used = false;
};

struct SuppressionProblem {
  Range where;
  std::string logical_path;
  std::string message;
};

// Comments of a YAML document (tree-sitter): byte ranges of every comment.
std::vector<Range> yaml_comments(std::string_view text);

// Every suppression of a template; malformed ones are returned in `problems`.
std::vector<Suppression> collect_suppressions(const Template& tpl,
                                              std::vector<SuppressionProblem>& problems);

// Our rule ids for another linter's check id ("cfn-lint", "E3012") -> {"SCH004"}.
std::vector<std::string_view> mapped_rules(std::string_view linter, std::string_view check);

// Removes suppressed findings (marking the suppressions used).
void apply_suppressions(std::vector<Finding>& findings, std::vector<Suppression>& suppressions);

}  // namespace stacklint
