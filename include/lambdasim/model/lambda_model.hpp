#pragma once
// The Lambda model: account, functions, traffic sources, sync callers and API Gateway, driven
// by one Simulator handler that switches on a small enum of event kinds. It emits metrics to a
// MetricsRecorder and knows nothing of YAML, files or terminals.
#include <cstdint>
#include <vector>

#include "lambdasim/engine/simulator.hpp"
#include "lambdasim/metrics/recorder.hpp"
#include "lambdasim/model/arrival_process.hpp"
#include "lambdasim/model/function_runtime.hpp"
#include "lambdasim/model/specs.hpp"
#include "lambdasim/model/sqs_queue.hpp"
#include "lambdasim/model/table_capacity.hpp"

namespace lambdasim {

// Counts kept for the end-of-run invariants (every request accounted for).
struct RequestLedger {
    std::uint64_t started = 0;
    std::uint64_t finished = 0;
    std::uint64_t in_flight() const { return started - finished; }
};

class LambdaModel {
public:
    LambdaModel(const ScenarioSpec& spec, Simulator& simulator, MetricsRecorder& recorder);
    LambdaModel(const LambdaModel&) = delete;
    LambdaModel& operator=(const LambdaModel&) = delete;

    // Schedules the first arrivals, provisioned-concurrency changes and metric periods.
    void start();
    // Closes the remaining metrics periods up to `end` (the last one partial).
    void finish(SimTime end, bool interrupted = false);

    int account_concurrency() const { return account_busy_; }
    int unreserved_capacity() const { return unreserved_capacity_; }
    int unreserved_in_use() const { return unreserved_in_use_; }
    const FunctionRuntime& function(std::size_t index) const { return functions_[index]; }
    const RequestLedger& ledger() const { return ledger_; }
    // Units of asynchronous work of each traffic source still in the system (async events
    // pending, messages not yet processed): the in-flight term of the conservation check.
    std::vector<std::uint64_t> flow_in_flight() const;
    int mapping_max_in_flight(std::size_t mapping) const { return mappings_[mapping].max_in_flight; }
    // Age in seconds of each queue's oldest visible message now (0 when empty).
    std::vector<double> oldest_message_ages(SimTime at) const;

private:
    enum EventKind : std::uint32_t {
        Arrival,
        RetryAttempt,
        InvocationEnd,
        GatewayTimeout,
        ReclaimEnvironment,
        ProvisionedChange,
        ProvisionedReady,
        AsyncRetry,
        MessageVisible,
        BatchReturn,
        MappingPoll,
        CallStep,
    };

    enum class OwnerKind : std::uint8_t { SyncRequest, AsyncEvent, Batch };

    // An event in a function's internal async queue.
    struct AsyncEvent {
        std::uint32_t function = 0;
        std::uint32_t generation = 0;
        bool active = false;
        bool accounted = false;  // a dead-letter copy: its flow already counted it as lost
        std::uint32_t source = 0;
        SimTime enqueued = 0;
        SimTime origin = 0;
        int error_retries = 0;
        int throttle_retries = 0;
        double payload_bytes = 0;
    };

    // A batch of SQS messages received by an event source mapping.
    struct Batch {
        std::uint32_t mapping = 0;
        std::uint32_t generation = 0;
        bool active = false;
        SimTime received = 0;
        std::uint32_t group = 0;
        std::vector<MessageIndex> messages;  // capacity is kept when the slot is reused
    };

    struct Mapping {
        const EventSourceMappingSpec* spec;
        std::uint32_t queue;
        std::uint32_t function;
        double allowed = 5;   // concurrent batches the pollers may run now
        int in_flight = 0;    // batches being processed
        int max_in_flight = 0;
        bool backlog = false;  // messages were left waiting at the last poll
        SimTime empty_since = -1;  // when the queue was last seen empty (-1: it is not)
        SimTime last_scaled = 0;
        bool poll_pending = false;
        SimTime window_started = -1;  // batch window: when the first waiting message was seen
        RandomEngine item_rng;        // partial batch failures
    };

    struct Subscription {
        SubscriptionSpec::Kind kind;
        std::uint32_t target;  // function or queue index
        double filter_fraction;
        std::int64_t dead_letter_queue;  // -1: none
    };

    struct TopicRuntime {
        std::vector<Subscription> subscriptions;
        RandomEngine filter_rng;
    };

    struct BucketNotification {
        BucketNotificationSpec::Kind kind;
        std::uint32_t target;  // function, queue or topic index
    };

    struct BucketRuntime {
        std::vector<TokenBucket> prefixes;  // one write-rate bucket per partitioned prefix
        std::vector<BucketNotification> notifications;
        RandomEngine prefix_rng;  // which prefix each object's key lands in
        std::vector<TokenBucket> read_prefixes;  // GETs: one read-rate bucket per prefix
    };

    struct TableRuntime {
        TableCapacity reads;
        TableCapacity writes;
        // The hot partition key's own limits (one second's worth, no more: burst capacity does
        // not help a hot partition), and which requests go to it.
        TokenBucket hot_key_reads;
        TokenBucket hot_key_writes;
        double hot_key_share = 0;
        RandomEngine key_rng;
    };

    // One function's call plan: the `when: before` calls, the handler's own time, the others.
    // Each call draws from streams of its own, so adding a call leaves the others' draws (and a
    // comparison's common random numbers) unchanged.
    struct PlannedCall {
        const CallSpec* spec;
        std::uint32_t target;  // bucket, table, topic, queue or function index
        Distribution latency;
        Distribution payload;
        RandomEngine latency_rng;
        RandomEngine retry_rng;
        RandomEngine payload_rng;
    };
    struct CallPlan {
        std::vector<PlannedCall> steps;  // calls in the order they are made
        std::size_t handler_step = 0;    // the handler runs before steps[handler_step]
        bool empty() const { return steps.empty(); }
        std::size_t step_count() const { return steps.size() + 1; }  // calls and the handler
    };

    // The unit of work an invocation serves, whose descendants a call's messages become.
    struct OwnerUnit {
        std::uint32_t source = 0;
        SimTime origin = 0;
        bool accounted = false;
    };

    struct QueueRuntime {
        SqsQueue queue;
        std::int64_t dead_letter_queue = -1;
        std::vector<std::uint32_t> mappings;
        RandomEngine group_rng;
    };

    struct Request {
        std::uint32_t source = 0;
        std::uint32_t generation = 0;
        std::uint32_t attempts = 0;
        bool active = false;
        SimTime first_attempt = 0;
        double payload_bytes = 0;
    };

    struct TrafficSource {
        const TrafficSourceSpec* spec;
        std::uint32_t function;  // function targets
        std::uint32_t target;    // queue or topic targets
        ArrivalProcess arrivals;
        Distribution payload;
        RandomEngine payload_rng;
        RandomEngine retry_rng;
    };

    struct Admission {
        bool admitted = false;
        ThrottleReason reason = ThrottleReason::ConcurrentInvocationLimitExceeded;
        EnvironmentIndex environment = kNoEnvironment;
        bool cold = false;
        bool provisioned = false;
        bool spillover = false;
    };

    static void dispatch(void* self, const Event& event);
    void handle(const Event& event);

    void on_arrival(std::uint32_t source);
    void attempt(std::uint32_t request);
    void attempt_throttled(std::uint32_t request, ThrottleReason reason);
    // `forwarded`: the invocation's calls sent work on, whose end-to-end latency is measured
    // where it is delivered (the request's own answer is not the path's end).
    void finish_request(std::uint32_t request, bool succeeded, bool throttled, std::size_t reason,
                        bool forwarded = false);
    Admission admit(std::uint32_t function);
    void start_invocation(std::uint32_t function, const Admission& admission, OwnerKind owner, std::uint32_t index,
                          std::uint32_t generation);
    // `forwarded`: its calls sent work on; `raised`: a call failed for good (the handler raised).
    void finish_invocation_for(OwnerKind owner, std::uint32_t index, std::uint32_t generation, InvocationOutcome outcome,
                               bool forwarded, bool raised);

    // Service calls made during an invocation (sim/model/service_calls.cpp).
    void begin_call_plan(std::uint32_t function, EnvironmentIndex environment, SimTime init_phase);
    void call_step(std::uint32_t function, EnvironmentIndex environment, std::uint32_t generation);
    enum class CallResult { Done, Throttled, Failed };
    // `hot_key`: a table call's item is the table's hot key (drawn once per call, not per attempt).
    CallResult make_call(PlannedCall& call, const OwnerUnit& owner, bool hot_key, bool& forwarded);
    OwnerUnit owner_unit(const Environment& env) const;
    bool to_hot_key(const PlannedCall& call);

    // Asynchronous invocation (sim/model/async_invocation.cpp).
    void invoke_async(std::uint32_t function, std::uint32_t source, SimTime origin, double payload_bytes,
                      bool accounted);
    void try_async_event(std::uint32_t event);
    void async_event_ended(std::uint32_t event, InvocationOutcome outcome, bool forwarded);
    void fail_async_event(std::uint32_t event, bool expired);
    void release_async_event(std::uint32_t event);

    // SQS and event source mappings (sim/model/queue_delivery.cpp).
    void send_message(std::uint32_t queue, std::uint32_t source, SimTime origin, bool accounted);
    void message_visible(std::uint32_t queue, MessageIndex message, bool returning, bool poll_after = true);
    void poll(std::uint32_t mapping);
    void batch_ended(std::uint32_t batch, InvocationOutcome outcome, bool forwarded, bool raised);
    void return_batch(std::uint32_t batch);
    void release_batch(std::uint32_t batch);
    void message_done(std::uint32_t queue, MessageIndex message);

    // SNS (sim/model/topic_delivery.cpp).
    // Returns how many deliveries it made (subscriptions matched and accepted).
    std::size_t publish(std::uint32_t topic, std::uint32_t source, SimTime origin, double payload_bytes, bool accounted);

    // S3 (sim/model/bucket_delivery.cpp).
    void put_object(std::uint32_t bucket, std::uint32_t source, SimTime origin);
    static std::size_t pick_prefix(BucketRuntime& bucket);
    bool store_object(std::uint32_t bucket);  // false: 503 SlowDown
    bool read_object(std::uint32_t bucket);   // false: 503 SlowDown
    // s3:ObjectCreated to every notification target; returns the deliveries made.
    std::size_t notify_object_created(std::uint32_t bucket, std::uint32_t source, SimTime origin, bool accounted);

    // Where a failed unit goes: a queue, a topic, or nowhere (dropped). True when sent.
    struct ResolvedDestination {
        DestinationSpec::Kind kind = DestinationSpec::Kind::None;
        std::uint32_t index = 0;
    };
    bool send_to_destination(const ResolvedDestination& destination, std::uint32_t source, SimTime origin,
                             double payload_bytes);
    void deliver_flow(std::uint32_t source, SimTime origin);
    // A unit that ended successfully: delivered at the end of its path, or forwarded by calls.
    void complete_flow(std::uint32_t source, SimTime origin, bool forwarded);
    void update_queue_gauge(std::uint32_t queue);
    void end_invocation(std::uint32_t function, EnvironmentIndex environment, std::uint32_t generation);
    void reclaim(std::uint32_t function, EnvironmentIndex environment, std::uint32_t generation);
    void change_provisioned(std::uint32_t function, std::size_t step);
    void provisioned_ready(std::uint32_t function, std::size_t step);
    void set_provisioned_level(std::uint32_t function, int level);
    void add_provisioned_environments(std::uint32_t function, int target);
    void refresh_unreserved_capacity();
    void update_gauges(std::uint32_t function);
    void close_periods_until(SimTime now);

    std::uint32_t new_request(std::uint32_t source);
    bool request_current(std::uint32_t request, std::uint64_t generation) const;

    static std::uint64_t pack(std::uint32_t function, EnvironmentIndex environment) {
        return (static_cast<std::uint64_t>(function) << 32) | environment;
    }

    const ScenarioSpec& spec_;
    Simulator& simulator_;
    MetricsRecorder& recorder_;
    HandlerId handler_;

    std::vector<FunctionRuntime> functions_;
    std::vector<TrafficSource> sources_;
    std::vector<QueueRuntime> queues_;
    std::vector<Mapping> mappings_;
    std::vector<TopicRuntime> topics_;
    std::vector<BucketRuntime> buckets_;
    std::vector<TableRuntime> tables_;
    std::vector<CallPlan> call_plans_;  // per function
    std::vector<ResolvedDestination> on_failure_;  // per function
    std::vector<AsyncEvent> async_events_;
    std::vector<std::uint32_t> free_async_events_;
    std::vector<Batch> batches_;
    std::vector<std::uint32_t> free_batches_;
    std::vector<Request> requests_;
    std::vector<std::uint32_t> free_requests_;
    RequestLedger ledger_;

    // Account-wide state.
    int reserved_total_ = 0;
    int unreserved_capacity_ = 0;  // limit - sum(reserved) - provisioned of unreserved functions
    int unreserved_in_use_ = 0;    // busy on-demand environments of unreserved functions
    int unreserved_provisioned_ = 0;
    int account_busy_ = 0;
    TokenBucket account_rate_;     // 10 x the account limit, requests/s
    TokenBucket legacy_scaling_;   // legacy mode: shared burst then +N/min
    TokenBucket gateway_bucket_;   // API Gateway account-level throttle
    SimTime period_start_ = 0;
    bool finished_ = false;
};

}  // namespace lambdasim
