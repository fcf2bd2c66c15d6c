#include "lambdasim/io/run_to_folder.hpp"

#include <fmt/format.h>

#include "lambdasim/io/csv_time_series.hpp"
#include "lambdasim/io/results_folder.hpp"
#include "lambdasim/io/summary.hpp"
#include "lambdasim/scenario/resolved_writer.hpp"

namespace lambdasim {
namespace {

// Writes each row to the CSV and, when there is one, to a live observer too.
class TeeSink : public TimeSeriesSink {
public:
    TeeSink(TimeSeriesSink& first, TimeSeriesSink* second) : first_(first), second_(second) {}
    void row(double time_s, std::string_view entity, std::string_view metric, double value) override {
        first_.row(time_s, entity, metric, value);
        if (second_) second_->row(time_s, entity, metric, value);
    }

private:
    TimeSeriesSink& first_;
    TimeSeriesSink* second_;
};

}  // namespace

FolderRunResult run_to_folder(const ScenarioSpec& spec, const FolderRunOptions& options) {
    ResultsFolder folder(options.out.empty() ? default_results_path("results", spec.name) : options.out);
    CsvTimeSeries timeseries(folder.file("timeseries.csv").string());

    TeeSink tee(timeseries, options.live);
    ModelRunOptions run_options;
    run_options.sink = &tee;
    run_options.progress = options.progress;
    const ModelRunResult run = run_model(spec, run_options);

    FolderRunResult result;
    result.summary = make_summary(spec, run);
    result.interrupted = run.interrupted;
    result.broken_invariants = run.broken_invariants;
    // What the time series says must add up to what the summary says.
    auto check = [&](const std::string& entity, const char* metric, double summary_total) {
        const auto& written = timeseries.written_totals();
        const auto it = written.find(entity + "/" + metric);
        const double file_total = it == written.end() ? 0.0 : it->second;
        if (file_total != summary_total)
            result.broken_invariants.push_back(fmt::format("timeseries.csv {} of {} add up to {} but summary.json says {}",
                                                           metric, entity, file_total, summary_total));
    };
    for (const auto& [name, f] : result.summary["functions"].items()) {
        check(name, "Invocations", f["invocations"].get<double>());
        check(name, "Throttles", f["throttles"].get<double>());
    }
    for (const auto& [name, e] : result.summary["entry_points"].items()) check(name, "Requests", e["requests"].get<double>());
    timeseries.close();
    folder.write_file("summary.json", result.summary.dump(2) + "\n");
    folder.write_file("scenario.resolved.yaml", to_resolved_yaml(spec));
    folder.commit();
    result.folder = folder.final_path();
    return result;
}

}  // namespace lambdasim
