// Dropped URLs and picked paths become one entry per model: shards map to the first shard.
#include <QDir>
#include <QFile>
#include <QMimeData>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include "model_paths.h"

using namespace qf::ui;

class TestModelPaths : public QObject {
    Q_OBJECT

private slots:
    void localFilesOnly();
    void laterShardsMapToTheFirst();
};

void TestModelPaths::localFilesOnly() {
    QMimeData mimeData;
    mimeData.setUrls(
        {QUrl::fromLocalFile(QStringLiteral("/tmp/a.gguf")), QUrl(QStringLiteral("https://x/b.gguf"))});
    QCOMPARE(localPathsFromMimeData(&mimeData), QStringList{QStringLiteral("/tmp/a.gguf")});
    QVERIFY(hasLocalPaths(&mimeData));
    QMimeData text;
    text.setText(QStringLiteral("hello"));
    QVERIFY(!hasLocalPaths(&text));
    QVERIFY(localPathsFromMimeData(nullptr).isEmpty());
}

void TestModelPaths::laterShardsMapToTheFirst() {
    QTemporaryDir dir;
    const QString root = QDir(dir.path()).canonicalPath();
    const QString first = root + QStringLiteral("/m-00001-of-00002.gguf");
    const QString second = root + QStringLiteral("/m-00002-of-00002.gguf");
    for (const QString& path : {first, second}) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
    }
    QCOMPARE(canonicalModelPath(second), first);
    QCOMPARE(canonicalModelPaths({second, first, root + QStringLiteral("/./m-00001-of-00002.gguf")}),
             QStringList{first});
    // Without its first shard a later shard stays itself (opening it reports the error).
    QFile::remove(first);
    QCOMPARE(canonicalModelPath(second), second);
    // Paths that do not exist are made absolute and clean.
    QCOMPARE(canonicalModelPath(root + QStringLiteral("/x/../missing.gguf")),
             root + QStringLiteral("/missing.gguf"));
}

QTEST_MAIN(TestModelPaths)
#include "test_model_paths.moc"
