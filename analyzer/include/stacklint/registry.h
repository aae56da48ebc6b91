// The explicit table of every rule, sorted by id (see rules/registry.cpp).
#pragma once

#include <span>
#include <string_view>

#include "stacklint/rule.h"

namespace stacklint {

std::span<const Rule* const> all_rules();
// Finds a rule by id (case-insensitive) or by its kebab-case name; nullptr if unknown.
const Rule* find_rule(std::string_view id_or_name);

}  // namespace stacklint
