#include "scenario_runner.hpp"

#include <chrono>
#include <exception>

#include "lambdasim/engine/time.hpp"
#include "lambdasim/io/run_to_folder.hpp"

namespace lambdasim::gui {

class ScenarioRunner::LiveSink : public TimeSeriesSink {
public:
    explicit LiveSink(ScenarioRunner& runner) : runner_(runner) {}
    void row(double time_s, std::string_view entity, std::string_view metric, double value) override {
        if (time_s != last_time_) {  // a new period: pace once per period, not once per row
            last_time_ = time_s;
            runner_.pace_until(time_s);
        }
        std::lock_guard lock(runner_.rows_mutex_);
        runner_.rows_.push_back({time_s, std::string(entity), std::string(metric), value});
    }

private:
    ScenarioRunner& runner_;
    double last_time_ = -1;
};

ScenarioRunner::ScenarioRunner(QObject* parent) : QObject(parent) {}

ScenarioRunner::~ScenarioRunner() {
    cancel();
    wait();
}

void ScenarioRunner::start(const ScenarioSpec& spec, const std::filesystem::path& out) {
    wait();
    cancel_ = false;
    running_ = true;
    {
        std::lock_guard lock(rows_mutex_);
        rows_.clear();
    }
    anchor_pace_ = 0;
    worker_ = std::thread([this, spec, out] { run(spec, out); });
}

void ScenarioRunner::cancel() { cancel_ = true; }

void ScenarioRunner::wait() {
    if (worker_.joinable()) worker_.join();
}

std::vector<LiveRow> ScenarioRunner::take_rows() {
    std::lock_guard lock(rows_mutex_);
    std::vector<LiveRow> taken;
    taken.swap(rows_);
    return taken;
}

void ScenarioRunner::pace_until(double simulated_s) {
    using namespace std::chrono;
    // Sleeps in short steps so a cancel or a change of pace takes effect at once.
    while (!cancel_) {
        const double pace = pace_;
        if (pace <= 0) return;
        const auto now = steady_clock::now();
        if (pace != anchor_pace_) {  // a new pace counts from here, so changing it never jumps
            anchor_pace_ = pace;
            anchor_wall_ = now;
            anchor_simulated_s_ = simulated_s;
        }
        const double ahead_s =
            (simulated_s - anchor_simulated_s_) / pace - duration<double>(now - anchor_wall_).count();
        if (ahead_s <= 0) return;
        std::this_thread::sleep_for(duration<double>(std::min(ahead_s, 0.02)));
    }
}

void ScenarioRunner::run(ScenarioSpec spec, std::filesystem::path out) {
    LiveSink sink(*this);
    auto on_progress = [this](const RunProgress& p) {
        emit progress(to_seconds(p.now), to_seconds(p.end), p.events);
        return !cancel_.load();
    };
    try {
        const FolderRunResult result = run_to_folder(spec, FolderRunOptions{out, on_progress, &sink});
        running_ = false;
        QString message;
        for (const auto& broken : result.broken_invariants) message += QString::fromStdString(broken) + "\n";
        if (!message.isEmpty()) {
            emit failed("the run broke an end-of-run invariant (results written to " +
                        QString::fromStdString(result.folder.string()) + "):\n" + message);
            return;
        }
        emit finished(QString::fromStdString(result.folder.string()), result.interrupted);
    } catch (const std::exception& e) {
        running_ = false;
        emit failed(QString("the run failed: ") + e.what() + "; no results folder was written");
    }
}

}  // namespace lambdasim::gui
