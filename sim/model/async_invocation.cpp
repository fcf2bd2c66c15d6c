// Asynchronous invocation: Lambda's internal event queue of one function
// (`invocation-async`, `invocation-retries`, `invocation-async-retain-records`).
#include <algorithm>

#include <boost/random/uniform_int_distribution.hpp>

#include "lambdasim/model/lambda_model.hpp"

namespace lambdasim {
namespace {

// Throttles and system errors: retried with exponential backoff from 1 s up to 5 min.
// ASSUMPTION: AWS does not say how the delays are jittered; we draw each in [50 %, 100 %] of the
// exponential step, so events throttled together do not all come back at the same instant.
SimTime throttle_backoff(int retries, RandomEngine& engine) {
    const int doublings = std::min(retries - 1, 20);
    const SimTime step = std::min<SimTime>(kSecond << doublings, 5 * kMinute);
    return step / 2 + boost::random::uniform_int_distribution<SimTime>(0, step / 2)(engine);
}

// Function errors: about 1 min before the second attempt and 2 min before the third.
SimTime error_retry_delay(int retries) { return static_cast<SimTime>(retries) * kMinute; }

}  // namespace

void LambdaModel::invoke_async(std::uint32_t function, std::uint32_t source, SimTime origin, double payload_bytes,
                               bool accounted) {
    FunctionMetrics& metrics = recorder_.function(function);
    const AsyncSpec& async = functions_[function].spec->async;
    if (payload_bytes > async.payload_limit_bytes) {
        // Refused at the door (413): the event never enters the queue.
        ++metrics.async_period.rejected;
        if (!accounted) ++recorder_.entry_point(source).period.flow.rejected;
        return;
    }
    std::uint32_t index;
    if (!free_async_events_.empty()) {
        index = free_async_events_.back();
        free_async_events_.pop_back();
    } else {
        index = static_cast<std::uint32_t>(async_events_.size());
        async_events_.emplace_back();
    }
    AsyncEvent& e = async_events_[index];
    const std::uint32_t generation = e.generation;
    e = AsyncEvent{function, generation, true, accounted, source, simulator_.now(), origin, 0, 0, payload_bytes};
    ++metrics.async_period.events;
    try_async_event(index);
}

void LambdaModel::try_async_event(std::uint32_t index) {
    AsyncEvent& e = async_events_[index];
    const Admission admission = admit(e.function);
    if (admission.admitted) {
        start_invocation(e.function, admission, OwnerKind::AsyncEvent, index, e.generation);
        return;
    }
    recorder_.throttle(e.function, admission.reason);
    ++e.throttle_retries;
    const SimTime retry_at = simulator_.now() + throttle_backoff(e.throttle_retries, functions_[e.function].async_rng);
    if (retry_at - e.enqueued > functions_[e.function].spec->async.max_event_age) {
        fail_async_event(index, true);
        return;
    }
    ++recorder_.function(e.function).async_period.retried;
    simulator_.schedule_at(retry_at, handler_, AsyncRetry, index, e.generation);
}

void LambdaModel::async_event_ended(std::uint32_t index, InvocationOutcome outcome, bool forwarded) {
    AsyncEvent& e = async_events_[index];
    FunctionMetrics& metrics = recorder_.function(e.function);
    if (outcome == InvocationOutcome::Success) {
        ++metrics.async_period.succeeded;
        if (!e.accounted) complete_flow(e.source, e.origin, forwarded);
        release_async_event(index);
        return;
    }
    const AsyncSpec& async = functions_[e.function].spec->async;
    if (e.error_retries < async.max_retries) {
        ++e.error_retries;
        const SimTime retry_at = simulator_.now() + error_retry_delay(e.error_retries);
        if (retry_at - e.enqueued > async.max_event_age) {
            fail_async_event(index, true);
            return;
        }
        ++metrics.async_period.retried;
        simulator_.schedule_at(retry_at, handler_, AsyncRetry, index, e.generation);
        return;
    }
    fail_async_event(index, false);
}

void LambdaModel::fail_async_event(std::uint32_t index, bool expired) {
    // A copy: sending to the destination can invoke functions and grow async_events_.
    const AsyncEvent e = async_events_[index];
    FunctionMetrics& metrics = recorder_.function(e.function);
    if (expired) ++metrics.async_period.expired;
    const bool dead_lettered = send_to_destination(on_failure_[e.function], e.source, e.origin, e.payload_bytes);
    FlowCounts& flow = recorder_.entry_point(e.source).period.flow;
    if (dead_lettered) ++metrics.async_period.dead_lettered;
    if (!dead_lettered && !expired) ++metrics.async_period.dropped;
    if (!e.accounted) {
        if (dead_lettered)
            ++flow.dead_lettered;
        else if (expired)
            ++flow.expired;
        else
            ++flow.dropped;
    }
    release_async_event(index);
}

void LambdaModel::release_async_event(std::uint32_t index) {
    AsyncEvent& e = async_events_[index];
    FunctionMetrics& metrics = recorder_.function(e.function);
    const double age = to_seconds(simulator_.now() - e.enqueued);
    metrics.async_max_age_s = std::max(metrics.async_max_age_s, age);
    metrics.async_period_max_age_s = std::max(metrics.async_period_max_age_s, age);
    e.active = false;
    ++e.generation;
    free_async_events_.push_back(index);
}

bool LambdaModel::send_to_destination(const ResolvedDestination& destination, std::uint32_t source, SimTime origin,
                                      double payload_bytes) {
    // What arrives at a destination is already counted as lost (dead-lettered) for its flow.
    switch (destination.kind) {
    case DestinationSpec::Kind::None: return false;
    case DestinationSpec::Kind::Queue: send_message(destination.index, source, origin, true); return true;
    case DestinationSpec::Kind::Topic: publish(destination.index, source, origin, payload_bytes, true); return true;
    }
    return false;
}

void LambdaModel::deliver_flow(std::uint32_t source, SimTime origin) {
    EntryPointMetrics& entry = recorder_.entry_point(source);
    ++entry.period.flow.delivered;
    entry.end_to_end_period.add(to_milliseconds(simulator_.now() - origin));
}

void LambdaModel::complete_flow(std::uint32_t source, SimTime origin, bool forwarded) {
    // A unit its function sent on lives on in the units it created; the path's end-to-end
    // latency is measured where the last of them is delivered.
    if (forwarded)
        ++recorder_.entry_point(source).period.flow.forwarded;
    else
        deliver_flow(source, origin);
}

}  // namespace lambdasim
