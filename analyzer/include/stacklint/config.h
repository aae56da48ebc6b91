// The configuration file, `.stacklint.yaml`, found by walking up from each linted file (or
// named with --config):
//
//   select: [SEC, NET, DAT]          # rules to run (ids, prefixes, names); default: all
//   ignore: [REF008]                 # rules to skip
//   severity: {IAM002: error}        # severity overrides
//   fail-level: warning              # error | warning | info | none
//   include: ["stacks/**/*.yaml"]    # when walking directories, lint only these (globs)
//   exclude: ["**/generated/**"]     # ... and never these
//   rule-options:
//     NET001: {allowed-ports: [80, 443, 8443]}
//   parameters:                      # values for templates' parameters, per glob
//     "stacks/prod/*.yaml": {Env: prod}
//   allow-replacement: [Database]    # logical ids whose replacement is intended (CHG rules)
//   overrides:                       # per-path rule selection and severities
//     - paths: ["legacy/**"]
//       ignore: [SEC004]
//       severity: {DAT001: info}
//
// Globs are relative to the directory holding the file; `*` matches within a path segment,
// `**` across segments, `?` one character.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "stacklint/eval.h"
#include "stacklint/rule.h"

namespace stacklint {

struct PathOverride {
  std::vector<std::string> paths;
  std::vector<std::string> select, ignore;
  std::map<std::string, Severity, std::less<>> severity;
};

struct Config {
  std::string file;  // empty: built-in defaults
  std::filesystem::path base;
  std::vector<std::string> select, ignore;
  std::map<std::string, Severity, std::less<>> severity;
  std::optional<std::string> fail_level;
  std::vector<std::string> include, exclude;
  std::map<std::string, std::string, std::less<>> rule_options;  // "NET001.allowed-ports"
  std::vector<std::pair<std::string, ParameterValues>> parameters;
  std::vector<PathOverride> overrides;
  std::vector<std::string> allow_replacement;

  // `file` relative to `base`, with '/' separators ("" when it is not below base).
  std::string relative(const std::filesystem::path& path) const;
};

// Reads and validates a configuration file. Unknown keys, unknown rules and bad values are
// errors naming the file, line and column.
bool load_config(const std::string& file, Config& out, std::string* error);

// The nearest `.stacklint.yaml` in `start` or a directory above it.
std::optional<std::filesystem::path> find_config(const std::filesystem::path& start);

bool glob_match(std::string_view pattern, std::string_view path);

struct LintOptions;

// The options for one file: the configuration (its overrides and parameters for that path)
// under `cli` (command-line selections, rule options and parameters win).
// `excluded` is set when the configuration's include/exclude globs leave the file out.
LintOptions options_for(const Config& config, const std::filesystem::path& file,
                        const LintOptions& cli, const std::vector<std::string>& cli_select,
                        const std::vector<std::string>& cli_ignore, bool* excluded,
                        std::string* error);

// Rule options a configuration may set, "RULE.option" with a one-line description.
const std::map<std::string, std::string, std::less<>>& known_rule_options();

}  // namespace stacklint
