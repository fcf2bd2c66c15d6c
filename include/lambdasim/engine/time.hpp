#pragma once
// Simulated time: a signed 64-bit count of nanoseconds. The event queue never sees floating
// point, so ordering is exact and identical on every machine.
#include <cmath>
#include <cstdint>
#include <limits>

namespace lambdasim {

using SimTime = std::int64_t;

inline constexpr SimTime kNanosecond = 1;
inline constexpr SimTime kMicrosecond = 1'000;
inline constexpr SimTime kMillisecond = 1'000'000;
inline constexpr SimTime kSecond = 1'000'000'000;
inline constexpr SimTime kMinute = 60 * kSecond;
inline constexpr SimTime kHour = 60 * kMinute;
inline constexpr SimTime kDay = 24 * kHour;
inline constexpr SimTime kTimeInfinity = std::numeric_limits<SimTime>::max();

// Rounds to the nearest nanosecond; values beyond ~292 years saturate.
inline SimTime from_seconds(double seconds) {
    const double ns = std::round(seconds * 1e9);
    if (ns >= 9.2e18) return kTimeInfinity;
    if (ns <= -9.2e18) return -kTimeInfinity;
    return static_cast<SimTime>(ns);
}
inline constexpr double to_seconds(SimTime t) { return static_cast<double>(t) / 1e9; }
inline constexpr double to_milliseconds(SimTime t) { return static_cast<double>(t) / 1e6; }

namespace time_literals {
constexpr SimTime operator""_ns(unsigned long long v) { return static_cast<SimTime>(v); }
constexpr SimTime operator""_us(unsigned long long v) { return static_cast<SimTime>(v) * kMicrosecond; }
constexpr SimTime operator""_ms(unsigned long long v) { return static_cast<SimTime>(v) * kMillisecond; }
constexpr SimTime operator""_s(unsigned long long v) { return static_cast<SimTime>(v) * kSecond; }
constexpr SimTime operator""_min(unsigned long long v) { return static_cast<SimTime>(v) * kMinute; }
constexpr SimTime operator""_h(unsigned long long v) { return static_cast<SimTime>(v) * kHour; }
}  // namespace time_literals

}  // namespace lambdasim
