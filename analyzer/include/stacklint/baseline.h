// Baselines: record today's findings so a gate reports only new ones.
#pragma once

#include <set>
#include <span>
#include <string>
#include <vector>

#include "stacklint/linter.h"

namespace stacklint {

// Writes every finding's fingerprint (with its rule, file, logical path and message, so the
// file reads well in review) as JSON.
bool write_baseline(const std::string& file, std::span<const LintResult> results,
                    std::string* error);

// Reads the fingerprints of a baseline file; false with a message naming the file and the
// position of the problem.
bool read_baseline(const std::string& file, std::set<std::string>& fingerprints,
                   std::string* error);

// Removes findings whose fingerprint is in `baseline`; returns how many were removed.
size_t apply_baseline(std::vector<LintResult>& results, const std::set<std::string>& baseline);

}  // namespace stacklint
