// The token bucket models AWS's scaling limit (1,000 new environments per 10 s per function),
// the 10-requests-per-second-per-concurrency caps and API Gateway's throttle. It works in
// integers, so refills must be exact to the token: these tests count tokens, they do not
// estimate rates.
#include <gtest/gtest.h>

#include <cstdint>

#include "lambdasim/model/token_bucket.hpp"

namespace lambdasim {
namespace {

using namespace time_literals;

std::int64_t drain(TokenBucket& bucket, SimTime now) {
    std::int64_t taken = 0;
    while (bucket.try_take(now)) ++taken;
    return taken;
}

TEST(TokenBucket, StartsFull) {
    TokenBucket bucket(1000, 1000, 10_s);
    EXPECT_EQ(bucket.tokens(0), 1000);
    EXPECT_EQ(drain(bucket, 0), 1000);
    EXPECT_EQ(bucket.tokens(0), 0);
    EXPECT_FALSE(bucket.available(0));
}

// 1,000 tokens per 10 s is one token every 10 ms exactly; the count at t = 10 ms · k must be k,
// and one nanosecond earlier it must still be k − 1.
TEST(TokenBucket, RefillsExactlyOneTokenEvery10msAt1000Per10Seconds) {
    TokenBucket bucket(1000, 1000, 10_s);
    ASSERT_EQ(drain(bucket, 0), 1000);
    for (std::int64_t k = 1; k <= 1000; ++k) {
        ASSERT_EQ(bucket.tokens(k * 10_ms - 1), k - 1) << "k=" << k;
        ASSERT_EQ(bucket.tokens(k * 10_ms), k) << "k=" << k;
    }
    EXPECT_EQ(bucket.tokens(20_s), 1000);  // and then it is full
}

TEST(TokenBucket, TakingAsSoonAsATokenArrivesSustainsExactlyTheRefillRate) {
    TokenBucket bucket(1000, 1000, 10_s);
    ASSERT_EQ(drain(bucket, 0), 1000);
    std::int64_t taken = 0;
    for (SimTime now = 1_ms; now <= 60_s; now += 1_ms) taken += drain(bucket, now);
    EXPECT_EQ(taken, 6000);  // 60 s at 100 per second
}

TEST(TokenBucket, NeverExceedsCapacityAfterALongIdle) {
    TokenBucket bucket(1000, 1000, 10_s);
    ASSERT_EQ(drain(bucket, 0), 1000);
    EXPECT_EQ(bucket.tokens(1_h), 1000);
    // 10^17 ns (about three years): elapsed × amount would overflow 64 bits without the clamp.
    EXPECT_EQ(bucket.tokens(100'000'000'000'000'000), 1000);
    EXPECT_EQ(drain(bucket, 100'000'000'000'000'000), 1000);
    EXPECT_EQ(bucket.tokens(100'000'000'000'000'000 + 10_ms), 1);
}

TEST(TokenBucket, SurvivesAHugeElapsedTimeWithAFastRate) {
    // per_second keeps three decimals, so 10,000/s becomes 10^7 milli-tokens per 1,000 s: the
    // largest refill product the class is used with.
    TokenBucket bucket = TokenBucket::per_second(10000, 10000);
    ASSERT_EQ(drain(bucket, 0), 10000);
    EXPECT_EQ(bucket.tokens(100'000'000'000'000'000), 10000);
}

TEST(TokenBucket, PerSecondSustainsExactlyNTokensInNOverRateSeconds) {
    TokenBucket bucket = TokenBucket::per_second(10000, 10000);
    EXPECT_EQ(drain(bucket, 0), 10000);  // the burst
    // 10,000 per second is one every 100 µs; after N/10,000 s exactly N more are available.
    for (std::int64_t n : {1, 7, 10000, 25000}) {
        TokenBucket b = TokenBucket::per_second(10000, 100000);
        ASSERT_EQ(drain(b, 0), 100000);
        const SimTime at = n * 100_us;
        EXPECT_EQ(b.tokens(at - 1), n - 1) << "n=" << n;
        EXPECT_EQ(drain(b, at), n) << "n=" << n;
    }
    // Taking greedily every 50 µs for one second yields exactly 10,000 after the burst.
    std::int64_t taken = 0;
    for (SimTime now = 50_us; now <= 1_s; now += 50_us) taken += drain(bucket, now);
    EXPECT_EQ(taken, 10000);
}

TEST(TokenBucket, PerSecondKeepsFractionalRates) {
    TokenBucket bucket = TokenBucket::per_second(0.5, 1);  // one token every 2 s
    ASSERT_EQ(drain(bucket, 0), 1);
    EXPECT_EQ(bucket.tokens(2_s - 1), 0);
    EXPECT_EQ(bucket.tokens(2_s), 1);
}

TEST(TokenBucket, ADefaultConstructedBucketIsUnlimited) {
    TokenBucket bucket;
    EXPECT_TRUE(bucket.unlimited());
    EXPECT_EQ(bucket.tokens(0), INT64_MAX);
    for (int i = 0; i < 100'000; ++i) ASSERT_TRUE(bucket.try_take(0));
    EXPECT_TRUE(bucket.available(1_s));
}

TEST(TokenBucket, AZeroCapacityBucketNeverGrantsATokenButIsNotUnlimited) {
    // The model uses TokenBucket(0, 0, 1) for "no provisioned concurrency".
    TokenBucket bucket(0, 0, 1);
    EXPECT_FALSE(bucket.unlimited());
    EXPECT_FALSE(bucket.available(0));
    EXPECT_FALSE(bucket.try_take(1_h));
}

}  // namespace
}  // namespace lambdasim
