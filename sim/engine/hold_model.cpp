#include "lambdasim/engine/hold_model.hpp"

#include <chrono>

#include <boost/random/uniform_int_distribution.hpp>

#include "lambdasim/engine/random_streams.hpp"
#include "lambdasim/engine/simulator.hpp"

namespace lambdasim {
namespace {

struct Hold {
    Simulator* simulator;
    HandlerId handler;
    RandomEngine engine;
    // Increments uniform in [0, 2 ms): a mean of 1 ms, with many distinct times.
    boost::random::uniform_int_distribution<SimTime> increment{0, 2 * kMillisecond - 1};

    static void fire(void* self, const Event&) {
        auto* h = static_cast<Hold*>(self);
        h->simulator->schedule_in(h->increment(h->engine), h->handler, 0);
    }
};

}  // namespace

HoldModelResult run_hold_model(std::size_t pending, std::uint64_t events, std::uint64_t seed) {
    Simulator simulator;
    Hold hold{&simulator, 0, RandomStreams(seed).stream("hold", "increments")};
    hold.handler = simulator.add_handler(&Hold::fire, &hold);
    for (std::size_t i = 0; i < pending; ++i) simulator.schedule_at(hold.increment(hold.engine), hold.handler, 0);

    RunLimits limits;
    limits.max_events = events;
    const auto start = std::chrono::steady_clock::now();
    simulator.run(limits);
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return {simulator.events_processed(), wall};
}

}  // namespace lambdasim
