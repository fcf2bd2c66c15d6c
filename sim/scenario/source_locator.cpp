#include "lambdasim/scenario/source_locator.hpp"

#include <utility>

namespace lambdasim {
namespace {

bool starts_with_path(const std::string& path, const std::string& prefix) {
    return path.size() > prefix.size() && path.compare(0, prefix.size(), prefix) == 0 && path[prefix.size()] == '.';
}

std::size_t segment_count(const std::string& path) {
    if (path.empty()) return 0;
    std::size_t n = 1;
    for (char c : path) n += c == '.' ? 1 : 0;
    return n;
}

bool has_mark(const YAML::Node& node) { return node.IsDefined() && node.Mark().line >= 0; }

}  // namespace

SourceLocator::SourceLocator(std::string file_label, std::vector<Override> overrides)
    : file_(std::move(file_label)), overrides_(std::move(overrides)) {}

ScenarioError SourceLocator::error(const YAML::Node& node, const std::string& path, bool at_key, std::string message,
                                   std::string hint) const {
    // The last override that touched the node wins, as it did when the overrides were applied.
    for (auto it = overrides_.rbegin(); it != overrides_.rend(); ++it) {
        const Override& o = *it;
        const bool inside_value = starts_with_path(path, o.path) || (path == o.path && !at_key);
        if (inside_value) {
            // The value was parsed from the text after '='; its marks count from there.
            int column = override_value_column(o);
            if (has_mark(node) && node.Mark().line == 0) column += node.Mark().column;
            return override_error(o, column, std::move(message), std::move(hint));
        }
        const bool on_the_key_path = path == o.path || (starts_with_path(o.path, path) && !has_mark(node));
        if (on_the_key_path && !path.empty()) {
            const int column = override_segment_column(o, segment_count(path) - 1);
            return override_error(o, column, std::move(message), std::move(hint));
        }
    }
    if (!has_mark(node)) {
        // Only the document root (made by --set on an empty file) lacks a mark; it starts at 1:1.
        const int line = path.empty() ? 1 : 0;
        return ScenarioError(file_, line, line, std::move(message), std::move(hint));
    }
    return error_at_mark(node.Mark(), std::move(message), std::move(hint));
}

ScenarioError SourceLocator::error_at_mark(const YAML::Mark& mark, std::string message, std::string hint) const {
    if (mark.line < 0) return ScenarioError(file_, 0, 0, std::move(message), std::move(hint));
    return ScenarioError(file_, mark.line + 1, mark.column + 1, std::move(message), std::move(hint));
}

}  // namespace lambdasim
