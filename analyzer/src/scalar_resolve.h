#pragma once

#include <string_view>

#include "stacklint/node.h"

namespace stacklint {

// Resolves an untagged plain scalar with YAML 1.2's core schema: null (`~`, `null`, empty),
// booleans (`true`/`false` in three casings), integers (decimal, 0o octal, 0x hex) and floats
// (including .inf and .nan). Everything else is a string.
ScalarKind resolve_plain_scalar(std::string_view s);

}  // namespace stacklint
