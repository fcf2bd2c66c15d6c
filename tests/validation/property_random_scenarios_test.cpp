// Property-based check of the model: a small seeded generator draws random *valid* scenarios
// (1-4 functions, 1-4 traffic sources of every arrival process except trace, optional API
// Gateway, both scaling modes) and every run must keep every invariant the model promises:
// concurrency within the account limit and each reserved cap, every request accounted for,
// throttles and failures adding up by reason, invocations split into cold + warm, provisioned +
// spillover within invocations, and ordered percentiles.
//
// Oracle: the invariants are exact (counts, not statistics), so there is no tolerance. The master
// seed is fixed so a failure reproduces; the failing scenario is printed as resolved YAML, ready
// for `lambdasim run`.
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "lambdasim/engine/random_streams.hpp"
#include "lambdasim/model/model_run.hpp"
#include "lambdasim/scenario/loader.hpp"
#include "lambdasim/scenario/resolved_writer.hpp"
#include "support/spec_builders.hpp"

namespace lambdasim {
namespace {

constexpr std::uint64_t kMasterSeed = 20261204;
constexpr int kScenarios = 200;

// A tiny generator whose output is the same everywhere (no std:: distributions).
class Dice {
public:
    explicit Dice(std::uint64_t seed) : state_(seed) {}
    // SplitMix64: the engine's mix64 of a state advancing by the golden-ratio increment.
    std::uint64_t next() {
        const std::uint64_t value = mix64(state_);
        state_ += 0x9e3779b97f4a7c15ULL;
        return value;
    }
    // Uniform integer in [lo, hi].
    std::int64_t integer(std::int64_t lo, std::int64_t hi) {
        return lo + static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(hi - lo + 1));
    }
    // Uniform in [lo, hi), rounded to `step` so the resolved YAML writes it exactly.
    double real(double lo, double hi, double step = 0.001) {
        const double u = static_cast<double>(next() >> 11) * 0x1.0p-53;
        const double x = lo + u * (hi - lo);
        return static_cast<double>(static_cast<std::int64_t>(x / step)) * step;
    }
    bool chance(double p) { return real(0, 1, 1e-9) < p; }
    template <typename T>
    const T& pick(const std::vector<T>& v) {
        return v[static_cast<std::size_t>(integer(0, static_cast<std::int64_t>(v.size()) - 1))];
    }

private:
    std::uint64_t state_;
};

SimTime millis(std::int64_t ms) { return ms * kMillisecond; }

// Seconds (the base unit of time distributions), drawn in whole milliseconds.
DistributionSpec random_time_distribution(Dice& dice, double lo_ms, double hi_ms) {
    const double a = dice.real(lo_ms, hi_ms, 1) / 1000.0;
    const double b = a + dice.real(1, hi_ms, 1) / 1000.0;
    switch (dice.integer(0, 4)) {
        case 0:
            return DistributionSpec::constant(a);
        case 1:
            return DistributionSpec::exponential(a);
        case 2:
            return DistributionSpec::uniform(a, b);
        case 3: {
            DistributionSpec d;
            d.kind = DistributionKind::Normal;
            d.mean = b;
            d.stddev = a / 2 > 0.001 ? static_cast<double>(static_cast<std::int64_t>(a * 500)) / 1000.0 : 0.001;
            return d;
        }
        default:
            return DistributionSpec::lognormal_p50_p99(a, b);
    }
}

FunctionSpec random_function(Dice& dice, const std::string& name) {
    FunctionSpec f;
    f.name = name;
    f.runtime = dice.pick<Runtime>(
        {Runtime::NodeJs, Runtime::Python, Runtime::Java, Runtime::DotNet, Runtime::Ruby, Runtime::Provided});
    f.memory_mb = static_cast<int>(dice.integer(128, 10240));
    f.timeout = millis(dice.integer(1, 60) * 1000);
    f.duration = random_time_distribution(dice, 1, 800);
    if (dice.chance(0.5)) f.cold_start = random_time_distribution(dice, 0, 2000);
    f.idle_lifetime = random_time_distribution(dice, 1000, 120000);
    f.error_rate = dice.chance(0.5) ? dice.real(0, 0.2) : 0;
    f.cpu_bound = dice.real(0, 1, 0.01);
    return f;
}

TrafficSourceSpec random_source(Dice& dice, const std::string& name, const std::string& function, SimTime duration) {
    TrafficSourceSpec t;
    t.name = name;
    t.target.function = function;
    t.client.max_attempts = static_cast<int>(dice.integer(1, 4));
    t.client.backoff_base = millis(dice.integer(10, 2000));
    t.client.backoff_cap = t.client.backoff_base + millis(dice.integer(0, 10000));
    ArrivalSpec& a = t.arrivals;
    const auto rate = [&dice] { return dice.real(0, 100, 0.01); };
    if (dice.chance(0.2))  // bytes; above 6 MB a sync request fails before using concurrency
        t.payload = DistributionSpec::uniform(1024.0, static_cast<double>(dice.integer(2, 8)) * 1024 * 1024);
    switch (dice.integer(0, 5)) {
        case 0:
            a.process = ArrivalProcessKind::Poisson;
            a.rate_per_second = rate();
            break;
        case 1:
            a.process = ArrivalProcessKind::Constant;
            a.rate_per_second = rate();
            break;
        case 2:
        case 3: {
            a.process = dice.chance(0.5) ? ArrivalProcessKind::Steps : ArrivalProcessKind::Ramp;
            SimTime at = 0;
            for (int i = 0, n = static_cast<int>(dice.integer(1, 5)); i < n; ++i) {
                a.points.push_back({at, rate()});
                at += millis(dice.integer(1, duration / kMillisecond / 2 + 1));
            }
            break;
        }
        case 4:
            a.process = ArrivalProcessKind::Diurnal;
            a.peak_per_second = rate();
            a.trough_per_second = dice.real(0, a.peak_per_second, 0.01);
            a.period = millis(dice.integer(10, 600) * 1000);
            a.peak_at = millis(dice.integer(0, a.period / kMillisecond - 1));
            break;
        default:
            a.process = ArrivalProcessKind::Burst;
            a.count = static_cast<std::uint64_t>(dice.integer(0, 3000));
            a.at = millis(dice.integer(0, duration / kMillisecond));
            a.window = dice.chance(0.3) ? 0 : millis(dice.integer(0, 30000));
            break;
    }
    return t;
}

ScenarioSpec random_scenario(Dice& dice, int index) {
    ScenarioSpec s;
    s.name = fmt::format("random-{}", index);
    s.duration = millis(dice.integer(60, 300) * 1000);
    s.seed = dice.next();
    s.metrics_period = millis(dice.integer(1, 60) * 1000);

    AccountSpec& account = s.account;
    // Small accounts too, so the 10 x limit request-rate cap is reached at modest rates.
    account.concurrency_limit = static_cast<int>(dice.chance(0.3) ? dice.integer(1, 20) : dice.integer(1, 1200));
    account.unreserved_minimum = static_cast<int>(dice.integer(0, account.concurrency_limit));
    if (dice.chance(0.5)) {
        account.scaling.mode = ScalingMode::Legacy;
        account.scaling.initial_burst = static_cast<int>(dice.integer(1, 3000));
        account.scaling.per_minute = static_cast<int>(dice.integer(1, 1000));
    } else {
        account.scaling.environments = static_cast<int>(dice.integer(1, 1000));
        account.scaling.per = millis(dice.integer(1, 20) * 1000);
    }

    // Reservations and provisioned concurrency of unreserved functions share what the unreserved
    // minimum leaves: the loader refuses anything beyond it.
    int budget = account.concurrency_limit - account.unreserved_minimum;
    const int function_count = static_cast<int>(dice.integer(1, 4));
    for (int i = 0; i < function_count; ++i) {
        FunctionSpec f = random_function(dice, fmt::format("fn-{}", i));
        if (budget > 0 && dice.chance(0.5)) {
            const int reserved = static_cast<int>(dice.integer(0, budget));
            f.reserved_concurrency = reserved;
            budget -= reserved;
        }
        const int provisioned_room = f.reserved_concurrency ? *f.reserved_concurrency : budget;
        if (provisioned_room > 0 && dice.chance(0.4)) {
            const int level = static_cast<int>(dice.integer(1, std::min(provisioned_room, 50)));
            f.provisioned_concurrency.push_back({0, level});
            if (dice.chance(0.3))
                f.provisioned_concurrency.push_back({s.duration / 2, static_cast<int>(dice.integer(0, level))});
            f.provisioned_allocation_delay = millis(dice.integer(0, 120) * 1000);
            if (!f.reserved_concurrency) budget -= level;
        }
        s.functions.push_back(f);
    }

    if (dice.chance(0.4)) {
        ApiGatewaySpec gateway;
        gateway.rate_per_second = dice.real(1, 100, 1);
        gateway.burst = static_cast<int>(dice.integer(1, 200));
        gateway.integration_timeout = millis(dice.integer(50, 29000));
        s.api_gateway = gateway;
    }
    const int source_count = static_cast<int>(dice.integer(1, 4));
    for (int i = 0; i < source_count; ++i) {
        TrafficSourceSpec t = random_source(dice, fmt::format("src-{}", i), dice.pick(s.functions).name, s.duration);
        t.via_api_gateway = s.api_gateway && dice.chance(0.6);
        s.traffic.push_back(t);
    }
    return s;
}

void expect_ordered(const Percentiles& p, const std::string& what) {
    EXPECT_LE(p.p50, p.p90) << what;
    EXPECT_LE(p.p90, p.p99) << what;
    EXPECT_LE(p.p99, p.max) << what;
}

template <std::size_t N>
std::uint64_t sum(const std::array<std::uint64_t, N>& counts) {
    std::uint64_t total = 0;
    for (auto n : counts) total += n;
    return total;
}

// What the generated runs exercised, so a generator that stops reaching throttles, spillover or
// timeouts is noticed rather than silently checking only the easy cases.
struct Coverage {
    std::array<int, kThrottleReasonCount> throttle_reasons{};
    std::array<int, kFailureReasonCount> failure_reasons{};
    int spillover = 0;
    int provisioned = 0;
    int retries = 0;
    int in_flight_at_end = 0;

    void add(const MetricsRecorder& m, const RequestLedger& ledger) {
        for (const FunctionMetrics& f : m.functions()) {
            for (std::size_t r = 0; r < kThrottleReasonCount; ++r)
                throttle_reasons[r] += f.total.throttles_by_reason[r] > 0;
            spillover += f.total.provisioned_spillover_invocations > 0;
            provisioned += f.total.provisioned_invocations > 0;
        }
        for (const EntryPointMetrics& e : m.entry_points()) {
            for (std::size_t r = 0; r < kFailureReasonCount; ++r) failure_reasons[r] += e.total.failed_by_reason[r] > 0;
            // API Gateway's 429s never reach a function: they show only at the entry point.
            const auto gateway = static_cast<std::size_t>(ThrottleReason::ApiGatewayThrottled);
            throttle_reasons[gateway] += e.total.throttled_by_reason[gateway] > 0;
            retries += e.total.retries > 0;
        }
        in_flight_at_end += ledger.in_flight() > 0;
    }
};

void check_invariants(const ScenarioSpec& spec, const ModelRunResult& r) {
    const MetricsRecorder& m = *r.metrics;
    for (const auto& broken : r.broken_invariants) ADD_FAILURE() << "broken invariant: " << broken;
    EXPECT_FALSE(r.interrupted);
    EXPECT_LE(m.account().concurrency.max(), spec.account.concurrency_limit);

    std::uint64_t function_throttles = 0;
    for (std::size_t i = 0; i < spec.functions.size(); ++i) {
        const FunctionSpec& f = spec.functions[i];
        const FunctionMetrics& fm = m.function(i);
        const FunctionCounts& c = fm.total;
        if (f.reserved_concurrency) {
            EXPECT_LE(fm.concurrency.max(), *f.reserved_concurrency) << f.name;
        }
        EXPECT_EQ(c.invocations, c.cold_starts + c.warm_starts) << f.name;
        EXPECT_LE(c.provisioned_invocations + c.provisioned_spillover_invocations, c.invocations) << f.name;
        EXPECT_LE(c.timeouts, c.errors) << f.name;
        EXPECT_LE(c.errors, c.invocations) << f.name;
        EXPECT_EQ(c.throttles(), sum(c.throttles_by_reason)) << f.name;
        if (!f.reserved_concurrency) {
            EXPECT_EQ(
                lambdasim::testing::throttles(c, ThrottleReason::ReservedFunctionConcurrentInvocationLimitExceeded), 0u)
                << f.name;
        }
        if (f.provisioned_concurrency.empty()) {
            EXPECT_EQ(c.provisioned_invocations, 0u) << f.name;
            EXPECT_EQ(c.provisioned_spillover_invocations, 0u) << f.name;
        }
        function_throttles += c.throttles();
        expect_ordered(fm.duration_total.summary(), f.name + " duration");
        expect_ordered(fm.init_total.summary(), f.name + " init");
        EXPECT_EQ(fm.init_total.count(), c.cold_starts) << f.name;
    }
    EXPECT_EQ(m.account().throttles_total, function_throttles);

    std::uint64_t requests = 0, resolved = 0;
    for (const EntryPointMetrics& e : m.entry_points()) {
        const EntryPointCounts& c = e.total;
        requests += c.requests;
        resolved += c.succeeded + c.failed + c.throttled;
        EXPECT_LE(c.succeeded + c.failed + c.throttled, c.requests) << e.name;
        EXPECT_EQ(c.failed, sum(c.failed_by_reason)) << e.name;
        EXPECT_EQ(c.throttled, sum(c.throttled_by_reason)) << e.name;
        EXPECT_EQ(e.latency_total.count(), c.succeeded) << e.name;
        expect_ordered(e.latency_total.summary(), e.name + " latency");
    }
    EXPECT_EQ(requests, r.ledger.started);
    EXPECT_EQ(requests, resolved + r.ledger.in_flight());
}

TEST(PropertyRandomScenarios, EveryRandomValidScenarioKeepsEveryInvariant) {
    Dice dice(kMasterSeed);
    std::uint64_t total_events = 0;
    Coverage coverage;
    for (int i = 0; i < kScenarios; ++i) {
        const ScenarioSpec spec = random_scenario(dice, i);
        const std::string yaml = to_resolved_yaml(spec);
        SCOPED_TRACE("scenario " + std::to_string(i) + " (master seed " + std::to_string(kMasterSeed) + "):\n" + yaml);
        // The generator's scenarios must be ones a user could write: the loader accepts them.
        ScenarioSpec loaded;
        try {
            loaded = load_scenario_text(yaml, "random.yaml");
        } catch (const ScenarioError& e) {
            FAIL() << "the generator made an invalid scenario: " << e.one_line();
        }
        EXPECT_EQ(to_resolved_yaml(loaded), yaml) << "the resolved text is not a fixed point";

        const ModelRunResult r = run_model(spec);
        total_events += r.events;
        check_invariants(spec, r);
        coverage.add(*r.metrics, r.ledger);
        if (::testing::Test::HasFailure()) break;  // one scenario's report is enough to debug
    }
    std::ostringstream seen;
    for (std::size_t i = 0; i < kThrottleReasonCount; ++i)
        seen << name_of(static_cast<ThrottleReason>(i)) << " " << coverage.throttle_reasons[i] << ", ";
    for (std::size_t i = 0; i < kFailureReasonCount; ++i)
        seen << name_of(static_cast<FailureReason>(i)) << " " << coverage.failure_reasons[i] << ", ";
    seen << "provisioned " << coverage.provisioned << ", spillover " << coverage.spillover << ", retries "
         << coverage.retries << ", in flight at the end " << coverage.in_flight_at_end;
    std::printf("runs that exercised: %s\n", seen.str().c_str());
    for (std::size_t i = 0; i < kThrottleReasonCount; ++i)
        EXPECT_GT(coverage.throttle_reasons[i], 0) << "no run reached " << name_of(static_cast<ThrottleReason>(i));
    for (std::size_t i = 0; i < kFailureReasonCount; ++i)
        EXPECT_GT(coverage.failure_reasons[i], 0) << "no run failed with " << name_of(static_cast<FailureReason>(i));
    EXPECT_GT(coverage.spillover, 0);
    EXPECT_GT(coverage.retries, 0);
    RecordProperty("events", std::to_string(total_events));
}

}  // namespace
}  // namespace lambdasim
