// The Overview tab (key figures and topology) and compare mode's Differences tab.
#include <QGraphicsRectItem>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsView>
#include <QHeaderView>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

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

// Sources on the left, (API Gateway in the middle when used), functions on the right.
void draw_topology(QGraphicsScene& scene, const ResultsData& d) {
    scene.clear();
    if (!d.spec) {
        scene.addSimpleText("topology unknown: " + QString::fromStdString(d.spec_warning));
        return;
    }
    const ScenarioSpec& spec = *d.spec;
    constexpr double kBoxW = 230, kBoxH = 42, kGapY = 16, kSourceX = 0, kGatewayX = 300, kFunctionX = 600;
    auto box = [&](double x, double y, const QString& title, const QString& detail, QColor colour, bool alarm = false) {
        auto* rect = scene.addRect(x, y, kBoxW, kBoxH, QPen(colour.darker(130), 1.5), QBrush(colour.lighter(175)));
        rect->setToolTip(detail);
        auto* t = scene.addSimpleText(title);
        QFont bold = t->font();
        bold.setBold(true);
        t->setFont(bold);
        t->setPos(x + 6, y + 3);
        auto* dt = scene.addSimpleText(detail);
        dt->setPos(x + 6, y + 22);
        if (alarm) dt->setBrush(QColor(200, 30, 30));
        return QPointF(x, y + kBoxH / 2);
    };
    auto arrow = [&](QPointF from, QPointF to) {
        const QPen pen(QColor(90, 90, 90), 1.5);
        scene.addLine(QLineF(from, to), pen);
        const QLineF line(to, from);
        const double angle = std::atan2(-line.dy(), line.dx());
        const QPointF a = to + QPointF(std::sin(angle + M_PI / 3) * 8, std::cos(angle + M_PI / 3) * 8);
        const QPointF b = to + QPointF(std::sin(angle + M_PI - M_PI / 3) * 8, std::cos(angle + M_PI - M_PI / 3) * 8);
        scene.addPolygon(QPolygonF({to, a, b}), pen, QBrush(pen.color()));
    };
    std::map<std::string, QPointF> function_at;
    for (std::size_t i = 0; i < spec.functions.size(); ++i) {
        const FunctionSpec& f = spec.functions[i];
        QString detail = QString("%1 MB").arg(f.memory_mb);
        if (f.reserved_concurrency) detail += QString(", reserved %1").arg(*f.reserved_concurrency);
        if (f.max_provisioned() > 0) detail += QString(", PC %1").arg(f.max_provisioned());
        const double throttles = number(json_at(d.summary, {"functions", f.name}), {"throttles"});
        if (throttles > 0) detail += QString(", %1 throttles").arg(count_text(throttles));
        function_at[f.name] = box(kFunctionX, static_cast<double>(i) * (kBoxH + kGapY), QString::fromStdString(f.name),
                                  detail, entity_colour(static_cast<int>(i)), throttles > 0);
    }
    bool any_gateway = false;
    for (const auto& t : spec.traffic) any_gateway = any_gateway || t.via_api_gateway;
    QPointF gateway;
    if (any_gateway) gateway = box(kGatewayX, 0, "API Gateway", "throttle + 29 s timeout", QColor(200, 200, 200));
    for (std::size_t i = 0; i < spec.traffic.size(); ++i) {
        const TrafficSourceSpec& t = spec.traffic[i];
        const QPointF at = box(kSourceX, static_cast<double>(i) * (kBoxH + kGapY), QString::fromStdString(t.name),
                               QString("sync, %1 attempts").arg(t.client.max_attempts),
                               entity_colour(static_cast<int>(spec.functions.size() + i)));
        const auto target = function_at.find(t.target.function);
        if (target == function_at.end()) continue;
        if (t.via_api_gateway) {
            arrow(at + QPointF(kBoxW, 0), gateway);
            arrow(gateway + QPointF(kBoxW, 0), target->second);
        } else {
            arrow(at + QPointF(kBoxW, 0), target->second);
        }
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
