// Latency percentiles in every report come from this histogram, whose header claims at most
// ~1 % relative error. The oracle is the exact nearest-rank quantile of the same samples,
// sorted. The claim is a deterministic bound, not a statistical one: the nearest-rank sample x
// lies in some bin [lo, lo·r) with r = 10^(11/1300) ≈ 1.0197, and the histogram reports the bin's
// geometric centre lo·√r, so |centre/x − 1| ≤ √r − 1 ≈ 0.98 % whatever the data. The tolerance is
// therefore exactly 1 % of the true quantile, with no allowance for luck.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include "lambdasim/metrics/log_histogram.hpp"

namespace lambdasim {
namespace {

constexpr double kQuantiles[] = {0.0, 0.001, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 0.9999, 1.0};

double nearest_rank(const std::vector<double>& sorted, double q) {
    const auto rank = static_cast<std::size_t>(std::ceil(q * static_cast<double>(sorted.size())));
    return sorted[std::max<std::size_t>(rank, 1) - 1];
}

// std:: distributions are not identical across standard libraries, which does not matter here:
// the oracle is computed from the very same samples.
template <class Distribution>
std::vector<double> samples_of(Distribution distribution, unsigned seed, int count = 1'000'000) {
    std::mt19937_64 random(seed);
    std::vector<double> values(static_cast<std::size_t>(count));
    for (double& v : values) v = distribution(random);
    return values;
}

void expect_quantiles_within_one_percent(const std::vector<double>& values) {
    LogHistogram histogram;
    for (double v : values) histogram.add(v);
    std::vector<double> sorted = values;
    std::sort(sorted.begin(), sorted.end());
    for (double q : kQuantiles) {
        const double exact = nearest_rank(sorted, q);
        EXPECT_NEAR(histogram.quantile(q), exact, 0.01 * exact) << "q=" << q;
    }
}

TEST(LogHistogram, QuantilesOfAMillionExponentialSamplesAreWithinOnePercent) {
    expect_quantiles_within_one_percent(samples_of(std::exponential_distribution<double>(1.0 / 100.0), 1));
}

TEST(LogHistogram, QuantilesOfAMillionLognormalSamplesAreWithinOnePercent) {
    // Median 50 ms, σ = 1.5: spans about five decades, from sub-millisecond to seconds.
    expect_quantiles_within_one_percent(samples_of(std::lognormal_distribution<double>(std::log(50.0), 1.5), 2));
}

TEST(LogHistogram, MinMaxAndMeanAreExact) {
    const auto values = samples_of(std::exponential_distribution<double>(1.0 / 100.0), 3, 100'000);
    LogHistogram histogram;
    double sum = 0;
    for (double v : values) {
        histogram.add(v);
        sum += v;  // same order as the histogram, so the same rounding
    }
    EXPECT_EQ(histogram.count(), values.size());
    EXPECT_EQ(histogram.min(), *std::min_element(values.begin(), values.end()));
    EXPECT_EQ(histogram.max(), *std::max_element(values.begin(), values.end()));
    EXPECT_EQ(histogram.mean(), sum / static_cast<double>(values.size()));
    // The extreme quantiles are bin centres clamped into [min, max]: never outside the data.
    EXPECT_GE(histogram.quantile(0.0), histogram.min());
    EXPECT_LE(histogram.quantile(1.0), histogram.max());
}

TEST(LogHistogram, SummaryReportsMeanPercentilesMaxAndCount) {
    LogHistogram histogram;
    for (int i = 1; i <= 100; ++i) histogram.add(i);
    const Percentiles s = histogram.summary();
    EXPECT_EQ(s.count, 100u);
    EXPECT_DOUBLE_EQ(s.mean, 50.5);
    EXPECT_NEAR(s.p50, 50, 0.5);
    EXPECT_NEAR(s.p90, 90, 0.9);
    EXPECT_NEAR(s.p99, 99, 0.99);
    EXPECT_EQ(s.max, 100);
}

TEST(LogHistogram, MergeEqualsFillingOneHistogram) {
    const auto values = samples_of(std::lognormal_distribution<double>(std::log(20.0), 1.0), 4, 200'000);
    LogHistogram whole;
    LogHistogram first_half;
    LogHistogram second_half;
    for (std::size_t i = 0; i < values.size(); ++i) {
        whole.add(values[i]);
        (i < values.size() / 2 ? first_half : second_half).add(values[i]);
    }
    LogHistogram merged;
    merged.merge(first_half);  // into an empty one
    merged.merge(second_half);
    merged.merge(LogHistogram());  // merging an empty one changes nothing

    EXPECT_EQ(merged.count(), whole.count());
    EXPECT_EQ(merged.min(), whole.min());
    EXPECT_EQ(merged.max(), whole.max());
    EXPECT_NEAR(merged.mean(), whole.mean(), 1e-12 * whole.mean());  // sums in a different order
    for (double q : kQuantiles) EXPECT_EQ(merged.quantile(q), whole.quantile(q)) << "q=" << q;
}

TEST(LogHistogram, AnEmptyHistogramReportsZeros) {
    LogHistogram histogram;
    EXPECT_EQ(histogram.count(), 0u);
    EXPECT_EQ(histogram.mean(), 0);
    EXPECT_EQ(histogram.min(), 0);
    EXPECT_EQ(histogram.max(), 0);
    EXPECT_EQ(histogram.quantile(0.5), 0);
    EXPECT_EQ(histogram.quantile(1.0), 0);
    const Percentiles s = histogram.summary();
    EXPECT_EQ(s.count, 0u);
    EXPECT_EQ(s.p99, 0);
}

TEST(LogHistogram, ClearReturnsToEmpty) {
    LogHistogram histogram;
    histogram.add(5);
    histogram.add(7);
    histogram.clear();
    EXPECT_EQ(histogram.count(), 0u);
    EXPECT_EQ(histogram.quantile(0.5), 0);
    histogram.add(3);
    EXPECT_EQ(histogram.min(), 3);
    EXPECT_EQ(histogram.max(), 3);
}

// Below 1 µs (1e-3 ms, including exactly 0) values land in the underflow bin and are reported
// as the exact minimum; above 1e8 ms they land in the overflow bin and are reported as the exact
// maximum. Neither is lost from the count or the mean.
TEST(LogHistogram, ValuesBelowOneMicrosecondAndAboveTheRangeAreCountedAndReportedAtTheExtremes) {
    LogHistogram histogram;
    histogram.add(0.0);
    histogram.add(0.0005);
    histogram.add(10.0);
    histogram.add(20.0);
    histogram.add(3e8);
    EXPECT_EQ(histogram.count(), 5u);
    EXPECT_EQ(histogram.min(), 0.0);
    EXPECT_EQ(histogram.max(), 3e8);
    EXPECT_DOUBLE_EQ(histogram.mean(), (0.0005 + 10.0 + 20.0 + 3e8) / 5);
    EXPECT_EQ(histogram.quantile(0.2), 0.0);   // rank 1: underflow → exact min
    EXPECT_EQ(histogram.quantile(0.4), 0.0);   // rank 2: still the underflow bin
    EXPECT_NEAR(histogram.quantile(0.6), 10.0, 0.1);
    EXPECT_NEAR(histogram.quantile(0.8), 20.0, 0.2);
    EXPECT_EQ(histogram.quantile(1.0), 3e8);   // overflow → exact max
}

TEST(LogHistogram, ASingleValueIsReportedExactlyAtEveryQuantile) {
    // Clamping the bin centre to [min, max] makes a one-value histogram exact.
    LogHistogram histogram;
    histogram.add(123.456);
    for (double q : kQuantiles) EXPECT_EQ(histogram.quantile(q), 123.456) << "q=" << q;
}

}  // namespace
}  // namespace lambdasim
