#pragma once
// Turns a YAML node into a location a user can open: a line and column in the scenario file, or
// a column in the `--set KEY=VALUE` text the node came from.
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "lambdasim/scenario/override.hpp"
#include "lambdasim/scenario/scenario_error.hpp"

namespace lambdasim {

class SourceLocator {
public:
    SourceLocator(std::string file_label, std::vector<Override> overrides);

    // An error about `node`, found at the dotted key `path`. `at_key` when the error is about the
    // key itself (an unknown key) rather than its value.
    ScenarioError error(const YAML::Node& node, const std::string& path, bool at_key, std::string message,
                        std::string hint) const;
    // An error at a 0-based mark in the scenario file (YAML syntax errors).
    ScenarioError error_at_mark(const YAML::Mark& mark, std::string message, std::string hint) const;

    const std::string& file() const { return file_; }

private:
    std::string file_;
    std::vector<Override> overrides_;
};

}  // namespace lambdasim
