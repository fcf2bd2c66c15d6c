// Oracle: documented AWS behaviour (`configuration-concurrency`, `lambda-concurrency`).
// These scenarios are deterministic (constant spacing, constant durations) or so far from the
// limits that the expected outcome is exact, so the assertions are equalities or hard bounds.
#include <gtest/gtest.h>

#include "support/spec_builders.hpp"

namespace lambdasim {
namespace {

using namespace lambdasim::testing;

// A batch job wants 200/s x 30 s = 6,000 concurrent executions in an account of 1,000, while
// an API needs about 50 (Poisson(50) exceeds 100 with probability ~1e-9).
ScenarioSpec noisy_neighbour(std::optional<int> api_reserved) {
    ScenarioSpec s = scenario(5 * kMinute);
    FunctionSpec api = function("api", DistributionSpec::constant(0.5));
    api.reserved_concurrency = api_reserved;
    s.functions.push_back(api);
    s.functions.push_back(function("batch", DistributionSpec::constant(30)));
    // Poisson traffic: with constant spacing the API would always win its own freed slots.
    s.traffic.push_back(poisson("users", "api", 100));
    s.traffic.push_back(poisson("jobs", "batch", 200));
    return s;
}

TEST(ReservedConcurrency, ANeighbourExhaustingThePoolThrottlesAnUnreservedFunction) {
    const ScenarioSpec s = noisy_neighbour(std::nullopt);
    const ModelRunResult r = run_model(s);
    const FunctionCounts& api = totals(r, s, "api");
    EXPECT_GT(throttles(api, ThrottleReason::ConcurrentInvocationLimitExceeded), 1000u);
    EXPECT_EQ(r.metrics->account().concurrency.max(), 1000);
    EXPECT_TRUE(r.broken_invariants.empty());
}

TEST(ReservedConcurrency, GuaranteesItsSlotsWhenTheAccountPoolIsExhausted) {
    const ScenarioSpec s = noisy_neighbour(100);
    const ModelRunResult r = run_model(s);
    EXPECT_EQ(totals(r, s, "api").throttles(), 0u);
    const FunctionCounts& batch = totals(r, s, "batch");
    EXPECT_GT(throttles(batch, ThrottleReason::ConcurrentInvocationLimitExceeded), 0u);
    // The batch can use only the 900 unreserved slots.
    EXPECT_EQ(r.metrics->function(index_of_function(s, "batch")).concurrency.max(), 900);
    EXPECT_TRUE(r.broken_invariants.empty()) << (r.broken_invariants.empty() ? "" : r.broken_invariants[0]);
}

TEST(ReservedConcurrency, ThrottlesAtCapEvenWhenAccountHasFreeSlots) {
    ScenarioSpec s = scenario(kMinute);
    FunctionSpec f = function("capped", DistributionSpec::constant(1.0));
    f.reserved_concurrency = 10;
    s.functions.push_back(f);
    s.traffic.push_back(constant_rate("users", "capped", 20));  // needs 20 at once
    const ModelRunResult r = run_model(s);
    const FunctionCounts& t = totals(r, s, "capped");
    EXPECT_EQ(r.metrics->function(0).concurrency.max(), 10);
    EXPECT_NEAR(static_cast<double>(t.throttles()), 600, 15);  // half of 1,200 requests
    EXPECT_EQ(t.throttles(), throttles(t, ThrottleReason::ReservedFunctionConcurrentInvocationLimitExceeded));
    EXPECT_LE(r.metrics->account().concurrency.max(), 10) << "990 account slots stayed free";
}

TEST(ReservedConcurrency, ZeroThrottlesEveryInvocation) {
    ScenarioSpec s = scenario(kMinute);
    FunctionSpec f = function("off", DistributionSpec::constant(0.1));
    f.reserved_concurrency = 0;
    s.functions.push_back(f);
    s.traffic.push_back(constant_rate("users", "off", 10));
    const ModelRunResult r = run_model(s);
    EXPECT_EQ(totals(r, s, "off").invocations, 0u);
    EXPECT_EQ(totals(r, s, "off").throttles(), 600u);
}

TEST(RequestRateCap, ReservedFunctionIsLimitedToTenTimesItsReservationPerSecond) {
    // 1 ms invocations never fill 10 slots, but 10 x 10 = 100 requests/s is the rate cap.
    ScenarioSpec s = scenario(100 * kSecond);
    FunctionSpec f = function("short", DistributionSpec::constant(0.001));
    f.reserved_concurrency = 10;
    s.functions.push_back(f);
    s.traffic.push_back(constant_rate("users", "short", 200));
    const ModelRunResult r = run_model(s);
    const FunctionCounts& t = totals(r, s, "short");
    // One second of burst (100) plus 100/s: 10,100 of 20,000 run.
    EXPECT_NEAR(static_cast<double>(t.invocations), 10100, 2);
    EXPECT_EQ(t.throttles(), throttles(t, ThrottleReason::ReservedFunctionInvocationRateLimitExceeded));
}

TEST(RequestRateCap, AccountIsLimitedToTenTimesItsConcurrencyLimitPerSecond) {
    ScenarioSpec s = scenario(10 * kSecond);
    s.account.concurrency_limit = 100;
    s.account.unreserved_minimum = 100;
    s.functions.push_back(function("short", DistributionSpec::constant(0.001)));
    s.traffic.push_back(constant_rate("users", "short", 2000));
    const ModelRunResult r = run_model(s);
    const FunctionCounts& t = totals(r, s, "short");
    EXPECT_NEAR(static_cast<double>(t.invocations), 1000 + 1000 * 10, 2);
    EXPECT_EQ(t.throttles(), throttles(t, ThrottleReason::FunctionInvocationRateLimitExceeded));
}

}  // namespace
}  // namespace lambdasim
