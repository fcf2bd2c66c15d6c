#include "scenario_options.hpp"

#include <cstdio>
#include <iostream>

#include <fmt/format.h>

#include "exit_codes.hpp"
#include "lambdasim/scenario/scenario_error.hpp"

namespace lambdasim::cli {
namespace po = boost::program_options;

void ScenarioOptions::add_to(po::options_description& options) {
    options.add_options()("scenario", po::value(&file), "scenario YAML file")(
        "set", po::value(&sets)->composing(), "override a scenario key: --set functions.api.memory=2048MB (repeatable)");
}

std::optional<ScenarioSpec> ScenarioOptions::load(const std::vector<Override>& extra) const {
    try {
        std::vector<Override> overrides = extra;
        for (const std::string& s : sets) overrides.push_back(parse_override(s));
        return load_scenario_file(file, overrides);
    } catch (const ScenarioError& e) {
        fmt::print(stderr, "{}\n", e.one_line());
        return std::nullopt;
    }
}

std::optional<int> parse_command_line(const std::vector<std::string>& args, const po::options_description& options,
                                      po::variables_map& values, const char* usage) {
    po::positional_options_description positional;
    positional.add("scenario", 1);
    try {
        po::store(po::command_line_parser(args).options(options).positional(positional).run(), values);
        po::notify(values);
    } catch (const po::error& e) {
        fmt::print(stderr, "lambdasim: error: {} (see --help)\n", e.what());
        return kExitBadInput;
    }
    if (values.count("help")) {
        fmt::print("{}\n", usage);
        std::cout << options;
        return kExitOk;
    }
    if (!values.count("scenario")) {
        fmt::print(stderr, "lambdasim: error: no scenario file given\n{}\n", usage);
        return kExitBadInput;
    }
    return std::nullopt;
}

}  // namespace lambdasim::cli
