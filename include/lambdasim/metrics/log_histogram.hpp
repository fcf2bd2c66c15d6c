#pragma once
// A bounded-memory histogram of positive values (milliseconds) with log-spaced bins, so
// percentiles carry at most ~1 % relative error whatever the number of samples.
// 1,300 bins over 1e-3 .. 1e8 ms give a bin ratio of 1.0197; reporting the bin's geometric
// centre keeps the error under sqrt(1.0197) - 1 = 0.98 %. Exact min, max and mean are kept too.
#include <boost/histogram.hpp>

namespace lambdasim {

struct Percentiles {
    double mean = 0, p50 = 0, p90 = 0, p99 = 0, max = 0;
    std::uint64_t count = 0;
};

class LogHistogram {
public:
    static constexpr unsigned kBins = 1300;
    static constexpr double kLowest = 1e-3;
    static constexpr double kHighest = 1e8;

    LogHistogram();

    void add(double value);
    void merge(const LogHistogram& other);
    void clear();

    std::uint64_t count() const { return count_; }
    double mean() const { return count_ ? sum_ / static_cast<double>(count_) : 0; }
    double min() const { return count_ ? min_ : 0; }
    double max() const { return count_ ? max_ : 0; }
    // q in [0, 1]; 0 when empty.
    double quantile(double q) const;
    Percentiles summary() const;

private:
    using Axis = boost::histogram::axis::regular<double, boost::histogram::axis::transform::log>;
    using Storage = boost::histogram::dense_storage<std::uint64_t>;
    boost::histogram::histogram<std::tuple<Axis>, Storage> histogram_;
    std::uint64_t count_ = 0;
    double sum_ = 0;
    double min_ = 0;
    double max_ = 0;
};

}  // namespace lambdasim
