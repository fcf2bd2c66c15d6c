#include "lambdasim/scenario/data_files.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <optional>

#include <fmt/format.h>

#include "lambdasim/scenario/scenario_error.hpp"

namespace lambdasim {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

std::optional<double> as_number(std::string_view text) {
    text = trim(text);
    double value = 0;
    const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || result.ec != std::errc() || result.ptr != text.data() + text.size() || !std::isfinite(value))
        return std::nullopt;
    return value;
}

std::optional<std::uint64_t> as_count(std::string_view text) {
    text = trim(text);
    std::uint64_t value = 0;
    const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || result.ec != std::errc() || result.ptr != text.data() + text.size()) return std::nullopt;
    return value;
}

// Walks the data lines of a file: calls `on_line(text, line_number, is_first)` for each line
// that is neither blank nor a comment.
template <typename OnLine>
void for_each_data_line(const std::string& path, OnLine on_line) {
    std::ifstream in(path);
    if (!in) throw ScenarioError(path, 0, 0, "cannot open the file", "check that it exists and is readable");
    std::string line;
    int number = 0;
    bool first = true;
    while (std::getline(in, line)) {
        ++number;
        const std::string_view text = trim(line);
        if (text.empty() || text.front() == '#') continue;
        on_line(text, number, first);
        first = false;
    }
}

}  // namespace

std::vector<double> read_sample_file(const std::string& path,
                                     const std::function<double(std::string_view)>& to_base_units) {
    std::vector<double> samples;
    for_each_data_line(path, [&](std::string_view text, int line, bool first) {
        if (!as_number(text)) {
            if (first) return;  // a header such as `duration_ms`
            throw ScenarioError(path, line, 1, fmt::format("`{}` is not a number", text),
                                "one number per line; only the first line may be a header");
        }
        double value = 0;
        try {
            value = to_base_units(text);
        } catch (const ScenarioError& e) {
            throw ScenarioError(path, line, 1, e.message, e.hint);
        }
        if (value < 0) throw ScenarioError(path, line, 1, fmt::format("`{}` is negative", text), "values must be >= 0");
        samples.push_back(value);
    });
    std::sort(samples.begin(), samples.end());
    return samples;
}

std::uint64_t check_trace_file(const std::string& path, TraceFormat format) {
    std::uint64_t arrivals = 0;
    double previous = -1;
    bool have_previous = false;
    for_each_data_line(path, [&](std::string_view text, int line, bool first) {
        std::string_view time_text = text;
        std::string_view count_text;
        if (format == TraceFormat::Counts) {
            const auto comma = text.find(',');
            time_text = text.substr(0, comma);
            if (comma != std::string_view::npos) count_text = text.substr(comma + 1);
        }
        const auto seconds = as_number(time_text);
        if (!seconds) {
            if (first) return;  // header
            throw ScenarioError(path, line, 1, fmt::format("`{}` is not a time in seconds", trim(time_text)),
                                format == TraceFormat::Counts
                                    ? "write `second,count` lines, e.g. 12,40"
                                    : "write one arrival time in seconds per line, e.g. 12.5");
        }
        const int count_column = static_cast<int>(time_text.size()) + 2;
        std::uint64_t count = 1;
        if (format == TraceFormat::Counts) {
            const auto parsed = as_count(count_text);
            if (text.find(',') == std::string_view::npos)
                throw ScenarioError(path, line, 1, fmt::format("`{}` has no count", text),
                                    "write `second,count`, e.g. 12,40");
            if (!parsed)
                throw ScenarioError(path, line, count_column,
                                    fmt::format("`{}` is not a whole count", trim(count_text)),
                                    "counts are whole numbers >= 0");
            count = *parsed;
        } else if (text.find(',') != std::string_view::npos) {
            throw ScenarioError(
                path, line, 1, fmt::format("`{}` has more than one value", text),
                "a timestamps trace has one time per line; for `second,count` lines use format: counts");
        }
        if (*seconds < 0)
            throw ScenarioError(path, line, 1, fmt::format("time `{}` is negative", trim(time_text)),
                                "times count seconds from the start of the run, >= 0");
        if (have_previous) {
            const bool out_of_order = format == TraceFormat::Counts ? *seconds <= previous : *seconds < previous;
            if (out_of_order)
                throw ScenarioError(path, line, 1,
                                    fmt::format("time `{}` comes after {} but is not later", trim(time_text), previous),
                                    format == TraceFormat::Counts ? "each second appears once, in increasing order"
                                                                  : "sort the trace by time, e.g. with `sort -g`");
        }
        previous = *seconds;
        have_previous = true;
        arrivals += count;
    });
    return arrivals;
}

}  // namespace lambdasim
