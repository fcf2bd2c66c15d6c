#pragma once
// The AWS SDK's wait before retry `attempt` (1 = the first retry): exponential backoff with full
// jitter, uniform(0, min(cap, base x 2^(attempt-1))) (SDKs and Tools reference guide, "Retry
// behavior"). Shared by synchronous callers (`traffic.NAME.client`) and service calls
// (`calls[].retries`).
#include <algorithm>
#include <cmath>

#include <boost/random/uniform_real_distribution.hpp>

#include "lambdasim/engine/random_streams.hpp"
#include "lambdasim/engine/time.hpp"
#include "lambdasim/model/specs.hpp"

namespace lambdasim {

inline SimTime sdk_backoff(const ClientSpec& client, int attempt, RandomEngine& engine) {
    const double ceiling =
        std::min(to_seconds(client.backoff_cap), to_seconds(client.backoff_base) * std::ldexp(1.0, attempt - 1));
    // (Boost's uniform_real_distribution needs min < max: a zero base means no wait.)
    if (!(ceiling > 0)) return 0;
    return from_seconds(boost::random::uniform_real_distribution<double>(0.0, ceiling)(engine));
}

}  // namespace lambdasim
