#pragma once
// The progress line on stderr: simulated time, % done, events/s. Shown only on a terminal,
// only once a run has taken more than a second, and never with --quiet.
#include <chrono>

#include "lambdasim/engine/simulator.hpp"

namespace lambdasim::cli {

class ProgressLine {
public:
    explicit ProgressLine(bool enabled);
    void update(const RunProgress& progress);
    void clear();  // erases the line before the final table

private:
    using Clock = std::chrono::steady_clock;
    bool enabled_;
    bool shown_ = false;
    Clock::time_point start_;
    Clock::time_point last_;
};

}  // namespace lambdasim::cli
