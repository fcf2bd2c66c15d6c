// `lambdasim bench [--json]`: engine and model throughput in a fixed, short budget, on the
// same workloads as tests/bench (Google Benchmark).
#include <sys/resource.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <boost/program_options.hpp>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "lambdasim/engine/hold_model.hpp"
#include "lambdasim/model/benchmark_scenarios.hpp"
#include "lambdasim/model/model_run.hpp"
#include "lambdasim/version.hpp"

namespace lambdasim::cli {
namespace po = boost::program_options;
namespace {

double peak_rss_mb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

}  // namespace

int bench_command(const std::vector<std::string>& args) {
    bool json = false;
    po::options_description options("bench options");
    options.add_options()("help,h", "show this help")("json", po::bool_switch(&json), "print one JSON object");
    po::variables_map values;
    try {
        po::store(po::command_line_parser(args).options(options).run(), values);
        po::notify(values);
    } catch (const po::error& e) {
        fmt::print(stderr, "lambdasim: error: {} (see --help)\n", e.what());
        return kExitBadInput;
    }
    if (values.count("help")) {
        fmt::print("usage: lambdasim bench [--json]\nEngine hold model (10^4 pending events) and the reference model workload\n"
                   "(Poisson 10,000 req/s, 100 ms, reserved 2,000); takes about 10 s.\n");
        return kExitOk;
    }
    if (!json) fmt::print("engine: hold model, 10,000 pending events ...\n");
    const HoldModelResult hold = run_hold_model(10'000, 50'000'000);
    if (!json) fmt::print("model: Poisson 10,000 req/s, 100 ms, reserved 2,000, 10 simulated minutes ...\n");
    const ScenarioSpec spec = reference_model_workload(600 * kSecond);
    const ModelRunResult model = run_model(spec);
    const double invocations = static_cast<double>(model.metrics->function(0).total.invocations);

    nlohmann::ordered_json j;
    j["engine_events_per_second"] = hold.events_per_second();
    j["ns_per_event"] = 1e9 / hold.events_per_second();
    j["model_invocations_per_second"] = invocations / model.wall_seconds;
    j["model_events_per_second"] = static_cast<double>(model.events) / model.wall_seconds;
    j["peak_rss_mb"] = peak_rss_mb();
    j["version"] = kVersion;
    j["source_revision"] = kSourceRevision;
    if (json) {
        fmt::print("{}\n", j.dump());
        return kExitOk;
    }
    fmt::print("\n  engine events/s           {:>12.2f} M   ({:.1f} ns/event)\n", hold.events_per_second() / 1e6,
               1e9 / hold.events_per_second());
    fmt::print("  model invocations/s       {:>12.2f} M   ({:.2f} M events/s)\n",
               j["model_invocations_per_second"].get<double>() / 1e6, j["model_events_per_second"].get<double>() / 1e6);
    fmt::print("  peak resident memory      {:>12.1f} MB\n", j["peak_rss_mb"].get<double>());
    return kExitOk;
}

}  // namespace lambdasim::cli
