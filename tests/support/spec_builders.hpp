#pragma once
// Small builders that make model tests read like the scenario they describe, without YAML.
#include <string>

#include "lambdasim/model/model_run.hpp"
#include "lambdasim/model/specs.hpp"

namespace lambdasim::testing {

// A function with no cold start, a given duration distribution and optional reserved cap.
inline FunctionSpec function(const std::string& name, DistributionSpec duration) {
    FunctionSpec f;
    f.name = name;
    f.memory_mb = 1024;
    f.timeout = 900 * kSecond;
    f.duration = duration;
    f.cold_start = DistributionSpec::constant(0);
    return f;
}

inline TrafficSourceSpec poisson(const std::string& name, const std::string& target, double per_second) {
    TrafficSourceSpec t;
    t.name = name;
    t.arrivals.process = ArrivalProcessKind::Poisson;
    t.arrivals.rate_per_second = per_second;
    t.target.function = target;
    t.client.max_attempts = 1;
    return t;
}

inline TrafficSourceSpec constant_rate(const std::string& name, const std::string& target, double per_second) {
    TrafficSourceSpec t = poisson(name, target, per_second);
    t.arrivals.process = ArrivalProcessKind::Constant;
    return t;
}

inline TrafficSourceSpec burst(const std::string& name, const std::string& target, std::uint64_t count, SimTime at,
                               SimTime window = 0) {
    TrafficSourceSpec t = poisson(name, target, 0);
    t.arrivals.process = ArrivalProcessKind::Burst;
    t.arrivals.count = count;
    t.arrivals.at = at;
    t.arrivals.window = window;
    return t;
}

inline ScenarioSpec scenario(SimTime duration, std::uint64_t seed = 1) {
    ScenarioSpec s;
    s.name = "test";
    s.duration = duration;
    s.seed = seed;
    s.metrics_period = kMinute;
    return s;
}

inline std::size_t index_of_function(const ScenarioSpec& s, const std::string& name) {
    for (std::size_t i = 0; i < s.functions.size(); ++i)
        if (s.functions[i].name == name) return i;
    return SIZE_MAX;
}

inline const FunctionCounts& totals(const ModelRunResult& r, const ScenarioSpec& s, const std::string& name) {
    return r.metrics->function(index_of_function(s, name)).total;
}

inline std::uint64_t throttles(const FunctionCounts& c, ThrottleReason reason) {
    return c.throttles_by_reason[static_cast<std::size_t>(reason)];
}

}  // namespace lambdasim::testing

namespace lambdasim::testing {

inline TrafficSourceSpec async_to(TrafficSourceSpec t) {
    t.target.invocation = InvocationType::Async;
    return t;
}

inline TrafficSourceSpec to_queue(TrafficSourceSpec t, const std::string& queue) {
    t.target.kind = TargetSpec::Kind::Queue;
    t.target.name = queue;
    t.target.function.clear();
    return t;
}

inline TrafficSourceSpec to_topic(TrafficSourceSpec t, const std::string& topic) {
    t.target.kind = TargetSpec::Kind::Topic;
    t.target.name = topic;
    t.target.function.clear();
    return t;
}

inline QueueSpec queue(const std::string& name, SimTime visibility_timeout = 30 * kSecond) {
    QueueSpec q;
    q.name = name;
    q.visibility_timeout = visibility_timeout;
    return q;
}

inline EventSourceMappingSpec mapping(const std::string& queue, const std::string& function, int batch_size = 1) {
    EventSourceMappingSpec m;
    m.name = queue + "-to-" + function;
    m.queue = queue;
    m.function = function;
    m.batch_size = batch_size;
    return m;
}

inline std::size_t index_of_queue(const ScenarioSpec& s, const std::string& name) {
    for (std::size_t i = 0; i < s.queues.size(); ++i)
        if (s.queues[i].name == name) return i;
    return SIZE_MAX;
}

}  // namespace lambdasim::testing
