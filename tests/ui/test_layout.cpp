// Issue 13: at the default window size (1180x760) the German window squeezed the model list to
// "qf-book…16.gguf" because the pages' minimum widths took the rest. Every page, in English and German,
// must leave the list room for a whole file name and fit itself. Registered twice: as is and with
// QT_SCALE_FACTOR=2 (the same window on a 200 % screen, 2360x1520 device pixels).
#include <QApplication>
#include <QFile>
#include <QHeaderView>
#include <QSettings>
#include <QSplitter>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QTreeView>

#include "pages/source_view.h"
#include "pages/recommend_page.h"
#include "window_fixture.h"

using namespace qf;

class TestLayout : public QObject {
    Q_OBJECT

private slots:
    void everyPageFitsAndNamesStayReadable_data() {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QString();
        QTest::newRow("de") << QStringLiteral("de");
    }

    void everyPageFitsAndNamesStayReadable() {
        QFETCH(QString, language);
        QTranslator translator;
        if (!language.isEmpty()) {
            QVERIFY(translator.load(QStringLiteral(QF_BUILD_DATA_DIR "/translations/quantforge_%1.qm").arg(language)));
            QCoreApplication::installTranslator(&translator);
            QLocale::setDefault(QLocale(language));
        }
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        // A source and one of its quants side by side, as a person has them after producing.
        const QString source = dir.filePath(QStringLiteral("qf-books-22m-f16.gguf"));
        const QString quant = dir.filePath(QStringLiteral("qf-books-22m-Q4_K_M.gguf"));
        QVERIFY(QFile::copy(QStringLiteral(QF_SHARED_DIR "/models/qf-books-22m-f16.gguf"), source));
        QVERIFY(QFile::copy(QStringLiteral(QF_SHARED_DIR "/reference/qf-books-22m-Q4_K_M.gguf"), quant));
        QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        {
            auto window = test::makeActiveWindow(&settings);
            window->resize(1180, 760);
            QVERIFY(test::openOnPage(*window, source, window->recommendPage()));
            window->openFiles({quant});
            QTest::qWait(500);
            QTreeView* list = window->modelView();
            list->expandAll();
            auto* tabs = window->findChild<QTabWidget*>(QStringLiteral("sourcePages"));
            QVERIFY(tabs);
            const QFontMetrics metrics(list->font());
            for (int page = 0; page < tabs->count(); ++page) {
                tabs->setCurrentIndex(page);
                QTest::qWait(200);
                const QString where = tabs->tabText(page);
                QVERIFY2(window->width() <= 1180 && window->height() <= 760,
                         qPrintable(QStringLiteral("%1: the window grew to %2x%3")
                                        .arg(where)
                                        .arg(window->width())
                                        .arg(window->height())));
                QWidget* current = tabs->currentWidget();
                QVERIFY2(current->minimumSizeHint().width() <= tabs->width(),
                         qPrintable(QStringLiteral("%1 needs %2 px, has %3")
                                        .arg(where)
                                        .arg(current->minimumSizeHint().width())
                                        .arg(tabs->width())));
                // Each listed file's whole name fits its column (indentation and icon included).
                const int nameWidth = list->header()->sectionSize(0);
                for (const QString& path : {source, quant}) {
                    const QModelIndex item = window->modelList()->findPath(QFileInfo(path).canonicalFilePath());
                    QVERIFY(item.isValid());
                    const QRect rect = list->visualRect(item);
                    const int needed = metrics.horizontalAdvance(QFileInfo(path).fileName()) + 2 * 16 + 8;
                    QVERIFY2(rect.left() + needed <= nameWidth,
                             qPrintable(QStringLiteral("%1: %2 needs %3 px from x=%4, the column has %5")
                                            .arg(where, QFileInfo(path).fileName())
                                            .arg(needed)
                                            .arg(rect.left())
                                            .arg(nameWidth)));
                }
            }
        }
        QCoreApplication::removeTranslator(&translator);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }
};

QTEST_MAIN(TestLayout)
#include "test_layout.moc"
