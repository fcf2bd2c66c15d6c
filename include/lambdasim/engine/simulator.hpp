#pragma once
// The simulation loop. It knows nothing of Lambda: handlers register a plain function pointer
// and a context, and receive the events addressed to them. No globals: whoever needs to
// schedule receives a Simulator&.
#include <cstdint>
#include <functional>
#include <vector>

#include "lambdasim/engine/event.hpp"
#include "lambdasim/engine/event_queue.hpp"

namespace lambdasim {

using EventFunction = void (*)(void* context, const Event& event);

struct RunProgress {
    SimTime now = 0;
    SimTime end = 0;
    std::uint64_t events = 0;
};

// Called every `progress_every_events` events; return false to stop the run early
// (used for Ctrl-C). Not per event, so a std::function is fine here.
using ProgressCallback = std::function<bool(const RunProgress&)>;

struct RunLimits {
    SimTime end = kTimeInfinity;                      // events at or after this time do not fire: [0, end)
    std::uint64_t max_events = UINT64_MAX;            // stop after this many events
    std::uint64_t progress_every_events = 1u << 16;
};

enum class StopReason { QueueEmpty, EndTime, EventLimit, Cancelled };

class Simulator {
public:
    HandlerId add_handler(EventFunction function, void* context) {
        handlers_.push_back({function, context});
        return static_cast<HandlerId>(handlers_.size() - 1);
    }

    SimTime now() const { return now_; }

    // Schedules `kind` for `handler` at absolute time `at` (never in the past).
    void schedule_at(SimTime at, HandlerId handler, std::uint32_t kind, std::uint64_t subject = 0,
                     std::uint64_t token = 0);
    void schedule_in(SimTime delay, HandlerId handler, std::uint32_t kind, std::uint64_t subject = 0,
                     std::uint64_t token = 0) {
        schedule_at(now_ + delay, handler, kind, subject, token);
    }

    StopReason run(const RunLimits& limits, const ProgressCallback& progress = {});

    std::uint64_t events_processed() const { return events_processed_; }
    std::size_t pending_events() const { return queue_.size(); }
    std::uint64_t events_scheduled() const { return next_sequence_; }
    // Events a handler asked for in the past (a model bug): they fire now instead. Checked as an
    // end-of-run invariant, since release builds have no assertions.
    std::uint64_t events_scheduled_in_the_past() const { return events_in_the_past_; }

private:
    struct Handler {
        EventFunction function;
        void* context;
    };
    std::vector<Handler> handlers_;
    EventQueue queue_;
    SimTime now_ = 0;
    std::uint64_t next_sequence_ = 0;
    std::uint64_t events_processed_ = 0;
    std::uint64_t events_in_the_past_ = 0;
};

}  // namespace lambdasim
