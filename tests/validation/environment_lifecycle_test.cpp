// Oracle: documented AWS behaviour of execution environments (`lambda-runtime-environment`,
// `configuration-memory`) and our documented assumptions (idle lifetime). Deterministic
// scenarios: exact checks.
#include <gtest/gtest.h>

#include "support/spec_builders.hpp"

namespace lambdasim {
namespace {

using namespace lambdasim::testing;

TEST(IdleReclamation, AnEnvironmentIdleLongerThanItsLifetimeIsReclaimed) {
    ScenarioSpec s = scenario(20 * kMinute);
    for (const char* name : {"early", "late"}) {
        FunctionSpec f = function(name, DistributionSpec::constant(1.0));
        f.cold_start = DistributionSpec::constant(0.3);
        f.idle_lifetime = DistributionSpec::constant(10 * 60.0);
        s.functions.push_back(f);
    }
    // Idle from 1.3 s; reclaimed at 10 min 1.3 s.
    s.traffic.push_back(burst("first_early", "early", 1, 0));
    s.traffic.push_back(burst("second_early", "early", 1, 9 * kMinute));
    s.traffic.push_back(burst("first_late", "late", 1, 0));
    s.traffic.push_back(burst("second_late", "late", 1, 11 * kMinute));
    const ModelRunResult r = run_model(s);
    EXPECT_EQ(totals(r, s, "early").cold_starts, 1u);
    EXPECT_EQ(totals(r, s, "early").warm_starts, 1u);
    EXPECT_EQ(totals(r, s, "late").cold_starts, 2u);
}

TEST(IdleReclamation, IdleEnvironmentsAreReusedMostRecentlyUsedFirst) {
    // Three environments at t = 0, then one request a minute. MRU reuse keeps using the same
    // one, so the others age out (5 min lifetime) and a final pair of requests needs one cold
    // start. Least-recently-used reuse would rotate, keep all alive and need none (3 cold, 31 warm).
    ScenarioSpec s = scenario(30 * kMinute);
    FunctionSpec f = function("api", DistributionSpec::constant(1.0));
    f.idle_lifetime = DistributionSpec::constant(5 * 60.0);
    s.functions.push_back(f);
    s.traffic.push_back(burst("pair", "api", 2, 0));
    s.traffic.push_back(constant_rate("ticks", "api", 1.0 / 60));  // at 0 s, 60 s, ... 1,740 s
    s.traffic.push_back(burst("final_pair", "api", 2, 1770 * kSecond));
    const ModelRunResult r = run_model(s);
    EXPECT_EQ(totals(r, s, "api").cold_starts, 4u);
    EXPECT_EQ(totals(r, s, "api").warm_starts, 30u);
}

TEST(Timeout, AnInvocationLongerThanTheTimeoutEndsAsATimeoutErrorAtTheTimeout) {
    ScenarioSpec s = scenario(kMinute);
    FunctionSpec f = function("slow", DistributionSpec::constant(10));
    f.timeout = 3 * kSecond;
    s.functions.push_back(f);
    s.traffic.push_back(constant_rate("users", "slow", 1));
    const ModelRunResult r = run_model(s);
    const FunctionMetrics& m = r.metrics->function(0);
    // The invocations started in the last 3 s are still running at the end.
    EXPECT_EQ(r.ledger.in_flight(), 3u);
    EXPECT_EQ(m.total.timeouts + r.ledger.in_flight(), m.total.invocations);
    EXPECT_EQ(m.total.errors, m.total.timeouts);
    EXPECT_NEAR(m.duration_total.max(), 3000, 1e-6);
    EXPECT_EQ(m.total.cold_starts, m.total.invocations) << "a timed-out environment is reset";
    const EntryPointCounts& e = r.metrics->entry_point(0).total;
    EXPECT_EQ(e.failed_by_reason[static_cast<std::size_t>(FailureReason::Timeout)], e.failed);
    EXPECT_EQ(e.failed, m.total.timeouts);
}

TEST(Memory, CpuBoundTimeScalesWithTheVcpuShare) {
    auto mean_duration = [](int memory_mb) {
        ScenarioSpec s = scenario(kMinute);
        FunctionSpec f = function("cpu", DistributionSpec::constant(1.0));
        f.memory_mb = memory_mb;
        f.reference_memory_mb = 1769;
        f.cpu_bound = 0.8;
        s.functions.push_back(f);
        s.traffic.push_back(constant_rate("users", "cpu", 1));
        return run_model(s).metrics->function(0).duration_total.mean();
    };
    EXPECT_NEAR(mean_duration(1769), 1000, 1e-6);
    EXPECT_NEAR(mean_duration(3538), 200 + 800 / 2.0, 1e-3);   // 2 vCPU
    EXPECT_NEAR(mean_duration(10240), 200 + 800 / (10240 / 1769.0), 1e-3);  // 5.79 vCPU
    EXPECT_NEAR(mean_duration(885), 200 + 800 * 1769.0 / 885, 1e-3);  // half a vCPU
}

TEST(ErrorRate, FunctionErrorsOccurAtTheConfiguredRate) {
    // Binomial(20,000, 0.1): standard deviation 42; the bound of 200 is ~5 sigma.
    ScenarioSpec s = scenario(2000 * kSecond);
    FunctionSpec f = function("flaky", DistributionSpec::constant(0.01));
    f.error_rate = 0.1;
    s.functions.push_back(f);
    s.traffic.push_back(constant_rate("users", "flaky", 10));
    const ModelRunResult r = run_model(s);
    EXPECT_NEAR(static_cast<double>(r.metrics->function(0).total.errors), 2000, 200);
    EXPECT_EQ(r.metrics->entry_point(0).total.failed, r.metrics->function(0).total.errors);
}

}  // namespace
}  // namespace lambdasim
