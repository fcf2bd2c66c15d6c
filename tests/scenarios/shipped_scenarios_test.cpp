// Every shipped scenario validates, runs a short span with all invariants intact, and keeps
// its fingerprint: the key figures of a 4-minute run with seed 1. A changed fingerprint means
// the model's behaviour changed: update the table only deliberately, and say why in the commit.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include <fmt/format.h>

#include "lambdasim/model/model_run.hpp"
#include "lambdasim/scenario/loader.hpp"
#include "support/cli_runner.hpp"

namespace lambdasim {
namespace {

using namespace lambdasim::testing;

// scenario file -> "function:invocations/throttles/cold_starts ..." for a 4 min run, seed 1.
const std::map<std::string, std::string> kFingerprints = {
    {"baseline.yaml", "api:24033/0/53 "},
    {"cron-report.yaml", "api:48367/0/63 report:1/0/1 render:1303/0/100 cache-refresh:1/0/1 "},
    {"fanout-sns-lambda.yaml", "api:65667/26580/82 thumbnailer:30573/103017/1000 "},
    {"fanout-sns-sqs-lambda.yaml", "api:72683/0/82 thumbnailer:14558/0/200 "},
    {"sqs-reserved-trap-fixed.yaml", "order-processor:992/0/5 "},
    {"sqs-reserved-trap.yaml", "order-processor:990/942/5 "},
    // The thumbnailer now reads the original, writes the thumbnail and its metadata (calls:):
    // each invocation is ~100 ms longer, so it holds more concurrency and is throttled more.
    // (Each call draws from its own random streams.)
    {"thumbnail-pipeline.yaml", "thumbnailer:86497/26383/1000 "},
    {"large-payload-direct.yaml", "processor:10367/0/36 "},
    {"large-payload-claim-check.yaml", "processor:12082/0/44 "},
    // The flash sale starts at 10 min: the first 4 minutes of the pair are the same traffic.
    {"orders-table-on-demand.yaml", "checkout:119993/0/122 "},
    {"orders-table-provisioned.yaml", "checkout:119993/0/122 "},
    {"burst-scaling.yaml", "ingest:3993437/208584/4070 "},
    {"day-at-10k.yaml", "api:317894/0/316 search:159074/0/202 thumbnails:37628/0/287 "},
    {"noisy-neighbour-reserved.yaml", "api:192942/0/227 batch:1004/33951/700 "},
    {"noisy-neighbour.yaml", "api:126888/208506/227 batch:1307/31581/1000 "},
    {"provisioned-vs-on-demand.yaml", "checkout-on-demand:514/0/6 checkout-provisioned:494/0/0 "},
    {"runtimes.yaml",
     "node-1024mb:5/0/3 python-1024mb:6/0/3 ruby-1024mb:5/0/3 rust-1024mb:5/0/2 dotnet-1024mb:1/0/1 "
     "container-1024mb:4/0/3 java-512mb:6/0/5 java-1024mb:6/0/2 java-3008mb:4/0/3 "},
};

std::vector<std::string> shipped_scenarios() {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(std::string(LAMBDASIM_SOURCE_DIR) + "/scenarios"))
        if (entry.path().extension() == ".yaml") names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

std::string fingerprint(const ScenarioSpec& spec, const ModelRunResult& run) {
    std::string text;
    for (std::size_t i = 0; i < spec.functions.size(); ++i) {
        const FunctionCounts& c = run.metrics->function(i).total;
        text += fmt::format("{}:{}/{}/{} ", spec.functions[i].name, c.invocations, c.throttles(), c.cold_starts);
    }
    return text;
}

class ShippedScenario : public ::testing::TestWithParam<std::string> {};

TEST_P(ShippedScenario, ValidatesWithTheCli) {
    const CliResult r = run_cli("validate " + shipped(GetParam()));
    EXPECT_EQ(r.exit_code, 0) << r.output;
}

TEST_P(ShippedScenario, RunsAShortSpanWithInvariantsIntactAndAStableFingerprint) {
    const ScenarioSpec spec = load_scenario_file(shipped(GetParam()), {{"duration", "4min"}, {"seed", "1"}});
    const ModelRunResult run = run_model(spec);
    EXPECT_TRUE(run.broken_invariants.empty()) << run.broken_invariants.front();
    std::uint64_t requests = 0;
    for (const auto& e : run.metrics->entry_points()) requests += e.total.requests;
    EXPECT_GT(requests, 0u) << "a shipped scenario should have traffic in its first 4 minutes";
    const auto expected = kFingerprints.find(GetParam());
    ASSERT_NE(expected, kFingerprints.end()) << "add a fingerprint for " << GetParam() << ": " << fingerprint(spec, run);
    EXPECT_EQ(fingerprint(spec, run), expected->second);
}

INSTANTIATE_TEST_SUITE_P(Scenarios, ShippedScenario, ::testing::ValuesIn(shipped_scenarios()), [](const auto& info) {
    std::string name = info.param.substr(0, info.param.size() - 5);
    for (char& c : name)
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    return name;
});

TEST(ShippedScenarios, EachHasAHeaderCommentSayingWhatItTeachesAndWhatToLookAt) {
    for (const std::string& name : shipped_scenarios()) {
        const std::string text = read_text(shipped(name));
        EXPECT_EQ(text.rfind("# ", 0), 0u) << name;
        EXPECT_NE(text.find("What it teaches"), std::string::npos) << name;
        EXPECT_NE(text.find("What to look at"), std::string::npos) << name;
    }
}

}  // namespace
}  // namespace lambdasim
