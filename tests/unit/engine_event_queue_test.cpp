// The event queue and the simulation loop are the only things every model result depends on,
// so their ordering rule — (time, insertion sequence), earliest first, FIFO at equal times — is
// checked exhaustively against a reference container, and each way a run can stop is checked
// on a hand-built event list.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <map>
#include <random>
#include <utility>
#include <vector>

#include "lambdasim/engine/event_queue.hpp"
#include "lambdasim/engine/simulator.hpp"

namespace lambdasim {
namespace {

using namespace time_literals;

// Times drawn from a small range so that most events share their time with others: the tie
// rule is exercised as much as the time ordering.
constexpr SimTime kTimeRange = 1000;

Event event_at(SimTime time, std::uint64_t sequence) {
    Event e;
    e.time = time;
    e.sequence = sequence;
    e.subject = sequence;  // lets a failure message say which push came out of order
    return e;
}

// Oracle: std::stable_sort by time of the pushes in insertion order is, by definition, the
// order "earliest time first, FIFO among equal times".
TEST(EventQueue, PopsInTimeOrderAndFifoAtEqualTimesFor100kRandomPushes) {
    std::mt19937_64 random(12345);
    std::uniform_int_distribution<SimTime> time(0, kTimeRange);
    std::vector<Event> pushed;
    EventQueue queue;
    for (std::uint64_t sequence = 0; sequence < 100'000; ++sequence) {
        pushed.push_back(event_at(time(random), sequence));
        queue.push(pushed.back());
    }
    ASSERT_EQ(queue.size(), pushed.size());

    std::stable_sort(pushed.begin(), pushed.end(), [](const Event& a, const Event& b) { return a.time < b.time; });
    for (std::size_t i = 0; i < pushed.size(); ++i) {
        const Event popped = queue.pop();
        ASSERT_EQ(popped.time, pushed[i].time) << "pop #" << i;
        ASSERT_EQ(popped.sequence, pushed[i].sequence) << "pop #" << i;
    }
    EXPECT_TRUE(queue.empty());
}

// Oracle: a std::map keyed by (time, sequence) — an ordered container with no heap logic —
// under the same random mix of pushes and pops, as a simulation makes them: never before the
// last event popped. The radix heap's bucket refills after a pop are what an interleaving
// exercises and a push-all-then-drain does not.
TEST(EventQueue, MatchesAnOrderedMapUnderInterleavedPushesAndPops) {
    std::mt19937_64 random(777);
    std::uniform_int_distribution<SimTime> time(0, kTimeRange);
    std::bernoulli_distribution push_now(0.6);
    std::map<std::pair<SimTime, std::uint64_t>, Event> reference;
    EventQueue queue;
    std::uint64_t sequence = 0;
    SimTime now = 0;
    for (int step = 0; step < 100'000; ++step) {
        if (reference.empty() || push_now(random)) {
            // Half of the pushes land exactly at `now`, to exercise ties with the last key.
            const Event e = event_at(now + (step % 2 ? time(random) : 0), sequence++);
            queue.push(e);
            reference.emplace(std::make_pair(e.time, e.sequence), e);
        } else {
            const Event expected = reference.begin()->second;
            reference.erase(reference.begin());
            ASSERT_EQ(queue.top_time(), expected.time) << "step " << step;
            const Event popped = queue.pop();
            now = popped.time;
            ASSERT_EQ(popped.time, expected.time) << "step " << step;
            ASSERT_EQ(popped.sequence, expected.sequence) << "step " << step;
        }
        ASSERT_EQ(queue.size(), reference.size());
    }
    while (!reference.empty()) {
        ASSERT_EQ(queue.pop().sequence, reference.begin()->second.sequence);
        reference.erase(reference.begin());
    }
    EXPECT_TRUE(queue.empty());
}

TEST(EventQueue, EventsAtTheSameTimeComeOutInInsertionOrder) {
    EventQueue queue;
    for (std::uint64_t sequence = 0; sequence < 50; ++sequence) queue.push(event_at(5_s, sequence));
    for (std::uint64_t sequence = 0; sequence < 50; ++sequence) EXPECT_EQ(queue.pop().sequence, sequence);
}

TEST(EventQueue, ClearEmptiesTheQueue) {
    EventQueue queue;
    queue.push(event_at(1, 0));
    queue.push(event_at(2, 1));
    queue.clear();
    EXPECT_TRUE(queue.empty());
    EXPECT_EQ(queue.size(), 0u);
}

// A handler context that records what it received and, optionally, schedules follow-ups.
struct Recorder {
    Simulator* simulator = nullptr;
    HandlerId self = 0;
    std::vector<Event> received;
    std::vector<SimTime> now_at_delivery;
    int follow_ups = 0;  // how many times to reschedule itself 10 ms later

    static void handle(void* context, const Event& event) {
        auto& recorder = *static_cast<Recorder*>(context);
        recorder.received.push_back(event);
        recorder.now_at_delivery.push_back(recorder.simulator->now());
        if (recorder.follow_ups > 0) {
            --recorder.follow_ups;
            recorder.simulator->schedule_in(10_ms, recorder.self, event.kind + 1, event.subject, event.token);
        }
    }
};

HandlerId attach(Simulator& simulator, Recorder& recorder) {
    recorder.simulator = &simulator;
    recorder.self = simulator.add_handler(&Recorder::handle, &recorder);
    return recorder.self;
}

std::vector<std::uint32_t> kinds_of(const std::vector<Event>& events) {
    std::vector<std::uint32_t> kinds;
    std::transform(events.begin(), events.end(), std::back_inserter(kinds), [](const Event& e) { return e.kind; });
    return kinds;
}

TEST(Simulator, RunsScheduledEventsInTimeOrderAndFifoAtEqualTimes) {
    Simulator simulator;
    Recorder recorder;
    const HandlerId handler = attach(simulator, recorder);
    simulator.schedule_at(3_s, handler, 4);
    simulator.schedule_at(1_s, handler, 1);
    simulator.schedule_at(2_s, handler, 2);
    simulator.schedule_at(2_s, handler, 3);  // same time as kind 2, scheduled later: fires after it
    simulator.schedule_at(0, handler, 0);

    EXPECT_EQ(simulator.run(RunLimits{}), StopReason::QueueEmpty);
    EXPECT_EQ(kinds_of(recorder.received), (std::vector<std::uint32_t>{0, 1, 2, 3, 4}));
    EXPECT_EQ(recorder.now_at_delivery, (std::vector<SimTime>{0, 1_s, 2_s, 2_s, 3_s}));
    EXPECT_EQ(simulator.events_processed(), 5u);
    EXPECT_EQ(simulator.events_scheduled(), 5u);
    EXPECT_EQ(simulator.now(), 3_s);  // no end time: the clock stays at the last event
}

TEST(Simulator, EventsScheduledByHandlersFireRelativeToTheCurrentTime) {
    Simulator simulator;
    Recorder recorder;
    recorder.follow_ups = 2;
    const HandlerId handler = attach(simulator, recorder);
    simulator.schedule_at(1_s, handler, 10);

    EXPECT_EQ(simulator.run(RunLimits{}), StopReason::QueueEmpty);
    EXPECT_EQ(kinds_of(recorder.received), (std::vector<std::uint32_t>{10, 11, 12}));
    EXPECT_EQ(recorder.now_at_delivery, (std::vector<SimTime>{1_s, 1_s + 10_ms, 1_s + 20_ms}));
}

// The run covers [0, end): an event exactly at the end belongs to the next run, so runs that
// are chained end to start neither lose nor repeat an event.
TEST(Simulator, StopsAtTheEndTimeWithoutFiringEventsAtOrAfterItAndSetsNowToTheEnd) {
    Simulator simulator;
    Recorder recorder;
    const HandlerId handler = attach(simulator, recorder);
    simulator.schedule_at(1_s, handler, 1);
    simulator.schedule_at(2_s - 1, handler, 2);  // the last nanosecond inside the window
    simulator.schedule_at(2_s, handler, 3);      // exactly at the end: does not fire
    simulator.schedule_at(5_s, handler, 4);

    RunLimits limits;
    limits.end = 2_s;
    EXPECT_EQ(simulator.run(limits), StopReason::EndTime);
    EXPECT_EQ(kinds_of(recorder.received), (std::vector<std::uint32_t>{1, 2}));
    EXPECT_EQ(simulator.now(), 2_s);
    EXPECT_EQ(simulator.pending_events(), 2u);

    // A later run with a later end continues where the first left off.
    limits.end = 10_s;
    EXPECT_EQ(simulator.run(limits), StopReason::QueueEmpty);
    EXPECT_EQ(kinds_of(recorder.received), (std::vector<std::uint32_t>{1, 2, 3, 4}));
    EXPECT_EQ(simulator.now(), 10_s);
}

TEST(Simulator, AQueueThatEmptiesBeforeTheEndAdvancesTheClockToTheEnd) {
    Simulator simulator;
    Recorder recorder;
    const HandlerId handler = attach(simulator, recorder);
    simulator.schedule_at(1_s, handler, 1);

    RunLimits limits;
    limits.end = 1_min;
    EXPECT_EQ(simulator.run(limits), StopReason::QueueEmpty);
    EXPECT_EQ(simulator.now(), 1_min);
}

TEST(Simulator, StopsAfterMaxEventsLeavingTheRestQueued) {
    Simulator simulator;
    Recorder recorder;
    const HandlerId handler = attach(simulator, recorder);
    for (std::uint32_t kind = 0; kind < 10; ++kind) simulator.schedule_at(kind * 1_s, handler, kind);

    RunLimits limits;
    limits.max_events = 4;
    EXPECT_EQ(simulator.run(limits), StopReason::EventLimit);
    EXPECT_EQ(kinds_of(recorder.received), (std::vector<std::uint32_t>{0, 1, 2, 3}));
    EXPECT_EQ(simulator.events_processed(), 4u);
    EXPECT_EQ(simulator.pending_events(), 6u);
    EXPECT_EQ(simulator.now(), 3_s);
}

TEST(Simulator, ProgressCallbackReturningFalseCancelsTheRun) {
    Simulator simulator;
    Recorder recorder;
    const HandlerId handler = attach(simulator, recorder);
    for (std::uint32_t kind = 0; kind < 10; ++kind) simulator.schedule_at(kind * 1_s, handler, kind);

    RunLimits limits;
    limits.end = 1_min;
    limits.progress_every_events = 3;
    std::vector<RunProgress> reports;
    const auto progress = [&](const RunProgress& p) {
        reports.push_back(p);
        return reports.size() < 2;  // let the first report pass, cancel at the second
    };
    EXPECT_EQ(simulator.run(limits, progress), StopReason::Cancelled);
    EXPECT_EQ(simulator.events_processed(), 6u);
    EXPECT_EQ(simulator.pending_events(), 4u);
    ASSERT_EQ(reports.size(), 2u);
    EXPECT_EQ(reports[0].events, 3u);
    EXPECT_EQ(reports[0].now, 2_s);
    EXPECT_EQ(reports[0].end, 1_min);
    EXPECT_EQ(reports[1].events, 6u);
    EXPECT_EQ(reports[1].now, 5_s);
}

TEST(Simulator, ProgressCallbackReturningTrueLetsTheRunFinish) {
    Simulator simulator;
    Recorder recorder;
    const HandlerId handler = attach(simulator, recorder);
    for (std::uint32_t kind = 0; kind < 10; ++kind) simulator.schedule_at(kind * 1_s, handler, kind);

    RunLimits limits;
    limits.progress_every_events = 4;
    int calls = 0;
    EXPECT_EQ(simulator.run(limits, [&](const RunProgress&) {
                  ++calls;
                  return true;
              }), StopReason::QueueEmpty);
    EXPECT_EQ(calls, 2);  // after events 4 and 8
    EXPECT_EQ(simulator.events_processed(), 10u);
}

TEST(Simulator, HandlersReceiveTheirOwnEventsWithKindSubjectAndTokenIntact) {
    Simulator simulator;
    Recorder first;
    Recorder second;
    const HandlerId to_first = attach(simulator, first);
    const HandlerId to_second = attach(simulator, second);
    ASSERT_NE(to_first, to_second);
    constexpr std::uint64_t kBigSubject = 0xDEADBEEF'00000001ull;
    constexpr std::uint64_t kBigToken = UINT64_MAX - 7;
    simulator.schedule_at(1_s, to_second, 7, kBigSubject, kBigToken);
    simulator.schedule_at(2_s, to_first, 9, 42, 3);

    simulator.run(RunLimits{});
    ASSERT_EQ(first.received.size(), 1u);
    ASSERT_EQ(second.received.size(), 1u);
    EXPECT_EQ(first.received[0].handler, to_first);
    EXPECT_EQ(first.received[0].kind, 9u);
    EXPECT_EQ(first.received[0].subject, 42u);
    EXPECT_EQ(first.received[0].token, 3u);
    EXPECT_EQ(first.received[0].time, 2_s);
    EXPECT_EQ(second.received[0].handler, to_second);
    EXPECT_EQ(second.received[0].kind, 7u);
    EXPECT_EQ(second.received[0].subject, kBigSubject);
    EXPECT_EQ(second.received[0].token, kBigToken);
}

}  // namespace
}  // namespace lambdasim

#ifdef NDEBUG  // with assertions on, scheduling in the past stops the program instead
namespace lambdasim {
namespace {

// A model bug that schedules into the past must not reorder time: the event fires now, and the
// count feeds the end-of-run invariant "no event in the past".
TEST(Simulator, CountsEventsScheduledInThePastAndFiresThemNow) {
    Simulator simulator;
    std::vector<SimTime> fired;
    struct Context {
        Simulator* simulator;
        std::vector<SimTime>* fired;
        HandlerId self = 0;
    } context{&simulator, &fired};
    context.self = simulator.add_handler(
        [](void* c, const Event& e) {
            auto* ctx = static_cast<Context*>(c);
            ctx->fired->push_back(ctx->simulator->now());
            if (e.kind == 0) ctx->simulator->schedule_at(ctx->simulator->now() - 5, ctx->self, 1);
        },
        &context);
    simulator.schedule_at(100, context.self, 0);
    simulator.run(RunLimits{});
    EXPECT_EQ(simulator.events_scheduled_in_the_past(), 1u);
    EXPECT_EQ(fired, (std::vector<SimTime>{100, 100}));
}

}  // namespace
}  // namespace lambdasim
#endif
