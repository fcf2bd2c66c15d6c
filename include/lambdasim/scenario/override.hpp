#pragma once
// Command-line overrides: `--set path.to.key=value`. The value is YAML (so `--set
// functions.api.duration={dist: constant, value: 1s}` works); the path names map keys (and list
// indices: `traffic.users.arrivals.steps.1.rate=50/s`) and may create keys the file lacks.
// Whether the path names a key the schema knows is checked afterwards, by the same strict
// reader that checks the file, and reported at `--set`.
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "lambdasim/scenario/scenario_error.hpp"

namespace lambdasim {

struct Override {
    std::string path;    // "functions.api.memory"
    std::string value;   // "512MB"
    std::string option = {};  // the command-line option it came from when not --set, e.g. "--duration"
};

// An error about an override's text: at `--set:1:COLUMN`, or at the named option (whose text
// the user typed without the `KEY=` part, so no column is given).
ScenarioError override_error(const Override& o, int column, std::string message, std::string hint);

// Splits "KEY=VALUE" at the first '='. Throws ScenarioError (file "--set", line 1, column of
// the problem) when there is no '=' or the key is not a dotted path of names.
Override parse_override(const std::string& key_equals_value);

// The 1-based column, in the "KEY=VALUE" text, of the `segment`-th (0-based) segment of the key,
// and of the start of the value.
int override_segment_column(const Override& override_, std::size_t segment);
int override_value_column(const Override& override_);

// Applies the overrides, in order, to a parsed scenario. Throws ScenarioError at "--set" when a
// value is not valid YAML or a path runs through something that is not a map or list.
void apply_overrides(YAML::Node& root, const std::vector<Override>& overrides);

}  // namespace lambdasim
