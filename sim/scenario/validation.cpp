#include "lambdasim/scenario/validation.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string_view>

#include <fmt/format.h>

#include "lambdasim/scenario/section_readers.hpp"
#include "lambdasim/scenario/topology.hpp"
#include "lambdasim/scenario/units.hpp"

namespace lambdasim {

void check_concurrency_budget(const ScenarioSpec& spec, const YamlMap& functions) {
    const long long limit = spec.account.concurrency_limit;
    const long long minimum = spec.account.unreserved_minimum;
    long long claimed = 0;  // reserved, plus provisioned outside reservations
    for (const FunctionSpec& f : spec.functions) {
        const YamlField function_field = *functions.get(f.name);
        const YamlMap settings = YamlMap::of_names(function_field, "key");
        if (f.reserved_concurrency) {
            // `PutFunctionConcurrency`: reserved concurrency ranges from 0 to limit - 100.
            const YamlField reserved = *settings.get("reserved_concurrency");
            if (*f.reserved_concurrency > limit)
                reserved.fail(fmt::format("reserved_concurrency {} is above the account concurrency limit {}",
                                          *f.reserved_concurrency, limit),
                              "lower it, or raise account.concurrency_limit");
            claimed += *f.reserved_concurrency;
            if (limit - claimed < minimum)
                reserved.fail(fmt::format("reserving {} leaves {} of the account's {} unreserved, below "
                                          "account.unreserved_minimum {}",
                                          *f.reserved_concurrency, limit - claimed, limit, minimum),
                              "AWS keeps at least 100 unreserved; lower the reservations or raise "
                              "account.concurrency_limit");
        } else if (f.max_provisioned() > 0) {
            // Provisioned concurrency without a reservation comes out of the unreserved pool,
            // which must still keep its minimum.
            claimed += f.max_provisioned();
            if (limit - claimed < minimum) {
                const YamlField provisioned = *settings.get("provisioned_concurrency");
                provisioned_peak_field(provisioned, f.provisioned_concurrency)
                    .fail(fmt::format("provisioned concurrency {} of this unreserved function leaves {} of the "
                                      "account's {} unreserved, below account.unreserved_minimum {}",
                                      f.max_provisioned(), limit - claimed, limit, minimum),
                          "lower the provisioned level or raise account.concurrency_limit");
            }
        }
    }
}

}  // namespace lambdasim

namespace lambdasim {
namespace {

// The value of `key` in the settings of entity `name` of an (already checked) section map.
std::optional<YamlField> setting(const YamlMap& section, const std::string& name, std::string_view key) {
    return YamlMap::of_names(*section.get(name), "key").get(key);
}

const QueueSpec* find_queue(const ScenarioSpec& spec, const std::string& name) {
    for (const auto& q : spec.queues)
        if (q.name == name) return &q;
    return nullptr;
}

const char* queue_type(const QueueSpec& q) { return q.fifo ? "FIFO" : "standard"; }

// Lambda destinations, SNS dead-letter queues and SNS standard-topic subscriptions all take
// standard queues only.
void require_standard_queue(const ScenarioSpec& spec, const YamlField& field, const std::string& queue,
                            const std::string& role, const std::string& aws_rule) {
    const QueueSpec* q = find_queue(spec, queue);
    if (q && q->fifo)
        field.fail(fmt::format("queue `{}` is FIFO, but {} must be a standard queue", queue, role), aws_rule);
}

}  // namespace

void check_dead_letter_queues(const ScenarioSpec& spec, const YamlMap& queues) {
    for (const QueueSpec& q : spec.queues) {
        if (q.dead_letter_queue.empty()) continue;
        const YamlField field = *setting(queues, q.name, "dead_letter_queue");
        // `sqs-dead-letter-queues`: a FIFO queue's DLQ must be FIFO, a standard queue's standard.
        const QueueSpec* dead_letter = find_queue(spec, q.dead_letter_queue);
        if (dead_letter && dead_letter->fifo != q.fifo)
            field.fail(fmt::format("dead-letter queue `{}` is {}, but `{}` is {}", dead_letter->name,
                                   queue_type(*dead_letter), q.name, queue_type(q)),
                       "SQS requires a dead-letter queue of the same type as its source queue");
        // Following dead-letter queues from `q` must end; coming back to `q` is a cycle.
        // A cycle that `q` only leads into is reported at a queue on it, so stop after one lap.
        std::string path = q.name;
        const QueueSpec* next = dead_letter;
        for (std::size_t steps = 0; next && steps < spec.queues.size(); ++steps) {
            path += " -> " + next->name;
            if (next == &q)
                field.fail(fmt::format("dead-letter queues form a cycle: {}", path),
                           "a message failing everywhere would circulate until it expires; end the chain at a "
                           "queue without dead_letter_queue");
            next = find_queue(spec, next->dead_letter_queue);
        }
    }
}

void check_event_source_mappings(const ScenarioSpec& spec, const YamlMap& mappings) {
    for (const EventSourceMappingSpec& m : spec.event_source_mappings) {
        const QueueSpec* queue = find_queue(spec, m.queue);
        const FunctionSpec* function = spec.find_function(m.function);
        if (!queue || !function) continue;  // the readers have refused unknown names
        // `services-sqs-parameters`: a mapping on a FIFO queue takes at most 10 messages a batch.
        if (queue->fifo && m.batch_size > 10)
            setting(mappings, m.name, "batch_size")
                ->fail(fmt::format("a batch of {} from FIFO queue `{}`; FIFO queues allow at most 10", m.batch_size,
                                   m.queue),
                       "lower batch_size to 10 or less");
        // `services-sqs-parameters`: "Batching window is not supported for FIFO queues".
        if (queue->fifo && m.batch_window > 0)
            setting(mappings, m.name, "batch_window")
                ->fail(fmt::format("FIFO queue `{}` takes no batching window", m.queue),
                       "AWS supports batch_window on standard queues only; set it to 0s or remove it");
        // `with-sqs`: AWS refuses a mapping whose function may run longer than the queue hides a
        // message, as the message would be delivered again while still being processed.
        if (function->timeout > queue->visibility_timeout)
            mappings.get(m.name)->fail_at_key(
                fmt::format("function `{}` has timeout {}, longer than queue `{}`'s visibility_timeout {}", m.function,
                            format_duration(function->timeout), m.queue, format_duration(queue->visibility_timeout)),
                fmt::format("AWS requires function timeout <= visibility timeout, and advises 6 times; raise "
                            "queues.{}.visibility_timeout or lower functions.{}.timeout",
                            m.queue, m.function));
    }
}

void check_bucket_notifications(const ScenarioSpec& spec, const YamlMap& buckets) {
    for (const BucketSpec& b : spec.buckets) {
        if (b.notifications.empty()) continue;
        const auto items = read_list(*setting(buckets, b.name, "notifications"));
        for (std::size_t i = 0; i < b.notifications.size(); ++i)
            if (b.notifications[i].kind == BucketNotificationSpec::Kind::Queue)
                require_standard_queue(spec, *YamlMap::of_names(items[i], "key").get("queue"),
                                       b.notifications[i].target, "an S3 event notification destination",
                                       "S3 event notifications do not support FIFO queues");
    }
}

void check_failure_destinations(const ScenarioSpec& spec, const YamlMap& functions, const YamlMap& topics) {
    for (const FunctionSpec& f : spec.functions) {
        if (f.async.on_failure.kind != DestinationSpec::Kind::Queue) continue;
        const YamlField async = *setting(functions, f.name, "async");
        const YamlField on_failure = *YamlMap::of_names(async, "key").get("on_failure");
        require_standard_queue(spec, *YamlMap::of_names(on_failure, "key").get("queue"), f.async.on_failure.name,
                               "an on-failure destination",
                               "Lambda sends failed asynchronous events to standard SQS queues only");
    }
    for (const TopicSpec& t : spec.topics) {
        const auto items = read_list(*setting(topics, t.name, "subscriptions"));
        for (std::size_t i = 0; i < t.subscriptions.size(); ++i) {
            const SubscriptionSpec& s = t.subscriptions[i];
            const YamlMap subscription = YamlMap::of_names(items[i], "key");
            // Our topics are SNS standard topics, which cannot deliver to FIFO queues.
            if (s.kind == SubscriptionSpec::Kind::Queue)
                require_standard_queue(spec, *subscription.get("queue"), s.target, "a standard topic's subscriber",
                                       "SNS standard topics deliver to standard SQS queues only");
            if (!s.dead_letter_queue.empty())
                require_standard_queue(spec, *subscription.get("dead_letter_queue"), s.dead_letter_queue,
                                       "a standard topic's dead-letter queue",
                                       "SNS requires a dead-letter queue of the topic's type");
            // A function whose failed events go back to the topic that invokes it would receive
            // every failure again, multiplied by the retries: an amplification loop.
            if (s.kind != SubscriptionSpec::Kind::Function) continue;
            const FunctionSpec* f = spec.find_function(s.target);
            if (f && f->async.on_failure.kind == DestinationSpec::Kind::Topic && f->async.on_failure.name == t.name)
                subscription.get("function")
                    ->fail(fmt::format("function `{}` sends its failed events to topic `{}` (async.on_failure), "
                                       "which invokes it again: a loop",
                                       s.target, t.name),
                           "send the failures to a queue or to another topic");
        }
    }
}

void check_table_calls(const ScenarioSpec& spec, const YamlMap& functions) {
    for (const FunctionSpec& f : spec.functions)
        for (std::size_t i = 0; i < f.calls.size(); ++i) {
            const CallSpec& c = f.calls[i];
            if (c.kind != CallSpec::Kind::TableWrite && c.kind != CallSpec::Kind::TableRead) continue;
            const TableSpec* table = nullptr;
            for (const TableSpec& t : spec.tables)
                if (t.name == c.target) table = &t;
            if (!table) continue;
            const bool write = c.kind == CallSpec::Kind::TableWrite;
            double most = 0;
            std::string why;
            if (table->mode == CapacityMode::Provisioned) {
                const double rate = write ? table->write_capacity_per_second : table->read_capacity_per_second;
                most = std::ceil(rate * std::max(1.0, to_seconds(table->burst)));
                why = "what the provisioned table holds (capacity x burst)";
            } else {
                most = write ? table->max_write_per_second : table->max_read_per_second;
                why = "the on-demand table's maximum per second";
            }
            if (table->hot_key_share > 0) {
                const double partition = write ? aws_limits::kPartitionWriteUnitsPerSecond
                                               : aws_limits::kPartitionReadUnitsPerSecond;
                if (partition < most) {
                    most = partition;
                    why = "what the hot key's partition serves in a second";
                }
            }
            if (c.units <= most) continue;
            const YamlField item = read_list(*setting(functions, f.name, "calls"))[i];
            const auto units = YamlMap::of_names(item, "key").get("units");
            (units ? *units : item)
                .fail(fmt::format("{} units per request is more than {}, {}: no such request could ever be served",
                                  c.units, why, format_plain_number(most)),
                      "lower `units` (a DynamoDB item is at most 400 KB: 400 write units) or raise the table's capacity");
        }
}

void check_delivery_loops(const ScenarioSpec& spec, const YamlMap& functions) {
    const auto loop = find_delivery_loop(spec);
    if (!loop) return;
    if (loop->call >= 0) {
        // Each lap invokes the functions again; only Lambda's recursive loop detection (it stops
        // a chain after about 16 invocations) would end it.
        read_list(*setting(functions, loop->function, "calls"))[static_cast<std::size_t>(loop->call)].fail(
            fmt::format("this call sends work around a delivery loop: {}", loop->path),
            "every lap invokes the functions again without end; send the work to a queue, topic, bucket or function "
            "that does not lead back to this function");
    }
    // Every failure would be delivered again, each lap adding Lambda's retries.
    const YamlField async = *setting(functions, loop->function, "async");
    YamlMap::of_names(async, "key")
        .get("on_failure")
        ->fail(fmt::format("failed events go around a delivery loop: {}", loop->path),
               "each lap multiplies an event by the retries; send the failures to a queue or topic that does not "
               "lead back to an asynchronous invocation of the loop");
}

}  // namespace lambdasim
