#pragma once
// The read or the write capacity of one DynamoDB table (`provisioned-capacity-mode`,
// `on-demand-capacity-mode`, `burst-adaptive-capacity`): whether a request of some capacity
// units is served now or throttled with ProvisionedThroughputExceededException.
//
// Provisioned: a token bucket refilled at the provisioned rate that keeps up to `burst` of
// unused capacity (AWS: up to 300 s, best effort), full at the start as for a table idle for
// five minutes. On demand: within each second the table serves up to
// max(initial, 2 x previous peak) units, capped by the table-level quota, where the previous
// peak is the busiest second that is at least 30 minutes old. Memory is fixed: one slot per
// minute of the last half hour.
#include <array>
#include <cstdint>

#include "lambdasim/engine/time.hpp"
#include "lambdasim/model/specs.hpp"
#include "lambdasim/model/token_bucket.hpp"

namespace lambdasim {

class TableCapacity {
public:
    static TableCapacity provisioned(double units_per_second, SimTime burst);
    static TableCapacity on_demand(double initial_per_second, double max_per_second);

    // Serves `units` now, or refuses them (nothing consumed).
    bool try_consume(SimTime now, int units);
    // What a request could get in the current second (on demand) or the rate (provisioned).
    double allowance_per_second() const;

private:
    // On demand: how long a peak takes to become the "previous peak" that doubles the allowance.
    static constexpr SimTime kPeakSettles = 30 * kMinute;
    static constexpr std::size_t kMinuteSlots = 32;  // > 30 minutes, so no live minute is overwritten

    void roll_to(SimTime now);
    void fold_second();

    CapacityMode mode_ = CapacityMode::OnDemand;
    TokenBucket bucket_;  // provisioned
    double rate_ = 0;     // provisioned: units/s
    double initial_ = 0;  // on demand
    double max_ = 0;      // on demand
    double settled_peak_ = 0;     // busiest second at least 30 min old
    std::int64_t second_ = -1;    // the second now being counted
    double used_this_second_ = 0;
    struct MinutePeak {
        std::int64_t minute = -1;
        double peak = 0;
    };
    std::array<MinutePeak, kMinuteSlots> minutes_{};
};

}  // namespace lambdasim
