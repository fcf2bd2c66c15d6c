#include "time_chart.hpp"

#include <QElapsedTimer>

#include <cmath>

#include <gtest/gtest.h>

namespace lambdasim::gui {
namespace {

// A 24 h run at 1 s periods: 86,400 points per series. Zooming and panning re-downsamples
// every curve of the chart, so it must stay far below a frame's worth of time per step.
TEST(TimeChart, ADayOfOneSecondPeriodsStaysResponsiveWhenZoomingAndPanning) {
    TimeChart chart("day", "executions");
    chart.resize(1200, 600);
    constexpr int kCurves = 8;
    for (int c = 0; c < kCurves; ++c) {
        Curve curve{QString("f%1").arg(c), {}, {}, QPen(entity_colour(c))};
        for (int i = 0; i < 86'400; ++i) {
            curve.x.push_back(i);
            curve.y.push_back(100 + 50 * std::sin(i / 600.0 + c) + (i % 97 == 0 ? 300 : 0));
        }
        chart.add_curve(std::move(curve));
    }
    chart.set_span(86'400);
    for (int c = 0; c < kCurves; ++c) EXPECT_LE(chart.series(c)->count(), 2 * 1200 + 2);

    QElapsedTimer timer;
    timer.start();
    constexpr int kSteps = 40;
    for (int step = 0; step < kSteps; ++step) {  // zoom in step by step, then pan
        const double width = 86'400.0 / (1 + step);
        chart.set_x_range(step * 100.0, step * 100.0 + width);
    }
    const double per_step_ms = static_cast<double>(timer.elapsed()) / kSteps;
    std::printf("re-downsampling %d curves of 86,400 points: %.2f ms per zoom/pan step\n", kCurves, per_step_ms);
    EXPECT_LT(per_step_ms, 150.0);  // about 17 ms measured; generous for a loaded CI machine
    // The spikes (every 97 s) survive the downsampling at the full view.
    chart.set_x_range(0, 86'400);
    double highest = 0;
    for (const QPointF& p : chart.series(0)->points()) highest = std::max(highest, p.y());
    EXPECT_GT(highest, 350);
}

TEST(TimeChart, SetSpanShowsTheWholeRun) {
    TimeChart chart("t", "y");
    chart.add_curve({"c", {0, 1, 2, 3}, {1, 2, 3, 4}, QPen()});
    chart.set_span(4);
    chart.set_x_range(-10, 100);  // programmatic ranges are taken as they are...
    EXPECT_EQ(chart.x_min(), -10);
    chart.set_span(4);
    EXPECT_EQ(chart.x_min(), 0);
    EXPECT_EQ(chart.x_max(), 4);
}

}  // namespace
}  // namespace lambdasim::gui
