#pragma once
#include <string>
#include <vector>

namespace lambdasim::cli {

// Each command receives the arguments after its name and returns the process exit code.
int run_command(const std::vector<std::string>& args);
int validate_command(const std::vector<std::string>& args);
int bench_command(const std::vector<std::string>& args);
int compare_command(const std::vector<std::string>& args);
int graph_command(const std::vector<std::string>& args);

}  // namespace lambdasim::cli
