// EventBridge schedules end to end: the oracle is the calendar. `cron(0 2 * * ? *)` fires once
// a day at 02:00 UTC and `rate(5 minutes)` every 5 minutes; counts must match exactly, since
// schedules are deterministic (no tolerance is needed).
#include <gtest/gtest.h>

#include <numeric>

#include "lambdasim/model/model_run.hpp"
#include "lambdasim/scenario/loader.hpp"
#include "support/collecting_sink.hpp"

namespace lambdasim {
namespace {

using namespace lambdasim::testing;

ScenarioSpec nightly(const std::string& extra = "") {
    return load_scenario_text(R"yaml(duration: 3d
metrics_period: 1h
functions:
  report: {duration: 40s, timeout: 5min}
schedules:
  nightly:
    expression: "cron(0 2 * * ? *)"
    target: {function: report}
)yaml" + extra,
                              "nightly.yaml");
}

TEST(CronSchedule, DailyAtTwoFiresExactlyOnceADayAtTwoOverThreeDays) {
    const ScenarioSpec spec = nightly();
    CollectingSink invocations("report", "Invocations"), requests("nightly", "Requests");
    FanOutSink sink({&invocations, &requests});
    const ModelRunResult run = run_model(spec, {&sink, {}, UINT64_MAX});
    ASSERT_TRUE(run.broken_invariants.empty()) << run.broken_invariants.front();
    ASSERT_EQ(invocations.times.size(), 72u);  // one row per hour
    for (std::size_t hour = 0; hour < invocations.times.size(); ++hour) {
        const double expected = hour % 24 == 2 ? 1 : 0;
        EXPECT_EQ(invocations.values[hour], expected) << "hour " << hour;
        EXPECT_EQ(requests.values[hour], expected) << "hour " << hour;
    }
    EXPECT_EQ(std::accumulate(invocations.values.begin(), invocations.values.end(), 0.0), 3.0);
}

TEST(CronSchedule, StartShiftsTheCalendarUnderSimulatedTime) {
    // Simulated 0 is 01:00 UTC: the 02:00 fire lands in the second simulated hour.
    const ScenarioSpec spec = nightly("start: 2026-12-04T01:00:00Z\n");
    CollectingSink invocations("report", "Invocations");
    run_model(spec, {&invocations, {}, UINT64_MAX});
    for (std::size_t hour = 0; hour < invocations.times.size(); ++hour)
        EXPECT_EQ(invocations.values[hour], hour % 24 == 1 ? 1 : 0) << "hour " << hour;
}

TEST(RateSchedule, FiveMinutesFiresTwelveTimesAnHour) {
    const ScenarioSpec spec = load_scenario_text(R"yaml(duration: 1h
metrics_period: 5min
functions:
  tick: {duration: 1s}
schedules:
  every-five:
    expression: "rate(5 minutes)"
    target: {function: tick, invocation: sync}
)yaml",
                                                 "rate.yaml");
    CollectingSink requests("every-five", "Requests");
    const ModelRunResult run = run_model(spec, {&requests, {}, UINT64_MAX});
    ASSERT_TRUE(run.broken_invariants.empty()) << run.broken_invariants.front();
    ASSERT_EQ(requests.values.size(), 12u);
    for (double v : requests.values) EXPECT_EQ(v, 1);  // one per 5-minute period, at its start
}

}  // namespace
}  // namespace lambdasim
