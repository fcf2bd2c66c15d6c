// S3 buckets: the write-rate limit per partitioned prefix (503 SlowDown above it) and
// s3:ObjectCreated notifications to a function, a topic and a queue, checked against the token
// bucket's arithmetic and the flow conservation invariant.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>

#include "lambdasim/scenario/loader.hpp"
#include "lambdasim/scenario/override.hpp"
#include "lambdasim/scenario/resolved_writer.hpp"
#include "lambdasim/scenario/scenario_error.hpp"
#include "support/spec_builders.hpp"

namespace lambdasim {
namespace {

using namespace lambdasim::testing;

TrafficSourceSpec to_bucket(TrafficSourceSpec t, const std::string& bucket) {
    t.target.kind = TargetSpec::Kind::Bucket;
    t.target.name = bucket;
    t.target.function.clear();
    return t;
}

BucketSpec bucket(const std::string& name, int prefixes = 1) {
    BucketSpec b;
    b.name = name;
    b.prefixes = prefixes;
    return b;
}

// A bucket with no notifications, a constant PUT stream of `rate` per second for 10 s.
ModelRunResult put_stream(double rate, int prefixes, std::uint64_t seed = 1) {
    ScenarioSpec s = scenario(10 * kSecond, seed);
    s.functions.push_back(function("unused", DistributionSpec::constant(0.1)));
    s.buckets.push_back(bucket("uploads", prefixes));
    s.traffic.push_back(to_bucket(constant_rate("writers", "", rate), "uploads"));
    return run_model(s, {});
}

// Oracle: a token bucket that starts full with one second's worth (3,500) and refills 3,500/s
// admits 3,500 + 3,500 x 10 PUTs in 10 s when offered more. Tolerance +-1: whether a PUT at the
// very end of the run finds its token depends on where the arrivals fall against the refill.
TEST(S3Bucket, OnePrefixAcceptsThirtyFiveHundredPerSecondAfterTheBurstAndRefusesTheRestWithSlowDown) {
    const ModelRunResult r = put_stream(5000, 1);
    const BucketCounts& c = r.metrics->bucket(0).total;
    EXPECT_NEAR(static_cast<double>(c.accepted), 3500.0 * 10 + 3500, 1.0);
    EXPECT_EQ(c.accepted + c.slow_down, c.puts);
    EXPECT_NEAR(static_cast<double>(c.puts), 5000.0 * 10, 1.0);
    const FlowCounts& flow = r.metrics->entry_point(0).total.flow;
    EXPECT_EQ(flow.rejected, c.slow_down);
    EXPECT_EQ(flow.delivered, c.accepted);  // stored: no notifications
    EXPECT_TRUE(r.broken_invariants.empty());
}

// Oracle: keys spread uniformly over 2 prefixes at 10,000/s put about 5,000/s on each, above
// both limits, so each prefix accepts its full 3,500/s: twice what one prefix accepts. The split
// is random (fixed seed), and a prefix that gets fewer than 3,500 in some second would accept
// less; at 5,000 expected per second a shortfall is far out in the tail, so 2 % is a loose bound.
TEST(S3Bucket, TwoPrefixesAcceptAboutTwiceAsMuchAsOne) {
    const double one = static_cast<double>(put_stream(10000, 1).metrics->bucket(0).total.accepted);
    const double two = static_cast<double>(put_stream(10000, 2).metrics->bucket(0).total.accepted);
    std::printf("    10,000 PUT/s for 10 s: 1 prefix accepts %.0f, 2 prefixes %.0f (ratio %.4f)\n", one, two,
                two / one);
    EXPECT_NEAR(two / one, 2.0, 0.04);
}

TEST(S3Bucket, NotificationsToAFunctionATopicAndAQueueDeliverEveryAcceptedPut) {
    ScenarioSpec s = scenario(60 * kSecond);
    s.account.concurrency_limit = 3000;
    s.functions.push_back(function("thumbnailer", DistributionSpec::constant(0.05)));
    s.functions.push_back(function("indexer", DistributionSpec::constant(0.05)));
    s.functions.push_back(function("consumer", DistributionSpec::constant(0.05)));
    s.queues.push_back(queue("jobs"));
    s.event_source_mappings.push_back(mapping("jobs", "consumer", 10));
    TopicSpec topic;
    topic.name = "uploaded";
    topic.subscriptions.push_back({SubscriptionSpec::Kind::Function, "indexer", 1.0, ""});
    s.topics.push_back(topic);
    BucketSpec b = bucket("uploads");
    b.notifications = {{BucketNotificationSpec::Kind::Function, "thumbnailer"},
                       {BucketNotificationSpec::Kind::Topic, "uploaded"},
                       {BucketNotificationSpec::Kind::Queue, "jobs"}};
    s.buckets.push_back(b);
    // Stop the PUTs 10 s before the end so everything they caused has finished.
    TrafficSourceSpec t = to_bucket(poisson("users", "", 200), "uploads");
    t.arrivals.process = ArrivalProcessKind::Steps;
    t.arrivals.points = {{0, 200}, {50 * kSecond, 0}};
    s.traffic.push_back(t);
    const ModelRunResult r = run_model(s, {});
    EXPECT_TRUE(r.broken_invariants.empty()) << r.broken_invariants.front();
    const BucketCounts& c = r.metrics->bucket(0).total;
    EXPECT_GT(c.accepted, 9000u);
    EXPECT_EQ(c.slow_down, 0u);
    EXPECT_EQ(c.notifications, 3 * c.accepted);
    const FlowCounts& flow = r.metrics->entry_point(0).total.flow;
    EXPECT_EQ(flow.created, 3 * c.accepted);
    EXPECT_EQ(flow.delivered, 3 * c.accepted);
    EXPECT_EQ(r.flow_in_flight[0], 0u);
    EXPECT_EQ(totals(r, s, "thumbnailer").invocations, c.accepted);
    EXPECT_EQ(totals(r, s, "indexer").invocations, c.accepted);
    EXPECT_EQ(r.metrics->queue(0).total.deleted, c.accepted);
}

TEST(S3Bucket, ANotificationNamingAnUnknownFunctionIsALocatedError) {
    const std::string yaml =
        "functions:\n  thumbnailer:\n    duration: 100ms\n"
        "buckets:\n  uploads:\n    notifications:\n      - {function: thumbnailr}\n";
    try {
        load_scenario_text(yaml, "s3.yaml");
        FAIL() << "expected a ScenarioError";
    } catch (const ScenarioError& e) {
        EXPECT_EQ(e.line, 7);
        EXPECT_NE(std::string(e.what()).find("no function named `thumbnailr`"), std::string::npos) << e.what();
    }
}

TEST(S3Bucket, WriteRateLimitCanBeSetFromTheCommandLineAndRoundTrips) {
    const std::string yaml =
        "functions:\n  thumbnailer:\n    duration: 100ms\n"
        "buckets:\n  uploads:\n    prefixes: 4\n    notifications: [{function: thumbnailer}]\n"
        "traffic:\n  users:\n    arrivals: {process: poisson, rate: 200/s}\n    target: {bucket: uploads}\n";
    const ScenarioSpec s =
        load_scenario_text(yaml, "s3.yaml", {parse_override("buckets.uploads.write_rate_limit=100/s")});
    ASSERT_EQ(s.buckets.size(), 1u);
    EXPECT_DOUBLE_EQ(s.buckets[0].write_rate_limit_per_second, 100.0);
    EXPECT_EQ(s.buckets[0].prefixes, 4);
    EXPECT_EQ(s.traffic[0].target.kind, TargetSpec::Kind::Bucket);
    const ScenarioSpec again = load_scenario_text(to_resolved_yaml(s), "resolved.yaml");
    EXPECT_EQ(to_resolved_yaml(again), to_resolved_yaml(s));
    ASSERT_EQ(again.buckets.size(), 1u);
    EXPECT_EQ(again.buckets[0].notifications.size(), 1u);
}

}  // namespace
}  // namespace lambdasim
