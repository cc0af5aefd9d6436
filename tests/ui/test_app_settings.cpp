// What the window remembers: recent files (newest first, at most ten, no duplicates), the first run.
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include "app_settings.h"

using namespace qf::ui;

class TestAppSettings : public QObject {
    Q_OBJECT

private slots:
    void recentFilesAreNewestFirstWithoutDuplicates();
    void recentFilesKeepTheTenNewest();
    void firstRunFlag();
};

void TestAppSettings::recentFilesAreNewestFirstWithoutDuplicates() {
    QTemporaryDir dir;
    QSettings store(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    AppSettings settings(&store);
    QVERIFY(settings.recentFiles().isEmpty());
    settings.addRecentFile(QStringLiteral("/a.gguf"));
    settings.addRecentFile(QStringLiteral("/b.gguf"));
    settings.addRecentFile(QStringLiteral("/a.gguf"));
    QCOMPARE(settings.recentFiles(), QStringList({QStringLiteral("/a.gguf"), QStringLiteral("/b.gguf")}));
    settings.removeRecentFile(QStringLiteral("/a.gguf"));
    QCOMPARE(settings.recentFiles(), QStringList({QStringLiteral("/b.gguf")}));
    settings.clearRecentFiles();
    QVERIFY(settings.recentFiles().isEmpty());
}

void TestAppSettings::recentFilesKeepTheTenNewest() {
    QTemporaryDir dir;
    QSettings store(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    AppSettings settings(&store);
    for (int i = 0; i < 15; ++i)
        settings.addRecentFile(QStringLiteral("/m%1.gguf").arg(i));
    const QStringList recent = settings.recentFiles();
    QCOMPARE(recent.size(), AppSettings::kMaxRecentFiles);
    QCOMPARE(recent.front(), QStringLiteral("/m14.gguf"));
    QCOMPARE(recent.back(), QStringLiteral("/m5.gguf"));
}

void TestAppSettings::firstRunFlag() {
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("s.ini"));
    {
        QSettings store(file, QSettings::IniFormat);
        AppSettings settings(&store);
        QVERIFY(!settings.firstRunDone());
        settings.setFirstRunDone();
    }
    QSettings store(file, QSettings::IniFormat);
    QVERIFY(AppSettings(&store).firstRunDone());
}

QTEST_MAIN(TestAppSettings)
#include "test_app_settings.moc"
