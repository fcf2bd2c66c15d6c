// Large payloads, sent directly as asynchronous invokes against the claim-check pattern (the
// document stored in S3, the function invoked by the bucket's notification with its key and
// reading it back), on the shipped pair under common random numbers.
// Oracle: the async payload limit (1 MB, `invocation-async`) and the lognormal tail. Sizes are
// lognormal with median 400 KB and p99 3 MB, so the share above 1 MB is
// 1 - Phi(ln(1 MB / 400 KB) / sigma) with sigma = ln(3 MB / 400 KB) / z(0.99), about 14.2 %.
// Each run offers ~90,000 orders: the binomial standard error of the share is ~0.12 points,
// so 4 standard errors (0.5 points) is the tolerance, and the claim check must lose none.
#include <gtest/gtest.h>

#include <cmath>

#include <boost/math/distributions/normal.hpp>

#include "lambdasim/model/model_run.hpp"
#include "lambdasim/scenario/loader.hpp"
#include "support/cli_runner.hpp"

namespace lambdasim {
namespace {

using namespace lambdasim::testing;

TEST(ClaimCheckComparison, DirectInvokesLoseTheLognormalTailAboveOneMegabyteAndTheClaimCheckLosesNothing) {
    const boost::math::normal standard;
    const double sigma = std::log(3.0 * 1024 / 400) / boost::math::quantile(standard, 0.99);
    const double expected_share = 1.0 - boost::math::cdf(standard, std::log(1024.0 / 400) / sigma);
    for (std::uint64_t seed = 1; seed <= 2; ++seed) {
        const ScenarioSpec direct = load_scenario_file(shipped("large-payload-direct.yaml"), {{"seed", std::to_string(seed)}});
        const ScenarioSpec claim = load_scenario_file(shipped("large-payload-claim-check.yaml"), {{"seed", std::to_string(seed)}});
        const ModelRunResult a = run_model(direct), b = run_model(claim);
        ASSERT_TRUE(a.broken_invariants.empty()) << a.broken_invariants.front();
        ASSERT_TRUE(b.broken_invariants.empty()) << b.broken_invariants.front();
        const FlowCounts& fa = a.metrics->entry_point(0).total.flow;
        const FlowCounts& fb = b.metrics->entry_point(0).total.flow;
        const double share = static_cast<double>(fa.rejected) / static_cast<double>(fa.created);
        std::printf("    seed %llu: direct loses %llu of %llu (%.2f %%, theory %.2f %%); claim check loses %llu\n",
                    static_cast<unsigned long long>(seed), static_cast<unsigned long long>(fa.rejected),
                    static_cast<unsigned long long>(fa.created), 100 * share, 100 * expected_share,
                    static_cast<unsigned long long>(fb.lost()));
        EXPECT_NEAR(share, expected_share, 0.005);
        EXPECT_EQ(fb.lost(), 0u);
        // Common random numbers: the same orders arrive in both designs.
        EXPECT_EQ(fa.created, fb.created);
        // Every stored document is read back once per invocation of the processor.
        EXPECT_EQ(b.metrics->bucket(0).total.gets, b.metrics->function(0).total.invocations);
    }
}

}  // namespace
}  // namespace lambdasim
