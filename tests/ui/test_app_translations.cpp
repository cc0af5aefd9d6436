// The language chosen in Settings, as the app installs it at start: the German texts load, and numbers
// read as in German ("42,9"), not as the system's locale would write them.
#include <QLocale>
#include <QTest>

#include "app_translations.h"

using namespace qf::ui;

class TestAppTranslations : public QObject {
    Q_OBJECT

private slots:
    void chosenLanguageSetsTextsAndNumbers() {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); // the system, say
        QCOMPARE(installTranslations(*QCoreApplication::instance(), QStringLiteral("de")), QStringLiteral("de"));
        QCOMPARE(QCoreApplication::translate("qf::ui::RecommendTableModel", "lossless"), QStringLiteral("verlustfrei"));
        QCOMPARE(QLocale().toString(42.9, 'f', 1), QStringLiteral("42,9"));
    }
};

QTEST_MAIN(TestAppTranslations)
#include "test_app_translations.moc"
