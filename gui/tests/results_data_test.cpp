#include "results_data.hpp"

#include <gtest/gtest.h>

#include "gui_test_support.hpp"

namespace lambdasim::gui {
namespace {

using testing::read_text;
using testing::TempFolder;
using testing::write_text;

TEST(ResultsCsv, PivotsTheLongFormIntoOneSeriesPerEntityAndMetric) {
    ResultsData data;
    parse_timeseries_csv(
        "time_s,entity,metric,value\n0,api,Invocations,5\n0,api,Throttles,0\n1,api,Invocations,7\n"
        "1,api,Throttles,2\n",
        "t.csv", data);
    const TimeSeries* invocations = data.find("api", "Invocations");
    ASSERT_NE(invocations, nullptr);
    EXPECT_EQ(invocations->time_s, (std::vector<double>{0, 1}));
    EXPECT_EQ(invocations->value, (std::vector<double>{5, 7}));
    EXPECT_EQ(data.find("api", "Throttles")->total(), 2);
    EXPECT_EQ(data.find("api", "Nope"), nullptr);
    EXPECT_EQ(data.period_s, 1);
    EXPECT_EQ(data.end_s, 2);
}

TEST(ResultsCsv, ATruncatedLastLineIsAnErrorNamingTheLine) {
    ResultsData data;
    try {
        parse_timeseries_csv("time_s,entity,metric,value\n0,api,Invocations,5\n1,api,Invoc", "t.csv", data);
        FAIL() << "no error";
    } catch (const ResultsLoadError& e) {
        EXPECT_NE(std::string(e.what()).find("t.csv: line 3"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("truncated"), std::string::npos) << e.what();
    }
}

TEST(ResultsCsv, AMalformedRowOrHeaderIsAnError) {
    ResultsData data;
    EXPECT_THROW(parse_timeseries_csv("time_s,entity,metric,value\n0,api,Invocations\n", "t.csv", data),
                 ResultsLoadError);
    EXPECT_THROW(parse_timeseries_csv("time_s,entity,metric,value\nx,api,Invocations,1\n", "t.csv", data),
                 ResultsLoadError);
    EXPECT_THROW(parse_timeseries_csv("a,b,c\n", "t.csv", data), ResultsLoadError);
}

class BrokenFolder : public ::testing::Test {
protected:
    // A complete folder made by the CLI, then broken one way per test.
    void SetUp() override {
        const auto run = testing::run_cli("run " + testing::scenario_path("baseline.yaml") +
                                          " --duration 20s --quiet --out " + (temp / "run").string());
        ASSERT_EQ(run.exit_code, 0) << run.output;
    }
    std::string load_error() {
        try {
            load_results_folder(temp / "run");
        } catch (const ResultsLoadError& e) {
            return e.what();
        }
        return "";
    }
    TempFolder temp{"broken-folder"};
};

TEST_F(BrokenFolder, AnIntactFolderLoads) {
    const ResultsData data = load_results_folder(temp / "run");
    EXPECT_EQ(data.scenario_name(), "baseline");
    ASSERT_EQ(data.functions, std::vector<std::string>{"api"});
    ASSERT_EQ(data.entry_points, std::vector<std::string>{"users"});
    EXPECT_EQ(data.find("api", "Invocations")->size(), 20u);
    ASSERT_TRUE(data.spec.has_value()) << data.spec_warning;
    EXPECT_EQ(data.concurrency_limit(), 1000);
    EXPECT_DOUBLE_EQ(data.end_s, 20);
}

TEST_F(BrokenFolder, AMissingFolderIsAnError) {
    try {
        load_results_folder(temp / "nowhere");
        FAIL();
    } catch (const ResultsLoadError& e) {
        EXPECT_NE(std::string(e.what()).find("no such folder"), std::string::npos) << e.what();
    }
}

TEST_F(BrokenFolder, AMissingTimeSeriesFileIsAnError) {
    std::filesystem::remove(temp / "run" / "timeseries.csv");
    EXPECT_NE(load_error().find("timeseries.csv: cannot open"), std::string::npos) << load_error();
}

TEST_F(BrokenFolder, ATruncatedTimeSeriesFileIsAnError) {
    const std::string csv = read_text(temp / "run" / "timeseries.csv");
    write_text(temp / "run" / "timeseries.csv", csv.substr(0, csv.size() / 2 + 7));
    EXPECT_NE(load_error().find("truncated"), std::string::npos) << load_error();
}

TEST_F(BrokenFolder, ATimeSeriesFileCutAtALineBoundaryIsAnError) {
    const std::string csv = read_text(temp / "run" / "timeseries.csv");
    const std::size_t cut = csv.rfind('\n', csv.size() / 2) + 1;  // complete lines only
    write_text(temp / "run" / "timeseries.csv", csv.substr(0, cut));
    EXPECT_NE(load_error().find("add up to"), std::string::npos) << load_error();
}

TEST_F(BrokenFolder, InvalidJsonIsAnError) {
    const std::string json = read_text(temp / "run" / "summary.json");
    write_text(temp / "run" / "summary.json", json.substr(0, json.size() / 2));
    EXPECT_NE(load_error().find("invalid JSON"), std::string::npos) << load_error();
}

TEST_F(BrokenFolder, JsonThatIsNotASummaryIsAnError) {
    write_text(temp / "run" / "summary.json", "[1, 2, 3]\n");
    EXPECT_NE(load_error().find("not a lambdasim summary"), std::string::npos) << load_error();
}

TEST_F(BrokenFolder, AMissingResolvedScenarioStillLoadsWithAWarning) {
    std::filesystem::remove(temp / "run" / "scenario.resolved.yaml");
    const ResultsData data = load_results_folder(temp / "run");
    EXPECT_FALSE(data.spec.has_value());
    EXPECT_NE(data.spec_warning.find("missing"), std::string::npos);
    EXPECT_EQ(data.concurrency_limit(), 1000);  // from summary.json
}

}  // namespace
}  // namespace lambdasim::gui
