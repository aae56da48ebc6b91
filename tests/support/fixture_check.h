// Closed-world fixture checks: every finding must be expected and every expectation found.
//
// Expectations live in the fixture: `# expect: ID[, ID...]` names findings starting on that
// line; `# expect+N: ID` names findings N lines below (inside block scalars, where a comment
// would be part of the value). A sidecar `<fixture>.expect` (for JSON, or for files that cannot
// hold comments) lists one `LINE[:COL] ID` per line; `#` starts a comment there.
#pragma once

#include <string>
#include <vector>

#include "stacklint/linter.h"

namespace stacklint::testing {

struct Expectation {
  unsigned line = 0;
  unsigned column = 0;  // 0: any column
  std::string rule;
};

// Parses the expectations of a fixture (inline or from the sidecar). Malformed expectation
// lines are reported in `errors`.
std::vector<Expectation> read_expectations(const std::string& fixture_path, const std::string& text,
                                           std::vector<std::string>& errors);

// Lints the text and returns one message per mismatch (empty when the fixture passes).
// Messages read `file:line:col expected DAT001, got nothing` and quote the source line.
std::vector<std::string> check_fixture(const std::string& fixture_path, const std::string& text);

// Reads the file and checks it.
std::vector<std::string> check_fixture_file(const std::string& fixture_path);

}  // namespace stacklint::testing
