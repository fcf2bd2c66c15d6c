// Every traffic shape a scenario can ask for, checked against its definition. Deterministic
// shapes (constant, burst, traces) are checked to the nanosecond. Random shapes are
// (non-homogeneous) Poisson processes: the count in a window is Poisson with mean Λ, the
// integral of the rate over the window, so its standard deviation is √Λ and counts are compared
// with Λ at 4√Λ. With a fixed seed the tests are deterministic; 4σ means a correct sampler fails
// for fewer than 1 seed in 15,000, while a thinning bound that is too low, or a segment boundary
// handled wrongly, shifts counts by many σ at these sample sizes (10^4 – 10^6 arrivals).
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <future>
#include <memory>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include "lambdasim/engine/random_streams.hpp"
#include "lambdasim/model/arrival_process.hpp"

namespace lambdasim {
namespace {

using namespace time_literals;

ArrivalProcess process_for(const ArrivalSpec& spec, const char* purpose = "arrivals") {
    return ArrivalProcess(spec, RandomStreams(31).stream("arrival-test", purpose));
}

// All arrivals before `until`, checking on the way that they never go back in time.
std::vector<SimTime> arrivals_until(ArrivalProcess& process, SimTime until) {
    std::vector<SimTime> times;
    SimTime previous = 0;
    for (;;) {
        const SimTime t = process.next();
        if (t >= until) break;
        EXPECT_GE(t, previous) << "arrival #" << times.size() << " goes back in time";
        previous = t;
        times.push_back(t);
    }
    return times;
}

double count_in(const std::vector<SimTime>& times, SimTime from, SimTime to) {
    double n = 0;
    for (SimTime t : times) n += (t >= from && t < to) ? 1 : 0;
    return n;
}

void expect_poisson_count(double count, double expected, const std::string& what) {
    EXPECT_NEAR(count, expected, 4 * std::sqrt(expected)) << what;
}

ArrivalSpec poisson(double rate) {
    ArrivalSpec spec;
    spec.process = ArrivalProcessKind::Poisson;
    spec.rate_per_second = rate;
    return spec;
}

ArrivalSpec with_points(ArrivalProcessKind kind, std::vector<RatePoint> points) {
    ArrivalSpec spec;
    spec.process = kind;
    spec.points = std::move(points);
    return spec;
}

ArrivalSpec diurnal(double peak, double trough, SimTime peak_at, SimTime period) {
    ArrivalSpec spec;
    spec.process = ArrivalProcessKind::Diurnal;
    spec.peak_per_second = peak;
    spec.trough_per_second = trough;
    spec.peak_at = peak_at;
    spec.period = period;
    return spec;
}

// A trace file that exists for the lifetime of the object; the name carries a clock reading so
// that concurrent test runs do not share files.
class TempFile {
public:
    TempFile(const std::string& name, const std::string& contents)
        : path_(std::filesystem::path(::testing::TempDir()) /
                ("lambdasim_" + std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()) + "_" + name)) {
        std::ofstream(path_) << contents;
    }
    ~TempFile() {
        std::error_code ignored;
        std::filesystem::remove(path_, ignored);
    }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    std::string path() const { return path_.string(); }

private:
    std::filesystem::path path_;
};

// Poisson(λ): the count over T is Poisson(λT); inter-arrival times are exponential with mean
// 1/λ and σ 1/λ, so their mean over n gaps has SE 1/(λ√n).
TEST(ArrivalProcess, PoissonCountAndInterArrivalMeanMatchTheRate) {
    constexpr double kRate = 50;
    constexpr SimTime kWindow = 2000_s;
    auto process = process_for(poisson(kRate));
    const auto times = arrivals_until(process, kWindow);
    const double n = static_cast<double>(times.size());
    expect_poisson_count(n, kRate * to_seconds(kWindow), "count over 2,000 s");

    const double mean_gap = to_seconds(times.back()) / n;  // n gaps from 0 to the last arrival
    EXPECT_NEAR(mean_gap, 1 / kRate, 4 / (kRate * std::sqrt(n)));
}

TEST(ArrivalProcess, PoissonWithZeroRateNeverArrives) {
    auto process = process_for(poisson(0));
    EXPECT_EQ(process.next(), kTimeInfinity);
}

// The k-th arrival, counting from 0, is at exactly k/rate (rounded to the nanosecond), computed
// from the count so that spacing never drifts however long the run.
TEST(ArrivalProcess, ConstantRateIsExactlyEvenlySpacedAtKOverRate) {
    ArrivalSpec spec;
    spec.process = ArrivalProcessKind::Constant;
    spec.rate_per_second = 3;
    auto process = process_for(spec);
    for (int k = 0; k < 30'000; ++k) ASSERT_EQ(process.next(), from_seconds(k / 3.0)) << "k=" << k;

    spec.rate_per_second = 4;
    auto quarter = process_for(spec);
    for (std::int64_t k = 0; k < 1000; ++k) ASSERT_EQ(quarter.next(), k * 250_ms);

    spec.rate_per_second = 0;
    auto silent = process_for(spec);
    EXPECT_EQ(silent.next(), kTimeInfinity);
}

// Steps: piecewise-constant rate, so each step's count is Poisson(rate × length); a zero-rate
// step must have no arrival at all, and a final zero step ends the process.
TEST(ArrivalProcess, StepsCountsPerStepMatchEachStepsRate) {
    auto process = process_for(with_points(ArrivalProcessKind::Steps, {{0, 10}, {100_s, 50}, {200_s, 0}, {300_s, 20}, {400_s, 0}}));
    const auto times = arrivals_until(process, kTimeInfinity);
    expect_poisson_count(count_in(times, 0, 100_s), 1000, "step 1 (10/s)");
    expect_poisson_count(count_in(times, 100_s, 200_s), 5000, "step 2 (50/s)");
    EXPECT_EQ(count_in(times, 200_s, 300_s), 0) << "step 3 (0/s)";
    expect_poisson_count(count_in(times, 300_s, 400_s), 2000, "step 4 (20/s)");
    EXPECT_EQ(count_in(times, 400_s, kTimeInfinity), 0);
}

// Once next() has said the source is exhausted, asking again must not produce an arrival (it
// would lie before the kTimeInfinity already returned). A source whose last step has zero rate
// is checked with 200 seeds, since a re-poll finds a spurious arrival only when a fresh draw
// lands in the gap between the last arrival and the end of the last non-zero step.
TEST(ArrivalProcess, AnExhaustedProcessStaysExhausted) {
    int spurious = 0;
    for (int source = 0; source < 200; ++source) {
        ArrivalProcess process(with_points(ArrivalProcessKind::Steps, {{0, 10}, {10_s, 0}}),
                               RandomStreams(static_cast<std::uint64_t>(source)).stream("exhausted", "arrivals"));
        while (process.next() != kTimeInfinity) {
        }
        for (int poll = 0; poll < 5; ++poll) spurious += process.next() != kTimeInfinity ? 1 : 0;
    }
    EXPECT_EQ(spurious, 0);
}

TEST(ArrivalProcess, StepsBeforeTheFirstPointHaveZeroRate) {
    auto process = process_for(with_points(ArrivalProcessKind::Steps, {{60_s, 5}}));
    EXPECT_GE(process.next(), 60_s);
}

// Ramp from 0/s at 0 to 200/s at 1,000 s: Λ over [0, 500 s) is ½·100·500 = 25,000 and over
// [500 s, 1,000 s) is ½·(100 + 200)·500 = 75,000. After the last point the rate stays at 200/s.
TEST(ArrivalProcess, RampCountsOverEachHalfMatchTheIntegralOfTheLinearRate) {
    auto process = process_for(with_points(ArrivalProcessKind::Ramp, {{0, 0}, {1000_s, 200}}));
    const auto times = arrivals_until(process, 1100_s);
    EXPECT_DOUBLE_EQ(process.rate_at(250), 50);
    expect_poisson_count(count_in(times, 0, 500_s), 25'000, "first half");
    expect_poisson_count(count_in(times, 500_s, 1000_s), 75'000, "second half");
    expect_poisson_count(count_in(times, 1000_s, 1100_s), 20'000, "after the ramp");
}

TEST(ArrivalProcess, RampDownMatchesTheIntegralToo) {
    // 100/s down to 20/s over 400 s: Λ = 60 · 400 = 24,000; first quarter ½(100 + 80)·100 = 9,000.
    auto process = process_for(with_points(ArrivalProcessKind::Ramp, {{0, 100}, {400_s, 20}}));
    const auto times = arrivals_until(process, 400_s);
    expect_poisson_count(static_cast<double>(times.size()), 24'000, "whole ramp");
    expect_poisson_count(count_in(times, 0, 100_s), 9'000, "first quarter");
}

// Diurnal: rate(t) = trough + (peak − trough)(1 + cos(2π(t − peak_at)/period))/2, whose mean over
// a period is (peak + trough)/2, so Λ(day) = (peak + trough)/2 × 86,400 s = 475,200. Over the
// hour centred on the peak Λ ≈ 35,950 and on the trough Λ ≈ 3,650 — hundreds of σ apart.
TEST(ArrivalProcess, DiurnalCountOverADayMatchesTheIntegralAndPeaksAtPeakAt) {
    constexpr double kPeak = 10;
    constexpr double kTrough = 1;
    auto process = process_for(diurnal(kPeak, kTrough, 14_h, kDay));
    const auto times = arrivals_until(process, kDay);
    expect_poisson_count(static_cast<double>(times.size()), (kPeak + kTrough) / 2 * 86400, "count over a day");

    // Λ over [c − 30 min, c + 30 min): 3600·(trough + (peak − trough)/2) ± the cosine part
    // (peak − trough)/2 · period/(2π) · 2 sin(π·3600/period).
    const double cosine_part = (kPeak - kTrough) / 2 * 86400 / (2 * M_PI) * 2 * std::sin(M_PI * 3600 / 86400);
    const double base = 3600 * (kTrough + (kPeak - kTrough) / 2);
    const double around_peak = count_in(times, 14_h - 30_min, 14_h + 30_min);
    const double around_trough = count_in(times, 2_h - 30_min, 2_h + 30_min);
    expect_poisson_count(around_peak, base + cosine_part, "hour around the peak");
    expect_poisson_count(around_trough, base - cosine_part, "hour around the trough");
    EXPECT_GT(around_peak, around_trough);
}

// A period that is not a whole number of "hours" (1/24 of the period) in binary floating point:
// 1,000 s gives chunks of 41.666… s. The process must keep producing arrivals; the count over
// three periods is Poisson with Λ = 3 × 1,000 × (peak + trough)/2 = 16,500. It runs on a
// separate thread so that a hang is reported as a failure instead of stalling the suite.
TEST(ArrivalProcess, DiurnalWithAPeriodNotDivisibleIntoExactChunksKeepsProducingArrivals) {
    const ArrivalSpec spec = diurnal(10, 1, 500_s, 1000_s);
    auto result = std::make_shared<std::promise<std::vector<SimTime>>>();
    auto future = result->get_future();
    std::thread([spec, result] {
        auto process = process_for(spec, "short-period");
        result->set_value(arrivals_until(process, 3000_s));
    }).detach();
    ASSERT_EQ(future.wait_for(std::chrono::seconds(1)), std::future_status::ready)
        << "ArrivalProcess::next() did not return within 1 s (expected ~16,500 arrivals in a few ms)";
    const auto times = future.get();
    expect_poisson_count(static_cast<double>(times.size()), 16'500, "count over three periods");
}

TEST(ArrivalProcess, BurstDeliversExactlyCountArrivalsEvenlySpreadOverItsWindow) {
    ArrivalSpec spec;
    spec.process = ArrivalProcessKind::Burst;
    spec.count = 10;
    spec.at = 5_s;
    spec.window = 1_s;
    auto process = process_for(spec);
    for (std::int64_t k = 0; k < 10; ++k) EXPECT_EQ(process.next(), 5_s + k * 100_ms) << "k=" << k;
    EXPECT_EQ(process.next(), kTimeInfinity);
    EXPECT_EQ(process.next(), kTimeInfinity);

    spec.window = 0;  // all at once
    auto at_once = process_for(spec);
    for (int k = 0; k < 10; ++k) EXPECT_EQ(at_once.next(), 5_s);
    EXPECT_EQ(at_once.next(), kTimeInfinity);
}

TEST(ArrivalProcess, BurstOfManyStaysInsideItsWindow) {
    ArrivalSpec spec;
    spec.process = ArrivalProcessKind::Burst;
    spec.count = 3000;
    spec.at = 1_min;
    spec.window = 3_s;
    auto process = process_for(spec);
    const auto times = arrivals_until(process, kTimeInfinity);
    ASSERT_EQ(times.size(), 3000u);
    EXPECT_EQ(times.front(), 1_min);
    EXPECT_LT(times.back(), 1_min + 3_s);
    EXPECT_EQ(times[1500], 1_min + 1500_ms);
}

TEST(ArrivalProcess, TimestampsTraceReproducesTheFileSkippingHeaderCommentsAndBlanks) {
    ArrivalSpec spec;
    spec.process = ArrivalProcessKind::Trace;
    spec.trace_format = TraceFormat::Timestamps;
    const TempFile trace("timestamps.csv", "timestamp_s\n0.5\n# a comment\n\n1.25\n1.25\n3\n  7.000000001\n");
    spec.file = trace.path();
    auto process = process_for(spec);
    EXPECT_EQ(process.next(), 500_ms);
    EXPECT_EQ(process.next(), 1250_ms);
    EXPECT_EQ(process.next(), 1250_ms);
    EXPECT_EQ(process.next(), 3_s);
    EXPECT_EQ(process.next(), 7_s + 1);
    EXPECT_EQ(process.next(), kTimeInfinity);
    EXPECT_EQ(process.next(), kTimeInfinity);
}

// Counts: N arrivals in second S at S + (i + ½)/N, i = 0 … N−1; a zero count adds none.
TEST(ArrivalProcess, CountsTraceSpreadsEachSecondsArrivalsEvenlyInsideIt) {
    ArrivalSpec spec;
    spec.process = ArrivalProcessKind::Trace;
    spec.trace_format = TraceFormat::Counts;
    const TempFile trace("counts.csv", "second,count\n0,2\n1,0\n2,4\n5,1\n");
    spec.file = trace.path();
    auto process = process_for(spec);
    const std::vector<SimTime> expected = {250_ms, 750_ms, 2_s + 125_ms, 2_s + 375_ms, 2_s + 625_ms, 2_s + 875_ms, 5_s + 500_ms};
    EXPECT_EQ(arrivals_until(process, kTimeInfinity), expected);
    EXPECT_EQ(process.next(), kTimeInfinity);
}

TEST(ArrivalProcess, AMissingTraceFileIsAnEmptySource) {
    ArrivalSpec spec;
    spec.process = ArrivalProcessKind::Trace;
    spec.file = (std::filesystem::path(::testing::TempDir()) / "lambdasim_no_such_trace.csv").string();
    auto process = process_for(spec);
    EXPECT_EQ(process.next(), kTimeInfinity);
}

TEST(ArrivalProcess, SameSeedGivesTheSameArrivals) {
    auto a = process_for(diurnal(5, 1, 1_h, 2_h));
    auto b = process_for(diurnal(5, 1, 1_h, 2_h));
    EXPECT_EQ(arrivals_until(a, 1_h), arrivals_until(b, 1_h));
}

}  // namespace
}  // namespace lambdasim
