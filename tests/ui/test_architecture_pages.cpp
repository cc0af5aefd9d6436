// Compare, side-by-side and Recommend on models other than llama (issue 11): a Qwen3 and a gpt-oss model
// (mixture of experts, attention sinks, sliding windows, YaRN), made here by the synthetic-architecture
// generator, each with a Q8_0 made by the core quantize job, in the real window on the offscreen platform.
// Compare evaluates both files, the side-by-side prompt answers from both, and Recommend shows the measured
// quality of the quant.
#include <memory>

#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QDoubleSpinBox>

#include "main_window.h"
#include "models/comparison_table_model.h"
#include "models/model_list_model.h"
#include "models/recommend_table_model.h"
#include "pages/compare_page.h"
#include "pages/recommend_page.h"
#include "pages/source_view.h"
#include "qf/gguf/gguf_file.h"
#include "qf/model/synthetic_architecture.h"
#include "qf/quant/plan.h"
#include "qf/quant/quantize_job.h"
#include "widgets/side_by_side_view.h"

using namespace qf::ui;

namespace {

const QString kTextPath = QStringLiteral(QF_SHARED_DIR "/data/books-eval.txt");
constexpr uint32_t kContext = 64;
constexpr int kChunks = 2;

} // namespace

class TestArchitecturePages : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_settings =
            std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    }

    void compareSideBySideAndRecommend_data() {
        QTest::addColumn<QString>("architecture");
        QTest::newRow("qwen3") << QStringLiteral("qwen3");
        QTest::newRow("gpt-oss") << QStringLiteral("gpt-oss");
    }

    void compareSideBySideAndRecommend() {
        QFETCH(QString, architecture);
        // A folder per model: the window lists the quants found beside a source.
        const QString folder = m_dir->filePath(architecture);
        QVERIFY(QDir().mkpath(folder));
        const QString source = folder + QStringLiteral("/synthetic-") + architecture + QStringLiteral("-f16.gguf");
        auto written = qf::model::writeSyntheticArchitecture(architecture.toStdString(), source.toStdU16String());
        QVERIFY2(written.ok(), written.ok() ? "" : written.error().message.c_str());
        const QString quant = folder + QStringLiteral("/synthetic-") + architecture + QStringLiteral("-Q8_0.gguf");
        {
            auto file = qf::gguf::GgufFile::open(source.toStdU16String());
            QVERIFY(file.ok());
            auto plan = qf::quant::makeQuantPlan(file->metadata(), file->tensors(), *qf::quant::findPreset("Q8_0"), {});
            QVERIFY(plan.ok());
            qf::quant::QuantizeParams params;
            params.source = &*file;
            params.outputs.push_back({std::move(plan).value(), quant.toStdU16String()});
            auto produced = qf::quant::quantize(params);
            QVERIFY2(produced.ok(), produced.ok() ? "" : produced.error().message.c_str());
        }
        const QString sourcePath = QFileInfo(source).canonicalFilePath();

        MainWindow window(m_settings.get());
        window.show();
        window.openFiles({sourcePath});
        ModelListModel* models = window.modelList();
        const QModelIndex sourceIndex = models->findPath(sourcePath);
        QVERIFY(sourceIndex.isValid());
        QTRY_COMPARE(sourceIndex.data(ModelListModel::StateRole).toInt(), int(LoadState::Ready));
        QTRY_COMPARE(models->rowCount(sourceIndex), 1);
        QTRY_COMPARE(models->index(0, 0, sourceIndex).data(ModelListModel::StateRole).toInt(),
                     int(LoadState::Ready));
        window.modelView()->setCurrentIndex(sourceIndex);

        // Compare: both files evaluated, the quant with a KL divergence against the source.
        auto* compare = window.findChild<ComparePage*>(QStringLiteral("comparePage"));
        QVERIFY(compare);
        window.sourceView()->setCurrentPage(compare);
        compare->setEvaluationText(kTextPath);
        compare->setContext(kContext);
        compare->setChunkLimit(kChunks);
        QSignalSpy finished(compare, &ComparePage::evaluationFinished);
        auto* evaluate = compare->findChild<QPushButton*>(QStringLiteral("evaluateButton"));
        QVERIFY(evaluate && evaluate->isEnabled());
        QTest::mouseClick(evaluate, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 180000);
        auto* error = compare->findChild<QLabel*>(QStringLiteral("evaluationError"));
        QVERIFY2(finished.first().first().toBool(), qPrintable(error ? error->text() : QString()));
        ComparisonTableModel* table = compare->tableModel();
        QCOMPARE(table->measuredCount(), 2);
        for (const ComparisonRow& row : table->rows()) {
            QVERIFY(row.evaluation);
            QCOMPARE(row.evaluation->chunks, kChunks);
            QVERIFY(row.evaluation->perplexity > 1.0);
            if (!row.isSource) {
                QVERIFY(row.evaluation->meanKld && *row.evaluation->meanKld > 0.0);
                QVERIFY(*row.evaluation->meanKld < 0.05); // Q8_0 is nearly lossless
            }
        }

        // Side by side: both files answer the same prompt.
        SideBySideView* view = compare->sideBySideView();
        QVERIFY(view);
        QCOMPARE(view->paneCount(), 2);
        view->findChild<QLineEdit*>(QStringLiteral("promptEdit"))->setText(QStringLiteral("Once upon a time"));
        view->findChild<QSpinBox*>(QStringLiteral("maxTokensSpin"))->setValue(6);
        view->findChild<QDoubleSpinBox*>(QStringLiteral("temperatureSpin"))->setValue(0.0);
        QSignalSpy answered(view, &SideBySideView::runFinished);
        auto* run = view->findChild<QPushButton*>(QStringLiteral("runPromptButton"));
        QVERIFY(run && run->isEnabled());
        QTest::mouseClick(run, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(answered.count(), 1, 120000);
        const QList<QLabel*> footers = view->findChildren<QLabel*>(QStringLiteral("paneFooter"));
        QCOMPARE(footers.size(), 2);
        for (QLabel* footer : footers)
            QVERIFY2(footer->text().contains(QStringLiteral(" tokens · ")) &&
                         !footer->text().startsWith(QStringLiteral("0 tokens")),
                     qPrintable(footer->text()));

        // Recommend: the Q8_0 row's quality is the measured one.
        auto* recommend = window.findChild<RecommendPage*>(QStringLiteral("recommendPage"));
        QVERIFY(recommend);
        window.sourceView()->setCurrentPage(recommend);
        RecommendTableModel* presets = recommend->tableModel();
        QTRY_VERIFY(presets->rowOf(QStringLiteral("Q8_0")) >= 0);
        const auto quality = [&] {
            return presets->index(presets->rowOf(QStringLiteral("Q8_0")), RecommendTableModel::QualityColumn)
                .data()
                .toString();
        };
        QTRY_VERIFY2(quality().endsWith(QStringLiteral("(measured)")), qPrintable(quality()));
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
};

QTEST_MAIN(TestArchitecturePages)
#include "test_architecture_pages.moc"
