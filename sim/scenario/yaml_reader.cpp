#include "lambdasim/scenario/yaml_reader.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>

#include <fmt/format.h>

#include "lambdasim/scenario/suggestion.hpp"
#include "lambdasim/scenario/units.hpp"

namespace lambdasim {
namespace {

std::string_view trimmed(const std::string& s) {
    std::string_view v = s;
    while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
    while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.remove_suffix(1);
    return v;
}

// Runs a units parser and rethrows its error at the field.
template <typename Parse>
auto located(const YamlField& field, Parse parse) {
    const std::string text = read_text(field);
    try {
        return parse(text);
    } catch (const ScenarioError& e) {
        field.fail(e.message, e.hint);
    }
}

}  // namespace

YamlField::YamlField(YAML::Node node, std::string path, const SourceLocator& locator, std::optional<YAML::Node> key)
    : node_(std::move(node)), path_(std::move(path)), locator_(&locator), key_(std::move(key)) {}

std::string YamlField::name() const {
    const auto dot = path_.rfind('.');
    return dot == std::string::npos ? path_ : path_.substr(dot + 1);
}

std::string YamlField::describe() const {
    if (is_null()) return "nothing";
    if (is_map()) return "a map";
    if (is_list()) return "a list";
    return "`" + node_.Scalar() + "`";
}

YamlField YamlField::child(YAML::Node value, const std::string& key, std::optional<YAML::Node> key_node) const {
    return YamlField(std::move(value), path_.empty() ? key : path_ + "." + key, *locator_, std::move(key_node));
}

ScenarioError YamlField::error(const std::string& message, const std::string& hint) const {
    return locator_->error(node_, path_, false, path_.empty() ? message : path_ + ": " + message, hint);
}

void YamlField::fail(const std::string& message, const std::string& hint) const {
    // An empty value has no position of its own in yaml-cpp; its key has.
    if (is_null() && key_) fail_at_key(message, hint);
    throw error(message, hint);
}

void YamlField::fail_at_key(const std::string& message, const std::string& hint) const {
    const std::string full = path_.empty() ? message : path_ + ": " + message;
    if (!key_) throw locator_->error(node_, path_, false, full, hint);
    throw locator_->error(*key_, path_, true, full, hint);
}

YamlMap::YamlMap(const YamlField& field) : field_(field) {}

YamlMap::YamlMap(const YamlField& field, const std::vector<std::string>& allowed) : field_(field) {
    read_entries(&allowed, "key");
}

YamlMap YamlMap::of_names(const YamlField& field, const std::string& what) {
    YamlMap map(field);
    map.read_entries(nullptr, what);
    return map;
}

void YamlMap::read_entries(const std::vector<std::string>* allowed, const std::string& what) {
    if (field_.is_null()) return;
    if (!field_.is_map()) {
        std::string hint = "write `key: value` lines indented under `" + field_.name() + ":`";
        if (field_.is_list() && !allowed)
            hint = "use names as keys, not a list: `" + field_.name() + ":` then `  name:` lines";
        field_.fail("expected a map, got " + field_.describe(), hint);
    }
    const YAML::Node& node = field_.node();
    for (auto it = node.begin(); it != node.end(); ++it) {
        const YAML::Node key_node = it->first;
        if (!key_node.IsScalar())
            throw field_.locator().error(key_node, field_.path(), true, field_.path() + ": keys must be plain names",
                                         "");
        const std::string key = key_node.Scalar();
        YamlField value = field_.child(it->second, key, key_node);
        if (allowed && std::find(allowed->begin(), allowed->end(), key) == allowed->end()) {
            std::string hint = closest_match(key, *allowed) ? suggestion_hint(key, *allowed)
                                                            : "allowed keys here: " + join_quoted(*allowed);
            throw field_.locator().error(key_node, value.path(), true, fmt::format("unknown key `{}`", value.path()),
                                         hint);
        }
        if (const Entry* first = find(key)) {
            const auto& first_key = first->value.key_node();
            const int first_line = first_key && first_key->Mark().line >= 0 ? first_key->Mark().line + 1 : 0;
            throw field_.locator().error(
                key_node, value.path(), true,
                fmt::format("duplicate {} `{}` in {}{}", what, key,
                            field_.path().empty() ? "the scenario" : field_.path(),
                            first_line > 0 ? fmt::format("; first at line {}", first_line) : ""),
                "each " + what + " may appear only once; remove or rename one");
        }
        entries_.push_back(Entry{key, std::move(value)});
    }
}

const YamlMap::Entry* YamlMap::find(std::string_view key) const {
    for (const auto& e : entries_)
        if (e.key == key) return &e;
    return nullptr;
}

std::optional<YamlField> YamlMap::get(std::string_view key) const {
    if (const Entry* e = find(key)) return e->value;
    return std::nullopt;
}

YamlField YamlMap::required(std::string_view key, const std::string& hint) const {
    if (const Entry* e = find(key)) return e->value;
    field_.fail_at_key(fmt::format("missing required key `{}`", key), hint);
}

void YamlMap::restrict_to(const std::vector<std::string>& applicable, const std::string& context) const {
    for (const auto& e : entries_) {
        if (std::find(applicable.begin(), applicable.end(), e.key) != applicable.end()) continue;
        e.value.fail_at_key(fmt::format("`{}` does not apply to {}", e.key, context),
                            context + " takes: " + join_quoted(applicable));
    }
}

std::string read_text(const YamlField& field) {
    if (field.is_null()) field.fail("no value given", "write a value after the colon");
    if (!field.is_scalar()) field.fail("expected a single value, got " + field.describe(), "");
    return field.node().Scalar();
}

SimTime read_duration(const YamlField& field) {
    return located(field, [](const std::string& t) { return parse_duration(t); });
}

double read_rate(const YamlField& field) {
    return located(field, [](const std::string& t) { return parse_rate(t); });
}

double read_size(const YamlField& field) {
    return located(field, [](const std::string& t) { return parse_size(t); });
}

double read_number(const YamlField& field) {
    return located(field, [](const std::string& t) { return parse_plain_number(t); });
}

double read_fraction(const YamlField& field) {
    const double value = read_number(field);
    if (value < 0 || value > 1)
        field.fail(fmt::format("must be between 0 and 1, got {}", format_plain_number(value)),
                   "write a fraction, e.g. 0.05 for 5 %");
    return value;
}

long long read_integer(const YamlField& field, long long min, long long max) {
    const std::string text = read_text(field);
    const std::string_view digits = trimmed(text);
    long long value = 0;
    const auto result = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (result.ec == std::errc::result_out_of_range)
        field.fail(fmt::format("`{}` is too large", text), fmt::format("the largest allowed value is {}", max));
    if (result.ec != std::errc() || result.ptr != digits.data() + digits.size() || digits.empty()) {
        std::string hint = "write a whole number such as 10";
        try {
            parse_plain_number(text);
            hint = "this must be a whole number";
        } catch (const ScenarioError&) {
        }
        field.fail(fmt::format("expected a whole number, got `{}`", text), hint);
    }
    if (value < min) field.fail(fmt::format("must be at least {}, got {}", min, value), "");
    if (value > max) field.fail(fmt::format("must be at most {}, got {}", max, value), "");
    return value;
}

std::uint64_t read_unsigned64(const YamlField& field) {
    const std::string text = read_text(field);
    const std::string_view digits = trimmed(text);
    std::uint64_t value = 0;
    const auto result = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (digits.empty() || digits.front() == '-' || result.ec != std::errc() ||
        result.ptr != digits.data() + digits.size())
        field.fail(fmt::format("expected a whole number from 0 to {}, got `{}`",
                               std::numeric_limits<std::uint64_t>::max(), text),
                   "");
    return value;
}

bool read_boolean(const YamlField& field) {
    // YAML 1.1's yes/no/on/off (which yaml-cpp accepts) are refused: `on: yes` surprises people.
    const std::string text = read_text(field);
    if (text == "true") return true;
    if (text == "false") return false;
    field.fail(fmt::format("expected true or false, got `{}`", text), "write true or false");
}

int read_megabytes(const YamlField& field, int min_mb, int max_mb) {
    constexpr double kMb = 1024.0 * 1024.0;
    const double bytes = read_size(field);
    const double mb = bytes / kMb;
    if (mb != std::floor(mb))
        field.fail(fmt::format("`{}` is not a whole number of MB", read_text(field)), "AWS sets this in 1 MB steps");
    if (mb < min_mb || mb > max_mb)
        field.fail(fmt::format("must be between {}MB and {}MB, got {}", min_mb, max_mb, format_size(bytes)),
                   "the AWS Lambda limits");
    return static_cast<int>(mb);
}

std::vector<YamlField> read_list(const YamlField& field) {
    if (!field.is_list()) field.fail("expected a list, got " + field.describe(), "write `- ` entries or [a, b]");
    std::vector<YamlField> items;
    const YAML::Node& node = field.node();
    for (std::size_t i = 0; i < node.size(); ++i)
        items.push_back(field.child(node[i], std::to_string(i), std::nullopt));
    return items;
}

void fail_unknown_choice(const YamlField& field, const std::string& word, const std::vector<std::string>& names) {
    std::string hint =
        closest_match(word, names) ? suggestion_hint(word, names) : "expected one of: " + join_quoted(names);
    field.fail(fmt::format("unknown {} `{}`", field.name(), word), hint);
}

}  // namespace lambdasim
