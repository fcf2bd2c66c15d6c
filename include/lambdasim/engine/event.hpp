#pragma once
// An event record: small and trivially copyable so the queue never allocates per event.
#include <cstdint>
#include <type_traits>

#include "lambdasim/engine/time.hpp"

namespace lambdasim {

using HandlerId = std::uint32_t;

struct Event {
    SimTime time = 0;
    std::uint64_t sequence = 0;  // insertion order: ties at equal time resolve FIFO
    HandlerId handler = 0;       // who receives it (registered with the Simulator)
    std::uint32_t kind = 0;      // what it means, interpreted by the handler
    std::uint64_t subject = 0;   // payload word: usually an entity index
    std::uint64_t token = 0;     // payload word: usually a generation for lazy cancellation
};
static_assert(std::is_trivially_copyable_v<Event>);

inline bool fires_before(const Event& a, const Event& b) {
    return a.time < b.time || (a.time == b.time && a.sequence < b.sequence);
}

}  // namespace lambdasim
