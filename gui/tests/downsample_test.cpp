#include "downsample.hpp"

#include <algorithm>
#include <cmath>

#include <gtest/gtest.h>

namespace lambdasim::gui {
namespace {

struct Data {
    std::vector<double> x, y;
};

Data wave(std::size_t n) {
    Data d;
    for (std::size_t i = 0; i < n; ++i) {
        d.x.push_back(static_cast<double>(i));
        d.y.push_back(100 + 10 * std::sin(static_cast<double>(i) / 50.0));
    }
    return d;
}

TEST(Downsample, KeepsEveryPointWhenThereAreAtMostTwoPerPixel) {
    const Data d = wave(180);
    const auto out = downsample_min_max(d.x, d.y, 0, 180, 100);
    ASSERT_EQ(out.size(), 180u);
    for (std::size_t i = 0; i < out.size(); ++i) EXPECT_EQ(out[i].y, d.y[i]);
}

TEST(Downsample, ADayAtOneSecondPeriodsBecomesAtMostTwoPointsPerPixel) {
    const Data d = wave(86'400);
    const auto out = downsample_min_max(d.x, d.y, 0, 86'400, 1000);
    EXPECT_LE(out.size(), 2000u);
    EXPECT_GE(out.size(), 1000u);
    EXPECT_TRUE(std::is_sorted(out.begin(), out.end(), [](const Point& a, const Point& b) { return a.x < b.x; }));
}

TEST(Downsample, KeepsASingleSpikeAndASingleDipAmongManyPoints) {
    Data d = wave(86'400);
    d.y[12'345] = 1e6;   // one period with a huge spike
    d.y[54'321] = -1e6;  // and one with a dip
    const auto out = downsample_min_max(d.x, d.y, 0, 86'400, 300);
    const auto [lo, hi] =
        std::minmax_element(out.begin(), out.end(), [](const Point& a, const Point& b) { return a.y < b.y; });
    EXPECT_EQ(hi->y, 1e6);
    EXPECT_EQ(hi->x, 12'345);
    EXPECT_EQ(lo->y, -1e6);
    EXPECT_EQ(lo->x, 54'321);
}

TEST(Downsample, KeepsTheMinimumAndMaximumOfEveryBucket) {
    const Data d = wave(10'000);
    const std::size_t buckets = 50;
    const auto out = downsample_min_max(d.x, d.y, 0, 9'999, buckets);
    // Every bucket of 200 points: its extremes must be among the output points.
    for (std::size_t b = 0; b < buckets; ++b) {
        const auto first = d.y.begin() + static_cast<long>(b * 200), last = first + 200;
        const double lo = *std::min_element(first, last), hi = *std::max_element(first, last);
        const double x_lo = static_cast<double>(b * 200), x_hi = x_lo + 199;
        bool has_lo = false, has_hi = false;
        for (const auto& p : out)
            if (p.x >= x_lo - 1 && p.x <= x_hi + 1) {
                has_lo = has_lo || p.y == lo;
                has_hi = has_hi || p.y == hi;
            }
        EXPECT_TRUE(has_lo && has_hi) << "bucket " << b;
    }
}

TEST(Downsample, CutsToTheVisibleRangePlusOneNeighbourOnEachSide) {
    const Data d = wave(1000);
    const auto out = downsample_min_max(d.x, d.y, 100.5, 200.5, 1000);
    ASSERT_FALSE(out.empty());
    EXPECT_EQ(out.front().x, 100);  // the neighbour before the range
    EXPECT_EQ(out.back().x, 201);   // the neighbour after it
    EXPECT_EQ(out.size(), 102u);
}

TEST(Downsample, EmptyInputGivesNoPoints) { EXPECT_TRUE(downsample_min_max({}, {}, 0, 10, 100).empty()); }

}  // namespace
}  // namespace lambdasim::gui
