// Oracles for SQS queues drained by an event source mapping: Erlang C (a queue served by
// exactly c concurrent consumers is an M/M/c queue) and documented AWS behaviour (redrive after
// max_receive_count, max_concurrency, FIFO order within a message group).
#include <gtest/gtest.h>

#include <cmath>

#include "lambdasim/analysis/confidence_interval.hpp"
#include "lambdasim/analysis/erlang.hpp"
#include "support/collecting_sink.hpp"
#include "support/spec_builders.hpp"

namespace lambdasim {
namespace {

using namespace lambdasim::testing;

// Oracle: Erlang C mean wait. Poisson arrivals into a queue drained one message per batch by
// exactly c pollers (max_concurrency = c, reserved concurrency well above, zero cold start and
// no poll delay), exponential service: an M/M/c queue; the mean wait in the queue is
// Wq = C(c, a) / (c mu - lambda), measured as the wait from sending to first receive.
// The pollers start at 5 batches and scale up, so the first minutes are a transient: the mean
// is taken over the periods after a 10-minute warm-up, weighted by messages received.
// Tolerance 3 % relative (the bound): 12 replications of 5 million messages (waits
// are strongly correlated at 80-90 % load, so it takes this many); the test also checks that
// the standard error across replications is below 1 % of Wq, so the bound is at least 3
// standard errors wide (a false failure rate below 0.3 %).
struct DelayCase {
    int consumers;
    double offered_load;
};

double mean_wait(const DelayCase& c, std::uint64_t seed) {
    constexpr double kMessages = 5.0e6;
    ScenarioSpec s = scenario(from_seconds(kMessages / c.offered_load), seed);
    s.account.concurrency_limit = 3000;
    FunctionSpec f = function("consumer", DistributionSpec::exponential(1.0));
    f.timeout = 900 * kSecond;
    s.functions.push_back(f);
    QueueSpec q = queue("work", 900 * kSecond);
    s.queues.push_back(q);
    EventSourceMappingSpec m = mapping("work", "consumer", 1);
    m.max_concurrency = c.consumers;
    s.event_source_mappings.push_back(m);
    s.traffic.push_back(to_queue(poisson("producers", "", c.offered_load), "work"));
    s.metrics_period = kMinute;
    CollectingSink waits("work", "ReceiveWait_mean"), received("work", "NumberOfMessagesReceived");
    FanOutSink both({&waits, &received});
    ModelRunOptions options;
    options.sink = &both;
    run_model(s, options);
    double weighted = 0, count = 0;
    for (std::size_t p = 10; p < waits.values.size(); ++p) {
        weighted += waits.values[p] * received.values[p];
        count += received.values[p];
    }
    return weighted / count / 1000.0;
}

class ErlangCOracle : public ::testing::TestWithParam<DelayCase> {};

TEST_P(ErlangCOracle, MeanWaitInTheQueueMatchesErlangC) {
    const DelayCase c = GetParam();
    constexpr int kReplications = 12;
    std::vector<double> waits;
    for (int seed = 1; seed <= kReplications; ++seed) waits.push_back(mean_wait(c, seed));
    const auto [mean, standard_error, half_width] = analysis::mean_interval(waits);
    const double expected = analysis::erlang_c_mean_wait(c.consumers, c.offered_load, 1.0);
    const double relative_error = std::abs(mean - expected) / expected;
    std::printf("    c=%d a=%.0f: simulated Wq %.5f s, Erlang C %.5f s, error %.2f %%, std error %.2f %%\n", c.consumers,
                c.offered_load, mean, expected, 100 * relative_error, 100 * standard_error / expected);
    EXPECT_LT(relative_error, 0.03);
    EXPECT_LT(standard_error / expected, 0.01);
}

INSTANTIATE_TEST_SUITE_P(DelaySystems, ErlangCOracle, ::testing::Values(DelayCase{20, 16}, DelayCase{50, 45}),
                         [](const auto& info) {
                             return "c" + std::to_string(info.param.consumers) + "_a" +
                                    std::to_string(static_cast<int>(info.param.offered_load));
                         });

TEST(EventSourceMapping, MaxConcurrencyIsNeverExceeded) {
    ScenarioSpec s = scenario(10 * kMinute);
    s.functions.push_back(function("consumer", DistributionSpec::constant(2.0)));
    s.queues.push_back(queue("work"));
    EventSourceMappingSpec m = mapping("work", "consumer", 10);
    m.max_concurrency = 7;
    s.event_source_mappings.push_back(m);
    s.traffic.push_back(to_queue(burst("backlog", "", 5000, 0), "work"));
    const ModelRunResult r = run_model(s);
    EXPECT_EQ(r.mapping_max_concurrent_batches[0], 7);
    EXPECT_LE(r.metrics->function(0).concurrency.max(), 7);
    EXPECT_EQ(r.metrics->queue(0).total.deleted, 5000u);
    EXPECT_TRUE(r.broken_invariants.empty()) << r.broken_invariants.front();
}

TEST(EventSourceMapping, PollersStartAtFiveBatchesAndAddThreeHundredPerMinute) {
    ScenarioSpec s = scenario(2 * kMinute);
    s.account.concurrency_limit = 3000;
    s.functions.push_back(function("consumer", DistributionSpec::constant(600.0)));
    s.queues.push_back(queue("work", 900 * kSecond));
    s.event_source_mappings.push_back(mapping("work", "consumer", 1));
    s.traffic.push_back(to_queue(burst("backlog", "", 100000, 0), "work"));
    const ModelRunResult r = run_model(s);
    // 5 at once, then 5 more per second (polled each second) for the 119 s that follow.
    EXPECT_NEAR(r.mapping_max_concurrent_batches[0], 5 + 5 * 119, 5);
}

TEST(SqsRedrive, AMessageThatKeepsFailingMovesToTheDeadLetterQueueAfterMaxReceiveCount) {
    ScenarioSpec s = scenario(10 * kMinute);
    FunctionSpec f = function("failing", DistributionSpec::constant(0.5));
    f.error_rate = 1.0;
    s.functions.push_back(f);
    QueueSpec q = queue("work", 10 * kSecond);
    q.max_receive_count = 3;
    q.dead_letter_queue = "work-dlq";
    s.queues.push_back(q);
    s.queues.push_back(queue("work-dlq"));
    s.event_source_mappings.push_back(mapping("work", "failing", 1));
    s.traffic.push_back(to_queue(burst("jobs", "", 20, 0), "work"));
    const ModelRunResult r = run_model(s);
    EXPECT_EQ(r.metrics->function(0).total.invocations, 60u) << "each message is received exactly 3 times";
    EXPECT_EQ(r.metrics->queue(0).total.redriven, 20u);
    EXPECT_EQ(r.metrics->queue(0).total.redriven_after_throttle, 0u);
    EXPECT_EQ(r.metrics->queue(1).total.sent, 20u);
    EXPECT_EQ(r.metrics->entry_point(0).total.flow.dead_lettered, 20u);
    EXPECT_TRUE(r.broken_invariants.empty()) << r.broken_invariants.front();
}

TEST(SqsRedrive, ThrottledBatchesBounceBackAndValidMessagesReachTheDeadLetterQueue) {
    // The classic trap: reserved concurrency 1 below the 5 batches the pollers start with.
    ScenarioSpec s = scenario(10 * kMinute);
    FunctionSpec f = function("worker", DistributionSpec::constant(5.0));
    f.reserved_concurrency = 1;
    s.functions.push_back(f);
    QueueSpec q = queue("work", 10 * kSecond);
    q.max_receive_count = 2;
    q.dead_letter_queue = "work-dlq";
    s.queues.push_back(q);
    s.queues.push_back(queue("work-dlq"));
    s.event_source_mappings.push_back(mapping("work", "worker", 1));
    s.traffic.push_back(to_queue(burst("jobs", "", 200, 0), "work"));
    const ModelRunResult r = run_model(s);
    EXPECT_GT(r.metrics->function(0).total.throttles(), 0u);
    EXPECT_GT(r.metrics->queue(0).total.redriven_after_throttle, 0u);
    EXPECT_EQ(r.metrics->queue(0).total.redriven_after_throttle, r.metrics->queue(0).total.redriven)
        << "the function never fails: every redriven message was throttled";
}

TEST(FifoQueue, AMessageGroupIsProcessedInOrderEvenWhenMessagesFail) {
    ScenarioSpec s = scenario(30 * kMinute);
    FunctionSpec f = function("ordered", DistributionSpec::constant(1.0));
    f.error_rate = 0.3;
    s.functions.push_back(f);
    QueueSpec q = queue("orders.fifo", 5 * kSecond);
    q.fifo = true;
    q.message_groups = 1;
    s.queues.push_back(q);
    s.event_source_mappings.push_back(mapping("orders.fifo", "ordered", 1));
    s.traffic.push_back(to_queue(constant_rate("orders", "", 2), "orders.fifo"));
    const ModelRunResult r = run_model(s);
    // One group: never more than one batch in flight, whatever the backlog.
    EXPECT_EQ(r.mapping_max_concurrent_batches[0], 1);
    EXPECT_GT(r.metrics->queue(0).total.received, r.metrics->queue(0).total.deleted) << "some receives failed";
}

}  // namespace
}  // namespace lambdasim
