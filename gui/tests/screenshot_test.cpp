// `lambdasim-dashboard --screenshot` renders each view offscreen to a PNG of the requested size.
#include <QImage>

#include <set>

#include <gtest/gtest.h>

#include "gui_test_support.hpp"

namespace lambdasim::gui {
namespace {

using testing::TempFolder;

TEST(Screenshot, EveryViewGivesANonBlankPngOfTheRequestedSize) {
    TempFolder temp("screenshot");
    const auto run = testing::run_cli("run " + testing::scenario_path("noisy-neighbour.yaml") +
                                      " --duration 3min --quiet --out " + (temp / "run").string());
    ASSERT_EQ(run.exit_code, 0) << run.output;
    for (const char* view : {"overview", "concurrency", "throttles", "latency", "cold-starts", "queues"}) {
        const auto png = temp / (std::string(view) + ".png");
        const auto shot =
            testing::run_command(std::string("\"") + LAMBDASIM_DASHBOARD_PATH + "\" " + (temp / "run").string() +
                                 " --screenshot " + png.string() + " --view " + view + " --size 1000x700");
        ASSERT_EQ(shot.exit_code, 0) << view << ": " << shot.output;
        QImage image(QString::fromStdString(png.string()));
        ASSERT_FALSE(image.isNull()) << view;
        EXPECT_EQ(image.width(), 1000) << view;
        EXPECT_EQ(image.height(), 700) << view;
        std::set<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7)
            for (int x = 0; x < image.width(); x += 7) colours.insert(image.pixel(x, y));
        EXPECT_GT(colours.size(), 8u) << view << " looks blank";
    }
}

TEST(Screenshot, ARunScenarioCanBeScreenshotInOneCommand) {
    TempFolder temp("screenshot-run");
    const auto png = temp / "c.png";
    const auto shot = testing::run_command(std::string("\"") + LAMBDASIM_DASHBOARD_PATH + "\" " +
                                           testing::scenario_path("baseline.yaml") + " --duration 30s --out " +
                                           (temp / "run").string() + " --screenshot " + png.string() +
                                           " --view concurrency --size 640x480");
    ASSERT_EQ(shot.exit_code, 0) << shot.output;
    EXPECT_EQ(QImage(QString::fromStdString(png.string())).size(), QSize(640, 480));
}

TEST(Screenshot, ABrokenInputStillRendersTheErrorStateButExitsWithOne) {
    TempFolder temp("screenshot-error");
    const auto png = temp / "e.png";
    const auto shot = testing::run_command(std::string("\"") + LAMBDASIM_DASHBOARD_PATH + "\" " +
                                           (temp / "missing").string() + " --screenshot " + png.string());
    EXPECT_EQ(shot.exit_code, 1) << shot.output;
    EXPECT_FALSE(QImage(QString::fromStdString(png.string())).isNull());
}

TEST(Screenshot, AnUnknownViewIsRefused) {
    TempFolder temp("screenshot-view");
    const auto run = testing::run_cli("run " + testing::scenario_path("baseline.yaml") +
                                      " --duration 10s --quiet --out " + (temp / "run").string());
    ASSERT_EQ(run.exit_code, 0) << run.output;
    const auto shot =
        testing::run_command(std::string("\"") + LAMBDASIM_DASHBOARD_PATH + "\" " + (temp / "run").string() +
                             " --screenshot " + (temp / "x.png").string() + " --view nope");
    EXPECT_EQ(shot.exit_code, 1);
    EXPECT_NE(shot.output.find("unknown view"), std::string::npos) << shot.output;
}

}  // namespace
}  // namespace lambdasim::gui
