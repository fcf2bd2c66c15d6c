// The architecture question of issue 4, answered under common random numbers: a burst of
// uploads larger than the unreserved pool, fanned out by SNS either straight into a function
// or through an SQS queue with a capped event source mapping, while a synchronous API shares
// the account. Oracle: documented AWS behaviour (async invocation takes any free concurrency;
// an event source mapping never exceeds max_concurrency) — the direct design must throttle the
// API, the queued one must not; both must deliver every upload.
#include <gtest/gtest.h>

#include "lambdasim/io/comparison.hpp"
#include "lambdasim/scenario/loader.hpp"
#include "support/cli_runner.hpp"

namespace lambdasim {
namespace {

using namespace lambdasim::testing;

double figure(const ReplicationFigures& f, const std::string& name) {
    for (const auto& [key, value] : f.values)
        if (key == name) return value;
    ADD_FAILURE() << "no figure " << name;
    return 0;
}

TEST(FanOutComparison, DirectAsyncThrottlesTheNeighbouringApiAndTheQueueDoesNot) {
    std::vector<ReplicationFigures> direct, queued;
    for (std::uint64_t seed = 1; seed <= 3; ++seed) {
        for (const char* name : {"fanout-sns-lambda.yaml", "fanout-sns-sqs-lambda.yaml"}) {
            const ScenarioSpec spec = load_scenario_file(shipped(name), {{"seed", std::to_string(seed)}});
            const ModelRunResult run = run_model(spec);
            ASSERT_TRUE(run.broken_invariants.empty()) << run.broken_invariants.front();
            (std::string(name) == "fanout-sns-lambda.yaml" ? direct : queued).push_back(figures_of(spec, run));
        }
    }
    for (std::size_t i = 0; i < direct.size(); ++i) {
        std::printf("    seed %zu: API callers throttled %.0f (direct) vs %.0f (queue); peak concurrency %.0f vs %.0f\n",
                    i + 1, figure(direct[i], "sync_requests_throttled"), figure(queued[i], "sync_requests_throttled"),
                    figure(direct[i], "peak_account_concurrency"), figure(queued[i], "peak_account_concurrency"));
        EXPECT_GT(figure(direct[i], "sync_requests_throttled"), 1000);
        EXPECT_EQ(figure(queued[i], "sync_requests_throttled"), 0);
        EXPECT_EQ(figure(direct[i], "peak_account_concurrency"), 1000);
        EXPECT_LE(figure(queued[i], "peak_account_concurrency"), 100 + 200);  // API (~80) + the mapping's cap
        EXPECT_EQ(figure(direct[i], "async_units_delivered"), 30000);
        EXPECT_EQ(figure(queued[i], "async_units_delivered"), 30000);
    }
    const auto rows = compare_replications(direct, queued);
    const std::string text = verdict("fanout-sns-lambda", "fanout-sns-sqs-lambda", rows);
    EXPECT_NE(text.find("Throttling of the synchronous callers favours fanout-sns-sqs-lambda"), std::string::npos) << text;
}

TEST(CompareCommand, WritesCompareJsonAndCsvWithConfidenceIntervals) {
    TempFolder tmp("compare");
    const CliResult r = run_cli("compare " + shipped("fanout-sns-lambda.yaml") + " " + shipped("fanout-sns-sqs-lambda.yaml") +
                                " --replications 2 --duration 5min --out " + (tmp / "cmp").string());
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("sync_requests_throttled"), std::string::npos);
    const auto json = nlohmann::json::parse(read_text(tmp / "cmp" / "compare.json"));
    EXPECT_EQ(json["replications"], 2);
    EXPECT_TRUE(json["figures"]["sync_requests_throttled"].contains("difference_ci95"));
    EXPECT_FALSE(json["verdict"].get<std::string>().empty());
    EXPECT_EQ(read_text(tmp / "cmp" / "compare.csv").rfind("figure,a_mean,a_ci95,b_mean,b_ci95", 0), 0u);
    EXPECT_EQ(run_cli("compare " + shipped("baseline.yaml")).exit_code, 1) << "one scenario is not a comparison";
}

}  // namespace
}  // namespace lambdasim
