#include "lambdasim/model/table_capacity.hpp"

#include <algorithm>
#include <cmath>

namespace lambdasim {

TableCapacity TableCapacity::provisioned(double units_per_second, SimTime burst) {
    TableCapacity c;
    c.mode_ = CapacityMode::Provisioned;
    c.rate_ = units_per_second;
    // One second of capacity at least; with burst, that many seconds of unused capacity.
    const double seconds = std::max(1.0, to_seconds(burst));
    c.bucket_ = TokenBucket::per_second(units_per_second, static_cast<std::int64_t>(std::ceil(units_per_second * seconds)));
    return c;
}

TableCapacity TableCapacity::on_demand(double initial_per_second, double max_per_second) {
    TableCapacity c;
    c.mode_ = CapacityMode::OnDemand;
    c.initial_ = initial_per_second;
    c.max_ = max_per_second;
    return c;
}

double TableCapacity::allowance_per_second() const {
    if (mode_ == CapacityMode::Provisioned) return rate_;
    return std::min(max_, std::max(initial_, 2.0 * settled_peak_));
}

bool TableCapacity::try_consume(SimTime now, int units) {
    if (mode_ == CapacityMode::Provisioned) return bucket_.try_take(now, units);
    roll_to(now);
    if (used_this_second_ + units > allowance_per_second()) return false;
    used_this_second_ += units;
    return true;
}

void TableCapacity::fold_second() {
    if (second_ < 0) return;
    const std::int64_t minute = second_ / 60;
    MinutePeak& slot = minutes_[static_cast<std::size_t>(minute) % kMinuteSlots];
    if (slot.minute != minute) {
        // The slot held a minute at least 32 minutes old: already settled.
        settled_peak_ = std::max(settled_peak_, slot.peak);
        slot = {minute, 0};
    }
    slot.peak = std::max(slot.peak, used_this_second_);
}

void TableCapacity::roll_to(SimTime now) {
    const std::int64_t second = now / kSecond;
    if (second == second_) return;
    fold_second();
    second_ = second;
    used_this_second_ = 0;
    // Minutes that ended at least 30 minutes ago now count as the previous peak.
    const std::int64_t settled_before = (now - kPeakSettles) / kMinute;  // minutes < this have settled
    for (MinutePeak& slot : minutes_)
        if (slot.minute >= 0 && slot.minute < settled_before) {
            settled_peak_ = std::max(settled_peak_, slot.peak);
            slot = {};
        }
}

}  // namespace lambdasim
