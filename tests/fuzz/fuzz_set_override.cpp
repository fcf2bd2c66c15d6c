// libFuzzer target: arbitrary bytes as one `--set KEY=VALUE` argument, applied on top of a small
// valid scenario. Only lambdasim::ScenarioError may escape parse_override and the loader; any
// other exception, crash, hang or sanitizer report is a finding. A ScenarioError must carry a
// location (line >= 0) and a message.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>

#include "lambdasim/model/model_run.hpp"
#include "lambdasim/scenario/loader.hpp"
#include "lambdasim/scenario/override.hpp"

namespace {

constexpr std::size_t kMaxInputBytes = 4096;
constexpr std::uint64_t kMaxEvents = 20000;

// Every section the overrides can reach, so paths into maps and lists exist.
const char* const kBaseScenario = R"(name: fuzz-base
duration: 1min
seed: 3
metrics_period: 10s
account:
  concurrency_limit: 100
  unreserved_minimum: 10
  scaling: {mode: per_function, environments: 50, per: 10s}
api_gateway: {rate: 100/s, burst: 50, integration_timeout: 29s}
functions:
  api:
    memory: 512MB
    timeout: 10s
    reserved_concurrency: 20
    provisioned_concurrency: 5
    duration: {dist: lognormal, p50: 70ms, p99: 250ms}
  worker:
    runtime: java
    duration: {dist: uniform, min: 1s, max: 3s}
    idle_lifetime: 5min
traffic:
  users:
    arrivals:
      process: steps
      steps:
        - {at: 0s, rate: 20/s}
        - {at: 30s, rate: 40/s}
    target: {function: api}
    via: api_gateway
  batch:
    arrivals: {process: burst, count: 50, at: 10s, window: 5s}
    target: {function: worker}
    client: {max_attempts: 2}
)";

[[noreturn]] void finding(const char* what, const std::string& detail) {
    std::fprintf(stderr, "\n==== lambdasim fuzz finding: %s\n%s\n====\n", what, detail.c_str());
    std::abort();
}

void check_located(const lambdasim::ScenarioError& e) {
    if (e.line < 0 || e.column < 0 || e.message.empty()) finding("a ScenarioError without a location", e.one_line());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > kMaxInputBytes) return -1;
    const std::string text(reinterpret_cast<const char*>(data), size);

    lambdasim::Override override_;
    try {
        override_ = lambdasim::parse_override(text);
    } catch (const lambdasim::ScenarioError& e) {
        check_located(e);
        return 0;
    } catch (const std::exception& e) {
        finding("parse_override threw something other than ScenarioError", e.what());
    }

    lambdasim::ScenarioSpec spec;
    try {
        spec = lambdasim::load_scenario_text(kBaseScenario, "fuzz.yaml", {override_});
    } catch (const lambdasim::ScenarioError& e) {
        check_located(e);
        return 0;
    } catch (const std::exception& e) {
        finding("load_scenario_text with an override threw something other than ScenarioError", e.what());
    }

    try {
        lambdasim::ModelRunOptions options;
        options.max_events = kMaxEvents;
        const lambdasim::ModelRunResult result = lambdasim::run_model(spec, options);
        if (!result.broken_invariants.empty())
            finding("run_model broke an end-of-run invariant", result.broken_invariants[0]);
    } catch (const lambdasim::ScenarioError& e) {
        check_located(e);
    } catch (const std::exception& e) {
        finding("run_model threw", e.what());
    }
    return 0;
}
