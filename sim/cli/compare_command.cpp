// `lambdasim compare A.yaml B.yaml [--replications R] [--seed N] [--out DIR] [--set K=V]...`:
// runs both designs R times under common random numbers (replication i uses seed N+i for
// both) and prints the figures side by side with 95 % confidence intervals and a verdict.
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <filesystem>

#include <fmt/format.h>

#include <boost/program_options.hpp>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "lambdasim/io/comparison.hpp"
#include "lambdasim/io/results_folder.hpp"
#include "lambdasim/scenario/loader.hpp"
#include "lambdasim/scenario/scenario_error.hpp"

namespace lambdasim::cli {
namespace po = boost::program_options;
namespace {

constexpr const char* kUsage =
    "usage: lambdasim compare A.yaml B.yaml [--replications R] [--seed N] [--duration T] [--out DIR] [--set K=V]...\n"
    "Runs both scenarios R times with seeds N, N+1, ... (the same seed for A and B in each replication, so traffic\n"
    "sources and functions with the same names see the same random draws) and compares them with 95 % confidence\n"
    "intervals. Writes compare.json and compare.csv to DIR (default results/compare-<A>-vs-<B>-<timestamp>).";

// Readable numbers: whole numbers from 100 up, two decimals from 1, four significant digits below.
std::string readable(double x) {
    if (std::abs(x) >= 100) return fmt::format("{:.0f}", x);
    if (std::abs(x) >= 1) return fmt::format("{:.2f}", x);
    return fmt::format("{:.4g}", x);
}

}  // namespace

int compare_command(const std::vector<std::string>& args) {
    std::vector<std::string> files, sets;
    int replications = 5;
    std::uint64_t seed = 1;
    std::string out, duration;
    po::options_description options("compare options");
    options.add_options()("help,h", "show this help")("replications,r", po::value(&replications), "replications (default 5)")(
        "seed", po::value(&seed), "seed of the first replication (default 1)")(
        "duration", po::value(&duration), "simulated time of each run, e.g. 30min")(
        "out,o", po::value(&out), "folder for compare.json and compare.csv")(
        "set", po::value(&sets)->composing(), "override a key in both scenarios (repeatable)")(
        "scenarios", po::value(&files), "the two scenario files");
    po::positional_options_description positional;
    positional.add("scenarios", 2);
    po::variables_map values;
    try {
        po::store(po::command_line_parser(args).options(options).positional(positional).run(), values);
        po::notify(values);
    } catch (const po::error& e) {
        fmt::print(stderr, "lambdasim: error: {} (see --help)\n", e.what());
        return kExitBadInput;
    }
    if (values.count("help")) {
        fmt::print("{}\n", kUsage);
        return kExitOk;
    }
    if (files.size() != 2) {
        fmt::print(stderr, "lambdasim: error: compare needs exactly two scenario files\n{}\n", kUsage);
        return kExitBadInput;
    }
    if (replications < 2 || replications > 1000) {
        fmt::print(stderr, "lambdasim: error: --replications must be 2 to 1000 (confidence intervals need at least 2)\n");
        return kExitBadInput;
    }

    std::vector<ScenarioSpec> specs;
    try {
        std::vector<Override> overrides;
        for (const auto& s : sets) overrides.push_back(parse_override(s));
        if (!duration.empty()) overrides.push_back({"duration", duration, "--duration"});
        for (const auto& f : files) specs.push_back(load_scenario_file(f, overrides));
    } catch (const ScenarioError& e) {
        fmt::print(stderr, "{}\n", e.one_line());
        return kExitBadInput;
    }

    std::vector<ReplicationFigures> a, b;
    for (int i = 0; i < replications; ++i) {
        for (int side = 0; side < 2; ++side) {
            ScenarioSpec spec = specs[side];
            spec.seed = seed + static_cast<std::uint64_t>(i);
            const ModelRunResult run = run_model(spec);
            for (const auto& broken : run.broken_invariants)
                fmt::print(stderr, "lambdasim: invariant broken in {} seed {}: {}\n", spec.name, spec.seed, broken);
            if (!run.broken_invariants.empty()) return kExitRunFailed;
            (side == 0 ? a : b).push_back(figures_of(spec, run));
        }
        if (::isatty(STDERR_FILENO)) fmt::print(stderr, "\r  replication {}/{} done", i + 1, replications);
    }
    if (::isatty(STDERR_FILENO)) fmt::print(stderr, "\n");

    const auto rows = compare_replications(a, b);
    const std::string text = verdict(specs[0].name, specs[1].name, rows);
    fmt::print("\n{:<30} {:>24} {:>24} {:>26}\n", "figure (mean ± 95 % CI)", "A: " + specs[0].name,
               "B: " + specs[1].name, "B - A (paired)");
    for (const auto& r : rows)
        fmt::print("{:<30} {:>24} {:>24} {:>24} {}\n", r.figure,
                   fmt::format("{} ± {}", readable(r.a_mean), readable(r.a_half_width)),
                   fmt::format("{} ± {}", readable(r.b_mean), readable(r.b_half_width)),
                   fmt::format("{}{} ± {}", r.difference_mean >= 0 ? "+" : "", readable(r.difference_mean),
                               readable(r.difference_half_width)),
                   r.significant() ? "*" : " ");
    fmt::print("(* the difference is significant at 95 %)\n\n{}\n", text);

    try {
        const std::filesystem::path target =
            out.empty() ? default_results_path("results", fmt::format("compare-{}-vs-{}", specs[0].name, specs[1].name))
                        : std::filesystem::path(out);
        ResultsFolder folder(target);
        folder.write_file("compare.json",
                          comparison_json(specs[0].name, specs[1].name, replications, seed, rows, text).dump(2) + "\n");
        folder.write_file("compare.csv", comparison_csv(rows));
        folder.commit();
        fmt::print("\nresults: {}\n", folder.final_path().string());
    } catch (const std::exception& e) {
        fmt::print(stderr, "lambdasim: error: {}\n", e.what());
        return kExitRunFailed;
    }
    return kExitOk;
}

}  // namespace lambdasim::cli
