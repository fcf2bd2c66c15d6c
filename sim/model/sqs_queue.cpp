#include "lambdasim/model/sqs_queue.hpp"

#include <cassert>

namespace lambdasim {

MessageIndex SqsQueue::create(const Message& m) {
    MessageIndex index;
    if (!free_.empty()) {
        index = free_.back();
        free_.pop_back();
    } else {
        index = static_cast<MessageIndex>(messages_.size());
        messages_.emplace_back();
    }
    messages_[index] = m;
    messages_[index].alive = true;
    ++alive_count_;
    return index;
}

void SqsQueue::destroy(MessageIndex index) {
    assert(messages_[index].alive);
    messages_[index].alive = false;
    --alive_count_;
    free_.push_back(index);
}

void SqsQueue::make_visible(MessageIndex index, bool returning) {
    const std::uint32_t group = spec_->fifo ? messages_[index].group : 0;
    if (returning && spec_->fifo)
        groups_[group].push_front(index);
    else
        groups_[group].push_back(index);
    ++visible_count_;
    if (spec_->fifo) mark_ready(group);
}

void SqsQueue::mark_ready(std::uint32_t group) {
    if (locked_.size() < groups_.size()) {
        locked_.resize(groups_.size(), false);
        in_ready_.resize(groups_.size(), false);
    }
    if (!locked_[group] && !in_ready_[group] && !groups_[group].empty()) {
        in_ready_[group] = true;
        ready_groups_.push_back(group);
    }
}

std::size_t SqsQueue::take_batch(std::size_t count, std::vector<MessageIndex>& into) {
    into.clear();
    std::deque<MessageIndex>* source = &groups_[0];
    if (spec_->fifo) {
        if (ready_groups_.empty()) return 0;
        const std::uint32_t group = ready_groups_.front();
        ready_groups_.pop_front();
        in_ready_[group] = false;
        locked_[group] = true;
        source = &groups_[group];
    }
    while (into.size() < count && !source->empty()) {
        into.push_back(source->front());
        source->pop_front();
    }
    visible_count_ -= into.size();
    return into.size();
}

void SqsQueue::unlock_group(std::uint32_t group) {
    if (!spec_->fifo) return;
    locked_[group] = false;
    mark_ready(group);
}

SimTime SqsQueue::oldest_visible_sent() const {
    SimTime oldest = -1;
    for (const auto& g : groups_)
        if (!g.empty() && (oldest < 0 || messages_[g.front()].sent < oldest)) oldest = messages_[g.front()].sent;
    return oldest;
}

}  // namespace lambdasim
