#pragma once
// A TimeSeriesSink that keeps the rows for one entity and metric, for tests.
#include <string>
#include <vector>

#include "lambdasim/metrics/time_series_sink.hpp"

namespace lambdasim::testing {

class CollectingSink : public TimeSeriesSink {
public:
    CollectingSink(std::string entity, std::string metric) : entity_(std::move(entity)), metric_(std::move(metric)) {}
    void row(double time_s, std::string_view entity, std::string_view metric, double value) override {
        if (entity == entity_ && metric == metric_) {
            times.push_back(time_s);
            values.push_back(value);
        }
    }
    std::vector<double> times;
    std::vector<double> values;

private:
    std::string entity_;
    std::string metric_;
};

// Forwards every row to several sinks.
class FanOutSink : public TimeSeriesSink {
public:
    explicit FanOutSink(std::vector<TimeSeriesSink*> sinks) : sinks_(std::move(sinks)) {}
    void row(double time_s, std::string_view entity, std::string_view metric, double value) override {
        for (TimeSeriesSink* s : sinks_) s->row(time_s, entity, metric, value);
    }

private:
    std::vector<TimeSeriesSink*> sinks_;
};

}  // namespace lambdasim::testing
