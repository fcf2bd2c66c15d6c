#include "lambdasim/io/csv_time_series.hpp"

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include <fmt/format.h>

namespace lambdasim {

CsvTimeSeries::CsvTimeSeries(const std::string& path) : path_(path) {
    file_ = std::fopen(path.c_str(), "wb");
    if (!file_) throw std::runtime_error(fmt::format("cannot write {}: {}", path, std::strerror(errno)));
    std::fputs("time_s,entity,metric,value\n", file_);
}

CsvTimeSeries::~CsvTimeSeries() {
    if (file_) std::fclose(file_);
}

void CsvTimeSeries::row(double time_s, std::string_view entity, std::string_view metric, double value) {
    // Entity names are restricted by the loader to characters that need no CSV quoting.
    line_.clear();
    fmt::format_to(std::back_inserter(line_), "{},{},{},{}\n", time_s, entity, metric, value);
    std::fwrite(line_.data(), 1, line_.size(), file_);
    if (metric == "Invocations" || metric == "Throttles" || metric == "Requests")
        totals_[fmt::format("{}/{}", entity, metric)] += value;
}

void CsvTimeSeries::close() {
    if (!file_) return;
    const bool failed = std::ferror(file_) != 0;
    const bool close_failed = std::fclose(file_) != 0;
    file_ = nullptr;
    if (failed || close_failed) throw std::runtime_error(fmt::format("writing {} failed (disk full?)", path_));
}

}  // namespace lambdasim
