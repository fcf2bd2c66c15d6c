// Oracle: documented AWS behaviour for provisioned concurrency (`provisioned-concurrency`):
// provisioned environments are initialised before traffic and used first (never cold); beyond
// them invocations spill over to on-demand environments and are counted as spillover; a level
// change becomes usable only after allocation, all at once. Deterministic loads: exact checks.
#include <gtest/gtest.h>

#include "support/spec_builders.hpp"

namespace lambdasim {
namespace {

using namespace lambdasim::testing;

ScenarioSpec provisioned(int level, double per_second) {
    ScenarioSpec s = scenario(10 * kMinute);
    FunctionSpec f = function("api", DistributionSpec::constant(1.0));
    f.cold_start = DistributionSpec::constant(2.0);
    f.provisioned_concurrency = {{0, level}};
    s.functions.push_back(f);
    s.traffic.push_back(constant_rate("users", "api", per_second));
    return s;
}

TEST(ProvisionedConcurrency, NoColdStartsWhileLoadStaysBelowTheProvisionedLevel) {
    const ScenarioSpec s = provisioned(20, 10);  // about 10 busy at once
    const ModelRunResult r = run_model(s);
    const FunctionCounts& t = totals(r, s, "api");
    EXPECT_EQ(t.cold_starts, 0u);
    EXPECT_EQ(t.provisioned_spillover_invocations, 0u);
    EXPECT_EQ(t.provisioned_invocations, t.invocations);
    EXPECT_EQ(t.invocations, 6000u);
}

TEST(ProvisionedConcurrency, SpillsOverToOnDemandAboveTheProvisionedLevel) {
    const ScenarioSpec s = provisioned(20, 40);  // about 40 busy at once
    const ModelRunResult r = run_model(s);
    const FunctionCounts& t = totals(r, s, "api");
    EXPECT_GT(t.cold_starts, 0u);
    EXPECT_EQ(t.provisioned_spillover_invocations, t.invocations - t.provisioned_invocations);
    // 20 provisioned environments each serve one 1-second invocation per second.
    EXPECT_NEAR(static_cast<double>(t.provisioned_invocations), 20 * 600, 40);
    EXPECT_NEAR(static_cast<double>(t.provisioned_spillover_invocations), 20 * 600, 80);
}

TEST(ProvisionedConcurrency, CountsAgainstTheUnreservedPool) {
    ScenarioSpec s = provisioned(300, 1);
    s.functions.push_back(function("other", DistributionSpec::constant(60)));
    s.traffic.push_back(burst("jobs", "other", 1000, kSecond));
    const ModelRunResult r = run_model(s);
    EXPECT_EQ(r.unreserved_capacity, 700);
    EXPECT_EQ(r.metrics->function(1).concurrency.max(), 700);
}

TEST(ProvisionedConcurrency, ALevelChangeIsUsableOnlyAfterAllocation) {
    ScenarioSpec s = provisioned(0, 10);
    FunctionSpec& f = s.functions[0];
    f.provisioned_concurrency = {{kMinute, 50}};
    f.provisioned_allocation_delay = 90 * kSecond;
    f.idle_lifetime = DistributionSpec::constant(0.5);  // on-demand environments die between requests
    // Ready at 60 s + 90 s + 50 / 6,000 per minute = 150.5 s. Before it every request is cold
    // (on demand, reclaimed between requests); after it none is.
    const ModelRunResult r = run_model(s);
    const FunctionCounts& t = totals(r, s, "api");
    EXPECT_NEAR(static_cast<double>(t.provisioned_invocations), (600 - 150.5) * 10, 12);
    // Configured at 60 s, so from then until ready every invocation counts as spillover.
    EXPECT_NEAR(static_cast<double>(t.provisioned_spillover_invocations), (150.5 - 60) * 10, 1);
}

}  // namespace
}  // namespace lambdasim
