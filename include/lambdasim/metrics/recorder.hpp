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

    std::uint64_t throttles() const;
    void add(const FunctionCounts& other);
};

struct EntryPointCounts {
    std::uint64_t requests = 0;
    std::uint64_t succeeded = 0;
    std::uint64_t failed = 0;
    std::uint64_t throttled = 0;  // final attempt throttled (retries exhausted)
    std::uint64_t retries = 0;
    std::array<std::uint64_t, kFailureReasonCount> failed_by_reason{};
    std::array<std::uint64_t, kThrottleReasonCount> throttled_by_reason{};
    void add(const EntryPointCounts& other);
};

struct FunctionMetrics {
    std::string name;
    FunctionCounts total, period;
    ConcurrencyGauge concurrency;
    ConcurrencyGauge provisioned_busy;
    LogHistogram duration_total, duration_period;  // ms
    LogHistogram init_total, init_period;          // ms
};

struct EntryPointMetrics {
    std::string name;
    EntryPointCounts total, period;
    LogHistogram latency_total, latency_period;  // ms, succeeded requests
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
                    TimeSeriesSink* sink);

    FunctionMetrics& function(std::size_t index) { return functions_[index]; }
    const FunctionMetrics& function(std::size_t index) const { return functions_[index]; }
    EntryPointMetrics& entry_point(std::size_t index) { return entry_points_[index]; }
    const EntryPointMetrics& entry_point(std::size_t index) const { return entry_points_[index]; }
    AccountMetrics& account() { return account_; }
    const AccountMetrics& account() const { return account_; }
    const std::vector<FunctionMetrics>& functions() const { return functions_; }
    const std::vector<EntryPointMetrics>& entry_points() const { return entry_points_; }

    // Emitted by the model.
    void throttle(std::size_t function, ThrottleReason reason) {
        ++functions_[function].period.throttles_by_reason[static_cast<std::size_t>(reason)];
        ++account_.throttles_period;
    }
    void invocation_started(std::size_t function, bool cold, double init_ms, bool provisioned, bool spillover);
    void invocation_ended(std::size_t function, double duration_ms, InvocationOutcome outcome);

    // Writes the rows of the period that started at `period_start` and folds it into totals.
    void close_period(SimTime period_start);

private:
    std::vector<FunctionMetrics> functions_;
    std::vector<EntryPointMetrics> entry_points_;
    AccountMetrics account_;
    TimeSeriesSink* sink_;
};

}  // namespace lambdasim
