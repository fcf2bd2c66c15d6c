// Durations, cold starts and payload sizes are drawn from these distributions, and the
// analytic checks (Erlang, Little's law) use expected_value() as the mean service time, so the
// samples and the closed forms must agree.
//
// Tolerances: unless stated otherwise, a sample mean of n draws is compared with the exact mean
// at 4 standard errors, SE = σ/√n with σ the distribution's exact standard deviation (not the
// sample's). With a fixed seed the test is deterministic; 4 SE means a correct implementation
// would fail for fewer than 1 seed in 15,000, while a wrong formula (a missing truncation, a
// p99 read as a p95, a variance used as a standard deviation) is off by many SE.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>
#include <vector>

#include "lambdasim/engine/distribution.hpp"
#include "lambdasim/engine/random_streams.hpp"

namespace lambdasim {
namespace {

constexpr int kDraws = 400'000;

std::vector<double> draw(const DistributionSpec& spec, const std::string& purpose, int count = kDraws) {
    const Distribution distribution(spec);
    RandomEngine engine = RandomStreams(2024).stream("distribution-test", purpose);
    std::vector<double> values(static_cast<std::size_t>(count));
    for (double& v : values) v = distribution.sample(engine);
    return values;
}

double mean_of(const std::vector<double>& v) { return std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size()); }

double stddev_of(const std::vector<double>& v) {
    const double m = mean_of(v);
    double squares = 0;
    for (double x : v) squares += (x - m) * (x - m);
    return std::sqrt(squares / static_cast<double>(v.size() - 1));
}

double four_standard_errors(double sigma, std::size_t n) { return 4 * sigma / std::sqrt(static_cast<double>(n)); }

// Nearest-rank empirical quantile.
double quantile_of(std::vector<double> v, double q) {
    const auto rank = static_cast<std::size_t>(std::ceil(q * static_cast<double>(v.size())));
    const std::size_t index = std::max<std::size_t>(rank, 1) - 1;
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(index), v.end());
    return v[index];
}

DistributionSpec normal(double mean, double stddev) {
    DistributionSpec spec;
    spec.kind = DistributionKind::Normal;
    spec.mean = mean;
    spec.stddev = stddev;
    return spec;
}

DistributionSpec lognormal_mean_stddev(double mean, double stddev) {
    DistributionSpec spec;
    spec.kind = DistributionKind::Lognormal;
    spec.mean = mean;
    spec.stddev = stddev;
    return spec;
}

DistributionSpec empirical(std::vector<double> sorted_samples) {
    DistributionSpec spec;
    spec.kind = DistributionKind::Empirical;
    spec.samples = std::move(sorted_samples);
    return spec;
}

TEST(Distribution, ExponentialSampleMeanMatchesExpectedValue) {
    // σ of an exponential equals its mean.
    const auto spec = DistributionSpec::exponential(0.2);
    EXPECT_DOUBLE_EQ(spec.expected_value(), 0.2);
    const auto values = draw(spec, "exponential");
    EXPECT_NEAR(mean_of(values), 0.2, four_standard_errors(0.2, values.size()));
    EXPECT_GE(*std::min_element(values.begin(), values.end()), 0.0);
}

TEST(Distribution, UniformSampleMeanMatchesExpectedValueAndStaysInRange) {
    // σ of U(a, b) is (b − a)/√12.
    const auto spec = DistributionSpec::uniform(1.0, 3.0);
    EXPECT_DOUBLE_EQ(spec.expected_value(), 2.0);
    const auto values = draw(spec, "uniform");
    EXPECT_NEAR(mean_of(values), 2.0, four_standard_errors(2.0 / std::sqrt(12.0), values.size()));
    EXPECT_GE(*std::min_element(values.begin(), values.end()), 1.0);
    EXPECT_LE(*std::max_element(values.begin(), values.end()), 3.0);
}

TEST(Distribution, NormalFarFromZeroSampleMeanMatchesExpectedValue) {
    // Mean 5σ above zero: truncation removes 3e-7 of the mass and shifts the mean by 1.5e-6,
    // well inside the tolerance; σ of the truncated law is ≤ the untruncated σ = 1.
    const auto spec = normal(5.0, 1.0);
    EXPECT_NEAR(spec.expected_value(), 5.0, 1e-5);
    const auto values = draw(spec, "normal");
    EXPECT_NEAR(mean_of(values), spec.expected_value(), four_standard_errors(1.0, values.size()));
}

// Oracle: the mean of N(μ=0.5, σ=1) truncated below at 0 is μ + σ φ(α)/(1 − Φ(α)) with α = −μ/σ,
// evaluated independently (Python math.erfc) as 1.0091604338370335; its standard deviation,
// σ √(1 + αλ − λ²) with λ = φ(α)/(1 − Φ(α)), is 0.6972628168032245. The untruncated mean 0.5 is
// about 700 SE away, so a sampler or closed form that ignored truncation fails here.
TEST(Distribution, NormalTruncatedAtZeroMatchesTheClosedFormWhereTruncationMatters) {
    constexpr double kTruncatedMean = 1.0091604338370335;
    constexpr double kTruncatedStddev = 0.6972628168032245;
    const auto spec = normal(0.5, 1.0);
    EXPECT_NEAR(spec.expected_value(), kTruncatedMean, 1e-12);
    EXPECT_NEAR(Distribution(spec).expected_value(), kTruncatedMean, 1e-12);

    const auto values = draw(spec, "truncated-normal");
    EXPECT_GE(*std::min_element(values.begin(), values.end()), 0.0);
    EXPECT_NEAR(mean_of(values), kTruncatedMean, four_standard_errors(kTruncatedStddev, values.size()));
}

// Oracle: for a lognormal with median m and 99th percentile p, σ = ln(p/m)/z₀.₉₉ and the mean is
// m·exp(σ²/2). The empirical quantile of n draws has asymptotic standard error
// √(q(1−q)/n) / f(x_q), with the lognormal density f(x) = φ(z_q)/(x σ).
TEST(Distribution, LognormalByPercentilesReproducesItsMedianAndP99) {
    constexpr double kP50 = 0.1;
    constexpr double kP99 = 1.0;
    constexpr double kZ99 = 2.3263478740408408;
    const double sigma = std::log(kP99 / kP50) / kZ99;
    const auto spec = DistributionSpec::lognormal_p50_p99(kP50, kP99);
    const double mean = kP50 * std::exp(sigma * sigma / 2);
    EXPECT_NEAR(spec.expected_value(), mean, 1e-12);

    const auto values = draw(spec, "lognormal-percentiles");
    const double n = static_cast<double>(values.size());
    const auto density = [&](double x, double z) { return std::exp(-z * z / 2) / std::sqrt(2 * M_PI) / (x * sigma); };
    const double p50_se = std::sqrt(0.5 * 0.5 / n) / density(kP50, 0.0);
    const double p99_se = std::sqrt(0.99 * 0.01 / n) / density(kP99, kZ99);
    EXPECT_NEAR(quantile_of(values, 0.50), kP50, 4 * p50_se);
    EXPECT_NEAR(quantile_of(values, 0.99), kP99, 4 * p99_se);

    const double lognormal_stddev = mean * std::sqrt(std::expm1(sigma * sigma));
    EXPECT_NEAR(mean_of(values), mean, four_standard_errors(lognormal_stddev, values.size()));
}

// Oracle: the parameters were given as the mean and standard deviation themselves. The sample
// standard deviation's SE is about σ/2 · √((κ − 1)/n), κ the lognormal kurtosis
// e^{4s²} + 2e^{3s²} + 3e^{2s²} − 3 with s² = ln(1 + cv²); for cv = 0.5, κ ≈ 8.04.
TEST(Distribution, LognormalByMeanAndStddevReproducesBoth) {
    constexpr double kMean = 0.1;
    constexpr double kStddev = 0.05;
    const auto spec = lognormal_mean_stddev(kMean, kStddev);
    EXPECT_NEAR(spec.expected_value(), kMean, 1e-15);

    const auto values = draw(spec, "lognormal-moments");
    EXPECT_NEAR(mean_of(values), kMean, four_standard_errors(kStddev, values.size()));

    const double s2 = std::log1p((kStddev / kMean) * (kStddev / kMean));
    const double kurtosis = std::exp(4 * s2) + 2 * std::exp(3 * s2) + 3 * std::exp(2 * s2) - 3;
    const double stddev_se = kStddev / 2 * std::sqrt((kurtosis - 1) / static_cast<double>(values.size()));
    EXPECT_NEAR(stddev_of(values), kStddev, 4 * stddev_se);
}

// Oracle: sampling the linearly interpolated inverse CDF of sorted values x₀ ≤ … ≤ x_{k−1} picks
// one of the k−1 segments uniformly and a uniform point inside it, so its exact mean is the
// trapezoid mean Σ (x_i + x_{i+1})/2 / (k−1) and its second moment Σ (x_i² + x_i x_{i+1} +
// x_{i+1}²)/3 / (k−1). expected_value() reports the plain sample mean instead; the two differ by
// ((x₀ + x_{k−1})/2 − mean)/(k−1), at most (max − min)/(2(k−1)), negligible for a real file.
TEST(Distribution, EmpiricalStaysWithinTheDataAndItsMeanMatchesTheSampleMean) {
    std::vector<double> data;
    for (int i = 0; i < 1000; ++i) data.push_back(10.0 * (i / 999.0) * (i / 999.0));  // skewed
    const double k = static_cast<double>(data.size());
    double sum = 0;
    for (double x : data) sum += x;
    const double sample_mean = sum / k;
    double trapezoid_mean = 0;
    double second_moment = 0;
    for (std::size_t i = 0; i + 1 < data.size(); ++i) {
        const double a = data[i];
        const double b = data[i + 1];
        trapezoid_mean += (a + b) / 2;
        second_moment += (a * a + a * b + b * b) / 3;
    }
    trapezoid_mean /= k - 1;
    second_moment /= k - 1;
    const double sigma = std::sqrt(second_moment - trapezoid_mean * trapezoid_mean);

    const auto spec = empirical(data);
    EXPECT_DOUBLE_EQ(spec.expected_value(), sample_mean);
    EXPECT_LE(std::abs(sample_mean - trapezoid_mean), (data.back() - data.front()) / (2 * (k - 1)));

    const auto values = draw(spec, "empirical");
    EXPECT_GE(*std::min_element(values.begin(), values.end()), data.front());
    EXPECT_LE(*std::max_element(values.begin(), values.end()), data.back());
    EXPECT_NEAR(mean_of(values), trapezoid_mean, four_standard_errors(sigma, values.size()));
    EXPECT_NEAR(mean_of(values), spec.expected_value(),
                four_standard_errors(sigma, values.size()) + (data.back() - data.front()) / (2 * (k - 1)));
}

// Two points: interpolation makes the law uniform between them, so half the draws fall below
// the midpoint (binomial SE √(0.25/n)) and the mean is the midpoint.
TEST(Distribution, EmpiricalWithTwoValuesIsUniformBetweenThem) {
    const auto values = draw(empirical({1.0, 3.0}), "empirical-two");
    const double n = static_cast<double>(values.size());
    const double below = static_cast<double>(std::count_if(values.begin(), values.end(), [](double x) { return x < 2.0; }));
    EXPECT_NEAR(below / n, 0.5, 4 * std::sqrt(0.25 / n));
    EXPECT_NEAR(mean_of(values), 2.0, four_standard_errors(2.0 / std::sqrt(12.0), values.size()));
}

TEST(Distribution, EmpiricalWithOneValueOrNoneIsConstant) {
    for (double v : draw(empirical({4.5}), "empirical-one", 100)) EXPECT_EQ(v, 4.5);
    for (double v : draw(empirical({}), "empirical-none", 100)) EXPECT_EQ(v, 0.0);
}

TEST(Distribution, ConstantAlwaysReturnsItsValue) {
    const auto spec = DistributionSpec::constant(0.25);
    EXPECT_EQ(spec.expected_value(), 0.25);
    EXPECT_EQ(Distribution(spec).expected_value(), 0.25);
    for (double v : draw(spec, "constant", 1000)) EXPECT_EQ(v, 0.25);

    RandomEngine engine(1);
    EXPECT_EQ(Distribution().sample(engine), 0.0);  // default: constant 0
}

TEST(Distribution, DegenerateParametersReturnTheObviousValue) {
    RandomEngine engine(1);
    EXPECT_EQ(Distribution(DistributionSpec::exponential(0)).sample(engine), 0.0);
    EXPECT_EQ(Distribution(DistributionSpec::uniform(2.0, 2.0)).sample(engine), 2.0);
    EXPECT_EQ(Distribution(normal(0.3, 0)).sample(engine), 0.3);
    EXPECT_EQ(Distribution(normal(-0.3, 0)).sample(engine), 0.0);
    EXPECT_EQ(normal(-0.3, 0).expected_value(), 0.0);
    EXPECT_NEAR(Distribution(DistributionSpec::lognormal_p50_p99(0.2, 0.2)).sample(engine), 0.2, 1e-15);
}

TEST(Distribution, SameStreamGivesTheSameDraws) {
    const auto spec = DistributionSpec::lognormal_p50_p99(0.05, 0.4);
    EXPECT_EQ(draw(spec, "repeat", 1000), draw(spec, "repeat", 1000));
}

}  // namespace
}  // namespace lambdasim
