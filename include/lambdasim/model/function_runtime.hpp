#pragma once
// The runtime state of one function: its environments, samplers, and the buckets that limit it.
#include <cstdint>

#include "lambdasim/engine/distribution.hpp"
#include "lambdasim/engine/random_streams.hpp"
#include "lambdasim/model/environment_pool.hpp"
#include "lambdasim/model/specs.hpp"
#include "lambdasim/model/token_bucket.hpp"

namespace lambdasim {

struct FunctionRuntime {
    FunctionRuntime(const FunctionSpec& spec, const RandomStreams& streams);

    const FunctionSpec* spec;
    EnvironmentPool pool;

    Distribution duration;
    Distribution init;
    Distribution idle_lifetime;
    RandomEngine duration_rng;
    RandomEngine init_rng;
    RandomEngine error_rng;
    RandomEngine lifetime_rng;
    RandomEngine async_rng;  // jitter of async retries
    double duration_scale = 1;  // memory vs reference memory
    double init_scale = 1;

    bool has_reserved = false;
    int reserved = 0;
    TokenBucket own_scaling;         // per-function scaling (since Nov 2023)
    TokenBucket* scaling = nullptr;  // own_scaling, or the account's legacy bucket
    TokenBucket reserved_rate;       // 10 x reserved requests/s
    TokenBucket provisioned_rate;    // 10 x provisioned requests/s; beyond it, spillover

    int provisioned_level = 0;              // claimed now (counts against the pools)
    std::size_t provisioned_step = 0;       // index of the latest schedule step applied
};

}  // namespace lambdasim
