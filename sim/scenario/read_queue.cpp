// queues.NAME: an SQS queue (`sqs-queue-types`, `sqs-visibility-timeout`, `sqs-dead-letter-queues`).
#include <limits>

#include <fmt/format.h>

#include "lambdasim/scenario/section_readers.hpp"
#include "lambdasim/scenario/units.hpp"
#include "lambdasim/scenario/vocabulary.hpp"

namespace lambdasim {
namespace {

// SQS quotas: visibility timeout 0 s - 12 h, retention 60 s - 14 days, delivery delay 0 - 15 min,
// redrive maxReceiveCount 1 - 1,000.
constexpr SimTime kMaxVisibilityTimeout = 12 * kHour;
constexpr SimTime kMinRetention = kMinute;
constexpr SimTime kMaxRetention = 14 * kDay;
constexpr SimTime kMaxDeliveryDelay = 15 * kMinute;
constexpr int kMaxReceiveCount = 1000;

const std::vector<std::string> kKeys = {
    "type",           "visibility_timeout", "retention", "max_receive_count", "dead_letter_queue",
    "delivery_delay", "message_groups"};

SimTime read_bounded_duration(const YamlField& field, SimTime min, SimTime max, const char* hint) {
    const SimTime t = read_duration(field);
    if (t < min || t > max)
        field.fail(fmt::format("must be between {} and {}, got {}", format_duration(min), format_duration(max),
                               format_duration(t)),
                   hint);
    return t;
}

}  // namespace

QueueSpec read_queue(const std::string& name, const YamlField& field, const ScenarioNames& names) {
    if (!field.is_map() && !field.is_null())
        field.fail(
            "expected the queue's settings as a map, got " + field.describe(),
            "e.g. `" + name + ": {type: standard, visibility_timeout: 30s}`, or `" + name + ": {}` for the defaults");
    const YamlMap map(field, kKeys);
    QueueSpec q;
    q.name = name;
    if (auto type = map.get("type")) q.fifo = read_choice(*type, vocabulary::queue_types());
    // Message group ids order delivery within a FIFO queue; a standard queue has none.
    if (auto groups = map.get("message_groups"); groups && !q.fifo)
        groups->fail_at_key("message_groups applies to FIFO queues only", "set type: fifo, or remove message_groups");
    if (auto visibility = map.get("visibility_timeout"))
        q.visibility_timeout =
            read_bounded_duration(*visibility, 0, kMaxVisibilityTimeout, "the SQS visibility timeout limits");
    if (auto retention = map.get("retention"))
        q.retention = read_bounded_duration(*retention, kMinRetention, kMaxRetention, "the SQS retention limits");
    if (auto delay = map.get("delivery_delay"))
        q.delivery_delay = read_bounded_duration(*delay, 0, kMaxDeliveryDelay, "the SQS delivery delay limits");
    if (auto groups = map.get("message_groups"))
        q.message_groups = static_cast<int>(read_integer(*groups, 1, std::numeric_limits<int>::max()));

    // A redrive policy has both halves: where messages go and after how many receives.
    const auto count = map.get("max_receive_count");
    const auto dead_letter = map.get("dead_letter_queue");
    if (count) {
        q.max_receive_count = static_cast<int>(read_integer(*count, 1, kMaxReceiveCount));
        if (!dead_letter)
            count->fail_at_key("max_receive_count needs a dead_letter_queue",
                               "a redrive policy moves a message to the dead-letter queue after this many "
                               "receives; add dead_letter_queue: NAME");
    }
    if (dead_letter) {
        q.dead_letter_queue = read_reference(*dead_letter, names.queues, "queue");
        if (q.dead_letter_queue == name)
            dead_letter->fail("a queue cannot be its own dead-letter queue",
                              "define another queue, e.g. " + name + "-dlq: {}, and name it here");
        if (!count)
            dead_letter->fail_at_key("dead_letter_queue needs max_receive_count",
                                     "say after how many receives a message moves, e.g. max_receive_count: 5");
    }
    return q;
}

}  // namespace lambdasim
