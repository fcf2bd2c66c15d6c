#include "dashboard_window.hpp"

#include <QApplication>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QPainter>
#include <QSvgGenerator>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>

#include <chrono>

#include "lambdasim/engine/time.hpp"
#include "lambdasim/scenario/loader.hpp"
#include "time_chart.hpp"
#include "views.hpp"

namespace lambdasim::gui {

DashboardWindow::DashboardWindow(QWidget* parent)
    : QMainWindow(parent),
      pages_(new QStackedWidget),
      message_(new QLabel),
      tabs_(new QTabWidget),
      sync_(new TimeAxisSync(this)),
      progress_(new QProgressBar),
      cancel_(new QPushButton("Cancel run")),
      pace_(new QComboBox),
      status_(new QLabel),
      live_timer_(new QTimer(this)),
      runner_(new ScenarioRunner(this)) {
    setWindowTitle("lambdasim dashboard");
    message_->setAlignment(Qt::AlignCenter);
    message_->setWordWrap(true);
    message_->setTextFormat(Qt::RichText);
    message_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    message_->setMargin(24);
    message_->setText("<h2>lambdasim dashboard</h2><p>File ▸ Open results folder…, or File ▸ Run scenario…</p>");
    pages_->addWidget(message_);
    pages_->addWidget(tabs_);
    setCentralWidget(pages_);

    views_ = {{"overview", new OverviewView},      {"concurrency", new ConcurrencyView},
              {"throttles", new ThrottlesView},    {"latency", new LatencyView},
              {"cold-starts", new ColdStartsView}, {"queues", new QueuesView},
              {"differences", new DifferencesView}};
    const char* titles[] = {"Overview", "Concurrency", "Throttles", "Latency", "Cold starts", "Queues", "Differences"};
    for (std::size_t i = 0; i < views_.size(); ++i) {
        tabs_->addTab(views_[i].second, titles[i]);
        for (TimeChart* chart : views_[i].second->time_charts()) sync_->add(chart);
    }
    tabs_->setTabVisible(6, false);  // compare mode only

    progress_->setRange(0, 1000);
    progress_->setMaximumWidth(260);
    progress_->setFormat("%p %");
    pace_->addItem("as fast as possible", 0.0);
    pace_->addItem("1 × real time", 1.0);
    pace_->addItem("10 × real time", 10.0);
    pace_->addItem("60 × real time", 60.0);
    pace_->addItem("600 × real time", 600.0);
    pace_->setToolTip("Speed of a run started here: simulated seconds per wall-clock second (for teaching)");
    connect(pace_, &QComboBox::currentIndexChanged, this,
            [this](int) { runner_->set_pace(pace_->currentData().toDouble()); });
    connect(cancel_, &QPushButton::clicked, this, &DashboardWindow::cancel_run);
    statusBar()->addWidget(status_, 1);
    statusBar()->addPermanentWidget(new QLabel("speed:"));
    statusBar()->addPermanentWidget(pace_);
    statusBar()->addPermanentWidget(progress_);
    statusBar()->addPermanentWidget(cancel_);
    set_running_ui(false);

    live_timer_->setInterval(300);
    connect(live_timer_, &QTimer::timeout, this, &DashboardWindow::drain_live_rows);
    connect(runner_, &ScenarioRunner::progress, this, &DashboardWindow::on_progress);
    connect(runner_, &ScenarioRunner::finished, this, &DashboardWindow::on_run_finished);
    connect(runner_, &ScenarioRunner::failed, this, &DashboardWindow::on_run_failed);
    build_menus();
    resize(1280, 860);
}

DashboardWindow::~DashboardWindow() {
    runner_->cancel();
    runner_->wait();
}

void DashboardWindow::build_menus() {
    QMenu* file = menuBar()->addMenu("&File");
    file->addAction("&Open results folder…", QKeySequence::Open, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, "Open a results folder");
        if (!dir.isEmpty()) open_paths({dir});
    });
    file->addAction("&Run scenario…", QKeySequence("Ctrl+R"), this, [this] {
        const QString yaml = QFileDialog::getOpenFileName(this, "Run a scenario", {}, "Scenarios (*.yaml *.yml)");
        if (!yaml.isEmpty()) open_paths({yaml});
    });
    file->addAction("&Compare two results folders…", this, [this] {
        const QString a = QFileDialog::getExistingDirectory(this, "Compare: results folder A");
        if (a.isEmpty()) return;
        const QString b = QFileDialog::getExistingDirectory(this, "Compare: results folder B");
        if (!b.isEmpty()) open_paths({a, b});
    });
    file->addSeparator();
    file->addAction("&Export PNG…", this, [this] {
        const QString png =
            QFileDialog::getSaveFileName(this, "Export the window as PNG", "dashboard.png", "PNG (*.png)");
        if (!png.isEmpty() && !export_png(png)) QMessageBox::warning(this, "Export PNG", "Cannot write " + png);
    });
    file->addAction("Export &SVG…", this, [this] {
        const QString svg =
            QFileDialog::getSaveFileName(this, "Export the window as SVG", "dashboard.svg", "SVG (*.svg)");
        if (!svg.isEmpty() && !export_svg(svg)) QMessageBox::warning(this, "Export SVG", "Cannot write " + svg);
    });
    file->addSeparator();
    file->addAction("&Quit", QKeySequence::Quit, this, &QWidget::close);
    QMenu* view = menuBar()->addMenu("&View");
    view->addAction("&Reset zoom (whole run)", QKeySequence("Ctrl+0"), this, [this] { sync_->reset(); });
    for (std::size_t i = 0; i < views_.size(); ++i) {
        const int index = static_cast<int>(i);
        view->addAction(tabs_->tabText(index), QKeySequence(QString("Alt+%1").arg(index + 1)), this,
                        [this, index] { tabs_->setCurrentIndex(index); });
    }
}

void DashboardWindow::set_run_options(std::vector<Override> overrides, std::filesystem::path out) {
    overrides_ = std::move(overrides);
    out_ = std::move(out);
}

void DashboardWindow::open_paths(const QStringList& paths) {
    int scenarios = 0;
    for (const QString& p : paths) scenarios += QFileInfo(p).isFile();
    one_out_per_scenario_ = scenarios > 1;
    pending_ = paths;
    opened_.clear();
    continue_open();
}

void DashboardWindow::continue_open() {
    while (!pending_.isEmpty()) {
        const QString path = pending_.takeFirst();
        const QFileInfo info(path);
        if (info.isDir()) {
            opened_ << path;
            continue;
        }
        if (!info.exists()) {
            pending_.clear();
            show_error("Cannot open " + path, "No such file or folder.");
            emit settled();
            return;
        }
        if (!run_scenario_file(path)) {
            pending_.clear();
            emit settled();
        }
        return;  // resumes in on_run_finished
    }
    if (opened_.size() == 1) {
        open_results(opened_[0]);
    } else if (opened_.size() >= 2) {
        if (opened_.size() > 2)
            status_->setText("comparing the first two of " + QString::number(opened_.size()) + " runs");
        open_compare(opened_[0], opened_[1]);
    }
    emit settled();
}

bool DashboardWindow::open_results(const QString& folder) {
    try {
        const auto started = std::chrono::steady_clock::now();
        primary_ = load_results_folder(folder.toStdString());
        secondary_.reset();
        show_results();
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        status_->setText(QString("loaded %1 in %2 s").arg(folder).arg(seconds, 0, 'f', 2));
        return true;
    } catch (const ResultsLoadError& e) {
        show_error("Cannot open the results folder " + folder, QString::fromStdString(e.what()));
    } catch (const std::exception& e) {
        show_error("Cannot open the results folder " + folder, e.what());
    }
    return false;
}

bool DashboardWindow::open_compare(const QString& folder_a, const QString& folder_b) {
    std::optional<ResultsData> a, b;
    QString failing = folder_a;
    try {
        a = load_results_folder(folder_a.toStdString());
        failing = folder_b;
        b = load_results_folder(folder_b.toStdString());
    } catch (const std::exception& e) {
        show_error("Cannot open the results folder " + failing, QString::fromStdString(e.what()));
        return false;
    }
    primary_ = std::move(a);
    secondary_ = std::move(b);
    show_results();
    status_->setText("comparing A = " + folder_a + " with B = " + folder_b);
    return true;
}

bool DashboardWindow::run_scenario(const QString& scenario_file) {
    one_out_per_scenario_ = false;
    pending_.clear();
    opened_.clear();
    return run_scenario_file(scenario_file);
}

bool DashboardWindow::run_scenario_file(const QString& scenario_file) {
    if (runner_->running()) {
        status_->setText("a run is already going; cancel it first");
        return false;
    }
    ScenarioSpec spec;
    try {
        spec = load_scenario_file(scenario_file.toStdString(), overrides_);
    } catch (const ScenarioError& e) {
        show_error("The scenario " + scenario_file + " is not valid", QString::fromStdString(e.one_line()));
        return false;
    } catch (const std::exception& e) {
        show_error("Cannot read the scenario " + scenario_file, e.what());
        return false;
    }
    live_.emplace();
    live_->folder = "(running)";
    live_->summary = {{"scenario", spec.name}, {"seed", spec.seed}, {"functions", Json::object()}};
    for (const auto& f : spec.functions) live_->functions.push_back(f.name);
    for (const auto& t : spec.traffic) live_->entry_points.push_back(t.name);
    live_->end_s = to_seconds(spec.duration);
    live_->period_s = to_seconds(spec.metrics_period);
    live_->spec = spec;
    primary_.reset();
    secondary_.reset();
    error_ = false;
    pages_->setCurrentWidget(tabs_);
    tabs_->setTabVisible(6, false);
    if (tabs_->currentIndex() == 0) tabs_->setCurrentIndex(1);  // the overview has no figures until the end
    setWindowTitle("lambdasim dashboard — running " + QString::fromStdString(spec.name));
    status_->setText("running " + scenario_file + " …");
    progress_->setValue(0);
    runner_->set_pace(pace_->currentData().toDouble());
    // Several scenarios and one --out: each gets its own folder inside it.
    runner_->start(spec, one_out_per_scenario_ && !out_.empty() ? out_ / spec.name : out_);
    set_running_ui(true);
    live_timer_->start();
    return true;
}

void DashboardWindow::cancel_run() {
    if (!runner_->running()) return;
    status_->setText("cancelling… (partial results will be written and marked interrupted)");
    runner_->cancel();
}

bool DashboardWindow::running() const { return runner_->running(); }

void DashboardWindow::set_pace(double simulated_seconds_per_second) {
    int best = 0;
    for (int i = 0; i < pace_->count(); ++i)
        if (pace_->itemData(i).toDouble() == simulated_seconds_per_second) best = i;
    pace_->setCurrentIndex(best);
    runner_->set_pace(simulated_seconds_per_second);
}

void DashboardWindow::drain_live_rows() {
    if (!live_) return;
    auto rows = runner_->take_rows();
    if (rows.empty()) return;
    for (auto& r : rows) {
        TimeSeries& s = live_->series[r.entity][r.metric];
        s.time_s.push_back(r.time_s);
        s.value.push_back(r.value);
    }
    for (std::size_t i = 1; i < views_.size() - 1; ++i) views_[i].second->show_results(*live_, nullptr);
}

void DashboardWindow::on_progress(double now_s, double end_s, quint64 events) {
    if (end_s > 0) progress_->setValue(static_cast<int>(1000 * std::min(1.0, now_s / end_s)));
    status_->setText(
        QString("running: %1 s of %2 s simulated, %3 events").arg(now_s, 0, 'f', 0).arg(end_s).arg(events));
}

void DashboardWindow::on_run_finished(const QString& folder, bool interrupted) {
    runner_->wait();
    live_timer_->stop();
    runner_->take_rows();
    live_.reset();
    set_running_ui(false);
    last_run_folder_ = folder;
    last_run_interrupted_ = interrupted;
    progress_->setValue(interrupted ? progress_->value() : 1000);
    opened_ << folder;
    emit run_finished(folder, interrupted);
    continue_open();
    if (interrupted && !error_) status_->setText("run cancelled: partial results (marked interrupted) in " + folder);
}

void DashboardWindow::on_run_failed(const QString& message) {
    runner_->wait();
    live_timer_->stop();
    live_.reset();
    set_running_ui(false);
    pending_.clear();
    show_error("The run failed", message);
    emit settled();
}

void DashboardWindow::set_running_ui(bool running) {
    cancel_->setEnabled(running);
    progress_->setVisible(running || progress_->value() > 0);
}

void DashboardWindow::show_error(const QString& title, const QString& detail) {
    error_ = true;
    message_->setText("<h2 style='color:#b00020'>" + title.toHtmlEscaped() + "</h2><pre style='white-space:pre-wrap'>" +
                      detail.toHtmlEscaped() +
                      "</pre><p>Open another results folder or scenario from the File menu.</p>");
    pages_->setCurrentWidget(message_);
    setWindowTitle("lambdasim dashboard — error");
    status_->setText(title);
}

void DashboardWindow::show_results() {
    error_ = false;
    const ResultsData* b = secondary_ ? &*secondary_ : nullptr;
    for (auto& [name, view] : views_) view->show_results(*primary_, b);
    tabs_->setTabVisible(6, b != nullptr);
    pages_->setCurrentWidget(tabs_);
    setWindowTitle("lambdasim dashboard — " + QString::fromStdString(primary_->scenario_name()) +
                   (b ? " vs " + QString::fromStdString(b->scenario_name()) : QString()));
}

bool DashboardWindow::in_error_state() const { return error_; }

QString DashboardWindow::message_text() const { return message_->text(); }

QStringList DashboardWindow::view_names() {
    return {"overview", "concurrency", "throttles", "latency", "cold-starts", "queues", "differences"};
}

bool DashboardWindow::select_view(const QString& name) {
    for (std::size_t i = 0; i < views_.size(); ++i)
        if (views_[i].first == name) {
            tabs_->setCurrentIndex(static_cast<int>(i));
            return true;
        }
    return false;
}

View* DashboardWindow::view(const QString& name) const {
    for (const auto& [n, v] : views_)
        if (n == name) return v;
    return nullptr;
}

bool DashboardWindow::export_png(const QString& file) { return grab().save(file, "PNG"); }

bool DashboardWindow::export_svg(const QString& file) {
    QSvgGenerator generator;
    generator.setFileName(file);
    generator.setSize(size());
    generator.setViewBox(rect());
    generator.setTitle(windowTitle());
    QPainter painter;
    if (!painter.begin(&generator)) return false;
    render(&painter);
    return painter.end() && QFileInfo(file).size() > 0;
}

}  // namespace lambdasim::gui
