// The Overview tab's topology: the scenario's whole graph (sources, functions, queues, topics,
// buckets, tables) with labelled edges and what went wrong written in each box.
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsView>

#include <gtest/gtest.h>

#include "dashboard_window.hpp"
#include "gui_test_support.hpp"
#include "views.hpp"

namespace lambdasim::gui {
namespace {

using testing::scenario_path;
using testing::TempFolder;

QStringList scene_texts(OverviewView* overview) {
    QStringList texts;
    for (QGraphicsItem* item : overview->topology()->scene()->items())
        if (auto* text = dynamic_cast<QGraphicsSimpleTextItem*>(item)) texts << text->text();
    return texts;
}

bool has_text_starting(const QStringList& texts, const QString& start) {
    for (const QString& t : texts)
        if (t.startsWith(start)) return true;
    return false;
}

// thumbnail-pipeline for 3 min: two sources PUT into `uploads`, which notifies the
// thumbnailer; the thumbnailer GETs from `uploads`, PUTs into `thumbnails` and writes to the
// `metadata` table. The bulk import at 2 min is refused in part with SlowDown.
TEST(OverviewTopology, ShowsBucketsTablesAndCallsWithWhatWentWrong) {
    TempFolder temp("topology");
    const auto run = testing::run_cli("run " + scenario_path("thumbnail-pipeline.yaml") +
                                      " --duration 3min --quiet --out " + (temp / "run").string());
    ASSERT_EQ(run.exit_code, 0) << run.output;
    DashboardWindow window;
    ASSERT_TRUE(window.open_results(QString::fromStdString((temp / "run").string())));
    const QStringList texts = scene_texts(static_cast<OverviewView*>(window.view("overview")));
    for (const char* expected : {"users-uploading", "bulk-import", "uploads", "thumbnailer", "thumbnails", "metadata",
                                 "put", "notify async", "call 1: get (before)", "call 2: put", "call 3: write"})
        EXPECT_TRUE(texts.contains(expected)) << expected << " in " << texts.join(" | ").toStdString();
    EXPECT_TRUE(has_text_starting(texts, "bucket, ")) << texts.join(" | ").toStdString();
    EXPECT_TRUE(has_text_starting(texts, "table, ")) << texts.join(" | ").toStdString();
    EXPECT_TRUE(has_text_starting(texts, "1536 MB")) << texts.join(" | ").toStdString();
}

// sqs-reserved-trap: the redrive edge to the dead-letter queue is drawn and the DLQ's depth is
// written in its box.
TEST(OverviewTopology, ShowsTheDeadLetterQueueAndItsDepth) {
    TempFolder temp("topology-trap");
    const auto run = testing::run_cli("run " + scenario_path("sqs-reserved-trap.yaml") + " --duration 10min --quiet --out " +
                                      (temp / "run").string());
    ASSERT_EQ(run.exit_code, 0) << run.output;
    DashboardWindow window;
    ASSERT_TRUE(window.open_results(QString::fromStdString((temp / "run").string())));
    const QStringList texts = scene_texts(static_cast<OverviewView*>(window.view("overview")));
    EXPECT_TRUE(texts.contains("orders-dlq")) << texts.join(" | ").toStdString();
    EXPECT_TRUE(texts.contains("dlq after 3")) << texts.join(" | ").toStdString();
    EXPECT_TRUE(texts.contains("esm batch 10")) << texts.join(" | ").toStdString();
    EXPECT_TRUE(has_text_starting(texts, "queue, max depth ")) << texts.join(" | ").toStdString();
    // Only the dead-letter queue's box is red (it received messages); the work queue's is not.
    int red_queues = 0, queues = 0;
    for (QGraphicsItem* item : static_cast<OverviewView*>(window.view("overview"))->topology()->scene()->items())
        if (auto* text = dynamic_cast<QGraphicsSimpleTextItem*>(item); text && text->text().startsWith("queue, max depth")) {
            ++queues;
            if (text->brush().color() == QColor(200, 30, 30)) ++red_queues;
        }
    EXPECT_EQ(queues, 2);
    EXPECT_EQ(red_queues, 1);
}

}  // namespace
}  // namespace lambdasim::gui
