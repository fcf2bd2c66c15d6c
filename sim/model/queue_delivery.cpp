// SQS queues and the event source mappings that drain them into functions (`with-sqs`,
// `services-sqs-scaling`, `sqs-visibility-timeout`, `sqs-dead-letter-queues`).
#include <algorithm>
#include <cmath>

#include <boost/random/bernoulli_distribution.hpp>
#include <boost/random/uniform_int_distribution.hpp>

#include "lambdasim/model/lambda_model.hpp"

namespace lambdasim {
namespace {

// Pollers start with 5 concurrent batches when messages appear and add up to 300 per minute
// while messages remain, up to 1,000 per mapping (`services-sqs-scaling`).
constexpr double kInitialBatches = 5;
constexpr double kAddedBatchesPerSecond = 300.0 / 60.0;
constexpr int kMaxBatches = 1000;
constexpr SimTime kScaleDownAfter = kMinute;

}  // namespace

void LambdaModel::send_message(std::uint32_t queue, std::uint32_t source, SimTime origin, bool accounted) {
    QueueRuntime& q = queues_[queue];
    const QueueSpec& spec = q.queue.spec();
    Message m;
    m.sent = simulator_.now();
    m.origin = origin;
    m.source = source;
    m.accounted = accounted;
    if (spec.fifo && spec.message_groups > 1)
        m.group = boost::random::uniform_int_distribution<std::uint32_t>(0, spec.message_groups - 1)(q.group_rng);
    const MessageIndex index = q.queue.create(m);
    ++recorder_.queue(queue).period.sent;
    if (spec.delivery_delay > 0)
        simulator_.schedule_in(spec.delivery_delay, handler_, MessageVisible, pack(queue, index), 0);
    else
        message_visible(queue, index, false);
}

void LambdaModel::message_visible(std::uint32_t queue, MessageIndex index, bool returning, bool poll_after) {
    QueueRuntime& q = queues_[queue];
    const QueueSpec& spec = q.queue.spec();
    Message& m = q.queue[index];
    // A message received max_receive_count times is moved to the dead-letter queue instead of
    // becoming visible again (the redrive policy).
    if (returning && spec.max_receive_count > 0 && m.receive_count >= spec.max_receive_count && q.dead_letter_queue >= 0) {
        QueueMetrics& metrics = recorder_.queue(queue);
        ++metrics.period.redriven;
        if (m.throttled_once) ++metrics.period.redriven_after_throttle;
        if (!m.accounted) ++recorder_.entry_point(m.source).period.flow.dead_lettered;
        const Message moved = m;
        q.queue.destroy(index);
        send_message(static_cast<std::uint32_t>(q.dead_letter_queue), moved.source, moved.origin, true);
    } else {
        q.queue.make_visible(index, returning);
    }
    update_queue_gauge(queue);
    if (poll_after)
        for (const std::uint32_t mapping : q.mappings) poll(mapping);
}

void LambdaModel::poll(std::uint32_t mapping_index) {
    Mapping& mapping = mappings_[mapping_index];
    QueueRuntime& q = queues_[mapping.queue];
    const EventSourceMappingSpec& spec = *mapping.spec;
    const SimTime now = simulator_.now();
    const double cap = std::min(spec.max_concurrency.value_or(kMaxBatches), kMaxBatches);

    // Scale: grow while a backlog has been waiting; shrink to what is running only once the
    // queue has stayed empty for a while (ASSUMPTION: AWS documents no scale-down rate; a
    // minute keeps pollers through the short gaps of steady traffic).
    if (mapping.backlog)
        mapping.allowed = std::min(cap, mapping.allowed + kAddedBatchesPerSecond * to_seconds(now - mapping.last_scaled));
    mapping.last_scaled = now;
    if (q.queue.visible() > 0) {
        mapping.empty_since = -1;
    } else if (mapping.empty_since < 0) {
        mapping.empty_since = now;
    } else if (now - mapping.empty_since >= kScaleDownAfter) {
        mapping.allowed = std::max(std::min(kInitialBatches, cap), static_cast<double>(mapping.in_flight));
    }
    struct BacklogMark {
        Mapping& mapping;
        const SqsQueue& queue;
        ~BacklogMark() { mapping.backlog = queue.visible() > 0; }
    } mark{mapping, q.queue};

    while (mapping.in_flight < static_cast<int>(mapping.allowed) && q.queue.visible() > 0) {
        // Batch window: wait for a full batch, or until the window has passed.
        if (spec.batch_window > 0 && q.queue.visible() < static_cast<std::size_t>(spec.batch_size)) {
            if (mapping.window_started < 0) mapping.window_started = now;
            const SimTime due = mapping.window_started + spec.batch_window;
            if (now < due) {
                if (!mapping.poll_pending) {
                    mapping.poll_pending = true;
                    simulator_.schedule_at(due, handler_, MappingPoll, mapping_index);
                }
                return;
            }
        }
        std::uint32_t batch;
        if (!free_batches_.empty()) {
            batch = free_batches_.back();
            free_batches_.pop_back();
        } else {
            batch = static_cast<std::uint32_t>(batches_.size());
            batches_.emplace_back();
        }
        Batch& b = batches_[batch];
        q.queue.take_batch(static_cast<std::size_t>(spec.batch_size), b.messages);
        if (b.messages.empty()) {  // FIFO: every group with messages is locked
            free_batches_.push_back(batch);
            break;
        }
        mapping.window_started = -1;
        b.mapping = mapping_index;
        b.active = true;
        b.received = now;
        b.group = q.queue[b.messages.front()].group;
        QueueMetrics& metrics = recorder_.queue(mapping.queue);
        // Messages past the retention period are deleted by SQS, never delivered.
        auto expired = [&](MessageIndex m) { return now - q.queue[m].sent > q.queue.spec().retention; };
        for (const MessageIndex m : b.messages)
            if (expired(m)) {
                ++metrics.period.expired;
                if (!q.queue[m].accounted) ++recorder_.entry_point(q.queue[m].source).period.flow.expired;
                q.queue.destroy(m);
            }
        b.messages.erase(std::remove_if(b.messages.begin(), b.messages.end(),
                                        [&](MessageIndex m) { return !q.queue[m].alive; }),
                         b.messages.end());
        update_queue_gauge(mapping.queue);
        if (b.messages.empty()) {
            q.queue.unlock_group(b.group);
            release_batch(batch);
            continue;
        }
        for (const MessageIndex m : b.messages)
            if (++q.queue[m].receive_count == 1) metrics.wait_period.add(to_milliseconds(now - q.queue[m].sent));
        metrics.period.received += b.messages.size();

        const Admission admission = admit(mapping.function);
        if (!admission.admitted) {
            // A throttled batch stays invisible until its visibility timeout, then returns
            // (its receive count already grew); the pollers back off.
            recorder_.throttle(mapping.function, admission.reason);
            for (const MessageIndex m : b.messages) q.queue[m].throttled_once = true;
            simulator_.schedule_in(q.queue.spec().visibility_timeout, handler_, BatchReturn, batch, b.generation);
            mapping.allowed = std::max(std::min(kInitialBatches, cap), mapping.allowed / 2);
            if (!mapping.poll_pending) {
                mapping.poll_pending = true;
                simulator_.schedule_in(kSecond, handler_, MappingPoll, mapping_index);
            }
            return;
        }
        ++mapping.in_flight;
        mapping.max_in_flight = std::max(mapping.max_in_flight, mapping.in_flight);
        start_invocation(mapping.function, admission, OwnerKind::Batch, batch, b.generation);
    }
    // More messages than pollers: look again in a second, when scaling allows more.
    if (q.queue.visible() > 0 && mapping.allowed < cap && !mapping.poll_pending) {
        mapping.poll_pending = true;
        simulator_.schedule_in(kSecond, handler_, MappingPoll, mapping_index);
    }
}

void LambdaModel::batch_ended(std::uint32_t batch, InvocationOutcome outcome, bool forwarded, bool raised) {
    Batch& b = batches_[batch];
    Mapping& mapping = mappings_[b.mapping];
    QueueRuntime& q = queues_[mapping.queue];
    --mapping.in_flight;
    const double item_error_rate = functions_[mapping.function].spec->error_rate;
    // With partial batch responses the function reports which items failed (each fails with the
    // function's error rate); without, any error returns the whole batch. A timeout always does,
    // and so does a handler that raised (a service call failed for good): it reported nothing.
    const bool partial =
        mapping.spec->report_batch_item_failures && outcome != InvocationOutcome::Timeout && !raised;
    std::size_t kept = 0;
    for (const MessageIndex m : b.messages) {
        bool failed = outcome != InvocationOutcome::Success;
        if (partial)
            failed = item_error_rate > 0 && boost::random::bernoulli_distribution<double>(item_error_rate)(mapping.item_rng);
        if (failed) {
            b.messages[kept++] = m;
        } else {
            ++recorder_.queue(mapping.queue).period.deleted;
            if (!q.queue[m].accounted) complete_flow(q.queue[m].source, q.queue[m].origin, forwarded);
            q.queue.destroy(m);
        }
    }
    b.messages.resize(kept);
    if (b.messages.empty()) {
        q.queue.unlock_group(b.group);
        release_batch(batch);
    } else {
        // Failed messages become visible again when their visibility timeout expires.
        const SimTime visible_at = std::max(simulator_.now(), b.received + q.queue.spec().visibility_timeout);
        simulator_.schedule_at(visible_at, handler_, BatchReturn, batch, b.generation);
    }
    update_queue_gauge(mapping.queue);
    poll(b.mapping);
}

void LambdaModel::return_batch(std::uint32_t batch) {
    // Copies: a message redriven to its dead-letter queue there can start batches of that
    // queue's mapping and grow batches_.
    const std::uint32_t queue = mappings_[batches_[batch].mapping].queue;
    const std::uint32_t group = batches_[batch].group;
    const std::vector<MessageIndex> messages = batches_[batch].messages;
    release_batch(batch);
    // Back to the front of the group in their original order (FIFO keeps the order).
    for (auto it = messages.rbegin(); it != messages.rend(); ++it) message_visible(queue, *it, true, false);
    queues_[queue].queue.unlock_group(group);
    for (const std::uint32_t mapping : queues_[queue].mappings) poll(mapping);
}

void LambdaModel::release_batch(std::uint32_t batch) {
    Batch& b = batches_[batch];
    b.active = false;
    ++b.generation;
    b.messages.clear();
    free_batches_.push_back(batch);
}

void LambdaModel::update_queue_gauge(std::uint32_t queue) {
    recorder_.queue(queue).depth.set(static_cast<int>(queues_[queue].queue.visible()), simulator_.now());
}

std::vector<double> LambdaModel::oldest_message_ages(SimTime at) const {
    std::vector<double> ages;
    ages.reserve(queues_.size());
    for (const QueueRuntime& q : queues_) {
        const SimTime oldest = q.queue.oldest_visible_sent();
        ages.push_back(oldest < 0 ? 0.0 : to_seconds(at - oldest));
    }
    return ages;
}

std::vector<std::uint64_t> LambdaModel::flow_in_flight() const {
    std::vector<std::uint64_t> in_flight(sources_.size(), 0);
    for (const AsyncEvent& e : async_events_)
        if (e.active && !e.accounted) ++in_flight[e.source];
    for (const QueueRuntime& q : queues_)
        q.queue.for_each_alive([&](const Message& m) {
            if (!m.accounted) ++in_flight[m.source];
        });
    return in_flight;
}

}  // namespace lambdasim
