// "Did you mean ...?" suggestions for misspelt names.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>

namespace stacklint {

// Optimal-string-alignment edit distance (insertions, deletions, substitutions, transpositions).
size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word`: one that differs only in case, or within an edit distance of
// about a third of the word's length. Empty when nothing is close enough.
std::string_view closest_match(std::string_view word, std::span<const std::string_view> candidates);

}  // namespace stacklint
