// functions.NAME.async: how Lambda handles events sent with invocation type Event.
#include <limits>

#include <fmt/format.h>

#include "lambdasim/scenario/section_readers.hpp"
#include "lambdasim/scenario/units.hpp"

namespace lambdasim {
namespace {

// `PutFunctionEventInvokeConfig`: MaximumEventAgeInSeconds 60-21,600, MaximumRetryAttempts 0-2.
constexpr SimTime kMinEventAge = kMinute;
constexpr SimTime kMaxEventAge = 6 * kHour;
constexpr int kMaxRetries = 2;

const char* const kDestinationExample = "e.g. on_failure: {queue: failed-events} or on_failure: {topic: alerts}";

// `{queue: NAME}` or `{topic: NAME}`: exactly one.
DestinationSpec read_destination(const YamlField& field, const ScenarioNames& names) {
    if (!field.is_map()) field.fail("expected a map, got " + field.describe(), kDestinationExample);
    const YamlMap map(field, {"queue", "topic"});
    const auto queue = map.get("queue");
    const auto topic = map.get("topic");
    if (queue && topic)
        topic->fail_at_key("has both `queue` and `topic`", "an on-failure destination is one queue or one topic");
    DestinationSpec d;
    if (queue) {
        d.kind = DestinationSpec::Kind::Queue;
        d.name = read_reference(*queue, names.queues, "queue");
    } else if (topic) {
        d.kind = DestinationSpec::Kind::Topic;
        d.name = read_reference(*topic, names.topics, "topic");
    } else {
        field.fail("names no destination", kDestinationExample);
    }
    return d;
}

}  // namespace

AsyncSpec read_async(const YamlField& field, const ScenarioNames& names) {
    const YamlMap map(field, {"max_event_age", "max_retries", "on_failure", "payload_limit"});
    AsyncSpec a;
    if (auto age = map.get("max_event_age")) {
        a.max_event_age = read_duration(*age);
        if (a.max_event_age < kMinEventAge || a.max_event_age > kMaxEventAge)
            age->fail(fmt::format("must be between 1min and 6h, got {}", format_duration(a.max_event_age)),
                      "the AWS limits for the maximum event age");
    }
    if (auto retries = map.get("max_retries")) {
        const long long n = read_integer(*retries, 0, std::numeric_limits<int>::max());
        if (n > kMaxRetries)
            retries->fail(fmt::format("must be between 0 and {}, got {}", kMaxRetries, n),
                          "Lambda retries a failed asynchronous invocation at most twice");
        a.max_retries = static_cast<int>(n);
    }
    if (auto on_failure = map.get("on_failure")) a.on_failure = read_destination(*on_failure, names);
    if (auto limit = map.get("payload_limit")) {
        a.payload_limit_bytes = read_size(*limit);
        if (a.payload_limit_bytes <= 0)
            limit->fail(fmt::format("must be greater than 0B, got {}", format_size(a.payload_limit_bytes)),
                        "AWS accepts 1MB since 2025, 256KB before");
    }
    return a;
}

}  // namespace lambdasim
