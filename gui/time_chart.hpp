#pragma once
// A line chart against simulated time that stays responsive for long runs: it keeps every
// curve's full data and gives Qt Charts only the min/max-per-pixel downsampling of the visible
// range (downsample.hpp), recomputed when the range or the size changes.
// Mouse: wheel zooms the time axis around the cursor, left-drag pans, double-click (or the
// "Reset zoom" action) shows the whole run. Charts joined by a TimeAxisSync zoom and pan together.
#include <QChartView>
#include <QLineSeries>
#include <QPen>
#include <QValueAxis>

#include <vector>

namespace lambdasim::gui {

struct Curve {
    QString name;
    std::vector<double> x;
    std::vector<double> y;
    QPen pen;
};

class TimeChart : public QChartView {
    Q_OBJECT
public:
    explicit TimeChart(const QString& title, const QString& y_title, QWidget* parent = nullptr);

    void clear();
    void add_curve(Curve curve);
    // A horizontal line across the whole run (a limit); `span_s` is the run's length.
    void add_level(const QString& name, double y, double span_s, const QPen& pen);
    // A logarithmic y axis (for latencies spanning orders of magnitude); points <= 0 are left out.
    void set_log_scale(bool log);
    bool log_scale() const { return log_y_; }
    // Sets the run's span [0, span_s] and shows all of it.
    void set_span(double span_s);
    void set_x_range(double x_min, double x_max);
    double x_min() const { return x_min_; }
    double x_max() const { return x_max_; }
    double span() const { return span_; }

    int curve_count() const { return static_cast<int>(curves_.size()); }
    const Curve& curve(int i) const { return curves_[static_cast<std::size_t>(i)]; }
    QLineSeries* series(int i) const { return series_[static_cast<std::size_t>(i)]; }

signals:
    // Emitted when the user zooms or pans (not when set_x_range is called).
    void user_changed_range(double x_min, double x_max);

protected:
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;

private:
    void resample();
    void user_range(double x_min, double x_max);
    std::size_t pixel_width() const;

    QChart* chart_;
    QValueAxis* x_axis_;
    QAbstractAxis* y_axis_;  // a QValueAxis, or a QLogValueAxis with set_log_scale(true)
    QString y_title_;
    bool log_y_ = false;
    std::vector<Curve> curves_;
    std::vector<QLineSeries*> series_;
    double span_ = 1;
    double x_min_ = 0;
    double x_max_ = 1;
    std::size_t sampled_width_ = 0;
    bool resampling_ = false;
    bool dragging_ = false;
    double drag_start_x_ = 0;
    double drag_start_min_ = 0;
    double drag_start_max_ = 0;
};

// Keeps the time axes of several charts (in several tabs) on the same range.
class TimeAxisSync : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    void add(TimeChart* chart);
    void clear() { charts_.clear(); }
    void set_range(double x_min, double x_max);
    void reset();  // every chart shows its whole run

private:
    std::vector<TimeChart*> charts_;
};

// Colours for entities, in a fixed order, so a function has the same colour in every view.
QColor entity_colour(int index);

}  // namespace lambdasim::gui
