#pragma once
// timeseries.csv: tidy long form `time_s,entity,metric,value`, streamed row by row.
#include <cstdio>
#include <map>
#include <string>

#include "lambdasim/metrics/time_series_sink.hpp"

namespace lambdasim {

class CsvTimeSeries : public TimeSeriesSink {
public:
    explicit CsvTimeSeries(const std::string& path);  // throws std::runtime_error when it cannot open
    ~CsvTimeSeries() override;
    CsvTimeSeries(const CsvTimeSeries&) = delete;
    CsvTimeSeries& operator=(const CsvTimeSeries&) = delete;

    void row(double time_s, std::string_view entity, std::string_view metric, double value) override;
    // Flushes and closes; throws std::runtime_error on a write error (disk full...).
    void close();

    // Sums of the count metrics written so far ("entity/metric" -> sum), so the results writer can
    // check that the file adds up to summary.json.
    const std::map<std::string, double>& written_totals() const { return totals_; }

private:
    std::map<std::string, double> totals_;
    std::FILE* file_ = nullptr;
    std::string path_;
    std::string line_;
};

}  // namespace lambdasim
