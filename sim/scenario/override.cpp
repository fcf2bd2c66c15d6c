#include "lambdasim/scenario/override.hpp"

#include <charconv>
#include <optional>
#include <string_view>

#include <fmt/format.h>

#include "lambdasim/scenario/scenario_error.hpp"

namespace lambdasim {
namespace {

constexpr const char* kSetLabel = "--set";
constexpr const char* kExample = "e.g. --set functions.api.memory=512MB";

bool is_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

std::vector<std::string> split_path(const std::string& path) {
    std::vector<std::string> segments;
    std::size_t start = 0;
    while (true) {
        const auto dot = path.find('.', start);
        segments.push_back(path.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
        if (dot == std::string::npos) break;
        start = dot + 1;
    }
    return segments;
}

std::optional<std::size_t> as_index(const std::string& segment) {
    std::size_t index = 0;
    const auto result = std::from_chars(segment.data(), segment.data() + segment.size(), index);
    if (result.ec != std::errc() || result.ptr != segment.data() + segment.size()) return std::nullopt;
    return index;
}

[[noreturn]] void fail_at_segment(const Override& o, std::size_t segment, std::string message, std::string hint) {
    throw override_error(o, override_segment_column(o, segment), std::move(message), std::move(hint));
}

std::string describe(const YAML::Node& node) {
    if (node.IsMap()) return "a map";
    if (node.IsSequence()) return "a list";
    if (node.IsScalar()) return "`" + node.Scalar() + "`";
    return "nothing";
}

// The value under `key` in a map, or an invalid-for-our-purposes undefined node.
std::optional<YAML::Node> find_key(const YAML::Node& map, const std::string& key) {
    for (auto it = map.begin(); it != map.end(); ++it)
        if (it->first.IsScalar() && it->first.Scalar() == key) return it->second;
    return std::nullopt;
}

void apply_one(YAML::Node& root, const Override& o) {
    YAML::Node value;
    try {
        value = YAML::Load(o.value);
    } catch (const YAML::ParserException& e) {
        const int column = override_value_column(o) + (e.mark.column > 0 ? e.mark.column : 0);
        throw override_error(o, column, fmt::format("{}: the value is not valid YAML: {}", o.path, e.msg),
                            "quote text that holds YAML punctuation, e.g. description=\"a: b\"");
    }
    const auto segments = split_path(o.path);
    if (!root.IsDefined() || root.IsNull()) root = YAML::Node(YAML::NodeType::Map);
    YAML::Node current;
    current.reset(root);
    std::string walked;
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const std::string& segment = segments[i];
        const bool last = i + 1 == segments.size();
        if (current.IsNull()) current = YAML::Node(YAML::NodeType::Map);  // `traffic:` left empty
        if (current.IsMap()) {
            if (last) {
                current[segment] = value;
                return;
            }
            if (auto existing = find_key(current, segment)) {
                current.reset(*existing);
            } else {
                current[segment] = YAML::Node(YAML::NodeType::Map);
                YAML::Node created = current[segment];
                current.reset(created);
            }
        } else if (current.IsSequence()) {
            const auto index = as_index(segment);
            if (!index || *index > current.size())
                fail_at_segment(
                    o, i,
                    fmt::format("{}: `{}` is not an index of this list of {} entries", o.path, segment, current.size()),
                    fmt::format("use 0 to {} (or {} to append)", current.size() ? current.size() - 1 : 0,
                                current.size()));
            if (*index == current.size()) {
                if (!last)
                    fail_at_segment(o, i, fmt::format("{}: list entry {} does not exist yet", o.path, segment),
                                    "append a whole entry first, e.g. ...steps.3={at: 2h, rate: 5/s}");
                current.push_back(value);
                return;
            }
            if (last) {
                current[*index] = value;
                return;
            }
            YAML::Node element = current[*index];
            current.reset(element);
        } else {
            fail_at_segment(
                o, i,
                fmt::format("{}: cannot set `{}` inside `{}`, which is {}", o.path, segment, walked, describe(current)),
                fmt::format("set the whole value instead, e.g. --set {}={{...}}", walked));
        }
        walked += (walked.empty() ? "" : ".") + segment;
    }
}

}  // namespace

Override parse_override(const std::string& text) {
    const auto equals = text.find('=');
    if (equals == std::string::npos)
        throw ScenarioError(kSetLabel, 1, 1, fmt::format("`{}` is not KEY=VALUE", text), kExample);
    Override o{text.substr(0, equals), text.substr(equals + 1), ""};
    if (o.path.empty()) throw ScenarioError(kSetLabel, 1, 1, "the key before `=` is empty", kExample);
    for (std::size_t i = 0; i < o.path.size(); ++i) {
        const char c = o.path[i];
        const int column = static_cast<int>(i) + 1;
        if (c == '.') {
            if (i == 0 || i + 1 == o.path.size() || o.path[i + 1] == '.')
                throw ScenarioError(kSetLabel, 1, i + 1 < o.path.size() ? column + 1 : column,
                                    fmt::format("key `{}` has an empty segment", o.path),
                                    "separate names with single dots: functions.api.memory");
        } else if (!is_name_char(c)) {
            throw ScenarioError(kSetLabel, 1, column, fmt::format("key `{}` contains `{}`", o.path, c),
                                "keys are names (letters, digits, _ and -) separated by dots");
        }
    }
    return o;
}

int override_segment_column(const Override& o, std::size_t segment) {
    std::size_t offset = 0;
    for (std::size_t s = 0; s < segment; ++s) {
        const auto dot = o.path.find('.', offset);
        if (dot == std::string::npos) break;
        offset = dot + 1;
    }
    return static_cast<int>(offset) + 1;
}

int override_value_column(const Override& o) { return static_cast<int>(o.path.size()) + 2; }

void apply_overrides(YAML::Node& root, const std::vector<Override>& overrides) {
    for (const auto& o : overrides) apply_one(root, o);
}

ScenarioError override_error(const Override& o, int column, std::string message, std::string hint) {
    if (!o.option.empty()) return ScenarioError(o.option, 0, 0, std::move(message), std::move(hint));
    return ScenarioError(kSetLabel, 1, column, std::move(message), std::move(hint));
}

}  // namespace lambdasim
