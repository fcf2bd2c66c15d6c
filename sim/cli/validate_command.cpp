#include <fmt/format.h>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "scenario_options.hpp"

namespace lambdasim::cli {
namespace po = boost::program_options;

int validate_command(const std::vector<std::string>& args) {
    ScenarioOptions scenario;
    po::options_description options("validate options");
    options.add_options()("help,h", "show this help");
    scenario.add_to(options);
    po::variables_map values;
    if (auto stop = parse_command_line(args, options, values, "usage: lambdasim validate SCENARIO.yaml [--set K=V]...")) return *stop;
    const auto spec = scenario.load();
    if (!spec) return kExitBadInput;
    std::size_t schedules = 0;
    for (const auto& t : spec->traffic) schedules += t.is_schedule() ? 1 : 0;
    std::size_t calls = 0;
    for (const auto& f : spec->functions) calls += f.calls.size();
    fmt::print(
        "{}: ok ({} functions, {} traffic sources, {} schedules, {} queues, {} topics, {} buckets, {} tables, "
        "{} event source mappings, {} service calls, {} s simulated)\n",
        scenario.file, spec->functions.size(), spec->traffic.size() - schedules, schedules, spec->queues.size(),
        spec->topics.size(), spec->buckets.size(), spec->tables.size(), spec->event_source_mappings.size(), calls,
        to_seconds(spec->duration));
    return kExitOk;
}

}  // namespace lambdasim::cli
