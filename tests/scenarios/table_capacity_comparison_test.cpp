// A flash sale against a new on-demand DynamoDB table and against a provisioned one (the
// shipped pair orders-table-on-demand / orders-table-provisioned, common random numbers).
// Oracle: DynamoDB's documented capacity rules. The new on-demand table serves at most 4,000
// write units in each second until a peak is 30 minutes old; the sale (3,000 orders/s x 2 units
// from 10 to 30 min) needs 6,000, so the table consumes exactly 4,000 x 1,200 units during the
// sale and 2 units per order outside it (Poisson arrivals: ~600,000 orders outside the sale,
// std. error ~0.1 %, so a 1 % tolerance is over 5 std. errors even with retries spilling past
// the sale's end). The provisioned table (6,500 write units/s) never throttles.
#include <gtest/gtest.h>

#include "lambdasim/model/model_run.hpp"
#include "lambdasim/scenario/loader.hpp"
#include "support/cli_runner.hpp"

namespace lambdasim {
namespace {

using namespace lambdasim::testing;

TEST(TableCapacityComparison, ANewOnDemandTableServesFourThousandWritesASecondThroughTheSaleAndProvisionedNone) {
    const ScenarioSpec on_demand = load_scenario_file(shipped("orders-table-on-demand.yaml"));
    const ScenarioSpec provisioned = load_scenario_file(shipped("orders-table-provisioned.yaml"));
    const ModelRunResult a = run_model(on_demand), b = run_model(provisioned);
    ASSERT_TRUE(a.broken_invariants.empty()) << a.broken_invariants.front();
    ASSERT_TRUE(b.broken_invariants.empty()) << b.broken_invariants.front();
    const TableCounts& ta = a.metrics->tables()[0].total;
    const TableCounts& tb = b.metrics->tables()[0].total;
    const EntryPointCounts& ea = a.metrics->entry_point(0).total;
    const EntryPointCounts& eb = b.metrics->entry_point(0).total;
    EXPECT_EQ(ea.requests, eb.requests);  // the same orders arrive in both designs
    // Orders outside the sale, each written once with 2 units when it succeeds.
    const double outside_sale_orders = static_cast<double>(ea.requests) - 3000.0 * 1200;
    const double expected_units = 4000.0 * 1200 + 2.0 * outside_sale_orders;
    std::printf("    on demand: %llu write units consumed (expected %.0f), %llu throttle events, %llu orders failed; "
                "provisioned: %llu throttle events, %llu failed\n",
                static_cast<unsigned long long>(ta.write_units), expected_units,
                static_cast<unsigned long long>(ta.write_throttles), static_cast<unsigned long long>(ea.failed),
                static_cast<unsigned long long>(tb.write_throttles), static_cast<unsigned long long>(eb.failed));
    EXPECT_NEAR(static_cast<double>(ta.write_units), expected_units, 0.01 * expected_units);
    EXPECT_GT(ea.failed, 1000000u);  // about a third of the sale's 3.6 M orders
    EXPECT_EQ(tb.write_throttles, 0u);
    EXPECT_EQ(eb.failed, 0u);
    // Every order succeeded there, each with one 2-unit write (those still running may have written).
    EXPECT_GE(tb.write_units, 2 * eb.succeeded);
    EXPECT_LE(tb.write_units, 2 * eb.requests);
}

}  // namespace
}  // namespace lambdasim
