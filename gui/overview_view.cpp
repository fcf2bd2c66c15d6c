// The Overview tab (key figures and topology) and compare mode's Differences tab.
#include <QGraphicsRectItem>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsView>
#include <QHeaderView>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <deque>

#include "lambdasim/scenario/topology.hpp"
#include "views.hpp"

namespace lambdasim::gui {
namespace {

using json = Json;

double number(const json& j, std::initializer_list<std::string_view> path) {
    const json& v = json_at(j, path);
    return v.is_number() ? v.get<double>() : 0.0;
}

QString count_text(double v) { return QLocale(QLocale::English).toString(static_cast<qlonglong>(std::llround(v))); }
QString ms_text(double v) { return QString::number(v, 'f', 1); }
QString percent_text(double v) { return QString::number(v, 'f', 2) + " %"; }

QTableWidgetItem* cell(const QString& text, bool numeric = true) {
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    if (numeric) item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

QTableWidget* make_table(const QStringList& headers) {
    auto* table = new QTableWidget(0, static_cast<int>(headers.size()));
    table->setHorizontalHeaderLabels(headers);
    table->verticalHeader()->setVisible(false);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(false);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setAlternatingRowColors(true);
    return table;
}

QString main_reason(const json& by_reason) {
    QString reason = "-";
    double most = 0;
    if (by_reason.is_object())
        for (const auto& [key, value] : by_reason.items())
            if (value.is_number() && value.get<double>() > most) {
                most = value.get<double>();
                reason = QString::fromStdString(key);
            }
    return reason;
}

// A queue where failures end up: some queue's dead-letter queue, an SNS subscription's, or a
// function's on-failure destination.
bool is_failure_sink(const ScenarioSpec& spec, const std::string& queue) {
    for (const QueueSpec& q : spec.queues)
        if (q.dead_letter_queue == queue) return true;
    for (const TopicSpec& t : spec.topics)
        for (const SubscriptionSpec& s : t.subscriptions)
            if (s.dead_letter_queue == queue) return true;
    for (const FunctionSpec& f : spec.functions)
        if (f.async.on_failure.kind == DestinationSpec::Kind::Queue && f.async.on_failure.name == queue) return true;
    return false;
}

// What a node's box says under its name — its settings and, from the summary, what went wrong
// — and whether that is a warning (throttles, losses, SlowDowns, a dead-letter queue that
// received messages), drawn in red.
struct NodeDetail {
    QString text;
    bool alarm = false;
};

NodeDetail node_detail(const TopologyNode& node, const ScenarioSpec& spec, const json& summary) {
    const std::string& name = node.name;
    switch (node.kind) {
        case TopologyNodeKind::Schedule:
            return {QString::fromStdString(node.detail)};
        case TopologyNodeKind::TrafficSource: {
            const double lost = number(json_at(summary, {"entry_points", name, "flow"}), {"lost"});
            const bool alarm = lost > 0 || number(json_at(summary, {"entry_points", name}), {"throttled"}) > 0;
            for (const TrafficSourceSpec& t : spec.traffic)
                if (t.name == name && t.target.is_sync_function())
                    return {QString("sync, %1 attempts").arg(t.client.max_attempts), alarm};
            return {lost > 0 ? QString("%1 lost").arg(count_text(lost)) : QString("asynchronous"), alarm};
        }
        case TopologyNodeKind::Function: {
            const FunctionSpec* f = spec.find_function(name);
            if (!f) return {};
            QString text = QString("%1 MB").arg(f->memory_mb);
            if (f->reserved_concurrency) text += QString(", reserved %1").arg(*f->reserved_concurrency);
            if (f->max_provisioned() > 0) text += QString(", PC %1").arg(f->max_provisioned());
            const double throttles = number(json_at(summary, {"functions", name}), {"throttles"});
            if (throttles > 0) text += QString(", %1 throttles").arg(count_text(throttles));
            return {text, throttles > 0};
        }
        case TopologyNodeKind::Queue: {
            const double depth = number(json_at(summary, {"queues", name}), {"max_depth"});
            return {QString("%1queue, max depth %2").arg(node.detail == "fifo" ? "FIFO " : "").arg(count_text(depth)),
                    depth > 0 && is_failure_sink(spec, name)};
        }
        case TopologyNodeKind::Topic:
            return {QString("topic, %1 published").arg(count_text(number(json_at(summary, {"topics", name}), {"published"})))};
        case TopologyNodeKind::Bucket: {
            const json& b = json_at(summary, {"buckets", name});
            const double slow = number(b, {"slow_down"}) + number(b, {"get_slow_down"});
            return {slow > 0 ? QString("bucket, %1 SlowDown").arg(count_text(slow))
                             : QString("bucket, %1 PUTs").arg(count_text(number(b, {"puts"}))),
                    slow > 0};
        }
        case TopologyNodeKind::Table: {
            const json& t = json_at(summary, {"tables", name});
            const double throttles = number(t, {"read_throttle_events"}) + number(t, {"write_throttle_events"});
            return {QString("table, %1 throttle events").arg(count_text(throttles)), throttles > 0};
        }
    }
    return {};
}

// The scenario's whole topology (the library's graph, as `lambdasim graph` prints it) in
// columns: traffic sources and schedules on the left, then each entity one column right of the
// nearest thing that sends to it; edges are labelled as in the DOT output.
void draw_topology(QGraphicsScene& scene, const ResultsData& d) {
    scene.clear();
    if (!d.spec) {
        scene.addSimpleText("topology unknown: " + QString::fromStdString(d.spec_warning));
        return;
    }
    const ScenarioSpec& spec = *d.spec;
    const TopologyGraph graph = build_topology(spec);
    const std::size_t n = boost::num_vertices(graph);

    // Column: breadth-first distance from the sources (nodes nothing reaches go last).
    std::vector<int> column(n, -1);
    std::deque<std::size_t> frontier;
    for (std::size_t v = 0; v < n; ++v)
        if (graph[v].kind == TopologyNodeKind::TrafficSource || graph[v].kind == TopologyNodeKind::Schedule) {
            column[v] = 0;
            frontier.push_back(v);
        }
    int last_column = 0;
    while (!frontier.empty()) {
        const std::size_t v = frontier.front();
        frontier.pop_front();
        for (const auto e : boost::make_iterator_range(boost::out_edges(v, graph))) {
            const std::size_t w = boost::target(e, graph);
            if (column[w] >= 0) continue;
            column[w] = column[v] + 1;
            last_column = std::max(last_column, column[w]);
            frontier.push_back(w);
        }
    }
    for (int& c : column)
        if (c < 0) c = last_column + 1;

    constexpr double kBoxW = 260, kBoxH = 42, kGapY = 16, kColumnW = 350;
    std::vector<int> rows_used(static_cast<std::size_t>(last_column) + 2, 0);
    std::vector<QPointF> left(n), right(n);
    int function_index = 0, source_index = static_cast<int>(spec.functions.size());
    for (std::size_t v = 0; v < n; ++v) {
        const TopologyNode& node = graph[v];
        const double x = column[v] * kColumnW;
        const double y = rows_used[static_cast<std::size_t>(column[v])]++ * (kBoxH + kGapY);
        QColor colour(200, 200, 200);
        if (node.kind == TopologyNodeKind::Function) colour = entity_colour(function_index++);
        if (node.kind == TopologyNodeKind::TrafficSource || node.kind == TopologyNodeKind::Schedule)
            colour = entity_colour(source_index++);
        const NodeDetail detail = node_detail(node, spec, d.summary);
        auto* rect = scene.addRect(x, y, kBoxW, kBoxH, QPen(colour.darker(130), 1.5), QBrush(colour.lighter(175)));
        rect->setToolTip(detail.text);
        auto* title = scene.addSimpleText(QString::fromStdString(node.name));
        QFont bold = title->font();
        bold.setBold(true);
        title->setFont(bold);
        title->setPos(x + 6, y + 3);
        auto* text = scene.addSimpleText(detail.text);
        text->setPos(x + 6, y + 22);
        if (detail.alarm) text->setBrush(QColor(200, 30, 30));
        left[v] = QPointF(x, y + kBoxH / 2);
        right[v] = QPointF(x + kBoxW, y + kBoxH / 2);
    }
    const QPen pen(QColor(90, 90, 90), 1.5);
    for (const auto e : boost::make_iterator_range(boost::edges(graph))) {
        const std::size_t from = boost::source(e, graph), to = boost::target(e, graph);
        // Forward edges run right edge -> left edge; an edge back (a dead-letter queue in the
        // same column, a call to a bucket upstream) runs between the nearer sides.
        const bool forward = column[to] > column[from];
        // A backward edge runs a little lower, so a pair of opposite edges stays readable.
        const QPointF drop(0, forward ? 0.0 : 10.0);
        const QPointF a = (forward || column[to] == column[from] ? right[from] : left[from]) + drop;
        const QPointF b = (forward ? left[to] : right[to]) + drop;
        QPen edge_pen = pen;
        const TopologyEdgeKind kind = graph[e].kind;
        if (kind == TopologyEdgeKind::DeadLetter || kind == TopologyEdgeKind::OnFailure) edge_pen.setStyle(Qt::DashLine);
        scene.addLine(QLineF(a, b), edge_pen);
        const QLineF line(b, a);
        const double angle = std::atan2(-line.dy(), line.dx());
        const QPointF p = b + QPointF(std::sin(angle + M_PI / 3) * 8, std::cos(angle + M_PI / 3) * 8);
        const QPointF q = b + QPointF(std::sin(angle + M_PI - M_PI / 3) * 8, std::cos(angle + M_PI - M_PI / 3) * 8);
        scene.addPolygon(QPolygonF({b, p, q}), pen, QBrush(pen.color()));
        auto* label = scene.addSimpleText(QString::fromStdString(graph[e].label));
        QFont small = label->font();
        small.setPointSizeF(small.pointSizeF() * 0.8);
        label->setFont(small);
        label->setBrush(QColor(90, 90, 90));
        label->setPos((a + b) / 2 + QPointF(-label->boundingRect().width() / 2, forward ? -14.0 : 1.0));
    }
    auto* account =
        scene.addSimpleText(QString("account: limit %1, unreserved minimum %2, scaling %3")
                                .arg(spec.account.concurrency_limit)
                                .arg(spec.account.unreserved_minimum)
                                .arg(spec.account.scaling.mode == ScalingMode::Legacy ? "legacy" : "per function"));
    account->setPos(0, scene.itemsBoundingRect().bottom() + 12);
}

}  // namespace

OverviewView::OverviewView(QWidget* parent)
    : View(parent),
      heading_(new QLabel),
      functions_(make_table({"function", "invocations", "throttles", "throttle rate", "cold starts", "peak conc.",
                             "p50 ms", "p99 ms", "errors", "timeouts", "main throttle reason"})),
      entry_points_(make_table(
          {"entry point", "requests", "succeeded", "failed", "throttled", "retries", "in flight", "p50 ms", "p99 ms"})),
      topology_(new QGraphicsView) {
    heading_->setWordWrap(true);
    heading_->setTextFormat(Qt::RichText);
    topology_->setScene(new QGraphicsScene(topology_));
    topology_->setRenderHint(QPainter::Antialiasing);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(heading_);
    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(functions_);
    splitter->addWidget(entry_points_);
    splitter->addWidget(topology_);
    layout->addWidget(splitter, 1);
    splitter->setSizes({220, 160, 400});
}

void OverviewView::show_results(const ResultsData& a, const ResultsData* b) {
    const json& s = a.summary;
    QString html = QString(
                       "<b>%1</b> &nbsp; seed %2, %3 s simulated, %4 events · account limit %5, peak concurrency %6, "
                       "throttles %7<br><small>%8</small>")
                       .arg(QString::fromStdString(a.scenario_name()).toHtmlEscaped())
                       .arg(QString::fromStdString(json_at(s, {"seed"}).dump()))
                       .arg(number(s, {"simulated_seconds"}))
                       .arg(count_text(number(s, {"engine", "events"})))
                       .arg(a.concurrency_limit())
                       .arg(count_text(number(s, {"account", "max_concurrent_executions"})))
                       .arg(count_text(number(s, {"account", "throttles"})))
                       .arg(QString::fromStdString(a.folder.string()).toHtmlEscaped());
    if (a.interrupted())
        html += "<br><span style='color:#b35900'><b>interrupted:</b> partial results up to " +
                QString::number(number(s, {"simulated_seconds"})) + " s</span>";
    if (json_at(s, {"invariants_ok"}).is_boolean() && !json_at(s, {"invariants_ok"}).get<bool>())
        html += "<br><span style='color:red'><b>an end-of-run invariant was broken</b></span>";
    if (!a.spec_warning.empty()) html += "<br><i>" + QString::fromStdString(a.spec_warning).toHtmlEscaped() + "</i>";
    if (b)
        html += "<br>compare mode: B = <b>" + QString::fromStdString(b->scenario_name()).toHtmlEscaped() + "</b> (" +
                QString::fromStdString(b->folder.string()).toHtmlEscaped() + "); see the Differences tab";
    heading_->setText(html);

    functions_->setRowCount(static_cast<int>(a.functions.size()));
    for (int row = 0; row < static_cast<int>(a.functions.size()); ++row) {
        const std::string& name = a.functions[static_cast<std::size_t>(row)];
        const json& f = json_at(s, {"functions", name});
        const double invocations = number(f, {"invocations"}), throttles = number(f, {"throttles"});
        const double attempts = invocations + throttles;
        const double rate = attempts > 0 ? 100.0 * throttles / attempts : 0.0;
        functions_->setItem(row, 0, cell(QString::fromStdString(name), false));
        functions_->setItem(row, 1, cell(count_text(invocations)));
        functions_->setItem(row, 2, cell(count_text(throttles)));
        auto* rate_cell = cell(percent_text(rate));
        if (throttles > 0) {  // any throttling is what this tool is about: make it impossible to miss
            rate_cell->setForeground(QColor(Qt::white));
            rate_cell->setBackground(QColor(200, 30, 30));
            QFont bold = rate_cell->font();
            bold.setBold(true);
            rate_cell->setFont(bold);
        }
        functions_->setItem(row, 3, rate_cell);
        functions_->setItem(row, 4, cell(count_text(number(f, {"cold_starts"}))));
        functions_->setItem(row, 5, cell(count_text(number(f, {"max_concurrent_executions"}))));
        functions_->setItem(row, 6, cell(ms_text(number(f, {"duration_ms", "p50"}))));
        functions_->setItem(row, 7, cell(ms_text(number(f, {"duration_ms", "p99"}))));
        functions_->setItem(row, 8, cell(count_text(number(f, {"errors"}))));
        functions_->setItem(row, 9, cell(count_text(number(f, {"timeouts"}))));
        functions_->setItem(row, 10, cell(main_reason(json_at(f, {"throttles_by_reason"})), false));
    }
    entry_points_->setRowCount(static_cast<int>(a.entry_points.size()));
    for (int row = 0; row < static_cast<int>(a.entry_points.size()); ++row) {
        const std::string& name = a.entry_points[static_cast<std::size_t>(row)];
        const json& e = json_at(s, {"entry_points", name});
        entry_points_->setItem(row, 0, cell(QString::fromStdString(name), false));
        const char* keys[] = {"requests", "succeeded", "failed", "throttled", "retries", "in_flight"};
        for (int k = 0; k < 6; ++k) entry_points_->setItem(row, k + 1, cell(count_text(number(e, {keys[k]}))));
        auto* throttled = entry_points_->item(row, 4);
        if (number(e, {"throttled"}) > 0) throttled->setForeground(QColor(200, 30, 30));
        entry_points_->setItem(row, 7, cell(ms_text(number(e, {"latency_ms", "p50"}))));
        entry_points_->setItem(row, 8, cell(ms_text(number(e, {"latency_ms", "p99"}))));
    }
    draw_topology(*topology_->scene(), a);
}

DifferencesView::DifferencesView(QWidget* parent)
    : View(parent), heading_(new QLabel), table_(make_table({"key figure", "A", "B", "B − A", "change"})) {
    auto* layout = new QVBoxLayout(this);
    heading_->setWordWrap(true);
    layout->addWidget(heading_);
    layout->addWidget(table_, 1);
}

void DifferencesView::show_results(const ResultsData& a, const ResultsData* b) {
    table_->setRowCount(0);
    if (!b) {
        heading_->setText(
            "Open two results folders (File ▸ Compare…, or two folders on the command line) to compare them.");
        return;
    }
    heading_->setText(QString("A = <b>%1</b> (%2)<br>B = <b>%3</b> (%4)")
                          .arg(QString::fromStdString(a.scenario_name()).toHtmlEscaped(),
                               QString::fromStdString(a.folder.string()).toHtmlEscaped(),
                               QString::fromStdString(b->scenario_name()).toHtmlEscaped(),
                               QString::fromStdString(b->folder.string()).toHtmlEscaped()));
    // Colour a difference only where its direction is clearly good or bad (more throttles, errors
    // or latency is worse; more invocations is neither by itself).
    enum class Worse { Higher, Neither };
    auto add = [&](const QString& label, double va, double vb, bool ms, Worse worse = Worse::Higher) {
        const int row = table_->rowCount();
        table_->insertRow(row);
        table_->setItem(row, 0, cell(label, false));
        table_->setItem(row, 1, cell(ms ? ms_text(va) : count_text(va)));
        table_->setItem(row, 2, cell(ms ? ms_text(vb) : count_text(vb)));
        const double diff = vb - va;
        table_->setItem(row, 3, cell((diff > 0 ? "+" : "") + (ms ? ms_text(diff) : count_text(diff))));
        table_->setItem(row, 4,
                        cell(va != 0 ? QString("%1%2 %").arg(diff > 0 ? "+" : "").arg(100.0 * diff / va, 0, 'f', 1)
                                     : (vb != 0 ? "new" : "")));
        if (diff != 0 && worse == Worse::Higher)
            table_->item(row, 3)->setForeground(diff > 0 ? QColor(190, 30, 30) : QColor(0, 120, 40));
    };
    add("account · peak concurrency", number(a.summary, {"account", "max_concurrent_executions"}),
        number(b->summary, {"account", "max_concurrent_executions"}), false, Worse::Neither);
    add("account · throttles", number(a.summary, {"account", "throttles"}),
        number(b->summary, {"account", "throttles"}), false);
    std::vector<std::string> functions = a.functions;
    for (const auto& f : b->functions)
        if (std::find(functions.begin(), functions.end(), f) == functions.end()) functions.push_back(f);
    for (const auto& name : functions) {
        const json& fa = json_at(a.summary, {"functions", name});
        const json& fb = json_at(b->summary, {"functions", name});
        const QString n = QString::fromStdString(name) + " · ";
        for (const char* key : {"invocations", "max_concurrent_executions"})
            add(n + key, number(fa, {key}), number(fb, {key}), false, Worse::Neither);
        for (const char* key : {"throttles", "cold_starts", "errors", "timeouts"})
            add(n + key, number(fa, {key}), number(fb, {key}), false);
        add(n + "duration p50 ms", number(fa, {"duration_ms", "p50"}), number(fb, {"duration_ms", "p50"}), true);
        add(n + "duration p99 ms", number(fa, {"duration_ms", "p99"}), number(fb, {"duration_ms", "p99"}), true);
    }
    std::vector<std::string> entries = a.entry_points;
    for (const auto& e : b->entry_points)
        if (std::find(entries.begin(), entries.end(), e) == entries.end()) entries.push_back(e);
    for (const auto& name : entries) {
        const json& ea = json_at(a.summary, {"entry_points", name});
        const json& eb = json_at(b->summary, {"entry_points", name});
        const QString n = QString::fromStdString(name) + " · ";
        for (const char* key : {"requests", "succeeded"})
            add(n + key, number(ea, {key}), number(eb, {key}), false, Worse::Neither);
        for (const char* key : {"failed", "throttled", "retries"})
            add(n + key, number(ea, {key}), number(eb, {key}), false);
        add(n + "latency p50 ms", number(ea, {"latency_ms", "p50"}), number(eb, {"latency_ms", "p50"}), true);
        add(n + "latency p99 ms", number(ea, {"latency_ms", "p99"}), number(eb, {"latency_ms", "p99"}), true);
    }
}

}  // namespace lambdasim::gui
