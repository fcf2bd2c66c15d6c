#pragma once
// Cold-start (init) duration presets per runtime, and how memory changes speed.
#include <string_view>

#include "lambdasim/model/specs.hpp"

namespace lambdasim {

// Memory at which the presets are stated: the common setting of the third-party measurements.
inline constexpr int kPresetReferenceMemoryMb = 1024;

// ASSUMPTION: AWS does not document cold-start durations. The presets are lognormal fits to
// indicative third-party figures (Node.js / Python / Go / Rust typically 100-500 ms, Java and
// .NET often 1-5 s without SnapStart, container images slower): see README "Assumptions".
DistributionSpec runtime_init_preset(Runtime runtime);

std::string_view name_of(Runtime runtime);

// vCPU share given by memory: 1,769 MB = 1 vCPU, at most 6 (`configuration-memory`).
double vcpu_share(int memory_mb);

// Factor applied to a time measured at `reference_mb`: the CPU-bound fraction scales with the
// vCPU ratio, the rest (waiting on I/O) does not.
double speed_scale(int memory_mb, int reference_mb, double cpu_bound);

}  // namespace lambdasim
