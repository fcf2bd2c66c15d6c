// Oracle: documented AWS behaviour (`scaling-behavior`, since Nov 2023): each function may add
// up to 1,000 execution environments every 10 seconds, as a bucket of 1,000 refilled
// continuously. A deterministic step load (constant spacing, long durations, so no environment
// is ever reused) must show exactly 1,000 new environments in each 10 s window once the initial
// bucket is spent, give or take one environment at a window edge.
#include <gtest/gtest.h>

#include "support/collecting_sink.hpp"
#include "support/spec_builders.hpp"

namespace lambdasim {
namespace {

using namespace lambdasim::testing;

ScenarioSpec step_load(int functions, double per_second) {
    ScenarioSpec s = scenario(60 * kSecond);
    s.metrics_period = 10 * kSecond;
    s.account.concurrency_limit = 100000;
    for (int i = 0; i < functions; ++i) {
        const std::string name = "f" + std::to_string(i);
        s.functions.push_back(function(name, DistributionSpec::constant(600)));
        s.traffic.push_back(constant_rate("load" + std::to_string(i), name, per_second));
    }
    return s;
}

TEST(ScalingRate, AddsExactlyOneThousandEnvironmentsPerTenSecondsPerFunction) {
    ScenarioSpec s = step_load(1, 3000);
    CollectingSink cold_starts("f0", "ColdStarts");
    ModelRunOptions options;
    options.sink = &cold_starts;
    const ModelRunResult r = run_model(s, options);

    ASSERT_EQ(cold_starts.values.size(), 6u);
    // First window: the full bucket (1,000) plus 10 s of continuous refill (it refills while
    // being drained too).
    EXPECT_NEAR(cold_starts.values[0], 2000, 1);
    for (std::size_t w = 1; w < cold_starts.values.size(); ++w)
        EXPECT_NEAR(cold_starts.values[w], 1000, 1) << "window " << w;
    const FunctionCounts& t = totals(r, s, "f0");
    EXPECT_EQ(t.throttles(), throttles(t, ThrottleReason::ScalingRateExceeded));
    EXPECT_GT(t.throttles(), 0u);
}

TEST(ScalingRate, EachFunctionScalesIndependently) {
    ScenarioSpec s = step_load(2, 3000);
    const ModelRunResult r = run_model(s);
    // Every function gets its own bucket: both reach 1,000 + 100/s x 60 s environments.
    for (const char* name : {"f0", "f1"}) EXPECT_NEAR(static_cast<double>(totals(r, s, name).cold_starts), 7000, 1);
}

TEST(ScalingRate, LegacyModeSharesAnInitialBurstThenFiveHundredPerMinuteAcrossTheAccount) {
    ScenarioSpec s = step_load(2, 3000);
    s.account.scaling.mode = ScalingMode::Legacy;
    s.account.scaling.initial_burst = 3000;
    s.account.scaling.per_minute = 500;
    const ModelRunResult r = run_model(s);
    const auto total = totals(r, s, "f0").cold_starts + totals(r, s, "f1").cold_starts;
    // 3,000 at once, then 500 per minute shared by both functions.
    EXPECT_NEAR(static_cast<double>(total), 3000 + 500, 1);
}

}  // namespace
}  // namespace lambdasim
