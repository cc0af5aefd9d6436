// The window on the offscreen platform, driven the way a person would: drop files, read the card,
// sort the table, press Delete, restart with the same settings.
#include <memory>

#include <QAbstractItemModel>
#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMimeData>
#include <QRegularExpression>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStyle>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <QUrl>

#include "main_window.h"
#include "models/model_list_model.h"
#include "models/tensor_table_model.h"
#include "pages/source_page.h"
#include "pages/source_view.h"
#include "qf/gguf/gguf_file.h"
#include "widgets/message_panel.h"

using namespace qf::ui;

namespace {

const QString kModelPath = QStringLiteral(QF_SHARED_DIR "/models/qf-books-22m-f16.gguf");
constexpr int kTensorCount = 57;

QString coreErrorFor(const QString& path) {
    auto opened = qf::gguf::GgufFile::open(path.toStdString());
    return opened ? QString() : QString::fromStdString(opened.error().message);
}

// A valid GGUF of `gib` GiB whose tensor data is a hole in a sparse file: big on paper, cheap on disk.
bool writeSparseModel(const QString& path, quint64 gib) {
    QByteArray header;
    auto u32 = [&header](quint32 v) { header.append(reinterpret_cast<const char*>(&v), sizeof v); };
    auto u64 = [&header](quint64 v) { header.append(reinterpret_cast<const char*>(&v), sizeof v); };
    auto str = [&](const char* s) {
        u64(qstrlen(s));
        header.append(s);
    };
    const quint64 rowLength = 4096;
    const quint64 rows = gib * (quint64(1) << 30) / (rowLength * 2);
    header.append("GGUF");
    u32(3);
    u64(1); // tensors
    u64(1); // metadata entries
    str("general.architecture");
    u32(8); // string
    str("llama");
    str("token_embd.weight");
    u32(2);
    u64(rowLength);
    u64(rows);
    u32(1); // F16
    u64(0);
    while (header.size() % 32)
        header.append('\0');
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(header) == header.size() &&
           file.resize(header.size() + qint64(rowLength * rows * 2));
}

template <class T> T* child(QObject* parent, const char* name) {
    return parent->findChild<T*>(QString::fromLatin1(name));
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void dropShowsModelCard();
    void tensorTableSortsAndFilters();
    void brokenFileShowsError_data();
    void brokenFileShowsError();
    void droppingTwiceListsOnce();
    void multiGigabyteFileOpensAtOnce();
    void deleteRemovesSelectedModel();
    void removeWhileLoading();
    void recentFilesAndGeometryPersist();
    void firstStartOpensSample();
    void commandLineFilesOpenInsteadOfSample();
    void keyboardShortcutsSwitchPagesAndListThemselves();
    void dragOverListedModelsShowsTheDropArea();

private:
    std::unique_ptr<MainWindow> makeWindow();
    void dropFiles(QWidget* target, const QStringList& paths);
    void waitUntilSettled(MainWindow& window);
    QString writeTruncatedCopy(const QString& name, qint64 bytes);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
};

void TestMainWindow::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    // Numbers are formatted with QLocale(); pin one so the expected strings are known.
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QVERIFY2(QFile::exists(kModelPath), qPrintable(kModelPath));
}

void TestMainWindow::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings =
        std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
}

void TestMainWindow::cleanup() {
    m_settings.reset();
    m_dir.reset();
}

std::unique_ptr<MainWindow> TestMainWindow::makeWindow() {
    auto window = std::make_unique<MainWindow>(m_settings.get());
    window->show();
    return window;
}

void TestMainWindow::dropFiles(QWidget* target, const QStringList& paths) {
    QMimeData mimeData;
    QList<QUrl> urls;
    for (const QString& path : paths)
        urls << QUrl::fromLocalFile(path);
    mimeData.setUrls(urls);

    const QPoint position = target->rect().center();
    QDragEnterEvent enter(position, Qt::CopyAction, &mimeData, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    QVERIFY(enter.isAccepted());
    QDragMoveEvent move(position, Qt::CopyAction, &mimeData, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &move);
    QDropEvent drop(QPointF(position), Qt::CopyAction, &mimeData, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &drop);
    QVERIFY(drop.isAccepted());
}

// Waits until no entry is still Loading.
void TestMainWindow::waitUntilSettled(MainWindow& window) {
    const ModelListModel* models = window.modelList();
    auto loading = [models] {
        for (int row = 0; row < models->rowCount(); ++row) {
            if (models->entry(models->index(row, 0))->state == LoadState::Loading) return true;
        }
        return false;
    };
    QTRY_VERIFY(!loading());
}

QString TestMainWindow::writeTruncatedCopy(const QString& name, qint64 bytes) {
    QFile source(kModelPath);
    if (!source.open(QIODevice::ReadOnly)) return {};
    const QString path = m_dir->filePath(name);
    QFile target(path);
    if (!target.open(QIODevice::WriteOnly)) return {};
    target.write(source.read(bytes));
    return path;
}

void TestMainWindow::dropShowsModelCard() {
    auto window = makeWindow();
    auto* central = child<QStackedWidget>(window.get(), "centralStack");
    QVERIFY(central);
    QCOMPARE(central->currentWidget()->objectName(), QStringLiteral("emptyState"));

    dropFiles(window.get(), {kModelPath});
    QCOMPARE(window->modelList()->rowCount(), 1);
    QCOMPARE(central->currentWidget()->objectName(), QStringLiteral("mainSplitter"));

    auto* architecture = child<QLabel>(window.get(), "architectureValue");
    QVERIFY(architecture);
    QTRY_COMPARE(architecture->text(), QStringLiteral("llama"));
    QCOMPARE(child<QLabel>(window.get(), "cardTitle")->text(), QStringLiteral("Quantforge Books 22M"));
    QCOMPARE(child<QLabel>(window.get(), "parametersValue")->text(), QStringLiteral("21,105,920"));
    QCOMPARE(child<QLabel>(window.get(), "layersValue")->text(), QStringLiteral("6"));
    QCOMPARE(child<QLabel>(window.get(), "headsValue")->text(), QStringLiteral("8 (4 KV)"));
    QCOMPARE(child<QLabel>(window.get(), "contextValue")->text(), QStringLiteral("256 tokens"));
    QCOMPARE(child<QLabel>(window.get(), "vocabularyValue")->text(),
             QStringLiteral("32,000 tokens, SentencePiece"));
    QCOMPARE(child<QLabel>(window.get(), "sizeValue")->text(), QStringLiteral("42.9 MB"));
    QVERIFY(QRegularExpression(QStringLiteral("^\\d+\\.\\d\\d$"))
                .match(child<QLabel>(window.get(), "bitsPerWeightValue")->text())
                .hasMatch());
    // Per-type totals, largest first: F16 matrices, then F32 norms (shares that round to 100 % or 0 % say
    // so).
    auto typeTotal = [&window](int row, int column) {
        auto* cell = window->findChild<QLabel*>(QStringLiteral("typeTotal_%1_%2").arg(row).arg(column));
        return cell ? cell->text() : QString();
    };
    QCOMPARE(typeTotal(0, 0), QStringLiteral("F16"));
    QCOMPARE(typeTotal(0, 1), QStringLiteral("44 tensors"));
    QCOMPARE(typeTotal(0, 3), QStringLiteral("> 99.9 %"));
    QCOMPARE(typeTotal(1, 0), QStringLiteral("F32"));
    QCOMPARE(typeTotal(1, 1), QStringLiteral("13 tensors"));
    QCOMPARE(typeTotal(1, 3), QStringLiteral("< 0.1 %"));

    // Recommend is the first page after a drop; the tensor table is on Overview.
    window->sourceView()->setCurrentPage(window->findChild<SourcePage*>(QStringLiteral("overviewPage")));
    auto* table = child<QTableView>(window.get(), "tensorTable");
    QVERIFY(table);
    QCOMPARE(table->model()->rowCount(), kTensorCount);
    QVERIFY(table->isVisible());
    QCOMPARE(child<QLabel>(window.get(), "tensorCount")->text(), QStringLiteral("57 tensors"));

    const QModelIndex item = window->modelList()->index(0, ModelListModel::NameColumn);
    QCOMPARE(item.data().toString(), QStringLiteral("qf-books-22m-f16.gguf"));
    QCOMPARE(window->modelList()->index(0, ModelListModel::SizeColumn).data().toString(),
             QStringLiteral("42.9 MB"));
    QVERIFY(window->windowTitle().contains(QStringLiteral("qf-books-22m-f16.gguf")));
}

void TestMainWindow::tensorTableSortsAndFilters() {
    auto window = makeWindow();
    window->openFiles({kModelPath});
    auto* table = child<QTableView>(window.get(), "tensorTable");
    QTRY_COMPARE(table->model()->rowCount(), kTensorCount);
    QAbstractItemModel* rows = table->model();

    // File order until a column is chosen.
    QCOMPARE(rows->index(0, TensorTableModel::NameColumn).data().toString(),
             QStringLiteral("token_embd.weight"));

    // Click the Size header as a person would; clicking again reverses the order.
    QHeaderView* header = table->horizontalHeader();
    const int column = TensorTableModel::BytesColumn;
    const QPoint sectionCenter(header->sectionViewportPosition(column) + header->sectionSize(column) / 2,
                               header->height() / 2);
    for (int click = 0; click < 2; ++click) {
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, sectionCenter);
        QCOMPARE(header->sortIndicatorSection(), column);
        const bool descending = header->sortIndicatorOrder() == Qt::DescendingOrder;
        for (int row = 1; row < rows->rowCount(); ++row) {
            const qulonglong previous =
                rows->index(row - 1, column).data(TensorTableModel::SortRole).toULongLong();
            const qulonglong current =
                rows->index(row, column).data(TensorTableModel::SortRole).toULongLong();
            QVERIFY2(descending ? previous >= current : previous <= current,
                     qPrintable(QString::number(row)));
        }
        const int largestRow = descending ? 0 : rows->rowCount() - 1;
        QCOMPARE(rows->index(largestRow, column).data(TensorTableModel::SortRole).toULongLong(), 16384000ull);
        QCOMPARE(rows->index(largestRow, column).data().toString(), QStringLiteral("16.4 MB"));
    }

    auto* filter = child<QLineEdit>(window.get(), "tensorFilter");
    QVERIFY(filter);
    QTest::keyClicks(filter, QStringLiteral("ATTN_K"));
    QCOMPARE(rows->rowCount(), 6);
    QCOMPARE(child<QLabel>(window.get(), "tensorCount")->text(), QStringLiteral("6 of 57 tensors"));
    filter->clear();
    QCOMPARE(rows->rowCount(), kTensorCount);
}

void TestMainWindow::brokenFileShowsError_data() {
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<qint64>("bytes"); // of the real model to keep; -1: write no file at all
    QTest::newRow("truncated in the header") << QStringLiteral("header-cut.gguf") << qint64(1000);
    QTest::newRow("truncated in the tensor data") << QStringLiteral("data-cut.gguf") << qint64(20'000'000);
    QTest::newRow("empty file") << QStringLiteral("empty.gguf") << qint64(0);
    QTest::newRow("missing file") << QStringLiteral("missing.gguf") << qint64(-1);
}

void TestMainWindow::brokenFileShowsError() {
    QFETCH(QString, fileName);
    QFETCH(qint64, bytes);
    const QString path = bytes >= 0 ? writeTruncatedCopy(fileName, bytes) : m_dir->filePath(fileName);
    QVERIFY(!path.isEmpty());
    const QString expectedError = coreErrorFor(path);
    QVERIFY2(!expectedError.isEmpty(), "the core accepted a broken file");

    auto window = makeWindow();
    dropFiles(window.get(), {path});
    const QModelIndex item = window->modelList()->index(0, ModelListModel::NameColumn);
    QTRY_COMPARE(item.data(ModelListModel::StateRole).toInt(), int(LoadState::Failed));

    auto* message = child<MessagePanel>(window.get(), "sourceMessage");
    QVERIFY(message);
    QTRY_VERIFY(message->isVisible());
    QCOMPARE(message->text(), expectedError);
    QVERIFY(message->title().contains(fileName));
    QVERIFY(child<QLabel>(message, "messageText")->isVisible());
    // The warning icon in the list.
    const auto warning =
        QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(16).toImage();
    QCOMPARE(item.data(Qt::DecorationRole).value<QIcon>().pixmap(16).toImage(), warning);
    QCOMPARE(item.data(Qt::ToolTipRole).toString(), expectedError);

    // The window stays usable: a good file dropped next opens normally.
    dropFiles(window.get(), {kModelPath});
    QTRY_COMPARE(child<QLabel>(window.get(), "architectureValue")->text(), QStringLiteral("llama"));
    QVERIFY(!message->isVisible());
    QCOMPARE(window->modelList()->rowCount(), 2);
}

void TestMainWindow::droppingTwiceListsOnce() {
    auto window = makeWindow();
    dropFiles(window.get(), {kModelPath, kModelPath});
    dropFiles(window.get(), {kModelPath});
    waitUntilSettled(*window);
    QCOMPARE(window->modelList()->rowCount(), 1);
}

void TestMainWindow::multiGigabyteFileOpensAtOnce() {
    const QString path = m_dir->filePath(QStringLiteral("huge.gguf"));
    QVERIFY(writeSparseModel(path, 6));
    auto window = makeWindow();
    window->openFiles({path});
    // openFiles() returned with the header still unread: the read runs off the UI thread.
    const QModelIndex item = window->modelList()->index(0, 0);
    QCOMPARE(item.data(ModelListModel::StateRole).toInt(), int(LoadState::Loading));
    QTRY_COMPARE(item.data(ModelListModel::StateRole).toInt(), int(LoadState::Ready));
    const ModelEntry* entry = window->modelList()->entry(item);
    QVERIFY2(entry->model->elapsedMs < 1000, qPrintable(QString::number(entry->model->elapsedMs)));
    QCOMPARE(child<QLabel>(window.get(), "sizeValue")->text(), QStringLiteral("6.4 GB"));
}

void TestMainWindow::deleteRemovesSelectedModel() {
    const QString broken = writeTruncatedCopy(QStringLiteral("broken.gguf"), 100);
    auto window = makeWindow();
    QApplication::setActiveWindow(window.get());
    QVERIFY(QTest::qWaitForWindowActive(window.get()));

    window->openFiles({kModelPath, broken});
    waitUntilSettled(*window);
    QTreeView* list = window->modelView();
    QCOMPARE(list->model()->rowCount(), 2);
    QVERIFY(list->hasFocus());

    // Delete in the tensor filter edits the filter; it never removes a model.
    list->setCurrentIndex(list->model()->index(0, 0));
    auto* filter = child<QLineEdit>(window.get(), "tensorFilter");
    filter->setFocus();
    filter->setText(QStringLiteral("blk"));
    filter->setCursorPosition(0);
    QTest::keyClick(filter, Qt::Key_Delete);
    QCOMPARE(filter->text(), QStringLiteral("lk"));
    QCOMPARE(list->model()->rowCount(), 2);

    list->setFocus();
    QTest::keyClick(list, Qt::Key_Delete);
    QCOMPARE(list->model()->rowCount(), 1);
    QCOMPARE(list->model()->index(0, 0).data().toString(), QStringLiteral("broken.gguf"));
    QCOMPARE(list->currentIndex().row(), 0); // the neighbour is selected and shown
    QVERIFY(child<MessagePanel>(window.get(), "sourceMessage")->isVisible());

    QTest::keyClick(list, Qt::Key_Delete);
    QCOMPARE(list->model()->rowCount(), 0);
    QCOMPARE(child<QStackedWidget>(window.get(), "centralStack")->currentWidget()->objectName(),
             QStringLiteral("emptyState"));
}

void TestMainWindow::removeWhileLoading() {
    // A result arriving for an entry that is gone is dropped; closing with reads in flight waits for them.
    auto window = makeWindow();
    window->openFiles({kModelPath});
    window->modelList()->removeEntry(window->modelList()->index(0, 0));
    window->openFiles({kModelPath});
    window.reset();
}

void TestMainWindow::recentFilesAndGeometryPersist() {
    const QString canonical = QFileInfo(kModelPath).canonicalFilePath();
    {
        auto window = makeWindow();
        window->resize(1100, 800);
        window->openFiles({kModelPath});
        waitUntilSettled(*window);
        window->close();
    }
    m_settings->sync();
    QCOMPARE(m_settings->value(QStringLiteral("recentFiles")).toStringList(), QStringList{canonical});
    QVERIFY(!m_settings->value(QStringLiteral("mainWindow/geometry")).toByteArray().isEmpty());

    auto window = makeWindow();
    QCOMPARE(window->size(), QSize(1100, 800));
    QCOMPARE(window->modelList()->rowCount(), 0);
    auto* recent = child<QMenu>(window.get(), "recentMenu");
    QVERIFY(recent);
    QVERIFY(recent->isEnabled());
    QAction* first = recent->actions().value(0);
    QVERIFY(first);
    QVERIFY(first->text().contains(canonical));
    first->trigger();
    QTRY_COMPARE(child<QLabel>(window.get(), "architectureValue")->text(), QStringLiteral("llama"));
}

void TestMainWindow::firstStartOpensSample() {
    {
        auto window = makeWindow();
        window->openStartupFiles({});
        QCOMPARE(window->modelList()->rowCount(), 1);
        const QString path = window->modelList()->index(0, 0).data(ModelListModel::PathRole).toString();
        QVERIFY2(path.startsWith(QDir(QStringLiteral(QF_BUILD_DATA_DIR)).canonicalPath()), qPrintable(path));
        QTRY_COMPARE(child<QLabel>(window.get(), "parametersValue")->text(), QStringLiteral("21,105,920"));
    }
    // The second start opens nothing by itself.
    auto window = makeWindow();
    window->openStartupFiles({});
    QCOMPARE(window->modelList()->rowCount(), 0);
}

void TestMainWindow::commandLineFilesOpenInsteadOfSample() {
    const QString broken = writeTruncatedCopy(QStringLiteral("cli.gguf"), 10);
    auto window = makeWindow();
    window->openStartupFiles({broken});
    QCOMPARE(window->modelList()->rowCount(), 1);
    QCOMPARE(window->modelList()->index(0, 0).data().toString(), QStringLiteral("cli.gguf"));
    waitUntilSettled(*window);
}

// Ctrl+1..4 show the pages whatever has the focus; F1 lists every shortcut in a dialog.
void TestMainWindow::keyboardShortcutsSwitchPagesAndListThemselves() {
    auto window = makeWindow();
    window->openFiles({kModelPath});
    const QModelIndex item = window->modelList()->findPath(QFileInfo(kModelPath).canonicalFilePath());
    QTRY_COMPARE(item.data(ModelListModel::StateRole).toInt(), int(LoadState::Ready));
    const QList<SourcePage*> pages = window->sourceView()->pages();
    QVERIFY(pages.size() >= 4);
    QApplication::setActiveWindow(window.get());
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    window->modelView()->setFocus();
    for (int i = 3; i >= 0; --i) {
        QTest::keyClick(window.get(), Qt::Key(Qt::Key_1 + i), Qt::ControlModifier);
        QCOMPARE(window->sourceView()->currentPage(), pages[i]);
    }
    QString listed;
    QTimer::singleShot(0, [&] {
        if (auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget())) {
            for (auto* table : dialog->findChildren<QAbstractItemView*>())
                for (int r = 0; r < table->model()->rowCount(); ++r)
                    listed += table->model()->index(r, 0).data().toString() + QLatin1Char('\n');
            dialog->reject();
        }
    });
    QTest::keyClick(window.get(), Qt::Key_F1);
    QVERIFY2(listed.contains(QStringLiteral("Show the Produce page")), qPrintable(listed));
    QVERIFY(listed.contains(QStringLiteral("Settings")));
}

// With models listed, dragging files over the window shows where they will go; leaving or dropping hides it.
void TestMainWindow::dragOverListedModelsShowsTheDropArea() {
    auto window = makeWindow();
    window->openFiles({kModelPath});
    waitUntilSettled(*window);
    auto* overlay = window->findChild<QWidget*>(QStringLiteral("dropOverlay"));
    QVERIFY(overlay);
    QVERIFY(!overlay->isVisible());

    QMimeData mimeData;
    mimeData.setUrls({QUrl::fromLocalFile(kModelPath)});
    const QPoint position = window->rect().center();
    QDragEnterEvent enter(position, Qt::CopyAction, &mimeData, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(window.get(), &enter);
    QVERIFY(enter.isAccepted());
    QVERIFY(overlay->isVisible());
    QCOMPARE(overlay->geometry(), overlay->parentWidget()->rect());
    QDragLeaveEvent leave;
    QApplication::sendEvent(window.get(), &leave);
    QVERIFY(!overlay->isVisible());

    // A text drag is not a file drop: no highlight.
    QMimeData text;
    text.setText(QStringLiteral("hello"));
    QDragEnterEvent textEnter(position, Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(window.get(), &textEnter);
    QVERIFY(!overlay->isVisible());

    dropFiles(window.get(), {kModelPath});
    QVERIFY(!overlay->isVisible());
}

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
