#include <limits>

#include <fmt/format.h>

#include "lambdasim/scenario/section_readers.hpp"
#include "lambdasim/scenario/units.hpp"
#include "lambdasim/scenario/vocabulary.hpp"

namespace lambdasim {
namespace {

constexpr long long kIntMax = std::numeric_limits<int>::max();

ScalingSpec read_scaling(const YamlField& field) {
    const YamlMap map(field, {"mode", "environments", "per", "initial_burst", "per_minute"});
    ScalingSpec s;
    if (auto mode = map.get("mode")) s.mode = read_choice(*mode, vocabulary::scaling_modes());
    if (s.mode == ScalingMode::PerFunction) {
        // Since Nov 2023: 1,000 new environments per function every 10 s (`scaling-behavior`).
        map.restrict_to({"mode", "environments", "per"}, "scaling mode: per_function");
        if (auto environments = map.get("environments"))
            s.environments = static_cast<int>(read_integer(*environments, 1, kIntMax));
        if (auto per = map.get("per")) {
            s.per = read_duration(*per);
            if (s.per <= 0) per->fail("must be greater than 0s", "AWS refills 1000 environments per 10s");
        }
    } else {
        // Before Nov 2023: an account-wide burst of 500-3,000 by Region, then +500 a minute.
        map.restrict_to({"mode", "initial_burst", "per_minute"}, "scaling mode: legacy");
        if (auto burst = map.get("initial_burst")) s.initial_burst = static_cast<int>(read_integer(*burst, 1, kIntMax));
        if (auto per_minute = map.get("per_minute"))
            s.per_minute = static_cast<int>(read_integer(*per_minute, 1, kIntMax));
    }
    return s;
}

}  // namespace

AccountSpec read_account(const YamlField& field) {
    const YamlMap map(field, {"concurrency_limit", "unreserved_minimum", "scaling"});
    AccountSpec a;
    if (auto limit = map.get("concurrency_limit"))
        a.concurrency_limit = static_cast<int>(read_integer(*limit, 1, kIntMax));
    if (auto minimum = map.get("unreserved_minimum"))
        a.unreserved_minimum = static_cast<int>(read_integer(*minimum, 0, kIntMax));
    if (auto scaling = map.get("scaling")) a.scaling = read_scaling(*scaling);
    return a;
}

ApiGatewaySpec read_api_gateway(const YamlField& field) {
    const YamlMap map(field, {"rate", "burst", "integration_timeout"});
    ApiGatewaySpec g;
    if (auto rate = map.get("rate")) {
        g.rate_per_second = read_rate(*rate);
        if (g.rate_per_second <= 0) rate->fail("must be greater than 0/s", "the AWS default is 10000/s");
    }
    if (auto burst = map.get("burst")) g.burst = static_cast<int>(read_integer(*burst, 1, kIntMax));
    if (auto timeout = map.get("integration_timeout")) {
        g.integration_timeout = read_duration(*timeout);
        if (g.integration_timeout <= 0)
            timeout->fail("must be greater than 0s", "REST APIs default to 29s, HTTP APIs to 30s");
    }
    return g;
}

}  // namespace lambdasim
