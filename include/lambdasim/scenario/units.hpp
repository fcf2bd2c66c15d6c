#pragma once
// Quantities with units, as written in scenario files and printed in resolved ones.
//
//   durations  120ms, 1.5s, 15min, 2h     units ns, us, ms, s, min, h, d      -> SimTime (ns)
//   rates      45/s, 500/min, 0.5/h       periods s, min, h                   -> per second
//   sizes      512B, 64KB, 1769MB, 10GB   units B, KB, MB, GB (binary)        -> bytes
//
// Sizes are binary: KB = 1024 B, MB = 1024^2 B, GB = 1024^3 B (KiB, MiB, GiB are accepted as
// the same units). AWS quotes its limits this way: the "10,240 MB" memory maximum and the
// "6 MB" payload limit are MiB.
//
// A number without a unit is always an error (even 0: write 0s, 0/s, 0B), so that `timeout: 30`
// never silently means 30 ns or 30 minutes. The number may be a decimal and may use an
// exponent (1e3/s); a space between number and unit is accepted. Durations are converted
// exactly (decimal arithmetic, rounded to the nearest nanosecond).
//
// The parse_* functions throw ScenarioError without a location (file empty, line 0); the YAML
// reader rethrows it at the offending node. The format_* functions print what parse_* reads back
// to the identical value, with the largest unit that divides the value exactly.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lambdasim/engine/time.hpp"

namespace lambdasim {

SimTime parse_duration(std::string_view text);
double parse_rate(std::string_view text);  // per second
double parse_size(std::string_view text);  // bytes

std::string format_duration(SimTime t);      // 1500ms, 2h, 0s, -3s
std::string format_rate(double per_second);  // 45/s, 500/min, 0.1/s
std::string format_size(double bytes);       // 5MB, 1536B, 10GB

// A plain number without a unit (cpu_bound: 0.5); finite; exponent allowed. Throws like parse_*.
double parse_plain_number(std::string_view text);
// The shortest text that parse_plain_number reads back to the same double.
std::string format_plain_number(double value);

// Unit tables, for files whose numbers carry their unit in a separate key (empirical CSVs).
std::optional<SimTime> duration_unit(std::string_view name);   // "ms" -> 1'000'000
std::optional<double> size_unit_bytes(std::string_view name);  // "KB" -> 1024
const std::vector<std::string>& duration_unit_names();         // ns, us, ms, s, min, h, d
const std::vector<std::string>& size_unit_names();             // B, KB, MB, GB
// The name of a unit whose scale is exactly `ns` / `bytes` (largest first), if any.
std::optional<std::string> duration_unit_name(SimTime ns);
std::optional<std::string> size_unit_name(double bytes);

}  // namespace lambdasim
