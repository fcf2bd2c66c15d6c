#include "dashboard_window.hpp"

#include <QChartView>
#include <QCheckBox>
#include <QElapsedTimer>
#include <QImage>
#include <QLogValueAxis>
#include <QMouseEvent>
#include <QTableWidget>
#include <QValueAxis>
#include <QWheelEvent>
#include <QXYSeries>

#include <gtest/gtest.h>

#include "gui_test_support.hpp"
#include "lambdasim/io/summary.hpp"
#include "views.hpp"

namespace lambdasim::gui {
namespace {

using testing::read_text;
using testing::scenario_path;
using testing::TempFolder;
using testing::wait_until;

// noisy-neighbour for 3 min: 2 functions (api, batch), 2 entry points (users, nightly-batch),
// no reservations, no provisioned concurrency; 180 periods of 1 s. Both functions and both
// entry points are throttled with ConcurrentInvocationLimitExceeded only; nightly-batch has no
// succeeded request (its jobs last 1-3 min), so the CDF has one curve.
class NoisyNeighbourFolder : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        temp = new TempFolder("noisy-neighbour");
        const auto run = testing::run_cli("run " + scenario_path("noisy-neighbour.yaml") +
                                          " --duration 3min --quiet --out " + (*temp / "run").string());
        ASSERT_EQ(run.exit_code, 0) << run.output;
        const auto run_b = testing::run_cli("run " + scenario_path("noisy-neighbour-reserved.yaml") +
                                            " --duration 3min --quiet --out " + (*temp / "reserved").string());
        ASSERT_EQ(run_b.exit_code, 0) << run_b.output;
    }
    static void TearDownTestSuite() {
        delete temp;
        temp = nullptr;
    }
    static QString folder(const char* name) { return QString::fromStdString((*temp / name).string()); }
    static TempFolder* temp;
};
TempFolder* NoisyNeighbourFolder::temp = nullptr;

int series_count(TimeChart* chart) { return static_cast<int>(chart->chart()->series().size()); }

TEST_F(NoisyNeighbourFolder, LoadingFillsEveryViewWithTheExpectedSeriesAndPoints) {
    DashboardWindow window;
    window.resize(1280, 860);
    ASSERT_TRUE(window.open_results(folder("run")));
    EXPECT_FALSE(window.in_error_state());

    auto* overview = static_cast<OverviewView*>(window.view("overview"));
    EXPECT_EQ(overview->functions_table()->rowCount(), 2);
    EXPECT_EQ(overview->entry_points_table()->rowCount(), 2);
    EXPECT_EQ(overview->entry_points_table()->item(0, 0)->text(), "users");  // summary.json order
    // Throttle rate cells are red when non-zero (both functions are throttled here).
    EXPECT_EQ(overview->functions_table()->item(0, 3)->background().color(), QColor(200, 30, 30));
    EXPECT_GE(overview->topology()->scene()->items().size(), 8);  // 4 boxes with titles, 2 arrows...

    // Concurrency: api, batch, account total (180 points each) + the account limit line (2 points).
    TimeChart* concurrency = window.view("concurrency")->time_charts().at(0);
    ASSERT_EQ(series_count(concurrency), 4);
    for (int i = 0; i < 3; ++i) EXPECT_EQ(concurrency->series(i)->count(), 180) << i;
    EXPECT_EQ(concurrency->series(3)->count(), 2);
    EXPECT_EQ(concurrency->series(3)->at(0).y(), 1000);
    EXPECT_EQ(concurrency->series(3)->pen().style(), Qt::DashLine);

    // Throttles: only reasons that occur: api and batch, ConcurrentInvocationLimitExceeded.
    TimeChart* throttles = window.view("throttles")->time_charts().at(0);
    ASSERT_EQ(series_count(throttles), 2);
    EXPECT_TRUE(throttles->series(0)->name().contains("ConcurrentInvocationLimitExceeded"));
    EXPECT_EQ(throttles->series(0)->count(), 180);

    // Latency: p99 and p50 for 2 entry points; duration p99/p50 for 2 functions; CDF 1 curve of 4 points.
    auto* latency = static_cast<LatencyView*>(window.view("latency"));
    ASSERT_EQ(series_count(latency->time_charts().at(0)), 4);
    ASSERT_EQ(series_count(latency->time_charts().at(1)), 4);
    for (TimeChart* chart : latency->time_charts())
        for (int i = 0; i < chart->curve_count(); ++i) EXPECT_EQ(chart->series(i)->count(), 180);
    ASSERT_EQ(latency->cdf()->chart()->series().size(), 1);
    EXPECT_EQ(static_cast<QXYSeries*>(latency->cdf()->chart()->series().at(0))->count(), 4);
    EXPECT_TRUE(latency->cdf()->chart()->title().contains("APPROXIMATED"));

    // Cold starts: cold and warm per function; init p99 per function.
    const auto cold = window.view("cold-starts")->time_charts();
    ASSERT_EQ(series_count(cold.at(0)), 4);
    ASSERT_EQ(series_count(cold.at(1)), 2);
    for (int i = 0; i < 4; ++i) EXPECT_EQ(cold.at(0)->series(i)->count(), 180);
    // warm = Invocations - ColdStarts, period by period.
    const ResultsData* data = window.results();
    const TimeSeries* invocations = data->find("api", "Invocations");
    const TimeSeries* cold_starts = data->find("api", "ColdStarts");
    EXPECT_EQ(cold.at(0)->series(1)->at(0).y(), invocations->value[0] - cold_starts->value[0]);

    // No queues: the placeholder, and an empty (hidden) chart.
    EXPECT_EQ(series_count(window.view("queues")->time_charts().at(0)), 0);
    EXPECT_FALSE(window.view("queues")->time_charts().at(0)->isVisibleTo(window.view("queues")));
    EXPECT_FALSE(window.tabs()->isTabVisible(6));  // Differences only in compare mode
}

TEST_F(NoisyNeighbourFolder, ReservedCapsAreDashedLinesAtTheirCap) {
    DashboardWindow window;
    ASSERT_TRUE(window.open_results(folder("reserved")));
    TimeChart* concurrency = window.view("concurrency")->time_charts().at(0);
    bool found = false;
    for (int i = 0; i < concurrency->curve_count(); ++i)
        if (concurrency->series(i)->name().contains("reserved cap 300")) {
            found = true;
            EXPECT_EQ(concurrency->series(i)->at(0).y(), 300);
            EXPECT_EQ(concurrency->series(i)->pen().style(), Qt::DashLine);
        }
    EXPECT_TRUE(found);
    // The unreserved pool (1000 - 300) is drawn too, since it differs from the limit.
    EXPECT_EQ(series_count(concurrency), 6);
}

TEST_F(NoisyNeighbourFolder, TimeAxesZoomAndPanTogetherAcrossViews) {
    DashboardWindow window;
    window.resize(1280, 860);
    window.show();
    ASSERT_TRUE(window.open_results(folder("run")));
    TimeChart* concurrency = window.view("concurrency")->time_charts().at(0);
    TimeChart* init = window.view("cold-starts")->time_charts().at(1);
    emit concurrency->user_changed_range(60, 90);  // as a wheel zoom or a drag would
    EXPECT_EQ(init->x_min(), 60);
    EXPECT_EQ(init->x_max(), 90);
    // Only the visible range (periods 60..90, plus one neighbour each side) is given to the chart.
    EXPECT_EQ(init->series(0)->count(), 33);
    emit init->user_changed_range(0, 180);
    EXPECT_EQ(concurrency->x_min(), 0);
    EXPECT_EQ(concurrency->series(0)->count(), 180);
}

TEST_F(NoisyNeighbourFolder, TheMouseWheelZoomsAndADragPansEveryTimeChart) {
    DashboardWindow window;
    window.resize(1280, 860);
    window.show();
    ASSERT_TRUE(window.open_results(folder("run")));
    window.select_view("concurrency");
    TimeChart* concurrency = window.view("concurrency")->time_charts().at(0);
    TimeChart* throttles = window.view("throttles")->time_charts().at(0);
    QApplication::processEvents();
    const QPointF centre = concurrency->chart()->plotArea().center();
    QWheelEvent wheel(centre, concurrency->mapToGlobal(centre.toPoint()), QPoint(), QPoint(0, 360), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(concurrency->viewport(), &wheel);
    const double width = concurrency->x_max() - concurrency->x_min();
    EXPECT_LT(width, 180 * 0.7);                           // three notches in: 0.85^3 of the span
    EXPECT_NEAR(concurrency->x_min() + width / 2, 90, 5);  // around the cursor
    EXPECT_EQ(throttles->x_min(), concurrency->x_min());
    EXPECT_EQ(throttles->x_max(), concurrency->x_max());

    const double before = concurrency->x_min();
    QMouseEvent press(QEvent::MouseButtonPress, centre, concurrency->mapToGlobal(centre), Qt::LeftButton,
                      Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(concurrency->viewport(), &press);
    const QPointF left = centre - QPointF(100, 0);
    QMouseEvent move(QEvent::MouseMove, left, concurrency->mapToGlobal(left), Qt::NoButton, Qt::LeftButton,
                     Qt::NoModifier);
    QApplication::sendEvent(concurrency->viewport(), &move);
    QMouseEvent release(QEvent::MouseButtonRelease, left, concurrency->mapToGlobal(left), Qt::LeftButton, Qt::NoButton,
                        Qt::NoModifier);
    QApplication::sendEvent(concurrency->viewport(), &release);
    EXPECT_GT(concurrency->x_min(), before);  // dragging to the left shows later times
    EXPECT_EQ(throttles->x_min(), concurrency->x_min());

    QMouseEvent double_click(QEvent::MouseButtonDblClick, centre, concurrency->mapToGlobal(centre), Qt::LeftButton,
                             Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(concurrency->viewport(), &double_click);
    EXPECT_EQ(throttles->x_min(), 0);
    EXPECT_EQ(throttles->x_max(), 180);
}

TEST_F(NoisyNeighbourFolder, CompareModeOverlaysBothRunsAndListsTheDifferences) {
    DashboardWindow window;
    window.open_paths({folder("run"), folder("reserved")});
    ASSERT_FALSE(window.in_error_state()) << window.message_text().toStdString();
    ASSERT_NE(window.compared(), nullptr);
    TimeChart* concurrency = window.view("concurrency")->time_charts().at(0);
    EXPECT_EQ(series_count(concurrency), 4 + 6);  // A's four curves and B's six
    int b_curves = 0;
    for (int i = 0; i < concurrency->curve_count(); ++i) b_curves += concurrency->series(i)->name().endsWith("[B]");
    EXPECT_EQ(b_curves, 6);
    EXPECT_EQ(concurrency->span(), 180);  // the same axes for both
    auto* differences = static_cast<DifferencesView*>(window.view("differences"));
    EXPECT_TRUE(window.tabs()->isTabVisible(6));
    QTableWidget* table = differences->table();
    ASSERT_GT(table->rowCount(), 10);
    bool found = false;
    for (int row = 0; row < table->rowCount(); ++row)
        if (table->item(row, 0)->text() == "api · throttles") {
            found = true;
            EXPECT_EQ(table->item(row, 2)->text(), "0");  // reserved: the API is never throttled
            EXPECT_TRUE(table->item(row, 3)->text().startsWith("-"));
        }
    EXPECT_TRUE(found);
}

TEST_F(NoisyNeighbourFolder, EntitiesThatAreNeitherFunctionsNorEntryPointsAppearInTheQueuesTab) {
    TempFolder copy("queues");
    std::filesystem::copy(*temp / "run", copy / "run");
    std::string csv = read_text(copy / "run" / "timeseries.csv");
    for (int t = 0; t < 180; ++t)
        csv += std::to_string(t) + ",orders,ApproximateAgeOfOldestMessage," + std::to_string(t % 7) + "\n";
    testing::write_text(copy / "run" / "timeseries.csv", csv);
    DashboardWindow window;
    ASSERT_TRUE(window.open_results(QString::fromStdString((copy / "run").string())));
    TimeChart* queues = window.view("queues")->time_charts().at(0);
    ASSERT_EQ(series_count(queues), 1);
    EXPECT_EQ(queues->series(0)->name(), "orders · ApproximateAgeOfOldestMessage");
    EXPECT_EQ(queues->series(0)->count(), 180);
}

TEST_F(NoisyNeighbourFolder, ALogarithmicLatencyAxisLeavesOutPeriodsWithoutData) {
    DashboardWindow window;
    ASSERT_TRUE(window.open_results(folder("run")));
    auto* latency = static_cast<LatencyView*>(window.view("latency"));
    TimeChart* chart = latency->time_charts().at(0);
    latency->log_scale()->setChecked(true);
    EXPECT_TRUE(chart->log_scale());
    EXPECT_TRUE(latency->time_charts().at(1)->log_scale());
    EXPECT_NE(qobject_cast<QLogValueAxis*>(chart->chart()->axes(Qt::Vertical).at(0)), nullptr);
    // users p99: periods without a succeeded request (p99 = 0) are not drawn on a log axis.
    const TimeSeries* p99 = window.results()->find("users", "Latency_p99");
    const auto positive = std::count_if(p99->value.begin(), p99->value.end(), [](double v) { return v > 0; });
    ASSERT_LT(positive, 180);
    EXPECT_EQ(chart->series(0)->count(), positive);
    latency->log_scale()->setChecked(false);
    EXPECT_EQ(chart->series(0)->count(), 180);
    EXPECT_NE(qobject_cast<QValueAxis*>(chart->chart()->axes(Qt::Vertical).at(0)), nullptr);
}

TEST_F(NoisyNeighbourFolder, ExportPngSavesTheWindowAsShown) {
    TempFolder out("export");
    DashboardWindow window;
    window.resize(900, 650);
    ASSERT_TRUE(window.open_results(folder("run")));
    window.select_view("throttles");
    const QString png = QString::fromStdString((out / "w.png").string());
    ASSERT_TRUE(window.export_png(png));
    EXPECT_EQ(QImage(png).size(), QSize(900, 650));
    EXPECT_FALSE(window.export_png("/nonexistent-folder/w.png"));
}

TEST_F(NoisyNeighbourFolder, ExportSvgWritesVectorGraphicsOfTheWindow) {
    TempFolder out("export-svg");
    DashboardWindow window;
    window.resize(900, 650);
    ASSERT_TRUE(window.open_results(folder("run")));
    window.select_view("concurrency");
    const QString svg = QString::fromStdString((out / "w.svg").string());
    ASSERT_TRUE(window.export_svg(svg));
    const std::string text = read_text(out / "w.svg");
    EXPECT_NE(text.find("<svg"), std::string::npos);
    EXPECT_NE(text.find("900"), std::string::npos) << "the window's size is the SVG's size";
    EXPECT_GT(text.size(), 10'000u) << "the charts are drawn, not just an empty canvas";
}

TEST(DashboardRun, TwoScenariosAreRunOneAfterTheOtherAndCompared) {
    TempFolder temp("two-scenarios");
    DashboardWindow window;
    window.set_run_options({{"duration", "1min", "--duration"}}, temp / "runs");
    bool settled = false;
    QObject::connect(&window, &DashboardWindow::settled, [&] { settled = true; });
    window.open_paths({QString::fromStdString(scenario_path("noisy-neighbour.yaml")),
                       QString::fromStdString(scenario_path("noisy-neighbour-reserved.yaml"))});
    ASSERT_TRUE(wait_until([&] { return settled; }, 60'000));
    ASSERT_FALSE(window.in_error_state()) << window.message_text().toStdString();
    ASSERT_NE(window.compared(), nullptr);
    EXPECT_EQ(window.results()->scenario_name(), "noisy-neighbour");
    EXPECT_EQ(window.compared()->scenario_name(), "noisy-neighbour-reserved");
    // One --out and several scenarios: a folder per scenario inside it.
    EXPECT_TRUE(std::filesystem::exists(temp / "runs" / "noisy-neighbour" / "summary.json"));
    EXPECT_TRUE(std::filesystem::exists(temp / "runs" / "noisy-neighbour-reserved" / "summary.json"));
}

TEST(DashboardErrors, BrokenInputsShowTheErrorStateNotACrash) {
    TempFolder temp("errors");
    DashboardWindow window;

    window.open_paths({QString::fromStdString((temp / "missing").string())});
    EXPECT_TRUE(window.in_error_state());
    EXPECT_TRUE(window.message_text().contains("No such file or folder"));

    std::filesystem::create_directories(temp / "empty");
    EXPECT_FALSE(window.open_results(QString::fromStdString((temp / "empty").string())));
    EXPECT_TRUE(window.in_error_state());
    EXPECT_TRUE(window.message_text().contains("summary.json")) << window.message_text().toStdString();

    const auto run = testing::run_cli("run " + scenario_path("baseline.yaml") + " --duration 10s --quiet --out " +
                                      (temp / "run").string());
    ASSERT_EQ(run.exit_code, 0) << run.output;
    ASSERT_TRUE(window.open_results(QString::fromStdString((temp / "run").string())));
    EXPECT_FALSE(window.in_error_state());

    const std::string csv = read_text(temp / "run" / "timeseries.csv");
    testing::write_text(temp / "run" / "timeseries.csv", csv.substr(0, csv.size() - 3));
    EXPECT_FALSE(window.open_results(QString::fromStdString((temp / "run").string())));
    EXPECT_TRUE(window.in_error_state());
    EXPECT_TRUE(window.message_text().contains("truncated")) << window.message_text().toStdString();

    testing::write_text(temp / "run" / "timeseries.csv", csv);
    testing::write_text(temp / "run" / "summary.json", "{\"scenario\": \"x\", ");
    EXPECT_FALSE(window.open_results(QString::fromStdString((temp / "run").string())));
    EXPECT_TRUE(window.message_text().contains("invalid JSON")) << window.message_text().toStdString();

    testing::write_text(temp / "bad.yaml", "name: bad\nfunctions:\n  api:\n    memory: 1024\n    duration: 1s\n");
    EXPECT_FALSE(window.run_scenario(QString::fromStdString((temp / "bad.yaml").string())));
    EXPECT_TRUE(window.in_error_state());
    // file:line:column from the ScenarioError
    EXPECT_TRUE(window.message_text().contains("bad.yaml:4:")) << window.message_text().toStdString();
    EXPECT_TRUE(window.message_text().contains("has no unit")) << window.message_text().toStdString();
    EXPECT_FALSE(window.running());
}

nlohmann::ordered_json summary_without_wall_clock(const std::filesystem::path& folder) {
    auto summary = nlohmann::ordered_json::parse(read_text(folder / "summary.json"));
    summary["engine"].erase("wall_seconds");
    summary["engine"].erase("events_per_second");
    return summary;
}

TEST(DashboardRun, ARunFromTheDashboardGivesTheSameResultsAsTheCli) {
    TempFolder temp("same-as-cli");
    const auto cli = testing::run_cli("run " + scenario_path("noisy-neighbour.yaml") +
                                      " --duration 3min --seed 7 --quiet --out " + (temp / "cli").string());
    ASSERT_EQ(cli.exit_code, 0) << cli.output;

    DashboardWindow window;
    window.set_run_options({{"seed", "7", "--seed"}, {"duration", "3min", "--duration"}}, temp / "gui");
    bool finished = false, interrupted = true;
    QObject::connect(&window, &DashboardWindow::run_finished, [&](const QString&, bool i) {
        finished = true;
        interrupted = i;
    });
    ASSERT_TRUE(window.run_scenario(QString::fromStdString(scenario_path("noisy-neighbour.yaml"))));
    ASSERT_TRUE(wait_until([&] { return finished; }, 60'000));
    EXPECT_FALSE(interrupted);
    EXPECT_FALSE(window.in_error_state()) << window.message_text().toStdString();
    EXPECT_EQ(summary_without_wall_clock(temp / "gui").dump(2), summary_without_wall_clock(temp / "cli").dump(2));
    EXPECT_EQ(read_text(temp / "gui" / "timeseries.csv"), read_text(temp / "cli" / "timeseries.csv"));
    EXPECT_EQ(read_text(temp / "gui" / "scenario.resolved.yaml"), read_text(temp / "cli" / "scenario.resolved.yaml"));
    // ...and the dashboard then shows the run.
    ASSERT_NE(window.results(), nullptr);
    EXPECT_EQ(window.results()->find("api", "Invocations")->size(), 180u);
}

// Cancelling must stop within 2 s and leave a results folder marked "interrupted": true, both
// when the run goes as fast as it can and when it is paced against the wall clock.
void expect_prompt_cancel(double pace) {
    TempFolder temp("cancel-" + std::to_string(static_cast<int>(pace)));
    DashboardWindow window;
    // A week (minute periods keep the CSV small): far longer than the test at any engine speed.
    window.set_run_options({{"duration", "7d", "--duration"}, {"metrics_period", "1min", "--period"}}, temp / "run");
    window.set_pace(pace);
    QString folder;
    bool finished = false, interrupted = false;
    QObject::connect(&window, &DashboardWindow::run_finished, [&](const QString& f, bool i) {
        finished = true;
        folder = f;
        interrupted = i;
    });
    ASSERT_TRUE(window.run_scenario(QString::fromStdString(scenario_path("baseline.yaml"))));
    EXPECT_TRUE(window.running());
    wait_until([] { return false; }, 700);  // let it run (and live charts update) for a while
    EXPECT_TRUE(window.running());
    QElapsedTimer timer;
    timer.start();
    window.cancel_run();
    ASSERT_TRUE(wait_until([&] { return finished; }, 10'000));
    std::printf("cancel (pace %g) took %lld ms\n", pace, static_cast<long long>(timer.elapsed()));
    EXPECT_LT(timer.elapsed(), 2000);
    EXPECT_TRUE(interrupted);
    const auto summary = nlohmann::ordered_json::parse(read_text(temp / "run" / "summary.json"));
    EXPECT_TRUE(summary["interrupted"].get<bool>());
    EXPECT_LT(summary["simulated_seconds"].get<double>(), 7 * 86'400);
    EXPECT_FALSE(window.in_error_state());
    ASSERT_NE(window.results(), nullptr);
    EXPECT_TRUE(window.results()->interrupted());
}

TEST(DashboardRun, CancelStopsAFullSpeedRunPromptlyAndMarksItInterrupted) { expect_prompt_cancel(0); }

TEST(DashboardRun, CancelStopsAPacedRunPromptlyAndMarksItInterrupted) { expect_prompt_cancel(60); }

TEST(DashboardRun, LiveChartsGrowWhileAPacedRunGoesOn) {
    TempFolder temp("live");
    DashboardWindow window;
    window.set_run_options({{"duration", "10min", "--duration"}}, temp / "run");
    window.set_pace(60);  // 60 simulated seconds per second
    bool finished = false;
    QObject::connect(&window, &DashboardWindow::run_finished, [&](const QString&, bool) { finished = true; });
    ASSERT_TRUE(window.run_scenario(QString::fromStdString(scenario_path("baseline.yaml"))));
    TimeChart* concurrency = window.view("concurrency")->time_charts().at(0);
    ASSERT_TRUE(
        wait_until([&] { return concurrency->curve_count() > 0 && concurrency->curve(0).x.size() >= 30; }, 5000));
    const std::size_t points = concurrency->curve(0).x.size();
    EXPECT_LT(points, 600u);  // still running: a growing prefix of the run
    EXPECT_EQ(concurrency->span(), 600);
    EXPECT_TRUE(window.running());
    window.cancel_run();
    ASSERT_TRUE(wait_until([&] { return finished; }, 5000));
}

}  // namespace
}  // namespace lambdasim::gui
