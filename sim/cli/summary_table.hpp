#pragma once
#include <cstdio>

#include <nlohmann/json.hpp>

namespace lambdasim::cli {

// A compact table per function and entry point, read from the summary so that what the user
// sees is exactly what summary.json says.
void print_summary_table(std::FILE* out, const nlohmann::ordered_json& summary);

}  // namespace lambdasim::cli
