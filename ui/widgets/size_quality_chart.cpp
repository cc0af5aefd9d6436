#include "widgets/size_quality_chart.h"

#include <algorithm>
#include <numeric>

#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QFile>
#include <QFontMetricsF>
#include <QLineSeries>
#include <QLocale>
#include <QPixmap>
#include <QSaveFile>
#include <QScatterSeries>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

#include "format.h"
#include "widgets/palette_colors.h"

namespace qf::ui {

namespace {

constexpr double kBytesPerMB = 1e6;
constexpr int kAxisTicks = 6;

// The source is grey: darker on light palettes, lighter on dark ones (still visible in a light SVG export).
const QColor kSourceColorLight(0x44, 0x44, 0x44);
const QColor kSourceColorDark(0xaa, 0xaa, 0xaa);
const QColor kFrontColor(0x1f, 0x77, 0xb4);
const QColor kPointColor(0xff, 0x7f, 0x0e);

// A tick step of 1, 2 or 5 times a power of ten giving about `ticks` intervals over `span`.
double niceStep(double span, int ticks) {
    const double raw = span / std::max(1, ticks);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 5.0})
        if (raw <= m * magnitude) return m * magnitude;
    return 10.0 * magnitude;
}

// Round ticks anchored on multiples of the step (0, 0.0005, 0.001 ... rather than 0.000663), labels with
// as many decimals as the step needs, so a one-point chart never labels every tick "1.2". With
// `marginBelowZero` the range starts a little below 0 (points at 0 are not cut), the ticks still at 0.
void setNiceRange(QValueAxis* axis, double low, double high, bool marginBelowZero) {
    if (!(high > low)) high = low + 1.0;
    const double step = niceStep(high - low, 4);
    const double first = std::floor(low / step) * step;
    const double last = std::ceil(high / step) * step;
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(0.0);
    axis->setTickInterval(step);
    axis->setRange(marginBelowZero ? -step * 0.15 : first, last);
    const int decimals = std::clamp(int(-std::floor(std::log10(step) + 1e-9)), 0, 8);
    axis->setLabelFormat(QStringLiteral("%.") + QString::number(decimals) + QStringLiteral("f"));
}

double paddedLow(double low, double high) {
    const double span = high > low ? high - low : std::max(std::abs(low), 1.0) * 0.1;
    return low - span * 0.08;
}

double paddedHigh(double low, double high) {
    const double span = high > low ? high - low : std::max(std::abs(high), 1.0) * 0.1;
    return high + span * 0.12;
}

} // namespace

SizeQualityChart::SizeQualityChart(QWidget* parent)
    : QWidget(parent), m_view(new QChartView(this)), m_axisX(new QValueAxis(this)),
      m_axisY(new QValueAxis(this)) {
    setObjectName(QStringLiteral("sizeQualityChart"));
    m_view->setObjectName(QStringLiteral("sizeQualityChartView"));
    m_view->setAccessibleName(tr("Size and quality chart"));
    m_view->setRenderHint(QPainter::Antialiasing);
    QChart* chart = m_view->chart();
    // QChart paints its own light background unless told otherwise: follow the window's palette.
    chart->setTheme(isDarkPalette(palette()) ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->legend()->hide();
    chart->setAnimationOptions(QChart::NoAnimation);
    m_axisX->setTitleText(tr("File size (MB)"));
    m_axisX->setLabelFormat(QStringLiteral("%.1f"));
    m_axisX->setTickCount(kAxisTicks);
    m_axisY->setTickCount(kAxisTicks);
    chart->addAxis(m_axisX, Qt::AlignBottom);
    chart->addAxis(m_axisY, Qt::AlignLeft);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    connect(chart, &QChart::plotAreaChanged, this, [this] { hideCollidingLabels(); });
    rebuild();
}

QChart* SizeQualityChart::chart() const {
    return m_view->chart();
}

void SizeQualityChart::setPoints(std::vector<ChartPoint> points) {
    m_points = std::move(points);
    rebuild();
}

void SizeQualityChart::setMetric(Metric metric) {
    if (metric == m_metric) return;
    m_metric = metric;
    rebuild();
}

std::optional<double> SizeQualityChart::valueOf(const ChartPoint& point) const {
    if (m_metric == Metric::Perplexity)
        return point.perplexity > 0.0 ? std::optional(point.perplexity) : std::nullopt;
    return point.meanKld;
}

QString SizeQualityChart::axisTitle() const {
    // Short: a long title is cut at the default window size; the metric menu says "lower is better".
    return m_metric == Metric::Perplexity ? tr("Perplexity") : tr("Mean KLD");
}

std::vector<size_t> SizeQualityChart::paretoFront(const std::vector<double>& sizes,
                                                  const std::vector<double>& values) {
    std::vector<size_t> order(sizes.size());
    std::iota(order.begin(), order.end(), size_t(0));
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        return sizes[a] != sizes[b] ? sizes[a] < sizes[b] : values[a] < values[b];
    });
    std::vector<size_t> front;
    for (size_t i : order) {
        if (front.empty() || values[i] < values[front.back()]) front.push_back(i);
    }
    return front;
}

QString SizeQualityChart::tooltipFor(const ChartPoint& point) const {
    const QLocale locale;
    QString text = tr("<b>%1</b><br>%2").arg(point.label.toHtmlEscaped(), formatBytes(point.bytes));
    text +=
        tr("<br>PPL %1 ± %2")
            .arg(locale.toString(point.perplexity, 'f', 3), locale.toString(point.perplexityError, 'f', 3));
    if (point.meanKld && !point.isSource)
        text += tr("<br>Mean KLD %1").arg(locale.toString(*point.meanKld, 'g', 3));
    if (point.isSource) text += tr("<br>Source (reference)");
    return text;
}

void SizeQualityChart::setPredictedCurve(const QString& label, std::vector<std::pair<quint64, double>> points) {
    m_predictedLabel = label;
    m_predictedPoints = std::move(points);
    rebuild();
}

void SizeQualityChart::rebuild() {
    QChart* chart = m_view->chart();
    chart->removeAllSeries(); // deletes them
    m_scatter.clear();
    m_sizes.clear();
    m_values.clear();
    m_frontPlotted.clear();
    m_front = nullptr;
    m_predicted = nullptr;
    m_plotted.clear();
    m_frontIndices.clear();
    m_axisY->setTitleText(axisTitle());
    m_axisX->setTickCount(kAxisTicks); // applyNiceNumbers() below changes them
    m_axisY->setTickCount(kAxisTicks);
    m_axisY->setLabelFormat(m_metric == Metric::Perplexity ? QStringLiteral("%.2f") : QStringLiteral("%.3g"));

    std::vector<double> sizes, values;
    for (size_t i = 0; i < m_points.size(); ++i) {
        if (const auto v = valueOf(m_points[i])) {
            m_plotted.push_back(i);
            sizes.push_back(double(m_points[i].bytes) / kBytesPerMB);
            values.push_back(*v);
        }
    }
    if (m_plotted.empty()) {
        chart->setTitle(tr("No measurements yet: press Evaluate"));
        m_axisX->setRange(0.0, 1.0);
        m_axisY->setRange(0.0, 1.0);
        return;
    }
    chart->setTitle(QString());

    const std::vector<size_t> front = paretoFront(sizes, values);
    m_front = new QLineSeries(chart);
    m_front->setObjectName(QStringLiteral("paretoFront"));
    m_front->setName(tr("Pareto front"));
    QPen frontPen(kFrontColor);
    frontPen.setWidthF(2.0);
    frontPen.setStyle(Qt::DashLine);
    m_front->setPen(frontPen);
    for (size_t f : front) {
        m_front->append(sizes[f], values[f]);
        m_frontIndices.push_back(m_plotted[f]);
    }
    chart->addSeries(m_front);
    m_front->attachAxis(m_axisX);
    m_front->attachAxis(m_axisY);

    if (m_metric == Metric::Kld && !m_predictedPoints.empty()) {
        m_predicted = new QLineSeries(chart);
        m_predicted->setObjectName(QStringLiteral("predictedMix"));
        m_predicted->setName(m_predictedLabel);
        QPen pen(kSourceColorLight);
        pen.setWidthF(1.5);
        pen.setStyle(Qt::DotLine);
        m_predicted->setPen(pen);
        for (const auto& [bytes, kld] : m_predictedPoints)
            m_predicted->append(double(bytes) / kBytesPerMB, kld);
        const QString tip = m_predictedLabel;
        connect(m_predicted, &QLineSeries::hovered, this, [tip](const QPointF& at, bool state) {
            if (state)
                QToolTip::showText(QCursor::pos(), tr("%1: %2 MB, KLD %3")
                                                       .arg(tip, QLocale().toString(at.x(), 'f', 1),
                                                            QLocale().toString(at.y(), 'g', 3)));
            else
                QToolTip::hideText();
        });
        chart->addSeries(m_predicted);
        m_predicted->attachAxis(m_axisX);
        m_predicted->attachAxis(m_axisY);
    }

    std::vector<QScatterSeries*> scatter(m_plotted.size(), nullptr);
    for (size_t k = 0; k < m_plotted.size(); ++k) {
        const ChartPoint& point = m_points[m_plotted[k]];
        const bool onFront = std::find(front.begin(), front.end(), k) != front.end();
        auto* series = new QScatterSeries(chart);
        series->setName(point.label);
        series->setMarkerSize(point.isSource ? 13.0 : 11.0);
        const QColor sourceColor = isDarkPalette(palette()) ? kSourceColorDark : kSourceColorLight;
        series->setColor(point.isSource ? sourceColor : onFront ? kFrontColor : kPointColor);
        series->setBorderColor(chart->backgroundBrush().color());
        series->append(sizes[k], values[k]);
        series->setPointLabelsFormat(point.label);
        series->setPointLabelsVisible(true);
        series->setPointLabelsClipping(false);
        scatter[k] = series;
        const QString tip = tooltipFor(point);
        connect(series, &QScatterSeries::hovered, this, [tip](const QPointF&, bool state) {
            if (state)
                QToolTip::showText(QCursor::pos(), tip);
            else
                QToolTip::hideText();
        });
        chart->addSeries(series);
        series->attachAxis(m_axisX);
        series->attachAxis(m_axisY);
    }

    const auto [minX, maxX] = std::minmax_element(sizes.begin(), sizes.end());
    const auto [minY, maxY] = std::minmax_element(values.begin(), values.end());
    setNiceRange(m_axisX, std::max(0.0, paddedLow(*minX, *maxX)), paddedHigh(*minX, *maxX), false);
    // KL divergence starts at 0 (the source itself), with a margin so points at 0 are drawn whole;
    // perplexity is zoomed to the measured spread.
    if (m_metric == Metric::Kld)
        setNiceRange(m_axisY, 0.0, paddedHigh(0.0, *maxY), true);
    else
        setNiceRange(m_axisY, paddedLow(*minY, *maxY), paddedHigh(*minY, *maxY), false);
    m_scatter = std::move(scatter);
    m_sizes = std::move(sizes);
    m_values = std::move(values);
    m_frontPlotted = front;
    hideCollidingLabels();
}

// Quants of nearly the same size and quality would print their names on top of each other. Labels are
// placed in order of interest - the source, the Pareto front, then the rest from small to large - and one
// that would overlap a label already placed is hidden (the point keeps its tooltip, the table its row).
void SizeQualityChart::hideCollidingLabels() {
    const std::vector<QScatterSeries*>& scatter = m_scatter;
    const std::vector<double>& sizes = m_sizes;
    const std::vector<double>& values = m_values;
    const std::vector<size_t>& front = m_frontPlotted;
    QChart* chart = m_view->chart();
    QRectF plot = chart->plotArea();
    if (plot.width() < 50 || plot.height() < 50) plot = QRectF(0, 0, 700, 220); // not laid out yet
    const double xSpan = std::max(1e-12, m_axisX->max() - m_axisX->min());
    const double ySpan = std::max(1e-12, m_axisY->max() - m_axisY->min());
    std::vector<size_t> order(scatter.size());
    std::iota(order.begin(), order.end(), size_t(0));
    auto rank = [&](size_t k) {
        if (m_points[m_plotted[k]].isSource) return 0;
        return std::find(front.begin(), front.end(), k) != front.end() ? 1 : 2;
    };
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        return rank(a) != rank(b) ? rank(a) < rank(b) : sizes[a] < sizes[b];
    });
    auto position = [&](size_t k) {
        return QPointF(plot.left() + (sizes[k] - m_axisX->min()) / xSpan * plot.width(),
                       plot.bottom() - (values[k] - m_axisY->min()) / ySpan * plot.height());
    };
    // Every point's marker is an obstacle too: a name printed across another quant's point reads as its.
    std::vector<QRectF> markers(scatter.size());
    for (size_t k = 0; k < scatter.size(); ++k) {
        if (!scatter[k]) continue;
        const double r = scatter[k]->markerSize() / 2;
        markers[k] = QRectF(position(k) - QPointF(r, r), QSizeF(2 * r, 2 * r));
    }
    std::vector<QRectF> placed;
    for (size_t k : order) {
        QScatterSeries* series = scatter[k];
        if (!series) continue;
        const QFontMetricsF metrics(series->pointLabelsFont());
        const double x = position(k).x();
        const double y = position(k).y();
        const double width = metrics.horizontalAdvance(m_points[m_plotted[k]].label) + 4.0;
        const QRectF box(x - width / 2, y - series->markerSize() / 2 - metrics.height() - 2, width,
                         metrics.height());
        // A little air around each label: Qt Charts places them a few pixels differently than estimated.
        const QRectF padded = box.adjusted(-3, -4, 3, 4);
        bool free = std::none_of(placed.begin(), placed.end(),
                                 [&](const QRectF& other) { return other.intersects(padded); });
        for (size_t other = 0; free && other < markers.size(); ++other)
            free = other == k || !scatter[other] || !markers[other].intersects(box);
        series->setPointLabelsVisible(free);
        if (free) placed.push_back(box);
    }
}

QList<QScatterSeries*> SizeQualityChart::pointSeries() const {
    QList<QScatterSeries*> out;
    for (QAbstractSeries* s : m_view->chart()->series()) {
        if (auto* scatter = qobject_cast<QScatterSeries*>(s)) out << scatter;
    }
    return out;
}

QString SizeQualityChart::exportPng(const QString& path) const {
    const QPixmap pixmap = m_view->grab();
    if (pixmap.isNull() || !pixmap.save(path, "PNG")) return tr("Could not write %1").arg(path);
    return {};
}

QString SizeQualityChart::exportSvg(const QString& path) const {
    constexpr double kWidth = 800, kHeight = 500, kLeft = 80, kRight = 30, kTop = 30, kBottom = 60;
    const double plotW = kWidth - kLeft - kRight, plotH = kHeight - kTop - kBottom;
    const double x0 = m_axisX->min(), x1 = m_axisX->max(), y0 = m_axisY->min(), y1 = m_axisY->max();
    auto px = [&](double x) { return kLeft + (x - x0) / (x1 - x0) * plotW; };
    auto py = [&](double y) { return kTop + (1.0 - (y - y0) / (y1 - y0)) * plotH; };
    auto num = [](double v) { return QString::number(v, 'f', 2); };

    QString svg;
    svg += QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%1\" height=\"%2\" "
                          "font-family=\"sans-serif\" font-size=\"12\">\n"
                          "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n")
               .arg(kWidth)
               .arg(kHeight);
    svg +=
        QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" fill=\"none\" stroke=\"#888\"/>\n")
            .arg(kLeft)
            .arg(kTop)
            .arg(plotW)
            .arg(plotH);
    const int xTicks = std::max(2, m_axisX->tickCount()), yTicks = std::max(2, m_axisY->tickCount());
    for (int i = 0; i < xTicks; ++i) {
        const double fx = x0 + (x1 - x0) * i / (xTicks - 1);
        svg += QStringLiteral("<line x1=\"%1\" y1=\"%2\" x2=\"%1\" y2=\"%3\" stroke=\"#ddd\"/>"
                              "<text x=\"%1\" y=\"%4\" text-anchor=\"middle\">%5</text>\n")
                   .arg(num(px(fx)), num(kTop), num(kTop + plotH), num(kTop + plotH + 16),
                        QString::number(fx, 'f', 1));
    }
    for (int i = 0; i < yTicks; ++i) {
        const double fy = y0 + (y1 - y0) * i / (yTicks - 1);
        svg += QStringLiteral("<line x1=\"%1\" y1=\"%2\" x2=\"%3\" y2=\"%2\" stroke=\"#ddd\"/>"
                              "<text x=\"%4\" y=\"%5\" text-anchor=\"end\">%6</text>\n")
                   .arg(num(kLeft), num(py(fy)), num(kLeft + plotW), num(kLeft - 6), num(py(fy) + 4),
                        m_metric == Metric::Perplexity ? QString::number(fy, 'f', 2)
                                                       : QString::number(fy, 'g', 3));
    }
    svg += QStringLiteral("<text x=\"%1\" y=\"%2\" text-anchor=\"middle\">%3</text>\n")
               .arg(num(kLeft + plotW / 2), num(kHeight - 16), m_axisX->titleText().toHtmlEscaped());
    svg +=
        QStringLiteral("<text transform=\"translate(18,%1) rotate(-90)\" text-anchor=\"middle\">%2</text>\n")
            .arg(num(kTop + plotH / 2), m_axisY->titleText().toHtmlEscaped());
    if (m_front && m_front->count() > 0) {
        QStringList pts;
        for (const QPointF& p : m_front->points())
            pts << num(px(p.x())) + QLatin1Char(',') + num(py(p.y()));
        svg += QStringLiteral("<polyline class=\"pareto-front\" points=\"%1\" fill=\"none\" stroke=\"%2\" "
                              "stroke-width=\"2\" stroke-dasharray=\"6,4\"/>\n")
                   .arg(pts.join(QLatin1Char(' ')), kFrontColor.name());
    }
    for (QScatterSeries* s : pointSeries()) {
        if (s->count() == 0) continue;
        const QPointF p = s->at(0);
        svg += QStringLiteral("<circle class=\"point\" cx=\"%1\" cy=\"%2\" r=\"5\" fill=\"%3\"/>"
                              "<text x=\"%4\" y=\"%5\">%6</text>\n")
                   .arg(num(px(p.x())), num(py(p.y())), s->color().name(), num(px(p.x()) + 7),
                        num(py(p.y()) - 7), s->name().toHtmlEscaped());
    }
    svg += QStringLiteral("</svg>\n");

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(svg.toUtf8()) < 0 || !file.commit())
        return tr("Could not write %1: %2").arg(path, file.errorString());
    return {};
}

} // namespace qf::ui
