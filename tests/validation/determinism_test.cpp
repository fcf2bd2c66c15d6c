// Determinism: same scenario + same seed => identical results (the summary apart from
// wall-clock fields, and every time-series row); a different seed gives different results.
#include <gtest/gtest.h>

#include <sstream>

#include "lambdasim/io/summary.hpp"
#include "support/spec_builders.hpp"

namespace lambdasim {
namespace {

using namespace lambdasim::testing;

class TextSink : public TimeSeriesSink {
public:
    void row(double t, std::string_view entity, std::string_view metric, double value) override {
        out << t << ',' << entity << ',' << metric << ',' << value << '\n';
    }
    std::ostringstream out;
};

ScenarioSpec mixed(std::uint64_t seed) {
    ScenarioSpec s = scenario(10 * kMinute, seed);
    s.metrics_period = 10 * kSecond;
    FunctionSpec api = function("api", DistributionSpec::lognormal_p50_p99(0.05, 0.4));
    api.cold_start.reset();  // the python preset
    api.reserved_concurrency = 20;
    api.error_rate = 0.01;
    s.functions.push_back(api);
    s.functions.push_back(function("batch", DistributionSpec::exponential(20)));
    TrafficSourceSpec users = poisson("users", "api", 150);
    users.client.max_attempts = 3;
    s.traffic.push_back(users);
    s.traffic.push_back(poisson("jobs", "batch", 40));
    return s;
}

std::string summary_without_wall_clock(const ScenarioSpec& s, const ModelRunResult& r) {
    auto j = make_summary(s, r);
    j["engine"].erase("wall_seconds");
    j["engine"].erase("events_per_second");
    return j.dump();
}

TEST(Determinism, SameSeedGivesIdenticalSummaryAndTimeSeries) {
    const ScenarioSpec s = mixed(7);
    TextSink first_rows, second_rows;
    ModelRunOptions first_options, second_options;
    first_options.sink = &first_rows;
    second_options.sink = &second_rows;
    const ModelRunResult first = run_model(s, first_options);
    const ModelRunResult second = run_model(s, second_options);
    ASSERT_GT(first.metrics->function(0).total.throttles(), 0u) << "the scenario should exercise throttling";
    EXPECT_EQ(summary_without_wall_clock(s, first), summary_without_wall_clock(s, second));
    EXPECT_EQ(first_rows.out.str(), second_rows.out.str());
}

TEST(Determinism, DifferentSeedsGiveDifferentResults) {
    const ScenarioSpec a = mixed(7), b = mixed(8);
    EXPECT_NE(summary_without_wall_clock(a, run_model(a)), summary_without_wall_clock(b, run_model(b)));
}

TEST(Determinism, AddingAFunctionDoesNotShiftAnotherFunctionsTraffic) {
    // Named random streams: the api's arrivals and durations do not depend on other entities.
    ScenarioSpec alone = mixed(7);
    alone.functions.pop_back();
    alone.traffic.pop_back();
    const ScenarioSpec together = mixed(7);
    const ModelRunResult r1 = run_model(alone), r2 = run_model(together);
    EXPECT_EQ(r1.metrics->entry_point(0).total.requests, r2.metrics->entry_point(0).total.requests);
    EXPECT_EQ(r1.metrics->function(0).duration_total.summary().p50, r2.metrics->function(0).duration_total.summary().p50);
}

}  // namespace
}  // namespace lambdasim
