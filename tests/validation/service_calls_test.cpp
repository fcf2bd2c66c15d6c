// Service calls made during an invocation (`calls:`): their latency adds to the invocation's
// duration exactly; the function timeout cuts the chain of calls; throttled calls are retried by
// the SDK and, when they fail for good, fail the invocation; work sent on by a call is new flow
// (conservation holds, end-to-end latency is measured at the end of the path); `when: before`
// runs a call before the handler. Constant durations make these exact closed-form cases.
#include <gtest/gtest.h>

#include "support/spec_builders.hpp"

namespace lambdasim {
namespace {

using namespace lambdasim::testing;

CallSpec call(CallSpec::Kind kind, const std::string& target, double latency_s) {
    CallSpec c;
    c.kind = kind;
    c.target = target;
    c.latency = DistributionSpec::constant(latency_s);
    return c;
}

TableSpec provisioned_table(const std::string& name, double writes_per_second, SimTime burst = 0) {
    TableSpec t;
    t.name = name;
    t.mode = CapacityMode::Provisioned;
    t.read_capacity_per_second = writes_per_second;
    t.write_capacity_per_second = writes_per_second;
    t.burst = burst;
    return t;
}

BucketSpec bucket(const std::string& name) {
    BucketSpec b;
    b.name = name;
    return b;
}

TableSpec hot_key_table(const std::string& name, double share) {
    TableSpec t;
    t.name = name;
    t.hot_key_share = share;
    return t;
}

// A function `writer` (10 ms handler) that writes once to `table` (1 unit, `latency_s`, SDK
// attempts `attempts` with `backoff_base`), called synchronously at a constant `rate`.
ScenarioSpec table_writer(SimTime duration, TableSpec table, double rate, int attempts, SimTime backoff_base,
                          double latency_s) {
    ScenarioSpec s = scenario(duration);
    FunctionSpec f = function("writer", DistributionSpec::constant(0.010));
    CallSpec write = call(CallSpec::Kind::TableWrite, table.name, latency_s);
    write.retries.max_attempts = attempts;
    write.retries.backoff_base = backoff_base;
    f.calls = {write};
    s.functions.push_back(f);
    s.tables.push_back(table);
    s.traffic.push_back(constant_rate("api", "writer", rate));
    return s;
}

// Oracle: an invocation is its handler's 100 ms plus a 20 ms table write plus a 30 ms PUT:
// exactly 150 ms, for the function's Duration and for the synchronous caller.
TEST(ServiceCalls, CallLatencyAddsToTheInvocationsDurationExactly) {
    ScenarioSpec s = scenario(60 * kSecond);
    FunctionSpec f = function("writer", DistributionSpec::constant(0.100));
    f.calls = {call(CallSpec::Kind::TableWrite, "items", 0.020), call(CallSpec::Kind::BucketPut, "archive", 0.030)};
    s.functions.push_back(f);
    s.tables.push_back(provisioned_table("items", 1000));
    s.buckets.push_back(bucket("archive"));
    s.traffic.push_back(constant_rate("api", "writer", 50));
    const ModelRunResult r = run_model(s);
    ASSERT_TRUE(r.broken_invariants.empty()) << r.broken_invariants.front();
    const FunctionMetrics& m = r.metrics->function(0);
    EXPECT_GT(m.total.invocations, 2900u);
    EXPECT_NEAR(m.duration_total.mean(), 150.0, 1e-6);
    EXPECT_NEAR(r.metrics->entry_point(0).latency_total.mean(), 150.0, 1e-6);
    // Invocations still running at the end have made some of their calls.
    EXPECT_GE(m.total.calls, 2 * (m.total.invocations - r.ledger.in_flight()));
    EXPECT_LE(m.total.calls, 2 * m.total.invocations);
    // The write comes first: an invocation still running may have made it and not the PUT yet.
    EXPECT_GE(r.metrics->tables()[0].total.writes, r.metrics->bucket(0).total.puts);
    EXPECT_LE(r.metrics->tables()[0].total.writes, r.metrics->bucket(0).total.puts + r.ledger.in_flight());
    EXPECT_EQ(m.total.errors, 0u);
}

// Oracle: a 2 s handler followed by a 2 s call under a 3 s timeout times out at exactly 3 s,
// every time; the call was made (at 2 s), the one after it never is.
TEST(ServiceCalls, TheFunctionTimeoutCutsTheChainOfCalls) {
    ScenarioSpec s = scenario(60 * kSecond);
    FunctionSpec f = function("slow", DistributionSpec::constant(2.0));
    f.timeout = 3 * kSecond;
    f.calls = {call(CallSpec::Kind::TableWrite, "items", 2.0), call(CallSpec::Kind::BucketPut, "archive", 0.010)};
    s.functions.push_back(f);
    s.tables.push_back(provisioned_table("items", 1000));
    s.buckets.push_back(bucket("archive"));
    s.traffic.push_back(constant_rate("api", "slow", 2));
    const ModelRunResult r = run_model(s);
    ASSERT_TRUE(r.broken_invariants.empty()) << r.broken_invariants.front();
    const FunctionMetrics& m = r.metrics->function(0);
    EXPECT_GT(m.total.invocations, 100u);
    EXPECT_EQ(m.total.timeouts, m.total.invocations - r.ledger.in_flight());
    EXPECT_NEAR(m.duration_total.mean(), 3000.0, 1e-6);
    // Every finished invocation made the write (those still running may not have yet).
    EXPECT_GE(r.metrics->tables()[0].total.writes, m.total.timeouts);
    EXPECT_LE(r.metrics->tables()[0].total.writes, m.total.invocations);
    EXPECT_EQ(r.metrics->bucket(0).total.puts, 0u);
}

// Oracle: token-bucket arithmetic. A table provisioned at 10 WCU/s with no burst serves
// 10 + 10 x T writes of the 20 x T offered in T seconds; with one attempt per call (no SDK
// retries) every refused write fails its invocation, so errors = offered - served exactly.
TEST(ServiceCalls, AThrottledWriteWithoutRetriesFailsItsInvocation) {
    const ModelRunResult r = run_model(table_writer(100 * kSecond, provisioned_table("items", 10), 20, 1, kSecond, 0.005));
    ASSERT_TRUE(r.broken_invariants.empty()) << r.broken_invariants.front();
    const TableCounts& table = r.metrics->tables()[0].total;
    const FunctionCounts& c = r.metrics->function(0).total;
    EXPECT_NEAR(static_cast<double>(table.writes), 10.0 + 10.0 * 100, 2.0);
    EXPECT_EQ(table.writes + table.write_throttles, c.invocations);
    EXPECT_EQ(c.errors, table.write_throttles);
    EXPECT_EQ(c.calls_failed, table.write_throttles);
    EXPECT_EQ(r.metrics->entry_point(0).total.failed, c.errors);
}

// With the SDK's three attempts and backoff, the same overload is absorbed in part: the
// retries land in later seconds' capacity, so fewer invocations fail than with one attempt,
// and each failed call was refused exactly three times.
TEST(ServiceCalls, SdkRetriesOfThrottledWritesAddLatencyAndFailAfterTheLastAttempt) {
    const ModelRunResult r =
        run_model(table_writer(100 * kSecond, provisioned_table("items", 10), 12, 3, 100 * kMillisecond, 0.005));
    ASSERT_TRUE(r.broken_invariants.empty()) << r.broken_invariants.front();
    const TableCounts& table = r.metrics->tables()[0].total;
    const FunctionCounts& c = r.metrics->function(0).total;
    EXPECT_GT(c.calls_throttled, 0u);
    EXPECT_EQ(table.write_throttles, c.calls_throttled);
    EXPECT_EQ(c.calls, table.writes + table.write_throttles);
    EXPECT_LT(c.errors, table.write_throttles);
    EXPECT_EQ(c.errors, c.calls_failed);
    // A retried invocation took longer than the 15 ms of an unthrottled one.
    EXPECT_GT(r.metrics->function(0).duration_total.quantile(0.99), 15.5);
}

// Oracle: conservation. An asynchronously invoked function publishes to a topic with a function
// and a queue subscriber: each unit it processes is forwarded (not delivered) and becomes two
// units, each delivered where its path ends, and end-to-end latency is measured there: at least
// the first hop's 100 ms plus the second's 50 ms.
TEST(ServiceCalls, WorkSentOnByACallIsNewFlowDeliveredAtTheEndOfItsPath) {
    ScenarioSpec s = scenario(120 * kSecond);
    FunctionSpec first = function("first", DistributionSpec::constant(0.100));
    first.calls = {call(CallSpec::Kind::Publish, "done", 0.0)};
    s.functions.push_back(first);
    s.functions.push_back(function("second", DistributionSpec::constant(0.050)));
    s.functions.push_back(function("third", DistributionSpec::constant(0.050)));
    TopicSpec topic;
    topic.name = "done";
    SubscriptionSpec to_second, to_queue;
    to_second.target = "second";
    to_queue.kind = SubscriptionSpec::Kind::Queue;
    to_queue.target = "work";
    topic.subscriptions = {to_second, to_queue};
    s.topics.push_back(topic);
    s.queues.push_back(queue("work"));
    s.event_source_mappings.push_back(mapping("work", "third"));
    s.traffic.push_back(async_to(constant_rate("uploads", "first", 20)));
    const ModelRunResult r = run_model(s);
    ASSERT_TRUE(r.broken_invariants.empty()) << r.broken_invariants.front();
    const FlowCounts& flow = r.metrics->entry_point(0).total.flow;
    const std::uint64_t first_ok = r.metrics->function(0).async_total.succeeded;
    EXPECT_GT(first_ok, 2000u);
    EXPECT_EQ(flow.forwarded, first_ok);
    EXPECT_EQ(flow.delivered, r.metrics->function(1).async_total.succeeded + r.metrics->queue(0).total.deleted);
    EXPECT_EQ(flow.created, r.metrics->entry_point(0).total.requests + 2 * r.metrics->topic(0).total.published);
    EXPECT_GE(r.metrics->entry_point(0).end_to_end_total.quantile(0.01), 149.0);
}

// AWS: an asynchronous Invoke with a payload above the async limit (1 MB) is refused with 413;
// the SDK does not retry it, so the calling invocation fails and the callee never runs. Under
// the limit, every call reaches the callee.
TEST(ServiceCalls, AnInvokeAboveTheAsyncPayloadLimitFailsTheCaller) {
    for (const double payload : {2.0 * 1024 * 1024, 1024.0}) {
        ScenarioSpec s = scenario(30 * kSecond);
        FunctionSpec producer = function("producer", DistributionSpec::constant(0.010));
        CallSpec invoke = call(CallSpec::Kind::Invoke, "consumer", 0.005);
        invoke.payload = DistributionSpec::constant(payload);
        producer.calls = {invoke};
        s.functions.push_back(producer);
        s.functions.push_back(function("consumer", DistributionSpec::constant(0.010)));
        s.traffic.push_back(constant_rate("api", "producer", 10));
        const ModelRunResult r = run_model(s);
        ASSERT_TRUE(r.broken_invariants.empty()) << r.broken_invariants.front();
        const FunctionCounts& p = r.metrics->function(0).total;
        const FunctionCounts& c = r.metrics->function(1).total;
        if (payload > 1024 * 1024) {
            EXPECT_EQ(p.errors, p.invocations);
            EXPECT_EQ(c.invocations, 0u);
        } else {
            EXPECT_EQ(p.errors, 0u);
            EXPECT_NEAR(static_cast<double>(c.invocations), static_cast<double>(p.invocations), 1.0);
        }
    }
}

// `when: before` runs a call before the handler. Written after the PUT, a 1 s read marked
// `before` starts at 0 s; the 1 s handler follows, and the PUT would start at 2 s, past the
// 1.5 s timeout: reads = invocations and no PUT. (In written order both would follow the
// handler and the PUT would start at 1 s.)
TEST(ServiceCalls, ACallMarkedBeforeRunsBeforeTheHandler) {
    ScenarioSpec s = scenario(30 * kSecond);
    FunctionSpec f = function("reader", DistributionSpec::constant(1.0));
    f.timeout = 1500 * kMillisecond;
    CallSpec read = call(CallSpec::Kind::TableRead, "items", 1.0);
    read.before_handler = true;
    f.calls = {call(CallSpec::Kind::BucketPut, "archive", 0.001), read};
    s.functions.push_back(f);
    s.tables.push_back(provisioned_table("items", 1000));
    s.buckets.push_back(bucket("archive"));
    s.traffic.push_back(constant_rate("api", "reader", 4));
    const ModelRunResult r = run_model(s);
    ASSERT_TRUE(r.broken_invariants.empty()) << r.broken_invariants.front();
    EXPECT_EQ(r.metrics->tables()[0].total.reads, r.metrics->function(0).total.invocations);
    EXPECT_EQ(r.metrics->bucket(0).total.puts, 0u);
    EXPECT_EQ(r.metrics->function(0).total.timeouts + r.ledger.in_flight(), r.metrics->function(0).total.invocations);
}

// A PUT from a call into a bucket with a notification forwards the unit: the object's
// notification invokes the next function asynchronously, whose success is the delivery. The
// object exists when the PUT is made (50 ms into the first function), so the path takes at
// least 50 + 10 ms.
TEST(ServiceCalls, APutIntoANotifyingBucketForwardsTheUnitToTheNextFunction) {
    ScenarioSpec s = scenario(60 * kSecond);
    FunctionSpec resize = function("resize", DistributionSpec::constant(0.050));
    resize.calls = {call(CallSpec::Kind::BucketPut, "thumbnails", 0.010)};
    s.functions.push_back(resize);
    s.functions.push_back(function("index", DistributionSpec::constant(0.010)));
    BucketSpec thumbnails = bucket("thumbnails");
    BucketNotificationSpec n;
    n.target = "index";
    thumbnails.notifications = {n};
    s.buckets.push_back(thumbnails);
    s.traffic.push_back(async_to(constant_rate("uploads", "resize", 10)));
    const ModelRunResult r = run_model(s);
    ASSERT_TRUE(r.broken_invariants.empty()) << r.broken_invariants.front();
    const FlowCounts& flow = r.metrics->entry_point(0).total.flow;
    EXPECT_EQ(flow.forwarded, r.metrics->function(0).async_total.succeeded);
    EXPECT_EQ(flow.delivered, r.metrics->function(1).async_total.succeeded);
    EXPECT_EQ(r.metrics->bucket(0).total.notifications, r.metrics->bucket(0).total.accepted);
    EXPECT_GE(r.metrics->entry_point(0).end_to_end_total.quantile(0.01), 59.0);
}

// A zero backoff base is allowed (retry at once); Boost's uniform draw needs min < max, so the
// retry must not draw from an empty interval (it used to loop forever). Oracle: a table that
// never serves (1 WCU/s, offered 50/s) refuses all but ~1/s, and each refused call is attempted
// max_attempts times.
TEST(ServiceCalls, AZeroBackoffBaseRetriesAtOnceWithoutHanging) {
    ScenarioSpec s = table_writer(20 * kSecond, provisioned_table("items", 1), 50, 4, 0, 0.001);
    s.traffic[0].client.max_attempts = 3;
    s.traffic[0].client.backoff_base = 0;
    const ModelRunResult r = run_model(s);
    ASSERT_TRUE(r.broken_invariants.empty()) << r.broken_invariants.front();
    const FunctionCounts& c = r.metrics->function(0).total;
    EXPECT_GT(c.calls_failed, 900u);
    EXPECT_EQ(c.calls, r.metrics->tables()[0].total.writes + c.calls_throttled);
    // A failed call was refused 4 times; a served one at most 3 times before.
    EXPECT_GE(c.calls_throttled, 4 * c.calls_failed);
    EXPECT_LE(c.calls_throttled, 4 * c.calls_failed + 3 * r.metrics->tables()[0].total.writes);
}

// With partial batch responses the function reports the items that failed; a handler that
// raised (its service call failed for good) reports nothing, so Lambda returns the whole batch.
// Oracle: a table refusing every write beyond its first second's 1 unit: every batch after the
// first raises and comes back; none of its messages is deleted.
TEST(ServiceCalls, AHandlerThatRaisedReturnsItsWholeBatchEvenWithPartialResponses) {
    ScenarioSpec s = scenario(60 * kSecond);
    FunctionSpec f = function("consumer", DistributionSpec::constant(0.010));
    CallSpec write = call(CallSpec::Kind::TableWrite, "items", 0.001);
    write.retries.max_attempts = 1;
    f.calls = {write};
    s.functions.push_back(f);
    TableSpec table = provisioned_table("items", 1);
    s.tables.push_back(table);
    s.queues.push_back(queue("jobs", 5 * kSecond));
    EventSourceMappingSpec m = mapping("jobs", "consumer", 10);
    m.report_batch_item_failures = true;
    s.event_source_mappings.push_back(m);
    s.traffic.push_back(to_queue(constant_rate("producer", "", 20), "jobs"));
    const ModelRunResult r = run_model(s);
    ASSERT_TRUE(r.broken_invariants.empty()) << r.broken_invariants.front();
    const QueueCounts& q = r.metrics->queue(0).total;
    const FunctionCounts& c = r.metrics->function(0).total;
    // Deleted messages came only from batches whose write was served (at most 1 + 1/s).
    const std::uint64_t served = r.metrics->tables()[0].total.writes;
    EXPECT_GT(c.calls_failed, 10u);
    EXPECT_LE(q.deleted, served * 10);
    EXPECT_GT(q.received, q.deleted);
}

// Oracle (closed form): a synchronous API whose 50 ms handler then invokes a 100 ms worker
// asynchronously (10 ms call) answers its caller in 60 ms; the work it started is delivered
// 50 + 100 = 150 ms after the request (the invoke takes effect when made), and only those
// deliveries are the source's end-to-end figures.
TEST(ServiceCalls, ASynchronousSourcesForwardedWorkIsMeasuredEndToEndWhereItIsDelivered) {
    ScenarioSpec s = scenario(60 * kSecond);
    FunctionSpec api = function("api", DistributionSpec::constant(0.050));
    api.calls = {call(CallSpec::Kind::Invoke, "worker", 0.010)};
    s.functions.push_back(api);
    s.functions.push_back(function("worker", DistributionSpec::constant(0.100)));
    s.traffic.push_back(constant_rate("users", "api", 10));
    const ModelRunResult r = run_model(s);
    ASSERT_TRUE(r.broken_invariants.empty()) << r.broken_invariants.front();
    const EntryPointMetrics& e = r.metrics->entry_point(0);
    EXPECT_NEAR(e.latency_total.mean(), 60.0, 1e-6);
    EXPECT_NEAR(e.end_to_end_total.mean(), 150.0, 1e-6);
    EXPECT_EQ(e.end_to_end_total.count(), e.total.flow.delivered);
    EXPECT_EQ(e.total.flow.delivered, r.metrics->function(1).async_total.succeeded);
    EXPECT_EQ(e.total.flow.forwarded, 0u);  // a synchronous request is not itself a unit of flow
}

// Oracle: DynamoDB's per-partition limit (1,000 write units/s per key, burst or not) and the
// binomial split of requests. An on-demand table (4,000/s) offered 3,000 writes/s, half of them
// to one hot key, serves the hot key 1,000 + 1,000 x T in T seconds and refuses the rest of its
// ~1,500/s: 0.5 x 3,000 x 20 - 21,000 = 9,000 refusals in 20 s, all from the hot key. The hot
// share of 60,000 writes has a binomial std. error of 122; 500 is 4 of them.
TEST(ServiceCalls, AHotPartitionKeyThrottlesBelowTheTablesCapacity) {
    const ModelRunResult r = run_model(table_writer(20 * kSecond, hot_key_table("events", 0.5), 3000, 1, kSecond, 0.001));
    ASSERT_TRUE(r.broken_invariants.empty()) << r.broken_invariants.front();
    const TableCounts& t = r.metrics->tables()[0].total;
    EXPECT_EQ(t.write_throttles, t.hot_key_throttles);
    EXPECT_NEAR(static_cast<double>(t.hot_key_throttles), 9000.0, 500.0);
    EXPECT_EQ(t.writes + t.write_throttles, r.metrics->function(0).total.calls);
}

// An item is the hot key or not for all of its SDK's attempts: retrying does not move it to
// another partition. With 3 attempts, the hot key still serves at most 1,000 + 1,000 x T of the
// ~0.5 x 3,000 x T calls that target it, so at least 0.5 x 60,000 - 21,000 = 9,000 calls fail
// (less 500 for the binomial split's 4 std. errors), however many retries they make.
TEST(ServiceCalls, RetriesOfAHotKeyRequestStayOnTheHotKey) {
    const ModelRunResult r =
        run_model(table_writer(20 * kSecond, hot_key_table("events", 0.5), 3000, 3, 50 * kMillisecond, 0.001));
    ASSERT_TRUE(r.broken_invariants.empty()) << r.broken_invariants.front();
    const FunctionCounts& c = r.metrics->function(0).total;
    EXPECT_GE(static_cast<double>(c.calls_failed), 9000.0 - 500.0);
    EXPECT_EQ(r.metrics->tables()[0].total.write_throttles, r.metrics->tables()[0].total.hot_key_throttles);
}

}  // namespace
}  // namespace lambdasim
