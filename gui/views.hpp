#pragma once
// The dashboard's tabs. Each view shows one results folder (`a`), or two overlaid for
// comparison (`b`, drawn thinner and named "[B]" in legends); show_results rebuilds it.
#include <QLabel>
#include <QWidget>

#include <vector>

#include "results_data.hpp"
#include "time_chart.hpp"

class QTableWidget;
class QGraphicsView;
class QChartView;
class QCheckBox;

namespace lambdasim::gui {

class View : public QWidget {
    Q_OBJECT
public:
    using QWidget::QWidget;
    virtual void show_results(const ResultsData& a, const ResultsData* b) = 0;
    // The time charts, for the shared time axis (and tests).
    virtual std::vector<TimeChart*> time_charts() const { return {}; }
};

class OverviewView : public View {
    Q_OBJECT
public:
    explicit OverviewView(QWidget* parent = nullptr);
    void show_results(const ResultsData& a, const ResultsData* b) override;
    QTableWidget* functions_table() const { return functions_; }
    QTableWidget* entry_points_table() const { return entry_points_; }
    QGraphicsView* topology() const { return topology_; }

private:
    QLabel* heading_;
    QTableWidget* functions_;
    QTableWidget* entry_points_;
    QGraphicsView* topology_;
};

class ConcurrencyView : public View {
    Q_OBJECT
public:
    explicit ConcurrencyView(QWidget* parent = nullptr);
    void show_results(const ResultsData& a, const ResultsData* b) override;
    std::vector<TimeChart*> time_charts() const override { return {chart_}; }

private:
    TimeChart* chart_;
};

class ThrottlesView : public View {
    Q_OBJECT
public:
    explicit ThrottlesView(QWidget* parent = nullptr);
    void show_results(const ResultsData& a, const ResultsData* b) override;
    std::vector<TimeChart*> time_charts() const override { return {chart_}; }

private:
    TimeChart* chart_;
};

class LatencyView : public View {
    Q_OBJECT
public:
    explicit LatencyView(QWidget* parent = nullptr);
    void show_results(const ResultsData& a, const ResultsData* b) override;
    std::vector<TimeChart*> time_charts() const override { return {latency_, duration_}; }
    QChartView* cdf() const { return cdf_; }
    QCheckBox* log_scale() const { return log_scale_; }

private:
    void apply_cdf_scale();
    QCheckBox* log_scale_;
    TimeChart* latency_;
    TimeChart* duration_;
    QChartView* cdf_;
    double cdf_min_positive_ = 0;
    double cdf_max_ = 1;
};

class ColdStartsView : public View {
    Q_OBJECT
public:
    explicit ColdStartsView(QWidget* parent = nullptr);
    void show_results(const ResultsData& a, const ResultsData* b) override;
    std::vector<TimeChart*> time_charts() const override { return {starts_, init_}; }

private:
    TimeChart* starts_;
    TimeChart* init_;
};

class QueuesView : public View {
    Q_OBJECT
public:
    explicit QueuesView(QWidget* parent = nullptr);
    void show_results(const ResultsData& a, const ResultsData* b) override;
    std::vector<TimeChart*> time_charts() const override { return {chart_}; }

private:
    QLabel* label_;
    TimeChart* chart_;
};

// Compare mode: key figures of A and B side by side with their differences.
class DifferencesView : public View {
    Q_OBJECT
public:
    explicit DifferencesView(QWidget* parent = nullptr);
    void show_results(const ResultsData& a, const ResultsData* b) override;
    QTableWidget* table() const { return table_; }

private:
    QLabel* heading_;
    QTableWidget* table_;
};

}  // namespace lambdasim::gui
