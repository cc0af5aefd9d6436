// The app on a real X server (Xvfb + a window manager, see with_window_manager.sh), as a person uses it:
// a model file is dragged from another program's window onto the app's (xdotool moves the real pointer,
// XDND carries the drop), two quants are produced, the source and quants are evaluated, and the chart
// shows them. Screenshots of the screen at each step go to QF_ARTIFACTS (CI keeps them).
#include <memory>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QProcess>
#include <QScreen>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <QApplication>
#include <QTimer>

#include "app_translations.h"
#include "main_window.h"
#include "pages/recommend_page.h"
#include "pages/source_page.h"
#include "models/comparison_table_model.h"
#include "models/model_list_model.h"
#include "models/preset_table_model.h"
#include "pages/compare_page.h"
#include "pages/produce_page.h"
#include "pages/source_view.h"
#include "widgets/job_queue_widget.h"
#include "widgets/job_row_widget.h"
#include "widgets/side_by_side_view.h"
#include "widgets/size_quality_chart.h"

using namespace qf::ui;

namespace {

// Runs xdotool with this app's event loop running, so it answers the X server (XDND) meanwhile.
bool xdotool(const QStringList& args) {
    QProcess p;
    p.start(QStringLiteral("xdotool"), args);
    if (!p.waitForStarted(5000)) return false;
    if (!QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, 10000)) return false;
    return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

} // namespace

class TestRealWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        if (QGuiApplication::platformName() != QLatin1String("xcb"))
            QSKIP("needs a real X server (run through tests/x11/with_window_manager.sh)");
        if (QStandardPaths::findExecutable(QStringLiteral("xdotool")).isEmpty()) QSKIP("xdotool is not installed");
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY(m_dir.isValid());
        m_artifacts = qEnvironmentVariable("QF_ARTIFACTS", m_dir.filePath(QStringLiteral("artifacts")));
        QVERIFY(QDir().mkpath(m_artifacts));
    }

    void dragProduceEvaluate() {
        QSettings settings(m_dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        const QString model = m_dir.filePath(QStringLiteral("dropped-22m-f16.gguf"));
        QVERIFY(QFile::copy(QStringLiteral(QF_SHARED_DIR "/models/qf-books-22m-f16.gguf"), model));
        QFile::setPermissions(model, QFile::ReadOwner | QFile::WriteOwner);

        MainWindow window(&settings);
        window.resize(1180, 760);
        window.move(200, 80);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::qWait(300);
        shoot(QStringLiteral("x11-1-empty.png"));

        // The drag source: another X client in the screen's top-left corner.
        QProcess source;
        source.start(QStringLiteral(QF_DRAG_SOURCE), {model, QStringLiteral("10"), QStringLiteral("10")});
        QVERIFY(source.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(source.canReadLine() || source.bytesAvailable() > 0, 15000);
        const QList<QByteArray> ready = source.readLine().trimmed().split(' ');
        QCOMPARE(ready.size(), 5);
        const QPoint from(ready[1].toInt() + ready[3].toInt() / 2, ready[2].toInt() + ready[4].toInt() / 2);
        const QPoint to = window.mapToGlobal(QPoint(window.width() / 2, window.height() / 2));

        QVERIFY(xdotool({QStringLiteral("mousemove"), QString::number(from.x()), QString::number(from.y())}));
        QTest::qWait(200);
        QVERIFY(xdotool({QStringLiteral("mousedown"), QStringLiteral("1")}));
        // Moved in steps, as a hand does: the drag starts, enters the window, the window accepts it.
        for (int i = 1; i <= 20; ++i) {
            const QPoint p = from + (to - from) * i / 20;
            QVERIFY(xdotool({QStringLiteral("mousemove"), QString::number(p.x()), QString::number(p.y())}));
            QTest::qWait(40);
        }
        QTest::qWait(300);
        shoot(QStringLiteral("x11-2-dragging.png"));
        QVERIFY(xdotool({QStringLiteral("mouseup"), QStringLiteral("1")}));
        // Waited for with the event loop running: the drop's data comes from the source while it waits.
        QTRY_COMPARE_WITH_TIMEOUT(source.state(), QProcess::NotRunning, 15000);
        QCOMPARE(source.exitCode(), 0); // the drop was accepted

        ModelListModel* models = window.modelList();
        const QString canonical = QFileInfo(model).canonicalFilePath();
        QTRY_VERIFY_WITH_TIMEOUT(models->findPath(canonical).isValid(), 15000);
        const QModelIndex item = models->findPath(canonical);
        QTRY_COMPARE_WITH_TIMEOUT(item.data(ModelListModel::StateRole).toInt(), int(LoadState::Ready), 30000);
        shoot(QStringLiteral("x11-3-dropped.png"));

        // Produce two quants.
        ProducePage* produce = window.producePage();
        window.modelView()->setCurrentIndex(item);
        window.sourceView()->setCurrentPage(produce);
        produce->setChosenPresets({QStringLiteral("Q8_0"), QStringLiteral("Q4_K_M")});
        QTRY_VERIFY_WITH_TIMEOUT(produce->canStart(), 30000);
        QVERIFY(produce->start());
        JobRowWidget* row = produce->jobQueue()->rows().back();
        QTRY_COMPARE_WITH_TIMEOUT(row->state(), JobState::Succeeded, 240000);
        QTRY_COMPARE_WITH_TIMEOUT(models->rowCount(models->findPath(canonical)), 2, 30000);
        shoot(QStringLiteral("x11-4-produced.png"));

        // Evaluate them and see the chart.
        ComparePage* compare = window.comparePage();
        window.sourceView()->setCurrentPage(compare);
        compare->setContext(128);
        compare->setChunkLimit(2);
        QTRY_COMPARE(compare->tableModel()->rowCount(), 3);
        QSignalSpy finished(compare, &ComparePage::evaluationFinished);
        QVERIFY(compare->evaluate());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 300000);
        QCOMPARE(finished.first().first().toBool(), true);
        QCOMPARE(compare->tableModel()->measuredCount(), 3);
        QCOMPARE(compare->chart()->plottedCount(), 3);
        QTest::qWait(300);
        shoot(QStringLiteral("x11-5-compared.png"));
    }

    // A new person's walk on a model no other test uses (QF_WALK_MODEL, e.g. a zoo model), in the language
    // QF_WALK_LANGUAGE: dropped, Recommend, Overview, two quants produced, evaluated, the same prompt side by
    // side, Settings; a screenshot of the screen at each page. Skipped unless QF_WALK_MODEL is set.
    void walkEveryPage() {
        const QString walkModel = qEnvironmentVariable("QF_WALK_MODEL");
        if (walkModel.isEmpty()) QSKIP("set QF_WALK_MODEL to a GGUF model to walk through every page");
        const QString language = qEnvironmentVariable("QF_WALK_LANGUAGE", QStringLiteral("en"));
        const QString prefix = QStringLiteral("walk-%1-").arg(language);
        if (language != QLatin1String("en")) {
            QVERIFY(!installTranslations(*QCoreApplication::instance(), language).isEmpty());
            QLocale::setDefault(QLocale(language));
        }
        QSettings settings(m_dir.filePath(QStringLiteral("walk-settings.ini")), QSettings::IniFormat);
        const QString folder = m_dir.filePath(QStringLiteral("walk-") + language);
        QVERIFY(QDir().mkpath(folder));
        const QString model = QDir(folder).filePath(QFileInfo(walkModel).fileName());
        QFile::remove(model);
        QVERIFY(QFile::copy(walkModel, model));
        QFile::setPermissions(model, QFile::ReadOwner | QFile::WriteOwner);

        MainWindow window(&settings);
        window.resize(1180, 760);
        window.move(100, 60);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(dragOnto(window, model));
        ModelListModel* models = window.modelList();
        const QString canonical = QFileInfo(model).canonicalFilePath();
        QTRY_VERIFY_WITH_TIMEOUT(models->findPath(canonical).isValid(), 15000);
        const QModelIndex item = models->findPath(canonical);
        QTRY_COMPARE_WITH_TIMEOUT(item.data(ModelListModel::StateRole).toInt(), int(LoadState::Ready), 30000);
        window.modelView()->setCurrentIndex(item);

        window.sourceView()->setCurrentPage(window.recommendPage());
        QTRY_VERIFY_WITH_TIMEOUT(window.recommendPage()->result() != nullptr, 60000);
        QTest::qWait(300);
        shoot(prefix + QStringLiteral("1-recommend.png"));
        window.sourceView()->setCurrentPage(window.findChild<SourcePage*>(QStringLiteral("overviewPage")));
        QTest::qWait(300);
        shoot(prefix + QStringLiteral("2-overview.png"));

        ProducePage* produce = window.producePage();
        window.sourceView()->setCurrentPage(produce);
        QTRY_VERIFY_WITH_TIMEOUT(!produce->presetModel()->isPending(), 60000);
        produce->setChosenPresets({QStringLiteral("Q8_0"), QStringLiteral("Q4_K_M")});
        QTRY_VERIFY_WITH_TIMEOUT(produce->canStart(), 30000);
        QVERIFY(produce->start());
        JobRowWidget* row = produce->jobQueue()->rows().back();
        QTRY_COMPARE_WITH_TIMEOUT(row->state(), JobState::Succeeded, 600000);
        QTRY_COMPARE_WITH_TIMEOUT(models->rowCount(models->findPath(canonical)), 2, 30000);
        QTest::qWait(300);
        shoot(prefix + QStringLiteral("3-produce.png"));

        window.modelView()->setCurrentIndex(models->findPath(canonical));
        ComparePage* compare = window.comparePage();
        window.sourceView()->setCurrentPage(compare);
        compare->setChunkLimit(2);
        QTRY_COMPARE(compare->tableModel()->rowCount(), 3);
        QSignalSpy finished(compare, &ComparePage::evaluationFinished);
        QVERIFY(compare->evaluate());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 600000);
        QVERIFY2(finished.first().first().toBool(), "the evaluation failed");
        QCOMPARE(compare->tableModel()->measuredCount(), 3);
        compare->showResultView(ComparePage::ResultView::ChartAndTable);
        QTest::qWait(300);
        shoot(prefix + QStringLiteral("4-compare.png"));
        // The prompt the view starts with runs as it is: one click shows every file's answer.
        compare->showResultView(ComparePage::ResultView::SideBySide);
        QVERIFY(compare->sideBySideView()->run());
        QTRY_VERIFY_WITH_TIMEOUT(!compare->sideBySideView()->isRunning(), 300000);
        for (int i = 0; i < compare->sideBySideView()->paneCount(); ++i)
            QVERIFY(!compare->sideBySideView()->paneText(i).isEmpty());
        QTest::qWait(300);
        shoot(prefix + QStringLiteral("4b-side-by-side.png"));

        QTimer::singleShot(800, [&] {
            shoot(prefix + QStringLiteral("5-settings.png"));
            if (QWidget* dialog = QApplication::activeModalWidget()) dialog->close();
        });
        window.showSettings();
    }

private:
    // Drags `file` from another X client onto the window with the real pointer; true when it was accepted.
    bool dragOnto(QWidget& window, const QString& file) {
        QProcess source;
        source.start(QStringLiteral(QF_DRAG_SOURCE), {file, QStringLiteral("10"), QStringLiteral("10")});
        if (!source.waitForStarted()) return false;
        if (!QTest::qWaitFor([&] { return source.canReadLine(); }, 15000)) return false;
        const QList<QByteArray> ready = source.readLine().trimmed().split(' ');
        if (ready.size() != 5) return false;
        const QPoint from(ready[1].toInt() + ready[3].toInt() / 2, ready[2].toInt() + ready[4].toInt() / 2);
        const QPoint to = window.mapToGlobal(QPoint(window.width() / 2, window.height() / 2));
        xdotool({QStringLiteral("mousemove"), QString::number(from.x()), QString::number(from.y())});
        QTest::qWait(200);
        xdotool({QStringLiteral("mousedown"), QStringLiteral("1")});
        for (int i = 1; i <= 20; ++i) {
            const QPoint p = from + (to - from) * i / 20;
            xdotool({QStringLiteral("mousemove"), QString::number(p.x()), QString::number(p.y())});
            QTest::qWait(40);
        }
        QTest::qWait(300);
        xdotool({QStringLiteral("mouseup"), QStringLiteral("1")});
        if (!QTest::qWaitFor([&] { return source.state() == QProcess::NotRunning; }, 15000)) return false;
        return source.exitCode() == 0;
    }

    // The whole X screen, as the server has it (not the widget's own rendering).
    void shoot(const QString& name) {
        QScreen* screen = QGuiApplication::primaryScreen();
        QVERIFY(screen);
        const QPixmap shot = screen->grabWindow(0);
        QVERIFY(!shot.isNull());
        QVERIFY(shot.save(QDir(m_artifacts).filePath(name)));
    }

    QTemporaryDir m_dir;
    QString m_artifacts;
};

QTEST_MAIN(TestRealWindow)
#include "test_real_window.moc"
