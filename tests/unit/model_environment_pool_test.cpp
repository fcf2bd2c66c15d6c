// The environment pool decides which warm environment serves a request (most recently used,
// as Lambda routes to warm environments and lets the longest-idle ones expire), keeps the busy
// and idle counts that every concurrency limit reads, and recycles slots with a generation
// number so that stale events for a dead environment are ignored.
#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "lambdasim/model/environment_pool.hpp"

namespace lambdasim {
namespace {

constexpr bool kProvisioned = true;
constexpr bool kOnDemand = false;

std::vector<EnvironmentIndex> take_all_idle(EnvironmentPool& pool, bool provisioned) {
    std::vector<EnvironmentIndex> order;
    for (EnvironmentIndex i = pool.take_idle(provisioned); i != kNoEnvironment; i = pool.take_idle(provisioned))
        order.push_back(i);
    return order;
}

int count_retiring(const EnvironmentPool& pool, const std::vector<EnvironmentIndex>& indices) {
    return static_cast<int>(std::count_if(indices.begin(), indices.end(), [&](EnvironmentIndex i) {
        return pool[i].alive && pool[i].retire_when_idle;
    }));
}

TEST(EnvironmentPool, CreateGivesALiveNonBusyEnvironmentOfTheRequestedKind) {
    EnvironmentPool pool;
    const EnvironmentIndex on_demand = pool.create(kOnDemand);
    const EnvironmentIndex provisioned = pool.create(kProvisioned);
    EXPECT_NE(on_demand, provisioned);
    EXPECT_TRUE(pool[on_demand].alive);
    EXPECT_FALSE(pool[on_demand].busy);
    EXPECT_FALSE(pool[on_demand].provisioned);
    EXPECT_TRUE(pool[provisioned].provisioned);
    EXPECT_EQ(pool.on_demand_count(), 1);
    EXPECT_EQ(pool.provisioned_count(), 1);
    // A new environment is not idle until the model says so.
    EXPECT_EQ(pool.take_idle(kOnDemand), kNoEnvironment);
    EXPECT_EQ(pool.take_idle(kProvisioned), kNoEnvironment);
}

TEST(EnvironmentPool, TakeIdleReturnsTheMostRecentlyIdledFirst) {
    EnvironmentPool pool;
    const EnvironmentIndex a = pool.create(kOnDemand);
    const EnvironmentIndex b = pool.create(kOnDemand);
    const EnvironmentIndex c = pool.create(kOnDemand);
    pool.make_idle(b);
    pool.make_idle(a);
    pool.make_idle(c);
    EXPECT_EQ(take_all_idle(pool, kOnDemand), (std::vector<EnvironmentIndex>{c, a, b}));

    // Re-idling one moves it to the front again.
    pool.make_idle(a);
    pool.make_idle(b);
    const EnvironmentIndex first = pool.take_idle(kOnDemand);
    EXPECT_EQ(first, b);
    pool.make_idle(first);
    pool.make_idle(c);
    EXPECT_EQ(take_all_idle(pool, kOnDemand), (std::vector<EnvironmentIndex>{c, b, a}));
}

TEST(EnvironmentPool, ProvisionedAndOnDemandIdleListsAreSeparate) {
    EnvironmentPool pool;
    const EnvironmentIndex on_demand = pool.create(kOnDemand);
    const EnvironmentIndex provisioned = pool.create(kProvisioned);
    pool.make_idle(on_demand);
    pool.make_idle(provisioned);
    EXPECT_EQ(take_all_idle(pool, kProvisioned), (std::vector<EnvironmentIndex>{provisioned}));
    EXPECT_EQ(take_all_idle(pool, kOnDemand), (std::vector<EnvironmentIndex>{on_demand}));
}

TEST(EnvironmentPool, RemoveFromIdleUnlinksAMiddleHeadOrTailElement) {
    EnvironmentPool pool;
    std::vector<EnvironmentIndex> envs;
    for (int i = 0; i < 5; ++i) envs.push_back(pool.create(kOnDemand));
    for (EnvironmentIndex e : envs) pool.make_idle(e);  // list: 4 3 2 1 0

    pool.remove_from_idle(envs[2]);  // middle
    EXPECT_EQ(pool[envs[2]].previous_idle, kNoEnvironment);
    EXPECT_EQ(pool[envs[2]].next_idle, kNoEnvironment);
    pool.remove_from_idle(envs[4]);  // head
    pool.remove_from_idle(envs[0]);  // tail
    EXPECT_EQ(take_all_idle(pool, kOnDemand), (std::vector<EnvironmentIndex>{envs[3], envs[1]}));
}

TEST(EnvironmentPool, CountsBusyAndIdleByKind) {
    EnvironmentPool pool;
    const EnvironmentIndex p1 = pool.create(kProvisioned);
    const EnvironmentIndex p2 = pool.create(kProvisioned);
    const EnvironmentIndex p3 = pool.create(kProvisioned);
    const EnvironmentIndex d1 = pool.create(kOnDemand);
    const EnvironmentIndex d2 = pool.create(kOnDemand);
    pool.create(kOnDemand);
    (void)p3;

    pool.mark_busy(p1);
    pool.mark_busy(d1);
    pool.mark_busy(d2);
    EXPECT_EQ(pool.busy_on_demand(), 2);
    EXPECT_EQ(pool.busy_provisioned(), 1);
    EXPECT_EQ(pool.busy(), 3);
    EXPECT_EQ(pool.provisioned_count(), 3);
    EXPECT_EQ(pool.on_demand_count(), 3);
    EXPECT_EQ(pool.idle_provisioned(), 2);

    pool.mark_busy(p2);
    pool.mark_not_busy(d1);
    EXPECT_EQ(pool.busy_on_demand(), 1);
    EXPECT_EQ(pool.busy_provisioned(), 2);
    EXPECT_EQ(pool.idle_provisioned(), 1);

    pool.mark_not_busy(p1);
    pool.destroy(p1);
    pool.mark_not_busy(d2);
    pool.destroy(d2);
    EXPECT_EQ(pool.provisioned_count(), 2);
    EXPECT_EQ(pool.on_demand_count(), 2);
    EXPECT_EQ(pool.busy(), 1);
    EXPECT_EQ(pool.idle_provisioned(), 1);
}

// Events carry the generation they were scheduled with; the model asserts that an invocation's
// end finds the same generation, so working must not change it — only the slot's reuse does.
TEST(EnvironmentPool, GenerationIsStableWhileAnEnvironmentLives) {
    EnvironmentPool pool;
    const EnvironmentIndex e = pool.create(kOnDemand);
    const auto generation = pool[e].generation;
    pool.mark_busy(e);
    pool.mark_not_busy(e);
    pool.make_idle(e);
    pool.remove_from_idle(e);
    EXPECT_EQ(pool[e].generation, generation);
}

TEST(EnvironmentPool, DestroyedSlotsAreRecycledWithABumpedGeneration) {
    EnvironmentPool pool;
    const EnvironmentIndex a = pool.create(kOnDemand);
    const EnvironmentIndex b = pool.create(kOnDemand);
    pool.make_idle(a);
    pool.make_idle(b);
    const auto old_generation = pool[a].generation;

    pool.destroy(a);  // idle: it also leaves the idle list
    EXPECT_FALSE(pool[a].alive);
    EXPECT_GT(pool[a].generation, old_generation);
    EXPECT_EQ(take_all_idle(pool, kOnDemand), (std::vector<EnvironmentIndex>{b}));

    const EnvironmentIndex reused = pool.create(kProvisioned);
    EXPECT_EQ(reused, a);  // no growth: memory follows peak concurrency
    EXPECT_GT(pool[reused].generation, old_generation);
    EXPECT_TRUE(pool[reused].alive);
    EXPECT_TRUE(pool[reused].provisioned);
    EXPECT_FALSE(pool[reused].retire_when_idle);
    EXPECT_EQ(pool[reused].next_idle, kNoEnvironment);
    EXPECT_EQ(pool[reused].previous_idle, kNoEnvironment);
    EXPECT_EQ(pool.on_demand_count(), 1);
    EXPECT_EQ(pool.provisioned_count(), 1);
}

TEST(EnvironmentPool, DestroyingTheOnlyIdleEnvironmentEmptiesItsList) {
    EnvironmentPool pool;
    const EnvironmentIndex a = pool.create(kProvisioned);
    pool.make_idle(a);
    pool.destroy(a);
    EXPECT_EQ(pool.take_idle(kProvisioned), kNoEnvironment);
    EXPECT_EQ(pool.provisioned_count(), 0);
}

TEST(EnvironmentPool, ShrinkProvisionedDestroysIdleOnesFirstAndRetiresBusyOnesWhenIdle) {
    EnvironmentPool pool;
    std::vector<EnvironmentIndex> idle;
    std::vector<EnvironmentIndex> busy;
    for (int i = 0; i < 3; ++i) idle.push_back(pool.create(kProvisioned));
    for (int i = 0; i < 2; ++i) busy.push_back(pool.create(kProvisioned));
    for (EnvironmentIndex e : idle) pool.make_idle(e);
    for (EnvironmentIndex e : busy) pool.mark_busy(e);
    const EnvironmentIndex on_demand = pool.create(kOnDemand);
    pool.make_idle(on_demand);

    // 5 provisioned, level 1: all 3 idle go now, and 1 of the 2 busy retires when it finishes.
    pool.shrink_provisioned_to(1);
    for (EnvironmentIndex e : idle) EXPECT_FALSE(pool[e].alive);
    EXPECT_EQ(pool.provisioned_count(), 2);
    EXPECT_EQ(pool.idle_provisioned(), 0);
    EXPECT_EQ(count_retiring(pool, busy), 1);
    EXPECT_EQ(pool.take_idle(kProvisioned), kNoEnvironment);
    // On-demand environments are not provisioned concurrency and are left alone.
    EXPECT_TRUE(pool[on_demand].alive);
    EXPECT_EQ(pool.take_idle(kOnDemand), on_demand);
}

TEST(EnvironmentPool, ShrinkProvisionedWithEnoughIdleOnesRetiresNoBusyOne) {
    EnvironmentPool pool;
    std::vector<EnvironmentIndex> idle;
    for (int i = 0; i < 3; ++i) idle.push_back(pool.create(kProvisioned));
    const EnvironmentIndex busy = pool.create(kProvisioned);
    for (EnvironmentIndex e : idle) pool.make_idle(e);
    pool.mark_busy(busy);

    pool.shrink_provisioned_to(2);  // 4 → 2: two of the three idle go
    EXPECT_EQ(pool.provisioned_count(), 2);
    EXPECT_EQ(pool.idle_provisioned(), 1);
    EXPECT_FALSE(pool[busy].retire_when_idle);
    EXPECT_EQ(take_all_idle(pool, kProvisioned).size(), 1u);
}

// Lowering the level twice while every provisioned environment is busy: after the second call
// exactly provisioned_count − level = 3 of the 4 must be marked to retire, so that one remains
// when they all finish (LambdaModel::end_invocation destroys every retire_when_idle one).
TEST(EnvironmentPool, ShrinkingTwiceWhileAllBusyRetiresOnlyTheExcess) {
    EnvironmentPool pool;
    std::vector<EnvironmentIndex> busy;
    for (int i = 0; i < 4; ++i) busy.push_back(pool.create(kProvisioned));
    for (EnvironmentIndex e : busy) pool.mark_busy(e);

    pool.shrink_provisioned_to(2);
    EXPECT_EQ(count_retiring(pool, busy), 2);
    pool.shrink_provisioned_to(1);
    EXPECT_EQ(count_retiring(pool, busy), 3);
}

// The same rule when the level goes back up before the busy ones finish: with level 4 and 4
// environments none is beyond the level, so none may retire (LambdaModel::change_provisioned
// calls shrink_provisioned_to when the new level is <= provisioned_count and schedules no
// allocation, so an environment retired here would never be replaced).
TEST(EnvironmentPool, RaisingTheLevelBackBeforeBusyOnesFinishCancelsTheirRetirement) {
    EnvironmentPool pool;
    std::vector<EnvironmentIndex> busy;
    for (int i = 0; i < 4; ++i) busy.push_back(pool.create(kProvisioned));
    for (EnvironmentIndex e : busy) pool.mark_busy(e);

    pool.shrink_provisioned_to(2);
    ASSERT_EQ(count_retiring(pool, busy), 2);
    pool.shrink_provisioned_to(4);
    EXPECT_EQ(count_retiring(pool, busy), 0);
}

}  // namespace
}  // namespace lambdasim
