#include "lambdasim/engine/distribution.hpp"

#include <cmath>

#include <boost/random/exponential_distribution.hpp>
#include <boost/random/lognormal_distribution.hpp>
#include <boost/random/normal_distribution.hpp>
#include <boost/random/uniform_01.hpp>
#include <boost/random/uniform_real_distribution.hpp>

namespace lambdasim {
namespace {

// z such that Phi(z) = 0.99: converts a p50/p99 pair into the lognormal's sigma.
constexpr double kZ99 = 2.3263478740408408;

struct LogParams {
    double mu;
    double sigma;
};

LogParams lognormal_params(const DistributionSpec& s) {
    if (s.lognormal_by_percentiles) {
        const double mu = std::log(s.p50);
        return {mu, (std::log(s.p99) - mu) / kZ99};
    }
    const double variance_ratio = (s.stddev * s.stddev) / (s.mean * s.mean);
    const double sigma2 = std::log1p(variance_ratio);
    return {std::log(s.mean) - sigma2 / 2, std::sqrt(sigma2)};
}

double empirical_mean(const std::vector<double>& v) {
    double total = 0;
    for (double x : v) total += x;
    return v.empty() ? 0 : total / static_cast<double>(v.size());
}

}  // namespace

double DistributionSpec::expected_value() const {
    switch (kind) {
    case DistributionKind::Constant: return value;
    case DistributionKind::Exponential: return mean;
    case DistributionKind::Uniform: return (min + max) / 2;
    case DistributionKind::Normal: {
        // Mean of a normal truncated below at 0.
        if (stddev <= 0) return std::max(mean, 0.0);
        const double alpha = -mean / stddev;
        const double pdf = std::exp(-alpha * alpha / 2) / std::sqrt(2 * M_PI);
        const double survival = 0.5 * std::erfc(alpha / std::sqrt(2.0));
        return mean + stddev * pdf / survival;
    }
    case DistributionKind::Lognormal: {
        const LogParams p = lognormal_params(*this);
        return std::exp(p.mu + p.sigma * p.sigma / 2);
    }
    case DistributionKind::Empirical: return empirical_mean(samples);
    }
    return 0;
}

Distribution::Distribution(const DistributionSpec& spec) : kind_(spec.kind), expected_(spec.expected_value()) {
    switch (spec.kind) {
    case DistributionKind::Constant: a_ = spec.value; break;
    case DistributionKind::Exponential: a_ = spec.mean; break;
    case DistributionKind::Uniform:
        a_ = spec.min;
        b_ = spec.max;
        break;
    case DistributionKind::Normal:
        a_ = spec.mean;
        b_ = spec.stddev;
        break;
    case DistributionKind::Lognormal: {
        const LogParams p = lognormal_params(spec);
        a_ = p.mu;
        b_ = p.sigma;
        break;
    }
    case DistributionKind::Empirical: samples_ = spec.samples; break;
    }
}

double Distribution::sample(RandomEngine& engine) const {
    switch (kind_) {
    case DistributionKind::Constant: return a_;
    case DistributionKind::Exponential:
        return a_ <= 0 ? 0 : boost::random::exponential_distribution<double>(1.0 / a_)(engine);
    case DistributionKind::Uniform:
        return a_ >= b_ ? a_ : boost::random::uniform_real_distribution<double>(a_, b_)(engine);
    case DistributionKind::Normal: {
        if (b_ <= 0) return std::max(a_, 0.0);
        boost::random::normal_distribution<double> normal(a_, b_);
        // Truncated at 0 by rejection; the loader refuses means so low that this would spin.
        for (int tries = 0; tries < 1000; ++tries) {
            const double x = normal(engine);
            if (x >= 0) return x;
        }
        return 0;
    }
    case DistributionKind::Lognormal:
        if (b_ <= 0) return std::exp(a_);
        return boost::random::lognormal_distribution<double>(a_, b_)(engine);
    case DistributionKind::Empirical: {
        // Inverse of the empirical CDF with linear interpolation between sorted samples.
        if (samples_.empty()) return 0;
        if (samples_.size() == 1) return samples_.front();
        const double u = boost::random::uniform_01<double>()(engine);
        const double position = u * static_cast<double>(samples_.size() - 1);
        const auto index = static_cast<std::size_t>(position);
        if (index + 1 >= samples_.size()) return samples_.back();
        const double fraction = position - static_cast<double>(index);
        return samples_[index] + fraction * (samples_[index + 1] - samples_[index]);
    }
    }
    return 0;
}

}  // namespace lambdasim
