#pragma once
// The dashboard's main window: opens results folders, runs scenarios on a worker thread (with
// progress, cancel, pacing and live charts), compares two runs, and shows every failure as a
// readable message in the window instead of crashing.
#include <QMainWindow>
#include <QStringList>

#include <filesystem>
#include <memory>
#include <optional>
#include <vector>

#include "lambdasim/scenario/override.hpp"
#include "results_data.hpp"
#include "scenario_runner.hpp"

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTimer;

namespace lambdasim::gui {

class View;
class TimeAxisSync;

class DashboardWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit DashboardWindow(QWidget* parent = nullptr);
    ~DashboardWindow() override;

    // Overrides and output folder for scenarios run from now on (the CLI's --set/--seed/...).
    void set_run_options(std::vector<Override> overrides, std::filesystem::path out);

    // Opens results folders and/or runs scenarios (.yaml/.yml), one after the other; one path is
    // shown alone, two are compared (A, B). Emits settled() when all are done or one failed.
    void open_paths(const QStringList& paths);
    bool open_results(const QString& folder);  // false: error state shown
    bool open_compare(const QString& folder_a, const QString& folder_b);
    bool run_scenario(const QString& scenario_file);  // false: the scenario did not load
    void cancel_run();
    bool running() const;
    void set_pace(double simulated_seconds_per_second);

    // Error state: a message page instead of the tabs.
    bool in_error_state() const;
    QString message_text() const;

    static QStringList view_names();  // overview, concurrency, throttles, latency, cold-starts, queues, differences
    bool select_view(const QString& name);
    View* view(const QString& name) const;
    QTabWidget* tabs() const { return tabs_; }
    const ResultsData* results() const { return primary_ ? &*primary_ : nullptr; }
    const ResultsData* compared() const { return secondary_ ? &*secondary_ : nullptr; }
    QString last_run_folder() const { return last_run_folder_; }
    bool last_run_interrupted() const { return last_run_interrupted_; }

    // The window as shown, saved as PNG; false when the file cannot be written.
    bool export_png(const QString& file);
    // The window as vector graphics (charts stay sharp at any size).
    bool export_svg(const QString& file);

signals:
    void settled();  // open_paths finished (results shown, or an error shown)
    void run_finished(QString folder, bool interrupted);

private:
    void build_menus();
    void show_error(const QString& title, const QString& detail);
    void show_results();
    void continue_open();
    bool run_scenario_file(const QString& scenario_file);
    void drain_live_rows();
    void on_run_finished(const QString& folder, bool interrupted);
    void on_run_failed(const QString& message);
    void on_progress(double now_s, double end_s, quint64 events);
    void set_running_ui(bool running);

    QStackedWidget* pages_;
    QLabel* message_;
    QTabWidget* tabs_;
    std::vector<std::pair<QString, View*>> views_;
    TimeAxisSync* sync_;
    QProgressBar* progress_;
    QPushButton* cancel_;
    QComboBox* pace_;
    QLabel* status_;
    QTimer* live_timer_;
    ScenarioRunner* runner_;

    std::optional<ResultsData> primary_;
    std::optional<ResultsData> secondary_;
    std::optional<ResultsData> live_;
    std::vector<Override> overrides_;
    std::filesystem::path out_;
    QStringList pending_;  // paths still to open (open_paths)
    QStringList opened_;   // results folders opened by open_paths so far
    QString last_run_folder_;
    bool last_run_interrupted_ = false;
    bool one_out_per_scenario_ = false;
    bool error_ = false;
};

}  // namespace lambdasim::gui
