// Oracle: documented AWS behaviour of asynchronous invocation (`invocation-retries`,
// `invocation-async-retain-records`): throttled events are retried with backoff until
// max_event_age; function errors are retried max_retries times; then the on-failure
// destination or the event is dropped. Deterministic scenarios: exact checks.
#include <gtest/gtest.h>

#include "support/spec_builders.hpp"

namespace lambdasim {
namespace {

using namespace lambdasim::testing;

TEST(AsyncInvocation, AnEventWhoseFunctionAlwaysThrottlesExpiresAtMaxEventAge) {
    ScenarioSpec s = scenario(20 * kMinute);
    FunctionSpec f = function("blocked", DistributionSpec::constant(0.1));
    f.reserved_concurrency = 0;
    f.async.max_event_age = 2 * kMinute;
    s.functions.push_back(f);
    s.traffic.push_back(async_to(burst("events", "blocked", 1, 0)));
    const ModelRunResult r = run_model(s);
    const FunctionMetrics& m = r.metrics->function(0);
    EXPECT_EQ(m.async_total.events, 1u);
    EXPECT_EQ(m.async_total.expired, 1u);
    EXPECT_EQ(m.async_total.dropped, 0u) << "an expired event is counted as expired, not dropped";
    EXPECT_EQ(r.metrics->entry_point(0).total.flow.expired, 1u);
    // Backoff steps 1, 2, 4 ... s, each drawn in [50 %, 100 %]: attempts stop when the next
    // would come after the 120 s maximum age, i.e. after 7 to 8 throttles (63-127 s of steps).
    EXPECT_GE(m.total.throttles(), 7u);
    EXPECT_LE(m.total.throttles(), 8u);
    EXPECT_LE(m.async_max_age_s, 120.0);
    EXPECT_GE(m.async_max_age_s, 120.0 - 128.0);
    EXPECT_TRUE(r.broken_invariants.empty());
}

TEST(AsyncInvocation, AnAlwaysFailingFunctionRunsOnePlusMaxRetriesTimesThenReachesTheDeadLetterQueue) {
    for (int retries = 0; retries <= 2; ++retries) {
        ScenarioSpec s = scenario(30 * kMinute);
        FunctionSpec f = function("failing", DistributionSpec::constant(0.1));
        f.error_rate = 1.0;
        f.async.max_retries = retries;
        f.async.on_failure = DestinationSpec{DestinationSpec::Kind::Queue, "failed"};
        s.functions.push_back(f);
        s.queues.push_back(queue("failed"));
        s.traffic.push_back(async_to(burst("events", "failing", 10, 0)));
        const ModelRunResult r = run_model(s);
        const FunctionMetrics& m = r.metrics->function(0);
        EXPECT_EQ(m.total.invocations, 10u * (1 + retries)) << "retries " << retries;
        EXPECT_EQ(m.async_total.dead_lettered, 10u);
        EXPECT_EQ(r.metrics->queue(0).total.sent, 10u);
        EXPECT_EQ(r.metrics->entry_point(0).total.flow.dead_lettered, 10u);
        // Retries about 1 min, then 2 min after the failure.
        const double expected_age = retries == 0 ? 0.1 : retries == 1 ? 60.2 : 180.3;
        EXPECT_NEAR(m.async_max_age_s, expected_age, 1e-6);
        EXPECT_TRUE(r.broken_invariants.empty()) << r.broken_invariants.front();
    }
}

TEST(AsyncInvocation, WithoutADestinationFailedEventsAreDroppedAndCounted) {
    ScenarioSpec s = scenario(10 * kMinute);
    FunctionSpec f = function("failing", DistributionSpec::constant(0.1));
    f.error_rate = 1.0;
    f.async.max_retries = 0;
    s.functions.push_back(f);
    s.traffic.push_back(async_to(burst("events", "failing", 5, 0)));
    const ModelRunResult r = run_model(s);
    EXPECT_EQ(r.metrics->function(0).async_total.dropped, 5u);
    EXPECT_EQ(r.metrics->entry_point(0).total.flow.dropped, 5u);
}

TEST(AsyncInvocation, PayloadsAboveTheAsyncLimitAreRejected) {
    ScenarioSpec s = scenario(kMinute);
    s.functions.push_back(function("worker", DistributionSpec::constant(0.1)));
    TrafficSourceSpec t = async_to(constant_rate("events", "worker", 1));
    t.payload = DistributionSpec::constant(2.0 * 1024 * 1024);
    s.traffic.push_back(t);
    const ModelRunResult r = run_model(s);
    EXPECT_EQ(r.metrics->function(0).async_total.rejected, 60u);
    EXPECT_EQ(r.metrics->function(0).total.invocations, 0u);
}

TEST(AsyncInvocation, ABurstIsAbsorbedByRetriesInsteadOfFailingCallers) {
    // 2,000 events at once into a function capped at 100: all are eventually processed (well
    // within the 6 h maximum age).
    ScenarioSpec s = scenario(2 * kHour);
    FunctionSpec f = function("worker", DistributionSpec::constant(1.0));
    f.reserved_concurrency = 100;
    s.functions.push_back(f);
    s.traffic.push_back(async_to(burst("events", "worker", 2000, 0)));
    const ModelRunResult r = run_model(s);
    EXPECT_EQ(r.metrics->function(0).async_total.succeeded, 2000u);
    EXPECT_GT(r.metrics->function(0).total.throttles(), 0u);
    EXPECT_EQ(r.metrics->entry_point(0).total.flow.delivered, 2000u);
}

}  // namespace
}  // namespace lambdasim
