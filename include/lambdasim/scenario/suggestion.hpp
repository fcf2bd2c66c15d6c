#pragma once
// "Did you mean ...?" for misspelt keys, enum values and units.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lambdasim {

// Edit distance counting insertions, deletions, substitutions and swaps of neighbours as one
// step each (optimal string alignment), ignoring ASCII case.
int edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word`, if it is close enough to be a plausible typo (at most 2
// edits, 1 for words of three letters or fewer). Ties go to the earlier candidate.
std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates);

// "did you mean `x`?" when a candidate is close, otherwise "<what>: a, b, c".
std::string suggestion_hint(std::string_view word, const std::vector<std::string>& candidates,
                            std::string_view what = "expected one of");

// "`a`, `b`, `c`"
std::string join_quoted(const std::vector<std::string>& words);

}  // namespace lambdasim
