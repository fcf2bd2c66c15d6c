// lambdasim-dashboard [RESULTS_DIR | SCENARIO.yaml]... [--screenshot FILE.png [--view NAME] [--size WxH]]
#include <QApplication>
#include <QCommandLineParser>
#include <QPixmap>
#include <QRegularExpression>
#include <QTimer>

#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <QCheckBox>

#include "dashboard_window.hpp"
#include "lambdasim/scenario/override.hpp"
#include "lambdasim/version.hpp"
#include "views.hpp"

namespace {

using lambdasim::gui::DashboardWindow;

// Lays the window out at its final size and gives Qt Charts a few rounds of events to settle.
void settle_layout() {
    for (int i = 0; i < 5; ++i) {
        QApplication::sendPostedEvents();
        QApplication::processEvents();
    }
}

int take_screenshot(DashboardWindow& window, const QString& file, const QString& view, QSize size) {
    if (!window.in_error_state() && !window.select_view(view)) {
        std::fprintf(stderr, "lambdasim-dashboard: error: unknown view `%s` (one of: %s)\n", qPrintable(view),
                     qPrintable(DashboardWindow::view_names().join(", ")));
        return 1;
    }
    window.resize(size);
    window.show();
    settle_layout();
    window.resize(size);  // a second time: the first show may have applied minimum sizes
    settle_layout();
    if (file.endsWith(".svg", Qt::CaseInsensitive)) {
        if (!window.export_svg(file)) {
            std::fprintf(stderr, "lambdasim-dashboard: error: cannot write %s\n", qPrintable(file));
            return 2;
        }
        std::printf("screenshot: %s (SVG, %dx%d, view %s)\n", qPrintable(file), size.width(), size.height(),
                    qPrintable(view));
        return window.in_error_state() ? 1 : 0;
    }
    QPixmap pixmap = window.grab();
    if (pixmap.size() != size) {  // minimum sizes of the widgets won: scale to what was asked
        pixmap = pixmap.scaled(size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    }
    if (!pixmap.save(file, "PNG")) {
        std::fprintf(stderr, "lambdasim-dashboard: error: cannot write %s\n", qPrintable(file));
        return 2;
    }
    std::printf("screenshot: %s (%dx%d, view %s)\n", qPrintable(file), size.width(), size.height(), qPrintable(view));
    return window.in_error_state() ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
    // Screenshots render offscreen unless the caller chose a platform (e.g. xvfb).
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "--screenshot") == 0 && !std::getenv("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setApplicationName("lambdasim-dashboard");
    QApplication::setApplicationVersion(lambdasim::kVersion);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        "Shows lambdasim results folders, runs scenarios on a worker thread (progress, cancel, live charts), and "
        "compares two runs (give two paths).");
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument("paths", "results folders and/or scenario files (.yaml) to run; two are compared",
                                 "[RESULTS_DIR | SCENARIO.yaml]...");
    const QCommandLineOption screenshot("screenshot", "render offscreen, save the window as PNG (or SVG for FILE.svg) and exit", "FILE.png");
    const QCommandLineOption view("view", "view for --screenshot: " + DashboardWindow::view_names().join(", "), "NAME",
                                  "overview");
    const QCommandLineOption size("size", "window size for --screenshot", "WxH", "1280x860");
    const QCommandLineOption seed("seed", "scenarios run: master random seed", "N");
    const QCommandLineOption duration("duration", "scenarios run: simulated time, e.g. 10min", "T");
    const QCommandLineOption period("period", "scenarios run: time-series period, e.g. 1s", "T");
    const QCommandLineOption set("set", "scenarios run: override a key, e.g. functions.api.memory=2048MB (repeatable)",
                                 "KEY=VALUE");
    const QCommandLineOption out("out", "scenarios run: results folder (default results/<scenario>-<timestamp>)",
                                 "DIR");
    const QCommandLineOption pace("pace", "scenarios run: simulated seconds per wall second (0: as fast as possible)",
                                  "X", "0");
    const QCommandLineOption log_scale("log-scale", "latency charts start with a logarithmic ms axis");
    parser.addOptions({screenshot, view, size, seed, duration, period, set, out, pace, log_scale});
    parser.process(app);

    std::vector<lambdasim::Override> overrides;
    try {
        if (parser.isSet(seed)) overrides.push_back({"seed", parser.value(seed).toStdString(), "--seed"});
        if (parser.isSet(duration))
            overrides.push_back({"duration", parser.value(duration).toStdString(), "--duration"});
        if (parser.isSet(period))
            overrides.push_back({"metrics_period", parser.value(period).toStdString(), "--period"});
        for (const QString& s : parser.values(set)) overrides.push_back(lambdasim::parse_override(s.toStdString()));
    } catch (const lambdasim::ScenarioError& e) {
        std::fprintf(stderr, "%s\n", e.one_line().c_str());
        return 1;
    }
    QSize screenshot_size(1280, 860);
    const auto match = QRegularExpression("^(\\d+)x(\\d+)$").match(parser.value(size));
    if (!match.hasMatch() || match.captured(1).toInt() < 50 || match.captured(2).toInt() < 50) {
        std::fprintf(stderr, "lambdasim-dashboard: error: --size wants WxH, e.g. 1280x860\n");
        return 1;
    }
    screenshot_size = QSize(match.captured(1).toInt(), match.captured(2).toInt());
    if (parser.isSet(screenshot) && parser.positionalArguments().isEmpty()) {
        std::fprintf(stderr, "lambdasim-dashboard: error: --screenshot needs a results folder or a scenario\n");
        return 1;
    }

    DashboardWindow window;
    window.set_run_options(std::move(overrides), parser.value(out).toStdString());
    window.set_pace(parser.value(pace).toDouble());
    if (parser.isSet(log_scale))
        static_cast<lambdasim::gui::LatencyView*>(window.view("latency"))->log_scale()->setChecked(true);
    int exit_code = 0;
    if (parser.isSet(screenshot)) {
        QObject::connect(&window, &DashboardWindow::settled, &app, [&] {
            // Let the settled() emitter return before rendering and quitting.
            QTimer::singleShot(0, &app, [&] {
                exit_code = take_screenshot(window, parser.value(screenshot), parser.value(view), screenshot_size);
                QApplication::exit(exit_code);
            });
        });
    } else {
        window.show();
    }
    const QStringList paths = parser.positionalArguments();
    if (!paths.isEmpty()) QTimer::singleShot(0, &window, [&] { window.open_paths(paths); });
    const int rc = QApplication::exec();
    return parser.isSet(screenshot) ? exit_code : rc;
}
