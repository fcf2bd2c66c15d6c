// End-to-end checks of `lambdasim run` and the results folder contract (DESIGN.md section 4).
#include <gtest/gtest.h>

#include <csignal>
#include <cstdlib>
#include <map>

#include <nlohmann/json.hpp>

#include "support/cli_runner.hpp"

namespace lambdasim {
namespace {

using namespace lambdasim::testing;
using Json = nlohmann::json;

Json without_wall_clock(Json j) {
    j["engine"].erase("wall_seconds");
    j["engine"].erase("events_per_second");
    return j;
}

// Sum of a metric over every period of timeseries.csv, per entity.
std::map<std::string, double> column_totals(const std::string& csv, const std::string& metric) {
    std::map<std::string, double> totals;
    std::istringstream lines(csv);
    std::string line;
    std::getline(lines, line);  // header
    while (std::getline(lines, line)) {
        std::istringstream fields(line);
        std::string time, entity, name, value;
        std::getline(fields, time, ',');
        std::getline(fields, entity, ',');
        std::getline(fields, name, ',');
        std::getline(fields, value, ',');
        if (name == metric) totals[entity] += std::stod(value);
    }
    return totals;
}

TEST(CliRun, WritesACompleteResultsFolder) {
    TempFolder tmp("run");
    const auto out = tmp / "noisy";
    const CliResult r = run_cli("run " + shipped("noisy-neighbour.yaml") + " --duration 3min --quiet --out " + out.string());
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("results: " + out.string()), std::string::npos) << r.output;
    for (const char* file : {"summary.json", "timeseries.csv", "scenario.resolved.yaml"})
        EXPECT_TRUE(std::filesystem::exists(out / file)) << file;

    const Json summary = Json::parse(read_text(out / "summary.json"));
    for (const char* key : {"scenario", "seed", "simulated_seconds", "interrupted", "version", "source_revision", "engine",
                            "account", "functions", "entry_points"})
        EXPECT_TRUE(summary.contains(key)) << key;
    EXPECT_EQ(summary["simulated_seconds"], 180.0);
    EXPECT_EQ(summary["interrupted"], false);
    EXPECT_GT(summary["functions"]["api"]["throttles"].get<int>(), 0) << "the noisy neighbour throttles the API";

    // The time series adds up to the summary's totals.
    const std::string csv = read_text(out / "timeseries.csv");
    EXPECT_EQ(csv.rfind("time_s,entity,metric,value\n", 0), 0u);
    const auto invocations = column_totals(csv, "Invocations");
    const auto throttles = column_totals(csv, "Throttles");
    for (const char* f : {"api", "batch"}) {
        EXPECT_EQ(invocations.at(f), summary["functions"][f]["invocations"].get<double>()) << f;
        EXPECT_EQ(throttles.at(f), summary["functions"][f]["throttles"].get<double>()) << f;
    }
}

TEST(CliRun, ResolvedScenarioRerunsToTheSameSummary) {
    TempFolder tmp("rerun");
    ASSERT_EQ(run_cli("run " + shipped("provisioned-vs-on-demand.yaml") + " --duration 2min --quiet --out " +
                      (tmp / "first").string()).exit_code, 0);
    const auto resolved = (tmp / "first" / "scenario.resolved.yaml").string();
    const CliResult again = run_cli("run " + resolved + " --quiet --out " + (tmp / "second").string());
    ASSERT_EQ(again.exit_code, 0) << again.output;
    EXPECT_EQ(without_wall_clock(Json::parse(read_text(tmp / "first" / "summary.json"))),
              without_wall_clock(Json::parse(read_text(tmp / "second" / "summary.json"))));
}

TEST(CliRun, SameSeedGivesByteIdenticalResultsApartFromWallClock) {
    TempFolder tmp("determinism");
    for (const char* name : {"a", "b"})
        ASSERT_EQ(run_cli("run " + shipped("noisy-neighbour.yaml") + " --duration 3min --seed 11 --quiet --out " +
                          (tmp / name).string()).exit_code, 0);
    EXPECT_EQ(without_wall_clock(Json::parse(read_text(tmp / "a" / "summary.json"))).dump(),
              without_wall_clock(Json::parse(read_text(tmp / "b" / "summary.json"))).dump());
    EXPECT_EQ(read_text(tmp / "a" / "timeseries.csv"), read_text(tmp / "b" / "timeseries.csv"));
}

TEST(CliRun, AnUnwritableOutputFolderIsARunFailureWithNoResults) {
    TempFolder tmp("unwritable");
    std::ofstream(tmp / "file") << "not a folder";
    const CliResult r = run_cli("run " + shipped("baseline.yaml") + " --duration 10s --quiet --out " +
                                (tmp / "file" / "results").string());
    EXPECT_EQ(r.exit_code, 2) << r.output;
    EXPECT_NE(r.output.find("error"), std::string::npos);
}

TEST(CliRun, UnknownCommandsAndOptionsAreBadInput) {
    EXPECT_EQ(run_cli("frobnicate").exit_code, 1);
    EXPECT_EQ(run_cli("run " + shipped("baseline.yaml") + " --no-such-option").exit_code, 1);
    EXPECT_EQ(run_cli("run").exit_code, 1);
    const CliResult missing = run_cli("run /no/such/scenario.yaml --quiet");
    EXPECT_EQ(missing.exit_code, 1);
    EXPECT_NE(missing.output.find("/no/such/scenario.yaml"), std::string::npos) << missing.output;
}

TEST(CliRun, HelpShowsExamples) {
    const CliResult r = run_cli("--help");
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_NE(r.output.find("examples"), std::string::npos);
    EXPECT_NE(run_cli("run --help").output.find("--duration"), std::string::npos);
}

TEST(CliRun, InterruptWritesPartialResultsMarkedInterruptedAndExitsWithThree) {
    TempFolder tmp("interrupt");
    const auto out = tmp / "partial";
    // A long span that cannot finish within the second before SIGINT arrives.
    const std::string command = std::string("\"") + LAMBDASIM_CLI_PATH + "\" run " + shipped("noisy-neighbour.yaml") +
                                " --duration 1000h --quiet --out " + out.string() + " >/dev/null 2>&1 & pid=$!; sleep 1; " +
                                "kill -INT $pid; wait $pid; exit $?";
    const int status = std::system(command.c_str());
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 3);
    const Json summary = Json::parse(read_text(out / "summary.json"));
    EXPECT_EQ(summary["interrupted"], true);
    EXPECT_GT(summary["simulated_seconds"].get<double>(), 0.0);
    EXPECT_LT(summary["simulated_seconds"].get<double>(), 1000.0 * 3600);
}

}  // namespace
}  // namespace lambdasim
