// libFuzzer target: arbitrary bytes as a scenario file.
//
// Properties checked on every input:
// - loading either succeeds or throws lambdasim::ScenarioError; any other exception, crash,
//   hang or sanitizer report is a finding;
// - a loaded scenario survives the `scenario.resolved.yaml` round trip (contract): its resolved
//   text loads again and resolves to the identical text;
// - the model runs it for a bounded number of events (a valid scenario may ask for 1e9 req/s,
//   so the event budget, not the simulated duration, bounds the time) without breaking an
//   end-of-run invariant.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>

#include "lambdasim/model/model_run.hpp"
#include "lambdasim/scenario/loader.hpp"
#include "lambdasim/scenario/resolved_writer.hpp"

namespace {

constexpr std::size_t kMaxInputBytes = 64 * 1024;  // larger inputs only slow the fuzzer down
constexpr std::uint64_t kMaxEvents = 20000;

[[noreturn]] void finding(const char* what, const std::string& detail) {
    std::fprintf(stderr, "\n==== lambdasim fuzz finding: %s\n%s\n====\n", what, detail.c_str());
    std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > kMaxInputBytes) return -1;  // not added to the corpus
    const std::string text(reinterpret_cast<const char*>(data), size);

    lambdasim::ScenarioSpec spec;
    try {
        spec = lambdasim::load_scenario_text(text, "fuzz.yaml");
    } catch (const lambdasim::ScenarioError&) {
        return 0;  // a located user error: the expected outcome for most inputs
    } catch (const std::exception& e) {
        finding("load_scenario_text threw something other than ScenarioError", e.what());
    }

    std::string resolved;
    try {
        resolved = lambdasim::to_resolved_yaml(spec);
        const lambdasim::ScenarioSpec reloaded = lambdasim::load_scenario_text(resolved, "fuzz.yaml");
        const std::string resolved_again = lambdasim::to_resolved_yaml(reloaded);
        if (resolved_again != resolved)
            finding("the resolved scenario does not resolve to itself",
                    "first:\n" + resolved + "\nsecond:\n" + resolved_again);
    } catch (const lambdasim::ScenarioError& e) {
        finding("the resolved scenario does not load again", e.one_line() + "\nresolved text:\n" + resolved);
    } catch (const std::exception& e) {
        finding("the resolved round trip threw", e.what());
    }

    try {
        lambdasim::ModelRunOptions options;
        options.max_events = kMaxEvents;
        const lambdasim::ModelRunResult result = lambdasim::run_model(spec, options);
        if (!result.broken_invariants.empty()) {
            std::string all;
            for (const auto& b : result.broken_invariants) all += b + "\n";
            finding("run_model broke an end-of-run invariant", all + "scenario:\n" + resolved);
        }
    } catch (const lambdasim::ScenarioError&) {
        // A data file (trace) can turn out to be malformed only while it is streamed.
    } catch (const std::exception& e) {
        finding("run_model threw", e.what());
    }
    return 0;
}
