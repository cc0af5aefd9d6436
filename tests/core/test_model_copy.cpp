// The core side of exporting: copying a model (one file or all parts) into LM Studio's layout, with
// progress, cancel and the rollback that leaves nothing behind; and the Ollama file helpers.
#include <QDir>
#include <QDirIterator>
#include <QTemporaryDir>
#include <QTest>

#include "qf/export/model_copy.h"
#include "qf/export/ollama_export.h"
#include "test_support.h"

using namespace qf;
namespace fs = std::filesystem;

namespace {

gguf::Metadata namedMetadata() {
    gguf::Metadata m;
    m.set("general.basename", gguf::Value::string("Tiny"));
    m.set("general.size_label", gguf::Value::string("1M"));
    return m;
}

QStringList filesBelow(const QString& dir) {
    QStringList out;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        out << QDir(dir).relativeFilePath(it.next());
    out.sort();
    return out;
}

} // namespace

class TestModelCopy : public QObject {
    Q_OBJECT

private slots:
    void copiesEveryPartBesideTheFirst() {
        QTemporaryDir source, models;
        const fs::path a = source.filePath(QStringLiteral("tiny-00001-of-00002.gguf")).toStdString();
        const fs::path b = source.filePath(QStringLiteral("tiny-00002-of-00002.gguf")).toStdString();
        QVERIFY(test::writeAll(a, QByteArray(3 << 20, 'a')));
        QVERIFY(test::writeAll(b, QByteArray(12 << 20, 'b'))); // more than one 8 MB chunk
        lmstudio::CopyRequest request{.sources = {a, b}, .modelsDirectory = models.path().toStdString()};
        uint64_t lastDone = 0, total = 0;
        auto copied = lmstudio::copyModel(request, namedMetadata(),
                                          [&](const Progress& p) {
                                              QVERIFY(p.done >= lastDone);
                                              lastDone = p.done;
                                              total = p.total;
                                          },
                                          {});
        QVERIFY2(copied.ok(), copied.ok() ? "" : copied.error().message.c_str());
        QCOMPARE(total, uint64_t(15 << 20));
        QCOMPARE(lastDone, total);
        QCOMPARE(filesBelow(models.path()),
                 (QStringList{QStringLiteral("quantforge/Tiny-1M-GGUF/tiny-00001-of-00002.gguf"),
                              QStringLiteral("quantforge/Tiny-1M-GGUF/tiny-00002-of-00002.gguf")}));
        QVERIFY(test::readAll((*copied)[1]) == test::readAll(b));
        QCOMPARE(lmstudio::copyDestinations(request, namedMetadata()), *copied);

        // Already there: refused without overwrite, and the existing files stay.
        auto again = lmstudio::copyModel(request, namedMetadata(), {}, {});
        QVERIFY(!again.ok());
        QVERIFY(QString::fromStdString(again.error().message).contains(QStringLiteral("already exists")));
        QCOMPARE(filesBelow(models.path()).size(), 2);
        request.overwrite = true;
        QVERIFY(lmstudio::copyModel(request, namedMetadata(), {}, {}).ok());
    }

    void cancelRemovesWhatItCreated() {
        QTemporaryDir source, models;
        const fs::path a = source.filePath(QStringLiteral("tiny.gguf")).toStdString();
        QVERIFY(test::writeAll(a, QByteArray(1 << 20, 'a')));
        // A folder the user already has stays, even when empty.
        QVERIFY(QDir(models.path()).mkpath(QStringLiteral("quantforge")));
        std::stop_source stop;
        stop.request_stop();
        auto copied = lmstudio::copyModel({.sources = {a}, .modelsDirectory = models.path().toStdString()},
                                          namedMetadata(), {}, stop.get_token());
        QVERIFY(!copied.ok());
        QVERIFY(isCancelled(copied.error()));
        QCOMPARE(filesBelow(models.path()), QStringList());
        QCOMPARE(QDir(models.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
                 QStringList{QStringLiteral("quantforge")});
        QCOMPARE(QDir(models.filePath(QStringLiteral("quantforge")))
                     .entryList(QDir::AllEntries | QDir::NoDotAndDotDot),
                 QStringList());
    }

    void missingModelsFolderIsAnError() {
        QTemporaryDir source;
        const fs::path a = source.filePath(QStringLiteral("tiny.gguf")).toStdString();
        QVERIFY(test::writeAll(a, QByteArray(16, 'a')));
        auto copied = lmstudio::copyModel({.sources = {a}, .modelsDirectory = "/nonexistent/models"},
                                          namedMetadata(), {}, {});
        QVERIFY(!copied.ok());
        QVERIFY(
            QString::fromStdString(copied.error().message).contains(QStringLiteral("/nonexistent/models")));
    }

    void ollamaFileHelpers() {
        QCOMPARE(ollama::defaultModelfilePath("/m/qf-Q4_K_M.gguf"), fs::path("/m/qf-Q4_K_M.Modelfile"));
        QCOMPARE(ollama::fromPathFor("/m/qf.Modelfile", "/m/qf.gguf"), std::string("./qf.gguf"));
        QCOMPARE(ollama::fromPathFor("/tmp/x/Modelfile", "/m/qf.gguf"), std::string("/m/qf.gguf"));
        QCOMPARE(ollama::defaultModelName("Llama 3.2 1B-Q4_K_M.gguf"), std::string("llama-3.2-1b-q4_k_m"));
        QCOMPARE(ollama::defaultModelName("__.gguf"), std::string("model"));

        QTemporaryDir dir;
        const fs::path path = dir.filePath(QStringLiteral("Modelfile")).toStdString();
        QVERIFY(ollama::writeModelfile(path, "FROM ./x.gguf\n").ok());
        QCOMPARE(test::readAll(path), QByteArray("FROM ./x.gguf\n"));
        QVERIFY(!ollama::writeModelfile("/nonexistent/Modelfile", "x").ok());
    }
};

QTEST_GUILESS_MAIN(TestModelCopy)
#include "test_model_copy.moc"
