#include "lambdasim/metrics/recorder.hpp"

#include <algorithm>
#include <string>

namespace lambdasim {
namespace {

template <std::size_t N>
void add_array(std::array<std::uint64_t, N>& into, const std::array<std::uint64_t, N>& from) {
    for (std::size_t i = 0; i < N; ++i) into[i] += from[i];
}

// "Throttles_<Reason>" names, built once.
const std::array<std::string, kThrottleReasonCount>& throttle_metric_names() {
    static const auto names = [] {
        std::array<std::string, kThrottleReasonCount> n;
        for (std::size_t i = 0; i < kThrottleReasonCount; ++i) n[i] = "Throttles_" + std::string(kThrottleReasonNames[i]);
        return n;
    }();
    return names;
}

}  // namespace

std::uint64_t FunctionCounts::throttles() const {
    std::uint64_t total = 0;
    for (auto n : throttles_by_reason) total += n;
    return total;
}

void FunctionCounts::add(const FunctionCounts& o) {
    invocations += o.invocations;
    cold_starts += o.cold_starts;
    warm_starts += o.warm_starts;
    errors += o.errors;
    timeouts += o.timeouts;
    provisioned_invocations += o.provisioned_invocations;
    provisioned_spillover_invocations += o.provisioned_spillover_invocations;
    add_array(throttles_by_reason, o.throttles_by_reason);
    calls += o.calls;
    calls_throttled += o.calls_throttled;
    calls_failed += o.calls_failed;
}

void AsyncCounts::add(const AsyncCounts& o) {
    events += o.events;
    retried += o.retried;
    succeeded += o.succeeded;
    expired += o.expired;
    dead_lettered += o.dead_lettered;
    dropped += o.dropped;
    rejected += o.rejected;
}

void QueueCounts::add(const QueueCounts& o) {
    sent += o.sent;
    received += o.received;
    deleted += o.deleted;
    redriven += o.redriven;
    redriven_after_throttle += o.redriven_after_throttle;
    expired += o.expired;
}

void TopicCounts::add(const TopicCounts& o) {
    published += o.published;
    delivered += o.delivered;
    failed += o.failed;
    filtered += o.filtered;
}

void BucketCounts::add(const BucketCounts& o) {
    puts += o.puts;
    accepted += o.accepted;
    slow_down += o.slow_down;
    notifications += o.notifications;
    gets += o.gets;
    get_slow_down += o.get_slow_down;
}

void TableCounts::add(const TableCounts& o) {
    reads += o.reads;
    writes += o.writes;
    read_units += o.read_units;
    write_units += o.write_units;
    read_throttles += o.read_throttles;
    write_throttles += o.write_throttles;
    hot_key_throttles += o.hot_key_throttles;
}

void FlowCounts::add(const FlowCounts& o) {
    created += o.created;
    delivered += o.delivered;
    forwarded += o.forwarded;
    filtered += o.filtered;
    expired += o.expired;
    dropped += o.dropped;
    dead_lettered += o.dead_lettered;
    rejected += o.rejected;
}

void EntryPointCounts::add(const EntryPointCounts& o) {
    flow.add(o.flow);
    requests += o.requests;
    succeeded += o.succeeded;
    failed += o.failed;
    throttled += o.throttled;
    retries += o.retries;
    add_array(failed_by_reason, o.failed_by_reason);
    add_array(throttled_by_reason, o.throttled_by_reason);
}

MetricsRecorder::MetricsRecorder(const std::vector<std::string>& function_names,
                                 const std::vector<std::string>& entry_point_names, TimeSeriesSink* sink,
                                 const std::vector<std::string>& queue_names,
                                 const std::vector<std::string>& topic_names,
                                 const std::vector<std::string>& bucket_names,
                                 const std::vector<std::string>& table_names)
    : functions_(function_names.size()),
      entry_points_(entry_point_names.size()),
      queues_(queue_names.size()),
      topics_(topic_names.size()),
      buckets_(bucket_names.size()),
      tables_(table_names.size()),
      sink_(sink) {
    for (std::size_t i = 0; i < table_names.size(); ++i) tables_[i].name = table_names[i];
    for (std::size_t i = 0; i < bucket_names.size(); ++i) buckets_[i].name = bucket_names[i];
    for (std::size_t i = 0; i < queue_names.size(); ++i) queues_[i].name = queue_names[i];
    for (std::size_t i = 0; i < topic_names.size(); ++i) topics_[i].name = topic_names[i];
    for (std::size_t i = 0; i < function_names.size(); ++i) functions_[i].name = function_names[i];
    for (std::size_t i = 0; i < entry_point_names.size(); ++i) entry_points_[i].name = entry_point_names[i];
}

void MetricsRecorder::invocation_started(std::size_t function, bool cold, double init_ms, bool provisioned,
                                         bool spillover) {
    FunctionMetrics& f = functions_[function];
    ++f.period.invocations;
    if (cold) {
        ++f.period.cold_starts;
        f.init_period.add(init_ms);
    } else {
        ++f.period.warm_starts;
    }
    if (provisioned) ++f.period.provisioned_invocations;
    if (spillover) ++f.period.provisioned_spillover_invocations;
}

void MetricsRecorder::invocation_ended(std::size_t function, double duration_ms, InvocationOutcome outcome) {
    FunctionMetrics& f = functions_[function];
    f.duration_period.add(duration_ms);
    if (outcome != InvocationOutcome::Success) ++f.period.errors;
    if (outcome == InvocationOutcome::Timeout) ++f.period.timeouts;
}

void MetricsRecorder::close_period(SimTime period_start, const std::vector<double>& oldest_message_age_s) {
    const double t = to_seconds(period_start);
    auto emit = [&](std::string_view entity, std::string_view metric, double value) {
        if (sink_) sink_->row(t, entity, metric, value);
    };
    for (FunctionMetrics& f : functions_) {
        const FunctionCounts& p = f.period;
        emit(f.name, "Invocations", static_cast<double>(p.invocations));
        emit(f.name, "Throttles", static_cast<double>(p.throttles()));
        for (std::size_t r = 0; r < kThrottleReasonCount; ++r)
            if (static_cast<ThrottleReason>(r) != ThrottleReason::ApiGatewayThrottled)
                emit(f.name, throttle_metric_names()[r], static_cast<double>(p.throttles_by_reason[r]));
        emit(f.name, "Errors", static_cast<double>(p.errors));
        emit(f.name, "Timeouts", static_cast<double>(p.timeouts));
        emit(f.name, "ColdStarts", static_cast<double>(p.cold_starts));
        emit(f.name, "ConcurrentExecutions", f.concurrency.period_max());
        emit(f.name, "ProvisionedConcurrentExecutions", f.provisioned_busy.period_max());
        emit(f.name, "ProvisionedConcurrencyInvocations", static_cast<double>(p.provisioned_invocations));
        emit(f.name, "ProvisionedConcurrencySpilloverInvocations", static_cast<double>(p.provisioned_spillover_invocations));
        emit(f.name, "Duration_p50", f.duration_period.quantile(0.50));
        emit(f.name, "Duration_p99", f.duration_period.quantile(0.99));
        emit(f.name, "InitDuration_p99", f.init_period.quantile(0.99));
        emit(f.name, "AsyncEventsReceived", static_cast<double>(f.async_period.events));
        emit(f.name, "AsyncEventAge", f.async_period_max_age_s * 1000.0);  // max, ms as in CloudWatch
        emit(f.name, "AsyncEventsDropped", static_cast<double>(f.async_period.dropped + f.async_period.expired));
        if (f.has_calls) {
            emit(f.name, "ServiceCalls", static_cast<double>(p.calls));
            emit(f.name, "ServiceCallsThrottled", static_cast<double>(p.calls_throttled));
            emit(f.name, "ServiceCallsFailed", static_cast<double>(p.calls_failed));
        }
        f.async_total.add(f.async_period);
        f.async_period = {};
        f.async_period_max_age_s = 0;
        f.total.add(p);
        f.period = {};
        f.duration_total.merge(f.duration_period);
        f.duration_period.clear();
        f.init_total.merge(f.init_period);
        f.init_period.clear();
        f.concurrency.start_period();
        f.provisioned_busy.start_period();
    }
    for (EntryPointMetrics& e : entry_points_) {
        const EntryPointCounts& p = e.period;
        emit(e.name, "Requests", static_cast<double>(p.requests));
        emit(e.name, "Succeeded", static_cast<double>(p.succeeded));
        emit(e.name, "Failed", static_cast<double>(p.failed));
        emit(e.name, "Throttled", static_cast<double>(p.throttled));
        emit(e.name, "Retries", static_cast<double>(p.retries));
        emit(e.name, "Latency_p50", e.latency_period.quantile(0.50));
        emit(e.name, "Latency_p99", e.latency_period.quantile(0.99));
        emit(e.name, "Delivered", static_cast<double>(p.flow.delivered));
        emit(e.name, "Lost", static_cast<double>(p.flow.lost()));
        emit(e.name, "EndToEndLatency_p99", e.end_to_end_period.quantile(0.99));
        e.end_to_end_total.merge(e.end_to_end_period);
        e.end_to_end_period.clear();
        e.total.add(p);
        e.period = {};
        e.latency_total.merge(e.latency_period);
        e.latency_period.clear();
    }
    for (std::size_t i = 0; i < queues_.size(); ++i) {
        QueueMetrics& q = queues_[i];
        const double oldest = i < oldest_message_age_s.size() ? oldest_message_age_s[i] : 0.0;
        q.max_age_of_oldest_s = std::max(q.max_age_of_oldest_s, oldest);
        emit(q.name, "NumberOfMessagesSent", static_cast<double>(q.period.sent));
        emit(q.name, "NumberOfMessagesReceived", static_cast<double>(q.period.received));
        emit(q.name, "NumberOfMessagesDeleted", static_cast<double>(q.period.deleted));
        emit(q.name, "ApproximateNumberOfMessagesVisible", q.depth.period_max());
        emit(q.name, "ApproximateAgeOfOldestMessage", oldest);
        emit(q.name, "MessagesMovedToDeadLetterQueue", static_cast<double>(q.period.redriven));
        emit(q.name, "ReceiveWait_mean", q.wait_period.mean());
        emit(q.name, "ReceiveWait_p99", q.wait_period.quantile(0.99));
        q.wait_total.merge(q.wait_period);
        q.wait_period.clear();
        q.total.add(q.period);
        q.period = {};
        q.depth.start_period();
    }
    for (TopicMetrics& t : topics_) {
        emit(t.name, "NumberOfMessagesPublished", static_cast<double>(t.period.published));
        emit(t.name, "NumberOfNotificationsDelivered", static_cast<double>(t.period.delivered));
        emit(t.name, "NumberOfNotificationsFailed", static_cast<double>(t.period.failed));
        emit(t.name, "NumberOfNotificationsFilteredOut", static_cast<double>(t.period.filtered));
        t.total.add(t.period);
        t.period = {};
    }
    for (BucketMetrics& b : buckets_) {
        // S3 request metrics' names; SlowDown is the 503 a prefix above its request rate answers.
        emit(b.name, "PutRequests", static_cast<double>(b.period.puts));
        emit(b.name, "5xxErrors_SlowDown", static_cast<double>(b.period.slow_down));
        emit(b.name, "NotificationsDelivered", static_cast<double>(b.period.notifications));
        emit(b.name, "GetRequests", static_cast<double>(b.period.gets));
        emit(b.name, "5xxErrors_SlowDown_Get", static_cast<double>(b.period.get_slow_down));
        b.total.add(b.period);
        b.period = {};
    }
    for (TableMetrics& t : tables_) {
        // DynamoDB's CloudWatch names; the counts are per period, not per second.
        emit(t.name, "ConsumedReadCapacityUnits", static_cast<double>(t.period.read_units));
        emit(t.name, "ConsumedWriteCapacityUnits", static_cast<double>(t.period.write_units));
        emit(t.name, "ReadThrottleEvents", static_cast<double>(t.period.read_throttles));
        emit(t.name, "WriteThrottleEvents", static_cast<double>(t.period.write_throttles));
        t.total.add(t.period);
        t.period = {};
    }
    emit("account", "ConcurrentExecutions", account_.concurrency.period_max());
    emit("account", "UnreservedConcurrentExecutions", account_.unreserved.period_max());
    emit("account", "ClaimedAccountConcurrency", account_.claimed.period_max());
    emit("account", "Throttles", static_cast<double>(account_.throttles_period));
    account_.throttles_total += account_.throttles_period;
    account_.throttles_period = 0;
    account_.concurrency.start_period();
    account_.unreserved.start_period();
    account_.claimed.start_period();
}

}  // namespace lambdasim
