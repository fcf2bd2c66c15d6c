#include "lambdasim/model/environment_pool.hpp"

#include <cassert>

namespace lambdasim {

EnvironmentIndex EnvironmentPool::create(bool provisioned) {
    EnvironmentIndex index;
    if (!free_slots_.empty()) {
        index = free_slots_.back();
        free_slots_.pop_back();
    } else {
        index = static_cast<EnvironmentIndex>(environments_.size());
        environments_.emplace_back();
    }
    Environment& env = environments_[index];
    const std::uint32_t generation = env.generation + 1;
    env = Environment{};
    env.generation = generation;
    env.alive = true;
    env.provisioned = provisioned;
    (provisioned ? provisioned_count_ : on_demand_count_) += 1;
    return index;
}

void EnvironmentPool::destroy(EnvironmentIndex index) {
    Environment& env = environments_[index];
    assert(env.alive && !env.busy);
    if (env.previous_idle != kNoEnvironment || env.next_idle != kNoEnvironment ||
        idle_list(env.provisioned).head == index)
        remove_from_idle(index);
    (env.provisioned ? provisioned_count_ : on_demand_count_) -= 1;
    env.alive = false;
    ++env.generation;
    free_slots_.push_back(index);
}

EnvironmentIndex EnvironmentPool::take_idle(bool provisioned) {
    const EnvironmentIndex index = idle_list(provisioned).head;
    if (index != kNoEnvironment) remove_from_idle(index);
    return index;
}

void EnvironmentPool::make_idle(EnvironmentIndex index) {
    Environment& env = environments_[index];
    IdleList& list = idle_list(env.provisioned);
    env.previous_idle = kNoEnvironment;
    env.next_idle = list.head;
    if (list.head != kNoEnvironment) environments_[list.head].previous_idle = index;
    list.head = index;
}

void EnvironmentPool::remove_from_idle(EnvironmentIndex index) {
    Environment& env = environments_[index];
    IdleList& list = idle_list(env.provisioned);
    if (env.previous_idle != kNoEnvironment)
        environments_[env.previous_idle].next_idle = env.next_idle;
    else
        list.head = env.next_idle;
    if (env.next_idle != kNoEnvironment) environments_[env.next_idle].previous_idle = env.previous_idle;
    env.previous_idle = env.next_idle = kNoEnvironment;
}

void EnvironmentPool::mark_busy(EnvironmentIndex index) {
    Environment& env = environments_[index];
    assert(!env.busy);
    env.busy = true;
    (env.provisioned ? busy_provisioned_ : busy_on_demand_) += 1;
}

void EnvironmentPool::mark_not_busy(EnvironmentIndex index) {
    Environment& env = environments_[index];
    assert(env.busy);
    env.busy = false;
    (env.provisioned ? busy_provisioned_ : busy_on_demand_) -= 1;
}

void EnvironmentPool::shrink_provisioned_to(int level) {
    while (provisioned_count_ > level && idle_provisioned_.head != kNoEnvironment) destroy(idle_provisioned_.head);
    // The rest of the excess is busy: exactly that many retire when they finish. Marks are set
    // afresh, so shrinking twice does not retire too many and raising the level back keeps them.
    int excess = provisioned_count_ - level;
    for (auto& env : environments_) {
        if (!env.alive || !env.provisioned) continue;
        env.retire_when_idle = excess > 0;
        if (env.retire_when_idle) --excess;
    }
}

}  // namespace lambdasim
