#pragma once
// A level that changes at event times (busy environments): keeps its maximum overall and per
// period, and its time integral for the time-weighted mean (Little's law checks use it).
#include <algorithm>

#include "lambdasim/engine/time.hpp"

namespace lambdasim {

class ConcurrencyGauge {
public:
    void set(int value, SimTime now) {
        if (value == current_) return;  // the level and so its integral are unchanged
        integral_ += static_cast<double>(current_) * static_cast<double>(now - last_change_);
        last_change_ = now;
        current_ = value;
        max_ = std::max(max_, value);
        period_max_ = std::max(period_max_, value);
    }
    int current() const { return current_; }
    int max() const { return max_; }
    int period_max() const { return period_max_; }
    void start_period() { period_max_ = current_; }
    // Time-weighted mean over [0, now].
    double mean(SimTime now) const {
        if (now <= 0) return 0;
        const double total = integral_ + static_cast<double>(current_) * static_cast<double>(now - last_change_);
        return total / static_cast<double>(now);
    }

private:
    int current_ = 0;
    int max_ = 0;
    int period_max_ = 0;
    SimTime last_change_ = 0;
    double integral_ = 0;  // level x nanoseconds
};

}  // namespace lambdasim
