#pragma once
// summary.json: totals and percentiles per function, entry point and for the account, plus
// what produced them (seed, span, engine statistics, version). Keys are a contract.
#include <nlohmann/json.hpp>

#include "lambdasim/model/model_run.hpp"
#include "lambdasim/model/specs.hpp"

namespace lambdasim {

nlohmann::ordered_json make_summary(const ScenarioSpec& spec, const ModelRunResult& run);

// The keys that change from run to run of the same scenario and seed (wall-clock figures).
bool is_wall_clock_key(std::string_view key);

}  // namespace lambdasim
