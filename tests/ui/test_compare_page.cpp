// The Compare page in the real window, on the offscreen platform: a source and two quants made with the
// core quantize job are evaluated on the first chunks of the shared evaluation text; the table and the
// chart fill, the results are stored beside the files and a new window shows them without evaluating,
// results for another context stay hidden, exports hold the numbers, and cancel stops a full run.
#include <memory>

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineSeries>
#include <QProgressBar>
#include <QPushButton>
#include <QScatterSeries>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include "main_window.h"
#include "models/comparison_table_model.h"
#include "models/model_list_model.h"
#include "pages/compare_page.h"
#include "pages/source_view.h"
#include "qf/eval/results_sidecar.h"
#include "qf/model_summary.h"
#include "qf/quant/plan.h"
#include "qf/quant/quantize_job.h"
#include "widgets/size_quality_chart.h"

using namespace qf::ui;

namespace {

const QString kModelPath = QStringLiteral(QF_SHARED_DIR "/models/qf-books-22m-f16.gguf");
const QString kTextPath = QStringLiteral(QF_SHARED_DIR "/data/books-eval.txt");
constexpr uint32_t kContext = 256;
constexpr int kChunks = 3;

} // namespace

class TestComparePage : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void evaluateFillsCompareView();
    void reopenedWindowShowsStoredResults();
    void exportsHoldTheNumbers();
    void cancelButtonStopsEvaluation();
    void cancelStopsEvaluation();
    void contextFollowsTheModel();
    void switchingModelsKeepsResults();

private:
    std::unique_ptr<MainWindow> makeWindow();
    // Opens the source, lists the quants under it, selects it and shows the Compare page.
    ComparePage* openOnComparePage(MainWindow& window);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    QString m_source;
    QStringList m_quants;
    QString m_shortContextModel; // the same weights with a 64-token trained context, in another folder
};

void TestComparePage::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QVERIFY2(QFile::exists(kModelPath), qPrintable(kModelPath));
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings =
        std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    QDir(m_dir->path()).mkdir(QStringLiteral("models"));
    m_source = m_dir->filePath(QStringLiteral("models/qf-books-22m-f16.gguf"));
    QVERIFY(QFile::copy(kModelPath, m_source));
    QFile::setPermissions(m_source, QFile::ReadOwner | QFile::WriteOwner);
    m_source = QFileInfo(m_source).canonicalFilePath();

    auto source = qf::gguf::GgufFile::open(m_source.toStdU16String());
    QVERIFY(source.ok());
    qf::quant::QuantizeParams params;
    params.source = &*source;
    for (const char* preset : {"Q8_0", "Q4_K_M"}) {
        auto plan = qf::quant::makeQuantPlan(source->metadata(), source->tensors(),
                                             *qf::quant::findPreset(preset), {});
        QVERIFY(plan.ok());
        const QString path =
            m_dir->filePath(QStringLiteral("models/qf-books-22m-%1.gguf").arg(QLatin1String(preset)));
        params.outputs.push_back({std::move(plan).value(), path.toStdU16String()});
        m_quants << path;
    }
    auto produced = qf::quant::quantize(params);
    QVERIFY2(produced.ok(), produced.ok() ? "" : produced.error().message.c_str());
    for (QString& q : m_quants)
        q = QFileInfo(q).canonicalFilePath();

    QDir(m_dir->path()).mkdir(QStringLiteral("other"));
    m_shortContextModel = m_dir->filePath(QStringLiteral("other/short-context-f16.gguf"));
    QFile model(kModelPath);
    QVERIFY(model.open(QIODevice::ReadOnly));
    QByteArray bytes = model.readAll();
    const QByteArray key("llama.context_length\x04\0\0\0", 24);
    const qsizetype at = bytes.indexOf(key);
    QVERIFY(at > 0);
    bytes[at + key.size()] = char(64);
    bytes[at + key.size() + 1] = 0;
    QFile out(m_shortContextModel);
    QVERIFY(out.open(QIODevice::WriteOnly) && out.write(bytes) == bytes.size());
    out.close();
    m_shortContextModel = QFileInfo(m_shortContextModel).canonicalFilePath();
}

std::unique_ptr<MainWindow> TestComparePage::makeWindow() {
    auto window = std::make_unique<MainWindow>(m_settings.get());
    window->show();
    return window;
}

ComparePage* TestComparePage::openOnComparePage(MainWindow& window) {
    window.openFiles({m_source});
    ModelListModel* models = window.modelList();
    const QModelIndex source = models->findPath(m_source);
    if (!source.isValid()) return nullptr;
    [&] { QTRY_COMPARE(source.data(ModelListModel::StateRole).toInt(), int(LoadState::Ready)); }();
    // Its quants in the same folder are found by content and listed under it (issue 13: a restart lost them).
    [&] {
        QTRY_COMPARE(models->rowCount(source), int(m_quants.size()));
        for (int r = 0; r < models->rowCount(source); ++r)
            QTRY_COMPARE(models->index(r, 0, source).data(ModelListModel::StateRole).toInt(),
                         int(LoadState::Ready));
    }();
    if (models->rowCount(source) != int(m_quants.size())) return nullptr;
    window.modelView()->setCurrentIndex(source);
    auto* page = window.findChild<ComparePage*>(QStringLiteral("comparePage"));
    if (!page) return nullptr;
    window.sourceView()->setCurrentPage(page);
    page->setEvaluationText(kTextPath);
    page->setContext(kContext);
    page->setChunkLimit(kChunks);
    return page;
}

void TestComparePage::evaluateFillsCompareView() {
    auto window = makeWindow();
    ComparePage* page = openOnComparePage(*window);
    QVERIFY(page);
    ComparisonTableModel* table = page->tableModel();
    QCOMPARE(table->rowCount(), 3);
    QCOMPARE(table->measuredCount(), 0);
    QCOMPARE(page->chart()->plottedCount(), 0);

    std::vector<qf::recommend::MeasuredQuality> measured;
    int measuredReports = 0;
    connect(page, &ComparePage::measuredQualityChanged, this, [&](const auto& m) {
        measured = m;
        ++measuredReports;
    });
    QSignalSpy finished(page, &ComparePage::evaluationFinished);
    auto* evaluate = page->findChild<QPushButton*>(QStringLiteral("evaluateButton"));
    QVERIFY(evaluate && evaluate->isEnabled());
    QTest::mouseClick(evaluate, Qt::LeftButton);
    QVERIFY(page->isEvaluating());
    QVERIFY(!evaluate->isEnabled());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 180000);
    QCOMPARE(finished.first().first().toBool(), true);
    QVERIFY(!page->findChild<QLabel*>(QStringLiteral("evaluationError"))->isVisible());

    // Table: every row measured; PPL with ±, ΔPPL and KLD for the quants.
    QCOMPARE(table->measuredCount(), 3);
    double kldQ8 = 0, kldQ4 = 0;
    for (int r = 0; r < 3; ++r) {
        const ComparisonRow& row = table->rows()[size_t(r)];
        QVERIFY(row.evaluation);
        QCOMPARE(row.evaluation->chunks, kChunks);
        const QString ppl = table->index(r, ComparisonTableModel::PerplexityColumn).data().toString();
        QVERIFY2(ppl.contains(QStringLiteral(" ± ")), qPrintable(ppl));
        QVERIFY(row.evaluation->perplexity > 1.0 && row.evaluation->perplexity < 1000.0);
        QVERIFY(row.evaluation->tokensPerSecond > 0.0);
        QVERIFY(!table->index(r, ComparisonTableModel::SpeedColumn).data().toString().isEmpty());
        // The unit is in the header (the cells stay narrow): a number of tokens per second.
        QVERIFY(QLocale().toDouble(
                    table->index(r, ComparisonTableModel::GenerationSpeedColumn).data().toString()) > 0.0);
        QVERIFY(table->headerData(ComparisonTableModel::GenerationSpeedColumn, Qt::Horizontal)
                    .toString()
                    .endsWith(QStringLiteral("tok/s")));
        if (row.isSource) {
            QVERIFY(!row.evaluation->meanKld);
            continue;
        }
        QVERIFY(row.evaluation->meanKld && *row.evaluation->meanKld > 0.0);
        QVERIFY(row.evaluation->sameTop && *row.evaluation->sameTop > 0.5);
        QVERIFY(table->index(r, ComparisonTableModel::KldColumn)
                    .data()
                    .toString()
                    .contains(QStringLiteral(" ± ")));
        QVERIFY(table->index(r, ComparisonTableModel::DeltaPerplexityColumn)
                    .data()
                    .toString()
                    .endsWith(QStringLiteral(" %")));
        (row.typeName == QStringLiteral("Q8_0") ? kldQ8 : kldQ4) = *row.evaluation->meanKld;
    }
    QVERIFY2(kldQ8 > 0 && kldQ4 > kldQ8,
             qPrintable(QStringLiteral("Q8_0 %1, Q4_K_M %2").arg(kldQ8).arg(kldQ4)));
    const QModelIndex q8 = table->index(1, ComparisonTableModel::DeltaPerplexityColumn);
    QVERIFY(std::abs(q8.data(ComparisonTableModel::ValueRole).toDouble()) < 2.0); // Q8_0 is nearly lossless

    // Chart: a labelled point per file and the Pareto front.
    SizeQualityChart* chart = page->chart();
    QCOMPARE(chart->plottedCount(), 3);
    QCOMPARE(chart->pointSeries().size(), 3);
    QVERIFY(chart->frontSeries());
    QVERIFY(chart->frontSeries()->count() >= 1);
    QStringList labels;
    for (QScatterSeries* s : chart->pointSeries()) {
        QVERIFY(s->pointLabelsVisible());
        labels << s->name();
    }
    labels.sort();
    QCOMPARE(labels, (QStringList{QStringLiteral("F16"), QStringLiteral("Q4_K_M"), QStringLiteral("Q8_0")}));
    chart->setMetric(SizeQualityChart::Metric::Kld);
    QCOMPARE(chart->plottedCount(), 3);
    QVERIFY(chart->frontSeries()->count() >= 2); // the smallest file and at least one of lower KLD
    chart->setMetric(SizeQualityChart::Metric::Perplexity);

    // Sidecars beside every file, and the Recommend page told about the quants.
    for (const QString& path : QStringList{m_source} + m_quants)
        QVERIFY2(QFile::exists(path + QStringLiteral(".quantforge.json")), qPrintable(path));
    QVERIFY(measuredReports > 0);
    QCOMPARE(measured.size(), size_t(2));
    QVERIFY(measured.front().basePerplexity > 0.0);
    QVERIFY(measured.front().meanKld);
}

void TestComparePage::reopenedWindowShowsStoredResults() {
    auto window = makeWindow();
    ComparePage* page = openOnComparePage(*window);
    QVERIFY(page);
    // Read from the sidecars: no evaluation runs.
    QTRY_COMPARE(page->tableModel()->measuredCount(), 3);
    QVERIFY(!page->isEvaluating());
    QCOMPARE(page->chart()->plottedCount(), 3);
    QVERIFY(page->tableModel()->rows().front().evaluation->perplexity > 1.0);

    // Results for another context, chunk count or text are not shown.
    page->setContext(128);
    QCOMPARE(page->tableModel()->measuredCount(), 0);
    QCOMPARE(page->chart()->plottedCount(), 0);
    page->setContext(kContext);
    QCOMPARE(page->tableModel()->measuredCount(), 3);
    page->setChunkLimit(kChunks + 1);
    QCOMPARE(page->tableModel()->measuredCount(), 0);
    page->setChunkLimit(kChunks);
    QCOMPARE(page->tableModel()->measuredCount(), 3);
    page->setEvaluationText(QStringLiteral(QF_SHARED_DIR "/data/books-calibration.txt"));
    QCOMPARE(page->tableModel()->measuredCount(), 0);
    page->setEvaluationText(kTextPath);
    QCOMPARE(page->tableModel()->measuredCount(), 3);

    // For screenshots under Xvfb: QF_TEST_HOLD_MS keeps the filled page on screen that long.
    if (const int holdMs = qEnvironmentVariableIntValue("QF_TEST_HOLD_MS"); holdMs > 0) {
        window->resize(1280, 860);
        QTest::qWait(holdMs / 2);
        page->findChild<QComboBox*>(QStringLiteral("metricCombo"))->setCurrentIndex(1); // size against KLD
        QTest::qWait(holdMs / 2);
    }
}

void TestComparePage::exportsHoldTheNumbers() {
    auto window = makeWindow();
    ComparePage* page = openOnComparePage(*window);
    QVERIFY(page);
    QTRY_COMPARE(page->tableModel()->measuredCount(), 3);
    const auto& rows = page->tableModel()->rows();

    const QString csvPath = m_dir->filePath(QStringLiteral("table.csv"));
    QCOMPARE(page->exportTableCsv(csvPath), QString());
    QFile csv(csvPath);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(csv.readAll()).trimmed().split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 4);
    QVERIFY(
        lines[0].startsWith(QStringLiteral("file,type,bytes,bits_per_weight,perplexity,perplexity_error")));
    for (int r = 0; r < 3; ++r) {
        const QStringList fields = lines[r + 1].split(QLatin1Char(','));
        QCOMPARE(fields.size(), 15);
        QCOMPARE(fields[0], rows[size_t(r)].fileName());
        QCOMPARE(fields[4].toDouble(), rows[size_t(r)].evaluation->perplexity);
        QVERIFY(fields[11].toDouble() > 0); // generation tokens/s
        QCOMPARE(fields[12], QStringLiteral("books-eval.txt"));
        QCOMPARE(fields[13], QStringLiteral("256"));
        QCOMPARE(fields[7].isEmpty(), rows[size_t(r)].isSource); // mean KLD only for quants
    }

    const QString jsonPath = m_dir->filePath(QStringLiteral("table.json"));
    QCOMPARE(page->exportTableJson(jsonPath), QString());
    QFile json(jsonPath);
    QVERIFY(json.open(QIODevice::ReadOnly));
    const QJsonArray files =
        QJsonDocument::fromJson(json.readAll()).object().value(QStringLiteral("files")).toArray();
    QCOMPARE(files.size(), 3);
    QCOMPARE(files[0].toObject().value(QStringLiteral("source")).toBool(), true);
    QCOMPARE(files[1].toObject().value(QStringLiteral("perplexity")).toDouble(),
             rows[1].evaluation->perplexity);
    QCOMPARE(files[2].toObject().value(QStringLiteral("mean_kld")).toDouble(), *rows[2].evaluation->meanKld);

    const QString svgPath = m_dir->filePath(QStringLiteral("chart.svg"));
    QCOMPARE(page->exportChart(svgPath), QString());
    QFile svg(svgPath);
    QVERIFY(svg.open(QIODevice::ReadOnly));
    const QString svgText = QString::fromUtf8(svg.readAll());
    QVERIFY(svgText.startsWith(QStringLiteral("<?xml")));
    QVERIFY(svgText.contains(QStringLiteral("class=\"pareto-front\"")));
    QCOMPARE(svgText.count(QStringLiteral("class=\"point\"")), 3);
    QVERIFY(svgText.contains(QStringLiteral(">Q4_K_M</text>")));

    const QString pngPath = m_dir->filePath(QStringLiteral("chart.png"));
    QCOMPARE(page->exportChart(pngPath), QString());
    QImage png(pngPath);
    QVERIFY(!png.isNull());
    QVERIFY(png.width() > 100 && png.height() > 100);
}

void TestComparePage::cancelButtonStopsEvaluation() {
    auto window = makeWindow();
    ComparePage* page = openOnComparePage(*window);
    QVERIFY(page);
    page->setChunkLimit(-1);
    QSignalSpy finished(page, &ComparePage::evaluationFinished);
    QVERIFY(page->evaluate());
    // Taken back before it ran or stopped while running: either way reported as cancelled, not failed.
    QTest::mouseClick(page->findChild<QPushButton*>(QStringLiteral("cancelEvaluationButton")),
                      Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QCOMPARE(finished.first().first().toBool(), false);
    QVERIFY(!page->findChild<QLabel*>(QStringLiteral("evaluationError"))->isVisible());
}

void TestComparePage::cancelStopsEvaluation() {
    auto window = makeWindow();
    ComparePage* page = openOnComparePage(*window);
    QVERIFY(page);
    page->setChunkLimit(-1); // the whole text: far longer than the test waits
    std::vector<size_t> storedBefore;
    for (const QString& path : m_quants)
        storedBefore.push_back(qf::eval::readSidecar(path.toStdU16String())->evaluations.size());
    QSignalSpy finished(page, &ComparePage::evaluationFinished);
    // Ctrl+Enter starts, Esc cancels (the shortcuts of the hidden Produce page do not compete).
    window->activateWindow();
    QTest::keyClick(window.get(), Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(page->isEvaluating());
    auto* progress = page->findChild<QProgressBar*>(QStringLiteral("evaluationProgress"));
    QTRY_VERIFY_WITH_TIMEOUT(progress->value() > 0, 60000);
    QTest::keyClick(window.get(), Qt::Key_Escape);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QCOMPARE(finished.first().first().toBool(), false);
    QVERIFY(!page->isEvaluating());
    QCOMPARE(page->findChild<QLabel*>(QStringLiteral("evaluationStatus"))->text(),
             QStringLiteral("Evaluation cancelled."));
    QVERIFY(page->findChild<QPushButton*>(QStringLiteral("evaluateButton"))->isEnabled());
    // Nothing stored for the cancelled run; the earlier results are untouched.
    for (int i = 0; i < m_quants.size(); ++i) {
        auto sidecar = qf::eval::readSidecar(m_quants[i].toStdU16String());
        QVERIFY(sidecar.ok());
        QCOMPARE(sidecar->evaluations.size(), storedBefore[size_t(i)]);
    }
}

// The sample was trained with 256 tokens of context: the page evaluates at 256, not llama-perplexity's 512,
// until the person picks a context; a picked one stays for a model trained for at least as much.
void TestComparePage::contextFollowsTheModel() {
    auto window = makeWindow();
    window->openFiles({m_source});
    const QModelIndex source = window->modelList()->findPath(m_source);
    QVERIFY(source.isValid());
    QTRY_COMPARE(source.data(ModelListModel::StateRole).toInt(), int(LoadState::Ready));
    window->modelView()->setCurrentIndex(source);
    auto* page = window->findChild<ComparePage*>(QStringLiteral("comparePage"));
    QVERIFY(page);
    window->sourceView()->setCurrentPage(page);
    auto* spin = page->findChild<QSpinBox*>(QStringLiteral("contextSpin"));
    QVERIFY(spin);
    QTRY_COMPARE(spin->value(), 256);
    spin->setValue(128); // the person's choice
    QCOMPARE(spin->value(), 128);
}

// Issue 13: another model with a shorter trained context lowered the context for good, so coming back
// showed "Not measured on this text and context yet" and an empty chart.
void TestComparePage::switchingModelsKeepsResults() {
    auto window = makeWindow();
    ComparePage* page = openOnComparePage(*window);
    QVERIFY(page);
    QTRY_COMPARE(page->tableModel()->measuredCount(), 3);
    window->openFiles({m_shortContextModel});
    const QModelIndex other = window->modelList()->findPath(m_shortContextModel);
    QVERIFY(other.isValid());
    QVERIFY(!other.parent().isValid()); // the same types: a copy, not a quant of the source
    QTRY_COMPARE(other.data(ModelListModel::StateRole).toInt(), int(LoadState::Ready));
    window->modelView()->setCurrentIndex(other);
    auto* spin = page->findChild<QSpinBox*>(QStringLiteral("contextSpin"));
    QTRY_COMPARE(spin->value(), 64);
    QCOMPARE(page->tableModel()->rowCount(), 1);
    window->modelView()->setCurrentIndex(window->modelList()->findPath(m_source));
    QTRY_COMPARE(spin->value(), int(kContext));
    QCOMPARE(page->tableModel()->rowCount(), 3);
    QCOMPARE(page->tableModel()->measuredCount(), 3);
    QCOMPARE(page->chart()->plottedCount(), 3);
}

QTEST_MAIN(TestComparePage)
#include "test_compare_page.moc"
