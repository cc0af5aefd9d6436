// quantforge-cli tokenize / perplexity / kld, run as a person would: text and --json output, exit codes.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "test_support.h"

class TestCliEval : public QObject {
    Q_OBJECT

    struct Run {
        int exitCode = -1;
        QByteArray out, err;
    };

    QTemporaryDir m_dir;

    static Run cli(const QStringList& args) {
        QProcess p;
        p.start(QStringLiteral(QF_BIN_DIR "/quantforge-cli"), args);
        Run r;
        if (!p.waitForFinished(300000)) return r;
        r.exitCode = p.exitCode();
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }

    static QString shared(const char* relative) {
        return QString::fromStdString(qf::test::sharedPath(relative).string());
    }

    static QJsonObject json(const Run& r) {
        QJsonParseError error;
        const auto doc = QJsonDocument::fromJson(r.out, &error);
        if (error.error != QJsonParseError::NoError) qWarning("%s", qPrintable(error.errorString()));
        return doc.object();
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        const auto r = cli({QStringLiteral("tokenize"), QStringLiteral("--help")});
        if (r.err.contains("unknown command"))
            QSKIP("the evaluation commands are not in quantforge-cli's table yet");
    }

    void tokenize() {
        const QString model = shared("models/qf-books-22m-f16.gguf");
        auto r = cli({QStringLiteral("tokenize"), model, QStringLiteral("-f"), shared("data/books-eval.txt"),
                      QStringLiteral("--count")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.trimmed(), QByteArray("77270"));

        r = cli({QStringLiteral("tokenize"), model, QStringLiteral("-p"), QStringLiteral("Hello world"),
                 QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const auto tokens = json(r)[QStringLiteral("tokens")].toArray();
        QCOMPARE(tokens.size(), 3);
        QCOMPARE(tokens[1].toObject()[QStringLiteral("id")].toInt(), 15043);
        QCOMPARE(tokens[2].toObject()[QStringLiteral("piece")].toString(), QStringLiteral(" world"));

        r = cli({QStringLiteral("tokenize"), model}); // no text
        QCOMPARE(r.exitCode, 2);
    }

    void perplexity() {
        auto r =
            cli({QStringLiteral("perplexity"), shared("models/qf-books-22m-f16.gguf"), QStringLiteral("-f"),
                 shared("data/books-eval.txt"), QStringLiteral("-c"), QStringLiteral("256"),
                 QStringLiteral("--chunks"), QStringLiteral("2"), QStringLiteral("-t"), QStringLiteral("2")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith("[1]150.3"), r.out.constData()); // llama.cpp: [1]150.3235
        QVERIFY(r.out.contains("Final estimate: PPL = 126.8"));    // llama.cpp: [2]126.8226

        r = cli({QStringLiteral("perplexity"), shared("models/qf-books-22m-f16.gguf"), QStringLiteral("-f"),
                 shared("data/books-eval.txt"), QStringLiteral("-c"), QStringLiteral("256"),
                 QStringLiteral("--chunks"), QStringLiteral("1"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const auto o = json(r);
        QCOMPARE(o[QStringLiteral("chunks")].toInt(), 1);
        QCOMPARE(o[QStringLiteral("text_tokens")].toInt(), 77270);
        QVERIFY(std::abs(o[QStringLiteral("perplexity")].toDouble() - 150.32) < 0.05);

        r = cli({QStringLiteral("perplexity"), QStringLiteral("/no/such/model.gguf")});
        QCOMPARE(r.exitCode, 1);
        r = cli({QStringLiteral("perplexity"), shared("models/qf-books-22m-f16.gguf"), QStringLiteral("-c"),
                 QStringLiteral("many")});
        QCOMPARE(r.exitCode, 2);
    }

    void kld() {
        const auto r = cli({QStringLiteral("kld"), shared("reference/qf-books-22m-Q4_K_M.gguf"),
                            QStringLiteral("--base"), shared("models/qf-books-22m-f16.gguf"),
                            QStringLiteral("-f"), shared("data/books-eval.txt"), QStringLiteral("-c"),
                            QStringLiteral("256"), QStringLiteral("--chunks"), QStringLiteral("1"),
                            QStringLiteral("--cache-dir"), m_dir.path(), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const auto o = json(r);
        // llama.cpp, chunk 1: KLD 0.00148, same top 97.638%
        QVERIFY(std::abs(o[QStringLiteral("mean_kld")].toObject()[QStringLiteral("value")].toDouble() -
                         0.00148) < 1e-4);
        QVERIFY(o[QStringLiteral("cache")].toString().startsWith(m_dir.path()));
        QVERIFY(!o[QStringLiteral("cache_reused")].toBool());

        const auto missingBase = cli({QStringLiteral("kld"), shared("reference/qf-books-22m-Q4_K_M.gguf")});
        QCOMPARE(missingBase.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliEval)
#include "test_cli_eval.moc"
