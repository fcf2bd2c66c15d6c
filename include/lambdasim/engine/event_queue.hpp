#pragma once
// A 4-ary min-heap of Event records ordered by (time, sequence). Push and pop are
// O(log4 n) with no allocation once the backing vector has grown to the peak size;
// a 4-ary heap touches fewer cache lines per level than a binary heap.
#include <cassert>
#include <cstddef>
#include <vector>

#include "lambdasim/engine/event.hpp"

namespace lambdasim {

class EventQueue {
public:
    bool empty() const { return heap_.empty(); }
    std::size_t size() const { return heap_.size(); }
    const Event& top() const {
        assert(!heap_.empty());
        return heap_.front();
    }

    void push(const Event& event) {
        heap_.push_back(event);
        sift_up(heap_.size() - 1);
    }

    Event pop() {
        assert(!heap_.empty());
        Event first = heap_.front();
        const Event last = heap_.back();
        heap_.pop_back();
        if (!heap_.empty()) sift_down(last);
        return first;
    }

    void clear() { heap_.clear(); }

private:
    static constexpr std::size_t kArity = 4;

    void sift_up(std::size_t index) {
        const Event moving = heap_[index];
        while (index > 0) {
            const std::size_t parent = (index - 1) / kArity;
            if (!fires_before(moving, heap_[parent])) break;
            heap_[index] = heap_[parent];
            index = parent;
        }
        heap_[index] = moving;
    }

    // Places `moving` starting from the root (the hole left by pop).
    void sift_down(const Event& moving) {
        const std::size_t count = heap_.size();
        std::size_t index = 0;
        for (;;) {
            const std::size_t first_child = index * kArity + 1;
            if (first_child >= count) break;
            std::size_t best = first_child;
            const std::size_t end = first_child + kArity < count ? first_child + kArity : count;
            for (std::size_t child = first_child + 1; child < end; ++child)
                if (fires_before(heap_[child], heap_[best])) best = child;
            if (!fires_before(heap_[best], moving)) break;
            heap_[index] = heap_[best];
            index = best;
        }
        heap_[index] = moving;
    }

    std::vector<Event> heap_;
};

}  // namespace lambdasim
