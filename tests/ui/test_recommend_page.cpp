// The Recommend page on the offscreen platform: the recommended row is highlighted and explained, the
// context slider and the KV-cache type change the verdicts, the machine card's profiles and fields feed
// the table, and "Produce Selected" hands the chosen presets on - also through the main window.
#include <filesystem>

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

#include "main_window.h"
#include "models/model_entry.h"
#include "models/recommend_table_model.h"
#include "pages/machine_card_widget.h"
#include "pages/produce_page.h"
#include "pages/recommend_page.h"
#include "pages/source_view.h"
#include "qf/gguf/gguf_file.h"
#include "format.h"
#include "qf/model_summary.h"
#include "qf/quant/plan.h"
#include "qf/quant/quantize_job.h"

using namespace qf;
using namespace qf::ui;

namespace {

const QString kModelPath = QStringLiteral(QF_SHARED_DIR "/models/qf-books-22m-f16.gguf");

ModelEntry sharedModelEntry() {
    auto file = gguf::GgufFile::open(kModelPath.toStdString());
    if (!file) qFatal("%s", file.error().message.c_str());
    auto loaded = std::make_shared<LoadedModel>();
    loaded->summary = summarize(*file);
    loaded->file = std::make_shared<const gguf::GgufFile>(std::move(*file));
    ModelEntry entry;
    entry.id = 1;
    entry.path = kModelPath;
    entry.state = LoadState::Ready;
    entry.model = loaded;
    return entry;
}

// A machine so small that the 21M-parameter shared model's presets straddle it: 58 MB of RAM usable.
recommend::Machine tinyMachine() {
    recommend::Machine m;
    m.label = "tiny";
    m.ramBytes = 1000000000;
    m.osReserveBytes = 942000000;
    return m;
}

template <class T> T* child(QObject* parent, const char* name) {
    return parent->findChild<T*>(QString::fromLatin1(name));
}

QString fitTextOf(RecommendTableModel* model, const QString& preset) {
    return model->index(model->rowOf(preset), RecommendTableModel::FitColumn).data().toString();
}

} // namespace

class TestRecommendPage : public QObject {
    Q_OBJECT

    QThreadPool m_pool;

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        // Numbers are formatted with QLocale(); pin one so the expected strings are known.
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void recommendedRowAndExplanationShown() {
        RecommendPage page(&m_pool, false);
        page.resize(1000, 800);
        page.show();
        page.setMachine(tinyMachine());
        page.setEntry(sharedModelEntry());
        QTRY_VERIFY(page.result() != nullptr);
        // The shared model was trained for 256 tokens: that is the default context here.
        QCOMPARE(page.context(), quint64(256));

        auto* model = page.tableModel();
        // Every preset, MXFP4_MOE too, and the custom mix below them (issue 16).
        QCOMPARE(model->rowCount(), int(qf::quant::allPresets().size()) + 1);
        QCOMPARE(model->mixRowIndex(), int(qf::quant::allPresets().size()));
        const int row = model->recommendedRow();
        QVERIFY(row >= 0);
        // Q8_0 (60.7 MB) does not fit in 58 MB; Q6_K (55.6 MB) does.
        QCOMPARE(model->index(row, 0).data(RecommendTableModel::PresetNameRole).toString(),
                 QStringLiteral("Q6_K"));
        QVERIFY(model->index(row, 0).data(RecommendTableModel::RecommendedRole).toBool());
        QVERIFY(model->index(row, 0).data(Qt::FontRole).value<QFont>().bold());
        QVERIFY(model->index(row, 0).data(Qt::BackgroundRole).isValid());
        QVERIFY(!model->index(model->rowOf(QStringLiteral("Q8_0")), 0).data(Qt::BackgroundRole).isValid());
        QCOMPARE(fitTextOf(model, QStringLiteral("Q6_K")), QStringLiteral("CPU only"));
        QCOMPARE(fitTextOf(model, QStringLiteral("Q8_0")), QStringLiteral("Does not fit"));
        // Exact sizes, labelled estimates.
        QCOMPARE(model->index(row, RecommendTableModel::SizeColumn).data().toString(),
                 QStringLiteral("18.1 MB"));
        QVERIFY(model->index(row, RecommendTableModel::QualityColumn)
                    .data()
                    .toString()
                    .endsWith(QStringLiteral("(typical, est.)")));
        QVERIFY(model->headerData(RecommendTableModel::SpeedColumn, Qt::Horizontal)
                    .toString()
                    .contains(QStringLiteral("est.")));

        auto* headline = child<QLabel>(&page, "recommendationHeadline");
        auto* explanation = child<QLabel>(&page, "recommendationExplanation");
        QCOMPARE(headline->text(), QStringLiteral("Recommended: Q6_K, on the CPU"));
        QVERIFY(explanation->isVisible());
        QVERIFY(explanation->text().contains(QStringLiteral("Q6_K runs from system RAM")));
        QVERIFY(explanation->text().contains(QStringLiteral("786.4 kB of KV cache (F16, 256 tokens)")));
        QVERIFY(explanation->text().contains(QStringLiteral("Q8_0 would need 60.7 MB")));
        // The recommended preset is the one checked for producing.
        QCOMPARE(page.selectedPresets(), QStringList{QStringLiteral("Q6_K")});
    }

    // Issue 12: the types llama.cpp v0.5.0 added are offered with their exact sizes: the plan's size (for
    // presets that need an importance matrix, the plan made as if one were given), which is the size of
    // the file quantize writes.
    void listsTheNewPresetsWithExactSizes() {
        RecommendPage page(&m_pool, false);
        page.resize(1000, 800);
        page.show();
        page.setMachine(tinyMachine());
        page.setEntry(sharedModelEntry());
        QTRY_VERIFY(page.result() != nullptr);
        auto* model = page.tableModel();
        auto file = gguf::GgufFile::open(kModelPath.toStdString());
        QVERIFY(file.ok());
        for (const char* name : {"IQ1_S", "IQ1_M", "IQ2_XXS", "IQ2_XS", "IQ2_S", "IQ2_M", "IQ3_XXS", "IQ3_XS",
                                 "IQ3_S", "IQ3_M", "Q2_K_S", "TQ1_0", "TQ2_0", "MXFP4_MOE"}) {
            const QString preset = QString::fromLatin1(name);
            const int row = model->rowOf(preset);
            QVERIFY2(row >= 0, name);
            const quant::Preset* p = quant::findPreset(name);
            QVERIFY(p);
            quant::PlanOptions options;
            auto plan = quant::makeQuantPlan(file->metadata(), file->tensors(), *p, options);
            const bool needsImatrix = !plan && quant::needsImportanceMatrix(plan.error());
            if (needsImatrix) {
                options.assumeImatrix = true;
                plan = quant::makeQuantPlan(file->metadata(), file->tensors(), *p, options);
            }
            QVERIFY2(plan.ok(), name);
            const recommend::PresetVerdict& v = page.result()->presets[size_t(row)];
            QVERIFY2(v.available, name);
            QCOMPARE(v.fileBytes, plan->fileBytes);
            QCOMPARE(v.needsImatrix, needsImatrix);
            QCOMPARE(model->index(row, RecommendTableModel::SizeColumn).data().toString(),
                     formatBytes(plan->fileBytes));
            QVERIFY2(model->index(row, RecommendTableModel::SizeColumn)
                         .data(Qt::ToolTipRole)
                         .toString()
                         .contains(formatCount(plan->fileBytes)),
                     name);
        }
        // One produced without a matrix: its file is exactly the listed size.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::filesystem::path out = dir.filePath(QStringLiteral("q.gguf")).toStdString();
        auto plan = quant::makeQuantPlan(file->metadata(), file->tensors(), *quant::findPreset("TQ2_0"));
        QVERIFY(plan.ok());
        quant::QuantizeParams params;
        params.source = &*file;
        params.threads = 2;
        params.outputs.push_back({std::move(*plan), out});
        QVERIFY(quant::quantize(params).ok());
        QCOMPARE(uint64_t(std::filesystem::file_size(out)),
                 page.result()->presets[size_t(model->rowOf(QStringLiteral("TQ2_0")))].fileBytes);
    }

    void changingContextUpdatesVerdicts() {
        RecommendPage page(&m_pool, false);
        page.show();
        page.setMachine(tinyMachine());
        page.setEntry(sharedModelEntry());
        QTRY_VERIFY(page.result() != nullptr);
        auto* model = page.tableModel();
        auto* slider = child<QSlider>(&page, "contextSlider");
        auto* label = child<QLabel>(&page, "contextLabel");
        QCOMPARE(label->text(), QStringLiteral("256 tokens"));
        const QString before = fitTextOf(model, QStringLiteral("Q4_K_M"));
        QCOMPARE(before, QStringLiteral("CPU only"));

        // 4,096 tokens: 12.6 MB of KV cache and a compute buffer of tens of MB no longer fit.
        slider->setValue(slider->value() + 4);
        QCOMPARE(page.context(), quint64(4096));
        QCOMPARE(label->text(), QStringLiteral("4,096 tokens"));
        QCOMPARE(fitTextOf(model, QStringLiteral("Q4_K_M")), QStringLiteral("Does not fit"));
        QCOMPARE(model->recommendedRow(), -1);
        QCOMPARE(child<QLabel>(&page, "recommendationHeadline")->text(), QStringLiteral("Nothing fits"));
        auto* suggestions = child<QLabel>(&page, "recommendationSuggestions");
        QVERIFY(suggestions->isVisible());
        QVERIFY(suggestions->text().contains(QStringLiteral("With a context of")));
        QVERIFY(!child<QPushButton>(&page, "produceSelectedButton")->isEnabled());

        // Back to 256: fits again, and the recommended row returns.
        slider->setValue(slider->value() - 4);
        QCOMPARE(fitTextOf(model, QStringLiteral("Q4_K_M")), QStringLiteral("CPU only"));
        QVERIFY(model->recommendedRow() >= 0);

        // The KV-cache type changes the KV column's exact numbers through the explanation.
        page.setKvType(GgmlType::Q8_0);
        QVERIFY(child<QLabel>(&page, "recommendationExplanation")
                    ->text()
                    .contains(QStringLiteral("(Q8_0, 256 tokens)")));
    }

    void machineCardProfilesAndFields() {
        RecommendPage page(&m_pool, false);
        page.show();
        page.setEntry(sharedModelEntry());
        auto* card = page.machineCard();
        QVERIFY(card->selectProfile(QStringLiteral("vram-8")));
        QTRY_VERIFY(page.result() != nullptr);
        QCOMPARE(page.machine().gpuBytes, 8ull << 30);
        QCOMPARE(child<QDoubleSpinBox>(card, "gpuSpin")->value(), 8.6);
        QCOMPARE(page.tableModel()->index(0, RecommendTableModel::FitColumn).data().toString(),
                 QStringLiteral("Fits on GPU"));
        // Editing a field makes it a custom machine; no GPU means CPU only.
        child<QDoubleSpinBox>(card, "gpuSpin")->setValue(0.0);
        QCOMPARE(card->profileId(), MachineCardWidget::kCustom);
        QVERIFY(!page.machine().hasGpu());
        QCOMPARE(page.machine().ramBytes, 32ull << 30); // unchanged, to the byte
        QCOMPARE(page.tableModel()->index(0, RecommendTableModel::FitColumn).data().toString(),
                 QStringLiteral("CPU only"));
        // Apple profile: unified memory with an estimated working set.
        QVERIFY(card->selectProfile(QStringLiteral("apple-16")));
        QVERIFY(page.machine().unifiedMemory);
        QVERIFY(child<QLabel>(card, "machineNote")->text().contains(QStringLiteral("estimate")));
        // Detection applies only while "This machine" is chosen.
        hw::HardwareInfo h;
        h.memory.totalBytes = 64ull << 30;
        h.cpu.modelName = "Test CPU";
        page.setDetectedHardware(std::make_shared<const hw::HardwareInfo>(h));
        QVERIFY(page.machine().unifiedMemory);
        QVERIFY(child<QLabel>(card, "detectedHardware")->text().contains(QStringLiteral("Test CPU")));
        QVERIFY(card->selectProfile(MachineCardWidget::kThisMachine));
        QCOMPARE(page.machine().ramBytes, 64ull << 30);
        QVERIFY(!page.machine().hasGpu());
    }

    void produceSelectedEmitsPresets() {
        RecommendPage page(&m_pool, false);
        page.show();
        page.setMachine(tinyMachine());
        page.setEntry(sharedModelEntry());
        QTRY_VERIFY(page.result() != nullptr);
        auto* model = page.tableModel();
        QVERIFY(model->setData(model->index(model->rowOf(QStringLiteral("Q4_K_M")), 0), Qt::Checked,
                               Qt::CheckStateRole));
        auto* button = child<QPushButton>(&page, "produceSelectedButton");
        QVERIFY(button->isEnabled());
        QCOMPARE(button->text(), QStringLiteral("Produce 2 Selected"));
        QSignalSpy spy(&page, &RecommendPage::produceRequested);
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toStringList(),
                 (QStringList{QStringLiteral("Q6_K"), QStringLiteral("Q4_K_M")}));
        // The person's choice stays when the context changes.
        page.setContext(512);
        QCOMPARE(page.selectedPresets().size(), qsizetype(2));
    }

    // In the window: Recommend is the first page, and "Produce Selected" opens Produce with those presets.
    void windowRoutesToProducePage() {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        MainWindow window(&settings);
        window.show();
        SourceView* view = window.sourceView();
        auto* recommendPage = qobject_cast<RecommendPage*>(view->pages().value(0));
        QVERIFY(recommendPage);
        QCOMPARE(view->pages().value(1)->title(), QStringLiteral("Overview"));
        window.openFiles({kModelPath});
        QTRY_VERIFY(recommendPage->result() != nullptr);
        QCOMPARE(view->currentPage(), recommendPage);
        emit recommendPage->produceRequested({QStringLiteral("Q5_K_M"), QStringLiteral("Q4_K_M")});
        QCOMPARE(view->currentPage(), window.producePage());
        QTRY_COMPARE(window.producePage()->chosenPresets(),
                     (QStringList{QStringLiteral("Q5_K_M"), QStringLiteral("Q4_K_M")}));
    }
};

QTEST_MAIN(TestRecommendPage)
#include "test_recommend_page.moc"
