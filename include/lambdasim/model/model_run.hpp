#pragma once
// Runs a scenario's model from start to end (or until cancelled) and returns what it measured.
// Shared by the CLI, the tests and (later) the dashboard's worker thread.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "lambdasim/engine/simulator.hpp"
#include "lambdasim/metrics/recorder.hpp"
#include "lambdasim/model/lambda_model.hpp"
#include "lambdasim/model/specs.hpp"

namespace lambdasim {

struct ModelRunOptions {
    TimeSeriesSink* sink = nullptr;
    ProgressCallback progress;  // return false to stop (interrupt)
    std::uint64_t max_events = UINT64_MAX;
};

struct ModelRunResult {
    std::unique_ptr<MetricsRecorder> metrics;
    std::uint64_t events = 0;
    double wall_seconds = 0;
    SimTime simulated_end = 0;  // the time reached (the scenario's duration unless interrupted)
    bool interrupted = false;
    RequestLedger ledger;
    std::vector<std::uint64_t> flow_in_flight;         // per traffic source
    std::vector<int> mapping_max_concurrent_batches;   // per event source mapping
    int unreserved_capacity = 0;           // at the end of the run
    std::vector<std::string> broken_invariants;  // empty when the run is consistent
    std::uint64_t events_scheduled_in_the_past = 0;
};

ModelRunResult run_model(const ScenarioSpec& spec, const ModelRunOptions& options = {});

}  // namespace lambdasim
