// The size-quality chart's point names, on the offscreen platform: with the bundled sample's seven quants
// (several of nearly the same size and perplexity), no name shown is printed across another quant's point
// or across another name, and the source and the smallest quant keep theirs. Positions come from Qt
// Charts itself (mapToPosition), not from the chart's own arithmetic.
#include <QChart>
#include <QChartView>
#include <QFontMetricsF>
#include <QScatterSeries>
#include <QTest>

#include "widgets/size_quality_chart.h"

using namespace qf::ui;

class TestSizeQualityChart : public QObject {
    Q_OBJECT

private slots:
    void namesCoverNoOtherPoint();
};

void TestSizeQualityChart::namesCoverNoOtherPoint() {
    // What Compare measured on the bundled sample (c256, 40 chunks): IQ4_XS, Q4_K_M, Q5_K_M and Q6_K sit
    // within 4 MB and 0.4 perplexity of each other.
    auto point = [](const char* label, double megabytes, double perplexity, bool source = false) {
        ChartPoint p;
        p.label = QString::fromLatin1(label);
        p.bytes = quint64(megabytes * 1e6);
        p.perplexity = perplexity;
        p.perplexityError = 4.4;
        p.meanKld = source ? 0.0 : 0.001;
        p.isSource = source;
        return p;
    };
    SizeQualityChart chart;
    chart.resize(870, 330); // the chart's size in Compare at the default window size
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    chart.setPoints({point("F16", 42.9, 98.98, true), point("Q8_0", 23.2, 99.04), point("Q6_K", 18.1, 98.92),
                     point("Q5_K_M", 16.4, 98.93), point("Q4_K_M", 14.8, 98.89), point("IQ4_XS", 14.3, 99.24),
                     point("Q3_K_M", 13.3, 99.94), point("Q2_K", 11.9, 101.11)});
    QTest::qWait(200);

    struct Drawn {
        QString name;
        QPointF at;
        double marker;
        QRectF label; // empty when hidden
    };
    QList<Drawn> drawn;
    for (QScatterSeries* series : chart.pointSeries()) {
        QCOMPARE(series->count(), 1);
        const QPointF at = chart.chart()->mapToPosition(series->at(0), series);
        const QFontMetricsF metrics(series->pointLabelsFont());
        const QString name = series->name();
        const double width = metrics.horizontalAdvance(name);
        // Qt Charts centres a point's name above its marker.
        const QRectF label = series->pointLabelsVisible()
                                 ? QRectF(at.x() - width / 2, at.y() - series->markerSize() / 2 - metrics.height(),
                                          width, metrics.height())
                                 : QRectF();
        drawn.append({name, at, series->markerSize(), label});
    }
    QCOMPARE(drawn.size(), 8);
    for (const Drawn& d : drawn) {
        if (d.label.isNull()) continue;
        for (const Drawn& other : drawn) {
            if (other.name == d.name) continue;
            const QRectF marker(other.at - QPointF(other.marker / 2, other.marker / 2),
                                QSizeF(other.marker, other.marker));
            QVERIFY2(!d.label.intersects(marker),
                     qPrintable(QStringLiteral("%1's name covers %2's point").arg(d.name, other.name)));
            QVERIFY2(other.label.isNull() || !d.label.intersects(other.label),
                     qPrintable(QStringLiteral("%1's and %2's names overlap").arg(d.name, other.name)));
        }
    }
    auto shown = [&](const char* name) {
        for (const Drawn& d : drawn)
            if (d.name == QLatin1String(name)) return !d.label.isNull();
        return false;
    };
    QVERIFY(shown("F16"));
    QVERIFY(shown("Q2_K"));
    QVERIFY(shown("Q8_0"));
}

QTEST_MAIN(TestSizeQualityChart)
#include "test_size_quality_chart.moc"
