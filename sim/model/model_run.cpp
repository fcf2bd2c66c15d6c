#include "lambdasim/model/model_run.hpp"

#include <chrono>

#include <fmt/format.h>

namespace lambdasim {
namespace {

std::vector<std::string> function_names(const ScenarioSpec& spec) {
    std::vector<std::string> names;
    for (const auto& f : spec.functions) names.push_back(f.name);
    return names;
}

std::vector<std::string> entry_point_names(const ScenarioSpec& spec) {
    std::vector<std::string> names;
    for (const auto& t : spec.traffic) names.push_back(t.name);
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
    for (const auto& e : m.entry_points()) {
        requests += e.total.requests;
        resolved += e.total.succeeded + e.total.failed + e.total.throttled;
    }
    if (requests != result.ledger.started || resolved + result.ledger.in_flight() != requests)
        result.broken_invariants.push_back(fmt::format("requests {} != succeeded+failed+throttled {} + in flight {}",
                                                       requests, resolved, result.ledger.in_flight()));
    (void)model;
}

}  // namespace

ModelRunResult run_model(const ScenarioSpec& spec, const ModelRunOptions& options) {
    ModelRunResult result;
    result.metrics = std::make_unique<MetricsRecorder>(function_names(spec), entry_point_names(spec), options.sink);
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
    model.finish(result.simulated_end);
    result.events = simulator.events_processed();
    result.ledger = model.ledger();
    result.unreserved_capacity = model.unreserved_capacity();
    check_invariants(spec, model, result);
    return result;
}

}  // namespace lambdasim
