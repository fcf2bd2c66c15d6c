#pragma once
// The reference workload for model throughput, shared by tests/bench and `lambdasim bench`:
// one function, Poisson 10,000 req/s, 100 ms durations, reserved concurrency 2,000.
#include "lambdasim/model/specs.hpp"

namespace lambdasim {

inline ScenarioSpec reference_model_workload(SimTime duration) {
    ScenarioSpec s;
    s.name = "bench-model";
    s.duration = duration;
    s.metrics_period = kSecond;
    s.account.concurrency_limit = 3000;
    FunctionSpec f;
    f.name = "worker";
    f.memory_mb = 1024;
    f.timeout = 30 * kSecond;
    f.reserved_concurrency = 2000;
    f.duration = DistributionSpec::exponential(0.1);
    s.functions.push_back(f);
    TrafficSourceSpec t;
    t.name = "load";
    t.arrivals.process = ArrivalProcessKind::Poisson;
    t.arrivals.rate_per_second = 10000;
    t.target.function = "worker";
    t.client.max_attempts = 1;
    s.traffic.push_back(t);
    return s;
}

}  // namespace lambdasim
