// A Hugging Face folder in the real window (offscreen) is one step from folder to quant: it shows its card
// and tensor table and is quantized straight from the safetensors, with no F16 file written anywhere (the
// cache stays as it was); the Q4_K_M it gives has the tensors, bytes for bytes, of the Q4_K_M of the shared
// F16 GGUF. Only what needs the weights in GGUF form (here "Compute from text") converts it, on demand.
#include <cstring>
#include <filesystem>
#include <memory>

#include <QApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include "hf_cache.h"
#include "jobs/evaluate_job_runner.h"
#include "jobs/generate_job_runner.h"
#include "main_window.h"
#include "models/model_list_model.h"
#include "models/preset_table_model.h"
#include "pages/overview_page.h"
#include "pages/produce_page.h"
#include "pages/source_view.h"
#include "qf/eval/results_sidecar.h"
#include "qf/gguf/gguf_file.h"
#include "qf/quant/plan.h"
#include "qf/quant/quantize_job.h"
#include "widgets/export_panel.h"
#include "widgets/job_queue_widget.h"
#include "widgets/job_row_widget.h"
#include "window_fixture.h"

using namespace qf::ui;
using qf::test::child;

namespace {

const QString kSharedFolder = QStringLiteral(QF_SHARED_DIR "/models/qf-books-22m-hf");
const QString kSharedF16 = QStringLiteral(QF_SHARED_DIR "/models/qf-books-22m-f16.gguf");
const QString kCalibrationPath = QStringLiteral(QF_SHARED_DIR "/data/books-calibration.txt");

// Every file under the app's cache folder, with its size: what a step must leave unchanged.
QStringList cacheListing() {
    QStringList files;
    const QString root = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo info(it.next());
        files << QStringLiteral("%1 %2").arg(info.absoluteFilePath()).arg(info.size());
    }
    files.sort();
    return files;
}

bool isNameKey(const std::string& key) {
    return key == "general.name" || key == "general.basename" || key == "general.finetune" ||
           key == "general.size_label";
}

} // namespace

class TestHfOneStep : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void showsCardAndTensorsWithoutConverting();
    void quantMatchesTheOneOfTheF16File();
    void computeFromTextConvertsOnDemand();
    void evaluationAndGenerationConvertOnDemand();
    void dottedFolderNameIsKeptWhole();

private:
    ProducePage* openOnProducePage(MainWindow& window);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    QString m_folder;
};

void TestHfOneStep::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QVERIFY2(QFileInfo(kSharedFolder).isDir(), qPrintable(kSharedFolder));
    QVERIFY2(QFile::exists(kSharedF16), qPrintable(kSharedF16));
}

void TestHfOneStep::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings =
        std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    const QString folder = m_dir->filePath(QStringLiteral("qf-books-22m-hf"));
    QVERIFY(QDir().mkpath(folder));
    for (const QFileInfo& file : QDir(kSharedFolder).entryInfoList(QDir::Files)) {
        const QString copy = QDir(folder).filePath(file.fileName());
        QVERIFY(QFile::copy(file.absoluteFilePath(), copy));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
    }
    m_folder = QFileInfo(folder).canonicalFilePath();
}

void TestHfOneStep::cleanup() {
    if (!m_folder.isEmpty()) {
        // The conversion and what the engine cached beside it (imatrix statistics).
        const QFileInfo converted(convertedModelPath(m_folder));
        for (const QFileInfo& f : converted.dir().entryInfoList(QDir::Files))
            if (f.fileName().startsWith(converted.fileName())) QFile::remove(f.absoluteFilePath());
    }
    m_settings.reset();
    m_dir.reset();
}

ProducePage* TestHfOneStep::openOnProducePage(MainWindow& window) {
    ProducePage* page = window.producePage();
    if (!qf::test::openOnPage(window, m_folder, page)) return nullptr;
    [&] { QTRY_VERIFY(!page->presetModel()->isPending()); }();
    return page;
}

void TestHfOneStep::showsCardAndTensorsWithoutConverting() {
    const QStringList cacheBefore = cacheListing();
    auto window = qf::test::makeActiveWindow(m_settings.get());
    auto* overview = child<OverviewPage>(window.get(), "overviewPage");
    QVERIFY(overview);
    QVERIFY(qf::test::openOnPage(*window, m_folder, overview));
    const ModelEntry* entry = window->modelList()->entry(window->modelList()->findPath(m_folder));
    QVERIFY(entry && entry->model && entry->model->isHfFolder());

    QCOMPARE(child<QLabel>(overview, "cardTitle")->text(), QStringLiteral("Qf Books 22m Hf"));
    const QString subtitle = child<QLabel>(overview, "cardSubtitle")->text();
    QVERIFY2(subtitle.contains(QStringLiteral("Hugging Face folder")), qPrintable(subtitle));
    auto* table = child<QTableView>(overview, "tensorTable");
    QCOMPARE(table->model()->rowCount(), 57);
    // The F16 conversion's tensor table, row for row the shared F16 GGUF's.
    auto f16 = qf::gguf::GgufFile::open(kSharedF16.toStdU16String());
    QVERIFY(f16);
    QCOMPARE(entry->model->tensors().size(), f16->tensors().size());
    for (size_t i = 0; i < f16->tensors().size(); ++i) {
        const auto& a = entry->model->tensors()[i];
        const auto& b = f16->tensors()[i];
        QCOMPARE(a.name, b.name);
        QVERIFY2(a.shape == b.shape && a.type == b.type && a.byteSize == b.byteSize, a.name.c_str());
    }
    QCOMPARE(entry->model->summary.tensorBytes, qf::summarize(*f16).tensorBytes);
    // Ollama and LM Studio take GGUF files: nothing to export from the folder itself.
    ExportPanel* exportPanel = overview->exportPanel();
    QVERIFY(!exportPanel->isEnabled());
    QVERIFY(!exportPanel->toolTip().isEmpty());
    QVERIFY(!exportPanel->copyToLmStudioAction()->isEnabled());

    // The Produce page plans every preset from the same header.
    ProducePage* page = window->producePage();
    window->sourceView()->setCurrentPage(page);
    QTRY_VERIFY(!page->presetModel()->isPending());
    PresetTableModel* presets = page->presetModel();
    QVERIFY(presets->summaryAt(presets->rowOf(QStringLiteral("Q4_K_M")))->ok);

    QVERIFY(!QFile::exists(convertedModelPath(m_folder)));
    QCOMPARE(cacheListing(), cacheBefore);
}

void TestHfOneStep::quantMatchesTheOneOfTheF16File() {
    const QStringList cacheBefore = cacheListing();
    auto window = qf::test::makeActiveWindow(m_settings.get());
    ProducePage* page = openOnProducePage(*window);
    QVERIFY(page);
    page->setChosenPresets({QStringLiteral("Q4_K_M")});
    const QString outDir = m_dir->filePath(QStringLiteral("out"));
    QVERIFY(QDir().mkpath(outDir));
    page->setOutputDirectory(outDir);
    QVERIFY(page->canStart());
    QVERIFY(page->start());
    JobRowWidget* row = page->jobQueue()->rows().back();
    QTRY_COMPARE_WITH_TIMEOUT(row->state(), JobState::Succeeded, 120000);
    QCOMPARE(row->files().size(), 1);
    const QString fromFolder = row->files().front().path;
    QCOMPARE(QFileInfo(fromFolder).fileName(), QStringLiteral("qf-books-22m-hf-Q4_K_M.gguf"));
    // Quantized straight from the safetensors: no F16 file beside the outputs, the folder or in the cache.
    QCOMPARE(QDir(outDir).entryList(QDir::Files),
             QStringList({QFileInfo(fromFolder).fileName(), QFileInfo(fromFolder).fileName() + QStringLiteral(".lock")}));
    QVERIFY(!QFile::exists(convertedModelPath(m_folder)));
    QCOMPARE(cacheListing(), cacheBefore);

    // The same preset from the shared F16 GGUF (which llama.cpp's converter made from the same folder).
    auto f16 = qf::gguf::GgufFile::open(kSharedF16.toStdU16String());
    QVERIFY(f16);
    auto plan = qf::quant::makeQuantPlan(f16->metadata(), f16->tensors(), *qf::quant::findPreset("Q4_K_M"));
    QVERIFY(plan);
    qf::quant::QuantizeParams params;
    params.source = &*f16;
    const QString fromFile = m_dir->filePath(QStringLiteral("from-f16-Q4_K_M.gguf"));
    params.outputs.push_back({std::move(*plan), fromFile.toStdU16String()});
    auto made = qf::quant::quantize(params);
    QVERIFY2(made, made ? "" : made.error().message.c_str());

    auto a = qf::gguf::GgufFile::open(fromFolder.toStdU16String());
    auto b = qf::gguf::GgufFile::open(fromFile.toStdU16String());
    QVERIFY(a && b);
    // The tensor table and every tensor's bytes are the same.
    QCOMPARE(a->tensors().size(), b->tensors().size());
    for (size_t i = 0; i < a->tensors().size(); ++i) {
        const auto& ta = a->tensors()[i];
        const auto& tb = b->tensors()[i];
        QCOMPARE(ta.name, tb.name);
        QVERIFY2(ta.shape == tb.shape && ta.type == tb.type && ta.offset == tb.offset, ta.name.c_str());
        const auto da = a->tensorData(ta);
        const auto db = b->tensorData(tb);
        QCOMPARE(da.size(), db.size());
        QVERIFY2(std::memcmp(da.data(), db.data(), da.size()) == 0, ta.name.c_str());
    }
    // So is the metadata, but for the model's name: the shared F16 was converted with --model-name, the
    // folder is named after itself ("Qf Books 22m Hf"), as llama.cpp's converter names it without one.
    std::vector<std::string> keysA, keysB;
    for (const auto& e : a->metadata().entries())
        if (!isNameKey(e.key)) keysA.push_back(e.key);
    for (const auto& e : b->metadata().entries())
        if (!isNameKey(e.key)) keysB.push_back(e.key);
    QCOMPARE(keysA, keysB);
    for (const auto& e : b->metadata().entries()) {
        if (isNameKey(e.key)) continue;
        const auto* value = a->metadata().find(e.key);
        QVERIFY2(value && *value == e.value, e.key.c_str());
    }
    QCOMPARE(a->metadata().getString("general.name").value_or(""), std::string("Qf Books 22m Hf"));
}

void TestHfOneStep::computeFromTextConvertsOnDemand() {
    // The first 12 KB of the calibration text: a few chunks are enough to show it works.
    QFile full(kCalibrationPath);
    QVERIFY(full.open(QIODevice::ReadOnly));
    const QString text = m_dir->filePath(QStringLiteral("short-calibration.txt"));
    QFile shortText(text);
    QVERIFY(shortText.open(QIODevice::WriteOnly));
    shortText.write(full.read(12000));
    shortText.close();

    auto window = qf::test::makeActiveWindow(m_settings.get());
    ProducePage* page = openOnProducePage(*window);
    QVERIFY(page);
    page->setChosenPresets({QStringLiteral("Q4_K_M")});
    QVERIFY(!QFile::exists(convertedModelPath(m_folder)));
    page->setCalibrationText(text);
    page->computeImatrix();
    QVERIFY(page->isComputingImatrix());
    auto* status = child<QLabel>(page, "imatrixStatus");
    QTRY_VERIFY_WITH_TIMEOUT(!page->isComputingImatrix(), 300000);
    QVERIFY2(status->text().contains(QStringLiteral("42 entries")), qPrintable(status->text()));
    // Converted once, into the cache, for the engine.
    QVERIFY(QFile::exists(convertedModelPath(m_folder)));
    QVERIFY(QFile::exists(m_dir->filePath(QStringLiteral("qf-books-22m-hf-imatrix-short-calibration.gguf"))));
    QTRY_VERIFY(!page->presetModel()->isPending());
    PresetTableModel* presets = page->presetModel();
    QVERIFY(presets->summaryAt(presets->rowOf(QStringLiteral("Q4_K_M")))->usesImatrix);
    QTRY_VERIFY(page->canStart());
}

void TestHfOneStep::evaluationAndGenerationConvertOnDemand() {
    // The Compare page's jobs get the folder as the source's path, as it is listed.
    QFile full(kCalibrationPath);
    QVERIFY(full.open(QIODevice::ReadOnly));
    auto text = std::make_shared<const std::string>(full.read(8000).toStdString());
    EvaluateRequest request;
    request.sourcePath = m_folder;
    request.text = text;
    request.textName = QStringLiteral("books-calibration.txt");
    request.key = qf::eval::EvaluationKey{qf::eval::textSha256Hex(*text), 128, 2};
    auto* evaluate = new EvaluateJobRunner(1, request);
    QSignalSpy progressed(evaluate, &EvaluateJobRunner::progressed);
    QSignalSpy evaluated(evaluate, &EvaluateJobRunner::fileEvaluated);
    QSignalSpy succeeded(evaluate, &EvaluateJobRunner::succeeded);
    QSignalSpy failed(evaluate, &EvaluateJobRunner::failed);
    evaluate->run();
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().at(1).toString()));
    QCOMPARE(succeeded.size(), 1);
    QVERIFY(!progressed.isEmpty());
    QCOMPARE(progressed.first().at(1).value<EvaluationProgress>().stage,
             QStringLiteral("Converting qf-books-22m-hf to F16 for evaluation…"));
    QCOMPARE(evaluated.size(), 1);
    QCOMPARE(evaluated.first().at(1).toString(), m_folder); // results belong to the folder
    QVERIFY(evaluated.first().at(2).value<qf::eval::StoredEvaluation>().perplexity > 1.0);
    QVERIFY(QFile::exists(convertedModelPath(m_folder)));

    GenerateRequest generateRequest;
    generateRequest.path = m_folder;
    generateRequest.prompt = QStringLiteral("Once upon a time");
    generateRequest.maxTokens = 8;
    auto* generate = new GenerateJobRunner(2, generateRequest);
    QSignalSpy preparing(generate, &GenerateJobRunner::preparing);
    QSignalSpy generated(generate, &GenerateJobRunner::textGenerated);
    QSignalSpy generateSucceeded(generate, &GenerateJobRunner::succeeded);
    QSignalSpy generateFailed(generate, &GenerateJobRunner::failed);
    generate->run();
    QVERIFY2(generateFailed.isEmpty(),
             generateFailed.isEmpty() ? "" : qPrintable(generateFailed.first().at(1).toString()));
    QCOMPARE(generateSucceeded.size(), 1);
    QVERIFY(preparing.isEmpty()); // the evaluation's conversion is reused
    QVERIFY(!generated.isEmpty());
}

// "Llama-3.1-8B" is a folder name, not a stem with an extension: its quants are "Llama-3.1-8B-Q8_0.gguf".
void TestHfOneStep::dottedFolderNameIsKeptWhole() {
    const QString dotted = m_dir->filePath(QStringLiteral("books-v1.5-22m"));
    QVERIFY(QDir().rename(m_folder, dotted));
    m_folder = QFileInfo(dotted).canonicalFilePath();
    auto window = qf::test::makeActiveWindow(m_settings.get());
    ProducePage* page = openOnProducePage(*window);
    QVERIFY(page);
    page->setChosenPresets({QStringLiteral("Q8_0")});
    const QString outDir = m_dir->filePath(QStringLiteral("out"));
    QVERIFY(QDir().mkpath(outDir));
    page->setOutputDirectory(outDir);
    QVERIFY(page->start());
    JobRowWidget* row = page->jobQueue()->rows().back();
    QTRY_COMPARE_WITH_TIMEOUT(row->state(), JobState::Succeeded, 120000);
    QCOMPARE(QDir(outDir).entryList(QDir::Files), QStringList({QStringLiteral("books-v1.5-22m-Q8_0.gguf"),
                                                               QStringLiteral("books-v1.5-22m-Q8_0.gguf.lock")}));
}

QTEST_MAIN(TestHfOneStep)
#include "test_hf_one_step.moc"
