#pragma once
// Where per-period metric rows go (the io layer writes them to timeseries.csv as they close,
// so memory does not grow with the simulated span).
#include <string_view>

namespace lambdasim {

class TimeSeriesSink {
public:
    virtual ~TimeSeriesSink() = default;
    virtual void row(double time_s, std::string_view entity, std::string_view metric, double value) = 0;
};

}  // namespace lambdasim
