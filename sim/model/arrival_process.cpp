#include "lambdasim/model/arrival_process.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>
#include <string>

#include <boost/random/exponential_distribution.hpp>
#include <boost/random/uniform_01.hpp>

namespace lambdasim {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

double seconds_of(SimTime t) { return to_seconds(t); }

// Reads the next line holding data: skips blanks, comments and a non-numeric header.
bool next_data_line(std::istream& in, std::string& line) {
    while (std::getline(in, line)) {
        const auto first = line.find_first_not_of(" \t\r");
        if (first == std::string::npos || line[first] == '#') continue;
        const char c = line[first];
        if ((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+') return true;
    }
    return false;
}

}  // namespace

ArrivalProcess::ArrivalProcess(const ArrivalSpec& spec, RandomEngine engine)
    : spec_(spec), engine_(std::move(engine)) {
    if (spec_.process == ArrivalProcessKind::Trace) trace_ = std::make_unique<std::ifstream>(spec_.file);
}
ArrivalProcess::ArrivalProcess(ArrivalProcess&&) noexcept = default;
ArrivalProcess& ArrivalProcess::operator=(ArrivalProcess&&) noexcept = default;
ArrivalProcess::~ArrivalProcess() = default;

double ArrivalProcess::rate_at(double t) const {
    switch (spec_.process) {
    case ArrivalProcessKind::Poisson:
    case ArrivalProcessKind::Constant: return spec_.rate_per_second;
    case ArrivalProcessKind::Steps: {
        double rate = 0;
        for (const auto& p : spec_.points)
            if (seconds_of(p.at) <= t) rate = p.per_second;
        return rate;
    }
    case ArrivalProcessKind::Ramp: {
        const auto& pts = spec_.points;
        if (pts.empty()) return 0;
        if (t <= seconds_of(pts.front().at)) return pts.front().per_second;
        for (std::size_t i = 1; i < pts.size(); ++i) {
            const double t1 = seconds_of(pts[i].at);
            if (t <= t1) {
                const double t0 = seconds_of(pts[i - 1].at);
                const double f = (t - t0) / (t1 - t0);
                return pts[i - 1].per_second + f * (pts[i].per_second - pts[i - 1].per_second);
            }
        }
        return pts.back().per_second;
    }
    case ArrivalProcessKind::Diurnal: {
        // Daily sinusoid: the peak at `peak_at`, the trough half a period later.
        const double phase = 2 * M_PI * (t - seconds_of(spec_.peak_at)) / seconds_of(spec_.period);
        return spec_.trough_per_second + (spec_.peak_per_second - spec_.trough_per_second) * (1 + std::cos(phase)) / 2;
    }
    case ArrivalProcessKind::Burst:
    case ArrivalProcessKind::Trace:
    case ArrivalProcessKind::Schedule: return 0;
    }
    return 0;
}

ArrivalProcess::Segment ArrivalProcess::segment_at(double t) const {
    switch (spec_.process) {
    case ArrivalProcessKind::Steps: {
        for (const auto& p : spec_.points)
            if (seconds_of(p.at) > t) return {seconds_of(p.at), rate_at(t)};
        return {kInfinity, rate_at(t)};
    }
    case ArrivalProcessKind::Ramp: {
        for (const auto& p : spec_.points)
            if (seconds_of(p.at) > t) return {seconds_of(p.at), std::max(rate_at(t), p.per_second)};
        return {kInfinity, rate_at(t)};
    }
    case ArrivalProcessKind::Diurnal: {
        // One-hour-long chunks of the period (1/24): the rate is monotone inside a chunk
        // unless the peak falls in it, so the bound is an end point or the peak.
        const double chunk = seconds_of(spec_.period) / 24;
        double end = (std::floor(t / chunk) + 1) * chunk;
        if (end <= t) end += chunk;  // t on a boundary that rounding placed in the previous chunk
        double bound = std::max(rate_at(t), rate_at(end));
        const double period = seconds_of(spec_.period);
        double peak = seconds_of(spec_.peak_at);
        peak += std::ceil((t - peak) / period) * period;  // next peak at or after t
        if (peak < end) bound = spec_.peak_per_second;
        return {end, bound};
    }
    default: return {kInfinity, spec_.rate_per_second};
    }
}

double ArrivalProcess::next_thinned() {
    double t = last_;
    boost::random::uniform_01<double> uniform;
    for (;;) {
        const Segment segment = segment_at(t);
        if (segment.bound <= 0) {
            if (segment.end == kInfinity) return kInfinity;
            t = segment.end;
            continue;
        }
        t += boost::random::exponential_distribution<double>(segment.bound)(engine_);
        if (t >= segment.end) {  // memoryless: restart the draw at the segment boundary
            t = segment.end;
            continue;
        }
        // Poisson and steps have a constant rate on the segment: every candidate is accepted.
        const bool constant_rate =
            spec_.process == ArrivalProcessKind::Poisson || spec_.process == ArrivalProcessKind::Steps;
        if (constant_rate || uniform(engine_) * segment.bound <= rate_at(t)) return t;
    }
}

SimTime ArrivalProcess::next_from_trace() {
    std::string line;
    if (spec_.trace_format == TraceFormat::Timestamps) {
        if (!trace_ || !next_data_line(*trace_, line)) return kTimeInfinity;
        return from_seconds(std::strtod(line.c_str(), nullptr));
    }
    // Counts: N arrivals in second S, spread evenly inside the second.
    while (count_emitted_ >= count_in_second_) {
        if (!trace_ || !next_data_line(*trace_, line)) return kTimeInfinity;
        std::istringstream fields(line);
        std::string second, count;
        std::getline(fields, second, ',');
        std::getline(fields, count, ',');
        count_second_ = std::strtoull(second.c_str(), nullptr, 10);
        count_in_second_ = std::strtoull(count.c_str(), nullptr, 10);
        count_emitted_ = 0;
    }
    const double within = (static_cast<double>(count_emitted_) + 0.5) / static_cast<double>(count_in_second_);
    ++count_emitted_;
    return from_seconds(static_cast<double>(count_second_) + within);
}

SimTime ArrivalProcess::next_scheduled() {
    const ScheduleSpec& schedule = spec_.schedule;
    if (schedule.kind == ScheduleSpec::Kind::Rate) {
        // Assumption: the rule exists when the run starts and fires at once, then every period
        // (AWS counts from the rule's creation, so the phase is arbitrary anyway).
        if (schedule.rate_period <= 0) return kTimeInfinity;
        const auto k = static_cast<SimTime>(emitted_);
        if (k > (kTimeInfinity - 1) / schedule.rate_period) return kTimeInfinity;
        ++emitted_;
        return k * schedule.rate_period;
    }
    // Cron fires at whole UTC minutes; simulated time t is wall-clock time clock_start + t.
    const SimTime wall = schedule.clock_start + schedule_from_;
    const std::int64_t minute = wall / kMinute + (wall % kMinute > 0 ? 1 : 0);
    const std::int64_t fire_minute = schedule.cron.next_minute_at_or_after(minute);
    if (fire_minute < 0) return kTimeInfinity;
    const SimTime fire = fire_minute * kMinute - schedule.clock_start;
    schedule_from_ = fire + 1;
    return fire;  // EventBridge delivers within the minute; we deliver at its start
}

SimTime ArrivalProcess::next() {
    if (exhausted_) return kTimeInfinity;
    const SimTime t = next_unchecked();
    exhausted_ = t == kTimeInfinity;
    return t;
}

SimTime ArrivalProcess::next_unchecked() {
    switch (spec_.process) {
    case ArrivalProcessKind::Constant: {
        if (spec_.rate_per_second <= 0) return kTimeInfinity;
        // The k-th arrival (from 0) at k / rate: computed from the count, so spacing never drifts.
        return from_seconds(static_cast<double>(emitted_++) / spec_.rate_per_second);
    }
    case ArrivalProcessKind::Burst: {
        if (emitted_ >= spec_.count) return kTimeInfinity;
        const double offset = static_cast<double>(emitted_) / static_cast<double>(spec_.count);
        ++emitted_;
        return spec_.at + from_seconds(offset * to_seconds(spec_.window));
    }
    case ArrivalProcessKind::Trace: return next_from_trace();
    case ArrivalProcessKind::Schedule: return next_scheduled();
    case ArrivalProcessKind::Poisson:
    case ArrivalProcessKind::Steps:
    case ArrivalProcessKind::Ramp:
    case ArrivalProcessKind::Diurnal: {
        const double t = next_thinned();
        if (t == kInfinity) return kTimeInfinity;
        last_ = t;
        return from_seconds(t);
    }
    }
    return kTimeInfinity;
}

}  // namespace lambdasim
