#pragma once
// Runs a scenario and writes its results folder (summary.json, timeseries.csv,
// scenario.resolved.yaml) atomically. Shared by the CLI and the dashboard's worker thread, so
// both produce the same results for the same scenario and seed.
#include <filesystem>
#include <functional>
#include <string>

#include <nlohmann/json.hpp>

#include "lambdasim/model/model_run.hpp"

namespace lambdasim {

struct FolderRunOptions {
    std::filesystem::path out;  // empty: results/<scenario>-<timestamp>
    ProgressCallback progress;  // return false to stop the run (partial results are written)
    TimeSeriesSink* live = nullptr;  // also receives every time-series row as it is written (dashboard)
};

struct FolderRunResult {
    std::filesystem::path folder;
    nlohmann::ordered_json summary;
    bool interrupted = false;
    std::vector<std::string> broken_invariants;
};

// Throws std::runtime_error on I/O errors (then no results folder appears).
FolderRunResult run_to_folder(const ScenarioSpec& spec, const FolderRunOptions& options);

}  // namespace lambdasim
