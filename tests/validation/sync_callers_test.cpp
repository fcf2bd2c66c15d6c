// Oracle: documented AWS behaviour of synchronous callers: the 6 MB payload limit (`gettingstarted-limits`),
// API Gateway's account-level token bucket (10,000 req/s, burst 5,000) and 29 s integration
// timeout (`limits` of API Gateway), and the SDK's retry policy (max attempts, backoff with
// full jitter). Deterministic scenarios: exact checks.
#include <gtest/gtest.h>

#include "support/spec_builders.hpp"

namespace lambdasim {
namespace {

using namespace lambdasim::testing;

ScenarioSpec behind_gateway(std::uint64_t burst_size, double duration_s) {
    ScenarioSpec s = scenario(2 * kMinute);
    s.account.concurrency_limit = 20000;
    s.account.scaling.environments = 100000;  // isolate the gateway from Lambda's scaling rate
    s.api_gateway = ApiGatewaySpec{};
    s.functions.push_back(function("api", DistributionSpec::constant(duration_s)));
    TrafficSourceSpec t = burst("clients", "api", burst_size, kSecond);
    t.via_api_gateway = true;
    s.traffic.push_back(t);
    return s;
}

TEST(ApiGateway, ThrottlesWith429BeyondItsBurst) {
    const ScenarioSpec s = behind_gateway(8000, 0.1);
    const ModelRunResult r = run_model(s);
    const EntryPointCounts& e = r.metrics->entry_point(0).total;
    EXPECT_EQ(e.throttled_by_reason[static_cast<std::size_t>(ThrottleReason::ApiGatewayThrottled)], 3000u);
    EXPECT_EQ(e.succeeded, 5000u);
    EXPECT_EQ(totals(r, s, "api").throttles(), 0u) << "the gateway's 429s never reach Lambda";
}

TEST(ApiGateway, Returns504AtTheIntegrationTimeoutWhileTheFunctionKeepsItsSlot) {
    const ScenarioSpec s = behind_gateway(1, 40);
    const ModelRunResult r = run_model(s);
    const EntryPointMetrics& e = r.metrics->entry_point(0);
    EXPECT_EQ(e.total.failed_by_reason[static_cast<std::size_t>(FailureReason::GatewayTimeout)], 1u);
    const FunctionMetrics& f = r.metrics->function(0);
    EXPECT_NEAR(f.duration_total.max(), 40000, 1e-6) << "the function ran on after the 504";
    EXPECT_EQ(f.total.errors, 0u);
    // Busy for 40 s of the 120 s run, although the caller gave up at 29 s.
    EXPECT_NEAR(f.concurrency.mean(s.duration), 40.0 / 120.0, 1e-9);
}

TEST(SyncPayload, RequestsAbove6MBAreRejectedBeforeUsingConcurrency) {
    ScenarioSpec s = scenario(kMinute);
    s.functions.push_back(function("api", DistributionSpec::constant(0.1)));
    TrafficSourceSpec t = constant_rate("uploads", "api", 1);
    t.payload = DistributionSpec::constant(7.0 * 1024 * 1024);
    s.traffic.push_back(t);
    const ModelRunResult r = run_model(s);
    const EntryPointCounts& e = r.metrics->entry_point(0).total;
    EXPECT_EQ(e.failed_by_reason[static_cast<std::size_t>(FailureReason::RequestTooLarge)], 60u);
    EXPECT_EQ(totals(r, s, "api").invocations, 0u);
    EXPECT_EQ(r.metrics->account().concurrency.max(), 0);
}

TEST(ClientRetries, AThrottledRequestIsTriedMaxAttemptsTimes) {
    ScenarioSpec s = scenario(10 * kMinute);
    FunctionSpec f = function("off", DistributionSpec::constant(0.1));
    f.reserved_concurrency = 0;
    s.functions.push_back(f);
    TrafficSourceSpec t = constant_rate("users", "off", 1);
    t.client.max_attempts = 3;
    s.traffic.push_back(t);
    const ModelRunResult r = run_model(s);
    const EntryPointCounts& e = r.metrics->entry_point(0).total;
    // Requests arriving in the last ~3 s may still be waiting to retry.
    const std::uint64_t finished = e.throttled;
    EXPECT_GE(finished, 595u);
    EXPECT_EQ(e.throttled + r.ledger.in_flight(), e.requests);
    // Every request waiting for a retry has exactly one attempt still to come.
    const std::uint64_t attempts = e.requests + e.retries - r.ledger.in_flight();
    EXPECT_EQ(totals(r, s, "off").throttles(), attempts);
    EXPECT_GE(e.retries, 2 * finished);
    EXPECT_LE(e.retries, 2 * e.requests);
}

TEST(ClientRetries, RetriesRecoverFromTransientThrottles) {
    // A short burst over a reserved cap: with retries spread by jitter, most requests succeed.
    auto run = [](int attempts) {
        ScenarioSpec s = scenario(5 * kMinute);
        FunctionSpec f = function("api", DistributionSpec::constant(0.2));
        f.reserved_concurrency = 10;
        s.functions.push_back(f);
        TrafficSourceSpec t = burst("spike", "api", 50, kSecond, kSecond / 10);
        t.client.max_attempts = attempts;
        s.traffic.push_back(t);
        return run_model(s).metrics->entry_point(0).total;
    };
    const EntryPointCounts once = run(1);
    const EntryPointCounts many = run(8);
    EXPECT_EQ(once.succeeded, 10u);
    EXPECT_EQ(once.retries, 0u);
    EXPECT_GT(many.succeeded, 45u);
    EXPECT_GT(many.retries, 40u);
}

}  // namespace
}  // namespace lambdasim
