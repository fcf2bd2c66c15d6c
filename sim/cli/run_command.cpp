#include <atomic>
#include <csignal>
#include <cstdio>
#include <iostream>

#include <fmt/format.h>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "lambdasim/io/run_to_folder.hpp"
#include "progress_line.hpp"
#include "scenario_options.hpp"
#include "summary_table.hpp"

namespace lambdasim::cli {
namespace po = boost::program_options;
namespace {

std::atomic<bool> g_stop_requested{false};
extern "C" void request_stop(int) { g_stop_requested = true; }

constexpr const char* kRunUsage =
    "usage: lambdasim run SCENARIO.yaml [--out DIR] [--seed N] [--duration T] [--period T] [--set K=V]... [--quiet]\n"
    "Runs the scenario and writes summary.json, timeseries.csv and scenario.resolved.yaml to the results folder\n"
    "(default results/<scenario>-<timestamp>). Ctrl-C stops at the next event and writes partial results.";

}  // namespace

int run_command(const std::vector<std::string>& args) {
    ScenarioOptions scenario;
    std::string out, seed, duration, period;
    bool quiet = false;
    po::options_description options("run options");
    options.add_options()("help,h", "show this help")("out,o", po::value(&out), "results folder")(
        "seed", po::value(&seed), "master random seed (overrides the scenario's `seed`)")(
        "duration", po::value(&duration), "simulated time, e.g. 10min (overrides `duration`)")(
        "period", po::value(&period), "time-series period, e.g. 1s or 1min (overrides `metrics_period`)")(
        "quiet,q", po::bool_switch(&quiet), "no progress line and no table");
    scenario.add_to(options);
    po::variables_map values;
    if (auto stop = parse_command_line(args, options, values, kRunUsage)) return *stop;

    std::vector<Override> overrides;
    if (!seed.empty()) overrides.push_back({"seed", seed, "--seed"});
    if (!duration.empty()) overrides.push_back({"duration", duration, "--duration"});
    if (!period.empty()) overrides.push_back({"metrics_period", period, "--period"});
    const auto spec = scenario.load(overrides);
    if (!spec) return kExitBadInput;

    g_stop_requested = false;
    std::signal(SIGINT, request_stop);
    std::signal(SIGTERM, request_stop);
    ProgressLine progress(!quiet);
    FolderRunOptions run_options;
    run_options.out = out;
    run_options.progress = [&](const RunProgress& p) {
        progress.update(p);
        return !g_stop_requested.load();
    };
    FolderRunResult result;
    try {
        result = run_to_folder(*spec, run_options);
    } catch (const std::exception& e) {
        progress.clear();
        fmt::print(stderr, "lambdasim: error: {}; no results folder was written\n", e.what());
        return kExitRunFailed;
    }
    progress.clear();
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    const auto& summary = result.summary;

    if (!quiet) print_summary_table(stdout, summary);
    fmt::print("\nresults: {}\n", result.folder.string());
    for (const auto& broken : result.broken_invariants) fmt::print(stderr, "lambdasim: invariant broken: {}\n", broken);
    if (!result.broken_invariants.empty()) return kExitRunFailed;
    if (result.interrupted) {
        fmt::print(stderr, "lambdasim: interrupted at {:.1f} s simulated; partial results are marked \"interrupted\": true\n",
                   summary["simulated_seconds"].get<double>());
        return kExitInterrupted;
    }
    return kExitOk;
}

}  // namespace lambdasim::cli
