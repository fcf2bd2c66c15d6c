#pragma once
// The state of one SQS queue: its messages (a recycled pool, so memory follows the backlog,
// not the traffic) and which of them are visible. A standard queue hands out visible messages
// oldest first; a FIFO queue hands out each message group in order and locks a group while a
// batch of it is in flight (`FIFO-queues`: one group is processed by one consumer at a time).
#include <cstdint>
#include <deque>
#include <vector>

#include "lambdasim/engine/time.hpp"
#include "lambdasim/model/specs.hpp"

namespace lambdasim {

using MessageIndex = std::uint32_t;

struct Message {
    SimTime sent = 0;      // when it entered this queue
    SimTime origin = 0;    // when the traffic that caused it was injected (end-to-end latency)
    std::uint32_t source = 0;  // traffic source it descends from
    std::uint32_t group = 0;   // FIFO message group
    int receive_count = 0;
    bool throttled_once = false;  // at least one receive ended in a throttle
    bool accounted = false;       // already counted as lost (a dead-letter copy): not counted again
    bool alive = false;
};

class SqsQueue {
public:
    explicit SqsQueue(const QueueSpec& spec) : spec_(&spec), groups_(spec.fifo ? spec.message_groups : 1) {}

    const QueueSpec& spec() const { return *spec_; }

    MessageIndex create(const Message& m);
    void destroy(MessageIndex index);
    Message& operator[](MessageIndex index) { return messages_[index]; }
    const Message& operator[](MessageIndex index) const { return messages_[index]; }

    // Makes a message receivable. `returning`: it was received before (FIFO keeps it first in
    // its group, so order is preserved across retries).
    void make_visible(MessageIndex index, bool returning);
    std::size_t visible() const { return visible_count_; }
    std::size_t alive() const { return alive_count_; }
    // Takes up to `count` visible messages for one batch (FIFO: from one unlocked group, which
    // is locked until unlock_group). Returns how many were taken.
    std::size_t take_batch(std::size_t count, std::vector<MessageIndex>& into);
    void unlock_group(std::uint32_t group);
    // Sent time of the oldest visible message, or -1 when none is visible (approximate for a
    // standard queue, as AWS's own ApproximateAgeOfOldestMessage).
    SimTime oldest_visible_sent() const;

    template <typename Visit>
    void for_each_alive(Visit&& visit) const {
        for (const Message& m : messages_)
            if (m.alive) visit(m);
    }

private:
    void mark_ready(std::uint32_t group);

    const QueueSpec* spec_;
    std::vector<Message> messages_;
    std::vector<MessageIndex> free_;
    std::vector<std::deque<MessageIndex>> groups_;  // standard: one "group"
    std::vector<bool> locked_;
    std::vector<bool> in_ready_;
    std::deque<std::uint32_t> ready_groups_;  // FIFO: unlocked groups with visible messages
    std::size_t visible_count_ = 0;
    std::size_t alive_count_ = 0;
};

}  // namespace lambdasim
