// functions.NAME.calls: the service calls a function makes while it runs — S3 PUT/GET, DynamoDB
// write/read, SNS publish, SQS send, asynchronous Lambda invoke — with their latency and the
// SDK's retries of throttled attempts.
#include <fmt/format.h>

#include "lambdasim/scenario/section_readers.hpp"
#include "lambdasim/scenario/vocabulary.hpp"

namespace lambdasim {
namespace {

const char* const kExample =
    "e.g. calls: [{bucket: thumbnails, action: put}, {table: metadata, action: write}, {topic: done}, "
    "{queue: jobs}, {function: audit}]";
const std::vector<std::string> kServiceKeys = {"bucket", "table", "topic", "queue", "function"};

// ASSUMPTION: AWS publishes no latency distributions; these are typical in-Region figures
// (DynamoDB "single-digit milliseconds", S3 first-byte tens of milliseconds). Override with
// `latency:` per call.
DistributionSpec default_latency(CallSpec::Kind kind) {
    switch (kind) {
    case CallSpec::Kind::BucketPut: return DistributionSpec::lognormal_p50_p99(0.030, 0.150);
    case CallSpec::Kind::BucketGet: return DistributionSpec::lognormal_p50_p99(0.020, 0.100);
    case CallSpec::Kind::TableWrite:
    case CallSpec::Kind::TableRead: return DistributionSpec::lognormal_p50_p99(0.005, 0.025);
    case CallSpec::Kind::Publish:
    case CallSpec::Kind::Invoke: return DistributionSpec::lognormal_p50_p99(0.020, 0.080);
    case CallSpec::Kind::Send: return DistributionSpec::lognormal_p50_p99(0.010, 0.050);
    }
    return DistributionSpec::constant(0);
}

CallSpec read_call(const YamlField& field, const ReadContext& context, const ScenarioNames& names) {
    if (!field.is_map()) field.fail("expected a call map, got " + field.describe(), kExample);
    const YamlMap map(field, {"bucket", "table", "topic", "queue", "function", "action", "units", "latency", "when",
                              "retries", "payload"});
    std::vector<YamlField> services;
    for (const auto& key : kServiceKeys)
        if (auto service = map.get(key)) services.push_back(*service);
    if (services.empty())
        field.fail("names no service", "give `bucket:`, `table:`, `topic:`, `queue:` or `function:`; " + std::string(kExample));
    if (services.size() > 1)
        services[1].fail_at_key(fmt::format("has both `{}` and `{}`", services[0].name(), services[1].name()),
                                "a call goes to one service; write two calls");
    const YamlField& service = services.front();
    const std::string kind = service.name();
    CallSpec c;
    if (kind == "bucket") {
        c.target = read_reference(service, names.buckets, "bucket");
        c.kind = CallSpec::Kind::BucketPut;
        if (auto action = map.get("action")) c.kind = read_choice(*action, vocabulary::bucket_actions());
    } else if (kind == "table") {
        c.target = read_reference(service, names.tables, "table");
        c.kind = CallSpec::Kind::TableWrite;
        if (auto action = map.get("action")) c.kind = read_choice(*action, vocabulary::table_actions());
    } else {
        if (auto action = map.get("action"))
            action->fail_at_key(fmt::format("`action` does not apply to a {} call", kind),
                                kind == "topic"      ? "a topic call publishes; remove `action`"
                                : kind == "queue"    ? "a queue call sends a message; remove `action`"
                                                     : "a function call invokes it asynchronously; remove `action`");
        if (kind == "topic") {
            c.kind = CallSpec::Kind::Publish;
            c.target = read_reference(service, names.topics, "topic");
        } else if (kind == "queue") {
            c.kind = CallSpec::Kind::Send;
            c.target = read_reference(service, names.queues, "queue");
        } else {
            c.kind = CallSpec::Kind::Invoke;
            c.target = read_reference(service, names.functions, "function");
        }
    }
    if (auto units = map.get("units")) {
        if (kind != "table")
            units->fail_at_key("`units` applies to table calls only",
                               "capacity units are what one DynamoDB request consumes; remove `units`");
        // One write unit is 1 KB written; one read unit is a strongly consistent 4 KB read.
        c.units = static_cast<int>(read_integer(*units, 1, 10000));
    }
    if (auto payload = map.get("payload")) {
        if (!c.forwards_work())
            payload->fail_at_key(fmt::format("`payload` does not apply to a {} call", kind),
                                 "payload is the size of a message, event or invoke; remove it");
        c.payload = read_distribution(*payload, Quantity::Size, context);
    }
    c.latency = default_latency(c.kind);
    if (auto latency = map.get("latency")) c.latency = read_distribution(*latency, Quantity::Time, context);
    if (auto when = map.get("when")) c.before_handler = read_choice(*when, vocabulary::call_timings());
    if (auto retries = map.get("retries")) {
        if (!c.can_be_throttled())
            retries->fail_at_key(fmt::format("`retries` does not apply to a {} call", kind),
                                 "only bucket and table calls are throttled (503 SlowDown, throughput exceeded); an "
                                 "invoke above the payload limit is refused for good; remove `retries`");
        c.retries = read_client(*retries);
    }
    return c;
}

}  // namespace

std::vector<CallSpec> read_calls(const YamlField& field, const ReadContext& context, const ScenarioNames& names) {
    std::vector<CallSpec> calls;
    const std::vector<YamlField> items = read_list(field);
    // The step counter of an invocation is 16 bits; 100 calls is far beyond any real handler.
    constexpr std::size_t kMaxCalls = 100;
    if (items.size() > kMaxCalls)
        items[kMaxCalls].fail(fmt::format("more than {} calls in one function", kMaxCalls),
                              "model repeated calls with one call's latency, or a table call's `units`");
    for (const auto& item : items) calls.push_back(read_call(item, context, names));
    return calls;
}

}  // namespace lambdasim
