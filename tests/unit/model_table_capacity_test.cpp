// DynamoDB table capacity: provisioned burst and on-demand "twice the previous peak", checked
// against the worked examples and rules of the DynamoDB documentation (exact arithmetic, so
// the tolerances are one request at a window's edge).
#include <gtest/gtest.h>

#include "lambdasim/model/table_capacity.hpp"

namespace lambdasim {
namespace {

struct Served {
    std::uint64_t served = 0;
    std::uint64_t refused = 0;
};

// Offers `per_second` one-unit requests, evenly spaced, in [from, to).
Served offer(TableCapacity& capacity, double per_second, SimTime from, SimTime to) {
    Served s;
    const auto count = static_cast<std::int64_t>(to_seconds(to - from) * per_second);
    for (std::int64_t k = 0; k < count; ++k) {
        const SimTime at = from + static_cast<SimTime>(static_cast<double>(k) * 1e9 / per_second);
        (capacity.try_consume(at, 1) ? s.served : s.refused)++;
    }
    return s;
}

// Oracle: the documentation's example. A table provisioned at 150 RCU, unused for 5 minutes,
// holds 150 x 300 = 45,000 units of burst; a load of 200 units/s drains it at 50/s, so it is
// served in full for 45,000 / 50 = 900 s and at the provisioned 150/s after that.
TEST(TableCapacity, ProvisionedBurstServesTheDocumentedFifteenMinutesAboveCapacity) {
    TableCapacity reads = TableCapacity::provisioned(150, 300 * kSecond);
    const Served before = offer(reads, 200, 0, 899 * kSecond);
    EXPECT_EQ(before.refused, 0u);
    const Served after = offer(reads, 200, 899 * kSecond, 1200 * kSecond);
    // 45,000 + 150 x 1,200 served in all; the rest refused.
    EXPECT_NEAR(static_cast<double>(before.served + after.served), 45000.0 + 150.0 * 1200, 2.0);
    EXPECT_GT(after.refused, 0u);
}

// Oracle: without burst the bucket holds one second of capacity, so 100/s provisioned serves
// 100 + 100 x T of 150 x T offered in T seconds.
TEST(TableCapacity, ProvisionedWithoutBurstServesItsRateAfterTheFirstSecond) {
    TableCapacity writes = TableCapacity::provisioned(100, 0);
    const Served s = offer(writes, 150, 0, 100 * kSecond);
    EXPECT_NEAR(static_cast<double>(s.served), 100.0 + 100.0 * 100, 2.0);
    EXPECT_EQ(s.served + s.refused, 15000u);
}

// A request of several units takes them all or none.
TEST(TableCapacity, AMultiUnitRequestTakesAllItsUnitsOrNone) {
    TableCapacity writes = TableCapacity::provisioned(10, 0);
    EXPECT_TRUE(writes.try_consume(0, 6));
    EXPECT_FALSE(writes.try_consume(0, 5));
    EXPECT_TRUE(writes.try_consume(0, 4));
    EXPECT_FALSE(writes.try_consume(0, 1));
}

// Oracle: a new on-demand table takes 4,000 write units/s at once; above twice its previous
// peak within 30 minutes it throttles. Offered 5,000/s it serves 4,000 in each second until the
// first minute's peak (4,000) is 30 minutes old — at 31:00 — and all 5,000 after.
TEST(TableCapacity, OnDemandServesTheInitialRateUntilThePeakIsThirtyMinutesOld) {
    TableCapacity writes = TableCapacity::on_demand(4000, 40000);
    const Served early = offer(writes, 5000, 0, 31 * kMinute);
    EXPECT_EQ(early.served, 4000u * 31 * 60);
    EXPECT_EQ(early.refused, 1000u * 31 * 60);
    const Served later = offer(writes, 5000, 31 * kMinute, 40 * kMinute);
    EXPECT_EQ(later.refused, 0u);
    EXPECT_DOUBLE_EQ(writes.allowance_per_second(), 8000.0);
}

// Oracle: the documentation's example — after a peak of 50,000 reads/s the table takes up to
// 100,000/s at once — scaled down 100 times to keep the test fast: a new table allowed 120/s
// under a sustained 500/s doubles its allowance each time the last one has been served for 30
// minutes: 120, 240, 480, then 960, which serves everything.
TEST(TableCapacity, OnDemandDoublesThePreviousPeakEveryThirtyMinutesUnderSustainedLoad) {
    TableCapacity reads = TableCapacity::on_demand(120, 1e6);
    const auto second_at = [&](SimTime t) { return offer(reads, 500, t, t + kSecond).served; };
    offer(reads, 500, 0, 30 * kMinute);
    EXPECT_EQ(second_at(30 * kMinute), 120u);
    offer(reads, 500, 30 * kMinute + kSecond, 31 * kMinute);
    EXPECT_EQ(second_at(31 * kMinute), 240u);
    offer(reads, 500, 31 * kMinute + kSecond, 61 * kMinute);
    EXPECT_EQ(second_at(61 * kMinute), 240u);
    offer(reads, 500, 61 * kMinute + kSecond, 62 * kMinute);
    EXPECT_EQ(second_at(62 * kMinute), 480u);
    offer(reads, 500, 62 * kMinute + kSecond, 93 * kMinute);
    EXPECT_EQ(offer(reads, 500, 93 * kMinute, 94 * kMinute).refused, 0u);
    EXPECT_DOUBLE_EQ(reads.allowance_per_second(), 960.0);
}

// A quiet period does not lower the allowance: the peak is remembered ("instantly accommodates
// ... any previously reached traffic level").
TEST(TableCapacity, OnDemandRemembersAPeakAcrossAQuietHour) {
    TableCapacity writes = TableCapacity::on_demand(4000, 40000);
    offer(writes, 4000, 0, 2 * kMinute);
    offer(writes, 1, 2 * kMinute, 95 * kMinute);
    EXPECT_EQ(offer(writes, 8000, 95 * kMinute, 96 * kMinute).refused, 0u);
}

// The table-level quota caps the allowance whatever the peak.
TEST(TableCapacity, OnDemandNeverServesAboveTheTableQuota) {
    TableCapacity writes = TableCapacity::on_demand(4000, 6000);
    offer(writes, 4000, 0, 2 * kMinute);
    EXPECT_EQ(offer(writes, 10000, 40 * kMinute, 40 * kMinute + kSecond).served, 6000u);
}

}  // namespace
}  // namespace lambdasim
