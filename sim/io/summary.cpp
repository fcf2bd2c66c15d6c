#include "lambdasim/io/summary.hpp"

#include "lambdasim/version.hpp"

namespace lambdasim {
namespace {

using Json = nlohmann::ordered_json;

Json percentiles(const LogHistogram& h) {
    const Percentiles p = h.summary();
    return Json{{"mean", p.mean}, {"p50", p.p50}, {"p90", p.p90}, {"p99", p.p99}, {"max", p.max}};
}

template <std::size_t N>
Json by_name(const std::array<std::uint64_t, N>& counts, const std::array<std::string_view, N>& names,
             bool skip_zero) {
    Json j = Json::object();
    for (std::size_t i = 0; i < N; ++i)
        if (!skip_zero || counts[i] != 0) j[std::string(names[i])] = counts[i];
    return j;
}

}  // namespace

bool is_wall_clock_key(std::string_view key) { return key == "wall_seconds" || key == "events_per_second"; }

Json make_summary(const ScenarioSpec& spec, const ModelRunResult& run) {
    const MetricsRecorder& m = *run.metrics;
    const SimTime end = run.simulated_end;
    Json j;
    j["scenario"] = spec.name;
    j["seed"] = spec.seed;
    j["simulated_seconds"] = to_seconds(end);
    j["interrupted"] = run.interrupted;
    j["version"] = kVersion;
    j["source_revision"] = kSourceRevision;
    j["engine"] = Json{{"events", run.events},
                       {"wall_seconds", run.wall_seconds},
                       {"events_per_second", run.wall_seconds > 0 ? static_cast<double>(run.events) / run.wall_seconds : 0}};
    j["account"] = Json{{"concurrency_limit", spec.account.concurrency_limit},
                        {"unreserved_concurrency", run.unreserved_capacity},
                        {"max_concurrent_executions", m.account().concurrency.max()},
                        {"mean_concurrent_executions", m.account().concurrency.mean(end)},
                        {"max_unreserved_concurrent_executions", m.account().unreserved.max()},
                        {"max_claimed_account_concurrency", m.account().claimed.max()},
                        {"throttles", m.account().throttles_total}};
    Json functions = Json::object();
    for (std::size_t i = 0; i < spec.functions.size(); ++i) {
        const FunctionMetrics& f = m.function(i);
        const FunctionCounts& c = f.total;
        Json fj;
        fj["invocations"] = c.invocations;
        fj["throttles"] = c.throttles();
        fj["throttles_by_reason"] = by_name(c.throttles_by_reason, kThrottleReasonNames, true);
        fj["cold_starts"] = c.cold_starts;
        fj["warm_starts"] = c.warm_starts;
        fj["errors"] = c.errors;
        fj["timeouts"] = c.timeouts;
        fj["max_concurrent_executions"] = f.concurrency.max();
        fj["mean_concurrent_executions"] = f.concurrency.mean(end);
        fj["provisioned_invocations"] = c.provisioned_invocations;
        fj["provisioned_spillover_invocations"] = c.provisioned_spillover_invocations;
        fj["duration_ms"] = percentiles(f.duration_total);
        fj["init_duration_ms"] = percentiles(f.init_total);
        const AsyncCounts& a = f.async_total;
        if (a.events + a.rejected > 0)
            fj["async"] = Json{{"events", a.events},       {"retried", a.retried},
                               {"succeeded", a.succeeded}, {"expired", a.expired},
                               {"dead_lettered", a.dead_lettered}, {"dropped", a.dropped},
                               {"rejected", a.rejected},   {"max_age_s", f.async_max_age_s}};
        if (!spec.functions[i].calls.empty())
            fj["calls"] = Json{{"made", c.calls}, {"throttled", c.calls_throttled}, {"failed", c.calls_failed}};
        functions[f.name] = fj;
    }
    j["functions"] = functions;
    Json entries = Json::object();
    for (std::size_t i = 0; i < spec.traffic.size(); ++i) {
        const EntryPointMetrics& e = m.entry_point(i);
        const EntryPointCounts& c = e.total;
        Json ej;
        ej["requests"] = c.requests;
        ej["succeeded"] = c.succeeded;
        ej["failed"] = c.failed;
        ej["throttled"] = c.throttled;
        ej["retries"] = c.retries;
        // Synchronous requests not answered yet; for other targets the service took every request
        // at once, so what is still in the system is the flow's units of work.
        const std::uint64_t flow_in_flight = i < run.flow_in_flight.size() ? run.flow_in_flight[i] : 0;
        ej["in_flight"] = spec.traffic[i].target.is_sync_function()
                              ? c.requests - c.succeeded - c.failed - c.throttled
                              : flow_in_flight;
        ej["failed_by_reason"] = by_name(c.failed_by_reason, kFailureReasonNames, true);
        ej["throttled_by_reason"] = by_name(c.throttled_by_reason, kThrottleReasonNames, true);
        ej["latency_ms"] = percentiles(e.latency_total);
        const FlowCounts& flow = c.flow;
        if (flow.created > 0)
            ej["flow"] = Json{{"created", flow.created},       {"delivered", flow.delivered},
                              {"forwarded", flow.forwarded},
                              {"filtered", flow.filtered},     {"expired", flow.expired},
                              {"dropped", flow.dropped},       {"dead_lettered", flow.dead_lettered},
                              {"rejected", flow.rejected},     {"lost", flow.lost()},
                              {"in_flight", i < run.flow_in_flight.size() ? run.flow_in_flight[i] : 0}};
        ej["end_to_end_latency_ms"] = percentiles(e.end_to_end_total);
        entries[e.name] = ej;
    }
    j["entry_points"] = entries;
    Json queues = Json::object();
    for (const QueueMetrics& q : m.queues())
        queues[q.name] = Json{{"sent", q.total.sent},
                              {"received", q.total.received},
                              {"deleted", q.total.deleted},
                              {"redriven", q.total.redriven},
                              {"redriven_after_throttle", q.total.redriven_after_throttle},
                              {"expired", q.total.expired},
                              {"max_depth", q.depth.max()},
                              {"max_age_of_oldest_s", q.max_age_of_oldest_s},
                              {"receive_wait_ms", percentiles(q.wait_total)}};
    if (!spec.queues.empty()) j["queues"] = queues;
    Json topics = Json::object();
    for (const TopicMetrics& t : m.topics())
        topics[t.name] = Json{{"published", t.total.published},
                              {"delivered", t.total.delivered},
                              {"failed", t.total.failed},
                              {"filtered", t.total.filtered}};
    if (!spec.topics.empty()) j["topics"] = topics;
    Json buckets = Json::object();
    for (const BucketMetrics& b : m.buckets())
        buckets[b.name] = Json{{"puts", b.total.puts},
                               {"accepted", b.total.accepted},
                               {"slow_down", b.total.slow_down},
                               {"notifications", b.total.notifications},
                               {"gets", b.total.gets},
                               {"get_slow_down", b.total.get_slow_down}};
    if (!spec.buckets.empty()) j["buckets"] = buckets;
    Json tables = Json::object();
    for (const TableMetrics& t : m.tables())
        tables[t.name] = Json{{"reads", t.total.reads},
                              {"writes", t.total.writes},
                              {"consumed_read_units", t.total.read_units},
                              {"consumed_write_units", t.total.write_units},
                              {"read_throttle_events", t.total.read_throttles},
                              {"write_throttle_events", t.total.write_throttles},
                              {"hot_key_throttle_events", t.total.hot_key_throttles}};
    if (!spec.tables.empty()) j["tables"] = tables;
    Json mappings = Json::object();
    for (std::size_t i = 0; i < spec.event_source_mappings.size(); ++i)
        mappings[spec.event_source_mappings[i].name] =
            Json{{"max_concurrent_batches", run.mapping_max_concurrent_batches[i]}};
    if (!spec.event_source_mappings.empty()) j["event_source_mappings"] = mappings;
    j["invariants_ok"] = run.broken_invariants.empty();
    if (!run.broken_invariants.empty()) j["broken_invariants"] = run.broken_invariants;
    return j;
}

}  // namespace lambdasim
