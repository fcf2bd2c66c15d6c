#include "lambdasim/io/run_to_folder.hpp"

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
    timeseries.close();
    folder.write_file("summary.json", result.summary.dump(2) + "\n");
    folder.write_file("scenario.resolved.yaml", to_resolved_yaml(spec));
    folder.commit();
    result.folder = folder.final_path();
    return result;
}

}  // namespace lambdasim
