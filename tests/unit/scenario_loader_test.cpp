// The scenario loader: the reference example, defaults, shorthand forms, data files, --set
// overrides and the resolved writer's round trip.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "lambdasim/scenario/loader.hpp"
#include "lambdasim/scenario/resolved_writer.hpp"

namespace lambdasim {
namespace {

using namespace time_literals;
namespace fs = std::filesystem;

constexpr double kKB = 1024.0;
constexpr double kMB = 1024.0 * 1024.0;
constexpr double kGB = 1024.0 * 1024.0 * 1024.0;

const std::string kDataDir = std::string(LAMBDASIM_SOURCE_DIR) + "/tests/data";
// A label in the data folder, so relative file names in inline scenarios resolve there.
const std::string kLabelInDataDir = kDataDir + "/inline.yaml";

const char* const kReferenceExample = R"(name: erlang-check
description: "Compare with Erlang C"
duration: 2h
seed: 7
metrics_period: 1s
account:
  concurrency_limit: 1000
  unreserved_minimum: 100
  scaling:
    mode: per_function
    environments: 1000
    per: 10s
api_gateway:
  rate: 10000/s
  burst: 5000
  integration_timeout: 29s
functions:
  api:
    runtime: python
    package: {type: zip, size: 5MB, unzipped_size: 15MB}
    memory: 1024MB
    ephemeral_storage: 512MB
    timeout: 30s
    reserved_concurrency: 50
    provisioned_concurrency: [{at: 0s, level: 10}, {at: 2h, level: 40}]
    provisioned_allocation_delay: 90s
    duration: {dist: exponential, mean: 1s}
    reference_memory: 1769MB
    cpu_bound: 0.5
    cold_start: {dist: constant, value: 0s}
    idle_lifetime: {dist: uniform, min: 5min, max: 15min}
    error_rate: 0.0
traffic:
  users:
    arrivals: {process: poisson, rate: 45/s}
    target: {function: api, invocation: sync}
    client: {max_attempts: 1, backoff_base: 1s, backoff_cap: 20s}
    payload: {dist: constant, value: 1KB}
    via: api_gateway
)";

const char* const kMinimal = R"(functions:
  api:
    duration: {dist: exponential, mean: 100ms}
)";

// The error a load throws; fails the test if it loads.
ScenarioError load_error(const std::string& text, const std::vector<Override>& overrides = {}) {
    try {
        load_scenario_text(text, "test.yaml", overrides);
    } catch (const ScenarioError& e) {
        return e;
    }
    ADD_FAILURE() << "the scenario loaded";
    return ScenarioError("", 0, 0, "");
}

std::vector<Override> sets(std::initializer_list<const char*> texts) {
    std::vector<Override> out;
    for (const char* t : texts) out.push_back(parse_override(t));
    return out;
}

TEST(ScenarioLoader, LoadsTheReferenceExampleIntoTheExpectedSpec) {
    const ScenarioSpec s = load_scenario_text(kReferenceExample, "erlang.yaml");
    EXPECT_EQ(s.name, "erlang-check");
    EXPECT_EQ(s.description, "Compare with Erlang C");
    EXPECT_EQ(s.duration, 2_h);
    EXPECT_EQ(s.seed, 7u);
    EXPECT_EQ(s.metrics_period, 1_s);
    EXPECT_EQ(s.account.concurrency_limit, 1000);
    EXPECT_EQ(s.account.unreserved_minimum, 100);
    EXPECT_EQ(s.account.scaling.mode, ScalingMode::PerFunction);
    EXPECT_EQ(s.account.scaling.environments, 1000);
    EXPECT_EQ(s.account.scaling.per, 10_s);
    ASSERT_TRUE(s.api_gateway.has_value());
    EXPECT_EQ(s.api_gateway->rate_per_second, 10000);
    EXPECT_EQ(s.api_gateway->burst, 5000);
    EXPECT_EQ(s.api_gateway->integration_timeout, 29_s);

    ASSERT_EQ(s.functions.size(), 1u);
    const FunctionSpec& f = s.functions[0];
    EXPECT_EQ(f.name, "api");
    EXPECT_EQ(f.runtime, Runtime::Python);
    EXPECT_EQ(f.package.type, PackageType::Zip);
    EXPECT_EQ(f.package.size_bytes, 5 * kMB);
    EXPECT_EQ(f.package.unzipped_size_bytes, 15 * kMB);
    EXPECT_EQ(f.memory_mb, 1024);
    EXPECT_EQ(f.ephemeral_storage_mb, 512);
    EXPECT_EQ(f.timeout, 30_s);
    EXPECT_EQ(f.reserved_concurrency, 50);
    ASSERT_EQ(f.provisioned_concurrency.size(), 2u);
    EXPECT_EQ(f.provisioned_concurrency[0].at, 0);
    EXPECT_EQ(f.provisioned_concurrency[0].level, 10);
    EXPECT_EQ(f.provisioned_concurrency[1].at, 2_h);
    EXPECT_EQ(f.provisioned_concurrency[1].level, 40);
    EXPECT_EQ(f.provisioned_allocation_delay, 90_s);
    EXPECT_EQ(f.duration.kind, DistributionKind::Exponential);
    EXPECT_EQ(f.duration.mean, 1.0);
    EXPECT_EQ(f.reference_memory_mb, 1769);
    EXPECT_EQ(f.cpu_bound, 0.5);
    ASSERT_TRUE(f.cold_start.has_value());
    EXPECT_EQ(f.cold_start->kind, DistributionKind::Constant);
    EXPECT_EQ(f.cold_start->value, 0.0);
    EXPECT_EQ(f.idle_lifetime.kind, DistributionKind::Uniform);
    EXPECT_EQ(f.idle_lifetime.min, 300.0);
    EXPECT_EQ(f.idle_lifetime.max, 900.0);
    EXPECT_EQ(f.error_rate, 0.0);

    ASSERT_EQ(s.traffic.size(), 1u);
    const TrafficSourceSpec& t = s.traffic[0];
    EXPECT_EQ(t.name, "users");
    EXPECT_EQ(t.arrivals.process, ArrivalProcessKind::Poisson);
    EXPECT_EQ(t.arrivals.rate_per_second, 45.0);
    EXPECT_EQ(t.target.function, "api");
    EXPECT_EQ(t.target.invocation, InvocationType::Sync);
    EXPECT_EQ(t.client.max_attempts, 1);
    EXPECT_EQ(t.client.backoff_base, 1_s);
    EXPECT_EQ(t.client.backoff_cap, 20_s);
    EXPECT_EQ(t.payload.kind, DistributionKind::Constant);
    EXPECT_EQ(t.payload.value, kKB);
    EXPECT_TRUE(t.via_api_gateway);
}

TEST(ScenarioLoader, FillsEveryDefaultForAMinimalScenario) {
    const ScenarioSpec s = load_scenario_text(kMinimal, "some/folder/quick-check.yaml");
    const ScenarioSpec defaults;
    EXPECT_EQ(s.name, "quick-check");  // the file's stem
    EXPECT_EQ(s.description, "");
    EXPECT_EQ(s.duration, 1_h);
    EXPECT_EQ(s.seed, 1u);
    EXPECT_EQ(s.metrics_period, 1_s);
    EXPECT_EQ(s.account.concurrency_limit, 1000);
    EXPECT_EQ(s.account.unreserved_minimum, 100);
    EXPECT_EQ(s.account.scaling.mode, ScalingMode::PerFunction);
    EXPECT_FALSE(s.api_gateway.has_value());
    EXPECT_TRUE(s.traffic.empty());
    ASSERT_EQ(s.functions.size(), 1u);
    const FunctionSpec& f = s.functions[0];
    const FunctionSpec function_defaults;
    EXPECT_EQ(f.runtime, Runtime::Python);
    EXPECT_EQ(f.memory_mb, 128);
    EXPECT_EQ(f.ephemeral_storage_mb, 512);
    EXPECT_EQ(f.timeout, 3_s);
    EXPECT_FALSE(f.reserved_concurrency.has_value());
    EXPECT_TRUE(f.provisioned_concurrency.empty());
    EXPECT_EQ(f.reference_memory_mb, 0);
    EXPECT_EQ(f.effective_reference_memory_mb(), 128);
    EXPECT_EQ(f.cpu_bound, function_defaults.cpu_bound);
    EXPECT_FALSE(f.cold_start.has_value());
    EXPECT_EQ(f.idle_lifetime.kind, DistributionKind::Uniform);
    EXPECT_EQ(f.idle_lifetime.min, 300.0);
    EXPECT_EQ(f.idle_lifetime.max, 900.0);
    EXPECT_EQ(f.duration.mean, 0.1);
}

TEST(ScenarioLoader, ReadsABareValueAsAConstantDistribution) {
    const ScenarioSpec s = load_scenario_text(R"(functions:
  api:
    duration: 250ms
    cold_start: 1.5s
traffic:
  t:
    arrivals: {process: constant, rate: 10/s}
    target: {function: api}
    payload: 4KB
)",
                                              "t.yaml");
    EXPECT_EQ(s.functions[0].duration.kind, DistributionKind::Constant);
    EXPECT_EQ(s.functions[0].duration.value, 0.25);
    EXPECT_EQ(s.functions[0].cold_start->value, 1.5);
    EXPECT_EQ(s.traffic[0].payload.kind, DistributionKind::Constant);
    EXPECT_EQ(s.traffic[0].payload.value, 4 * kKB);
    EXPECT_EQ(s.traffic[0].target.invocation, InvocationType::Sync);
    EXPECT_FALSE(s.traffic[0].via_api_gateway);
}

TEST(ScenarioLoader, ReadsEveryDistributionKind) {
    const ScenarioSpec s = load_scenario_text(R"(functions:
  a: {duration: {dist: normal, mean: 200ms, stddev: 50ms}}
  b: {duration: {dist: lognormal, p50: 80ms, p99: 400ms}}
  c: {duration: {dist: lognormal, mean: 120ms, stddev: 60ms}}
  d: {duration: {dist: empirical, file: durations_ms.csv, unit: ms}}
  e: {duration: {dist: uniform, min: 1s, max: 1s}}
)",
                                              kLabelInDataDir);
    const auto& a = s.functions[0].duration;
    EXPECT_EQ(a.kind, DistributionKind::Normal);
    EXPECT_EQ(a.mean, 0.2);
    EXPECT_EQ(a.stddev, 0.05);
    const auto& b = s.functions[1].duration;
    EXPECT_TRUE(b.lognormal_by_percentiles);
    EXPECT_EQ(b.p50, 0.08);
    EXPECT_EQ(b.p99, 0.4);
    const auto& c = s.functions[2].duration;
    EXPECT_EQ(c.kind, DistributionKind::Lognormal);
    EXPECT_FALSE(c.lognormal_by_percentiles);
    EXPECT_EQ(c.mean, 0.12);
    const auto& d = s.functions[3].duration;
    EXPECT_EQ(d.kind, DistributionKind::Empirical);
    EXPECT_EQ(d.samples, (std::vector<double>{0.08, 0.0955, 0.12, 0.3}));  // sorted, in seconds
    EXPECT_EQ(s.functions[4].duration.min, 1.0);
}

TEST(ScenarioLoader, ResolvesDataFilesAgainstTheScenarioFolderAndStoresAbsolutePaths) {
    const ScenarioSpec s = load_scenario_text(R"(functions:
  api: {duration: 1s}
traffic:
  replay:
    arrivals: {process: trace, file: arrivals_timestamps.csv}
    target: {function: api}
    payload: {dist: empirical, file: ./payload_kb.csv, unit: KB}
)",
                                              kLabelInDataDir);
    const fs::path trace = s.traffic[0].arrivals.file;
    EXPECT_TRUE(trace.is_absolute());
    EXPECT_EQ(trace, fs::absolute(fs::path(kDataDir) / "arrivals_timestamps.csv").lexically_normal());
    EXPECT_EQ(s.traffic[0].arrivals.trace_format, TraceFormat::Timestamps);
    EXPECT_TRUE(fs::path(s.traffic[0].payload.file).is_absolute());
    EXPECT_EQ(s.traffic[0].payload.samples, (std::vector<double>{kKB, 2 * kKB, 4 * kKB}));
}

TEST(ScenarioLoader, ReadsEveryArrivalProcess) {
    const ScenarioSpec s = load_scenario_text(R"(functions:
  api: {duration: 1s}
traffic:
  steps: {target: {function: api}, arrivals: {process: steps, steps: [{at: 0s, rate: 10/s}, {at: 10min, rate: 100/s}]}}
  ramp: {target: {function: api}, arrivals: {process: ramp, points: [{at: 0s, rate: 0/s}, {at: 10min, rate: 1000/s}]}}
  day: {target: {function: api}, arrivals: {process: diurnal, peak: 1000/s, trough: 100/s, peak_at: 14h, period: 24h}}
  burst: {target: {function: api}, arrivals: {process: burst, count: 5000, at: 2min, window: 10s}}
  counts: {target: {function: api}, arrivals: {process: trace, file: arrivals_counts.csv, format: counts}}
  flat: {target: {function: api}, arrivals: {process: constant, rate: 600/min}}
)",
                                              kLabelInDataDir);
    ASSERT_EQ(s.traffic.size(), 6u);
    const auto& steps = s.traffic[0].arrivals;
    EXPECT_EQ(steps.process, ArrivalProcessKind::Steps);
    ASSERT_EQ(steps.points.size(), 2u);
    EXPECT_EQ(steps.points[1].at, 10_min);
    EXPECT_EQ(steps.points[1].per_second, 100.0);
    EXPECT_EQ(s.traffic[1].arrivals.process, ArrivalProcessKind::Ramp);
    EXPECT_EQ(s.traffic[1].arrivals.points[1].per_second, 1000.0);
    const auto& day = s.traffic[2].arrivals;
    EXPECT_EQ(day.peak_per_second, 1000.0);
    EXPECT_EQ(day.trough_per_second, 100.0);
    EXPECT_EQ(day.peak_at, 14_h);
    EXPECT_EQ(day.period, 24_h);
    const auto& burst = s.traffic[3].arrivals;
    EXPECT_EQ(burst.count, 5000u);
    EXPECT_EQ(burst.at, 2_min);
    EXPECT_EQ(burst.window, 10_s);
    EXPECT_EQ(s.traffic[4].arrivals.trace_format, TraceFormat::Counts);
    EXPECT_EQ(s.traffic[5].arrivals.rate_per_second, 10.0);
}

TEST(ScenarioLoader, ReadsAnIntegerProvisionedConcurrencyAsALevelFromTheStart) {
    const ScenarioSpec s = load_scenario_text(R"(functions:
  api: {duration: 1s, provisioned_concurrency: 25}
  idle: {duration: 1s, provisioned_concurrency: 0}
)",
                                              "t.yaml");
    ASSERT_EQ(s.functions[0].provisioned_concurrency.size(), 1u);
    EXPECT_EQ(s.functions[0].provisioned_concurrency[0].at, 0);
    EXPECT_EQ(s.functions[0].provisioned_concurrency[0].level, 25);
    EXPECT_TRUE(s.functions[1].provisioned_concurrency.empty());
}

TEST(ScenarioLoader, GivesApiGatewayItsDefaultsWhenASourceGoesThroughIt) {
    const ScenarioSpec s = load_scenario_text(R"(functions:
  api: {duration: 1s}
traffic:
  web: {arrivals: {process: poisson, rate: 5/s}, target: {function: api}, via: api_gateway}
)",
                                              "t.yaml");
    ASSERT_TRUE(s.api_gateway.has_value());
    EXPECT_EQ(s.api_gateway->rate_per_second, 10000.0);
    EXPECT_EQ(s.api_gateway->integration_timeout, 29_s);
}

TEST(ScenarioLoader, ReadsLegacyScalingAndContainerImages) {
    const ScenarioSpec s = load_scenario_text(R"(account:
  scaling: {mode: legacy, initial_burst: 500, per_minute: 500}
functions:
  big: {runtime: container_image, package: {type: image, size: 2GB}, duration: 1s}
)",
                                              "t.yaml");
    EXPECT_EQ(s.account.scaling.mode, ScalingMode::Legacy);
    EXPECT_EQ(s.account.scaling.initial_burst, 500);
    EXPECT_EQ(s.functions[0].package.type, PackageType::Image);
    EXPECT_EQ(s.functions[0].package.size_bytes, 2 * kGB);
}

TEST(ScenarioLoader, RejectsMisspeltKeyWithSuggestion) {
    const ScenarioError e = load_error("functions:\n  api:\n    reserved_concurency: 5\n    duration: 1s\n");
    EXPECT_EQ(e.file, "test.yaml");
    EXPECT_EQ(e.line, 3);
    EXPECT_EQ(e.column, 5);
    EXPECT_NE(e.message.find("functions.api.reserved_concurency"), std::string::npos);
    EXPECT_EQ(e.hint, "did you mean `reserved_concurrency`?");
    EXPECT_EQ(e.one_line(),
              "test.yaml:3:5: error: unknown key `functions.api.reserved_concurency` (did you mean "
              "`reserved_concurrency`?)");
}

TEST(ScenarioLoader, ListsTheAllowedKeysWhenNoneIsClose) {
    const ScenarioError e = load_error("functions:\n  api:\n    colour: blue\n    duration: 1s\n");
    EXPECT_NE(e.hint.find("allowed keys here:"), std::string::npos);
    EXPECT_NE(e.hint.find("`reserved_concurrency`"), std::string::npos);
}

TEST(ScenarioOverrides, CreateKeysTheFileDoesNotHave) {
    const ScenarioSpec s = load_scenario_text(
        kMinimal, "t.yaml", sets({"functions.api.reserved_concurrency=10", "account.scaling.per=5s"}));
    EXPECT_EQ(s.functions[0].reserved_concurrency, 10);
    EXPECT_EQ(s.account.scaling.per, 5_s);
}

TEST(ScenarioOverrides, ReplaceTopLevelScalars) {
    const ScenarioSpec s = load_scenario_text(kReferenceExample, "t.yaml", sets({"duration=10min", "seed=9"}));
    EXPECT_EQ(s.duration, 10_min);
    EXPECT_EQ(s.seed, 9u);
}

TEST(ScenarioOverrides, ParseTheValueAsYaml) {
    const ScenarioSpec s = load_scenario_text(
        kReferenceExample, "t.yaml",
        sets({"functions.api.duration={dist: constant, value: 1s}", "traffic.users.arrivals.rate=90/s",
              "functions.api.provisioned_concurrency.1.level=50"}));
    EXPECT_EQ(s.functions[0].duration.kind, DistributionKind::Constant);
    EXPECT_EQ(s.functions[0].duration.value, 1.0);
    EXPECT_EQ(s.traffic[0].arrivals.rate_per_second, 90.0);
    EXPECT_EQ(s.functions[0].provisioned_concurrency[1].level, 50);
}

TEST(ScenarioOverrides, ApplyInOrderSoTheLastOneWins) {
    const ScenarioSpec s = load_scenario_text(kMinimal, "t.yaml", sets({"seed=3", "seed=4"}));
    EXPECT_EQ(s.seed, 4u);
}

TEST(ScenarioOverrides, RejectAPathOutsideTheSchemaWithASuggestionAtTheSetText) {
    const ScenarioError e = load_error(kMinimal, sets({"functions.api.reserved_concurency=10"}));
    EXPECT_EQ(e.file, "--set");
    EXPECT_EQ(e.line, 1);
    EXPECT_EQ(e.column, 15);  // where `reserved_concurency` starts in the KEY=VALUE text
    EXPECT_EQ(e.hint, "did you mean `reserved_concurrency`?");
    const ScenarioError top = load_error(kMinimal, sets({"sead=4"}));
    EXPECT_EQ(top.file, "--set");
    EXPECT_EQ(top.column, 1);
    EXPECT_EQ(top.hint, "did you mean `seed`?");
}

TEST(ScenarioOverrides, LocateABadValueInsideTheSetText) {
    const ScenarioError e = load_error(kMinimal, sets({"functions.api.memory=100MB"}));
    EXPECT_EQ(e.file, "--set");
    EXPECT_EQ(e.line, 1);
    EXPECT_EQ(e.column, 22);
    EXPECT_NE(e.message.find("functions.api.memory"), std::string::npos);
    const ScenarioError nested = load_error(kMinimal, sets({"functions.api.duration={dist: constant, value: 1}"}));
    EXPECT_EQ(nested.file, "--set");
    EXPECT_EQ(nested.column, 48);  // the `1` without a unit
    EXPECT_NE(nested.hint.find("add a unit"), std::string::npos);
    const ScenarioError syntax = load_error(kMinimal, sets({"seed=[1"}));
    EXPECT_EQ(syntax.file, "--set");
    EXPECT_NE(syntax.message.find("not valid YAML"), std::string::npos);
}

TEST(ScenarioOverrides, RejectSetTextWithoutAKey) {
    for (const char* text : {"seed", "=4", "a..b=1", "functions.api memory=1"}) {
        try {
            parse_override(text);
            ADD_FAILURE() << text;
        } catch (const ScenarioError& e) {
            EXPECT_EQ(e.file, "--set");
            EXPECT_EQ(e.line, 1);
            EXPECT_GE(e.column, 1);
        }
    }
    EXPECT_EQ(parse_override("description=a=b").value, "a=b");
}

TEST(ScenarioOverrides, CanFillAnEmptyFile) {
    const ScenarioSpec s = load_scenario_text("", "empty.yaml", sets({"functions.api.duration=2s"}));
    ASSERT_EQ(s.functions.size(), 1u);
    EXPECT_EQ(s.functions[0].duration.value, 2.0);
    const ScenarioError e = load_error("# nothing\n", sets({"seed=3"}));
    EXPECT_EQ(e.file, "test.yaml");
    EXPECT_EQ(e.line, 1);
    EXPECT_NE(e.message.find("missing required key `functions`"), std::string::npos);
}

TEST(ScenarioOverrides, RejectSettingInsideAScalar) {
    const ScenarioError e = load_error(kReferenceExample, sets({"seed.x=1"}));
    EXPECT_EQ(e.file, "--set");
    EXPECT_EQ(e.column, 6);
}

// Field-by-field equality, so a difference names the field.
void expect_same(const DistributionSpec& a, const DistributionSpec& b, const std::string& where) {
    SCOPED_TRACE(where);
    EXPECT_EQ(a.kind, b.kind);
    EXPECT_EQ(a.value, b.value);
    EXPECT_EQ(a.mean, b.mean);
    EXPECT_EQ(a.stddev, b.stddev);
    EXPECT_EQ(a.min, b.min);
    EXPECT_EQ(a.max, b.max);
    EXPECT_EQ(a.p50, b.p50);
    EXPECT_EQ(a.p99, b.p99);
    EXPECT_EQ(a.lognormal_by_percentiles, b.lognormal_by_percentiles);
    EXPECT_EQ(a.file, b.file);
    EXPECT_EQ(a.samples, b.samples);
}

void expect_same(const ScenarioSpec& a, const ScenarioSpec& b) {
    EXPECT_EQ(a.name, b.name);
    EXPECT_EQ(a.description, b.description);
    EXPECT_EQ(a.duration, b.duration);
    EXPECT_EQ(a.seed, b.seed);
    EXPECT_EQ(a.metrics_period, b.metrics_period);
    EXPECT_EQ(a.account.concurrency_limit, b.account.concurrency_limit);
    EXPECT_EQ(a.account.unreserved_minimum, b.account.unreserved_minimum);
    EXPECT_EQ(a.account.scaling.mode, b.account.scaling.mode);
    EXPECT_EQ(a.account.scaling.environments, b.account.scaling.environments);
    EXPECT_EQ(a.account.scaling.per, b.account.scaling.per);
    EXPECT_EQ(a.account.scaling.initial_burst, b.account.scaling.initial_burst);
    EXPECT_EQ(a.account.scaling.per_minute, b.account.scaling.per_minute);
    ASSERT_EQ(a.api_gateway.has_value(), b.api_gateway.has_value());
    if (a.api_gateway) {
        EXPECT_EQ(a.api_gateway->rate_per_second, b.api_gateway->rate_per_second);
        EXPECT_EQ(a.api_gateway->burst, b.api_gateway->burst);
        EXPECT_EQ(a.api_gateway->integration_timeout, b.api_gateway->integration_timeout);
    }
    ASSERT_EQ(a.functions.size(), b.functions.size());
    for (std::size_t i = 0; i < a.functions.size(); ++i) {
        const FunctionSpec& x = a.functions[i];
        const FunctionSpec& y = b.functions[i];
        SCOPED_TRACE("function " + x.name);
        EXPECT_EQ(x.name, y.name);
        EXPECT_EQ(x.runtime, y.runtime);
        EXPECT_EQ(x.package.type, y.package.type);
        EXPECT_EQ(x.package.size_bytes, y.package.size_bytes);
        EXPECT_EQ(x.package.unzipped_size_bytes, y.package.unzipped_size_bytes);
        EXPECT_EQ(x.memory_mb, y.memory_mb);
        EXPECT_EQ(x.ephemeral_storage_mb, y.ephemeral_storage_mb);
        EXPECT_EQ(x.timeout, y.timeout);
        EXPECT_EQ(x.reserved_concurrency, y.reserved_concurrency);
        ASSERT_EQ(x.provisioned_concurrency.size(), y.provisioned_concurrency.size());
        for (std::size_t k = 0; k < x.provisioned_concurrency.size(); ++k) {
            EXPECT_EQ(x.provisioned_concurrency[k].at, y.provisioned_concurrency[k].at);
            EXPECT_EQ(x.provisioned_concurrency[k].level, y.provisioned_concurrency[k].level);
        }
        EXPECT_EQ(x.provisioned_allocation_delay, y.provisioned_allocation_delay);
        EXPECT_EQ(x.provisioned_allocation_per_minute, y.provisioned_allocation_per_minute);
        expect_same(x.duration, y.duration, "duration");
        EXPECT_EQ(x.reference_memory_mb, y.reference_memory_mb);
        EXPECT_EQ(x.cpu_bound, y.cpu_bound);
        ASSERT_EQ(x.cold_start.has_value(), y.cold_start.has_value());
        if (x.cold_start) expect_same(*x.cold_start, *y.cold_start, "cold_start");
        expect_same(x.idle_lifetime, y.idle_lifetime, "idle_lifetime");
        EXPECT_EQ(x.error_rate, y.error_rate);
        EXPECT_EQ(x.async.max_event_age, y.async.max_event_age);
        EXPECT_EQ(x.async.max_retries, y.async.max_retries);
        EXPECT_EQ(x.async.on_failure.kind, y.async.on_failure.kind);
        EXPECT_EQ(x.async.on_failure.name, y.async.on_failure.name);
        EXPECT_EQ(x.async.payload_limit_bytes, y.async.payload_limit_bytes);
    }
    ASSERT_EQ(a.queues.size(), b.queues.size());
    for (std::size_t i = 0; i < a.queues.size(); ++i) {
        const QueueSpec& x = a.queues[i];
        const QueueSpec& y = b.queues[i];
        SCOPED_TRACE("queue " + x.name);
        EXPECT_EQ(x.name, y.name);
        EXPECT_EQ(x.fifo, y.fifo);
        EXPECT_EQ(x.visibility_timeout, y.visibility_timeout);
        EXPECT_EQ(x.retention, y.retention);
        EXPECT_EQ(x.max_receive_count, y.max_receive_count);
        EXPECT_EQ(x.dead_letter_queue, y.dead_letter_queue);
        EXPECT_EQ(x.delivery_delay, y.delivery_delay);
        EXPECT_EQ(x.message_groups, y.message_groups);
    }
    ASSERT_EQ(a.event_source_mappings.size(), b.event_source_mappings.size());
    for (std::size_t i = 0; i < a.event_source_mappings.size(); ++i) {
        const EventSourceMappingSpec& x = a.event_source_mappings[i];
        const EventSourceMappingSpec& y = b.event_source_mappings[i];
        SCOPED_TRACE("event source mapping " + x.name);
        EXPECT_EQ(x.name, y.name);
        EXPECT_EQ(x.queue, y.queue);
        EXPECT_EQ(x.function, y.function);
        EXPECT_EQ(x.batch_size, y.batch_size);
        EXPECT_EQ(x.batch_window, y.batch_window);
        EXPECT_EQ(x.max_concurrency, y.max_concurrency);
        EXPECT_EQ(x.report_batch_item_failures, y.report_batch_item_failures);
    }
    ASSERT_EQ(a.topics.size(), b.topics.size());
    for (std::size_t i = 0; i < a.topics.size(); ++i) {
        const TopicSpec& x = a.topics[i];
        const TopicSpec& y = b.topics[i];
        SCOPED_TRACE("topic " + x.name);
        EXPECT_EQ(x.name, y.name);
        ASSERT_EQ(x.subscriptions.size(), y.subscriptions.size());
        for (std::size_t k = 0; k < x.subscriptions.size(); ++k) {
            EXPECT_EQ(x.subscriptions[k].kind, y.subscriptions[k].kind);
            EXPECT_EQ(x.subscriptions[k].target, y.subscriptions[k].target);
            EXPECT_EQ(x.subscriptions[k].filter_fraction, y.subscriptions[k].filter_fraction);
            EXPECT_EQ(x.subscriptions[k].dead_letter_queue, y.subscriptions[k].dead_letter_queue);
        }
    }
    ASSERT_EQ(a.traffic.size(), b.traffic.size());
    for (std::size_t i = 0; i < a.traffic.size(); ++i) {
        const TrafficSourceSpec& x = a.traffic[i];
        const TrafficSourceSpec& y = b.traffic[i];
        SCOPED_TRACE("traffic " + x.name);
        EXPECT_EQ(x.name, y.name);
        EXPECT_EQ(x.arrivals.process, y.arrivals.process);
        EXPECT_EQ(x.arrivals.rate_per_second, y.arrivals.rate_per_second);
        ASSERT_EQ(x.arrivals.points.size(), y.arrivals.points.size());
        for (std::size_t k = 0; k < x.arrivals.points.size(); ++k) {
            EXPECT_EQ(x.arrivals.points[k].at, y.arrivals.points[k].at);
            EXPECT_EQ(x.arrivals.points[k].per_second, y.arrivals.points[k].per_second);
        }
        EXPECT_EQ(x.arrivals.peak_per_second, y.arrivals.peak_per_second);
        EXPECT_EQ(x.arrivals.trough_per_second, y.arrivals.trough_per_second);
        EXPECT_EQ(x.arrivals.peak_at, y.arrivals.peak_at);
        EXPECT_EQ(x.arrivals.period, y.arrivals.period);
        EXPECT_EQ(x.arrivals.count, y.arrivals.count);
        EXPECT_EQ(x.arrivals.at, y.arrivals.at);
        EXPECT_EQ(x.arrivals.window, y.arrivals.window);
        EXPECT_EQ(x.arrivals.file, y.arrivals.file);
        EXPECT_EQ(x.arrivals.trace_format, y.arrivals.trace_format);
        EXPECT_EQ(x.target.kind, y.target.kind);
        EXPECT_EQ(x.target.function, y.target.function);
        EXPECT_EQ(x.target.invocation, y.target.invocation);
        EXPECT_EQ(x.target.name, y.target.name);
        EXPECT_EQ(x.client.max_attempts, y.client.max_attempts);
        EXPECT_EQ(x.client.backoff_base, y.client.backoff_base);
        EXPECT_EQ(x.client.backoff_cap, y.client.backoff_cap);
        expect_same(x.payload, y.payload, "payload");
        EXPECT_EQ(x.via_api_gateway, y.via_api_gateway);
    }
}

const char* const kRichScenario = R"(name: "rich: every feature"
description: |
  Two lines,
  with "quotes" and a \ backslash.
duration: 90min
seed: 18446744073709551615
metrics_period: 250ms
account:
  concurrency_limit: 3000
  unreserved_minimum: 200
  scaling: {mode: legacy, initial_burst: 1000}
functions:
  api:
    runtime: nodejs
    package: {size: 12.5MB, unzipped_size: 100MB}
    memory: 1769MB
    ephemeral_storage: 2048MB
    timeout: 29s
    reserved_concurrency: 400
    provisioned_concurrency: [{at: 0s, level: 10}, {at: 1h, level: 100}, {at: 80min, level: 0}]
    provisioned_allocation_delay: 2min
    duration: {dist: lognormal, p50: 80ms, p99: 1.25s}
    reference_memory: 1024MB
    cpu_bound: 0.85
    cold_start: {dist: normal, mean: 350ms, stddev: 120ms}
    idle_lifetime: {dist: exponential, mean: 7min}
    error_rate: 0.015
  worker:
    runtime: container_image
    package: {type: image, size: 1.5GB}
    duration: {dist: empirical, file: durations_ms.csv, unit: ms}
    provisioned_concurrency: 5
  tiny:
    runtime: java
    duration: {dist: lognormal, mean: 3s, stddev: 0.5s}
    idle_lifetime: 10min
traffic:
  web:
    arrivals: {process: diurnal, peak: 500/min, trough: 1/s, peak_at: 13.5h, period: 24h}
    target: {function: api}
    via: api_gateway
    payload: {dist: uniform, min: 512B, max: 1.5KB}
  replay:
    arrivals: {process: trace, file: arrivals_counts.csv, format: counts}
    target: {function: worker}
    client: {max_attempts: 5, backoff_base: 100ms, backoff_cap: 2s}
    payload: {dist: empirical, file: payload_kb.csv, unit: KB}
  ramp:
    arrivals: {process: ramp, points: [{at: 0s, rate: 0/s}, {at: 10min, rate: 0.3/s}]}
    target: {function: tiny}
  spike:
    arrivals: {process: burst, count: 5000, at: 2min}
    target: {function: tiny}
  steps:
    arrivals: {process: steps, steps: [{at: 0s, rate: 10/h}, {at: 1h, rate: 1e-3/s}]}
    target: {function: api}
)";

TEST(ResolvedWriter, WritesYamlThatLoadsBackToAnIdenticalSpec) {
    const ScenarioSpec original = load_scenario_text(kRichScenario, kLabelInDataDir);
    const std::string resolved = to_resolved_yaml(original);
    // Loaded from elsewhere, as from a results folder: data files are written with absolute paths.
    const ScenarioSpec reloaded = load_scenario_text(resolved, "/nonexistent-results/scenario.resolved.yaml");
    expect_same(original, reloaded);
    EXPECT_EQ(to_resolved_yaml(reloaded), resolved);
}

TEST(ResolvedWriter, FillsInEveryDefault) {
    const std::string resolved = to_resolved_yaml(load_scenario_text(kMinimal, "minimal.yaml"));
    for (const char* expected :
         {"name: minimal", "duration: 1h", "seed: 1", "metrics_period: 1s", "concurrency_limit: 1000",
          "scaling: {mode: per_function, environments: 1000, per: 10s}", "runtime: python", "memory: 128MB",
          "timeout: 3s", "provisioned_concurrency: 0", "provisioned_allocation_delay: 90s",
          "idle_lifetime: {dist: uniform, min: 5min, max: 15min}", "cpu_bound: 0.5", "error_rate: 0",
          "# reserved_concurrency: none", "# cold_start: the python runtime preset", "traffic: {}"})
        EXPECT_NE(resolved.find(expected), std::string::npos) << expected << "\n" << resolved;
    expect_same(load_scenario_text(kMinimal, "minimal.yaml"), load_scenario_text(resolved, "other.yaml"));
}

TEST(ResolvedWriter, WritesConstantsAsMaps) {
    const std::string resolved = to_resolved_yaml(load_scenario_text("functions: {api: {duration: 1500ms}}", "t.yaml"));
    EXPECT_NE(resolved.find("duration: {dist: constant, value: 1500ms}"), std::string::npos) << resolved;
}

// Every key of the services sections (async, queues, event source mappings, topics, and the new
// target forms), each away from its default where it has one.
const char* const kServicesScenario = R"(functions:
  api:
    duration: 100ms
  worker:
    duration: {dist: exponential, mean: 2s}
    timeout: 1min
    async:
      max_event_age: 2h
      max_retries: 1
      on_failure: {queue: failed-events}
      payload_limit: 256KB
  thumbnailer:
    duration: 300ms
    async: {max_event_age: 60s, max_retries: 0, on_failure: {topic: alerts}}
  notifier:
    duration: 50ms
queues:
  jobs:
    type: standard
    visibility_timeout: 6min
    retention: 4d
    max_receive_count: 5
    dead_letter_queue: jobs-dlq
    delivery_delay: 10s
  jobs-dlq: {retention: 14d}
  orders:
    type: fifo
    visibility_timeout: 12h
    retention: 60s
    max_receive_count: 1000
    dead_letter_queue: orders-dlq
    delivery_delay: 15min
    message_groups: 10
  orders-dlq: {type: fifo}
  failed-events:
  sns-dlq: {}
event_source_mappings:
  jobs-to-worker:
    queue: jobs
    function: worker
    batch_size: 100
    batch_window: 2s
    max_concurrency: 50
    report_batch_item_failures: true
  orders-to-worker: {queue: orders, function: worker}
topics:
  uploads:
    subscriptions:
      - {function: thumbnailer}
      - {queue: jobs, filter: 0.5, dead_letter_queue: sns-dlq}
  alerts:
    subscriptions:
      - function: notifier
        filter: 0
traffic:
  s1: {arrivals: {process: poisson, rate: 5/s}, target: {function: api, invocation: sync}}
  s2: {arrivals: {process: poisson, rate: 5/s}, target: {function: worker, invocation: async}, payload: 200KB}
  s3: {arrivals: {process: constant, rate: 1/s}, target: {queue: jobs}, via: direct}
  s4: {arrivals: {process: poisson, rate: 2/s}, target: {topic: uploads}}
)";

TEST(ScenarioServices, LoadsEveryKeyIntoTheExpectedSpec) {
    const ScenarioSpec s = load_scenario_text(kServicesScenario, "services.yaml");
    ASSERT_EQ(s.functions.size(), 4u);
    const AsyncSpec& worker = s.functions[1].async;
    EXPECT_EQ(worker.max_event_age, 2_h);
    EXPECT_EQ(worker.max_retries, 1);
    EXPECT_EQ(worker.on_failure.kind, DestinationSpec::Kind::Queue);
    EXPECT_EQ(worker.on_failure.name, "failed-events");
    EXPECT_EQ(worker.payload_limit_bytes, 256 * kKB);
    const AsyncSpec& thumbnailer = s.functions[2].async;
    EXPECT_EQ(thumbnailer.max_event_age, 1_min);
    EXPECT_EQ(thumbnailer.max_retries, 0);
    EXPECT_EQ(thumbnailer.on_failure.kind, DestinationSpec::Kind::Topic);
    EXPECT_EQ(thumbnailer.on_failure.name, "alerts");
    EXPECT_EQ(thumbnailer.payload_limit_bytes, 1 * kMB);
    const AsyncSpec& defaults = s.functions[0].async;  // no async: key
    EXPECT_EQ(defaults.max_event_age, 6_h);
    EXPECT_EQ(defaults.max_retries, 2);
    EXPECT_TRUE(defaults.on_failure.empty());
    EXPECT_EQ(defaults.payload_limit_bytes, 1 * kMB);

    ASSERT_EQ(s.queues.size(), 6u);
    const QueueSpec& jobs = s.queues[0];
    EXPECT_EQ(jobs.name, "jobs");
    EXPECT_FALSE(jobs.fifo);
    EXPECT_EQ(jobs.visibility_timeout, 6_min);
    EXPECT_EQ(jobs.retention, 4 * kDay);
    EXPECT_EQ(jobs.max_receive_count, 5);
    EXPECT_EQ(jobs.dead_letter_queue, "jobs-dlq");
    EXPECT_EQ(jobs.delivery_delay, 10_s);
    EXPECT_EQ(jobs.message_groups, 1);
    EXPECT_EQ(s.queues[1].retention, 14 * kDay);
    const QueueSpec& orders = s.queues[2];
    EXPECT_TRUE(orders.fifo);
    EXPECT_EQ(orders.visibility_timeout, 12_h);
    EXPECT_EQ(orders.retention, 60_s);
    EXPECT_EQ(orders.max_receive_count, 1000);
    EXPECT_EQ(orders.dead_letter_queue, "orders-dlq");
    EXPECT_EQ(orders.delivery_delay, 15_min);
    EXPECT_EQ(orders.message_groups, 10);
    EXPECT_TRUE(s.queues[3].fifo);
    const QueueSpec& plain = s.queues[4];  // `failed-events:` with nothing under it
    EXPECT_EQ(plain.name, "failed-events");
    EXPECT_FALSE(plain.fifo);
    EXPECT_EQ(plain.visibility_timeout, 30_s);
    EXPECT_EQ(plain.retention, 4 * kDay);
    EXPECT_EQ(plain.max_receive_count, 0);
    EXPECT_EQ(plain.dead_letter_queue, "");
    EXPECT_EQ(plain.delivery_delay, 0);
    EXPECT_EQ(plain.message_groups, 1);

    ASSERT_EQ(s.event_source_mappings.size(), 2u);
    const EventSourceMappingSpec& m = s.event_source_mappings[0];
    EXPECT_EQ(m.name, "jobs-to-worker");
    EXPECT_EQ(m.queue, "jobs");
    EXPECT_EQ(m.function, "worker");
    EXPECT_EQ(m.batch_size, 100);
    EXPECT_EQ(m.batch_window, 2_s);
    EXPECT_EQ(m.max_concurrency, 50);
    EXPECT_TRUE(m.report_batch_item_failures);
    const EventSourceMappingSpec& fifo = s.event_source_mappings[1];
    EXPECT_EQ(fifo.batch_size, 10);
    EXPECT_EQ(fifo.batch_window, 0);
    EXPECT_FALSE(fifo.max_concurrency.has_value());
    EXPECT_FALSE(fifo.report_batch_item_failures);

    ASSERT_EQ(s.topics.size(), 2u);
    const TopicSpec& uploads = s.topics[0];
    EXPECT_EQ(uploads.name, "uploads");
    ASSERT_EQ(uploads.subscriptions.size(), 2u);
    EXPECT_EQ(uploads.subscriptions[0].kind, SubscriptionSpec::Kind::Function);
    EXPECT_EQ(uploads.subscriptions[0].target, "thumbnailer");
    EXPECT_EQ(uploads.subscriptions[0].filter_fraction, 1.0);
    EXPECT_EQ(uploads.subscriptions[0].dead_letter_queue, "");
    EXPECT_EQ(uploads.subscriptions[1].kind, SubscriptionSpec::Kind::Queue);
    EXPECT_EQ(uploads.subscriptions[1].target, "jobs");
    EXPECT_EQ(uploads.subscriptions[1].filter_fraction, 0.5);
    EXPECT_EQ(uploads.subscriptions[1].dead_letter_queue, "sns-dlq");
    EXPECT_EQ(s.topics[1].subscriptions[0].filter_fraction, 0.0);

    ASSERT_EQ(s.traffic.size(), 4u);
    EXPECT_EQ(s.traffic[0].target.kind, TargetSpec::Kind::Function);
    EXPECT_EQ(s.traffic[0].target.invocation, InvocationType::Sync);
    EXPECT_EQ(s.traffic[1].target.kind, TargetSpec::Kind::Function);
    EXPECT_EQ(s.traffic[1].target.function, "worker");
    EXPECT_EQ(s.traffic[1].target.invocation, InvocationType::Async);
    EXPECT_EQ(s.traffic[1].payload.value, 200 * kKB);
    EXPECT_EQ(s.traffic[2].target.kind, TargetSpec::Kind::Queue);
    EXPECT_EQ(s.traffic[2].target.name, "jobs");
    EXPECT_FALSE(s.traffic[2].via_api_gateway);
    EXPECT_EQ(s.traffic[3].target.kind, TargetSpec::Kind::Topic);
    EXPECT_EQ(s.traffic[3].target.name, "uploads");
    EXPECT_FALSE(s.api_gateway.has_value());
}

TEST(ScenarioServices, ResolvedYamlLoadsBackToAnIdenticalSpec) {
    const ScenarioSpec original = load_scenario_text(kServicesScenario, "services.yaml");
    const std::string resolved = to_resolved_yaml(original);
    const ScenarioSpec reloaded = load_scenario_text(resolved, "/nonexistent-results/scenario.resolved.yaml");
    expect_same(original, reloaded);
    EXPECT_EQ(to_resolved_yaml(reloaded), resolved);
    for (const char* expected :
         {"on_failure: {queue: failed-events}", "# on_failure: none", "type: fifo", "message_groups: 10",
          "# max_receive_count, dead_letter_queue: none", "retention: 4d", "# max_concurrency: none",
          "report_batch_item_failures: true", "- {function: thumbnailer, filter: 1}",
          "- {queue: jobs, filter: 0.5, dead_letter_queue: sns-dlq}", "target: {function: worker, invocation: async}",
          "target: {queue: jobs}", "target: {topic: uploads}", "# client: does not apply"})
        EXPECT_NE(resolved.find(expected), std::string::npos) << expected << "\n" << resolved;
}

TEST(ScenarioServices, ResolvedYamlOfAScenarioWithoutServicesHasEmptySections) {
    const std::string resolved = to_resolved_yaml(load_scenario_text(kMinimal, "minimal.yaml"));
    for (const char* expected : {"queues: {}", "topics: {}", "event_source_mappings: {}",
                                 "    async:\n      max_event_age: 6h\n      max_retries: 2\n"
                                 "      # on_failure: none (events that fail for good are dropped)\n"
                                 "      payload_limit: 1MB\n"})
        EXPECT_NE(resolved.find(expected), std::string::npos) << expected << "\n" << resolved;
    expect_same(load_scenario_text(kMinimal, "minimal.yaml"), load_scenario_text(resolved, "other.yaml"));
}

TEST(ScenarioServices, SetOverridesReachTheNewKeys) {
    const ScenarioSpec s = load_scenario_text(
        kServicesScenario, "t.yaml",
        sets({"queues.jobs.visibility_timeout=10min", "functions.worker.async.max_retries=0",
              "functions.api.async.on_failure={topic: uploads}", "event_source_mappings.jobs-to-worker.batch_size=5",
              "topics.uploads.subscriptions.1.filter=0.25", "queues.extra.type=fifo",
              "traffic.s3.target={topic: alerts}"}));
    EXPECT_EQ(s.queues[0].visibility_timeout, 10_min);
    EXPECT_EQ(s.functions[1].async.max_retries, 0);
    EXPECT_EQ(s.functions[0].async.on_failure.kind, DestinationSpec::Kind::Topic);
    EXPECT_EQ(s.event_source_mappings[0].batch_size, 5);
    EXPECT_EQ(s.topics[0].subscriptions[1].filter_fraction, 0.25);
    ASSERT_EQ(s.queues.size(), 7u);
    EXPECT_TRUE(s.queues[6].fifo);
    EXPECT_EQ(s.traffic[2].target.kind, TargetSpec::Kind::Topic);
    EXPECT_EQ(s.traffic[2].target.name, "alerts");
}

TEST(ScenarioServices, SetOverridesOfTheNewKeysAreCheckedAtTheSetText) {
    const ScenarioError e = load_error(kServicesScenario, sets({"queues.jobs.visibility_timeout=13h"}));
    EXPECT_EQ(e.file, "--set");
    EXPECT_EQ(e.column, 32);  // the value
    EXPECT_NE(e.message.find("queues.jobs.visibility_timeout: must be between 0s and 12h"), std::string::npos);
    const ScenarioError retries = load_error(kServicesScenario, sets({"functions.worker.async.max_retrys=0"}));
    EXPECT_EQ(retries.file, "--set");
    EXPECT_EQ(retries.column, 24);
    EXPECT_EQ(retries.hint, "did you mean `max_retries`?");
    // A change that breaks a rule spanning sections is reported where the rule is checked.
    const ScenarioError timeout = load_error(kServicesScenario, sets({"functions.worker.timeout=7min"}));
    EXPECT_EQ(timeout.file, "test.yaml");
    EXPECT_NE(timeout.message.find("longer than queue `jobs`'s visibility_timeout 6min"), std::string::npos)
        << timeout.one_line();
}

TEST(ScenarioServices, NamesOfDifferentKindsMayCoincide) {
    const ScenarioSpec s = load_scenario_text(R"(functions:
  work: {duration: 1s}
queues:
  work: {}
topics:
  work: {subscriptions: [{queue: work}]}
event_source_mappings:
  work: {queue: work, function: work}
traffic:
  work: {arrivals: {process: poisson, rate: 1/s}, target: {topic: work}}
)",
                                              "t.yaml");
    EXPECT_EQ(s.queues[0].name, "work");
    EXPECT_EQ(s.topics[0].name, "work");
    EXPECT_EQ(s.event_source_mappings[0].name, "work");
}

TEST(ScenarioServices, RejectsADanglingReferenceWithTheKnownNames) {
    const ScenarioError e = load_error(R"(functions:
  worker: {duration: 1s}
queues:
  jobs: {}
  jobs-dlq: {}
event_source_mappings:
  m: {queue: jbos, function: worker}
)");
    EXPECT_EQ(e.line, 7);
    EXPECT_EQ(e.column, 14);
    EXPECT_EQ(e.one_line(),
              "test.yaml:7:14: error: event_source_mappings.m.queue: no queue named `jbos` (did you "
              "mean `jobs`? known queues: `jobs`, `jobs-dlq`)");
    const ScenarioError none = load_error(R"(functions:
  worker: {duration: 1s, async: {on_failure: {topic: alerts}}}
)");
    EXPECT_NE(none.one_line().find("no topic named `alerts` (the scenario defines no topics; add one under "
                                   "`topics:`)"),
              std::string::npos)
        << none.one_line();
}

TEST(ScenarioServices, ReportsADeadLetterCycleWithItsPath) {
    const ScenarioError e = load_error(R"(functions:
  f: {duration: 1s}
queues:
  a: {max_receive_count: 3, dead_letter_queue: b}
  b: {max_receive_count: 3, dead_letter_queue: c}
  c: {max_receive_count: 3, dead_letter_queue: a}
)");
    EXPECT_EQ(e.line, 4);
    EXPECT_NE(e.message.find("dead-letter queues form a cycle: a -> b -> c -> a"), std::string::npos) << e.one_line();
}

TEST(ScenarioServices, RefusesYesAndNoAsBooleans) {
    const ScenarioError e = load_error(R"(functions:
  f: {duration: 1s}
queues:
  q: {}
event_source_mappings:
  m: {queue: q, function: f, report_batch_item_failures: yes}
)");
    EXPECT_NE(e.message.find("expected true or false, got `yes`"), std::string::npos) << e.one_line();
}

TEST(ScenarioLoader, LoadsAFileFromDisk) {
    const fs::path dir = fs::temp_directory_path() / ("lambdasim_loader_test_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const fs::path file = dir / "from-disk.yaml";
    {
        std::ofstream out(file);
        out << kMinimal;
    }
    const ScenarioSpec s = load_scenario_file(file.string(), sets({"seed=5"}));
    EXPECT_EQ(s.name, "from-disk");
    EXPECT_EQ(s.seed, 5u);
    try {
        load_scenario_file((dir / "missing.yaml").string());
        ADD_FAILURE();
    } catch (const ScenarioError& e) {
        EXPECT_NE(e.message.find("cannot open"), std::string::npos);
    }
    fs::remove_all(dir);
}

}  // namespace
}  // namespace lambdasim
