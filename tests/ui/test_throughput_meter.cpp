// The numbers a job row shows: a smoothed rate that follows real changes of speed without jumping at
// every uneven progress step, the time left from it, and how both are written.
#include <QLocale>
#include <QTest>

#include "format.h"
#include "jobs/throughput_meter.h"

using namespace qf::ui;

class TestThroughputMeter : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void unknownUntilTimeHasPassed();
    void steadyRateIsExact();
    void unevenStepsAverageOut();
    void followsAChangeOfSpeed();
    void jitterIsIgnored();
    void shownRateAndTimeLeft();
};

void TestThroughputMeter::initTestCase() {
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestThroughputMeter::unknownUntilTimeHasPassed() {
    ThroughputMeter meter;
    QVERIFY(!meter.hasRate());
    QVERIFY(!meter.secondsLeft(100).has_value());
    meter.addSample(0.0, 0);
    QVERIFY(!meter.hasRate());
    // The job's start is the reference: one report after a second already gives a rate.
    meter.addSample(1.0, 5'000'000);
    QVERIFY(meter.hasRate());
    QCOMPARE(meter.rate(), 5e6);
    QCOMPARE(*meter.secondsLeft(10'000'000), 1.0);
    // Done means no time left, never a negative one.
    QCOMPARE(*meter.secondsLeft(1'000), 0.0);
}

void TestThroughputMeter::steadyRateIsExact() {
    ThroughputMeter meter;
    for (int i = 1; i <= 50; ++i)
        meter.addSample(0.1 * i, uint64_t(i) * 1'000'000); // 10 MB/s
    QVERIFY(qAbs(meter.rate() - 1e7) < 1.0);
    QVERIFY(qAbs(*meter.secondsLeft(100'000'000) - 5.0) < 1e-6);
}

void TestThroughputMeter::unevenStepsAverageOut() {
    // Tensors alternate between fast (copied) and slow (quantized) ones: 15 and 5 MB/s, every half second,
    // 10 MB/s on average. The shown rate stays near the average instead of jumping between the two.
    ThroughputMeter meter;
    double t = 0.0;
    uint64_t done = 0;
    double lowest = 1e18, highest = 0.0;
    for (int i = 0; i < 60; ++i) {
        t += 0.5;
        done += (i % 2 == 0) ? 7'500'000 : 2'500'000;
        meter.addSample(t, done);
        if (i >= 20) {
            lowest = qMin(lowest, meter.rate());
            highest = qMax(highest, meter.rate());
        }
    }
    QVERIFY2(lowest > 0.9e7 && highest < 1.1e7,
             qPrintable(QStringLiteral("%1..%2").arg(lowest).arg(highest)));
}

void TestThroughputMeter::followsAChangeOfSpeed() {
    ThroughputMeter meter(3.0);
    double t = 0.0;
    uint64_t done = 0;
    for (int i = 0; i < 100; ++i) { // 10 s at 10 MB/s
        t += 0.1;
        done += 1'000'000;
        meter.addSample(t, done);
    }
    for (int i = 0; i < 100; ++i) { // 10 s at 20 MB/s: more than three time constants
        t += 0.1;
        done += 2'000'000;
        meter.addSample(t, done);
    }
    QVERIFY2(qAbs(meter.rate() - 2e7) < 0.05 * 2e7, qPrintable(QString::number(meter.rate())));
}

void TestThroughputMeter::jitterIsIgnored() {
    ThroughputMeter meter;
    meter.addSample(1.0, 1'000'000);
    // A report a microsecond later must not claim a rate of terabytes per second.
    meter.addSample(1.000001, 2'000'000);
    QCOMPARE(meter.rate(), 1e6);
    // Progress never goes backwards; if a report says so it is ignored.
    meter.addSample(2.0, 500'000);
    QCOMPARE(meter.rate(), 1e6);
}

void TestThroughputMeter::shownRateAndTimeLeft() {
    QCOMPARE(formatRate(12.34e6), QStringLiteral("12.3 MB/s"));
    QCOMPARE(formatRate(0.0), QStringLiteral("0 bytes/s"));
    QCOMPARE(formatTimeLeft(0.2), QStringLiteral("less than a second left"));
    QCOMPARE(formatTimeLeft(5.4), QStringLiteral("about 5 s left"));
    QCOMPARE(formatTimeLeft(200), QStringLiteral("about 3 min left"));
    QCOMPARE(formatTimeLeft(3 * 3600 + 59 * 60 + 50), QStringLiteral("about 3 h 59 min left"));
    QCOMPARE(formatDuration(3.26), QStringLiteral("3.3 s"));
    QCOMPARE(formatDuration(42.4), QStringLiteral("42 s"));
    QCOMPARE(formatDuration(185), QStringLiteral("3 min 5 s"));
    QCOMPARE(formatDuration(3 * 3600 + 240), QStringLiteral("3 h 4 min"));
}

QTEST_GUILESS_MAIN(TestThroughputMeter)
#include "test_throughput_meter.moc"
