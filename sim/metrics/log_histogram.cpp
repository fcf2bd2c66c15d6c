#include "lambdasim/metrics/log_histogram.hpp"

#include <algorithm>
#include <cmath>

namespace lambdasim {

LogHistogram::LogHistogram()
    : histogram_(boost::histogram::make_histogram_with(Storage(), Axis(kBins, kLowest, kHighest))) {}

void LogHistogram::add(double value) {
    histogram_(std::max(value, 0.0));
    if (count_ == 0) {
        min_ = max_ = value;
    } else {
        min_ = std::min(min_, value);
        max_ = std::max(max_, value);
    }
    ++count_;
    sum_ += value;
}

void LogHistogram::merge(const LogHistogram& other) {
    if (other.count_ == 0) return;
    histogram_ += other.histogram_;
    if (count_ == 0) {
        min_ = other.min_;
        max_ = other.max_;
    } else {
        min_ = std::min(min_, other.min_);
        max_ = std::max(max_, other.max_);
    }
    count_ += other.count_;
    sum_ += other.sum_;
}

void LogHistogram::clear() {
    histogram_.reset();
    count_ = 0;
    sum_ = 0;
    min_ = max_ = 0;
}

double LogHistogram::quantile(double q) const {
    if (count_ == 0) return 0;
    // Rank of the wanted sample, 1-based, as in the nearest-rank definition.
    const auto rank = static_cast<std::uint64_t>(std::ceil(std::clamp(q, 0.0, 1.0) * static_cast<double>(count_)));
    const std::uint64_t wanted = std::max<std::uint64_t>(rank, 1);
    std::uint64_t seen = 0;
    const auto& axis = histogram_.axis(0);
    for (auto&& cell : boost::histogram::indexed(histogram_, boost::histogram::coverage::all)) {
        seen += *cell;
        if (seen < wanted) continue;
        const int index = cell.index(0);
        if (index < 0) return min_;                  // underflow bin: below 1 µs
        if (index >= static_cast<int>(kBins)) return max_;  // overflow bin
        const double lower = axis.value(index);
        const double upper = axis.value(index + 1);
        return std::clamp(std::sqrt(lower * upper), min_, max_);
    }
    return max_;
}

Percentiles LogHistogram::summary() const {
    return {mean(), quantile(0.50), quantile(0.90), quantile(0.99), max(), count_};
}

}  // namespace lambdasim
