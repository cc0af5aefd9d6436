// The Produce page's "Compute from text" importance matrix, in the real window on the offscreen platform:
// computed from calibration text with the model itself, saved as a GGUF imatrix beside the outputs, used
// for the plans and the produced quant (whose metadata names it), found in the cache the second time;
// Stop, a missing text and switching sources leave no matrix and block Start.
#include <memory>

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QStyle>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

#include "main_window.h"
#include "models/model_list_model.h"
#include "models/preset_table_model.h"
#include "pages/produce_page.h"
#include "pages/source_view.h"
#include "qf/gguf/gguf_file.h"
#include "qf/quant/imatrix.h"
#include "qf/quant/plan.h"
#include "widgets/job_queue_widget.h"
#include "widgets/job_row_widget.h"
#include "window_fixture.h"

using namespace qf::ui;
using qf::test::child;

namespace {

const QString kModelPath = QStringLiteral(QF_SHARED_DIR "/models/qf-books-22m-f16.gguf");
const QString kCalibrationPath = QStringLiteral(QF_SHARED_DIR "/data/books-calibration.txt");
// The shared model has 7 weight matrices in each of its 6 blocks; llama-imatrix's file for this text has
// 124 chunks of 256 tokens (../shared/reference/imatrix.log): the context is llama-imatrix's 512, but never
// more than the model's training context (256 here).
constexpr size_t kEntries = 42;
constexpr uint32_t kChunks = 124;

} // namespace

class TestProduceImatrixText : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void computesUsesAndSavesTheMatrix();
    void stopLeavesNoMatrix();
    void missingTextBlocksStart();
    void producingComputesFirst();
    void selectingAnotherModelStartsNothing();
    void imatrixOnlyPresetInTwoClicks();

private:
    std::unique_ptr<MainWindow> makeWindow();
    ProducePage* openOnProducePage(MainWindow& window, const QString& path);
    QString savedImatrixPath() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    QString m_model;
};

void TestProduceImatrixText::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QVERIFY2(QFile::exists(kModelPath), qPrintable(kModelPath));
    QVERIFY2(QFile::exists(kCalibrationPath), qPrintable(kCalibrationPath));
}

void TestProduceImatrixText::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings =
        std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    QDir(m_dir->path()).mkdir(QStringLiteral("models"));
    m_model = m_dir->filePath(QStringLiteral("models/qf-books-22m-f16.gguf"));
    QVERIFY(QFile::copy(kModelPath, m_model));
    QFile::setPermissions(m_model, QFile::ReadOwner | QFile::WriteOwner);
    m_model = QFileInfo(m_model).canonicalFilePath();
}

void TestProduceImatrixText::cleanup() {
    m_settings.reset();
    m_dir.reset();
}

std::unique_ptr<MainWindow> TestProduceImatrixText::makeWindow() {
    return qf::test::makeActiveWindow(m_settings.get());
}

ProducePage* TestProduceImatrixText::openOnProducePage(MainWindow& window, const QString& path) {
    ProducePage* page = window.producePage();
    if (!qf::test::openOnPage(window, path, page)) return nullptr;
    [&] { QTRY_VERIFY(!page->presetModel()->isPending()); }();
    return page;
}

QString TestProduceImatrixText::savedImatrixPath() const {
    return QFileInfo(m_model).absolutePath() +
           QStringLiteral("/qf-books-22m-f16-imatrix-books-calibration.gguf");
}

void TestProduceImatrixText::computesUsesAndSavesTheMatrix() {
    auto window = makeWindow();
    ProducePage* page = openOnProducePage(*window, m_model);
    QVERIFY(page);
    page->setChosenPresets({QStringLiteral("Q4_K_M")});
    QVERIFY(page->canStart());

    const QStringList filesBefore = QDir(QFileInfo(m_model).absolutePath()).entryList(QDir::Files);
    page->setCalibrationText(kCalibrationPath);
    QCOMPARE(child<QComboBox>(page, "imatrixSource")->currentData().toInt(),
             int(ProducePage::ImatrixSource::Text));
    QVERIFY(child<QLineEdit>(page, "calibrationTextPath")->isVisible());
    QVERIFY(!child<QLineEdit>(page, "imatrixPath")->isVisible());
    // Choosing the source starts nothing (issue 13: a hidden job started at once and wrote files).
    QVERIFY(!page->isComputingImatrix());
    QTest::qWait(50);
    QCOMPARE(QDir(QFileInfo(m_model).absolutePath()).entryList(QDir::Files), filesBefore);
    QVERIFY(page->canStart()); // producing would compute it first
    auto* compute = child<QPushButton>(page, "imatrixComputeButton");
    QVERIFY(compute->isVisible() && compute->isEnabled());
    QTest::mouseClick(compute, Qt::LeftButton);
    QVERIFY(page->isComputingImatrix());
    QVERIFY(!page->canStart()); // not before the matrix exists
    QVERIFY(child<QProgressBar>(page, "imatrixProgress")->isVisible());
    auto* status = child<QLabel>(page, "imatrixStatus");
    QTRY_VERIFY_WITH_TIMEOUT(!page->isComputingImatrix(), 300000);
    QVERIFY2(status->text().contains(QStringLiteral("42 entries over 124 chunks")),
             qPrintable(status->text()));
    QVERIFY(!child<QProgressBar>(page, "imatrixProgress")->isVisible());

    // Saved as a GGUF imatrix that llama-quantize can read, with llama-imatrix's entries and chunks.
    auto saved = qf::quant::loadImatrix(savedImatrixPath().toStdU16String());
    QVERIFY2(saved, saved ? "" : saved.error().message.c_str());
    QCOMPARE(saved->entries().size(), kEntries);
    QCOMPARE(saved->chunkCount, kChunks);
    QCOMPARE(saved->chunkSize, 256u); // the model was trained with 256 tokens of context
    QCOMPARE(saved->datasets, std::vector<std::string>{"books-calibration.txt"});
    auto reference = qf::quant::loadImatrix(QF_SHARED_DIR "/reference/imatrix-books-calibration.dat");
    QVERIFY(reference);
    for (const auto& entry : reference->entries())
        QVERIFY2(saved->find(entry.name), entry.name.c_str());

    // The plans use it, and so does the produced file.
    QTRY_VERIFY(!page->presetModel()->isPending());
    PresetTableModel* presets = page->presetModel();
    QVERIFY(presets->summaryAt(presets->rowOf(QStringLiteral("Q4_K_M")))->usesImatrix);
    const quint64 plannedBytes = presets->summaryAt(presets->rowOf(QStringLiteral("Q4_K_M")))->fileBytes;
    QVERIFY(page->canStart());
    QVERIFY(page->start());
    JobRowWidget* row = page->jobQueue()->rows().back();
    QTRY_COMPARE_WITH_TIMEOUT(row->state(), JobState::Succeeded, 120000);
    const QString out = QFileInfo(m_model).absolutePath() + QStringLiteral("/qf-books-22m-Q4_K_M.gguf");
    QCOMPARE(quint64(QFileInfo(out).size()), plannedBytes);
    auto produced = qf::gguf::GgufFile::open(out.toStdU16String());
    QVERIFY(produced);
    const auto* file = produced->metadata().find("quantize.imatrix.file");
    QVERIFY(file && file->asString());
    QCOMPARE(*file->asString(), std::string("qf-books-22m-f16-imatrix-books-calibration.gguf"));
    const auto* dataset = produced->metadata().find("quantize.imatrix.dataset");
    QVERIFY(dataset && dataset->asString());
    QCOMPARE(*dataset->asString(), std::string("books-calibration.txt"));
    QCOMPARE(produced->metadata().find("quantize.imatrix.entries_count")->asInt(),
             std::optional<int64_t>(42));
    QCOMPARE(produced->metadata().find("quantize.imatrix.chunks_count")->asInt(),
             std::optional<int64_t>(124));

    // Back to None and to the text again: the statistics come from the cache, not a second computation.
    page->setImatrixSource(ProducePage::ImatrixSource::None);
    QTRY_VERIFY(!page->presetModel()->isPending());
    QVERIFY(!presets->summaryAt(presets->rowOf(QStringLiteral("Q4_K_M")))->usesImatrix);
    page->setImatrixSource(ProducePage::ImatrixSource::Text);
    QVERIFY(!page->isComputingImatrix());
    page->computeImatrix();
    QTRY_VERIFY_WITH_TIMEOUT(!page->isComputingImatrix(), 60000);
    QVERIFY2(status->text().contains(QStringLiteral("computed before")), qPrintable(status->text()));
    QTRY_VERIFY(page->canStart());
}

void TestProduceImatrixText::stopLeavesNoMatrix() {
    auto window = makeWindow();
    ProducePage* page = openOnProducePage(*window, m_model);
    QVERIFY(page);
    page->setChosenPresets({QStringLiteral("Q4_K_M")});
    page->setCalibrationText(kCalibrationPath);
    page->computeImatrix();
    QVERIFY(page->isComputingImatrix());
    auto* stop = child<QToolButton>(page, "imatrixStopButton");
    QVERIFY(stop->isVisible());
    stop->click();
    QTRY_VERIFY_WITH_TIMEOUT(!page->isComputingImatrix(), 60000);
    auto* status = child<QLabel>(page, "imatrixStatus");
    QVERIFY2(status->text().contains(QStringLiteral("Stopped")), qPrintable(status->text()));
    QVERIFY(!page->canStart());
    QVERIFY(!QFile::exists(savedImatrixPath()));
    // Only the model itself is in its folder: no matrix, no cache, no temporary file.
    QCOMPARE(QDir(QFileInfo(m_model).absolutePath()).entryList(QDir::Files),
             QStringList{QStringLiteral("qf-books-22m-f16.gguf")});

    // Without a matrix the person can still produce: None.
    page->setImatrixSource(ProducePage::ImatrixSource::None);
    QTRY_VERIFY(page->canStart());
}

void TestProduceImatrixText::missingTextBlocksStart() {
    auto window = makeWindow();
    ProducePage* page = openOnProducePage(*window, m_model);
    QVERIFY(page);
    page->setChosenPresets({QStringLiteral("Q4_K_M")});
    const QString missing = m_dir->filePath(QStringLiteral("no-such-text.txt"));
    page->setCalibrationText(missing);
    QVERIFY(!page->isComputingImatrix());
    auto* status = child<QLabel>(page, "imatrixStatus");
    QVERIFY2(status->text().contains(QStringLiteral("does not exist")), qPrintable(status->text()));
    QVERIFY(!page->canStart());

    // A text too short for two chunks: the engine's message, shown as an error.
    const QString shortText = m_dir->filePath(QStringLiteral("short.txt"));
    QFile file(shortText);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("Only a few words of calibration text.\n");
    file.close();
    page->setCalibrationText(shortText);
    page->computeImatrix();
    QTRY_VERIFY_WITH_TIMEOUT(!page->isComputingImatrix(), 60000);
    QVERIFY2(status->text().contains(QStringLiteral("token")), qPrintable(status->text()));
    QVERIFY(!page->canStart());
}

// Produce with "Compute from text" and no matrix yet: the matrix is computed (here: from the cache of the
// first test), then the file is produced with it.
void TestProduceImatrixText::producingComputesFirst() {
    auto window = makeWindow();
    ProducePage* page = openOnProducePage(*window, m_model);
    QVERIFY(page);
    page->setChosenPresets({QStringLiteral("Q4_K_M")});
    page->setCalibrationText(kCalibrationPath);
    QVERIFY(!page->isComputingImatrix());
    const int rowsBefore = int(page->jobQueue()->rows().size());
    QVERIFY(page->start());
    QTRY_COMPARE_WITH_TIMEOUT(int(page->jobQueue()->rows().size()), rowsBefore + 1, 120000);
    JobRowWidget* row = page->jobQueue()->rows().back();
    QTRY_COMPARE_WITH_TIMEOUT(row->state(), JobState::Succeeded, 120000);
    const QString out = QFileInfo(m_model).absolutePath() + QStringLiteral("/qf-books-22m-Q4_K_M.gguf");
    auto produced = qf::gguf::GgufFile::open(out.toStdU16String());
    QVERIFY(produced);
    QVERIFY(produced->metadata().find("quantize.imatrix.file"));
}

// Issue 13: with "Compute from text" chosen, selecting another model (or a quant) in the list started a
// computation and wrote a matrix beside it.
void TestProduceImatrixText::selectingAnotherModelStartsNothing() {
    const QString otherFolder = m_dir->filePath(QStringLiteral("other"));
    QVERIFY(QDir().mkpath(otherFolder));
    const QString other = otherFolder + QStringLiteral("/another-f16.gguf");
    QVERIFY(QFile::copy(m_model, other));
    auto window = makeWindow();
    ProducePage* page = openOnProducePage(*window, m_model);
    QVERIFY(page);
    page->setCalibrationText(kCalibrationPath);
    QVERIFY(!page->isComputingImatrix());
    window->openFiles({other});
    const QModelIndex index = window->modelList()->findPath(QFileInfo(other).canonicalFilePath());
    QVERIFY(index.isValid());
    QTRY_COMPARE(index.data(ModelListModel::StateRole).toInt(), int(LoadState::Ready));
    window->modelView()->setCurrentIndex(index);
    QTest::qWait(100);
    QVERIFY(!page->isComputingImatrix());
    QCOMPARE(QDir(otherFolder).entryList(QDir::Files), QStringList{QStringLiteral("another-f16.gguf")});
}

// Issue 12: IQ2_M needs an importance matrix. Without one its row waits for it; a click on its check box
// chooses "Compute from text" (the bundled calibration text), a click on Start computes the matrix from
// that text and then produces the file, with the plan's exact size.
void TestProduceImatrixText::imatrixOnlyPresetInTwoClicks() {
    auto window = makeWindow();
    ProducePage* page = openOnProducePage(*window, m_model);
    QVERIFY(page);
    page->setCalibrationText(kCalibrationPath); // where the bundled text is not installed (a build tree)
    page->setImatrixSource(ProducePage::ImatrixSource::None);
    page->setChosenPresets({});
    auto* view = child<QAbstractItemView>(page, "presetTable");
    QVERIFY(view);
    const int row = page->presetModel()->rowOf(QStringLiteral("IQ2_M"));
    const QModelIndex index = page->presetModel()->index(row, PresetTableModel::PresetColumn);
    QVERIFY(page->presetModel()->data(index, PresetTableModel::UnavailableRole).toString().contains(
        QStringLiteral("importance matrix")));
    QVERIFY(index.flags() & Qt::ItemIsUserCheckable);

    // Click 1: the check box of IQ2_M.
    view->scrollTo(index);
    const QRect rect = view->visualRect(index);
    const int indicator = view->style()->pixelMetric(QStyle::PM_IndicatorWidth);
    const QPoint box(rect.left() + 3 + indicator / 2, rect.center().y());
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, box);
    QCOMPARE(index.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);
    QCOMPARE(child<QComboBox>(page, "imatrixSource")->currentData().toInt(), int(ProducePage::ImatrixSource::Text));
    auto* start = child<QPushButton>(page, "startButton");
    QVERIFY(start->isEnabled());
    // Before the matrix exists the page already gives the file's size, all but the matrix's own metadata,
    // and counts the file.
    QTRY_VERIFY(!page->presetModel()->isPending());
    const PresetPlanSummary* waiting = page->presetModel()->summary(QStringLiteral("IQ2_M"));
    QVERIFY(waiting && waiting->needsImatrix && waiting->fileBytes > 0);
    const QString sizeText =
        page->presetModel()->index(row, PresetTableModel::SizeColumn).data(Qt::DisplayRole).toString();
    QVERIFY2(sizeText.startsWith(QStringLiteral("about ")), qPrintable(sizeText));
    const QString hint = child<QLabel>(page, "startHint")->text();
    QVERIFY2(hint.startsWith(QStringLiteral("1 file, about ")), qPrintable(hint));
    const quint64 estimate = waiting->fileBytes;

    // Click 2: Start.
    const int rowsBefore = int(page->jobQueue()->rows().size());
    QTest::mouseClick(start, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(int(page->jobQueue()->rows().size()), rowsBefore + 1, 180000);
    JobRowWidget* job = page->jobQueue()->rows().back();
    QTRY_COMPARE_WITH_TIMEOUT(job->state(), JobState::Succeeded, 180000);
    const QString out = QFileInfo(m_model).absolutePath() + QStringLiteral("/qf-books-22m-IQ2_M.gguf");
    QVERIFY(QFileInfo::exists(out));
    auto produced = qf::gguf::GgufFile::open(out.toStdU16String());
    QVERIFY(produced);
    QVERIFY(produced->metadata().find("quantize.imatrix.file"));
    // The size the page listed once the matrix was computed is the file's.
    const PresetPlanSummary* summary = page->presetModel()->summary(QStringLiteral("IQ2_M"));
    QVERIFY(summary);
    QCOMPARE(quint64(QFileInfo(out).size()), summary->fileBytes);
    // The estimate was short by the matrix's metadata only.
    QVERIFY(estimate < summary->fileBytes && summary->fileBytes - estimate < 1024);
}

QTEST_MAIN(TestProduceImatrixText)
#include "test_produce_imatrix_text.moc"
