#pragma once
// The scenario with every default filled in, as YAML that load_scenario_text reads back to an
// identical spec: what a results folder keeps as `scenario.resolved.yaml` (contract), so a run
// can be repeated exactly. Data files are written as absolute paths, so the text works from any
// folder. Optional settings that are absent (no reservation, the runtime's cold-start preset)
// are written as comments saying so.
#include <string>

#include "lambdasim/model/specs.hpp"

namespace lambdasim {

std::string to_resolved_yaml(const ScenarioSpec& spec);

}  // namespace lambdasim
