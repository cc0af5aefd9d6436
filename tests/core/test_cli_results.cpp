// Issue 13: quantforge-cli perplexity / kld results land in the same sidecars the app reads, under the key
// the app's Compare page uses for the same text, context and chunk limit.
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "qf/eval/evaluation_campaign.h"
#include "qf/eval/results_sidecar.h"
#include "test_support.h"

class TestCliResults : public QObject {
    Q_OBJECT

    static int cli(const QStringList& args) {
        QProcess p;
        p.start(QStringLiteral(QF_BIN_DIR "/quantforge-cli"), args);
        if (!p.waitForFinished(300000)) return -1;
        return p.exitCode();
    }

private slots:
    void resultsAreStoredForTheApp() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString base = dir.filePath(QStringLiteral("qf-books-22m-f16.gguf"));
        const QString quant = dir.filePath(QStringLiteral("qf-books-22m-Q4_K_M.gguf"));
        QVERIFY(QFile::copy(QString::fromStdString(qf::test::sharedModel().string()), base));
        QVERIFY(QFile::copy(QString::fromStdString(qf::test::sharedPath("reference/qf-books-22m-Q4_K_M.gguf").string()),
                            quant));
        const QString textPath = QString::fromStdString(qf::test::sharedPath("data/books-eval.txt").string());
        const QStringList options = {QStringLiteral("-f"), textPath, QStringLiteral("-c"), QStringLiteral("128"),
                                     QStringLiteral("--chunks"), QStringLiteral("2")};
        QCOMPARE(cli(QStringList{QStringLiteral("perplexity"), base} + options), 0);
        QCOMPARE(cli(QStringList{QStringLiteral("kld"), quant, QStringLiteral("--base"), base} + options), 0);

        // The app's key: the text as read (one trailing newline dropped), context, chunk limit.
        QByteArray bytes = qf::test::readAll(qf::test::sharedPath("data/books-eval.txt"));
        if (bytes.endsWith('\n')) bytes.chop(1);
        const qf::eval::EvaluationKey key{qf::eval::textSha256Hex(std::string_view(bytes.constData(), size_t(bytes.size()))),
                                          128, 2};
        auto baseSidecar = qf::eval::readSidecar(base.toStdString());
        QVERIFY(baseSidecar);
        const auto* b = baseSidecar->find(key);
        QVERIFY(b);
        QVERIFY(b->perplexity > 1.0);
        QCOMPARE(b->chunks, 2);
        auto quantSidecar = qf::eval::readSidecar(quant.toStdString());
        QVERIFY(quantSidecar);
        const auto* q = quantSidecar->find(key);
        QVERIFY(q);
        QVERIFY(q->meanKld && *q->meanKld > 0.0);
        QCOMPARE(q->baseFile, std::string("qf-books-22m-f16.gguf"));
        QCOMPARE(q->textName, std::string("books-eval.txt"));
        // The base's real perplexity run is kept: the kld pass does not overwrite it.
        auto again = qf::eval::readSidecar(base.toStdString());
        QCOMPARE(again->find(key)->perplexity, b->perplexity);
    }
};

QTEST_GUILESS_MAIN(TestCliResults)
#include "test_cli_results.moc"
