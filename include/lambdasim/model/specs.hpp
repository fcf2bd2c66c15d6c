#pragma once
// What the user asked for: plain structs with documented defaults, filled by the scenario
// loader, validated there, and turned into runtime state by the model. Units live in the
// types (SimTime) or the names (_mb, _bytes, _per_second).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "lambdasim/engine/distribution.hpp"
#include "lambdasim/engine/time.hpp"
#include "lambdasim/model/cron_expression.hpp"

namespace lambdasim {

// Lambda quotas and limits (Lambda quotas page, `gettingstarted-limits`).
namespace aws_limits {
inline constexpr int kDefaultAccountConcurrency = 1000;
inline constexpr int kDefaultUnreservedMinimum = 100;
inline constexpr int kMinMemoryMb = 128;
inline constexpr int kMaxMemoryMb = 10240;
inline constexpr double kMemoryMbPerVcpu = 1769.0;  // 1,769 MB = 1 vCPU
inline constexpr double kMaxVcpu = 6.0;
inline constexpr SimTime kMinTimeout = kSecond;
inline constexpr SimTime kMaxTimeout = 900 * kSecond;
inline constexpr SimTime kDefaultTimeout = 3 * kSecond;
inline constexpr int kMinEphemeralMb = 512;
inline constexpr int kMaxEphemeralMb = 10240;
inline constexpr double kMaxZipBytes = 50.0 * 1024 * 1024;          // direct upload
inline constexpr double kMaxUnzippedBytes = 250.0 * 1024 * 1024;    // including layers
inline constexpr double kMaxImageBytes = 10.0 * 1024 * 1024 * 1024; // container image
inline constexpr double kSyncPayloadLimitBytes = 6.0 * 1024 * 1024; // request and response
inline constexpr SimTime kOnDemandInitLimit = 10 * kSecond;         // init phase limit
inline constexpr int kRequestsPerSecondPerConcurrency = 10;         // the 10x rate caps
}  // namespace aws_limits

enum class ScalingMode { PerFunction, Legacy };

struct ScalingSpec {
    // Since Nov 2023 each function may add 1,000 environments per 10 s (`scaling-behavior`).
    ScalingMode mode = ScalingMode::PerFunction;
    int environments = 1000;      // per_function: bucket capacity and amount refilled per `per`
    SimTime per = 10 * kSecond;   // per_function: refill interval
    // Legacy (before Nov 2023): account-wide burst of 500-3,000 by Region, then +500/min.
    int initial_burst = 3000;
    int per_minute = 500;
};

struct AccountSpec {
    int concurrency_limit = aws_limits::kDefaultAccountConcurrency;
    int unreserved_minimum = aws_limits::kDefaultUnreservedMinimum;
    ScalingSpec scaling;
};

enum class Runtime { NodeJs, Python, Java, DotNet, Ruby, Provided, ContainerImage };
enum class PackageType { Zip, Image };

struct PackageSpec {
    PackageType type = PackageType::Zip;
    double size_bytes = 5.0 * 1024 * 1024;           // zip: zipped size; image: image size
    double unzipped_size_bytes = 15.0 * 1024 * 1024; // zip only, including layers
};

// Where an event goes when it has failed for good (async on-failure destination, DLQs).
struct DestinationSpec {
    enum class Kind { None, Queue, Topic };
    Kind kind = Kind::None;
    std::string name;
    bool empty() const { return kind == Kind::None; }
};

struct AsyncSpec {
    // Asynchronous invocation (`invocation-async-retain-records`, `invocation-retries`):
    // throttles and system errors are retried with backoff (1 s growing to 5 min) until the
    // event is `max_event_age` old; function errors are retried `max_retries` times (0-2),
    // about 1 min then 2 min apart; then the event goes to `on_failure` or is dropped.
    SimTime max_event_age = 6 * kHour;  // 60 s - 6 h
    int max_retries = 2;                // 0 - 2
    DestinationSpec on_failure;         // a queue or a topic; empty: dropped
    double payload_limit_bytes = 1024.0 * 1024;  // 1 MB since 2025 (256 KB before)
};

struct ClientSpec {
    // AWS SDK "standard" retry mode: 3 attempts, exponential backoff with full jitter, capped at
    // 20 s (SDKs and Tools reference guide, "Retry behavior"). Base 1 s as in the cross-SDK
    // specification; some SDKs (Java v2) start lower, so it is a setting.
    int max_attempts = 3;
    SimTime backoff_base = kSecond;
    SimTime backoff_cap = 20 * kSecond;
};

// A service call a function makes during an invocation (`calls:`): a PUT or GET on a bucket, a
// write or read on a DynamoDB table, a publish to a topic, a message sent to a queue, or an
// asynchronous invoke of another function. The function waits `latency` for the answer; a
// throttled call (503 SlowDown, ProvisionedThroughputExceededException) is retried by the SDK
// as `retries` says, and a call that fails for good raises in the handler: the invocation ends
// there as a function error.
struct CallSpec {
    enum class Kind { BucketPut, BucketGet, TableWrite, TableRead, Publish, Send, Invoke };
    Kind kind = Kind::TableWrite;
    std::string target;
    int units = 1;                  // tables: capacity units per request (1 WCU = 1 KB written)
    DistributionSpec latency;       // seconds; the loader fills a per-service default
    bool before_handler = false;    // `when: before`: made before the handler's own `duration`
    ClientSpec retries;             // SDK retries of throttled attempts
    DistributionSpec payload = DistributionSpec::constant(1024);  // bytes: publish, send, invoke
    bool forwards_work() const { return kind == Kind::Publish || kind == Kind::Send || kind == Kind::Invoke; }
    // Only S3 (503 SlowDown) and DynamoDB (throughput exceeded) refuse a call for capacity.
    bool can_be_throttled() const { return !forwards_work(); }
};

struct ProvisionedStep {
    SimTime at = 0;
    int level = 0;
};

struct FunctionSpec {
    std::string name;
    Runtime runtime = Runtime::Python;
    PackageSpec package;
    int memory_mb = 128;
    int ephemeral_storage_mb = 512;
    SimTime timeout = aws_limits::kDefaultTimeout;
    std::optional<int> reserved_concurrency;
    std::vector<ProvisionedStep> provisioned_concurrency;  // level schedule; empty = none
    SimTime provisioned_allocation_delay = 90 * kSecond;  // "about 1-2 minutes" of preparation
    int provisioned_allocation_per_minute = 6000;
    DistributionSpec duration;          // seconds, at reference memory
    int reference_memory_mb = 0;        // 0: the function's own memory (no scaling)
    double cpu_bound = 0.5;             // assumption: fraction of duration that scales with vCPU
    std::optional<DistributionSpec> cold_start;  // seconds; overrides the runtime preset
    DistributionSpec idle_lifetime = DistributionSpec::uniform(5 * 60.0, 15 * 60.0);  // assumption
    double error_rate = 0;
    AsyncSpec async;
    std::vector<CallSpec> calls;        // in order; `when: before` ones first, then the handler

    int effective_reference_memory_mb() const { return reference_memory_mb > 0 ? reference_memory_mb : memory_mb; }
    int max_provisioned() const {
        int m = 0;
        for (const auto& s : provisioned_concurrency) m = s.level > m ? s.level : m;
        return m;
    }
};

// Schedule: an EventBridge schedule (`schedules:` in a scenario), read into a traffic source.
enum class ArrivalProcessKind { Poisson, Constant, Steps, Ramp, Diurnal, Burst, Trace, Schedule };
enum class TraceFormat { Timestamps, Counts };

struct RatePoint {
    SimTime at = 0;
    double per_second = 0;
};

// An EventBridge schedule expression (`eb-scheduled-rule-pattern`): `cron(...)` in UTC, or
// `rate(N unit)`. Fire times are computed one at a time from the current time.
struct ScheduleSpec {
    enum class Kind { Cron, Rate };
    Kind kind = Kind::Rate;
    std::string expression;   // as written, e.g. "cron(0 2 * * ? *)"; the resolved writer writes it back
    CronExpression cron;      // kind Cron
    SimTime rate_period = kHour;  // kind Rate: fires at simulated 0 and every period after
    SimTime clock_start = 0;  // the UTC time at simulated 0, since 1970-01-01T00:00Z (ScenarioSpec::clock_start)
};

struct ArrivalSpec {
    ArrivalProcessKind process = ArrivalProcessKind::Poisson;
    double rate_per_second = 0;   // poisson, constant
    std::vector<RatePoint> points;  // steps (piecewise constant) and ramp (piecewise linear)
    double peak_per_second = 0;   // diurnal
    double trough_per_second = 0; // diurnal
    SimTime peak_at = 14 * kHour; // diurnal: time of day of the peak
    SimTime period = kDay;        // diurnal
    std::uint64_t count = 0;      // burst
    SimTime at = 0;               // burst
    SimTime window = 0;           // burst: spread evenly over this window (0 = all at once)
    std::string file;             // trace
    TraceFormat trace_format = TraceFormat::Timestamps;
    ScheduleSpec schedule;        // schedule
};

enum class InvocationType { Sync, Async };

// What a traffic source sends to: a function (sync or async), a queue, a topic, or a bucket
// (each arrival is one S3 PUT).
struct TargetSpec {
    enum class Kind { Function, Queue, Topic, Bucket };
    Kind kind = Kind::Function;
    std::string function;  // kind Function
    InvocationType invocation = InvocationType::Sync;
    std::string name;  // kind Queue, Topic or Bucket
    // A caller waiting for a function's answer (requests, retries, latency); every other target
    // takes its work at once.
    bool is_sync_function() const { return kind == Kind::Function && invocation == InvocationType::Sync; }
};

// EventBridge rule target retry policy (`eb-rule-retry-policy`): 0-185 retries, event age
// 60 s - 24 h. lambdasim takes the hand-off to Lambda's asynchronous queue (or to SQS / SNS) as
// always accepted, so the policy is validated and written back but never used.
struct EventBridgeRetryPolicySpec {
    int max_attempts = 185;
    SimTime max_event_age = 24 * kHour;
};

struct TrafficSourceSpec {
    std::string name;
    ArrivalSpec arrivals;
    TargetSpec target;
    ClientSpec client;
    DistributionSpec payload = DistributionSpec::constant(1024);  // bytes
    bool via_api_gateway = false;
    EventBridgeRetryPolicySpec retry_policy;  // schedules only (arrivals.process Schedule)
    bool is_schedule() const { return arrivals.process == ArrivalProcessKind::Schedule; }
};

// SQS (`sqs-queue-types`, `sqs-visibility-timeout`, `sqs-dead-letter-queues`).
struct QueueSpec {
    std::string name;
    bool fifo = false;
    SimTime visibility_timeout = 30 * kSecond;
    SimTime retention = 4 * kDay;  // 60 s - 14 days
    int max_receive_count = 0;     // 0: no redrive policy
    std::string dead_letter_queue;  // required when max_receive_count > 0
    SimTime delivery_delay = 0;     // 0 - 15 min
    int message_groups = 1;         // FIFO: messages are spread over this many group ids
};

// Lambda event source mapping for SQS (`with-sqs`, `services-sqs-scaling`).
struct EventSourceMappingSpec {
    std::string name;
    std::string queue;
    std::string function;
    int batch_size = 10;             // 1 - 10,000 (above 10 needs a batch window)
    SimTime batch_window = 0;        // 0 - 300 s
    std::optional<int> max_concurrency;  // 2 - 1,000
    bool report_batch_item_failures = false;
};

// SNS (`sns-message-delivery-retries`, `sns-dead-letter-queues`).
struct SubscriptionSpec {
    enum class Kind { Function, Queue };
    Kind kind = Kind::Function;
    std::string target;
    double filter_fraction = 1.0;  // share of messages that match the filter policy
    std::string dead_letter_queue;  // optional
};

struct TopicSpec {
    std::string name;
    std::vector<SubscriptionSpec> subscriptions;
};

// S3 (`optimizing-performance`, `how-to-enable-disable-notification-intro`): a bucket sustains
// at least 3,500 PUT/COPY/POST/DELETE requests per second per partitioned prefix and answers
// 503 SlowDown above it. An s3:ObjectCreated notification goes to a function (invoked
// asynchronously), an SNS topic or an SQS queue.
struct BucketNotificationSpec {
    enum class Kind { Function, Queue, Topic };
    Kind kind = Kind::Function;
    std::string target;
};

struct BucketSpec {
    std::string name;
    double write_rate_limit_per_second = 3500;          // per partitioned prefix
    double read_rate_limit_per_second = 5500;           // per partitioned prefix (GETs from calls)
    int prefixes = 1;                                   // keys spread uniformly over this many partitioned prefixes
    std::vector<BucketNotificationSpec> notifications;  // on s3:ObjectCreated
};

// DynamoDB (`provisioned-capacity-mode`, `on-demand-capacity-mode`, `burst-adaptive-capacity`).
// Provisioned: reads and writes each have a capacity in units per second, and DynamoDB keeps up
// to 300 s of unused capacity as burst (best effort). On demand: a new table takes up to 4,000
// write and 12,000 read units per second at once and, later, up to twice its previous peak;
// a peak becomes "previous" 30 minutes after it was reached; the table-level quota is 40,000
// units per second each way. Requests above capacity fail with
// ProvisionedThroughputExceededException (the SDK retries them).
enum class CapacityMode { OnDemand, Provisioned };

struct TableSpec {
    std::string name;
    CapacityMode mode = CapacityMode::OnDemand;
    double read_capacity_per_second = 0;   // provisioned: RCU
    double write_capacity_per_second = 0;  // provisioned: WCU
    SimTime burst = 300 * kSecond;         // provisioned: unused capacity kept, 0 - 300 s
    double initial_read_per_second = 12000;   // on demand: a new table's throughput
    double initial_write_per_second = 4000;
    double max_read_per_second = 40000;       // on demand: the table-level quota
    double max_write_per_second = 40000;
    // The share of requests that go to one partition key. A partition (so a single key) serves
    // at most 3,000 read and 1,000 write units per second, burst or not, in either mode
    // (`bp-partition-key-design`): a hot key throttles below the table's capacity.
    double hot_key_share = 0;
};

namespace aws_limits {
inline constexpr double kPartitionReadUnitsPerSecond = 3000;
inline constexpr double kPartitionWriteUnitsPerSecond = 1000;
}  // namespace aws_limits

// The price list behind `lambdasim compare`'s cost estimate (USD, us-east-1, x86, 2026 public
// price lists); a scenario's `prices:` section overrides any of them.
struct PriceSpec {
    double lambda_per_gb_second = 0.0000166667;
    double lambda_per_million_requests = 0.20;
    double provisioned_per_gb_second = 0.0000041667;
    double sqs_per_million_requests = 0.40;
    double sns_per_million_publishes = 0.50;
    double s3_per_thousand_puts = 0.005;
    double s3_per_thousand_gets = 0.0004;
    double dynamodb_per_million_write_units = 0.625;  // on demand, per write request unit
    double dynamodb_per_million_read_units = 0.125;   // on demand, per read request unit
    double dynamodb_per_wcu_hour = 0.00065;           // provisioned
    double dynamodb_per_rcu_hour = 0.00013;           // provisioned
    double eventbridge_per_million_invocations = 0.0;  // scheduled rule invocations are free
};

struct ApiGatewaySpec {
    // Account-level throttle shared by all APIs in a Region: 10,000 req/s, burst 5,000.
    double rate_per_second = 10000;
    int burst = 5000;
    SimTime integration_timeout = 29 * kSecond;  // REST default
};

struct ScenarioSpec {
    std::string name = "scenario";
    std::string description;
    SimTime duration = kHour;
    std::uint64_t seed = 1;
    SimTime metrics_period = kSecond;
    SimTime clock_start = 0;  // `start`: the UTC time at simulated 0, since 1970-01-01T00:00Z (schedules)
    AccountSpec account;
    std::vector<FunctionSpec> functions;
    std::vector<TrafficSourceSpec> traffic;
    std::optional<ApiGatewaySpec> api_gateway;
    std::vector<QueueSpec> queues;
    std::vector<EventSourceMappingSpec> event_source_mappings;
    std::vector<TopicSpec> topics;
    std::vector<BucketSpec> buckets;
    std::vector<TableSpec> tables;
    PriceSpec prices;

    const FunctionSpec* find_function(const std::string& name) const {
        for (const auto& f : functions)
            if (f.name == name) return &f;
        return nullptr;
    }
};

}  // namespace lambdasim
