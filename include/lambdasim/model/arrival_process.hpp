#pragma once
// Arrival times of one traffic source, produced one at a time so memory does not depend on
// the number of requests (trace files are streamed). Non-homogeneous Poisson processes
// (steps, ramp, diurnal) are sampled by thinning against a bound that holds on the current
// segment only, so a quiet night does not waste draws at the day's peak rate. EventBridge
// schedules compute each fire time from the previous one, never a list of them.
#include <cstdint>
#include <fstream>
#include <memory>

#include "lambdasim/engine/random_streams.hpp"
#include "lambdasim/model/specs.hpp"

namespace lambdasim {

class ArrivalProcess {
public:
    ArrivalProcess(const ArrivalSpec& spec, RandomEngine engine);
    ArrivalProcess(ArrivalProcess&&) noexcept;
    ArrivalProcess& operator=(ArrivalProcess&&) noexcept;
    ~ArrivalProcess();

    // The next arrival time, or kTimeInfinity when the source is exhausted.
    SimTime next();

    // Instantaneous rate in requests per second at `t` seconds (for tests and analysis).
    double rate_at(double t) const;

private:
    struct Segment {
        double end;    // seconds; infinity for the last
        double bound;  // an upper bound of the rate on [t, end)
    };
    Segment segment_at(double t) const;
    double next_thinned();
    SimTime next_from_trace();
    SimTime next_unchecked();
    SimTime next_scheduled();

    ArrivalSpec spec_;
    RandomEngine engine_;
    double last_ = 0;            // seconds, the previous arrival (thinning keeps full precision)
    bool exhausted_ = false;     // once exhausted, always exhausted
    std::uint64_t emitted_ = 0;  // constant, burst and rate schedules: arrivals so far
    SimTime schedule_from_ = 0;  // cron schedules: the next fire is at or after this time
    std::unique_ptr<std::ifstream> trace_;
    // Counts traces: arrivals left in the current second.
    std::uint64_t count_second_ = 0;
    std::uint64_t count_in_second_ = 0;
    std::uint64_t count_emitted_ = 0;
};

}  // namespace lambdasim
