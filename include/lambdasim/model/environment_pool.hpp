#pragma once
// The execution environments of one function. Idle environments sit in two intrusive lists
// (provisioned and on-demand), most-recently-used at the head, so reuse is MRU (Lambda routes
// to warm environments, the longest-idle ones are the first reclaimed) and reclaiming any one
// is O(1). Slots are recycled, so memory follows peak concurrency, not request count.
#include <cstdint>
#include <vector>

#include "lambdasim/engine/time.hpp"

namespace lambdasim {

using EnvironmentIndex = std::uint32_t;
inline constexpr EnvironmentIndex kNoEnvironment = UINT32_MAX;

struct Environment {
    std::uint32_t generation = 0;  // bumped when the slot is reused: stale events are ignored
    bool alive = false;
    bool busy = false;
    bool provisioned = false;
    bool retire_when_idle = false;  // provisioned level lowered while busy
    EnvironmentIndex previous_idle = kNoEnvironment;
    EnvironmentIndex next_idle = kNoEnvironment;
    SimTime idle_lifetime = 0;  // drawn once per environment
    SimTime idle_since = 0;
    // At most one reclaim event per environment is pending, so pending events stay bounded by
    // the number of environments rather than growing with the number of invocations.
    bool reclaim_scheduled = false;
    // The invocation it is running (valid while busy): who asked for it (an InvocationOwner
    // kind), its index and generation.
    std::uint8_t owner_kind = 0;
    std::uint32_t request = 0;
    std::uint32_t request_generation = 0;
    SimTime invocation_start = 0;
    SimTime run_time = 0;  // init + handler time of the current invocation (kTimeInfinity: not known yet)
    std::uint8_t outcome = 0;
    // Invocations of a function with service calls run as steps (sim/model/service_calls.cpp).
    bool forwarded = false;       // a call sent work on (a message, an event, a notification)
    bool raised = false;          // a call failed for good: the handler raised
    bool owner_accounted = false;  // the unit the calls descend from (LambdaModel::OwnerUnit)
    std::uint32_t owner_source = 0;
    SimTime owner_origin = 0;
    std::uint16_t step = 0;       // the next step of the function's call plan
    std::uint16_t call_attempt = 0;  // attempts of the current call so far
    bool call_to_hot_key = false;    // the current table call's item is the hot key (kept across retries)
    SimTime handler_time = 0;     // the handler's own time (its `duration` draw)
    SimTime deadline = 0;         // when the function timeout ends the invocation
};

class EnvironmentPool {
public:
    EnvironmentIndex create(bool provisioned);
    void destroy(EnvironmentIndex index);

    // Most recently used idle environment of the kind, removed from its idle list.
    EnvironmentIndex take_idle(bool provisioned);
    void make_idle(EnvironmentIndex index);
    void remove_from_idle(EnvironmentIndex index);

    Environment& operator[](EnvironmentIndex index) { return environments_[index]; }
    const Environment& operator[](EnvironmentIndex index) const { return environments_[index]; }

    int busy_on_demand() const { return busy_on_demand_; }
    int busy_provisioned() const { return busy_provisioned_; }
    int busy() const { return busy_on_demand_ + busy_provisioned_; }
    int provisioned_count() const { return provisioned_count_; }
    int on_demand_count() const { return on_demand_count_; }
    int idle_provisioned() const { return provisioned_count_ - busy_provisioned_; }

    void mark_busy(EnvironmentIndex index);
    void mark_not_busy(EnvironmentIndex index);

    // Idle provisioned environments beyond `level` are destroyed now; busy ones when they finish.
    void shrink_provisioned_to(int level);

private:
    struct IdleList {
        EnvironmentIndex head = kNoEnvironment;
    };
    IdleList& idle_list(bool provisioned) { return provisioned ? idle_provisioned_ : idle_on_demand_; }

    std::vector<Environment> environments_;
    std::vector<EnvironmentIndex> free_slots_;
    IdleList idle_on_demand_;
    IdleList idle_provisioned_;
    int busy_on_demand_ = 0;
    int busy_provisioned_ = 0;
    int provisioned_count_ = 0;
    int on_demand_count_ = 0;
};

}  // namespace lambdasim
