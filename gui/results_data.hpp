#pragma once
// A results folder read back into memory for the dashboard: summary.json, timeseries.csv (long
// form `time_s,entity,metric,value`, pivoted to one series per entity and metric) and the
// limits from scenario.resolved.yaml. No Qt here, so the tests and any future tool can use it.
#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "lambdasim/model/specs.hpp"

namespace lambdasim::gui {

using Json = nlohmann::ordered_json;

// One metric of one entity over time; time_s is the period start, increasing.
struct TimeSeries {
    std::vector<double> time_s;
    std::vector<double> value;
    std::size_t size() const { return time_s.size(); }
    double total() const;
    double max() const;
};

// Why a results folder could not be read: the file and a one-line message a user can act on.
struct ResultsLoadError : std::runtime_error {
    ResultsLoadError(std::string file, const std::string& message);
    std::string file;
};

struct ResultsData {
    std::filesystem::path folder;
    Json summary;  // ordered: functions and entry points keep the order of the run
    // From scenario.resolved.yaml; absent when that file is missing or no longer loads (then
    // limits fall back to summary.json and `spec_warning` says why).
    std::optional<ScenarioSpec> spec;
    std::string spec_warning;
    std::vector<std::string> functions;                                                         // in summary.json order
    std::vector<std::string> entry_points;                                                      // in summary.json order
    std::map<std::string, std::map<std::string, TimeSeries, std::less<>>, std::less<>> series;  // entity -> metric
    double period_s = 1;
    double end_s = 0;  // simulated_seconds (where an interrupted run stopped): the time axis is [0, end_s]

    std::string scenario_name() const;
    bool interrupted() const;
    int concurrency_limit() const;
    // nullptr when the series is absent.
    const TimeSeries* find(std::string_view entity, std::string_view metric) const;
};

// The member at `path` inside `j`, or a null json when any step is missing or not an object
// (summary.json files from other versions, or a live run without a summary yet).
const Json& json_at(const Json& j, std::initializer_list<std::string_view> path);

// Throws ResultsLoadError: missing folder or file, invalid JSON, malformed or truncated CSV
// (also when cut at a line boundary: per-function Invocations and Throttles must add up to
// summary.json's totals).
ResultsData load_results_folder(const std::filesystem::path& folder);

// Parses timeseries.csv text into `out.series` (and period_s, end_s). `label` names the file in
// errors. Throws ResultsLoadError on a malformed or truncated line.
void parse_timeseries_csv(std::string_view text, const std::string& label, ResultsData& out);

}  // namespace lambdasim::gui
