#pragma once
// The classic "hold" benchmark of event-list performance: keep N events pending; each event,
// when it fires, schedules one more at now + a random increment. It measures the engine alone
// (queue + dispatch), independent of any model. Used by tests/bench and `lambdasim bench`.
#include <cstddef>
#include <cstdint>

namespace lambdasim {

struct HoldModelResult {
    std::uint64_t events = 0;
    double wall_seconds = 0;
    double events_per_second() const { return wall_seconds > 0 ? static_cast<double>(events) / wall_seconds : 0; }
};

HoldModelResult run_hold_model(std::size_t pending, std::uint64_t events, std::uint64_t seed = 1);

}  // namespace lambdasim
