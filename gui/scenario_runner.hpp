#pragma once
// Runs one scenario on a worker thread (the GUI never simulates on its own thread). Progress,
// the end and failures arrive as queued signals on the GUI thread; time-series rows are buffered
// for the GUI to take on a timer (take_rows) so live charts can grow during the run.
#include <QObject>
#include <QString>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "lambdasim/model/specs.hpp"

namespace lambdasim::gui {

struct LiveRow {
    double time_s;
    std::string entity;
    std::string metric;
    double value;
};

class ScenarioRunner : public QObject {
    Q_OBJECT
public:
    explicit ScenarioRunner(QObject* parent = nullptr);
    ~ScenarioRunner() override;  // cancels and joins a run still going

    // Starts a run to `out` (empty: results/<name>-<timestamp>). Only one run at a time.
    void start(const ScenarioSpec& spec, const std::filesystem::path& out);
    // Stops at the next progress check or period boundary; partial results are written and
    // marked "interrupted": true.
    void cancel();
    bool running() const { return running_; }
    // Pacing for teaching: simulated seconds per wall-clock second; 0 runs as fast as it can.
    void set_pace(double simulated_seconds_per_second) { pace_ = simulated_seconds_per_second; }
    std::vector<LiveRow> take_rows();
    void wait();  // joins the worker (after finished/failed was emitted)

signals:
    void progress(double now_s, double end_s, quint64 events);
    void finished(QString folder, bool interrupted);
    void failed(QString message);

private:
    class LiveSink;
    void run(ScenarioSpec spec, std::filesystem::path out);
    void pace_until(double simulated_s);

    std::thread worker_;
    std::atomic<bool> cancel_{false};
    std::atomic<bool> running_{false};
    std::atomic<double> pace_{0};
    std::mutex rows_mutex_;
    std::vector<LiveRow> rows_;
    // Pacing state, used on the worker thread only.
    double anchor_pace_ = 0;
    double anchor_simulated_s_ = 0;
    std::chrono::steady_clock::time_point anchor_wall_;
};

}  // namespace lambdasim::gui
