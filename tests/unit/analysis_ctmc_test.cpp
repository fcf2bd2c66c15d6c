// The Markov chain solver is the oracle for the Erlang formulas, so it is checked on chains
// whose stationary distribution is known in closed form.
#include <gtest/gtest.h>

#include <cmath>

#include "lambdasim/analysis/ctmc.hpp"

namespace lambdasim::analysis {
namespace {

// Oracle: a two-state chain balances flow, π0·up = π1·down, so π = (down, up) / (up + down).
// Rates differ by 1e3 to exercise scaling; a 2×2 solve is exact to a few ulps, hence 1e-14.
TEST(StationaryDistribution, OfTwoStateChainBalancesFlow) {
    const double up = 0.002;
    const double down = 2.0;
    Eigen::MatrixXd generator(2, 2);
    generator << -up, up, down, -down;
    const Eigen::VectorXd pi = stationary_distribution(generator);
    EXPECT_NEAR(pi(0), down / (up + down), 1e-14);
    EXPECT_NEAR(pi(1), up / (up + down), 1e-14);
}

// Oracle: a single-server queue capped at K in system has π_n = (1 − ρ)ρ^n / (1 − ρ^(K+1)),
// exact for the truncated chain itself. Probabilities are ≤ 1 and the solve has 31 states, so
// rounding stays near 1e-15; 1e-12 is a safe bound.
TEST(StationaryDistribution, OfTruncatedSingleServerQueueIsGeometric) {
    const double arrival_rate = 3.0;
    const double service_rate = 4.0;
    const int truncate_at = 30;
    const double rho = arrival_rate / service_rate;
    const Eigen::VectorXd pi = stationary_distribution(
        delay_system_generator(1, arrival_rate, service_rate, truncate_at));
    ASSERT_EQ(pi.size(), truncate_at + 1);
    const double normaliser = (1 - rho) / (1 - std::pow(rho, truncate_at + 1));
    for (int n = 0; n <= truncate_at; ++n) {
        EXPECT_NEAR(pi(n), normaliser * std::pow(rho, n), 1e-12) << "n=" << n;
    }
}

// Oracle: the M/M/c/c definition. One state per busy-server count, arrivals step up except
// from the full state, completions step down at n·μ, and rows of a generator sum to zero.
TEST(LossSystemGenerator, StepsUpAtArrivalRateAndDownAtBusyServersTimesServiceRate) {
    const Eigen::MatrixXd generator = loss_system_generator(3, 2.0, 0.5);
    Eigen::MatrixXd expected(4, 4);
    expected << -2.0, 2.0, 0.0, 0.0,  //
        0.5, -2.5, 2.0, 0.0,          //
        0.0, 1.0, -3.0, 2.0,          //
        0.0, 0.0, 1.5, -1.5;
    EXPECT_EQ(generator, expected);
}

// Oracle: the M/M/c definition. Beyond c in system only c servers complete work, so the
// completion rate stops growing; the last state refuses arrivals so the chain stays finite.
TEST(DelaySystemGenerator, CompletesAtMostServersAtOnce) {
    const Eigen::MatrixXd generator = delay_system_generator(2, 1.0, 3.0, 4);
    ASSERT_EQ(generator.rows(), 5);
    EXPECT_EQ(generator(1, 0), 3.0);
    EXPECT_EQ(generator(2, 1), 6.0);
    EXPECT_EQ(generator(3, 2), 6.0);
    EXPECT_EQ(generator(4, 3), 6.0);
    EXPECT_EQ(generator(4, 4), -6.0);
    EXPECT_TRUE(generator.rowwise().sum().isZero(0.0));
}

}  // namespace
}  // namespace lambdasim::analysis
