// The Produce page in the real window, on the offscreen platform: exact planned sizes for every preset,
// one job for several presets whose files join the model list, cancel (Esc, the button, a waiting job),
// an already-quantized source, an importance matrix from a file, replacing files, closing with jobs.
#include <functional>
#include <memory>

#include <QAbstractItemModel>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QDesktopServices>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QRegularExpression>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <QTreeView>
#include <QUrl>

#include "format.h"
#include "main_window.h"
#include "models/model_list_model.h"
#include "models/preset_table_model.h"
#include "pages/produce_page.h"
#include "pages/source_page.h"
#include "pages/source_view.h"
#include "qf/quant/imatrix.h"
#include "qf/quant/plan.h"
#include "qf/quant/quant_lock.h"
#include "widgets/job_queue_widget.h"
#include "widgets/job_row_widget.h"
#include "window_fixture.h"

using namespace qf::ui;
using qf::test::child;

namespace {

const QString kModelPath = QStringLiteral(QF_SHARED_DIR "/models/qf-books-22m-f16.gguf");
const QString kQuantizedPath = QStringLiteral(QF_SHARED_DIR "/reference/qf-books-22m-Q6_K.gguf");
const QString kImatrixPath = QStringLiteral(QF_SHARED_DIR "/reference/imatrix-books-calibration.dat");
// llama-quantize's Q4_K_M of the shared model has this size too (see reference/README.md).
constexpr quint64 kQ4KMBytes = 14'841'312;

QStringList allPresetNames() {
    QStringList names;
    for (const auto& preset : qf::quant::allPresets())
        names << QString::fromUtf8(preset.name.data(), qsizetype(preset.name.size()));
    return names;
}

// Answers message boxes as they appear: `answer` picks the button to click. Counts the boxes it saw.
class MessageBoxAnswerer : public QObject {
public:
    using Answer = std::function<QAbstractButton*(QMessageBox*)>;
    explicit MessageBoxAnswerer(Answer answer) : m_answer(std::move(answer)) {
        connect(&m_timer, &QTimer::timeout, this, [this] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            if (!box || box == m_last) return;
            m_last = box;
            ++m_count;
            m_texts << box->text();
            if (QAbstractButton* button = m_answer(box)) button->click();
        });
        m_timer.start(10);
    }
    int count() const { return m_count; }
    const QStringList& texts() const { return m_texts; }
    static Answer withRole(QMessageBox::ButtonRole role) {
        return [role](QMessageBox* box) -> QAbstractButton* {
            for (QAbstractButton* button : box->buttons())
                if (box->buttonRole(button) == role) return button;
            return nullptr;
        };
    }
    static Answer withButton(QMessageBox::StandardButton which) {
        return [which](QMessageBox* box) { return static_cast<QAbstractButton*>(box->button(which)); };
    }

private:
    Answer m_answer;
    QTimer m_timer;
    QMessageBox* m_last = nullptr;
    int m_count = 0;
    QStringList m_texts;
};

// Stands in for the file manager.
class UrlCatcher : public QObject {
    Q_OBJECT

public:
    QList<QUrl> urls;

public slots:
    void open(const QUrl& url) { urls << url; }
};

} // namespace

class TestProducePage : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void presetsShowExactPlannedSizes();
    void producesChosenPresetsAsChildren();
    void escCancelsTheFocusedJob();
    void cancelButtonTakesBackAWaitingJob();
    void alreadyQuantizedSourceCannotStart();
    void imatrixFromFile();
    void unreadableImatrixBlocksStart();
    void existingFileIsReplacedOnlyAfterAsking();
    void optionsPersist();
    void closingWithJobsAsksOnceAndCancels();
    void splitOutputInParts();

private:
    std::unique_ptr<MainWindow> makeWindow();
    // Opens `path`, shows the Produce page and waits for the planned sizes.
    ProducePage* openOnProducePage(MainWindow& window, const QString& path);
    QString copyToTemp(const QString& source, const QString& name);
    quint64 planned(const QString& path, const char* preset, const qf::quant::Imatrix* imatrix = nullptr);
    bool needsImatrix(const QString& path, const char* preset);
    QStringList filesIn(const QString& directory) const;
    JobRowWidget* lastRow(ProducePage* page) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    QString m_model; // the shared model, copied so outputs go beside it in the temporary folder
};

void TestProducePage::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QVERIFY2(QFile::exists(kModelPath), qPrintable(kModelPath));
    QVERIFY2(QFile::exists(kQuantizedPath), qPrintable(kQuantizedPath));
}

void TestProducePage::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    // Settings outside the folder whose files the tests count.
    QDir(m_dir->path()).mkdir(QStringLiteral("settings"));
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("settings/settings.ini")),
                                             QSettings::IniFormat);
    QDir(m_dir->path()).mkdir(QStringLiteral("models"));
    m_model = copyToTemp(kModelPath, QStringLiteral("qf-books-22m-f16.gguf"));
    QVERIFY(!m_model.isEmpty());
}

void TestProducePage::cleanup() {
    m_settings.reset();
    m_dir.reset();
}

std::unique_ptr<MainWindow> TestProducePage::makeWindow() {
    return qf::test::makeActiveWindow(m_settings.get());
}

QString TestProducePage::copyToTemp(const QString& source, const QString& name) {
    const QString target = m_dir->filePath(QStringLiteral("models/") + name);
    if (!QFile::copy(source, target)) return {};
    QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner);
    return QFileInfo(target).canonicalFilePath();
}

ProducePage* TestProducePage::openOnProducePage(MainWindow& window, const QString& path) {
    ProducePage* page = window.producePage();
    if (!qf::test::openOnPage(window, path, page)) return nullptr;
    [&] { QTRY_VERIFY(!page->presetModel()->isPending()); }();
    return page;
}

quint64 TestProducePage::planned(const QString& path, const char* preset, const qf::quant::Imatrix* imatrix) {
    auto file = qf::gguf::GgufFile::open(path.toStdU16String());
    if (!file) return 0;
    qf::quant::PlanOptions options;
    options.imatrix = imatrix;
    auto plan =
        qf::quant::makeQuantPlan(file->metadata(), file->tensors(), *qf::quant::findPreset(preset), options);
    return plan ? plan->fileBytes : 0;
}

bool TestProducePage::needsImatrix(const QString& path, const char* preset) {
    auto file = qf::gguf::GgufFile::open(path.toStdU16String());
    if (!file) return false;
    auto plan = qf::quant::makeQuantPlan(file->metadata(), file->tensors(), *qf::quant::findPreset(preset), {});
    return !plan && qf::quant::needsImportanceMatrix(plan.error());
}

QStringList TestProducePage::filesIn(const QString& directory) const {
    return QDir(directory).entryList(QDir::Files | QDir::Hidden | QDir::System, QDir::Name);
}

JobRowWidget* TestProducePage::lastRow(ProducePage* page) const {
    const auto rows = page->jobQueue()->rows();
    return rows.isEmpty() ? nullptr : rows.back();
}

void TestProducePage::presetsShowExactPlannedSizes() {
    auto window = makeWindow();
    ProducePage* page = openOnProducePage(*window, m_model);
    QVERIFY(page);
    QVERIFY(page->isVisible());
    auto* table = child<QTreeView>(page, "presetTable");
    QVERIFY(table);
    const QAbstractItemModel* rows = table->model();
    QCOMPARE(rows->rowCount(), int(qf::quant::allPresets().size()));

    for (int row = 0; row < rows->rowCount(); ++row) {
        const QString name = rows->index(row, PresetTableModel::PresetColumn).data().toString();
        const QByteArray preset = name.toLatin1();
        const quint64 expected = planned(m_model, preset.constData());
        if (expected == 0 && needsImatrix(m_model, preset.constData())) {
            // Without an importance matrix the row says what is needed; checking it chooses to compute one
            // from text (issue 12, test_produce_imatrix_text).
            QVERIFY(rows->flags(rows->index(row, 0)) & Qt::ItemIsUserCheckable);
            QVERIFY2(rows->index(row, 0).data(PresetTableModel::UnavailableRole).toString().contains(
                         QStringLiteral("importance matrix")),
                     preset.constData());
            continue;
        }
        QVERIFY2(expected > 0, preset.constData());
        const QModelIndex size = rows->index(row, PresetTableModel::SizeColumn);
        QCOMPARE(size.data(PresetTableModel::FileBytesRole).toULongLong(), expected);
        QCOMPARE(size.data().toString(), formatBytes(expected));
        QVERIFY(size.data(Qt::ToolTipRole).toString().contains(formatCount(expected)));
        QVERIFY(!rows->index(row, PresetTableModel::BitsPerWeightColumn).data().toString().isEmpty());
        // F16 of an F16 model would be a copy of it: shown with its size, but not offered.
        const bool isCopy = name == QStringLiteral("F16");
        QCOMPARE(bool(rows->flags(rows->index(row, 0)) & Qt::ItemIsUserCheckable), !isCopy);
        QCOMPARE(rows->index(row, 0).data(PresetTableModel::UnavailableRole).toString().isEmpty(), !isCopy);
    }
    const int f16 = page->presetModel()->rowOf(QStringLiteral("F16"));
    QCOMPARE(rows->index(f16, PresetTableModel::NoteColumn).data().toString(),
             QStringLiteral("The model already is F16: this would only copy it."));
    const int q4km = page->presetModel()->rowOf(QStringLiteral("Q4_K_M"));
    QCOMPARE(
        rows->index(q4km, PresetTableModel::SizeColumn).data(PresetTableModel::FileBytesRole).toULongLong(),
        kQ4KMBytes);
    QCOMPARE(rows->index(q4km, PresetTableModel::SizeColumn).data().toString(), QStringLiteral("14.8 MB"));
    auto file = qf::gguf::GgufFile::open(m_model.toStdU16String());
    QVERIFY(file);
    const auto q4kmPlan =
        qf::quant::makeQuantPlan(file->metadata(), file->tensors(), *qf::quant::findPreset("Q4_K_M"));
    QVERIFY(q4kmPlan);
    QCOMPARE(rows->index(q4km, PresetTableModel::BitsPerWeightColumn).data().toString(),
             formatBitsPerWeight(q4kmPlan->bitsPerWeight()));
    QVERIFY(!child<QWidget>(page, "produceNotice")->isVisible());

    // Nothing chosen yet: Start says why it cannot start.
    QVERIFY(!child<QPushButton>(page, "startButton")->isEnabled());
    QVERIFY(child<QLabel>(page, "startHint")->text().contains(QStringLiteral("Choose")));
}

void TestProducePage::producesChosenPresetsAsChildren() {
    auto window = makeWindow();
    ProducePage* page = openOnProducePage(*window, m_model);
    QVERIFY(page);
    auto* table = child<QTreeView>(page, "presetTable");
    PresetTableModel* presets = page->presetModel();

    // Choose Q8_0 by clicking its row, Q4_K_M with the keyboard, as people do.
    const QModelIndex q8 =
        presets->index(presets->rowOf(QStringLiteral("Q8_0")), PresetTableModel::SizeColumn);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(q8).center());
    const QModelIndex q4 =
        presets->index(presets->rowOf(QStringLiteral("Q4_K_M")), PresetTableModel::PresetColumn);
    table->setFocus();
    table->setCurrentIndex(q4);
    QTest::keyClick(table, Qt::Key_Space);
    QCOMPARE(page->chosenPresets(), QStringList({QStringLiteral("Q8_0"), QStringLiteral("Q4_K_M")}));

    const quint64 q8Bytes = planned(m_model, "Q8_0");
    const quint64 q4Bytes = planned(m_model, "Q4_K_M");
    auto* start = child<QPushButton>(page, "startButton");
    QVERIFY(start->isEnabled());
    QCOMPARE(child<QLabel>(page, "startHint")->text(),
             QStringLiteral("2 files, %1 in total, into %2")
                 .arg(formatBytes(q8Bytes + q4Bytes),
                      QDir::toNativeSeparators(QFileInfo(m_model).absolutePath())));
    QCOMPARE(page->outputDirectory(), QFileInfo(m_model).absolutePath());

    // The window stays responsive while the job runs: timer ticks keep coming.
    QElapsedTimer sinceTick;
    qint64 longestGap = 0;
    QTimer ticker;
    connect(&ticker, &QTimer::timeout, this, [&] { longestGap = qMax(longestGap, sinceTick.restart()); });

    // Ctrl+Enter belongs to the Produce page: on another page it starts nothing.
    SourceView* pages = window->sourceView();
    pages->setCurrentPage(child<SourcePage>(window.get(), "overviewPage"));
    QTest::keyClick(window->modelView(), Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(page->jobQueue()->rows().isEmpty());
    pages->setCurrentPage(page);

    // Ctrl+Enter starts; one job for both presets.
    QTest::keyClick(table, Qt::Key_Return, Qt::ControlModifier);
    sinceTick.start();
    ticker.start(10);
    QCOMPARE(page->jobQueue()->rows().size(), 1);
    JobRowWidget* row = lastRow(page);
    QCOMPARE(child<QLabel>(row, "jobTitle")->text(), QStringLiteral("Q8_0 + Q4_K_M"));
    QTRY_COMPARE_WITH_TIMEOUT(row->state(), JobState::Succeeded, 60000);
    ticker.stop();
    QVERIFY2(longestGap < 500, qPrintable(QString::number(longestGap)));
    QVERIFY(child<QLabel>(row, "jobStatus")->text().startsWith(QStringLiteral("Done in")));
    QCOMPARE(child<QProgressBar>(row, "jobProgress")->value(),
             child<QProgressBar>(row, "jobProgress")->maximum());
    QVERIFY(child<QPushButton>(row, "jobShowButton")->isVisible());
    QVERIFY(!child<QPushButton>(row, "jobCancelButton")->isVisible());

    const QString dir = QFileInfo(m_model).absolutePath();
    const QString q8Path = dir + QStringLiteral("/qf-books-22m-Q8_0.gguf");
    const QString q4Path = dir + QStringLiteral("/qf-books-22m-Q4_K_M.gguf");
    QCOMPARE(quint64(QFileInfo(q8Path).size()), q8Bytes);
    QCOMPARE(quint64(QFileInfo(q4Path).size()), q4Bytes);
    // Each with its reproducibility record.
    QCOMPARE(filesIn(dir), QStringList({QStringLiteral("qf-books-22m-Q4_K_M.gguf"),
                                        QStringLiteral("qf-books-22m-Q4_K_M.gguf.lock"),
                                        QStringLiteral("qf-books-22m-Q8_0.gguf"),
                                        QStringLiteral("qf-books-22m-Q8_0.gguf.lock"),
                                        QStringLiteral("qf-books-22m-f16.gguf")}));

    // Both appear under their source with type and size, and read like any GGUF.
    ModelListModel* list = window->modelList();
    QCOMPARE(list->rowCount(), 1);
    const QModelIndex source = list->index(0, 0);
    QCOMPARE(list->rowCount(source), 2);
    QVERIFY(window->modelView()->isExpanded(source));
    const QModelIndex q8Item = list->index(0, ModelListModel::NameColumn, source);
    const QModelIndex q4Item = list->index(1, ModelListModel::NameColumn, source);
    QCOMPARE(q8Item.data().toString(), QStringLiteral("qf-books-22m-Q8_0.gguf"));
    QCOMPARE(q4Item.data().toString(), QStringLiteral("qf-books-22m-Q4_K_M.gguf"));
    QTRY_COMPARE(q8Item.data(ModelListModel::StateRole).toInt(), int(LoadState::Ready));
    QTRY_COMPARE(q4Item.data(ModelListModel::StateRole).toInt(), int(LoadState::Ready));
    QVERIFY(q8Item.siblingAtColumn(ModelListModel::TypeColumn)
                .data()
                .toString()
                .contains(QStringLiteral("Q8_0")));
    QVERIFY(q4Item.siblingAtColumn(ModelListModel::TypeColumn)
                .data()
                .toString()
                .contains(QStringLiteral("Q4_K_M")));
    QCOMPARE(q8Item.siblingAtColumn(ModelListModel::SizeColumn).data().toString(), formatBytes(q8Bytes));
    QCOMPARE(q4Item.siblingAtColumn(ModelListModel::SizeColumn).data().toString(), formatBytes(q4Bytes));

    window->modelView()->setCurrentIndex(q4Item);
    window->sourceView()->setCurrentPage(child<SourcePage>(window.get(), "overviewPage"));
    QVERIFY(child<QWidget>(window.get(), "overviewPage")->isVisible());
    QCOMPARE(child<QLabel>(window.get(), "sizeValue")->text(), formatBytes(q4Bytes));
    QVERIFY(child<QLabel>(window.get(), "fileTypeValue")->text().contains(QStringLiteral("Q4_K_M")));

    // "Show in Folder" opens the folder of the files in the file manager.
    UrlCatcher catcher;
    QDesktopServices::setUrlHandler(QStringLiteral("file"), &catcher, "open");
    QTest::mouseClick(child<QPushButton>(row, "jobShowButton"), Qt::LeftButton);
    QDesktopServices::unsetUrlHandler(QStringLiteral("file"));
    QCOMPARE(catcher.urls, QList<QUrl>{QUrl::fromLocalFile(dir)});
}

void TestProducePage::escCancelsTheFocusedJob() {
    auto window = makeWindow();
    ProducePage* page = openOnProducePage(*window, m_model);
    QVERIFY(page);
    // Every preset on one thread: a job long enough to cancel in the middle.
    page->setChosenPresets(allPresetNames());
    // All but F16 (the model's own type) and the presets that need an importance matrix.
    qsizetype choosable = 0;
    for (const QString& name : allPresetNames())
        choosable += name != QStringLiteral("F16") && !needsImatrix(m_model, name.toLatin1().constData());
    QCOMPARE(page->chosenPresets().size(), choosable);
    page->setThreads(1);
    QTest::mouseClick(child<QPushButton>(page, "startButton"), Qt::LeftButton);
    JobRowWidget* row = lastRow(page);
    QVERIFY(row);
    QCOMPARE(page->activeJobCount(), 1);
    QTRY_COMPARE(row->state(), JobState::Running);
    // While it runs: the share done, the smoothed throughput and the time left.
    auto* detail = child<QLabel>(row, "jobDetail");
    // (The core reports progress between tensors; the first one is large, so this can take a while.)
    QTRY_VERIFY2_WITH_TIMEOUT(detail->text().contains(QStringLiteral("B/s")), qPrintable(detail->text()),
                              120000);
    QVERIFY2(detail->text().contains(QStringLiteral(" left")), qPrintable(detail->text()));
    QVERIFY(child<QProgressBar>(row, "jobProgress")->value() > 0);
    QCOMPARE(row->state(), JobState::Running);
    // The job just started has the focus, so Esc cancels it.
    QCOMPARE(QApplication::focusWidget(), row);
    QTest::keyClick(row, Qt::Key_Escape);
    QVERIFY(row->state() == JobState::Cancelling || row->state() == JobState::Cancelled);
    QTRY_COMPARE_WITH_TIMEOUT(row->state(), JobState::Cancelled, 30000);
    QCOMPARE(child<QLabel>(row, "jobStatus")->text(), QStringLiteral("Cancelled"));
    QVERIFY(!child<QPushButton>(row, "jobCancelButton")->isVisible());
    QCOMPARE(page->activeJobCount(), 0);
    // No file, finished or temporary, and nothing new in the list.
    QCOMPARE(filesIn(QFileInfo(m_model).absolutePath()),
             QStringList{QStringLiteral("qf-books-22m-f16.gguf")});
    QCOMPARE(window->modelList()->rowCount(window->modelList()->index(0, 0)), 0);

    // Clear Finished removes the row.
    QTest::mouseClick(child<QPushButton>(page, "clearFinishedButton"), Qt::LeftButton);
    QVERIFY(page->jobQueue()->rows().isEmpty());
}

void TestProducePage::cancelButtonTakesBackAWaitingJob() {
    auto window = makeWindow();
    ProducePage* page = openOnProducePage(*window, m_model);
    QVERIFY(page);
    page->setChosenPresets(allPresetNames());
    page->setThreads(1);
    QVERIFY(page->start());
    JobRowWidget* first = lastRow(page);

    // A second job, into another folder, waits for the first.
    const QString other = m_dir->filePath(QStringLiteral("other"));
    QVERIFY(QDir().mkpath(other));
    page->setOutputDirectory(other);
    page->setChosenPresets({QStringLiteral("Q8_0")});
    QVERIFY(page->start());
    JobRowWidget* second = lastRow(page);
    QVERIFY(second != first);
    QCOMPARE(page->activeJobCount(), 2);
    QCOMPARE(second->state(), JobState::Queued);
    QCOMPARE(child<QLabel>(second, "jobStatus")->text(), QStringLiteral("Waiting"));

    // Producing a file that a queued job will write is refused.
    QVERIFY(!page->start());
    QVERIFY(child<QLabel>(page, "startHint")->text().contains(QStringLiteral("already being produced")));
    QCOMPARE(page->jobQueue()->rows().size(), 2);

    QTest::mouseClick(child<QPushButton>(second, "jobCancelButton"), Qt::LeftButton);
    QCOMPARE(second->state(), JobState::Cancelled); // at once: it never ran
    QTest::mouseClick(child<QPushButton>(first, "jobCancelButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(first->state(), JobState::Cancelled, 30000);
    QCOMPARE(page->activeJobCount(), 0);
    QVERIFY(filesIn(other).isEmpty());
    QCOMPARE(filesIn(QFileInfo(m_model).absolutePath()),
             QStringList{QStringLiteral("qf-books-22m-f16.gguf")});
}

void TestProducePage::alreadyQuantizedSourceCannotStart() {
    const QString quantized = copyToTemp(kQuantizedPath, QStringLiteral("qf-books-22m-Q6_K.gguf"));
    QVERIFY(!quantized.isEmpty());
    auto opened = qf::gguf::GgufFile::open(quantized.toStdU16String());
    QVERIFY(opened);
    auto coreError =
        qf::quant::makeQuantPlan(opened->metadata(), opened->tensors(), *qf::quant::findPreset("Q4_K_M"));
    QVERIFY(!coreError);

    auto window = makeWindow();
    ProducePage* page = openOnProducePage(*window, quantized);
    QVERIFY(page);
    page->setChosenPresets({QStringLiteral("Q4_K_M")});

    auto* notice = child<QWidget>(page, "produceNotice");
    QVERIFY(notice->isVisible());
    QCOMPARE(child<QLabel>(page, "produceNoticeTitle")->text(),
             QStringLiteral("qf-books-22m-Q6_K.gguf is already quantized"));
    QVERIFY(child<QLabel>(page, "produceNoticeText")->text().contains(QStringLiteral("loses quality")));
    // Each preset shows its reason inline: greyed out, the core's message as text and tooltip.
    const QAbstractItemModel* rows = child<QTreeView>(page, "presetTable")->model();
    const int q4km = page->presetModel()->rowOf(QStringLiteral("Q4_K_M"));
    QCOMPARE(rows->index(q4km, PresetTableModel::NoteColumn).data().toString(),
             QString::fromStdString(coreError.error().message));
    QVERIFY(
        rows->index(q4km, 0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("already quantized")));
    for (int row = 0; row < rows->rowCount(); ++row) {
        QVERIFY(!(rows->flags(rows->index(row, 0)) & Qt::ItemIsEnabled));
        QVERIFY(!rows->index(row, 0).data(PresetTableModel::UnavailableRole).toString().isEmpty());
        QCOMPARE(rows->index(row, 0).data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Unchecked);
    }

    QVERIFY(page->chosenPresets().isEmpty());
    QVERIFY(!child<QPushButton>(page, "startButton")->isEnabled());
    QTest::keyClick(child<QTreeView>(page, "presetTable"), Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(!page->start());
    QVERIFY(page->jobQueue()->rows().isEmpty());

    // Back on the F16 original, the remembered choice is available again.
    const QString f16 = m_model;
    window->openFiles({f16});
    QTRY_VERIFY(!page->presetModel()->isPending() && !page->presetModel()->noneAvailable());
    QVERIFY(!notice->isVisible());
    QCOMPARE(page->chosenPresets(), QStringList{QStringLiteral("Q4_K_M")});
    QVERIFY(child<QPushButton>(page, "startButton")->isEnabled());
}

void TestProducePage::imatrixFromFile() {
    auto loaded = qf::quant::loadImatrix(kImatrixPath.toStdU16String());
    QVERIFY(loaded);
    auto window = makeWindow();
    ProducePage* page = openOnProducePage(*window, m_model);
    QVERIFY(page);
    auto* source = child<QComboBox>(page, "imatrixSource");
    QCOMPARE(source->count(), 3); // None, From file, Compute from text
    QVERIFY(!child<QLineEdit>(page, "imatrixPath")->isVisible());

    page->setImatrixFile(kImatrixPath);
    QVERIFY(child<QLineEdit>(page, "imatrixPath")->isVisible());
    auto* status = child<QLabel>(page, "imatrixStatus");
    QTRY_VERIFY(status->text().contains(QStringLiteral("entries")));
    QTRY_VERIFY(!page->presetModel()->isPending());
    PresetTableModel* presets = page->presetModel();
    for (const char* name : {"Q4_K_M", "Q2_K", "IQ4_XS"}) {
        const int row = presets->rowOf(QString::fromLatin1(name));
        QCOMPARE(presets->index(row, PresetTableModel::SizeColumn)
                     .data(PresetTableModel::FileBytesRole)
                     .toULongLong(),
                 planned(m_model, name, &*loaded));
        QVERIFY(presets->summaryAt(row)->usesImatrix);
    }

    page->setChosenPresets({QStringLiteral("Q4_K_M")});
    QVERIFY(page->start());
    JobRowWidget* row = lastRow(page);
    QTRY_COMPARE_WITH_TIMEOUT(row->state(), JobState::Succeeded, 60000);
    const QString out = QFileInfo(m_model).absolutePath() + QStringLiteral("/qf-books-22m-Q4_K_M.gguf");
    QCOMPARE(quint64(QFileInfo(out).size()), planned(m_model, "Q4_K_M", &*loaded));

    // Back to None: sizes without the imatrix.
    page->setImatrixSource(ProducePage::ImatrixSource::None);
    QTRY_VERIFY(!page->presetModel()->isPending());
    QVERIFY(!presets->summaryAt(presets->rowOf(QStringLiteral("Q4_K_M")))->usesImatrix);
    QCOMPARE(presets->summaryAt(presets->rowOf(QStringLiteral("Q4_K_M")))->fileBytes, kQ4KMBytes);
}

void TestProducePage::unreadableImatrixBlocksStart() {
    QFile source(kImatrixPath);
    QVERIFY(source.open(QIODevice::ReadOnly));
    const QString broken = m_dir->filePath(QStringLiteral("settings/broken.dat"));
    QFile target(broken);
    QVERIFY(target.open(QIODevice::WriteOnly));
    target.write(source.read(1000));
    target.close();
    auto expected = qf::quant::loadImatrix(broken.toStdU16String());
    QVERIFY(!expected);

    auto window = makeWindow();
    ProducePage* page = openOnProducePage(*window, m_model);
    QVERIFY(page);
    page->setChosenPresets({QStringLiteral("Q4_K_M")});
    QVERIFY(page->canStart());
    page->setImatrixFile(broken);
    auto* status = child<QLabel>(page, "imatrixStatus");
    QTRY_COMPARE(status->text(), QString::fromStdString(expected.error().message));
    QVERIFY(!page->canStart());
    QVERIFY(!child<QPushButton>(page, "startButton")->isEnabled());
    QVERIFY(child<QLabel>(page, "startHint")->text().contains(QStringLiteral("importance matrix")));

    page->setImatrixSource(ProducePage::ImatrixSource::None);
    QTRY_VERIFY(page->canStart());
}

void TestProducePage::existingFileIsReplacedOnlyAfterAsking() {
    auto window = makeWindow();
    ProducePage* page = openOnProducePage(*window, m_model);
    QVERIFY(page);
    page->setChosenPresets({QStringLiteral("Q8_0")});
    QVERIFY(page->start());
    QTRY_COMPARE_WITH_TIMEOUT(lastRow(page)->state(), JobState::Succeeded, 60000);
    const QModelIndex source = window->modelList()->index(0, 0);
    QCOMPARE(window->modelList()->rowCount(source), 1);

    {
        MessageBoxAnswerer cancel(MessageBoxAnswerer::withButton(QMessageBox::Cancel));
        QVERIFY(!page->start());
        QCOMPARE(cancel.count(), 1);
        QVERIFY(cancel.texts().front().contains(QStringLiteral("qf-books-22m-Q8_0.gguf")));
        QCOMPARE(page->jobQueue()->rows().size(), 1);
        // Said, not silent.
        QVERIFY(child<QLabel>(page, "startHint")->text().contains(QStringLiteral("Nothing produced")));
    }
    {
        MessageBoxAnswerer yes(MessageBoxAnswerer::withRole(QMessageBox::AcceptRole));
        QVERIFY(page->start());
        QCOMPARE(yes.count(), 1);
    }
    QCOMPARE(page->jobQueue()->rows().size(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(lastRow(page)->state(), JobState::Succeeded, 60000);
    // The listed file is read again, not listed twice.
    QCOMPARE(window->modelList()->rowCount(source), 1);
    const QModelIndex item = window->modelList()->index(0, 0, source);
    QTRY_COMPARE(item.data(ModelListModel::StateRole).toInt(), int(LoadState::Ready));
    QCOMPARE(quint64(QFileInfo(item.data(ModelListModel::PathRole).toString()).size()),
             planned(m_model, "Q8_0"));

    // Issue 13: an existing file and a new one; keeping the existing one still produces the new one.
    page->setChosenPresets({QStringLiteral("Q8_0"), QStringLiteral("Q4_0")});
    QTRY_VERIFY(page->canStart());
    const QDateTime q8Time = QFileInfo(item.data(ModelListModel::PathRole).toString()).lastModified();
    {
        MessageBoxAnswerer skip([](QMessageBox* box) { return box->findChild<QAbstractButton*>(QStringLiteral("skipExistingButton")); });
        QVERIFY(page->start());
        QCOMPARE(skip.count(), 1);
    }
    QCOMPARE(page->jobQueue()->rows().size(), 3);
    QTRY_COMPARE_WITH_TIMEOUT(lastRow(page)->state(), JobState::Succeeded, 60000);
    QVERIFY(QFile::exists(QFileInfo(m_model).absolutePath() + QStringLiteral("/qf-books-22m-Q4_0.gguf")));
    QCOMPARE(QFileInfo(item.data(ModelListModel::PathRole).toString()).lastModified(), q8Time);
}

void TestProducePage::optionsPersist() {
    const QString custom = m_dir->filePath(QStringLiteral("out"));
    QVERIFY(QDir().mkpath(custom));
    {
        auto window = makeWindow();
        ProducePage* page = openOnProducePage(*window, m_model);
        QVERIFY(page);
        QCOMPARE(child<QSpinBox>(page, "threads")->value(), qMax(1, QThread::idealThreadCount()));
        QCOMPARE(child<QLineEdit>(page, "outputDirectory")->text(),
                 QDir::toNativeSeparators(QFileInfo(m_model).absolutePath()));
        page->setThreads(1);
        // Typed by hand.
        auto* folder = child<QLineEdit>(page, "outputDirectory");
        folder->selectAll();
        QTest::keyClicks(folder, custom);
        QCOMPARE(page->outputDirectory(), custom);
    }
    auto window = makeWindow();
    ProducePage* page = openOnProducePage(*window, m_model);
    QVERIFY(page);
    QCOMPARE(child<QSpinBox>(page, "threads")->value(), 1);
    QCOMPARE(page->outputDirectory(), custom);
    QCOMPARE(child<QLineEdit>(page, "outputDirectory")->text(), QDir::toNativeSeparators(custom));
    // "Beside Model" goes back to the default, and that is remembered too.
    QTest::mouseClick(child<QWidget>(page, "outputResetButton"), Qt::LeftButton);
    QCOMPARE(page->outputDirectory(), QFileInfo(m_model).absolutePath());
    QVERIFY(AppSettings(m_settings.get()).produceOutputDirectory().isEmpty());

    // A folder that does not exist is named, not silently created.
    page->setOutputDirectory(m_dir->filePath(QStringLiteral("missing")));
    page->setChosenPresets({QStringLiteral("Q8_0")});
    QVERIFY(!page->canStart());
    QVERIFY(child<QLabel>(page, "startHint")->text().contains(QStringLiteral("does not exist")));
}

void TestProducePage::closingWithJobsAsksOnceAndCancels() {
    auto window = makeWindow();
    ProducePage* page = openOnProducePage(*window, m_model);
    QVERIFY(page);
    page->setChosenPresets(allPresetNames());
    page->setThreads(1);
    QVERIFY(page->start());
    const QString other = m_dir->filePath(QStringLiteral("other"));
    QVERIFY(QDir().mkpath(other));
    page->setOutputDirectory(other);
    QVERIFY(page->start()); // a second job, waiting
    QCOMPARE(window->producePage()->activeJobCount(), 2);
    const auto rows = page->jobQueue()->rows();

    {
        // "Keep Running": the window stays, the jobs go on.
        MessageBoxAnswerer keep(MessageBoxAnswerer::withRole(QMessageBox::RejectRole));
        QVERIFY(!window->close());
        QCOMPARE(keep.count(), 1);
        QVERIFY(window->isVisible());
        QCOMPARE(page->activeJobCount(), 2);
        QVERIFY(rows[0]->state() != JobState::Cancelling);
    }
    {
        MessageBoxAnswerer cancel(MessageBoxAnswerer::withRole(QMessageBox::AcceptRole));
        QVERIFY(window->close());
        QCOMPARE(cancel.count(), 1); // once, for both jobs
        QVERIFY(cancel.texts().front().contains(QStringLiteral("2 jobs")));
    }
    QTRY_COMPARE_WITH_TIMEOUT(rows[0]->state(), JobState::Cancelled, 30000);
    QCOMPARE(rows[1]->state(), JobState::Cancelled);
    window.reset();
    QCOMPARE(filesIn(QFileInfo(m_model).absolutePath()),
             QStringList{QStringLiteral("qf-books-22m-f16.gguf")});
    QVERIFY(filesIn(other).isEmpty());
}

// "Split into parts of at most N GB": the core's split writer, shards as gguf-split names them, one model
// in the list, and a lock that verify-lock reproduces.
void TestProducePage::splitOutputInParts() {
    auto window = makeWindow();
    ProducePage* page = openOnProducePage(*window, m_model);
    QVERIFY(page);
    page->setChosenPresets({QStringLiteral("Q8_0")});
    auto* split = child<QCheckBox>(page, "splitCheck");
    auto* size = child<QDoubleSpinBox>(page, "splitSize");
    QVERIFY(!size->isEnabled());
    QTest::mouseClick(split, Qt::LeftButton, {}, QPoint(4, split->height() / 2));
    QVERIFY(split->isChecked() && size->isEnabled());
    size->setValue(0.01); // 10 MB: the 23 MB Q8_0 file in three parts
    QVERIFY(page->start());
    JobRowWidget* row = lastRow(page);
    QTRY_COMPARE_WITH_TIMEOUT(row->state(), JobState::Succeeded, 60000);
    const QString dir = QFileInfo(m_model).absolutePath();
    const QStringList files = filesIn(dir);
    QStringList parts = files.filter(QRegularExpression(QStringLiteral("^qf-books-22m-Q8_0-0000.*gguf$")));
    QVERIFY2(parts.size() >= 3, qPrintable(files.join(QLatin1Char(' '))));
    const int n = int(parts.size());
    for (int i = 0; i < n; ++i)
        QCOMPARE(parts[i], QStringLiteral("qf-books-22m-Q8_0-%1-of-%2.gguf").arg(i + 1, 5, 10, QLatin1Char('0'))
                               .arg(n, 5, 10, QLatin1Char('0')));
    QVERIFY(!files.contains(QStringLiteral("qf-books-22m-Q8_0.gguf")));
    for (const QString& p : parts) QVERIFY(QFileInfo(dir + QLatin1Char('/') + p).size() < 11'000'000);
    // The parts open as one model, equal to the unsplit plan.
    auto opened = qf::gguf::GgufFile::open((dir + QLatin1Char('/') + parts.front()).toStdU16String());
    QVERIFY(opened.ok());
    QCOMPARE(opened->shardPaths().size(), size_t(n));
    auto source = qf::gguf::GgufFile::open(m_model.toStdU16String());
    auto plan = qf::quant::makeQuantPlan(source->metadata(), source->tensors(), *qf::quant::findPreset("Q8_0"));
    QCOMPARE(opened->tensors().size(), plan->tensors.size());
    const QString lock = dir + QLatin1Char('/') + parts.front() + QStringLiteral(".lock");
    QVERIFY2(files.contains(QFileInfo(lock).fileName()), qPrintable(files.join(QLatin1Char(' '))));
    auto verified = qf::quant::verifyLock(lock.toStdU16String(), 2);
    QVERIFY2(verified.ok(), verified.ok() ? "" : verified.error().message.c_str());
    QVERIFY(verified->identical);

    // Producing again: the parts are what would be replaced (no file has the unsplit name).
    {
        MessageBoxAnswerer cancel(MessageBoxAnswerer::withButton(QMessageBox::Cancel));
        QVERIFY(!page->start());
        QCOMPARE(cancel.count(), 1);
        QVERIFY2(cancel.texts().front().contains(parts.front()) && cancel.texts().front().contains(parts.back()),
                 qPrintable(cancel.texts().front()));
    }
    QCOMPARE(filesIn(dir), files);
}

QTEST_MAIN(TestProducePage)
#include "test_produce_page.moc"
