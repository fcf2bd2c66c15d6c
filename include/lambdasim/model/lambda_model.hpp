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
    // Closes the last (possibly partial) metrics period at `end`.
    void finish(SimTime end);

    int account_concurrency() const { return account_busy_; }
    int unreserved_capacity() const { return unreserved_capacity_; }
    int unreserved_in_use() const { return unreserved_in_use_; }
    const FunctionRuntime& function(std::size_t index) const { return functions_[index]; }
    const RequestLedger& ledger() const { return ledger_; }

private:
    enum EventKind : std::uint32_t {
        Arrival,
        RetryAttempt,
        InvocationEnd,
        GatewayTimeout,
        ReclaimEnvironment,
        ProvisionedChange,
        ProvisionedReady,
        MetricsTick,
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
        std::uint32_t function;
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
    void finish_request(std::uint32_t request, bool succeeded, bool throttled, std::size_t reason);
    Admission admit(std::uint32_t function);
    void start_invocation(std::uint32_t function, const Admission& admission, std::uint32_t request);
    void end_invocation(std::uint32_t function, EnvironmentIndex environment, std::uint32_t generation);
    void reclaim(std::uint32_t function, EnvironmentIndex environment, std::uint32_t generation);
    void change_provisioned(std::uint32_t function, std::size_t step);
    void provisioned_ready(std::uint32_t function, std::size_t step);
    void set_provisioned_level(std::uint32_t function, int level);
    void add_provisioned_environments(std::uint32_t function, int target);
    void refresh_unreserved_capacity();
    void update_gauges(std::uint32_t function);

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
};

}  // namespace lambdasim
