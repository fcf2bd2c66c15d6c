#pragma once
// An exact integer token bucket: `amount` tokens are added every `per` nanoseconds, spread
// continuously, up to `capacity`. Credit is kept in units of (tokens x ns / per) so refills are
// exact with no floating point drift: the scaling-rate test counts environments to the unit.
#include <algorithm>
#include <cstdint>

#include "lambdasim/engine/time.hpp"

namespace lambdasim {

class TokenBucket {
public:
    TokenBucket() = default;
    // Starts full, as AWS's scaling and throttling buckets do for an idle account.
    TokenBucket(std::int64_t capacity, std::int64_t amount, SimTime per)
        : amount_(amount), per_(per), credit_(capacity * per), max_credit_(capacity * per) {}

    static TokenBucket per_second(double rate, std::int64_t capacity) {
        // Rates are stored as tokens per `per` ns with `per` chosen so the integer amount keeps
        // three decimals of the user's rate, as long as capacity x per fits in 64 bits; a larger
        // bucket (a DynamoDB table's 300 s of burst) counts whole tokens per second.
        constexpr std::int64_t kExactCapacityLimit = INT64_MAX / (2000 * kSecond);
        if (capacity > kExactCapacityLimit)
            return TokenBucket(capacity, static_cast<std::int64_t>(rate + 0.5), kSecond);
        const auto milli_tokens = static_cast<std::int64_t>(rate * 1000.0 + 0.5);
        return TokenBucket(capacity, milli_tokens, 1000 * kSecond);
    }

    bool unlimited() const { return per_ == 0; }

    bool available(SimTime now) {
        if (unlimited()) return true;
        refill(now);
        return credit_ >= per_;
    }
    // Call only after available(now) returned true at the same `now`.
    void take() {
        if (!unlimited()) credit_ -= per_;
    }
    bool available(SimTime now, std::int64_t count) {
        if (unlimited()) return true;
        refill(now);
        return credit_ >= count * per_;
    }
    // `count` tokens at once (a DynamoDB request of several capacity units).
    bool try_take(SimTime now, std::int64_t count) {
        if (unlimited()) return true;
        refill(now);
        if (credit_ < count * per_) return false;
        credit_ -= count * per_;
        return true;
    }
    bool try_take(SimTime now) {
        if (!available(now)) return false;
        take();
        return true;
    }

    // Whole tokens available now (for tests and metrics).
    std::int64_t tokens(SimTime now) {
        if (unlimited()) return INT64_MAX;
        refill(now);
        return credit_ / per_;
    }

private:
    void refill(SimTime now) {
        if (now <= last_) return;
        // Clamp the elapsed time to what fills the bucket so the product cannot overflow.
        const SimTime fill_time = amount_ > 0 ? (max_credit_ - credit_) / amount_ + 1 : 0;
        const SimTime elapsed = std::min<SimTime>(now - last_, fill_time);
        credit_ = std::min(max_credit_, credit_ + elapsed * amount_);
        last_ = now;
    }

    std::int64_t amount_ = 0;
    SimTime per_ = 0;  // 0: unlimited bucket
    std::int64_t credit_ = 0;
    std::int64_t max_credit_ = 0;
    SimTime last_ = 0;
};

}  // namespace lambdasim
