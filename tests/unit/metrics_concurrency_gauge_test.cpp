// The concurrency gauge feeds the reported peak and mean concurrency and the Little's-law check
// (mean concurrency = throughput × mean duration), so its time-weighted mean must be the exact
// integral of the step function divided by the elapsed time.
#include <gtest/gtest.h>

#include "lambdasim/metrics/concurrency_gauge.hpp"

namespace lambdasim {
namespace {

using namespace time_literals;

// Hand-computed step function on [0, 40 s):
//   level 0 on [0, 10 s), 3 on [10, 20 s), 5 on [20, 25 s), 1 on [25, 40 s)
//   integral = 0·10 + 3·10 + 5·5 + 1·15 = 70 level·s, so the mean over 40 s is 1.75.
TEST(ConcurrencyGauge, TimeWeightedMeanAndMaxMatchAHandComputedStepFunction) {
    ConcurrencyGauge gauge;
    gauge.set(3, 10_s);
    gauge.set(5, 20_s);
    gauge.set(1, 25_s);
    EXPECT_DOUBLE_EQ(gauge.mean(40_s), 70.0 / 40.0);
    EXPECT_EQ(gauge.max(), 5);
    EXPECT_EQ(gauge.current(), 1);
    // Partial windows: up to 20 s the integral is 30 → 1.5; up to 22 s it is 40 → 40/22.
    // (mean(now) assumes no change after the last set, so these are asked before later sets.)
    ConcurrencyGauge partial;
    partial.set(3, 10_s);
    EXPECT_DOUBLE_EQ(partial.mean(20_s), 1.5);
    partial.set(5, 20_s);
    EXPECT_DOUBLE_EQ(partial.mean(22_s), 40.0 / 22.0);
}

TEST(ConcurrencyGauge, SeveralChangesAtTheSameInstantCountOnlyTheLastForTheIntegralButAllForTheMax) {
    ConcurrencyGauge gauge;
    gauge.set(2, 1_s);
    gauge.set(9, 3_s);  // a spike that lasts no time
    gauge.set(4, 3_s);
    // integral = 2·2 + 4·1 = 8 over 4 s.
    EXPECT_DOUBLE_EQ(gauge.mean(4_s), 2.0);
    EXPECT_EQ(gauge.max(), 9);
}

TEST(ConcurrencyGauge, PeriodMaxRestartsFromTheCurrentLevel) {
    ConcurrencyGauge gauge;
    gauge.set(7, 1_s);
    gauge.set(2, 2_s);
    EXPECT_EQ(gauge.period_max(), 7);
    gauge.start_period();
    EXPECT_EQ(gauge.period_max(), 2);  // the level carried into the new period counts
    gauge.set(4, 3_s);
    gauge.set(1, 4_s);
    EXPECT_EQ(gauge.period_max(), 4);
    EXPECT_EQ(gauge.max(), 7);  // the overall max is unaffected
}

TEST(ConcurrencyGauge, MeanAtTimeZeroOrOfAnUntouchedGaugeIsZero) {
    ConcurrencyGauge gauge;
    EXPECT_EQ(gauge.mean(0), 0.0);
    EXPECT_EQ(gauge.mean(1_h), 0.0);
    gauge.set(5, 0);
    EXPECT_EQ(gauge.mean(0), 0.0);
    EXPECT_DOUBLE_EQ(gauge.mean(1_s), 5.0);
}

}  // namespace
}  // namespace lambdasim
