// The Erlang formulas are the oracles for the simulator's concurrency model, so they are
// themselves checked two independent ways: against values computed outside this code, and
// against the stationary distribution of the birth–death Markov chain they describe.
#include <gtest/gtest.h>

#include <cmath>

#include "lambdasim/analysis/ctmc.hpp"
#include "lambdasim/analysis/erlang.hpp"
#include "lambdasim/analysis/littles_law.hpp"

namespace lambdasim::analysis {
namespace {

struct LoadCase {
    int servers;
    double offered_load;  // Erlangs
};

// Tail mass of the truncated delay chain is about ρ^kQueueStates; at the highest ρ tested
// (45/50 = 0.9) that is 0.9^400 ≈ 5e-19, far below every tolerance used here.
constexpr int kQueueStates = 400;

// Mean number waiting, Lq = Σ (n − c) π_n over states with a queue.
double mean_queue_length(const Eigen::VectorXd& pi, int servers) {
    double waiting = 0.0;
    for (Eigen::Index n = servers + 1; n < pi.size(); ++n) {
        waiting += static_cast<double>(n - servers) * pi(n);
    }
    return waiting;
}

// Oracle: B(10, 8) = 0.1217 is the value printed in standard Erlang B tables. B(50, 45),
// B(100, 95) and B(1000, 950) have no table entry we trust; their reference values come from the
// recursion itself, confirmed by evaluating the closed form (a^c/c!) / Σ a^k/k! in exact
// rational arithmetic (Python fractions) and by the Markov chain test below. Each is quoted to
// 4 significant digits, so the tolerance is half a unit in the 4th digit. The (1000, 950) case
// is where the closed form overflows a double and only a stable recursion still works.
TEST(ErlangB, MatchesReferenceValuesToFourSignificantDigits) {
    struct Reference {
        LoadCase load;
        double blocking;
        double half_unit_in_4th_digit;
    };
    const Reference references[] = {
        {{10, 8.0}, 0.1217, 0.5e-4},
        {{50, 45.0}, 0.05410, 0.5e-5},
        {{100, 95.0}, 0.04880, 0.5e-5},
        {{1000, 950.0}, 0.003649, 0.5e-6},
    };
    for (const auto& [load, blocking, tolerance] : references) {
        SCOPED_TRACE(testing::Message() << "c=" << load.servers << " a=" << load.offered_load);
        EXPECT_NEAR(erlang_b(load.servers, load.offered_load), blocking, tolerance);
    }
}

// Oracle: in the M/M/c/c chain, the probability of the full state is, by PASTA, the fraction
// of arrivals lost, which is what Erlang B claims. Both sides are double-precision results of
// unrelated computations (a recursion vs. a dense LU solve of ≤ 101 states) whose rounding
// error is around 1e-14; 1e-10 leaves room for that yet any modelling slip (an off-by-one in
// states or rates) moves B by more than 1e-3.
TEST(ErlangB, MatchesLossSystemMarkovChain) {
    for (const auto [servers, offered_load] : {LoadCase{10, 8.0}, {50, 45.0}, {100, 95.0}}) {
        SCOPED_TRACE(testing::Message() << "c=" << servers << " a=" << offered_load);
        // Unit service rate makes the arrival rate equal to the offered load.
        const Eigen::VectorXd pi =
            stationary_distribution(loss_system_generator(servers, offered_load, 1.0));
        EXPECT_NEAR(pi(servers), erlang_b(servers, offered_load), 1e-10);
    }
}

// Oracle: the chain's mean state Σ n π_n is the mean number of busy servers. Values are up to
// ~90, so 1e-8 absolute is still ~1e-10 relative, the same margin as the blocking test.
TEST(ErlangB, CarriedLoadEqualsMeanBusyServersOfMarkovChain) {
    for (const auto [servers, offered_load] : {LoadCase{10, 8.0}, {50, 45.0}, {100, 95.0}}) {
        SCOPED_TRACE(testing::Message() << "c=" << servers << " a=" << offered_load);
        const Eigen::VectorXd pi =
            stationary_distribution(loss_system_generator(servers, offered_load, 1.0));
        const Eigen::VectorXd busy_servers = Eigen::VectorXd::LinSpaced(servers + 1, 0, servers);
        EXPECT_NEAR(pi.dot(busy_servers), mean_busy_servers_loss(servers, offered_load), 1e-8);
    }
}

// Oracle: in the M/M/c chain an arrival waits exactly when it finds ≥ c in the system, and by
// PASTA that probability is Σ_{n ≥ c} π_n. The truncated tail (< 1e-18) and LU rounding
// (~1e-13 over ≤ 451 states) are both far inside 1e-8.
TEST(ErlangC, ProbabilityOfWaitingMatchesDelaySystemMarkovChain) {
    for (const auto [servers, offered_load] : {LoadCase{20, 16.0}, {50, 45.0}}) {
        SCOPED_TRACE(testing::Message() << "c=" << servers << " a=" << offered_load);
        const Eigen::VectorXd pi = stationary_distribution(
            delay_system_generator(servers, offered_load, 1.0, servers + kQueueStates));
        EXPECT_NEAR(pi.tail(pi.size() - servers).sum(), erlang_c(servers, offered_load), 1e-8);
    }
}

// Oracle: Little's law applied to the queue alone, Wq = Lq / λ, with Lq read off the chain.
// A non-unit mean service time checks that the wait comes out in mean_service's unit. Lq sums
// (n − c) π_n, which weights the truncated tail by up to 400, still < 1e-15; 1e-6 is the
// tolerance asked of this oracle and is loose against both error sources.
TEST(ErlangC, MeanWaitMatchesMarkovChainThroughLittlesLaw) {
    for (const double mean_service : {1.0, 0.25}) {
        for (const auto [servers, offered_load] : {LoadCase{20, 16.0}, {50, 45.0}}) {
            SCOPED_TRACE(testing::Message() << "c=" << servers << " a=" << offered_load
                                            << " mean_service=" << mean_service);
            const double arrival_rate = offered_load / mean_service;
            const Eigen::VectorXd pi = stationary_distribution(delay_system_generator(
                servers, arrival_rate, 1.0 / mean_service, servers + kQueueStates));
            const double chain_wait =
                littles_law_mean_time(mean_queue_length(pi, servers), arrival_rate);
            EXPECT_NEAR(chain_wait, erlang_c_mean_wait(servers, offered_load, mean_service),
                        1e-6);
        }
    }
}

// Oracle: the definitions. With no servers every arrival is lost; with no load none is, and
// none waits. These are exact, so the comparison is exact.
TEST(ErlangB, LosesEverythingWithoutServersAndNothingWithoutLoad) {
    EXPECT_EQ(erlang_b(0, 3.0), 1.0);
    EXPECT_EQ(erlang_b(5, 0.0), 0.0);
    EXPECT_EQ(erlang_c(5, 0.0), 0.0);
    EXPECT_EQ(erlang_c_mean_wait(5, 0.0, 1.0), 0.0);
}

// Oracle: the documented contract. An unstable delay system (a ≥ c) has no steady state, and
// negative or non-finite inputs have no meaning; each gives NaN rather than a plausible number.
TEST(Erlang, InputsOutsideTheDomainGiveNaN) {
    EXPECT_TRUE(std::isnan(erlang_b(-1, 1.0)));
    EXPECT_TRUE(std::isnan(erlang_b(5, -1.0)));
    EXPECT_TRUE(std::isnan(erlang_b(5, INFINITY)));
    EXPECT_TRUE(std::isnan(erlang_c(5, 5.0)));
    EXPECT_TRUE(std::isnan(erlang_c(5, 7.0)));
    EXPECT_TRUE(std::isnan(erlang_c_mean_wait(5, 6.0, 1.0)));
    EXPECT_TRUE(std::isnan(erlang_c_mean_wait(5, 4.0, 0.0)));
    EXPECT_TRUE(std::isnan(mean_busy_servers_loss(5, -1.0)));
}

}  // namespace
}  // namespace lambdasim::analysis
