#include "time_chart.hpp"

#include <QCursor>
#include <QLogValueAxis>
#include <QMouseEvent>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <iterator>

#include "downsample.hpp"

namespace lambdasim::gui {

TimeChart::TimeChart(const QString& title, const QString& y_title, QWidget* parent)
    : QChartView(parent), chart_(new QChart), x_axis_(new QValueAxis), y_axis_(new QValueAxis), y_title_(y_title) {
    chart_->setTitle(title);
    chart_->legend()->setAlignment(Qt::AlignBottom);
    chart_->setAnimationOptions(QChart::NoAnimation);
    x_axis_->setTitleText("simulated time (s)");
    x_axis_->setLabelFormat("%.0f");
    y_axis_->setTitleText(y_title);
    static_cast<QValueAxis*>(y_axis_)->setLabelFormat("%.0f");
    chart_->addAxis(x_axis_, Qt::AlignBottom);
    chart_->addAxis(y_axis_, Qt::AlignLeft);
    setChart(chart_);
    setRenderHint(QPainter::Antialiasing, false);
    setRubberBand(QChartView::NoRubberBand);
    setMinimumSize(200, 150);
    // The plot area is known only after the chart's layout: resample when its width changes.
    // Queued, and judged by the plot area at delivery: resampling changes the y axis, which
    // moves the plot area back and forth while the chart lays itself out again.
    connect(
        chart_, &QChart::plotAreaChanged, this,
        [this](const QRectF&) {
            const auto w = static_cast<std::size_t>(chart_->plotArea().width());
            if (w > 50 && (w + 4 < sampled_width_ || w > sampled_width_ + 4)) resample();
        },
        Qt::QueuedConnection);
}

void TimeChart::clear() {
    chart_->removeAllSeries();
    curves_.clear();
    series_.clear();
}

void TimeChart::add_curve(Curve curve) {
    auto* series = new QLineSeries;
    series->setName(curve.name);
    series->setPen(curve.pen);
    chart_->addSeries(series);
    connect(series, &QLineSeries::hovered, this, [this, series](const QPointF& point, bool state) {
        if (!state) {
            QToolTip::hideText();
            return;
        }
        QToolTip::showText(
            QCursor::pos(),
            QString("%1\nt = %2 s: %3").arg(series->name()).arg(point.x(), 0, 'f', 0).arg(point.y(), 0, 'g', 6));
    });
    series->attachAxis(x_axis_);
    series->attachAxis(y_axis_);
    curves_.push_back(std::move(curve));
    series_.push_back(series);
}

void TimeChart::add_level(const QString& name, double y, double span_s, const QPen& pen) {
    add_curve({name, {0.0, span_s}, {y, y}, pen});
}

void TimeChart::set_log_scale(bool log) {
    if (log == log_y_) return;
    log_y_ = log;
    QAbstractAxis* fresh;
    if (log) {
        auto* axis = new QLogValueAxis;
        axis->setBase(10);
        axis->setLabelFormat("%g");
        axis->setMinorTickCount(-1);
        axis->setTitleText(y_title_ + " (log)");
        fresh = axis;
    } else {
        auto* axis = new QValueAxis;
        axis->setLabelFormat("%.0f");
        axis->setTitleText(y_title_);
        fresh = axis;
    }
    for (QLineSeries* s : series_) s->detachAxis(y_axis_);
    chart_->removeAxis(y_axis_);
    delete y_axis_;
    y_axis_ = fresh;
    chart_->addAxis(y_axis_, Qt::AlignLeft);
    for (QLineSeries* s : series_) s->attachAxis(y_axis_);
    resample();
}

void TimeChart::set_span(double span_s) {
    span_ = span_s > 0 ? span_s : 1;
    set_x_range(0, span_);
}

void TimeChart::set_x_range(double x_min, double x_max) {
    if (!(x_max > x_min)) x_max = x_min + 1;
    x_min_ = x_min;
    x_max_ = x_max;
    // Ticks on round simulated times (10 s, 1 min, 1 h...), about 6-12 across the view.
    static constexpr double kSteps[] = {0.001, 0.002, 0.005, 0.01, 0.02, 0.05,  0.1,   0.2,   0.5,
                                        1,     2,     5,     10,   15,   30,    60,    120,   300,
                                        600,   900,   1800,  3600, 7200, 10800, 21600, 43200, 86400};
    double step = kSteps[std::size(kSteps) - 1];
    for (double s : kSteps)
        if ((x_max - x_min) / s <= 12) {
            step = s;
            break;
        }
    x_axis_->setTickType(QValueAxis::TicksDynamic);
    x_axis_->setTickAnchor(0);
    x_axis_->setTickInterval(step);
    x_axis_->setLabelFormat(step < 1 ? "%.3g" : "%.0f");
    x_axis_->setRange(x_min, x_max);
    resample();
}

std::size_t TimeChart::pixel_width() const {
    const double plot = chart_->plotArea().width();
    const double w = plot > 50 ? plot : std::max(width() - 100, 400);
    return static_cast<std::size_t>(w);
}

void TimeChart::resample() {
    if (resampling_) return;
    resampling_ = true;
    const std::size_t buckets = pixel_width();
    sampled_width_ = buckets;
    double y_max = 0, y_min = 0, y_min_positive = 0;
    for (std::size_t i = 0; i < curves_.size(); ++i) {
        const auto points = downsample_min_max(curves_[i].x, curves_[i].y, x_min_, x_max_, buckets);
        QList<QPointF> list;
        list.reserve(static_cast<qsizetype>(points.size()));
        for (const auto& p : points) {
            if (!std::isfinite(p.y) || (log_y_ && p.y <= 0)) continue;  // a log axis cannot show 0 ("no data")
            list.append(QPointF(p.x, p.y));
            y_max = std::max(y_max, p.y);
            y_min = std::min(y_min, p.y);
            if (p.y > 0 && (y_min_positive == 0 || p.y < y_min_positive)) y_min_positive = p.y;
        }
        series_[i]->replace(list);
    }
    if (auto* log_axis = qobject_cast<QLogValueAxis*>(y_axis_)) {
        const double lo = y_min_positive > 0 ? y_min_positive : 1;
        log_axis->setRange(std::pow(10, std::floor(std::log10(lo))),
                           std::pow(10, std::ceil(std::log10(std::max(y_max, lo * 10)))));
    } else if (auto* linear = qobject_cast<QValueAxis*>(y_axis_)) {
        if (y_max <= y_min) y_max = y_min + 1;
        linear->setRange(y_min, y_max * 1.08);
        linear->applyNiceNumbers();
    }
    resampling_ = false;
}

void TimeChart::user_range(double x_min, double x_max) {
    const double width = std::clamp(x_max - x_min, std::min(span_, 1e-3 * span_ + 1e-9), span_);
    x_min = std::clamp(x_min, 0.0, span_ - width);
    set_x_range(x_min, x_min + width);
    emit user_changed_range(x_min_, x_max_);
}

void TimeChart::wheelEvent(QWheelEvent* event) {
    const QRectF plot = chart_->plotArea();
    const double fraction = std::clamp((event->position().x() - plot.left()) / std::max(plot.width(), 1.0), 0.0, 1.0);
    const double anchor = x_min_ + fraction * (x_max_ - x_min_);
    const double factor = std::pow(0.85, event->angleDelta().y() / 120.0);
    user_range(anchor - (anchor - x_min_) * factor, anchor + (x_max_ - anchor) * factor);
    event->accept();
}

void TimeChart::mousePressEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton) {
        dragging_ = true;
        drag_start_x_ = event->position().x();
        drag_start_min_ = x_min_;
        drag_start_max_ = x_max_;
        setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QChartView::mousePressEvent(event);
}

void TimeChart::mouseMoveEvent(QMouseEvent* event) {
    if (dragging_) {
        const double per_pixel = (drag_start_max_ - drag_start_min_) / std::max(chart_->plotArea().width(), 1.0);
        const double shift = (drag_start_x_ - event->position().x()) * per_pixel;
        user_range(drag_start_min_ + shift, drag_start_max_ + shift);
        event->accept();
        return;
    }
    QChartView::mouseMoveEvent(event);
}

void TimeChart::mouseReleaseEvent(QMouseEvent* event) {
    if (dragging_ && event->button() == Qt::LeftButton) {
        dragging_ = false;
        unsetCursor();
        event->accept();
        return;
    }
    QChartView::mouseReleaseEvent(event);
}

void TimeChart::mouseDoubleClickEvent(QMouseEvent* event) {
    user_range(0, span_);
    event->accept();
}

void TimeAxisSync::add(TimeChart* chart) {
    charts_.push_back(chart);
    connect(chart, &TimeChart::user_changed_range, this, &TimeAxisSync::set_range);
}

void TimeAxisSync::set_range(double x_min, double x_max) {
    for (TimeChart* c : charts_)
        if (c->x_min() != x_min || c->x_max() != x_max) c->set_x_range(x_min, x_max);
}

void TimeAxisSync::reset() {
    for (TimeChart* c : charts_) c->set_x_range(0, c->span());
}

QColor entity_colour(int index) {
    static const QColor kColours[] = {QColor(31, 119, 180),  QColor(255, 127, 14), QColor(44, 160, 44),
                                      QColor(148, 103, 189), QColor(140, 86, 75),  QColor(227, 119, 194),
                                      QColor(127, 127, 127), QColor(188, 189, 34), QColor(23, 190, 207)};
    return kColours[static_cast<std::size_t>(index) % (sizeof kColours / sizeof kColours[0])];
}

}  // namespace lambdasim::gui
