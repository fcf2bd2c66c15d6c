// "Did you mean ...?": edit distance and the choice of a plausible correction.
#include <gtest/gtest.h>

#include "lambdasim/scenario/suggestion.hpp"

namespace lambdasim {
namespace {

TEST(ScenarioSuggestion, CountsASwapOfNeighboursAsOneEdit) {
    EXPECT_EQ(edit_distance("pyhton", "python"), 1);
    EXPECT_EQ(edit_distance("reserved_concurency", "reserved_concurrency"), 1);
    EXPECT_EQ(edit_distance("", "abc"), 3);
    EXPECT_EQ(edit_distance("MB", "mb"), 0);  // case is ignored
}

TEST(ScenarioSuggestion, SuggestsOnlyPlausibleTypos) {
    const std::vector<std::string> keys = {"memory", "timeout", "reserved_concurrency"};
    EXPECT_EQ(closest_match("memroy", keys), "memory");
    EXPECT_EQ(closest_match("timeot", keys), "timeout");
    EXPECT_FALSE(closest_match("colour", keys).has_value());
    EXPECT_FALSE(closest_match("xyz", {"abc"}).has_value());  // short words allow one edit only
}

TEST(ScenarioSuggestion, ListsTheChoicesWhenNoneIsClose) {
    EXPECT_EQ(suggestion_hint("pyhton", {"nodejs", "python"}), "did you mean `python`?");
    EXPECT_EQ(suggestion_hint("cobol", {"nodejs", "python"}), "expected one of: `nodejs`, `python`");
}

}  // namespace
}  // namespace lambdasim
