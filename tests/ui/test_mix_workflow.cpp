// Issue 16 in the app, on the offscreen platform with the shared sample model: Recommend offers "Custom
// mix — fits this machine exactly" with the budget the machine holds at the chosen context and, once the
// sensitivity is measured, a predicted KLD; Produce makes it (a queued job with progress: sensitivity from
// the cache, solver, file) as <model>-mix-<size>.gguf; Compare lists and charts it with its measured KLD,
// which the Recommend row then shows too. A few short calibration chunks keep it well under a minute.
#include <memory>

#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLineSeries>
#include <QPushButton>
#include <QScatterSeries>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include "main_window.h"
#include "models/comparison_table_model.h"
#include "models/model_list_model.h"
#include "models/recommend_table_model.h"
#include "pages/compare_page.h"
#include "pages/produce_page.h"
#include "pages/recommend_page.h"
#include "pages/source_view.h"
#include "qf/gguf/gguf_file.h"
#include "qf/mix/machine_budget.h"
#include "qf/mix/mix_plan.h"
#include "widgets/job_queue_widget.h"
#include "widgets/job_row_widget.h"
#include "widgets/size_quality_chart.h"
#include "window_fixture.h"

using namespace qf::ui;

namespace {

const QString kModelPath = QStringLiteral(QF_SHARED_DIR "/models/qf-books-22m-f16.gguf");
const QString kEvalText = QStringLiteral(QF_SHARED_DIR "/data/books-eval.txt");

// A machine with `usable` bytes of RAM after the OS reserve, CPU only.
qf::recommend::Machine machineWithUsable(quint64 usable) {
    qf::recommend::Machine m;
    m.label = "small";
    m.ramBytes = 1000000000;
    m.osReserveBytes = 1000000000 - usable;
    return m;
}

} // namespace

class TestMixWorkflow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY2(QFile::exists(kModelPath), qPrintable(kModelPath));
        QVERIFY(m_dir.isValid());
        m_source = m_dir.filePath(QStringLiteral("qf-books-22m-f16.gguf"));
        QVERIFY(QFile::copy(kModelPath, m_source));
        QFile::setPermissions(m_source, QFile::ReadOwner | QFile::WriteOwner);
        m_source = QFileInfo(m_source).canonicalFilePath();
        m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    }

    void recommendProduceCompare() {
        auto window = qf::test::makeActiveWindow(m_settings.get());
        RecommendPage* recommend = window->recommendPage();
        MixSettings quick;
        quick.chunks = 1;
        quick.context = 64;
        quick.probeTypes = {qf::GgmlType::Q4_K};
        recommend->setMixSettings(quick);
        QVERIFY(qf::test::openOnPage(*window, m_source, recommend));
        RecommendTableModel* table = recommend->tableModel();
        // A machine whose RAM holds, at this context, a file halfway between Q3_K_M and Q5_K_M.
        QTRY_VERIFY_WITH_TIMEOUT(recommend->plannedModel() && recommend->result(), 30000);
        {
            const auto& presets = recommend->result()->presets;
            const auto& q3 = presets[size_t(table->rowOf(QStringLiteral("Q3_K_M")))];
            const auto& q5 = presets[size_t(table->rowOf(QStringLiteral("Q5_K_M")))];
            recommend->setMachine(machineWithUsable(q3.kvBytes + q3.computeBytes + (q3.weightBytes + q5.weightBytes) / 2));
        }
        QTRY_VERIFY_WITH_TIMEOUT(table->mixRowIndex() >= 0, 30000);
        const int mixRow = table->mixRowIndex();
        QCOMPARE(mixRow, int(qf::quant::allPresets().size())); // below every preset
        QCOMPARE(table->index(mixRow, RecommendTableModel::PresetColumn).data().toString(),
                 QStringLiteral("Custom mix — fits this machine exactly"));
        QVERIFY(table->index(mixRow, 0).data(RecommendTableModel::IsMixRole).toBool());

        // The budget is what this machine holds at this context, by the presets' memory model: a file of
        // the budget's size runs on the CPU, one 1 % larger would not.
        const quint64 budget = recommend->mixBudget();
        const auto* result = recommend->result();
        QVERIFY(result);
        const auto* q3 = &result->presets[size_t(table->rowOf(QStringLiteral("Q3_K_M")))];
        const auto* q5 = &result->presets[size_t(table->rowOf(QStringLiteral("Q5_K_M")))];
        QVERIFY2(budget > q3->fileBytes && budget < q5->fileBytes, qPrintable(QString::number(budget)));
        QCOMPARE(table->mixRow()->budgetFit, qf::recommend::Fit::CpuOnly);
        QCOMPARE(qf::mix::fitForBudget(*recommend->plannedModel(), budget * 101 / 100, recommend->context(),
                                       recommend->kvType(), recommend->machine()),
                 qf::recommend::Fit::DoesNotFit);

        // Nothing cached yet: the row says so; measuring gives the prediction and the exact size.
        QTRY_VERIFY(table->index(mixRow, RecommendTableModel::QualityColumn)
                        .data()
                        .toString()
                        .startsWith(QStringLiteral("Not measured yet")));
        auto* measure = qf::test::child<QPushButton>(recommend, "mixMeasureButton");
        QVERIFY(measure && measure->isEnabled());
        QTest::mouseClick(measure, Qt::LeftButton);
        QVERIFY(recommend->isMeasuringMix());
        QTRY_VERIFY_WITH_TIMEOUT(recommend->mixPrediction() != nullptr, 300000);
        const MixPrediction prediction = *recommend->mixPrediction();
        QVERIFY(prediction.predictedKld > 0.0);
        QVERIFY(prediction.plan->fileBytes <= budget);
        const QString quality = table->index(mixRow, RecommendTableModel::QualityColumn).data().toString();
        QVERIFY2(quality.endsWith(QStringLiteral("(predicted)")), qPrintable(quality));
        const auto& verdict = table->mixRow()->verdict;
        QVERIFY(verdict);
        QCOMPARE(verdict->fileBytes, prediction.plan->fileBytes);
        QCOMPARE(verdict->fit, qf::recommend::Fit::CpuOnly);
        QVERIFY(verdict->totalBytes <= result->budget.ramUsable);
        // "Exactly": the machine's memory is used to within a small part.
        QVERIFY(double(result->budget.ramUsable - verdict->totalBytes) < 0.02 * double(result->budget.ramUsable));

        // A smaller budget, typed in: solved again from the measured table, without measuring.
        recommend->setMixBudget(12'000'000);
        QTRY_VERIFY2_WITH_TIMEOUT(recommend->mixPrediction() && recommend->mixPrediction()->budget == 12'000'000,
                                  qPrintable(table->index(mixRow, RecommendTableModel::QualityColumn).data().toString()),
                                  60000);
        QVERIFY(recommend->mixPrediction()->table == prediction.table);
        QVERIFY(recommend->mixPrediction()->predictedKld > prediction.predictedKld);
        QVERIFY(recommend->mixPrediction()->plan->fileBytes <= 12'000'000);
        const MixPrediction small = *recommend->mixPrediction();

        // Only the mix checked; Produce Selected hands it to the Produce page.
        table->setCheckedPresets({});
        QVERIFY(table->setData(table->index(mixRow, 0), Qt::Checked, Qt::CheckStateRole));
        auto* produceSelected = qf::test::child<QPushButton>(recommend, "produceSelectedButton");
        QVERIFY(produceSelected->isEnabled());
        QTest::mouseClick(produceSelected, Qt::LeftButton);
        ProducePage* produce = window->producePage();
        QCOMPARE(window->sourceView()->currentPage(), produce);
        auto* mixCheck = qf::test::child<QCheckBox>(produce, "mixCheck");
        QVERIFY(mixCheck && mixCheck->isVisible() && mixCheck->isChecked());
        QCOMPARE(produce->mixBudget(), quint64(12'000'000));
        const QString expected = m_dir.filePath(QStringLiteral("qf-books-22m-mix-12.0MB.gguf"));
        QCOMPARE(produce->mixOutputPath(), QDir::cleanPath(expected));

        QSignalSpy produced(produce, &ProducePage::filesProduced);
        QTRY_VERIFY_WITH_TIMEOUT(produce->canStart(), 30000);
        QVERIFY(produce->start());
        JobRowWidget* row = produce->jobQueue()->rows().constLast();
        QTRY_COMPARE_WITH_TIMEOUT(row->state(), JobState::Succeeded, 300000);
        QCOMPARE(produced.count(), 1);
        QCOMPARE(row->files().size(), 1);
        QCOMPARE(row->files().front().presetName, QStringLiteral("Custom mix"));
        QVERIFY(QFileInfo::exists(expected));
        // The file the prediction described, to the byte, with its recipe in the metadata.
        QCOMPARE(quint64(QFileInfo(expected).size()), quint64(small.plan->fileBytes));
        auto file = qf::gguf::GgufFile::open(expected.toStdU16String());
        QVERIFY(file.ok());
        const auto predicted = file->metadata().getFloat(qf::mix::kPredictedKldKey);
        QVERIFY(predicted && std::abs(*predicted - small.predictedKld) < 1e-6 * std::max(1.0, small.predictedKld));

        // Listed under the source as a mix, not as the preset its general.file_type names.
        ModelListModel* models = window->modelList();
        const QModelIndex mixItem = models->findPath(QFileInfo(expected).canonicalFilePath());
        QVERIFY(mixItem.isValid());
        QTRY_COMPARE(mixItem.data(ModelListModel::StateRole).toInt(), int(LoadState::Ready));
        QCOMPARE(mixItem.siblingAtColumn(ModelListModel::TypeColumn).data().toString(), QStringLiteral("Custom mix"));

        // Compare: the source and the mix, measured, on the chart.
        window->modelView()->setCurrentIndex(models->findPath(m_source));
        ComparePage* compare = window->comparePage();
        window->sourceView()->setCurrentPage(compare);
        compare->setEvaluationText(kEvalText);
        compare->setContext(64);
        compare->setChunkLimit(2);
        QTRY_COMPARE(compare->tableModel()->rowCount(), 2);
        QSignalSpy finished(compare, &ComparePage::evaluationFinished);
        QVERIFY(compare->evaluate());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 300000);
        QCOMPARE(finished.first().first().toBool(), true);
        const ComparisonTableModel* rows = compare->tableModel();
        int mixAt = -1;
        for (int r = 0; r < rows->rowCount(); ++r)
            if (rows->rows()[size_t(r)].typeName == QStringLiteral("Custom mix")) mixAt = r;
        QVERIFY(mixAt >= 0);
        const ComparisonRow& measured = rows->rows()[size_t(mixAt)];
        QVERIFY(measured.evaluation && measured.evaluation->meanKld && *measured.evaluation->meanKld > 0.0);
        QVERIFY(!rows->index(mixAt, ComparisonTableModel::KldColumn).data().toString().isEmpty());
        compare->chart()->setMetric(SizeQualityChart::Metric::Kld);
        QCOMPARE(compare->chart()->plottedCount(), 2);
        bool charted = false;
        for (QScatterSeries* s : compare->chart()->pointSeries())
            charted = charted || s->name().contains(QStringLiteral("Custom mix"));
        QVERIFY(charted);

        // Beside the measured points, the mix's predicted KLD over budgets (from Recommend's table): a
        // line falling with size that passes through the prediction for the mix that was made.
        QLineSeries* curve = compare->chart()->predictedSeries();
        QVERIFY(curve);
        QVERIFY(curve->name().contains(QStringLiteral("predicted")));
        const QList<QPointF> line = curve->points();
        QVERIFY(line.size() >= 10);
        for (qsizetype i = 1; i < line.size(); ++i) {
            QVERIFY(line[i].x() > line[i - 1].x());
            QVERIFY(line[i].y() <= line[i - 1].y());
        }
        const double mixMB = double(recommend->mixPrediction()->plan->fileBytes) / 1e6;
        const double mixKld = recommend->mixPrediction()->predictedKld;
        QVERIFY(line.front().x() < mixMB && line.back().x() > mixMB);
        for (const QPointF& p : line) {
            if (p.x() < mixMB * 0.99) QVERIFY2(p.y() >= mixKld * 0.98, qPrintable(QString::number(p.x())));
            if (p.x() > mixMB * 1.01) QVERIFY2(p.y() <= mixKld * 1.02, qPrintable(QString::number(p.x())));
        }
        compare->chart()->setMetric(SizeQualityChart::Metric::Perplexity);
        QVERIFY(!compare->chart()->predictedSeries()); // perplexity is not predicted
        compare->chart()->setMetric(SizeQualityChart::Metric::Kld);
        QVERIFY(compare->chart()->predictedSeries());

        // Back on Recommend, the custom row shows the measured KLD beside the prediction.
        window->sourceView()->setCurrentPage(recommend);
        QTRY_VERIFY(table->mixRow() && table->mixRow()->measuredKld);
        QCOMPARE(*table->mixRow()->measuredKld, *measured.evaluation->meanKld);
        const QString shown = table->index(mixRow, RecommendTableModel::QualityColumn).data().toString();
        QVERIFY2(shown.contains(QStringLiteral("(measured)")) && shown.contains(QStringLiteral("predicted")),
                 qPrintable(shown));
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    QString m_source;
};

QTEST_MAIN(TestMixWorkflow)
#include "test_mix_workflow.moc"
