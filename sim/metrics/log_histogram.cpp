#include "lambdasim/metrics/log_histogram.hpp"

#include <algorithm>
#include <bit>
#include <cmath>

namespace lambdasim {

int LogHistogram::bin_of(double value) {
    if (!(value >= std::ldexp(1.0, kLowestExponent))) return kUnderflowBin;  // also NaN and negatives
    if (value >= std::ldexp(1.0, kHighestExponent + 1)) return kOverflowBin;
    const auto bits = std::bit_cast<std::uint64_t>(value);
    const int exponent = static_cast<int>((bits >> 52) & 0x7FF) - 1023;
    const int sub_bin = static_cast<int>((bits >> (52 - kSubBinBits)) & (kSubBins - 1));
    return 1 + (exponent - kLowestExponent) * kSubBins + sub_bin;
}

double LogHistogram::bin_lower_edge(int bin) {
    const int exponent = (bin - 1) / kSubBins + kLowestExponent;
    const int sub_bin = (bin - 1) % kSubBins;
    return std::ldexp(1.0 + static_cast<double>(sub_bin) / kSubBins, exponent);
}

void LogHistogram::add(double value) {
    const int bin = bin_of(value);
    ++bins_[bin];
    lowest_bin_ = std::min(lowest_bin_, bin);
    highest_bin_ = std::max(highest_bin_, bin);
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
    for (int b = other.lowest_bin_; b <= other.highest_bin_; ++b) bins_[b] += other.bins_[b];
    lowest_bin_ = std::min(lowest_bin_, other.lowest_bin_);
    highest_bin_ = std::max(highest_bin_, other.highest_bin_);
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
    if (count_ == 0) return;
    std::fill(bins_.begin() + lowest_bin_, bins_.begin() + highest_bin_ + 1, 0);
    lowest_bin_ = kBins;
    highest_bin_ = -1;
    count_ = 0;
    sum_ = 0;
    min_ = max_ = 0;
}

double LogHistogram::quantile(double q) const {
    if (count_ == 0) return 0;
    const auto rank = static_cast<std::uint64_t>(std::ceil(std::clamp(q, 0.0, 1.0) * static_cast<double>(count_)));
    const std::uint64_t wanted = std::max<std::uint64_t>(rank, 1);
    std::uint64_t seen = 0;
    for (int b = lowest_bin_; b <= highest_bin_; ++b) {
        seen += bins_[b];
        if (seen < wanted) continue;
        if (b == kUnderflowBin) return min_;
        if (b == kOverflowBin) return max_;
        // The bin's centre, clamped to the exact extremes.
        const double centre = (bin_lower_edge(b) + bin_lower_edge(b + 1)) / 2;
        return std::clamp(centre, min_, max_);
    }
    return max_;
}

Percentiles LogHistogram::summary() const {
    return {mean(), quantile(0.50), quantile(0.90), quantile(0.99), max(), count_};
}

}  // namespace lambdasim
