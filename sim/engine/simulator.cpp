#include "lambdasim/engine/simulator.hpp"

#include <cassert>

namespace lambdasim {

void Simulator::schedule_at(SimTime at, HandlerId handler, std::uint32_t kind, std::uint64_t subject,
                            std::uint64_t token) {
    assert(at >= now_ && "events may not be scheduled in the past");
    assert(handler < handlers_.size());
    if (at < now_) {
        ++events_in_the_past_;
        at = now_;
    }
    queue_.push(Event{at, next_sequence_++, handler, kind, subject, token});
}

StopReason Simulator::run(const RunLimits& limits, const ProgressCallback& progress) {
    std::uint64_t until_progress = limits.progress_every_events;
    while (!queue_.empty()) {
        if (queue_.top_time() >= limits.end) {
            now_ = limits.end;
            return StopReason::EndTime;
        }
        if (events_processed_ >= limits.max_events) return StopReason::EventLimit;
        const Event event = queue_.pop();
        now_ = event.time;
        const Handler& handler = handlers_[event.handler];
        handler.function(handler.context, event);
        ++events_processed_;
        if (--until_progress == 0) {
            until_progress = limits.progress_every_events;
            if (progress && !progress({now_, limits.end, events_processed_})) return StopReason::Cancelled;
        }
    }
    if (limits.end != kTimeInfinity && now_ < limits.end) now_ = limits.end;
    return StopReason::QueueEmpty;
}

}  // namespace lambdasim
