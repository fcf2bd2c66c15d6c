#include "results_data.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include <fmt/format.h>

#include "lambdasim/scenario/loader.hpp"

namespace lambdasim::gui {
namespace fs = std::filesystem;
namespace {

std::string read_whole_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ResultsLoadError(path.string(), "cannot open the file (missing or unreadable)");
    in.seekg(0, std::ios::end);
    const auto size = static_cast<std::size_t>(in.tellg());
    in.seekg(0);
    std::string text(size, '\0');
    in.read(text.data(), static_cast<std::streamsize>(size));
    if (!in) throw ResultsLoadError(path.string(), "read error");
    return text;
}

bool parse_number(std::string_view field, double& out) {
    const auto* end = field.data() + field.size();
    const auto [ptr, ec] = std::from_chars(field.data(), end, out);
    return ec == std::errc{} && ptr == end;
}

// Series are written in the same entity/metric order every period, so the next row's series is
// almost always the one after the previous row's: check that first and fall back to a lookup.
class SeriesIndex {
public:
    explicit SeriesIndex(ResultsData& data) : data_(data) {}

    TimeSeries& get(std::string_view entity, std::string_view metric) {
        if (!order_.empty()) {
            const std::size_t guess = (last_ + 1) % order_.size();
            if (order_[guess].entity == entity && order_[guess].metric == metric)
                return *order_[(last_ = guess)].series;
        }
        std::string key;
        key.reserve(entity.size() + metric.size() + 1);
        key.append(entity).push_back('\n');
        key.append(metric);
        if (auto it = by_key_.find(key); it != by_key_.end()) return *order_[(last_ = it->second)].series;
        auto& by_metric = data_.series[std::string(entity)];
        TimeSeries& s = by_metric[std::string(metric)];
        order_.push_back({std::string(entity), std::string(metric), &s});
        last_ = order_.size() - 1;
        by_key_.emplace(std::move(key), last_);
        return s;
    }

private:
    struct Entry {
        std::string entity, metric;
        TimeSeries* series;
    };
    ResultsData& data_;
    std::vector<Entry> order_;
    std::unordered_map<std::string, std::size_t> by_key_;
    std::size_t last_ = 0;
};

std::vector<std::string> keys_of(const Json& summary, const char* section) {
    std::vector<std::string> keys;
    if (auto it = summary.find(section); it != summary.end() && it->is_object())
        for (const auto& item : it->items()) keys.push_back(item.key());
    return keys;
}

}  // namespace

const Json& json_at(const Json& j, std::initializer_list<std::string_view> path) {
    static const Json kNull;
    const Json* at = &j;
    for (std::string_view key : path) {
        if (!at->is_object()) return kNull;
        const auto it = at->find(std::string(key));
        if (it == at->end()) return kNull;
        at = &*it;
    }
    return *at;
}

double TimeSeries::total() const {
    double sum = 0;
    for (double v : value) sum += v;
    return sum;
}

double TimeSeries::max() const { return value.empty() ? 0 : *std::max_element(value.begin(), value.end()); }

ResultsLoadError::ResultsLoadError(std::string file_, const std::string& message)
    : std::runtime_error(file_ + ": " + message), file(std::move(file_)) {}

std::string ResultsData::scenario_name() const { return summary.value("scenario", folder.filename().string()); }

bool ResultsData::interrupted() const { return summary.value("interrupted", false); }

int ResultsData::concurrency_limit() const {
    if (spec) return spec->account.concurrency_limit;
    if (auto a = summary.find("account"); a != summary.end()) return a->value("concurrency_limit", 0);
    return 0;
}

const TimeSeries* ResultsData::find(std::string_view entity, std::string_view metric) const {
    const auto e = series.find(entity);
    if (e == series.end()) return nullptr;
    const auto m = e->second.find(metric);
    return m == e->second.end() ? nullptr : &m->second;
}

void parse_timeseries_csv(std::string_view text, const std::string& label, ResultsData& out) {
    constexpr std::string_view kHeader = "time_s,entity,metric,value";
    const std::size_t header_end = text.find('\n');
    std::string_view header = text.substr(0, header_end);
    if (!header.empty() && header.back() == '\r') header.remove_suffix(1);
    if (header != kHeader)
        throw ResultsLoadError(
            label, fmt::format("line 1: expected the header `{}`, found `{}`", kHeader, header.substr(0, 80)));
    if (header_end == std::string_view::npos) return;  // header only, no newline: an empty run
    SeriesIndex index(out);
    std::size_t pos = header_end + 1;
    std::size_t line_number = 1;
    double last_time = 0;
    while (pos < text.size()) {
        ++line_number;
        const std::size_t eol = text.find('\n', pos);
        if (eol == std::string_view::npos)
            throw ResultsLoadError(
                label, fmt::format("line {}: the file ends in the middle of a line (truncated?)", line_number));
        std::string_view line = text.substr(pos, eol - pos);
        pos = eol + 1;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        std::string_view fields[4];
        std::size_t count = 0, start = 0;
        for (std::size_t i = 0; i <= line.size() && count < 5; ++i) {
            if (i == line.size() || line[i] == ',') {
                if (count < 4) fields[count] = line.substr(start, i - start);
                ++count;
                start = i + 1;
            }
        }
        double time = 0, value = 0;
        if (count != 4 || fields[1].empty() || fields[2].empty() || !parse_number(fields[0], time) ||
            !parse_number(fields[3], value))
            throw ResultsLoadError(label, fmt::format("line {}: expected `time_s,entity,metric,value`, found `{}`",
                                                      line_number, line.substr(0, 80)));
        TimeSeries& s = index.get(fields[1], fields[2]);
        s.time_s.push_back(time);
        s.value.push_back(value);
        last_time = std::max(last_time, time);
    }
    // The period is the smallest step of any series (every series has a row every period).
    double period = 0;
    for (const auto& [entity, metrics] : out.series)
        for (const auto& [metric, s] : metrics)
            if (s.size() >= 2) {
                const double step = s.time_s[1] - s.time_s[0];
                if (step > 0 && (period == 0 || step < period)) period = step;
            }
    if (period > 0) out.period_s = period;
    if (!out.series.empty()) out.end_s = last_time + out.period_s;
}

ResultsData load_results_folder(const fs::path& folder) {
    ResultsData data;
    data.folder = folder;
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) {
        throw ResultsLoadError(folder.string(),
                               fs::exists(folder, ec) ? "not a results folder (not a directory)" : "no such folder");
    }
    const fs::path summary_path = folder / "summary.json";
    {
        const std::string text = read_whole_file(summary_path);
        try {
            data.summary = Json::parse(text);
        } catch (const nlohmann::json::parse_error& e) {
            throw ResultsLoadError(summary_path.string(), fmt::format("invalid JSON at byte {}: {}", e.byte, e.what()));
        }
        if (!data.summary.is_object() || !data.summary.contains("functions") || !data.summary["functions"].is_object())
            throw ResultsLoadError(summary_path.string(),
                                   "not a lambdasim summary (no `functions` object); is this a results folder?");
    }
    try {
        data.functions = keys_of(data.summary, "functions");
        data.entry_points = keys_of(data.summary, "entry_points");
        data.end_s = data.summary.value("simulated_seconds", 0.0);
    } catch (const nlohmann::json::exception& e) {
        throw ResultsLoadError(summary_path.string(), std::string("unexpected content: ") + e.what());
    }

    const fs::path csv_path = folder / "timeseries.csv";
    const std::string csv = read_whole_file(csv_path);
    const double simulated = data.end_s;
    parse_timeseries_csv(csv, csv_path.string(), data);
    if (simulated > 0) data.end_s = simulated;  // the span the run covered (where it stopped, if interrupted)

    // A file cut at a line boundary parses; the totals give it away. Summing a count column
    // gives the summary's total (a contract of the results folder, interrupted runs included).
    for (const std::string& function : data.functions) {
        for (const auto& [metric, key] :
             {std::pair{"Invocations", "invocations"}, std::pair{"Throttles", "throttles"}}) {
            const Json& total = json_at(data.summary, {"functions", function, key});
            const TimeSeries* s = data.find(function, metric);
            if (!total.is_number() || !s) continue;
            if (std::llround(s->total()) != std::llround(total.get<double>()))
                throw ResultsLoadError(csv_path.string(),
                                       fmt::format("{} {} add up to {:.0f} but summary.json says {:.0f}: the file is "
                                                   "truncated or belongs to another run",
                                                   function, metric, s->total(), total.get<double>()));
        }
    }

    const fs::path resolved = folder / "scenario.resolved.yaml";
    if (!fs::exists(resolved, ec)) {
        data.spec_warning = "scenario.resolved.yaml is missing: limits come from summary.json, no topology";
    } else {
        try {
            data.spec = load_scenario_file(resolved.string());
        } catch (const ScenarioError& e) {
            data.spec_warning = "scenario.resolved.yaml does not load (" + e.one_line() +
                                "): limits come from summary.json, no topology";
        } catch (const std::exception& e) {
            data.spec_warning = std::string("scenario.resolved.yaml does not load (") + e.what() +
                                "): limits come from summary.json, no topology";
        }
    }
    return data;
}

}  // namespace lambdasim::gui
