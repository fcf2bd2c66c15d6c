// Oracle: Little's law, L = lambda x W. Mean concurrency (time-weighted, from the gauge) must
// equal throughput (invocations per second) x mean duration (exact mean of recorded durations).
// Tolerance 2 %: the law holds exactly on a sample path up to the requests in flight at the
// start and end (a handful, against millions of invocations), so the only slack is the end
// effect (< 0.01 %) and the gauge's rounding.
#include <gtest/gtest.h>

#include <cmath>

#include "support/spec_builders.hpp"

namespace lambdasim {
namespace {

using namespace lambdasim::testing;

void expect_littles_law(const ScenarioSpec& s) {
    const ModelRunResult r = run_model(s);
    const FunctionMetrics& f = r.metrics->function(0);
    const double throughput = static_cast<double>(f.total.invocations) / to_seconds(s.duration);
    const double mean_duration_s = f.duration_total.mean() / 1000.0;
    const double mean_concurrency = f.concurrency.mean(s.duration);
    EXPECT_NEAR(mean_concurrency / (throughput * mean_duration_s), 1.0, 0.02)
        << "L=" << mean_concurrency << " lambda=" << throughput << " W=" << mean_duration_s;
}

TEST(LittlesLaw, MeanConcurrencyEqualsThroughputTimesMeanDuration) {
    ScenarioSpec s = scenario(20000 * kSecond);
    s.functions.push_back(function("api", DistributionSpec::exponential(0.2)));
    s.traffic.push_back(poisson("users", "api", 50));
    expect_littles_law(s);
}

TEST(LittlesLaw, HoldsForCarriedLoadWhenTheFunctionThrottles) {
    ScenarioSpec s = scenario(20000 * kSecond);
    FunctionSpec f = function("api", DistributionSpec::lognormal_p50_p99(0.5, 3.0));
    f.reserved_concurrency = 8;
    s.functions.push_back(f);
    s.traffic.push_back(poisson("users", "api", 12));
    expect_littles_law(s);
}

TEST(LittlesLaw, HoldsWithColdStartsCountedAsBusy) {
    // With cold starts, the environment is busy for init + duration: L = lambda x (init + duration).
    ScenarioSpec s = scenario(20000 * kSecond);
    FunctionSpec f = function("api", DistributionSpec::exponential(0.2));
    f.cold_start = DistributionSpec::constant(0.5);
    f.idle_lifetime = DistributionSpec::constant(2.0);  // short, so cold starts are frequent
    s.functions.push_back(f);
    s.traffic.push_back(poisson("users", "api", 5));
    const ModelRunResult r = run_model(s);
    const FunctionMetrics& m = r.metrics->function(0);
    const double T = to_seconds(s.duration);
    const double busy_seconds = m.duration_total.mean() / 1000.0 * static_cast<double>(m.total.invocations) +
                                m.init_total.mean() / 1000.0 * static_cast<double>(m.total.cold_starts);
    ASSERT_GT(m.total.cold_starts, m.total.invocations / 20);
    EXPECT_NEAR(m.concurrency.mean(s.duration) / (busy_seconds / T), 1.0, 0.02);
}

}  // namespace
}  // namespace lambdasim
