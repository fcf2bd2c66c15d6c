// The loader's `calls:`, `tables:` and `prices:` sections: every key read into the spec, the
// documented defaults filled in, and the resolved scenario a fixed point that reloads the same.
#include <gtest/gtest.h>

#include "lambdasim/scenario/loader.hpp"
#include "lambdasim/scenario/resolved_writer.hpp"

namespace lambdasim {
namespace {

const char* const kScenario = R"(functions:
  thumbnailer:
    duration: 150ms
    calls:
      - {bucket: uploads, action: get, when: before}
      - {bucket: thumbnails}
      - {table: metadata, action: write, units: 2, latency: {dist: constant, value: 8ms}}
      - {table: metadata, action: read, retries: {max_attempts: 5, backoff_base: 50ms, backoff_cap: 2s}}
      - {topic: done, payload: 2KB}
      - {queue: audit}
      - {function: indexer, payload: {dist: uniform, min: 1KB, max: 4KB}}
  indexer:
    duration: 10ms
tables:
  metadata: {mode: provisioned, read_capacity: 100/s, write_capacity: 50/s, burst: 60s}
  sessions: {}
  events: {mode: on_demand, initial_write: 1000/s, max_write: 20000/s, hot_key_share: 0.2}
buckets:
  uploads: {read_rate_limit: 1000/s}
  thumbnails: {}
topics:
  done: {subscriptions: [{queue: audit}]}
queues:
  audit: {}
prices:
  lambda_per_gb_second: 0.0000133334
  s3_per_thousand_puts: 0.0054
)";

TEST(ScenarioCalls, EveryCallKeyIsReadWithItsDefaults) {
    const ScenarioSpec s = load_scenario_text(kScenario, "calls.yaml");
    const std::vector<CallSpec>& calls = s.functions[0].calls;
    ASSERT_EQ(calls.size(), 7u);
    EXPECT_EQ(calls[0].kind, CallSpec::Kind::BucketGet);
    EXPECT_TRUE(calls[0].before_handler);
    EXPECT_EQ(calls[1].kind, CallSpec::Kind::BucketPut);  // the default action
    EXPECT_FALSE(calls[1].before_handler);
    // Default S3 PUT latency (an assumption, documented): lognormal p50 30 ms, p99 150 ms.
    EXPECT_EQ(calls[1].latency.kind, DistributionKind::Lognormal);
    EXPECT_DOUBLE_EQ(calls[1].latency.p50, 0.030);
    EXPECT_EQ(calls[2].kind, CallSpec::Kind::TableWrite);
    EXPECT_EQ(calls[2].units, 2);
    EXPECT_DOUBLE_EQ(calls[2].latency.value, 0.008);
    EXPECT_EQ(calls[3].kind, CallSpec::Kind::TableRead);
    EXPECT_EQ(calls[3].units, 1);
    EXPECT_EQ(calls[3].retries.max_attempts, 5);
    EXPECT_EQ(calls[3].retries.backoff_base, 50 * kMillisecond);
    EXPECT_EQ(calls[3].retries.backoff_cap, 2 * kSecond);
    EXPECT_EQ(calls[2].retries.max_attempts, 3);  // the SDK's standard mode
    EXPECT_EQ(calls[4].kind, CallSpec::Kind::Publish);
    EXPECT_DOUBLE_EQ(calls[4].payload.value, 2048.0);
    EXPECT_EQ(calls[5].kind, CallSpec::Kind::Send);
    EXPECT_DOUBLE_EQ(calls[5].payload.value, 1024.0);  // 1 KB by default
    EXPECT_EQ(calls[6].kind, CallSpec::Kind::Invoke);
    EXPECT_EQ(calls[6].target, "indexer");
    EXPECT_DOUBLE_EQ(s.buckets[0].read_rate_limit_per_second, 1000.0);
    EXPECT_DOUBLE_EQ(s.buckets[1].read_rate_limit_per_second, 5500.0);
}

TEST(ScenarioTables, ModesAndDefaultsFollowTheDynamoDbDocumentation) {
    const ScenarioSpec s = load_scenario_text(kScenario, "calls.yaml");
    ASSERT_EQ(s.tables.size(), 3u);
    EXPECT_EQ(s.tables[0].mode, CapacityMode::Provisioned);
    EXPECT_DOUBLE_EQ(s.tables[0].read_capacity_per_second, 100.0);
    EXPECT_DOUBLE_EQ(s.tables[0].write_capacity_per_second, 50.0);
    EXPECT_EQ(s.tables[0].burst, 60 * kSecond);
    // On demand by default: a new table takes 4,000 writes/s and 12,000 reads/s, up to the
    // 40,000/s table quota.
    EXPECT_EQ(s.tables[1].mode, CapacityMode::OnDemand);
    EXPECT_DOUBLE_EQ(s.tables[1].initial_write_per_second, 4000.0);
    EXPECT_DOUBLE_EQ(s.tables[1].initial_read_per_second, 12000.0);
    EXPECT_DOUBLE_EQ(s.tables[1].max_read_per_second, 40000.0);
    EXPECT_DOUBLE_EQ(s.tables[2].initial_write_per_second, 1000.0);
    EXPECT_DOUBLE_EQ(s.tables[2].max_write_per_second, 20000.0);
    EXPECT_DOUBLE_EQ(s.tables[2].hot_key_share, 0.2);
    EXPECT_DOUBLE_EQ(s.tables[1].hot_key_share, 0.0);
}

TEST(ScenarioPrices, AScenarioOverridesSomePricesAndKeepsTheOtherDefaults) {
    const ScenarioSpec s = load_scenario_text(kScenario, "calls.yaml");
    EXPECT_DOUBLE_EQ(s.prices.lambda_per_gb_second, 0.0000133334);
    EXPECT_DOUBLE_EQ(s.prices.s3_per_thousand_puts, 0.0054);
    EXPECT_DOUBLE_EQ(s.prices.lambda_per_million_requests, PriceSpec{}.lambda_per_million_requests);
}

TEST(ScenarioCalls, TheResolvedScenarioIsAFixedPointThatReloadsTheSameCallsTablesAndPrices) {
    const ScenarioSpec original = load_scenario_text(kScenario, "calls.yaml");
    const std::string resolved = to_resolved_yaml(original);
    const ScenarioSpec reloaded = load_scenario_text(resolved, "/elsewhere/scenario.resolved.yaml");
    EXPECT_EQ(to_resolved_yaml(reloaded), resolved);
    ASSERT_EQ(reloaded.functions[0].calls.size(), original.functions[0].calls.size());
    for (std::size_t i = 0; i < original.functions[0].calls.size(); ++i) {
        const CallSpec& a = original.functions[0].calls[i];
        const CallSpec& b = reloaded.functions[0].calls[i];
        EXPECT_EQ(a.kind, b.kind);
        EXPECT_EQ(a.target, b.target);
        EXPECT_EQ(a.units, b.units);
        EXPECT_EQ(a.before_handler, b.before_handler);
        EXPECT_EQ(a.retries.max_attempts, b.retries.max_attempts);
        EXPECT_DOUBLE_EQ(a.latency.p50, b.latency.p50);
        EXPECT_DOUBLE_EQ(a.payload.value, b.payload.value);
    }
    EXPECT_DOUBLE_EQ(reloaded.tables[0].write_capacity_per_second, 50.0);
    EXPECT_EQ(reloaded.tables[2].mode, CapacityMode::OnDemand);
    EXPECT_DOUBLE_EQ(reloaded.prices.lambda_per_gb_second, 0.0000133334);
    for (const char* expected : {"- {bucket: uploads, action: get, when: before", "mode: provisioned", "burst: 1min",
                                 "initial_write: 1000/s", "hot_key_share: 0.2", "prices:", "s3_per_thousand_puts: 0.0054",
                                 "read_rate_limit: 1000/s"})
        EXPECT_NE(resolved.find(expected), std::string::npos) << expected << "\n" << resolved;
    // A bucket call carries no payload key (it applies to publish, send and invoke only).
    EXPECT_EQ(resolved.find("{bucket: uploads, action: get, payload"), std::string::npos) << resolved;
}

TEST(ScenarioCalls, ATableCallAcceptsPutAndGetAsDynamoDbNamesThem) {
    const ScenarioSpec s = load_scenario_text(
        "functions: {f: {duration: 1s, calls: [{table: t, action: put}, {table: t, action: get}]}}\ntables: {t: {}}\n",
        "t.yaml");
    EXPECT_EQ(s.functions[0].calls[0].kind, CallSpec::Kind::TableWrite);
    EXPECT_EQ(s.functions[0].calls[1].kind, CallSpec::Kind::TableRead);
    const std::string resolved = to_resolved_yaml(s);
    EXPECT_NE(resolved.find("{table: t, action: write"), std::string::npos) << resolved;
    EXPECT_NE(resolved.find("{table: t, action: read"), std::string::npos) << resolved;
}

TEST(ScenarioCalls, AFunctionWithoutCallsWritesAnEmptyList) {
    const std::string resolved = to_resolved_yaml(load_scenario_text("functions: {api: {duration: 1s}}", "t.yaml"));
    EXPECT_NE(resolved.find("    calls: []"), std::string::npos) << resolved;
    EXPECT_NE(resolved.find("tables: {}"), std::string::npos) << resolved;
}

}  // namespace
}  // namespace lambdasim
