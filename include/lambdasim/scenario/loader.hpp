#pragma once
// Scenario file (YAML) -> ScenarioSpec, strictly: unknown keys, wrong types, missing units and
// impossible values are ScenarioErrors at file:line:column with a hint. The schema, with every
// default, is in the README's scenario reference; the defaults themselves live in specs.hpp.
//
// Relative data-file paths (empirical distributions, traces) resolve against the scenario file's
// folder (for load_scenario_text: the folder of `file_label`, else the working directory) and
// are stored absolute in the spec.
#include <string>
#include <vector>

#include "lambdasim/model/specs.hpp"
#include "lambdasim/scenario/override.hpp"
#include "lambdasim/scenario/scenario_error.hpp"

namespace lambdasim {

ScenarioSpec load_scenario_file(const std::string& path, const std::vector<Override>& overrides = {});

// `file_label` is the name errors report (and, without a `name:` key, the scenario's name is
// its stem).
ScenarioSpec load_scenario_text(const std::string& yaml_text, const std::string& file_label,
                                const std::vector<Override>& overrides = {});

}  // namespace lambdasim
