#include <algorithm>

#include <fmt/format.h>

#include "lambdasim/scenario/section_readers.hpp"
#include "lambdasim/scenario/units.hpp"
#include "lambdasim/scenario/vocabulary.hpp"

namespace lambdasim {
namespace {

// "queue `jobs`", "topic `uploads`", "asynchronous function `worker`": for messages about keys
// that apply to synchronous invocations only.
std::string describe_target(const TargetSpec& t) {
    switch (t.kind) {
        case TargetSpec::Kind::Queue:
            return fmt::format("queue `{}`", t.name);
        case TargetSpec::Kind::Topic:
            return fmt::format("topic `{}`", t.name);
        case TargetSpec::Kind::Bucket:
            return fmt::format("bucket `{}`", t.name);
        case TargetSpec::Kind::Function:
            break;
    }
    return fmt::format("{} function `{}`", t.invocation == InvocationType::Sync ? "synchronous" : "asynchronous",
                       t.function);
}

}  // namespace

ClientSpec read_client(const YamlField& field) {
    const YamlMap map(field, {"max_attempts", "backoff_base", "backoff_cap"});
    ClientSpec c;
    if (auto attempts = map.get("max_attempts")) c.max_attempts = static_cast<int>(read_integer(*attempts, 1, 1000));
    if (auto base = map.get("backoff_base")) {
        c.backoff_base = read_duration(*base);
        if (c.backoff_base < 0) base->fail("must not be negative", "the AWS SDKs use 1s or less");
    }
    if (auto cap = map.get("backoff_cap")) {
        c.backoff_cap = read_duration(*cap);
        if (c.backoff_cap < c.backoff_base)
            cap->fail(fmt::format("{} is below backoff_base {}", format_duration(c.backoff_cap),
                                  format_duration(c.backoff_base)),
                      "the cap must be at least the base; the AWS SDKs cap at 20s");
    } else if (c.backoff_cap < c.backoff_base) {
        map.get("backoff_base")
            ->fail(fmt::format("{} is above the default backoff_cap {}", format_duration(c.backoff_base),
                               format_duration(c.backoff_cap)),
                   "set backoff_cap too");
    }
    return c;
}

// `{function: F, invocation: sync|async}`, `{queue: Q}`, `{topic: T}` or `{bucket: B}`: exactly one.
TargetSpec read_target(const YamlField& field, const ScenarioNames& names, InvocationType default_invocation) {
    const char* example =
        "e.g. target: {function: api, invocation: sync}, {queue: jobs}, {topic: uploads} or {bucket: uploads}";
    if (!field.is_map()) field.fail("expected a map, got " + field.describe(), example);
    const YamlMap map(field, {"function", "invocation", "queue", "topic", "bucket"});
    std::vector<YamlField> endpoints;
    for (const char* key : {"function", "queue", "topic", "bucket"})
        if (auto endpoint = map.get(key)) endpoints.push_back(*endpoint);
    if (endpoints.empty())
        field.fail_at_key("names no target: give one of `function`, `queue`, `topic` or `bucket`", example);
    if (endpoints.size() > 1)
        endpoints[1].fail_at_key(fmt::format("has both `{}` and `{}`", endpoints[0].name(), endpoints[1].name()),
                                 "a traffic source sends to one function, queue, topic or bucket; write two sources");
    TargetSpec t;
    t.invocation = default_invocation;
    const YamlField& endpoint = endpoints.front();
    if (endpoint.name() == "function") {
        t.kind = TargetSpec::Kind::Function;
        t.function = read_reference(endpoint, names.functions, "function");
        if (auto invocation = map.get("invocation")) {
            // AWS's InvocationType values, which people copy from the API.
            const std::string word = read_text(*invocation);
            const bool event = word == "Event" || word == "event";
            if (event || word == "RequestResponse" || word == "request_response")
                invocation->fail(fmt::format("unknown invocation `{}`", word),
                                 event ? "AWS's invocation type Event is written async here"
                                       : "AWS's invocation type RequestResponse is written sync here");
            t.invocation = read_choice(*invocation, vocabulary::invocation_types());
        }
        return t;
    }
    if (auto invocation = map.get("invocation"))
        invocation->fail_at_key(fmt::format("`invocation` does not apply to a {} target", endpoint.name()),
                                "sync or async is chosen for function targets only; SQS, SNS and S3 take "
                                "requests and answer at once");
    if (endpoint.name() == "bucket") {
        t.kind = TargetSpec::Kind::Bucket;
        t.name = read_reference(endpoint, names.buckets, "bucket");
        return t;
    }
    t.kind = endpoint.name() == "queue" ? TargetSpec::Kind::Queue : TargetSpec::Kind::Topic;
    t.name = t.kind == TargetSpec::Kind::Queue ? read_reference(endpoint, names.queues, "queue")
                                               : read_reference(endpoint, names.topics, "topic");
    return t;
}

TrafficSourceSpec read_traffic_source(const std::string& name, const YamlField& field, const ReadContext& context,
                                      const ScenarioNames& names) {
    if (!field.is_map() && !field.is_null())
        field.fail("expected the traffic source's settings as a map, got " + field.describe(),
                   "e.g. arrivals: {process: poisson, rate: 45/s} and target: {function: api}");
    const YamlMap map(field, {"arrivals", "target", "client", "payload", "via"});
    TrafficSourceSpec s;
    s.name = name;
    s.arrivals = read_arrivals(map.required("arrivals", "e.g. arrivals: {process: poisson, rate: 45/s}"), context);
    s.target = read_target(map.required("target", "e.g. target: {function: api}"), names);
    // The caller's SDK retries and API Gateway sit in front of a synchronous Invoke only: an
    // asynchronous invocation, SQS SendMessage and SNS Publish are accepted at once and retried
    // (or not) by the service.
    const bool synchronous = s.target.is_sync_function();
    if (auto client = map.get("client")) {
        if (!synchronous)
            client->fail_at_key(
                fmt::format("`client` does not apply to a source sending to {}", describe_target(s.target)),
                "client retries model an SDK waiting for a synchronous invocation; remove `client`");
        s.client = read_client(*client);
    }
    if (auto payload = map.get("payload")) s.payload = read_distribution(*payload, Quantity::Size, context);
    if (auto via = map.get("via")) {
        const std::vector<std::pair<std::string, bool>> choices = {{"direct", false}, {"api_gateway", true}};
        s.via_api_gateway = read_choice(*via, choices);
        if (s.via_api_gateway && !synchronous)
            via->fail(fmt::format("API Gateway in front of {} is not modelled", describe_target(s.target)),
                      "via: api_gateway needs target: {function: NAME, invocation: sync}; remove `via` to send "
                      "directly");
    }
    return s;
}

}  // namespace lambdasim
