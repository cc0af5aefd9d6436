// The quantization job adapter without any widget: it reports exactly one outcome, a cancel is its own
// signal (never a failure) and leaves no file, progress is throttled and carries rate and time left.
#include <memory>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

#include "jobs/quantize_job_runner.h"
#include "qf/quant/plan.h"
#include "qf/quant/quant_lock.h"

using namespace qf::ui;

namespace {

const QString kModelPath = QStringLiteral(QF_SHARED_DIR "/models/qf-books-22m-f16.gguf");
const QString kQuantizedPath = QStringLiteral(QF_SHARED_DIR "/reference/qf-books-22m-Q6_K.gguf");

std::shared_ptr<const qf::gguf::GgufFile> openShared(const QString& path) {
    auto opened = qf::gguf::GgufFile::open(path.toStdU16String());
    if (!opened) return {};
    return std::make_shared<const qf::gguf::GgufFile>(std::move(opened).value());
}

quint64 plannedBytes(const qf::gguf::GgufFile& file, const char* preset) {
    auto plan = qf::quant::makeQuantPlan(file.metadata(), file.tensors(), *qf::quant::findPreset(preset));
    return plan ? plan->fileBytes : 0;
}

} // namespace

class TestQuantizeJobRunner : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void succeedsWithPlannedFiles();
    void cancelBeforeRunReportsCancelled();
    void cancelWhileRunningLeavesNoFile();
    void planErrorIsAFailure();

private:
    QuantizeRequest request(const QStringList& presets, unsigned threads = 0) const;
    QStringList filesInDir() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::shared_ptr<const qf::gguf::GgufFile> m_source;
    QThreadPool m_pool;
};

void TestQuantizeJobRunner::initTestCase() {
    m_source = openShared(kModelPath);
    QVERIFY2(m_source, qPrintable(kModelPath));
    m_pool.setMaxThreadCount(1);
}

void TestQuantizeJobRunner::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestQuantizeJobRunner::cleanup() {
    m_pool.waitForDone();
    m_dir.reset();
}

QuantizeRequest TestQuantizeJobRunner::request(const QStringList& presets, unsigned threads) const {
    QuantizeRequest r;
    r.sourceEntryId = 7;
    r.source = m_source;
    r.threads = threads;
    for (const QString& name : presets) {
        r.targets.push_back({qf::quant::findPreset(name.toStdString()),
                             m_dir->filePath(QStringLiteral("out-%1.gguf").arg(name))});
    }
    return r;
}

QStringList TestQuantizeJobRunner::filesInDir() const {
    return QDir(m_dir->path()).entryList(QDir::Files | QDir::Hidden | QDir::System);
}

void TestQuantizeJobRunner::succeedsWithPlannedFiles() {
    auto* runner =
        new QuantizeJobRunner(1, request({QStringLiteral("Q8_0"), QStringLiteral("Q4_K_M")}), &m_pool);
    QSignalSpy started(runner, &QuantizeJobRunner::started);
    QSignalSpy progressed(runner, &QuantizeJobRunner::progressed);
    QSignalSpy succeeded(runner, &QuantizeJobRunner::succeeded);
    QSignalSpy failed(runner, &QuantizeJobRunner::failed);
    QSignalSpy cancelled(runner, &QuantizeJobRunner::cancelled);
    QElapsedTimer clock;
    clock.start();
    m_pool.start(runner);
    QTRY_COMPARE_WITH_TIMEOUT(succeeded.count(), 1, 60000);
    const double seconds = double(clock.elapsed()) / 1000.0;
    QCOMPARE(started.count(), 1);
    QCOMPARE(failed.count(), 0);
    QCOMPARE(cancelled.count(), 0);

    const auto files = succeeded.front().at(1).value<QList<ProducedFile>>();
    QCOMPARE(succeeded.front().at(0).toULongLong(), 1ull);
    QCOMPARE(files.size(), 2);
    QCOMPARE(files[0].presetName, QStringLiteral("Q8_0"));
    QCOMPARE(files[1].presetName, QStringLiteral("Q4_K_M"));
    QCOMPARE(files[0].bytes, plannedBytes(*m_source, "Q8_0"));
    QCOMPARE(files[1].bytes, plannedBytes(*m_source, "Q4_K_M"));
    for (const ProducedFile& file : files)
        QCOMPARE(quint64(QFileInfo(file.path).size()), file.bytes);
    // Each with its reproducibility record; no temporary files left.
    QCOMPARE(filesInDir().size(), 4);
    for (const ProducedFile& file : files) {
        auto verified = qf::quant::verifyLock(qf::quant::lockPathFor(file.path.toStdU16String()), 2);
        QVERIFY2(verified.ok() && verified->identical, verified.ok() ? "different" : verified.error().message.c_str());
    }

    // Progress: throttled, never backwards, measured in source bytes.
    QVERIFY(progressed.count() >= 1);
    QVERIFY2(progressed.count() <= 2 + int(seconds * QuantizeJobRunner::kMaxProgressPerSecond),
             qPrintable(QStringLiteral("%1 reports in %2 s").arg(progressed.count()).arg(seconds)));
    quint64 lastDone = 0;
    for (const auto& arguments : progressed) {
        const auto progress = arguments.at(1).value<JobProgress>();
        if (progress.stage == QuantizeJobRunner::checkingStage()) { // hashing for the lock, first
            QCOMPARE(lastDone, 0ull);
            continue;
        }
        QCOMPARE(progress.total, m_source->tensorDataBytes());
        QVERIFY(progress.done >= lastDone);
        QVERIFY(progress.done <= progress.total);
        lastDone = progress.done;
    }
}

void TestQuantizeJobRunner::cancelBeforeRunReportsCancelled() {
    auto* runner = new QuantizeJobRunner(2, request({QStringLiteral("Q8_0")}), &m_pool);
    QSignalSpy started(runner, &QuantizeJobRunner::started);
    QSignalSpy failed(runner, &QuantizeJobRunner::failed);
    QSignalSpy cancelled(runner, &QuantizeJobRunner::cancelled);
    runner->cancel();
    QVERIFY(runner->isCancelRequested());
    m_pool.start(runner);
    QTRY_COMPARE(cancelled.count(), 1);
    QCOMPARE(cancelled.front().at(0).toULongLong(), 2ull);
    QCOMPARE(started.count(), 0);
    QCOMPARE(failed.count(), 0);
    QVERIFY(filesInDir().isEmpty());
}

void TestQuantizeJobRunner::cancelWhileRunningLeavesNoFile() {
    QStringList all;
    // Every preset that can be made without an importance matrix: a job long enough to cancel.
    for (const auto& preset : qf::quant::allPresets())
        if (qf::quant::makeQuantPlan(m_source->metadata(), m_source->tensors(), preset).ok())
            all << QString::fromUtf8(preset.name.data(), qsizetype(preset.name.size()));
    auto* runner = new QuantizeJobRunner(3, request(all, 1), &m_pool);
    QSignalSpy succeeded(runner, &QuantizeJobRunner::succeeded);
    QSignalSpy failed(runner, &QuantizeJobRunner::failed);
    QSignalSpy cancelled(runner, &QuantizeJobRunner::cancelled);
    // Cancel from the UI thread as soon as it is under way, as the Cancel button does.
    connect(runner, &QuantizeJobRunner::started, runner, &QuantizeJobRunner::cancel);
    m_pool.start(runner);
    QTRY_COMPARE_WITH_TIMEOUT(cancelled.count(), 1, 30000);
    m_pool.waitForDone();
    QCOMPARE(succeeded.count(), 0);
    QCOMPARE(failed.count(), 0);
    QVERIFY2(filesInDir().isEmpty(), qPrintable(filesInDir().join(QStringLiteral(", "))));
}

void TestQuantizeJobRunner::planErrorIsAFailure() {
    QTemporaryDir dir;
    const QString copy = dir.filePath(QStringLiteral("q6.gguf"));
    QVERIFY(QFile::copy(kQuantizedPath, copy));
    QuantizeRequest r = request({QStringLiteral("Q4_K_M")});
    r.source = openShared(copy);
    QVERIFY(r.source);
    auto* runner = new QuantizeJobRunner(4, std::move(r), &m_pool);
    QSignalSpy failed(runner, &QuantizeJobRunner::failed);
    QSignalSpy cancelled(runner, &QuantizeJobRunner::cancelled);
    m_pool.start(runner);
    QTRY_COMPARE(failed.count(), 1);
    const QString message = failed.front().at(1).toString();
    QVERIFY2(message.startsWith(QStringLiteral("Q4_K_M: ")) &&
                 message.contains(QStringLiteral("already quantized")),
             qPrintable(message));
    QCOMPARE(cancelled.count(), 0);
    QVERIFY(filesInDir().isEmpty());
}

QTEST_GUILESS_MAIN(TestQuantizeJobRunner)
#include "test_quantize_job_runner.moc"
