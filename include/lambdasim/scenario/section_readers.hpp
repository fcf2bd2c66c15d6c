#pragma once
// Readers for the sections of a scenario file, used by the loader. Each reads one part of the
// tree strictly (see yaml_reader.hpp), checks what can be checked locally (AWS limits, ranges,
// orderings) and fills the matching spec. Checks that span sections live in validation.hpp.
#include <filesystem>
#include <string>
#include <vector>

#include "lambdasim/model/specs.hpp"
#include "lambdasim/scenario/yaml_reader.hpp"

namespace lambdasim {

// What a distribution's numbers measure; decides the units its values are written in.
enum class Quantity { Time, Size };  // Time: seconds in the spec; Size: bytes

struct ReadContext {
    std::filesystem::path base_dir;  // relative data-file paths resolve against this folder
};

// The names each section declares, collected from the map keys before any section is read, so a
// reference into a section written later (a function's `on_failure` topic) is checked where it
// is written.
struct ScenarioNames {
    std::vector<std::string> functions;
    std::vector<std::string> queues;
    std::vector<std::string> topics;
    std::vector<std::string> buckets;
    std::vector<std::string> tables;
};

// `{dist: ..., ...}` or a bare value as shorthand for `{dist: constant, value: ...}`.
DistributionSpec read_distribution(const YamlField& field, Quantity quantity, const ReadContext& context);

ArrivalSpec read_arrivals(const YamlField& field, const ReadContext& context);
AccountSpec read_account(const YamlField& field);
ApiGatewaySpec read_api_gateway(const YamlField& field);
// `{max_attempts: 3, backoff_base: 1s, backoff_cap: 20s}`: SDK retries (traffic `client`, call `retries`).
ClientSpec read_client(const YamlField& field);
// functions.NAME.calls: the service calls the function makes during an invocation.
std::vector<CallSpec> read_calls(const YamlField& field, const ReadContext& context, const ScenarioNames& names);
TableSpec read_table(const std::string& name, const YamlField& field);
PriceSpec read_prices(const YamlField& field);
// The `prices:` keys, in order, and the value of one (for the resolved scenario).
std::vector<std::string> price_key_names();
double price_of(const PriceSpec& prices, const std::string& key);
FunctionSpec read_function(const std::string& name, const YamlField& field, const ReadContext& context,
                           const ScenarioNames& names);
AsyncSpec read_async(const YamlField& field, const ScenarioNames& names);  // functions.NAME.async
QueueSpec read_queue(const std::string& name, const YamlField& field, const ScenarioNames& names);
TopicSpec read_topic(const std::string& name, const YamlField& field, const ScenarioNames& names);
BucketSpec read_bucket(const std::string& name, const YamlField& field, const ScenarioNames& names);
// S3's bucket name rule (3-63 of [a-z0-9-], a letter or digit at each end), without dots.
void check_bucket_name(const YamlField& key_field, const std::string& name);
EventSourceMappingSpec read_event_source_mapping(const std::string& name, const YamlField& field,
                                                 const ScenarioNames& names);
TrafficSourceSpec read_traffic_source(const std::string& name, const YamlField& field, const ReadContext& context,
                                      const ScenarioNames& names);
// `{function: F, invocation: sync|async}`, `{queue: Q}`, `{topic: T}` or `{bucket: B}` (traffic and
// schedules).
TargetSpec read_target(const YamlField& field, const ScenarioNames& names,
                       InvocationType default_invocation = InvocationType::Sync);
// schedules.NAME: an EventBridge schedule, read into a traffic source whose arrivals are the
// schedule's fire times. `clock_start` is the scenario's `start`.
TrafficSourceSpec read_schedule(const std::string& name, const YamlField& field, const ScenarioNames& names,
                                SimTime clock_start);
// `start: 2026-12-04T00:00:00Z`: the UTC time at simulated 0, since 1970-01-01T00:00Z.
SimTime read_utc_time(const YamlField& field);
// The same time written back: "2026-12-04T00:00:00Z".
std::string format_utc_time(SimTime since_epoch);

// Within a function's `provisioned_concurrency` field, the one holding the highest level (the
// number itself, or that schedule entry's `level`): where errors about the level point.
YamlField provisioned_peak_field(const YamlField& provisioned, const std::vector<ProvisionedStep>& steps);

// A data file named in the scenario, resolved against the scenario's folder; fails at `field`
// when it does not exist.
std::string resolve_data_file(const YamlField& field, const ReadContext& context);

// Entity names become keys in --set paths and results: AWS's function name characters (letters,
// digits, `-`, `_`), 1 to `max_length` of them (64 for functions; SQS allows 80 for queues, SNS
// 256 for topics). No dots, so a FIFO queue is not named `*.fifo` here; `type: fifo` says it.
void check_entity_name(const YamlField& key_field, const std::string& name, const std::string& what,
                       std::size_t max_length = 64);

// The text of `field`, which must name one of `known` (the names of `what`s, e.g. "queue"):
// otherwise "no queue named `x`" with a did-you-mean hint listing the known names.
std::string read_reference(const YamlField& field, const std::vector<std::string>& known, const std::string& what);

}  // namespace lambdasim
