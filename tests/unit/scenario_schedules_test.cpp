// The `schedules:` section and `start`: reading, defaults, located errors, and the resolved
// writer's round trip.
#include <gtest/gtest.h>

#include <string>

#include "lambdasim/scenario/loader.hpp"
#include "lambdasim/scenario/resolved_writer.hpp"
#include "lambdasim/scenario/section_readers.hpp"

namespace lambdasim {
namespace {

using namespace time_literals;

const char* const kFunctions = "functions:\n  report: {duration: 1s}\n";

ScenarioSpec load(const std::string& rest) { return load_scenario_text(kFunctions + rest, "s.yaml"); }

std::string error_of(const std::string& rest) {
    try {
        load(rest);
    } catch (const ScenarioError& e) {
        return e.one_line();
    }
    return "no error";
}

TEST(Schedules, BecomeTrafficSourcesWithScheduleArrivalsAndAsyncDefault) {
    const ScenarioSpec s = load(
        "schedules:\n  nightly:\n    expression: \"cron(0 2 * * ? *)\"\n"
        "    target: {function: report}\n");
    ASSERT_EQ(s.traffic.size(), 1u);
    const TrafficSourceSpec& t = s.traffic[0];
    EXPECT_EQ(t.name, "nightly");
    EXPECT_TRUE(t.is_schedule());
    EXPECT_EQ(t.arrivals.schedule.kind, ScheduleSpec::Kind::Cron);
    EXPECT_EQ(t.arrivals.schedule.expression, "cron(0 2 * * ? *)");
    EXPECT_EQ(t.target.invocation, InvocationType::Async);  // EventBridge invokes Lambda asynchronously
    EXPECT_EQ(t.retry_policy.max_attempts, 185);
    EXPECT_EQ(t.retry_policy.max_event_age, 24_h);
}

TEST(Schedules, RateQueueTargetsAndRetryPolicy) {
    const ScenarioSpec s = load(
        "queues: {jobs: {}}\nschedules:\n  tick:\n    expression: rate(1 hour)\n"
        "    target: {queue: jobs}\n    retry_policy: {max_attempts: 0, max_event_age: 60s}\n");
    EXPECT_EQ(s.traffic[0].arrivals.schedule.kind, ScheduleSpec::Kind::Rate);
    EXPECT_EQ(s.traffic[0].arrivals.schedule.rate_period, 1_h);
    EXPECT_EQ(s.traffic[0].target.kind, TargetSpec::Kind::Queue);
    EXPECT_EQ(s.traffic[0].retry_policy.max_attempts, 0);
    EXPECT_EQ(s.traffic[0].retry_policy.max_event_age, 1_min);
}

TEST(Schedules, StartIsTheUtcTimeOfSimulatedZero) {
    const ScenarioSpec s = load(
        "start: 2026-12-04T01:58:00Z\nschedules:\n  n:\n    expression: rate(1 day)\n"
        "    target: {function: report}\n");
    const SimTime expected = (days_from_civil(2026, 12, 4) * 86400 + 1 * 3600 + 58 * 60) * kSecond;
    EXPECT_EQ(s.clock_start, expected);
    EXPECT_EQ(s.traffic[0].arrivals.schedule.clock_start, expected);
    EXPECT_EQ(format_utc_time(expected), "2026-12-04T01:58:00Z");
}

TEST(Schedules, ErrorsPointAtTheExpressionWithAHint) {
    const std::string e = error_of(
        "schedules:\n  n:\n    expression: \"cron(0 2 * * * *)\"\n"
        "    target: {function: report}\n");
    EXPECT_NE(e.find("s.yaml:5:17: error: schedules.n.expression: `cron(0 2 * * * *)`: day-of-month `*` and "
                     "day-of-week `*`: one of them must be `?`"),
              std::string::npos)
        << e;
    EXPECT_NE(error_of("schedules:\n  n:\n    expression: every day\n    target: {function: report}\n")
                  .find("`every day` is not a schedule expression"),
              std::string::npos);
    EXPECT_NE(error_of("schedules:\n  n:\n    expression: rate(0 minutes)\n    target: {function: report}\n")
                  .find("rate value `0` is not a whole number >= 1"),
              std::string::npos);
}

TEST(Schedules, RefuseBadRetryPoliciesTargetsStartsAndNames) {
    EXPECT_NE(error_of("schedules:\n  n:\n    expression: rate(1 hour)\n    target: {function: report}\n"
                       "    retry_policy: {max_attempts: 186}\n")
                  .find("s.yaml:7:"),
              std::string::npos);
    EXPECT_NE(error_of("schedules:\n  n:\n    expression: rate(1 hour)\n    target: {function: report}\n"
                       "    retry_policy: {max_event_age: 25h}\n")
                  .find("must be between 60s and 24h"),
              std::string::npos);
    EXPECT_NE(error_of("schedules:\n  n:\n    expression: rate(1 hour)\n    target: {function: reprot}\n")
                  .find("did you mean `report`?"),
              std::string::npos);
    EXPECT_NE(error_of("start: 2026-02-30T00:00:00Z\n").find("not a valid date"), std::string::npos);
    EXPECT_NE(error_of("start: yesterday\n").find("YYYY-MM-DDTHH:MM:SSZ"), std::string::npos);
    EXPECT_NE(error_of("traffic:\n  n:\n    arrivals: {process: poisson, rate: 1/s}\n    target: {function: report}\n"
                       "schedules:\n  n:\n    expression: rate(1 hour)\n    target: {function: report}\n")
                  .find("s.yaml:8:3: error: schedules.n: schedule `n` has the name of traffic source `n`"),
              std::string::npos);
    EXPECT_NE(error_of("schedules:\n  n:\n    expression: rate(1 hour)\n    target: {function: report}\n"
                       "    arrivals: {process: poisson, rate: 1/s}\n")
                  .find("unknown key"),
              std::string::npos);
}

TEST(Schedules, ResolvedWriterRoundTrips) {
    const ScenarioSpec original = load(
        "start: 2026-12-04T00:00:00Z\nqueues: {jobs: {}}\ntraffic:\n  users:\n"
        "    arrivals: {process: poisson, rate: 1/s}\n    target: {function: report}\nschedules:\n"
        "  nightly:\n    expression: \"cron(0/30 2-3 ? * MON-FRI *)\"\n"
        "    target: {function: report, invocation: sync}\n    retry_policy: {max_attempts: 3, max_event_age: 2h}\n"
        "  tick: {expression: rate(5 minutes), target: {queue: jobs}}\n");
    const std::string resolved = to_resolved_yaml(original);
    EXPECT_NE(resolved.find("start: 2026-12-04T00:00:00Z"), std::string::npos) << resolved;
    EXPECT_NE(resolved.find("    expression: \"cron(0/30 2-3 ? * MON-FRI *)\""), std::string::npos) << resolved;
    EXPECT_NE(resolved.find("    retry_policy: {max_attempts: 3, max_event_age: 2h}"), std::string::npos) << resolved;
    const ScenarioSpec reloaded = load_scenario_text(resolved, "resolved.yaml");
    EXPECT_EQ(to_resolved_yaml(reloaded), resolved);
    ASSERT_EQ(reloaded.traffic.size(), 3u);
    EXPECT_EQ(reloaded.clock_start, original.clock_start);
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_EQ(reloaded.traffic[i].name, original.traffic[i].name);
        EXPECT_EQ(reloaded.traffic[i].is_schedule(), original.traffic[i].is_schedule());
        EXPECT_EQ(reloaded.traffic[i].target.invocation, original.traffic[i].target.invocation);
        EXPECT_EQ(reloaded.traffic[i].client.max_attempts, original.traffic[i].client.max_attempts);
        EXPECT_EQ(reloaded.traffic[i].arrivals.schedule.cron.minutes,
                  original.traffic[i].arrivals.schedule.cron.minutes);
        EXPECT_EQ(reloaded.traffic[i].arrivals.schedule.rate_period, original.traffic[i].arrivals.schedule.rate_period);
    }
}

TEST(Schedules, OverridesReachTheExpression) {
    const ScenarioSpec s = load_scenario_text(
        std::string(kFunctions) + "schedules:\n  n:\n    expression: rate(1 hour)\n    target: {function: report}\n",
        "s.yaml", {{"schedules.n.expression", "rate(2 hours)"}});
    EXPECT_EQ(s.traffic[0].arrivals.schedule.rate_period, 2_h);
}

}  // namespace
}  // namespace lambdasim
