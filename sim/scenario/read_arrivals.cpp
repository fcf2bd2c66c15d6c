#include <fmt/format.h>

#include "lambdasim/scenario/data_files.hpp"
#include "lambdasim/scenario/section_readers.hpp"
#include "lambdasim/scenario/units.hpp"
#include "lambdasim/scenario/vocabulary.hpp"

namespace lambdasim {
namespace {

const std::vector<std::string> kKeys = {"process", "rate",  "steps", "points", "peak", "trough", "peak_at",
                                        "period",  "count", "at",    "window", "file", "format"};
const char* const kExample = "e.g. {process: poisson, rate: 45/s}";

double read_non_negative_rate(const YamlField& field) {
    const double rate = read_rate(field);
    if (rate < 0) field.fail(fmt::format("must not be negative, got {}", format_rate(rate)), "");
    return rate;
}

SimTime read_non_negative_duration(const YamlField& field) {
    const SimTime t = read_duration(field);
    if (t < 0) field.fail(fmt::format("must not be negative, got {}", format_duration(t)), "");
    return t;
}

// [{at: 0s, rate: 10/s}, {at: 10min, rate: 100/s}]: starts at 0s, times strictly increasing.
std::vector<RatePoint> read_rate_points(const YamlField& field, const char* example) {
    const auto items = read_list(field);
    if (items.empty()) field.fail("needs at least one entry", example);
    std::vector<RatePoint> points;
    for (const auto& item : items) {
        const YamlMap entry(item, {"at", "rate"});
        const YamlField at = entry.required("at", example);
        RatePoint p;
        p.at = read_duration(at);
        p.per_second = read_non_negative_rate(entry.required("rate", example));
        if (points.empty() && p.at != 0)
            at.fail(fmt::format("the first entry must be at 0s, got {}", format_duration(p.at)),
                    "say what the rate is from the start of the run");
        if (!points.empty() && p.at <= points.back().at)
            at.fail(fmt::format("{} is not after the previous entry's {}", format_duration(p.at),
                                format_duration(points.back().at)),
                    "list entries in increasing time order");
        points.push_back(p);
    }
    return points;
}

}  // namespace

ArrivalSpec read_arrivals(const YamlField& field, const ReadContext& context) {
    if (!field.is_map() && !field.is_null())
        field.fail("expected an arrival process map, got " + field.describe(), kExample);
    const YamlMap map(field, kKeys);
    ArrivalSpec a;
    a.process = read_choice(map.required("process", std::string("say how requests arrive: ") + kExample),
                            vocabulary::arrival_processes());
    const std::string context_name = "process: " + vocabulary::word(vocabulary::arrival_processes(), a.process);
    switch (a.process) {
        case ArrivalProcessKind::Poisson:
        case ArrivalProcessKind::Constant:
            map.restrict_to({"process", "rate"}, context_name);
            a.rate_per_second = read_non_negative_rate(map.required("rate", kExample));
            break;
        case ArrivalProcessKind::Steps: {
            map.restrict_to({"process", "steps"}, context_name);
            const char* example = "e.g. steps: [{at: 0s, rate: 10/s}, {at: 10min, rate: 100/s}]";
            a.points = read_rate_points(map.required("steps", example), example);
            break;
        }
        case ArrivalProcessKind::Ramp: {
            map.restrict_to({"process", "points"}, context_name);
            const char* example = "e.g. points: [{at: 0s, rate: 0/s}, {at: 10min, rate: 1000/s}]";
            a.points = read_rate_points(map.required("points", example), example);
            break;
        }
        case ArrivalProcessKind::Diurnal: {
            map.restrict_to({"process", "peak", "trough", "peak_at", "period"}, context_name);
            const char* example = "e.g. {process: diurnal, peak: 1000/s, trough: 100/s, peak_at: 14h, period: 24h}";
            a.peak_per_second = read_non_negative_rate(map.required("peak", example));
            const YamlField trough = map.required("trough", example);
            a.trough_per_second = read_non_negative_rate(trough);
            if (a.trough_per_second > a.peak_per_second)
                trough.fail(fmt::format("trough {} is above peak {}", format_rate(a.trough_per_second),
                                        format_rate(a.peak_per_second)),
                            "swap them");
            if (auto period = map.get("period")) {
                a.period = read_duration(*period);
                if (a.period <= 0) period->fail("must be greater than 0s", "one day is 24h");
            }
            if (auto peak_at = map.get("peak_at")) {
                a.peak_at = read_non_negative_duration(*peak_at);
                if (a.peak_at >= a.period)
                    peak_at->fail(fmt::format("{} is not within the period of {}", format_duration(a.peak_at),
                                              format_duration(a.period)),
                                  "peak_at is a time of day (from 0s to just under the period)");
            } else if (a.peak_at >= a.period) {
                map.field().fail_at_key(fmt::format("the default peak_at {} is not within the period of {}",
                                                    format_duration(a.peak_at), format_duration(a.period)),
                                        "set peak_at");
            }
            break;
        }
        case ArrivalProcessKind::Burst: {
            map.restrict_to({"process", "count", "at", "window"}, context_name);
            a.count = static_cast<std::uint64_t>(
                read_integer(map.required("count", "e.g. {process: burst, count: 5000, at: 2min, window: 10s}"), 1,
                             1'000'000'000'000LL));
            if (auto at = map.get("at")) a.at = read_non_negative_duration(*at);
            if (auto window = map.get("window")) a.window = read_non_negative_duration(*window);
            break;
        }
        case ArrivalProcessKind::Trace: {
            map.restrict_to({"process", "file", "format"}, context_name);
            if (auto format = map.get("format")) a.trace_format = read_choice(*format, vocabulary::trace_formats());
            const YamlField file =
                map.required("file", "e.g. {process: trace, file: arrivals.csv, format: timestamps}");
            a.file = resolve_data_file(file, context);
            if (check_trace_file(a.file, a.trace_format) == 0)
                file.fail(fmt::format("trace `{}` holds no arrivals", a.file), "");
            break;
        }
        case ArrivalProcessKind::Schedule:
            break;  // no `process:` word names it: schedules are read from `schedules:`
    }
    return a;
}

}  // namespace lambdasim
