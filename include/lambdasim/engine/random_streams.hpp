#pragma once
// Named random streams. Every entity draws from its own stream whose seed is derived from the
// run's master seed and the stream's name (entity + purpose), so adding a function does not
// shift another's arrivals, and two scenarios run with the same seed see the same traffic
// (common random numbers). Boost.Random engines give identical sequences on every platform.
#include <cstdint>
#include <string_view>

#include <boost/random/mersenne_twister.hpp>

namespace lambdasim {

using RandomEngine = boost::random::mt19937_64;

// SplitMix64 finaliser: a well-mixed 64-bit bijection.
inline constexpr std::uint64_t mix64(std::uint64_t x) {
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

// FNV-1a: a portable string hash (std::hash is implementation-defined).
inline constexpr std::uint64_t hash_name(std::string_view text, std::uint64_t hash = 0xCBF29CE484222325ull) {
    for (unsigned char c : text) {
        hash ^= c;
        hash *= 0x100000001B3ull;
    }
    return hash;
}

class RandomStreams {
public:
    explicit RandomStreams(std::uint64_t master_seed) : master_seed_(master_seed) {}

    std::uint64_t master_seed() const { return master_seed_; }

    std::uint64_t seed_for(std::string_view entity, std::string_view purpose) const {
        std::uint64_t h = hash_name(entity);
        h = hash_name("/", h);
        h = hash_name(purpose, h);
        return mix64(h ^ mix64(master_seed_));
    }

    RandomEngine stream(std::string_view entity, std::string_view purpose) const {
        return RandomEngine(seed_for(entity, purpose));
    }

private:
    std::uint64_t master_seed_;
};

}  // namespace lambdasim
