#pragma once
// Strict, located reading of YAML: every value is read through a YamlField that knows its key
// path ("functions.api.memory") and how to report an error at its line and column. Readers of
// the scenario sections are built from these helpers, so every section reports mistakes alike.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "lambdasim/engine/time.hpp"
#include "lambdasim/scenario/source_locator.hpp"

namespace lambdasim {

class YamlField {
public:
    YamlField(YAML::Node node, std::string path, const SourceLocator& locator,
              std::optional<YAML::Node> key = std::nullopt);

    const YAML::Node& node() const { return node_; }
    const std::string& path() const { return path_; }
    const SourceLocator& locator() const { return *locator_; }
    const std::optional<YAML::Node>& key_node() const { return key_; }
    // The last segment of the path: the key this value sits under ("memory").
    std::string name() const;

    bool is_null() const { return !node_.IsDefined() || node_.IsNull(); }
    bool is_map() const { return node_.IsMap(); }
    bool is_list() const { return node_.IsSequence(); }
    bool is_scalar() const { return node_.IsScalar(); }
    // "a map", "a list", "`abc`", "nothing": for "expected X, got Y" messages.
    std::string describe() const;

    // The child at `key` (a map key or list index) with the extended path.
    YamlField child(YAML::Node value, const std::string& key, std::optional<YAML::Node> key_node) const;

    // The error, with the message prefixed by the key path ("functions.api.memory: ...").
    ScenarioError error(const std::string& message, const std::string& hint = {}) const;
    [[noreturn]] void fail(const std::string& message, const std::string& hint = {}) const;
    // The same, located at the key rather than the value (unknown keys, missing children).
    [[noreturn]] void fail_at_key(const std::string& message, const std::string& hint = {}) const;

private:
    YAML::Node node_;
    std::string path_;
    const SourceLocator* locator_;
    std::optional<YAML::Node> key_;
};

// A map whose keys are checked: no key outside `allowed`, none twice. An empty value (`traffic:`
// with nothing under it) reads as an empty map.
class YamlMap {
public:
    struct Entry {
        std::string key;
        YamlField value;
    };

    YamlMap(const YamlField& field, const std::vector<std::string>& allowed);
    // A map from user-chosen names to settings (functions, traffic): any key, but unique.
    // `what` names an entry in messages ("function").
    static YamlMap of_names(const YamlField& field, const std::string& what);

    const YamlField& field() const { return field_; }
    const std::vector<Entry>& entries() const { return entries_; }
    bool has(std::string_view key) const { return find(key) != nullptr; }
    std::optional<YamlField> get(std::string_view key) const;
    // Fails at the map's own key when `key` is absent; `hint` says what to write.
    YamlField required(std::string_view key, const std::string& hint) const;
    // Fails at the first present key outside `applicable`: "`p50` does not apply to <context>".
    void restrict_to(const std::vector<std::string>& applicable, const std::string& context) const;

private:
    explicit YamlMap(const YamlField& field);
    const Entry* find(std::string_view key) const;
    void read_entries(const std::vector<std::string>* allowed, const std::string& what);

    YamlField field_;
    std::vector<Entry> entries_;
};

// Scalars. Each fails at the field with the key path, what was expected and how to fix it.
std::string read_text(const YamlField& field);
SimTime read_duration(const YamlField& field);  // with unit, e.g. 30s
double read_rate(const YamlField& field);       // per second, e.g. 45/s
double read_size(const YamlField& field);       // bytes, e.g. 512MB
double read_number(const YamlField& field);     // plain number, e.g. 0.5
double read_fraction(const YamlField& field);   // plain number in [0, 1]
long long read_integer(const YamlField& field, long long min, long long max);
std::uint64_t read_unsigned64(const YamlField& field);
bool read_boolean(const YamlField& field);  // `true` or `false` only (not yes/no/on/off)
// Whole megabytes within [min_mb, max_mb], e.g. memory: 1769MB.
int read_megabytes(const YamlField& field, int min_mb, int max_mb);
std::vector<YamlField> read_list(const YamlField& field);

// Fails with "unknown <key> `word`" and a did-you-mean hint over `names`.
[[noreturn]] void fail_unknown_choice(const YamlField& field, const std::string& word,
                                      const std::vector<std::string>& names);

// One of a fixed set of words (runtime: python), with a suggestion when misspelt.
template <typename Enum>
Enum read_choice(const YamlField& field, const std::vector<std::pair<std::string, Enum>>& choices) {
    const std::string word = read_text(field);
    std::vector<std::string> names;
    for (const auto& [name, value] : choices) {
        if (name == word) return value;
        names.push_back(name);
    }
    fail_unknown_choice(field, word, names);
}

}  // namespace lambdasim
