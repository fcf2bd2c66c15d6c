#pragma once
// Options shared by the commands that load a scenario: the file and its --set overrides.
#include <optional>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "lambdasim/model/specs.hpp"
#include "lambdasim/scenario/loader.hpp"

namespace lambdasim::cli {

struct ScenarioOptions {
    std::string file;
    std::vector<std::string> sets;
    void add_to(boost::program_options::options_description& options);
    // Loads the scenario with the overrides; prints the located error and returns nullopt
    // on a user mistake.
    std::optional<ScenarioSpec> load(const std::vector<Override>& extra = {}) const;
};

// Parses `args` against `options` (with SCENARIO as the one positional argument). Prints the
// error or help; returns an exit code when the command should stop, nullopt to go on.
std::optional<int> parse_command_line(const std::vector<std::string>& args,
                                      const boost::program_options::options_description& options,
                                      boost::program_options::variables_map& values, const char* usage);

}  // namespace lambdasim::cli
