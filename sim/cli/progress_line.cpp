#include "progress_line.hpp"

#include <unistd.h>

#include <cstdio>

namespace lambdasim::cli {

ProgressLine::ProgressLine(bool enabled)
    : enabled_(enabled && ::isatty(STDERR_FILENO)), start_(Clock::now()), last_(start_) {}

void ProgressLine::update(const RunProgress& p) {
    if (!enabled_) return;
    const auto now = Clock::now();
    if (now - start_ < std::chrono::seconds(1) || now - last_ < std::chrono::milliseconds(250)) return;
    last_ = now;
    const double wall = std::chrono::duration<double>(now - start_).count();
    const double done = p.end > 0 && p.end != kTimeInfinity ? 100.0 * to_seconds(p.now) / to_seconds(p.end) : 0;
    std::fprintf(stderr, "\r  simulated %.0f s of %.0f s (%5.1f %%)  %.2f M events/s   ", to_seconds(p.now),
                 to_seconds(p.end), done, static_cast<double>(p.events) / wall / 1e6);
    std::fflush(stderr);
    shown_ = true;
}

void ProgressLine::clear() {
    if (!shown_) return;
    std::fprintf(stderr, "\r%80s\r", "");
    std::fflush(stderr);
    shown_ = false;
}

}  // namespace lambdasim::cli
