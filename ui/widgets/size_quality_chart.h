#pragma once
// File size against quality (perplexity, or mean KL divergence from the source) for the measured files:
// one labelled scatter series per file, and the Pareto front (the files no other file beats on both size
// and quality) drawn as a line through them. Hovering a point shows its numbers. Exports PNG (rendered)
// and SVG (written from the data, so it stays vector without the Qt SVG module).
#include <optional>
#include <utility>
#include <vector>

#include <QString>
#include <QWidget>

class QChart;
class QChartView;
class QLineSeries;
class QScatterSeries;
class QValueAxis;

namespace qf::ui {

struct ChartPoint {
    QString label; // "Q4_K_M"
    quint64 bytes = 0;
    double perplexity = 0.0;
    double perplexityError = 0.0;
    std::optional<double> meanKld; // the source has 0
    bool isSource = false;
};

class SizeQualityChart : public QWidget {
    Q_OBJECT

public:
    enum class Metric { Perplexity, Kld };

    explicit SizeQualityChart(QWidget* parent = nullptr);

    void setPoints(std::vector<ChartPoint> points);
    void setMetric(Metric metric);
    // The custom mix's predicted KLD over file sizes (bytes, KLD), drawn as a line beside the measured
    // points when the metric is KLD; empty: none. The axes follow the measured points.
    void setPredictedCurve(const QString& label, std::vector<std::pair<quint64, double>> points);
    Metric metric() const { return m_metric; }

    // Indices (into `values`, paired with `sizes`) of the Pareto front, smallest size first: each has a
    // lower value than every smaller file.
    static std::vector<size_t> paretoFront(const std::vector<double>& sizes,
                                           const std::vector<double>& values);

    QChart* chart() const;
    QChartView* chartView() const { return m_view; }
    // The series drawn for the points (one per point) and the front.
    QList<QScatterSeries*> pointSeries() const;
    QLineSeries* frontSeries() const { return m_front; }
    QLineSeries* predictedSeries() const { return m_predicted; } // null when not drawn
    int plottedCount() const { return int(m_plotted.size()); }

    // Both return an error text, empty on success.
    QString exportPng(const QString& path) const;
    QString exportSvg(const QString& path) const;

private:
    void rebuild();
    std::optional<double> valueOf(const ChartPoint& point) const;
    QString tooltipFor(const ChartPoint& point) const;
    QString axisTitle() const;
    // Shows the labels that fit without overlapping (see the .cpp); runs again when the plot area changes.
    void hideCollidingLabels();

    std::vector<ChartPoint> m_points;
    std::vector<size_t> m_plotted;      // indices of points with a value for the metric
    std::vector<size_t> m_frontIndices; // into m_points
    // The plotted points as drawn: their series, sizes (MB), values and which are on the Pareto front.
    std::vector<QScatterSeries*> m_scatter;
    std::vector<double> m_sizes;
    std::vector<double> m_values;
    std::vector<size_t> m_frontPlotted; // indices into m_scatter
    Metric m_metric = Metric::Perplexity;
    QChartView* m_view;
    QLineSeries* m_front = nullptr;
    QString m_predictedLabel;
    std::vector<std::pair<quint64, double>> m_predictedPoints;
    QLineSeries* m_predicted = nullptr;
    QValueAxis* m_axisX;
    QValueAxis* m_axisY;
};

} // namespace qf::ui
