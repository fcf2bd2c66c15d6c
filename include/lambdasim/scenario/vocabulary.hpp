#pragma once
// The words a scenario file uses for each choice (runtime: python, dist: lognormal, ...), in one
// place so the loader, the resolved writer and the documentation agree.
#include <string>
#include <utility>
#include <vector>

#include "lambdasim/model/specs.hpp"

namespace lambdasim::vocabulary {

template <typename Enum>
using Choices = std::vector<std::pair<std::string, Enum>>;

const Choices<Runtime>& runtimes();                      // nodejs, python, java, ...
const Choices<PackageType>& package_types();             // zip, image
const Choices<ScalingMode>& scaling_modes();             // per_function, legacy
const Choices<DistributionKind>& distributions();        // constant, exponential, ...
const Choices<ArrivalProcessKind>& arrival_processes();  // poisson, constant, steps, ...
const Choices<TraceFormat>& trace_formats();             // timestamps, counts
const Choices<InvocationType>& invocation_types();       // sync, async
const Choices<bool>& queue_types();                      // standard (false), fifo (true): QueueSpec::fifo
const Choices<CapacityMode>& capacity_modes();           // on_demand, provisioned
const Choices<bool>& call_timings();                     // after (false), before (true): CallSpec::before_handler
const Choices<CallSpec::Kind>& bucket_actions();         // put, get
const Choices<CallSpec::Kind>& table_actions();          // write, read (put, get accepted too)

// The word for a value: choice_word(runtimes(), Runtime::Python) == "python".
template <typename Enum>
std::string word(const Choices<Enum>& choices, Enum value) {
    for (const auto& [name, v] : choices)
        if (v == value) return name;
    return "unknown";
}

}  // namespace lambdasim::vocabulary
