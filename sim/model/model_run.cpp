#include "lambdasim/model/model_run.hpp"

#include <chrono>

#include <fmt/format.h>

namespace lambdasim {
namespace {

template <typename Spec>
std::vector<std::string> names_of(const std::vector<Spec>& specs) {
    std::vector<std::string> names;
    for (const auto& s : specs) names.push_back(s.name);
    return names;
}

// End-of-run invariants: concurrency within its caps; every request accounted for.
void check_invariants(const ScenarioSpec& spec, const LambdaModel& model, ModelRunResult& result) {
    const MetricsRecorder& m = *result.metrics;
    if (m.account().concurrency.max() > spec.account.concurrency_limit)
        result.broken_invariants.push_back(fmt::format("account concurrency {} exceeded the limit {}",
                                                       m.account().concurrency.max(), spec.account.concurrency_limit));
    for (std::size_t i = 0; i < spec.functions.size(); ++i) {
        const auto& reserved = spec.functions[i].reserved_concurrency;
        if (reserved && m.function(i).concurrency.max() > *reserved)
            result.broken_invariants.push_back(fmt::format("function {} ran {} at once above its reserved {}",
                                                           spec.functions[i].name, m.function(i).concurrency.max(), *reserved));
    }
    std::uint64_t requests = 0, resolved = 0;
    for (std::size_t s = 0; s < spec.traffic.size(); ++s) {
        if (!spec.traffic[s].target.is_sync_function()) continue;
        const EntryPointCounts& e = m.entry_point(s).total;
        requests += e.requests;
        resolved += e.succeeded + e.failed + e.throttled;
    }
    if (requests != result.ledger.started || resolved + result.ledger.in_flight() != requests)
        result.broken_invariants.push_back(fmt::format("requests {} != succeeded+failed+throttled {} + in flight {}",
                                                       requests, resolved, result.ledger.in_flight()));
    if (result.events_scheduled_in_the_past > 0)
        result.broken_invariants.push_back(
            fmt::format("{} events were scheduled in the past", result.events_scheduled_in_the_past));
    // Conservation: every unit of asynchronous work is delivered, forwarded (sent on by a
    // function's calls as new units), filtered, lost with a reason, or still in the system
    // (counted from the live objects, not from the counters).
    for (std::size_t s = 0; s < spec.traffic.size(); ++s) {
        const FlowCounts& f = m.entry_point(s).total.flow;
        const std::uint64_t accounted = f.delivered + f.forwarded + f.filtered + f.lost() + result.flow_in_flight[s];
        if (accounted != f.created)
            result.broken_invariants.push_back(fmt::format(
                "traffic {}: {} units created but {} delivered + {} forwarded + {} filtered + {} lost + {} in flight",
                spec.traffic[s].name, f.created, f.delivered, f.forwarded, f.filtered, f.lost(),
                result.flow_in_flight[s]));
    }
    for (std::size_t i = 0; i < spec.event_source_mappings.size(); ++i) {
        const auto& cap = spec.event_source_mappings[i].max_concurrency;
        if (cap && result.mapping_max_concurrent_batches[i] > *cap)
            result.broken_invariants.push_back(fmt::format("event source mapping {} ran {} batches at once above its max_concurrency {}",
                                                           spec.event_source_mappings[i].name,
                                                           result.mapping_max_concurrent_batches[i], *cap));
    }
    (void)model;
}

}  // namespace

ModelRunResult run_model(const ScenarioSpec& spec, const ModelRunOptions& options) {
    ModelRunResult result;
    result.metrics =
        std::make_unique<MetricsRecorder>(names_of(spec.functions), names_of(spec.traffic), options.sink,
                                          names_of(spec.queues), names_of(spec.topics), names_of(spec.buckets),
                                          names_of(spec.tables));
    Simulator simulator;
    LambdaModel model(spec, simulator, *result.metrics);
    model.start();

    RunLimits limits;
    limits.end = spec.duration;
    limits.max_events = options.max_events;
    const auto wall_start = std::chrono::steady_clock::now();
    const StopReason stop = simulator.run(limits, options.progress);
    result.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();

    result.interrupted = stop == StopReason::Cancelled || stop == StopReason::EventLimit;
    result.simulated_end = result.interrupted ? simulator.now() : spec.duration;
    model.finish(result.simulated_end, result.interrupted);
    result.events = simulator.events_processed();
    result.events_scheduled_in_the_past = simulator.events_scheduled_in_the_past();
    result.ledger = model.ledger();
    result.flow_in_flight = model.flow_in_flight();
    for (std::size_t i = 0; i < spec.event_source_mappings.size(); ++i)
        result.mapping_max_concurrent_batches.push_back(model.mapping_max_in_flight(i));
    result.unreserved_capacity = model.unreserved_capacity();
    check_invariants(spec, model, result);
    return result;
}

}  // namespace lambdasim
