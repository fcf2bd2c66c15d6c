// Google Benchmark targets (built by CMake, not run as tests): `build/tests/lambdasim_benchmarks`.
// Current figures are in README "Performance".
#include <benchmark/benchmark.h>

#include <boost/random/uniform_int_distribution.hpp>

#include "lambdasim/engine/event_queue.hpp"
#include "lambdasim/engine/hold_model.hpp"
#include "lambdasim/engine/random_streams.hpp"
#include "lambdasim/model/benchmark_scenarios.hpp"
#include "lambdasim/model/model_run.hpp"

namespace lambdasim {
namespace {

// One pop and one push at a steady queue size (the pattern of a running simulation).
void EventQueuePushPop(benchmark::State& state) {
    const auto pending = static_cast<std::size_t>(state.range(0));
    EventQueue queue;
    RandomEngine engine(1);
    boost::random::uniform_int_distribution<SimTime> increment(0, 2 * kMillisecond);
    std::uint64_t sequence = 0;
    for (std::size_t i = 0; i < pending; ++i) queue.push(Event{increment(engine), sequence++, 0, 0, 0, 0});
    for (auto _ : state) {
        const Event e = queue.pop();
        queue.push(Event{e.time + increment(engine), sequence++, 0, 0, 0, 0});
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(EventQueuePushPop)->Arg(100)->Arg(10'000)->Arg(1'000'000);

// The classic hold model through the Simulator (queue + dispatch).
void HoldModel(benchmark::State& state) {
    const auto pending = static_cast<std::size_t>(state.range(0));
    std::uint64_t events = 0;
    for (auto _ : state) events += run_hold_model(pending, 5'000'000).events;
    state.SetItemsProcessed(static_cast<std::int64_t>(events));
}
BENCHMARK(HoldModel)->Arg(100)->Arg(10'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

// The full Lambda model on the reference workload; items = simulated invocations.
void FullModelInvocations(benchmark::State& state) {
    const ScenarioSpec spec = reference_model_workload(120 * kSecond);
    std::uint64_t invocations = 0;
    for (auto _ : state) invocations += run_model(spec).metrics->function(0).total.invocations;
    state.SetItemsProcessed(static_cast<std::int64_t>(invocations));
}
BENCHMARK(FullModelInvocations)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace lambdasim
