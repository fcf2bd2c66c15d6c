// Edge cases at the boundaries of what a scenario may say: zero and extreme values, empty and
// tiny runs, the largest timeout, the largest seed, hostile data files and names. Each test
// states the boundary in its name; the expected figures are exact (deterministic scenarios).
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <charconv>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "lambdasim/model/model_run.hpp"
#include "lambdasim/scenario/loader.hpp"
#include "lambdasim/scenario/resolved_writer.hpp"
#include "support/cli_runner.hpp"
#include "support/spec_builders.hpp"

namespace lambdasim {
namespace {

using namespace lambdasim::testing;
namespace fs = std::filesystem;
using Json = nlohmann::json;

void expect_consistent(const ModelRunResult& r) {
    for (const auto& broken : r.broken_invariants) ADD_FAILURE() << "broken invariant: " << broken;
}

const EntryPointCounts& entry(const ModelRunResult& r, std::size_t index = 0) {
    return r.metrics->entry_point(index).total;
}

// ---------------------------------------------------------------------------------------------
// Concurrency boundaries

TEST(EdgeCases, ReservedZeroThrottlesEveryAttemptAndNeverRunsTheFunction) {
    ScenarioSpec s = scenario(kMinute);
    FunctionSpec f = function("off", DistributionSpec::constant(0.1));
    f.reserved_concurrency = 0;
    s.functions.push_back(f);
    TrafficSourceSpec users = constant_rate("users", "off", 10);
    users.client.max_attempts = 3;
    users.client.backoff_base = 10 * kMillisecond;
    users.client.backoff_cap = 10 * kMillisecond;
    s.traffic.push_back(users);
    const ModelRunResult r = run_model(s);
    expect_consistent(r);
    const FunctionCounts& c = totals(r, s, "off");
    EXPECT_EQ(c.invocations, 0u);
    EXPECT_EQ(c.cold_starts, 0u);
    EXPECT_EQ(r.metrics->function(0).concurrency.max(), 0);
    EXPECT_EQ(entry(r).requests, 600u);
    EXPECT_EQ(entry(r).succeeded, 0u);
    // Every request that finished did so throttled after all three attempts.
    EXPECT_EQ(entry(r).throttled + r.ledger.in_flight(), 600u);
    // Every attempt, first or retry, was refused.
    EXPECT_EQ(c.throttles(), entry(r).requests + entry(r).retries);
}

TEST(EdgeCases, ProvisionedEqualToReservedNeverSpillsOverWhileTheLoadFitsAndTheCapStillHolds) {
    ScenarioSpec s = scenario(3 * kMinute);
    FunctionSpec f = function("api", DistributionSpec::constant(0.9));
    f.reserved_concurrency = 10;
    f.provisioned_concurrency = {{0, 10}};
    f.provisioned_allocation_delay = 0;
    s.functions.push_back(f);
    // 5 requests/s of 0.9 s each: at most 5 at once, within the 10 provisioned environments.
    TrafficSourceSpec steady = constant_rate("steady", "api", 5);
    s.traffic.push_back(steady);
    // At 2 min a burst of 100 needs far more than the reservation: the cap must hold.
    s.traffic.push_back(burst("spike", "api", 100, 2 * kMinute));
    const ModelRunResult r = run_model(s);
    expect_consistent(r);

    const FunctionMetrics& m = r.metrics->function(0);
    EXPECT_EQ(m.total.provisioned_spillover_invocations, 0u)
        << "with provisioned == reserved there is no on-demand room to spill into";
    EXPECT_LE(m.concurrency.max(), 10);
    EXPECT_EQ(m.total.provisioned_invocations, m.total.invocations)
        << "every invocation ran on a provisioned environment";
    EXPECT_EQ(m.total.cold_starts, 0u);
    EXPECT_GT(throttles(m.total, ThrottleReason::ReservedFunctionConcurrentInvocationLimitExceeded), 0u);
    EXPECT_EQ(entry(r, 0).throttled, 0u) << "the steady load alone fits in the provisioned environments";
}

// Found by PropertyRandomScenarios (random scenario 12): when the provisioned level of a function
// without a reservation drops, the unreserved pool grows at once while the retiring provisioned
// environments still run, so the account runs above its limit. AWS: "Lambda... ensures that the
// account's total concurrency never exceeds the concurrency limit" (`lambda-concurrency`).
TEST(EdgeCases, ProvisionedLevelDropOfAnUnreservedFunctionKeepsTheAccountWithinItsLimit) {
    const ScenarioSpec s = load_scenario_text(R"(duration: 2min
account: {concurrency_limit: 11, unreserved_minimum: 9}
functions:
  f:
    duration: {dist: exponential, mean: 276ms}
    cold_start: 0s
    provisioned_concurrency: [{at: 0s, level: 1}, {at: 1min, level: 0}]
    provisioned_allocation_delay: 0s
traffic:
  t:
    arrivals: {process: constant, rate: 40/s}
    target: {function: f}
)",
                                              "pc-drop.yaml");
    const ModelRunResult r = run_model(s);
    EXPECT_LE(r.metrics->account().concurrency.max(), s.account.concurrency_limit);
    expect_consistent(r);
}

// ---------------------------------------------------------------------------------------------
// Traffic and duration boundaries

TEST(EdgeCases, RateZeroSendsNoRequestsAndGivesACleanSummary) {
    TempFolder tmp("rate-zero");
    const fs::path yaml = tmp / "quiet.yaml";
    std::ofstream(yaml) << "duration: 5min\nfunctions:\n  api: {duration: 100ms}\ntraffic:\n"
                           "  users:\n    arrivals: {process: poisson, rate: 0/s}\n    target: {function: api}\n";
    const ScenarioSpec spec = load_scenario_file(yaml.string());
    const ModelRunResult r = run_model(spec);
    expect_consistent(r);
    EXPECT_EQ(entry(r).requests, 0u);
    EXPECT_EQ(r.metrics->function(0).total.invocations, 0u);
    EXPECT_EQ(r.ledger.started, 0u);

    const CliResult cli = run_cli("run " + yaml.string() + " --quiet --out " + (tmp / "out").string());
    ASSERT_EQ(cli.exit_code, 0) << cli.output;
    const std::string text = read_text(tmp / "out" / "summary.json");
    EXPECT_EQ(text.find("nan"), std::string::npos) << text;
    EXPECT_EQ(text.find("null"), std::string::npos) << text;
    const Json summary = Json::parse(text);
    EXPECT_EQ(summary["entry_points"]["users"]["requests"], 0);
    EXPECT_EQ(summary["functions"]["api"]["invocations"], 0);
    EXPECT_EQ(summary["functions"]["api"]["throttles"], 0);
}

TEST(EdgeCases, AOneMillisecondScenarioRunsItsSingleArrivalAndEndsWithItInFlight) {
    ScenarioSpec s = scenario(kMillisecond);
    s.metrics_period = kSecond;
    s.functions.push_back(function("api", DistributionSpec::constant(0.1)));
    s.traffic.push_back(constant_rate("users", "api", 1000));  // first arrival at 0 s, next at 1 ms
    const ModelRunResult r = run_model(s);
    expect_consistent(r);
    EXPECT_FALSE(r.interrupted);
    EXPECT_EQ(r.simulated_end, kMillisecond);
    EXPECT_EQ(entry(r).requests, 1u);
    EXPECT_EQ(r.ledger.in_flight(), 1u);
    EXPECT_EQ(r.metrics->function(0).total.invocations, 1u);
    EXPECT_EQ(r.metrics->function(0).concurrency.max(), 1);
}

TEST(EdgeCases, ANineHundredSecondTimeoutEndsA901SecondInvocationAtExactly900Seconds) {
    ScenarioSpec s = scenario(20 * kMinute);
    FunctionSpec f = function("long", DistributionSpec::constant(901));
    f.timeout = 900 * kSecond;  // the AWS maximum
    s.functions.push_back(f);
    s.traffic.push_back(burst("job", "long", 1, 0));
    const ModelRunResult r = run_model(s);
    expect_consistent(r);
    const FunctionMetrics& m = r.metrics->function(0);
    EXPECT_EQ(m.total.invocations, 1u);
    EXPECT_EQ(m.total.timeouts, 1u);
    EXPECT_EQ(m.total.errors, 1u);
    EXPECT_DOUBLE_EQ(m.duration_total.max(), 900000.0) << "the duration is cut at the timeout, in ms";
    EXPECT_EQ(entry(r).failed, 1u);
    EXPECT_EQ(entry(r).failed_by_reason[static_cast<std::size_t>(FailureReason::Timeout)], 1u);
    EXPECT_EQ(r.ledger.in_flight(), 0u);
    EXPECT_EQ(m.concurrency.current(), 0) << "the environment is released at the timeout";
}

TEST(EdgeCases, AZeroSecondScenarioRunsWritesAnAllZeroSummaryAndExitsZero) {
    TempFolder tmp("zero-seconds");
    const fs::path yaml = tmp / "empty-run.yaml";
    std::ofstream(yaml) << "duration: 0s\nfunctions:\n  api: {duration: 100ms}\ntraffic:\n"
                           "  users:\n    arrivals: {process: constant, rate: 100/s}\n    target: {function: api}\n";
    const ModelRunResult r = run_model(load_scenario_file(yaml.string()));
    expect_consistent(r);
    EXPECT_EQ(r.simulated_end, 0);
    EXPECT_EQ(entry(r).requests, 0u) << "the span [0, 0) holds no arrival, not even the one at 0 s";

    const fs::path out = tmp / "out";
    const CliResult cli = run_cli("run " + yaml.string() + " --quiet --out " + out.string());
    ASSERT_EQ(cli.exit_code, 0) << cli.output;
    for (const char* file : {"summary.json", "timeseries.csv", "scenario.resolved.yaml"})
        EXPECT_TRUE(fs::exists(out / file)) << file;
    const Json summary = Json::parse(read_text(out / "summary.json"));
    EXPECT_EQ(summary["simulated_seconds"], 0.0);
    EXPECT_EQ(summary["interrupted"], false);
    EXPECT_EQ(summary["entry_points"]["users"]["requests"], 0);
    EXPECT_EQ(summary["functions"]["api"]["invocations"], 0);
    EXPECT_EQ(summary["account"]["throttles"], 0);
}

// Found by fuzz_scenario_loader (tests/fuzz/regressions/model-interrupted-at-time-zero-loses-
// requests.yaml): a run stopped at the very start of a metrics period (at 0 s, by the event
// budget, as Ctrl-C could) did not fold that period into the totals, so the summary showed 0
// requests with thousands in flight, and the run reported a broken invariant (exit 2, not 3).
TEST(EdgeCases, ARunStoppedInItsFirstNanosecondsStillCountsTheRequestsItStarted) {
    ScenarioSpec s = scenario(kMinute);
    s.functions.push_back(function("api", DistributionSpec::constant(0.1)));
    s.traffic.push_back(poisson("flood", "api", 1e12));  // about one arrival per picosecond
    ModelRunOptions options;
    options.max_events = 5000;
    const ModelRunResult r = run_model(s, options);
    EXPECT_TRUE(r.interrupted);
    EXPECT_LT(r.simulated_end, kMicrosecond);
    EXPECT_GT(r.ledger.started, 0u);
    EXPECT_EQ(entry(r).requests, r.ledger.started);
    expect_consistent(r);
}

// ---------------------------------------------------------------------------------------------
// Trace files

class TraceFile : public ::testing::Test {
protected:
    TraceFile() : tmp_("trace-edge") {}
    std::string scenario_with_trace(const std::string& trace_text) {
        std::ofstream(tmp_ / "trace.csv") << trace_text;
        const fs::path yaml = tmp_ / "traced.yaml";
        std::ofstream(yaml) << "functions:\n  api: {duration: 10ms}\ntraffic:\n  replay:\n"
                               "    arrivals: {process: trace, file: trace.csv}\n    target: {function: api}\n";
        return yaml.string();
    }
    std::string trace_path() const { return (tmp_ / "trace.csv").string(); }
    TempFolder tmp_;
};

TEST_F(TraceFile, UnsortedTimestampsAreALocatedErrorAtTheTraceFilesLine) {
    const std::string yaml = scenario_with_trace("# replay of 2024-05-02\ntime_s\n0.25\n0.5\n0.75\n0.7\n1.0\n");
    try {
        load_scenario_file(yaml);
        FAIL() << "an unsorted trace loaded";
    } catch (const ScenarioError& e) {
        EXPECT_EQ(e.file, trace_path()) << e.one_line();
        EXPECT_EQ(e.line, 6) << e.one_line();
        EXPECT_NE(e.one_line().find("sort the trace"), std::string::npos) << e.one_line();
    }
    const CliResult cli = run_cli("validate " + yaml);
    EXPECT_EQ(cli.exit_code, 1) << cli.output;
    EXPECT_NE(cli.output.find(trace_path() + ":6:"), std::string::npos) << cli.output;
}

TEST_F(TraceFile, ANegativeTimestampIsALocatedErrorAtTheTraceFilesLine) {
    const std::string yaml = scenario_with_trace("time_s\n0\n1\n-0.5\n2\n");
    try {
        load_scenario_file(yaml);
        FAIL() << "a trace with a negative time loaded";
    } catch (const ScenarioError& e) {
        EXPECT_EQ(e.file, trace_path()) << e.one_line();
        EXPECT_GE(e.line, 1) << e.one_line();
        EXPECT_LE(e.line, 4) << e.one_line();  // line 4 (negative) or an earlier ordering complaint
        EXPECT_FALSE(e.message.empty());
    }
    const CliResult cli = run_cli("validate " + yaml);
    EXPECT_EQ(cli.exit_code, 1) << cli.output;
    EXPECT_NE(cli.output.find(trace_path() + ":"), std::string::npos) << cli.output;
}

// Runs the CLI as a child process and returns its exit status and peak resident set (KiB).
struct ChildRun {
    int exit_code = -1;
    long peak_rss_kib = 0;
};

ChildRun run_cli_measured(const std::vector<std::string>& arguments) {
    std::vector<char*> argv;
    std::string cli = LAMBDASIM_CLI_PATH;
    argv.push_back(cli.data());
    std::vector<std::string> copies = arguments;
    for (auto& a : copies) argv.push_back(a.data());
    argv.push_back(nullptr);
    std::fflush(nullptr);
    const pid_t child = ::fork();
    if (child == 0) {
        std::FILE* quiet = std::freopen("/dev/null", "w", stdout);
        (void)quiet;
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    ChildRun run;
    int status = 0;
    rusage usage{};
    if (child > 0 && ::wait4(child, &status, 0, &usage) == child) {
        run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        run.peak_rss_kib = usage.ru_maxrss;
    }
    return run;
}

// Writes `lines` timestamps, 10,000 per second, with 6 decimals (11 bytes a line).
void write_timestamps(const fs::path& path, std::uint64_t lines) {
    std::ofstream out(path, std::ios::binary);
    out << "time_s\n";
    std::string chunk;
    chunk.reserve(1 << 20);
    char number[32];
    for (std::uint64_t i = 0; i < lines; ++i) {
        // i / 10,000 s as integer arithmetic, so the text is exact.
        const std::uint64_t micros = i * 100;
        auto end = std::to_chars(number, number + sizeof number, micros / 1'000'000).ptr;
        *end++ = '.';
        const std::uint64_t fraction = micros % 1'000'000;
        for (std::uint64_t d = 100'000; d > 0; d /= 10) *end++ = static_cast<char>('0' + fraction / d % 10);
        *end++ = '\n';
        chunk.append(number, end);
        if (chunk.size() > (1 << 20) - 64) {
            out.write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
            chunk.clear();
        }
    }
    out.write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
}

TEST_F(TraceFile, LargeTraceOfTenMillionTimestampsIsStreamedNotLoaded) {
    // ~110 MB: 10 M arrivals over 1,000 s, written at test time; and the same run on a 40,000-line
    // trace as the baseline of what the process needs anyway.
    const auto run_on = [this](const std::string& name, std::uint64_t lines) {
        write_timestamps(tmp_ / (name + ".csv"), lines);
        const fs::path yaml = tmp_ / (name + ".yaml");
        std::ofstream(yaml) << "functions:\n  api: {duration: 10ms, timeout: 1s}\ntraffic:\n  replay:\n"
                               "    arrivals: {process: trace, file: "
                            << name << ".csv}\n    target: {function: api}\n";
        const fs::path out = tmp_ / ("out-" + name);
        const ChildRun run =
            run_cli_measured({"run", yaml.string(), "--duration", "3s", "--quiet", "--out", out.string()});
        EXPECT_EQ(run.exit_code, 0) << name;
        const Json summary = Json::parse(read_text(out / "summary.json"));
        EXPECT_EQ(summary["entry_points"]["replay"]["requests"], 30000) << name << ": 10,000 arrivals/s for 3 s";
        return run.peak_rss_kib * 1024;
    };
    const long small_peak = run_on("small", 40'000);
    const long big_peak = run_on("big", 10'000'000);
    const auto file_bytes = static_cast<long>(fs::file_size(tmp_ / "big.csv"));
    ASSERT_GT(file_bytes, 100L * 1000 * 1000);
    // Streaming keeps memory independent of the file size: loading 10 M timestamps would take at
    // least 80 MB of doubles. 16 MB of slack covers allocator and sanitizer noise.
    EXPECT_LT(big_peak - small_peak, 16L << 20) << "peak RSS " << big_peak / 1024 << " KiB on a " << file_bytes
                                                << " B trace vs " << small_peak / 1024 << " KiB on a 40,000-line trace";
    EXPECT_LT(big_peak, file_bytes / 2);
}

// ---------------------------------------------------------------------------------------------
// Seeds and names

const char* const kSmallScenario =
    "functions:\n  api: {duration: 10ms}\ntraffic:\n  users:\n"
    "    arrivals: {process: poisson, rate: 50/s}\n    target: {function: api}\n";

TEST(EdgeCases, TheLargestSixtyFourBitSeedIsAccepted) {
    const ScenarioSpec spec =
        load_scenario_text(std::string("seed: 18446744073709551615\nduration: 10s\n") + kSmallScenario, "seed.yaml");
    EXPECT_EQ(spec.seed, UINT64_MAX);
    const ModelRunResult r = run_model(spec);
    expect_consistent(r);
    EXPECT_GT(entry(r).requests, 0u);
    EXPECT_EQ(load_scenario_text(to_resolved_yaml(spec), "seed.yaml").seed, UINT64_MAX);
}

TEST(EdgeCases, ASeedOneAboveTheSixtyFourBitRangeIsALocatedError) {
    try {
        load_scenario_text(std::string("seed: 18446744073709551616\n") + kSmallScenario, "seed.yaml");
        FAIL() << "2^64 was accepted as a seed";
    } catch (const ScenarioError& e) {
        EXPECT_EQ(e.file, "seed.yaml");
        EXPECT_EQ(e.line, 1) << e.one_line();
        EXPECT_EQ(e.column, 7) << e.one_line();
        EXPECT_NE(e.message.find("18446744073709551615"), std::string::npos) << e.one_line();
    }
}

TEST(EdgeCases, AUnicodeFunctionNameIsALocatedErrorThatListsTheAllowedCharacters) {
    try {
        load_scenario_text("functions:\n  \xC6\x92unc:\n    duration: 1s\n", "unicode.yaml");
        FAIL() << "a function named ƒunc was accepted";
    } catch (const ScenarioError& e) {
        EXPECT_EQ(e.line, 2) << e.one_line();
        EXPECT_EQ(e.column, 3) << e.one_line();
        EXPECT_NE(e.one_line().find("not a valid function name"), std::string::npos) << e.one_line();
        EXPECT_NE(e.one_line().find("letters, digits"), std::string::npos) << e.one_line();
    }
}

TEST(EdgeCases, UnicodeInTheDescriptionIsKeptAndSurvivesTheResolvedRoundTrip) {
    const std::string description = "Ünïcødé — 日本語 ✓ \"quoted\"";
    const ScenarioSpec spec =
        load_scenario_text("description: '" + description + "'\n" + kSmallScenario, "unicode.yaml");
    EXPECT_EQ(spec.description, description);
    const std::string resolved = to_resolved_yaml(spec);
    const ScenarioSpec again = load_scenario_text(resolved, "unicode.yaml");
    EXPECT_EQ(again.description, description) << resolved;
    EXPECT_EQ(to_resolved_yaml(again), resolved);
}

}  // namespace
}  // namespace lambdasim
