#pragma once
// Collects what the model emits: counters, gauges and bounded histograms per function, entry
// point and for the account; closes a period at each metrics tick, writing one row per entity,
// metric and period to the sink (CloudWatch names), and folds the period into the totals.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "lambdasim/metrics/concurrency_gauge.hpp"
#include "lambdasim/metrics/log_histogram.hpp"
#include "lambdasim/metrics/time_series_sink.hpp"
#include "lambdasim/model/outcomes.hpp"

namespace lambdasim {

struct FunctionCounts {
    std::uint64_t invocations = 0;  // invocations that ran, as CloudWatch counts them
    std::uint64_t cold_starts = 0;
    std::uint64_t warm_starts = 0;
    std::uint64_t errors = 0;  // function errors and timeouts, as CloudWatch `Errors`
    std::uint64_t timeouts = 0;
    std::uint64_t provisioned_invocations = 0;
    std::uint64_t provisioned_spillover_invocations = 0;
    std::array<std::uint64_t, kThrottleReasonCount> throttles_by_reason{};
    std::uint64_t calls = 0;            // service calls made (`calls:`), each retry counted once more
    std::uint64_t calls_throttled = 0;  // call attempts refused (503 SlowDown, throughput exceeded)
    std::uint64_t calls_failed = 0;     // calls that failed for good and ended the invocation

    std::uint64_t throttles() const;
    void add(const FunctionCounts& other);
};

// Asynchronous invocations of one function (Lambda's internal event queue).
struct AsyncCounts {
    std::uint64_t events = 0;         // accepted into the internal queue (AsyncEventsReceived)
    std::uint64_t retried = 0;        // retries scheduled, after throttles and after errors
    std::uint64_t succeeded = 0;
    std::uint64_t expired = 0;        // reached max_event_age
    std::uint64_t dead_lettered = 0;  // sent to the on-failure destination
    std::uint64_t dropped = 0;        // failed for good with no destination
    std::uint64_t rejected = 0;       // payload above the async limit: never accepted
    void add(const AsyncCounts& other);
};

struct QueueCounts {
    std::uint64_t sent = 0;
    std::uint64_t received = 0;  // message receives (a message received twice counts twice)
    std::uint64_t deleted = 0;   // processed successfully
    std::uint64_t redriven = 0;  // moved to the dead-letter queue after max_receive_count
    std::uint64_t redriven_after_throttle = 0;  // ... of which at least one receive was throttled
    std::uint64_t expired = 0;   // older than the retention period
    void add(const QueueCounts& other);
};

struct TopicCounts {
    std::uint64_t published = 0;
    std::uint64_t delivered = 0;  // deliveries accepted by a subscriber
    std::uint64_t failed = 0;     // deliveries refused by a subscriber
    std::uint64_t filtered = 0;   // deliveries not made: the subscription's filter did not match
    void add(const TopicCounts& other);
};

// S3 PUTs into one bucket.
struct BucketCounts {
    std::uint64_t puts = 0;           // PUT requests received (PutRequests)
    std::uint64_t accepted = 0;       // stored
    std::uint64_t slow_down = 0;      // refused with 503 SlowDown: the prefix was over its rate
    std::uint64_t notifications = 0;  // s3:ObjectCreated notifications handed to their targets
    std::uint64_t gets = 0;           // GET requests (from function calls)
    std::uint64_t get_slow_down = 0;  // ... refused with 503 SlowDown
    void add(const BucketCounts& other);
};

// Requests to one DynamoDB table (from function calls).
struct TableCounts {
    std::uint64_t reads = 0, writes = 0;  // requests served
    std::uint64_t read_units = 0, write_units = 0;  // capacity units consumed
    std::uint64_t read_throttles = 0, write_throttles = 0;  // requests refused (ThrottleEvents)
    std::uint64_t hot_key_throttles = 0;  // ... of which by the hot key's partition limit
    void add(const TableCounts& other);
};

// What became of the units of work a traffic source caused (one per delivery after fan-out).
struct FlowCounts {
    std::uint64_t created = 0;
    std::uint64_t delivered = 0;  // processed successfully by the last function on its path
    std::uint64_t forwarded = 0;  // processed by a function whose calls sent new units on
    std::uint64_t filtered = 0;
    std::uint64_t expired = 0;
    std::uint64_t dropped = 0;
    std::uint64_t dead_lettered = 0;
    std::uint64_t rejected = 0;
    std::uint64_t lost() const { return expired + dropped + dead_lettered + rejected; }
    void add(const FlowCounts& other);
};

struct EntryPointCounts {
    std::uint64_t requests = 0;
    std::uint64_t succeeded = 0;
    std::uint64_t failed = 0;
    std::uint64_t throttled = 0;  // final attempt throttled (retries exhausted)
    std::uint64_t retries = 0;
    std::array<std::uint64_t, kFailureReasonCount> failed_by_reason{};
    std::array<std::uint64_t, kThrottleReasonCount> throttled_by_reason{};
    FlowCounts flow;  // asynchronous targets (function async, queue, topic)
    void add(const EntryPointCounts& other);
};

struct FunctionMetrics {
    std::string name;
    FunctionCounts total, period;
    ConcurrencyGauge concurrency;
    ConcurrencyGauge provisioned_busy;
    LogHistogram duration_total, duration_period;  // ms
    LogHistogram init_total, init_period;          // ms
    AsyncCounts async_total, async_period;
    double async_max_age_s = 0;
    double async_period_max_age_s = 0;
    bool has_calls = false;  // the function makes service calls: its call rows are written
};

struct QueueMetrics {
    std::string name;
    QueueCounts total, period;
    ConcurrencyGauge depth;  // visible messages
    double max_age_of_oldest_s = 0;
    LogHistogram wait_total, wait_period;  // ms from sending to first receive
};

struct TopicMetrics {
    std::string name;
    TopicCounts total, period;
};

struct BucketMetrics {
    std::string name;
    BucketCounts total, period;
};

struct TableMetrics {
    std::string name;
    TableCounts total, period;
};

struct EntryPointMetrics {
    std::string name;
    EntryPointCounts total, period;
    LogHistogram latency_total, latency_period;  // ms, succeeded requests
    LogHistogram end_to_end_total, end_to_end_period;  // ms, injection to successful processing
};

struct AccountMetrics {
    ConcurrencyGauge concurrency;
    ConcurrencyGauge unreserved;
    ConcurrencyGauge claimed;
    std::uint64_t throttles_total = 0, throttles_period = 0;
};

class MetricsRecorder {
public:
    MetricsRecorder(const std::vector<std::string>& function_names, const std::vector<std::string>& entry_point_names,
                    TimeSeriesSink* sink, const std::vector<std::string>& queue_names = {},
                    const std::vector<std::string>& topic_names = {},
                    const std::vector<std::string>& bucket_names = {},
                    const std::vector<std::string>& table_names = {});

    FunctionMetrics& function(std::size_t index) { return functions_[index]; }
    const FunctionMetrics& function(std::size_t index) const { return functions_[index]; }
    EntryPointMetrics& entry_point(std::size_t index) { return entry_points_[index]; }
    const EntryPointMetrics& entry_point(std::size_t index) const { return entry_points_[index]; }
    AccountMetrics& account() { return account_; }
    const AccountMetrics& account() const { return account_; }
    const std::vector<FunctionMetrics>& functions() const { return functions_; }
    const std::vector<EntryPointMetrics>& entry_points() const { return entry_points_; }
    QueueMetrics& queue(std::size_t index) { return queues_[index]; }
    const QueueMetrics& queue(std::size_t index) const { return queues_[index]; }
    TopicMetrics& topic(std::size_t index) { return topics_[index]; }
    const TopicMetrics& topic(std::size_t index) const { return topics_[index]; }
    const std::vector<QueueMetrics>& queues() const { return queues_; }
    const std::vector<TopicMetrics>& topics() const { return topics_; }
    BucketMetrics& bucket(std::size_t index) { return buckets_[index]; }
    const BucketMetrics& bucket(std::size_t index) const { return buckets_[index]; }
    const std::vector<BucketMetrics>& buckets() const { return buckets_; }
    TableMetrics& table(std::size_t index) { return tables_[index]; }
    const std::vector<TableMetrics>& tables() const { return tables_; }

    // Emitted by the model.
    void throttle(std::size_t function, ThrottleReason reason) {
        ++functions_[function].period.throttles_by_reason[static_cast<std::size_t>(reason)];
        ++account_.throttles_period;
    }
    void invocation_started(std::size_t function, bool cold, double init_ms, bool provisioned, bool spillover);
    void invocation_ended(std::size_t function, double duration_ms, InvocationOutcome outcome);

    // Writes the rows of the period that started at `period_start` and folds it into totals.
    // `oldest_message_age_s[q]`: age of queue q's oldest visible message at the period's end.
    void close_period(SimTime period_start, const std::vector<double>& oldest_message_age_s = {});

private:
    std::vector<FunctionMetrics> functions_;
    std::vector<EntryPointMetrics> entry_points_;
    std::vector<QueueMetrics> queues_;
    std::vector<TopicMetrics> topics_;
    std::vector<BucketMetrics> buckets_;
    std::vector<TableMetrics> tables_;
    AccountMetrics account_;
    TimeSeriesSink* sink_;
};

}  // namespace lambdasim
