#pragma once
// Random variates for durations and sizes. A DistributionSpec is what the user asked for (in
// base units: seconds for time, bytes for size); a Distribution samples it with Boost.Random,
// whose distributions give the same numbers on every platform (std:: ones do not).
#include <string>
#include <vector>

#include "lambdasim/engine/random_streams.hpp"

namespace lambdasim {

enum class DistributionKind { Constant, Exponential, Uniform, Normal, Lognormal, Empirical };

struct DistributionSpec {
    DistributionKind kind = DistributionKind::Constant;
    double value = 0;   // constant
    double mean = 0;    // exponential, normal, lognormal (by mean)
    double stddev = 0;  // normal, lognormal (by mean)
    double min = 0;     // uniform
    double max = 0;     // uniform
    double p50 = 0;     // lognormal (by percentiles)
    double p99 = 0;     // lognormal (by percentiles)
    bool lognormal_by_percentiles = false;
    std::string file;             // empirical: CSV of values (absolute path)
    std::string file_unit;        // empirical: unit of the file's numbers, e.g. "ms" or "KB"
    std::vector<double> samples;  // empirical: the file's values in base units, sorted

    static DistributionSpec constant(double v) {
        DistributionSpec d;
        d.value = v;
        return d;
    }
    static DistributionSpec exponential(double mean) {
        DistributionSpec d;
        d.kind = DistributionKind::Exponential;
        d.mean = mean;
        return d;
    }
    static DistributionSpec uniform(double lo, double hi) {
        DistributionSpec d;
        d.kind = DistributionKind::Uniform;
        d.min = lo;
        d.max = hi;
        return d;
    }
    static DistributionSpec lognormal_p50_p99(double p50, double p99) {
        DistributionSpec d;
        d.kind = DistributionKind::Lognormal;
        d.lognormal_by_percentiles = true;
        d.p50 = p50;
        d.p99 = p99;
        return d;
    }

    // The distribution's mean in base units (exact where a closed form exists).
    double expected_value() const;
};

class Distribution {
public:
    Distribution() = default;
    explicit Distribution(const DistributionSpec& spec);
    double sample(RandomEngine& engine) const;
    double expected_value() const { return expected_; }

private:
    DistributionKind kind_ = DistributionKind::Constant;
    double a_ = 0;  // constant value, exponential/normal mean, uniform min, lognormal mu
    double b_ = 0;  // normal stddev, uniform max, lognormal sigma
    double expected_ = 0;
    std::vector<double> samples_;
};

}  // namespace lambdasim
