// The time-series tabs: concurrency, throttles, latency, cold starts, queues.
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QSplitter>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

#include "lambdasim/engine/time.hpp"
#include "views.hpp"

namespace lambdasim::gui {
namespace {

constexpr const char* kThrottleReasonPrefix = "Throttles_";

// B (the compared run) is drawn thinner and lighter, and named "[B]".
QPen run_pen(QColor colour, bool is_b, Qt::PenStyle style = Qt::SolidLine, qreal width = 2) {
    if (is_b) {
        colour = colour.value() < 60 ? QColor(130, 130, 130) : colour.lighter(140);  // lighter() keeps black black
        width = std::max<qreal>(1, width - 1);
    }
    QPen pen(colour, width, style);
    pen.setCosmetic(true);
    return pen;
}

QString run_name(const QString& name, bool is_b) { return is_b ? name + " [B]" : name; }

Curve curve_of(const TimeSeries& s, const QString& name, const QPen& pen) { return {name, s.time_s, s.value, pen}; }

double span_of(const ResultsData& a, const ResultsData* b) { return std::max(a.end_s, b ? b->end_s : 0.0); }

QWidget* stack(QWidget* parent, std::initializer_list<QWidget*> widgets) {
    auto* layout = new QVBoxLayout(parent);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* splitter = new QSplitter(Qt::Vertical, parent);
    for (QWidget* w : widgets) splitter->addWidget(w);
    layout->addWidget(splitter);
    return splitter;
}

// For each run (A, then B when comparing): calls add(data, is_b).
template <typename Add>
void for_each_run(const ResultsData& a, const ResultsData* b, Add add) {
    add(a, false);
    if (b) add(*b, true);
}

}  // namespace

ConcurrencyView::ConcurrencyView(QWidget* parent)
    : View(parent), chart_(new TimeChart("Concurrent executions (max per period) against the limits", "executions")) {
    stack(this, {chart_});
}

void ConcurrencyView::show_results(const ResultsData& a, const ResultsData* b) {
    chart_->clear();
    const double span = span_of(a, b);
    for_each_run(a, b, [&](const ResultsData& d, bool is_b) {
        for (std::size_t i = 0; i < d.functions.size(); ++i) {
            const QString name = QString::fromStdString(d.functions[i]);
            const QColor colour = entity_colour(static_cast<int>(i));
            if (const auto* s = d.find(d.functions[i], "ConcurrentExecutions"))
                chart_->add_curve(curve_of(*s, run_name(name, is_b), run_pen(colour, is_b)));
            const FunctionSpec* f = d.spec ? d.spec->find_function(d.functions[i]) : nullptr;
            if (f && f->reserved_concurrency)
                chart_->add_level(run_name(name + " reserved cap " + QString::number(*f->reserved_concurrency), is_b),
                                  *f->reserved_concurrency, span, run_pen(colour, is_b, Qt::DashLine));
            if (f && f->max_provisioned() > 0) {
                Curve level{run_name(name + " provisioned level", is_b), {}, {}, run_pen(colour, is_b, Qt::DotLine)};
                double current = 0;
                for (const auto& step : f->provisioned_concurrency) {  // a step function of the schedule
                    const double at = to_seconds(step.at);
                    level.x.insert(level.x.end(), {at, at});
                    level.y.insert(level.y.end(), {current, static_cast<double>(step.level)});
                    current = step.level;
                }
                level.x.push_back(span);
                level.y.push_back(current);
                chart_->add_curve(std::move(level));
            }
        }
        if (const auto* s = d.find("account", "ConcurrentExecutions"))
            chart_->add_curve(
                curve_of(*s, run_name("account total", is_b), run_pen(Qt::black, is_b, Qt::SolidLine, 1)));
        const int limit = d.concurrency_limit();
        if (limit > 0)
            chart_->add_level(run_name("account limit " + QString::number(limit), is_b), limit, span,
                              run_pen(Qt::red, is_b, Qt::DashLine));
        const int unreserved =
            d.summary.contains("account") ? d.summary["account"].value("unreserved_concurrency", 0) : 0;
        if (unreserved > 0 && unreserved != limit)
            chart_->add_level(run_name("unreserved pool " + QString::number(unreserved), is_b), unreserved, span,
                              run_pen(Qt::darkRed, is_b, Qt::DashDotLine));
    });
    chart_->set_span(span);
}

ThrottlesView::ThrottlesView(QWidget* parent)
    : View(parent), chart_(new TimeChart("Throttles per period, by reason", "throttled attempts per period")) {
    stack(this, {chart_});
}

void ThrottlesView::show_results(const ResultsData& a, const ResultsData* b) {
    chart_->clear();
    int shown = 0;
    for_each_run(a, b, [&](const ResultsData& d, bool is_b) {
        int style = 0;
        for (std::size_t i = 0; i < d.functions.size(); ++i) {
            const auto metrics = d.series.find(d.functions[i]);
            if (metrics == d.series.end()) continue;
            for (const auto& [metric, s] : metrics->second) {
                if (metric.rfind(kThrottleReasonPrefix, 0) != 0 || s.total() <= 0) continue;  // only reasons that occur
                const QString reason =
                    QString::fromStdString(metric.substr(std::string_view(kThrottleReasonPrefix).size()));
                static constexpr Qt::PenStyle kStyles[] = {Qt::SolidLine, Qt::DashLine, Qt::DotLine, Qt::DashDotLine,
                                                           Qt::DashDotDotLine};
                chart_->add_curve(curve_of(s, run_name(QString::fromStdString(d.functions[i]) + " · " + reason, is_b),
                                           run_pen(entity_colour(static_cast<int>(i)), is_b, kStyles[style++ % 5])));
                ++shown;
            }
        }
    });
    chart_->chart()->setTitle(
        shown ? "Throttles per period, by reason (the Throttles_&lt;Reason&gt; metrics; only reasons that occur)"
              : "Throttles per period, by reason: no throttles in this run");
    chart_->set_span(span_of(a, b));
}

LatencyView::LatencyView(QWidget* parent)
    : View(parent),
      latency_(new TimeChart("Entry-point latency per period (first attempt to response, retries included)", "ms")),
      duration_(new TimeChart("Function duration per period (handler time, init excluded)", "ms")),
      cdf_(new QChartView) {
    cdf_->setMinimumSize(200, 150);
    auto* log_scale = new QCheckBox(
        "logarithmic ms axes (latencies of different entry points often differ by orders of "
        "magnitude; periods without data are left out)");
    connect(log_scale, &QCheckBox::toggled, this, [this](bool log) {
        latency_->set_log_scale(log);
        duration_->set_log_scale(log);
        apply_cdf_scale();
    });
    auto* charts = new QWidget;
    stack(charts, {latency_, duration_, cdf_});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(log_scale);
    layout->addWidget(charts, 1);
    log_scale_ = log_scale;
}

void LatencyView::show_results(const ResultsData& a, const ResultsData* b) {
    latency_->clear();
    duration_->clear();
    auto* cdf = new QChart;
    cdf->setTitle(
        "Latency CDF, APPROXIMATED from 4 summary percentiles (p50, p90, p99, max) joined by straight "
        "lines; not the measured distribution");
    cdf->legend()->setAlignment(Qt::AlignBottom);
    auto* cdf_x = new QValueAxis;
    cdf_x->setTitleText("latency (ms)");
    cdf_x->setLabelFormat("%.0f");
    auto* cdf_y = new QValueAxis;
    cdf_y->setTitleText("fraction");
    cdf_y->setRange(0, 1);
    cdf->addAxis(cdf_x, Qt::AlignBottom);
    cdf->addAxis(cdf_y, Qt::AlignLeft);
    double cdf_max = 1, cdf_min_positive = 0;
    for_each_run(a, b, [&](const ResultsData& d, bool is_b) {
        for (std::size_t i = 0; i < d.entry_points.size(); ++i) {
            const std::string& e = d.entry_points[i];
            const QString name = QString::fromStdString(e);
            const QColor colour = entity_colour(static_cast<int>(d.functions.size() + i));
            if (const auto* s = d.find(e, "Latency_p99"))
                latency_->add_curve(curve_of(*s, run_name(name + " p99", is_b), run_pen(colour, is_b)));
            if (const auto* s = d.find(e, "Latency_p50"))
                latency_->add_curve(
                    curve_of(*s, run_name(name + " p50", is_b), run_pen(colour, is_b, Qt::DashLine, 1)));
            const auto& ep = json_at(d.summary, {"entry_points", e});
            if (!ep.is_object() || ep.value("succeeded", 0) <= 0) continue;
            const auto& l = json_at(ep, {"latency_ms"});
            if (!l.is_object()) continue;
            auto* series = new QLineSeries;
            series->setName(run_name(name, is_b));
            series->setPen(run_pen(colour, is_b));
            const std::pair<const char*, double> quantiles[] = {
                {"p50", 0.5}, {"p90", 0.9}, {"p99", 0.99}, {"max", 1.0}};
            for (const auto& [key, q] : quantiles) {
                const double ms = l.value(key, 0.0);
                series->append(ms, q);
                cdf_max = std::max(cdf_max, ms);
                if (ms > 0 && (cdf_min_positive == 0 || ms < cdf_min_positive)) cdf_min_positive = ms;
            }
            cdf->addSeries(series);
            series->attachAxis(cdf_x);
            series->attachAxis(cdf_y);
        }
        for (std::size_t i = 0; i < d.functions.size(); ++i) {
            const QString name = QString::fromStdString(d.functions[i]);
            const QColor colour = entity_colour(static_cast<int>(i));
            if (const auto* s = d.find(d.functions[i], "Duration_p99"))
                duration_->add_curve(curve_of(*s, run_name(name + " p99", is_b), run_pen(colour, is_b)));
            if (const auto* s = d.find(d.functions[i], "Duration_p50"))
                duration_->add_curve(
                    curve_of(*s, run_name(name + " p50", is_b), run_pen(colour, is_b, Qt::DashLine, 1)));
        }
    });
    cdf_x->setRange(0, cdf_max * 1.05);
    cdf_x->applyNiceNumbers();
    cdf_min_positive_ = cdf_min_positive;
    cdf_max_ = cdf_max;
    QChart* old = cdf_->chart();
    cdf_->setChart(cdf);
    delete old;
    apply_cdf_scale();
    const double span = span_of(a, b);
    latency_->set_span(span);
    duration_->set_span(span);
}

// The CDF's latency axis follows the "logarithmic" box, like the time charts' y axes.
void LatencyView::apply_cdf_scale() {
    QChart* chart = cdf_->chart();
    const auto axes = chart->axes(Qt::Horizontal);
    if (axes.isEmpty()) return;
    QAbstractAxis* old = axes.front();
    const bool log = log_scale_->isChecked();
    if (log == (qobject_cast<QLogValueAxis*>(old) != nullptr)) return;
    QAbstractAxis* fresh;
    if (log) {
        auto* axis = new QLogValueAxis;
        axis->setBase(10);
        axis->setLabelFormat("%g");
        axis->setMinorTickCount(-1);
        const double lo = cdf_min_positive_ > 0 ? cdf_min_positive_ : 1;
        axis->setRange(std::pow(10, std::floor(std::log10(lo))),
                       std::pow(10, std::ceil(std::log10(std::max(cdf_max_, lo * 10)))));
        axis->setTitleText("latency (ms, log)");
        fresh = axis;
    } else {
        auto* axis = new QValueAxis;
        axis->setLabelFormat("%.0f");
        axis->setRange(0, cdf_max_ * 1.05);
        axis->applyNiceNumbers();
        axis->setTitleText("latency (ms)");
        fresh = axis;
    }
    const auto series = chart->series();
    for (QAbstractSeries* s : series) s->detachAxis(old);
    chart->removeAxis(old);
    delete old;
    chart->addAxis(fresh, Qt::AlignBottom);
    for (QAbstractSeries* s : series) s->attachAxis(fresh);
}

ColdStartsView::ColdStartsView(QWidget* parent)
    : View(parent),
      starts_(new TimeChart("Cold starts (solid) and warm starts = Invocations − ColdStarts (dashed) per period",
                            "invocations per period")),
      init_(new TimeChart("Init duration p99 per period (cold starts only)", "ms")) {
    stack(this, {starts_, init_});
}

void ColdStartsView::show_results(const ResultsData& a, const ResultsData* b) {
    starts_->clear();
    init_->clear();
    for_each_run(a, b, [&](const ResultsData& d, bool is_b) {
        for (std::size_t i = 0; i < d.functions.size(); ++i) {
            const std::string& f = d.functions[i];
            const QString name = QString::fromStdString(f);
            const QColor colour = entity_colour(static_cast<int>(i));
            const auto* cold = d.find(f, "ColdStarts");
            const auto* invocations = d.find(f, "Invocations");
            if (cold) starts_->add_curve(curve_of(*cold, run_name(name + " cold", is_b), run_pen(colour, is_b)));
            if (cold && invocations && cold->size() == invocations->size()) {
                Curve warm{run_name(name + " warm", is_b), invocations->time_s, invocations->value,
                           run_pen(colour, is_b, Qt::DashLine, 1)};
                for (std::size_t k = 0; k < warm.y.size(); ++k) warm.y[k] -= cold->value[k];
                starts_->add_curve(std::move(warm));
            }
            if (const auto* s = d.find(f, "InitDuration_p99"))
                init_->add_curve(curve_of(*s, run_name(name + " init p99", is_b), run_pen(colour, is_b)));
        }
    });
    const double span = span_of(a, b);
    starts_->set_span(span);
    init_->set_span(span);
}

QueuesView::QueuesView(QWidget* parent)
    : View(parent), label_(new QLabel), chart_(new TimeChart("Queues and other entities: every metric", "value")) {
    auto* layout = new QVBoxLayout(this);
    label_->setAlignment(Qt::AlignCenter);
    label_->setWordWrap(true);
    layout->addWidget(label_);
    layout->addWidget(chart_, 1);
}

void QueuesView::show_results(const ResultsData& a, const ResultsData* b) {
    // Queue metrics (SQS queues, async event queues) are not written yet. Until they have a
    // view of their own, any entity that is neither a function, an entry point nor the
    // account is drawn here, every metric as a line, so new metrics are never invisible.
    chart_->clear();
    int colour = 0;
    for_each_run(a, b, [&](const ResultsData& d, bool is_b) {
        for (const auto& [entity, metrics] : d.series) {
            if (entity == "account" || std::find(d.functions.begin(), d.functions.end(), entity) != d.functions.end() ||
                std::find(d.entry_points.begin(), d.entry_points.end(), entity) != d.entry_points.end())
                continue;
            for (const auto& [metric, s] : metrics)
                chart_->add_curve(curve_of(s, run_name(QString::fromStdString(entity + " · " + metric), is_b),
                                           run_pen(entity_colour(colour++), is_b)));
        }
    });
    chart_->set_span(span_of(a, b));
    chart_->setVisible(chart_->curve_count() > 0);
    label_->setText(chart_->curve_count() > 0
                        ? QString("Entities that are not functions or entry points (a generic view until queues have "
                                  "their own):")
                        : QString("<h3>No queues in this run</h3><p>Queue metrics (SQS queues, async event queues) are "
                                  "not simulated yet.</p>"));
    label_->setSizePolicy(QSizePolicy::Preferred,
                          chart_->curve_count() > 0 ? QSizePolicy::Maximum : QSizePolicy::Expanding);
}

}  // namespace lambdasim::gui
