#pragma once
// Data files a scenario names: empirical distributions (one value a line) and arrival traces.
// Both are CSV-like text: blank lines and lines starting with `#` are skipped, and the first
// remaining line may be a header (anything that is not a number). Mistakes are reported at the
// data file's own line ("durations.csv:17:1: error: ...").
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "lambdasim/model/specs.hpp"

namespace lambdasim {

// The file's values, each converted to base units by `to_base_units` (which throws ScenarioError
// without a location for text it cannot read), sorted ascending. Negative values are an error.
// Empty when the file has no values.
std::vector<double> read_sample_file(const std::string& path,
                                     const std::function<double(std::string_view)>& to_base_units);

// Checks an arrival trace by streaming through it once (traces can be large):
//   timestamps  one arrival time per line, in seconds from the start (decimal), >= 0, sorted;
//   counts      `second,count` per line: seconds >= 0 strictly increasing, counts whole >= 0.
// Returns the number of arrivals the trace holds.
std::uint64_t check_trace_file(const std::string& path, TraceFormat format);

}  // namespace lambdasim
