#pragma once
// A bounded-memory histogram of non-negative values (milliseconds) with log-spaced bins, so
// percentiles carry at most ~1 % relative error whatever the number of samples.
//
// Bins follow the binary representation of the value (as HDR histograms do): each power of two
// from 2^-10 ms (~1 µs) to 2^27 ms (~37 h) is split into 64 equal sub-bins, read straight from
// the exponent and the top 6 mantissa bits — no logarithm per sample. A bin spans at most 1/64
// of its lower edge, so reporting its centre errs by at most 1/128 = 0.78 %. Exact min, max and
// mean are kept too. Only the occupied range of bins is scanned, merged or cleared.
#include <array>
#include <cstdint>

namespace lambdasim {

struct Percentiles {
    double mean = 0, p50 = 0, p90 = 0, p99 = 0, max = 0;
    std::uint64_t count = 0;
};

class LogHistogram {
public:
    static constexpr int kSubBinBits = 6;
    static constexpr int kSubBins = 1 << kSubBinBits;
    static constexpr int kLowestExponent = -10;  // below 2^-10 ms: the underflow bin (reported as min)
    static constexpr int kHighestExponent = 27;  // from 2^28 ms: the overflow bin (reported as max)
    static constexpr int kUnderflowBin = 0;
    static constexpr int kOverflowBin = (kHighestExponent - kLowestExponent + 1) * kSubBins + 1;
    static constexpr int kBins = kOverflowBin + 1;

    void add(double value);
    void merge(const LogHistogram& other);
    void clear();

    std::uint64_t count() const { return count_; }
    double mean() const { return count_ ? sum_ / static_cast<double>(count_) : 0; }
    double min() const { return count_ ? min_ : 0; }
    double max() const { return count_ ? max_ : 0; }
    // Nearest-rank quantile, q in [0, 1]; 0 when empty.
    double quantile(double q) const;
    Percentiles summary() const;

    static int bin_of(double value);
    static double bin_lower_edge(int bin);

private:
    std::array<std::uint64_t, kBins> bins_{};
    int lowest_bin_ = kBins;  // occupied range [lowest_bin_, highest_bin_]
    int highest_bin_ = -1;
    std::uint64_t count_ = 0;
    double sum_ = 0;
    double min_ = 0;
    double max_ = 0;
};

}  // namespace lambdasim
