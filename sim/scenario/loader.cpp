#include "lambdasim/scenario/loader.hpp"

#include <cctype>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include <fmt/format.h>

#include "lambdasim/scenario/section_readers.hpp"
#include "lambdasim/scenario/units.hpp"
#include "lambdasim/scenario/validation.hpp"

namespace lambdasim {
namespace {

namespace fs = std::filesystem;

const std::vector<std::string> kTopKeys = {
    "name",        "description", "duration", "seed",   "metrics_period",        "account",
    "api_gateway", "functions",   "queues",   "topics", "event_source_mappings", "traffic",
    "start",       "schedules",   "buckets",  "tables", "prices"};

// AWS's name lengths: SQS queue names up to 80 characters, SNS topic names up to 256.
constexpr std::size_t kMaxQueueNameLength = 80;
constexpr std::size_t kMaxTopicNameLength = 256;

const char* const kFunctionsExample =
    "e.g. functions: {api: {memory: 512MB, duration: {dist: exponential, mean: 100ms}}}";

// The 0-based line of a `---` that starts a second YAML document, if any: a `---` after content.
std::optional<int> second_document_line(const std::string& text) {
    std::istringstream lines(text);
    std::string line;
    bool seen_content = false;
    for (int i = 0; std::getline(lines, line); ++i) {
        const bool separator =
            line.rfind("---", 0) == 0 && (line.size() == 3 || std::isspace(static_cast<unsigned char>(line[3])));
        if (separator && seen_content) return i;
        const auto first = line.find_first_not_of(" \t\r");
        if (!separator && first != std::string::npos && line[first] != '#') seen_content = true;
    }
    return std::nullopt;
}

YAML::Node parse_yaml(const std::string& text, const SourceLocator& locator) {
    // YAML::Load reads the first document only. (YAML::LoadAll would find a second document,
    // but on some malformed inputs — a stray `,` at the top level — it never stops.)
    YAML::Node document;
    try {
        document = YAML::Load(text);
    } catch (const YAML::ParserException& e) {
        std::string hint = "check the indentation and quoting on this line and the one before";
        // yaml-cpp's message for a tab is vague; tabs are the usual culprit.
        std::istringstream lines(text);
        std::string line;
        for (int i = 0; std::getline(lines, line) && i <= e.mark.line; ++i)
            if (i >= e.mark.line - 1 && line.find('\t') != std::string::npos)
                hint = "YAML indentation must use spaces, not tabs";
        throw locator.error_at_mark(e.mark, "YAML syntax error: " + e.msg, hint);
    }
    if (const auto line = second_document_line(text)) {
        YAML::Mark mark;
        mark.line = *line;
        mark.column = 0;
        throw locator.error_at_mark(mark, "the file holds more than one YAML document",
                                    "a scenario is one document; remove the `---` separator");
    }
    return document;
}

fs::path base_folder(const std::string& file_label) {
    fs::path parent = fs::path(file_label).parent_path();
    return fs::absolute(parent.empty() ? fs::current_path() : parent).lexically_normal();
}

std::string default_name(const std::string& file_label) {
    const std::string stem = fs::path(file_label).stem().string();
    return stem.empty() || stem.front() == '-' || stem.front() == '<' ? ScenarioSpec{}.name : stem;
}

// A section of named entities (`queues:`), empty when the file has none.
YamlMap named_section(const YamlMap& sections, const YamlField& top, const std::string& key, const std::string& what) {
    const auto field = sections.get(key);
    return YamlMap::of_names(field ? *field : top.child(YAML::Node(), key, std::nullopt), what);
}

std::vector<std::string> keys_of(const YamlMap& map) {
    std::vector<std::string> keys;
    for (const auto& entry : map.entries()) keys.push_back(entry.key);
    return keys;
}

SimTime read_positive_duration(const YamlField& field) {
    const SimTime t = read_duration(field);
    if (t <= 0) field.fail(fmt::format("must be greater than 0s, got {}", format_duration(t)), "");
    return t;
}

}  // namespace

ScenarioSpec load_scenario_text(const std::string& yaml_text, const std::string& file_label,
                                const std::vector<Override>& overrides) {
    const SourceLocator locator(file_label, overrides);
    YAML::Node root = parse_yaml(yaml_text, locator);
    apply_overrides(root, overrides);
    if (!root.IsDefined() || root.IsNull())
        throw ScenarioError(file_label, 1, 1, "the scenario is empty",
                            std::string("it needs at least a `functions:` section, ") + kFunctionsExample);
    const YamlField top(root, "", locator);
    if (!top.is_map())
        top.fail(
            "a scenario is a map of sections (name, duration, account, functions, traffic, ...), got " + top.describe(),
            "start lines with `key: value`");
    const YamlMap sections(top, kTopKeys);
    const ReadContext context{base_folder(file_label)};

    ScenarioSpec spec;
    spec.name = default_name(file_label);
    if (auto name = sections.get("name")) {
        spec.name = read_text(*name);
        if (spec.name.empty()) name->fail("the name is empty", "leave the key out to use the file name");
    }
    if (auto description = sections.get("description")) spec.description = read_text(*description);
    if (auto duration = sections.get("duration")) {
        spec.duration = read_duration(*duration);
        if (spec.duration < 0) duration->fail("must not be negative", "write e.g. 1h");
    }
    if (auto seed = sections.get("seed")) spec.seed = read_unsigned64(*seed);
    if (auto period = sections.get("metrics_period")) spec.metrics_period = read_positive_duration(*period);
    if (auto start = sections.get("start")) spec.clock_start = read_utc_time(*start);
    if (auto account = sections.get("account")) spec.account = read_account(*account);
    if (auto gateway = sections.get("api_gateway")) spec.api_gateway = read_api_gateway(*gateway);

    const YamlField functions_field = sections.required("functions", kFunctionsExample);
    const YamlMap functions = YamlMap::of_names(functions_field, "function");
    if (functions.entries().empty()) functions_field.fail("needs at least one function", kFunctionsExample);
    const YamlMap queues = named_section(sections, top, "queues", "queue");
    const YamlMap topics = named_section(sections, top, "topics", "topic");
    const YamlMap buckets = named_section(sections, top, "buckets", "bucket");
    const YamlMap tables = named_section(sections, top, "tables", "table");
    const YamlMap mappings = named_section(sections, top, "event_source_mappings", "event source mapping");
    const YamlMap traffic = named_section(sections, top, "traffic", "traffic source");
    const YamlMap schedules = named_section(sections, top, "schedules", "schedule");
    const ScenarioNames names{keys_of(functions), keys_of(queues), keys_of(topics), keys_of(buckets), keys_of(tables)};
    if (auto prices = sections.get("prices")) spec.prices = read_prices(*prices);

    for (const auto& [name, field] : functions.entries()) {
        check_entity_name(field, name, "function");
        spec.functions.push_back(read_function(name, field, context, names));
    }
    for (const auto& [name, field] : queues.entries()) {
        check_entity_name(field, name, "queue", kMaxQueueNameLength);
        spec.queues.push_back(read_queue(name, field, names));
    }
    for (const auto& [name, field] : topics.entries()) {
        check_entity_name(field, name, "topic", kMaxTopicNameLength);
        spec.topics.push_back(read_topic(name, field, names));
    }
    for (const auto& [name, field] : buckets.entries()) {
        check_bucket_name(field, name);
        spec.buckets.push_back(read_bucket(name, field, names));
    }
    for (const auto& [name, field] : tables.entries()) {
        // DynamoDB table names: 3-255 of letters, digits, `_`, `-` and `.` (no dots here).
        check_entity_name(field, name, "table", 255);
        spec.tables.push_back(read_table(name, field));
    }
    for (const auto& [name, field] : mappings.entries()) {
        check_entity_name(field, name, "event source mapping");
        spec.event_source_mappings.push_back(read_event_source_mapping(name, field, names));
    }
    for (const auto& [name, field] : traffic.entries()) {
        check_entity_name(field, name, "traffic source");
        spec.traffic.push_back(read_traffic_source(name, field, context, names));
    }
    // A schedule becomes a traffic source of its own name (results and --set paths use it), so
    // the two share one name space.
    for (const auto& [name, field] : schedules.entries()) {
        check_entity_name(field, name, "schedule");
        if (traffic.has(name))
            field.fail_at_key(fmt::format("schedule `{}` has the name of traffic source `{}`", name, name),
                              "schedules and traffic sources share one name space in the results; rename one");
        spec.traffic.push_back(read_schedule(name, field, names, spec.clock_start));
    }
    // A source sent through API Gateway needs one; without a section it has the AWS defaults.
    for (const auto& source : spec.traffic)
        if (source.via_api_gateway && !spec.api_gateway) spec.api_gateway = ApiGatewaySpec{};

    check_concurrency_budget(spec, functions);
    check_dead_letter_queues(spec, queues);
    check_event_source_mappings(spec, mappings);
    check_failure_destinations(spec, functions, topics);
    check_bucket_notifications(spec, buckets);
    check_table_calls(spec, functions);
    check_delivery_loops(spec, functions);
    return spec;
}

ScenarioSpec load_scenario_file(const std::string& path, const std::vector<Override>& overrides) {
    std::ifstream in(path, std::ios::binary);
    std::error_code ec;
    if (!in || fs::is_directory(path, ec))
        throw ScenarioError(path, 0, 0, "cannot open the scenario file", "check the path");
    std::ostringstream text;
    text << in.rdbuf();
    return load_scenario_text(text.str(), path, overrides);
}

}  // namespace lambdasim
