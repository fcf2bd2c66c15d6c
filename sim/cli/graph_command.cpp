#include <fmt/format.h>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "lambdasim/scenario/topology.hpp"
#include "scenario_options.hpp"

namespace lambdasim::cli {
namespace po = boost::program_options;

// Prints the scenario's topology as Graphviz DOT on stdout, e.g. `lambdasim graph s.yaml | dot -Tsvg`.
int graph_command(const std::vector<std::string>& args) {
    ScenarioOptions scenario;
    po::options_description options("graph options");
    options.add_options()("help,h", "show this help");
    scenario.add_to(options);
    po::variables_map values;
    if (auto stop = parse_command_line(args, options, values,
                                       "usage: lambdasim graph SCENARIO.yaml [--set K=V]...  (Graphviz DOT on stdout)"))
        return *stop;
    const auto spec = scenario.load();
    if (!spec) return kExitBadInput;
    fmt::print("{}", topology_to_dot(build_topology(*spec), spec->name));
    return kExitOk;
}

}  // namespace lambdasim::cli
