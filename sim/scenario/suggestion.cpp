#include "lambdasim/scenario/suggestion.hpp"

#include <algorithm>
#include <cctype>

namespace lambdasim {
namespace {

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

}  // namespace

int edit_distance(std::string_view a, std::string_view b) {
    const std::size_t n = a.size();
    const std::size_t m = b.size();
    // Three rows suffice for the neighbour-swap rule.
    std::vector<int> before(m + 1), previous(m + 1), current(m + 1);
    for (std::size_t j = 0; j <= m; ++j) previous[j] = static_cast<int>(j);
    for (std::size_t i = 1; i <= n; ++i) {
        current[0] = static_cast<int>(i);
        for (std::size_t j = 1; j <= m; ++j) {
            const int cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
            int best = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) && lower(a[i - 2]) == lower(b[j - 1]))
                best = std::min(best, before[j - 2] + 1);
            current[j] = best;
        }
        std::swap(before, previous);
        std::swap(previous, current);
    }
    return previous[m];
}

std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates) {
    const int allowed = word.size() <= 3 ? 1 : 2;
    std::optional<std::string> best;
    int best_distance = allowed + 1;
    for (const auto& candidate : candidates) {
        const int d = edit_distance(word, candidate);
        if (d < best_distance) {
            best_distance = d;
            best = candidate;
        }
    }
    return best;
}

std::string join_quoted(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) {
        if (!out.empty()) out += ", ";
        out += "`" + w + "`";
    }
    return out;
}

std::string suggestion_hint(std::string_view word, const std::vector<std::string>& candidates, std::string_view what) {
    if (auto match = closest_match(word, candidates)) return "did you mean `" + *match + "`?";
    return std::string(what) + ": " + join_quoted(candidates);
}

}  // namespace lambdasim
