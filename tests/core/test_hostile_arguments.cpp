// Issue #14 item 7 and #13 item 11, through quantforge-cli as a person runs it: bounded reads (-f
// /dev/zero, a FIFO), numbers that are not numbers (--threads -1 / 1x, --temperature nan), and the CLI's
// manners: the default context follows a small trained context and says so, no progress escape codes in
// redirected stderr, valid JSON from tokenize for byte tokens, kld says what is missing.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringDecoder>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

#include <limits>
#include <span>

#include "qf/gguf/gguf_file.h"

#include "cli_runner.h"
#include "test_support.h"

using qf::test::runCli;

class TestHostileArguments : public QObject {
    Q_OBJECT

    static QString model() { return QString::fromStdString(qf::test::sharedModel().string()); }

private slots:
    void endlessInputsAreRefused() {
        QTemporaryDir dir;
        const QByteArray fifo = dir.filePath(QStringLiteral("fifo")).toUtf8();
        QCOMPARE(::mkfifo(fifo.constData(), 0600), 0);
        for (const QString& text : {QStringLiteral("/dev/zero"), QString::fromUtf8(fifo), dir.path()}) {
            for (const QStringList& cmd :
                 {QStringList{QStringLiteral("perplexity"), model(), QStringLiteral("--chunks"), QStringLiteral("2"),
                              QStringLiteral("-f"), text},
                  QStringList{QStringLiteral("imatrix"), model(), QStringLiteral("--chunks"), QStringLiteral("1"),
                              QStringLiteral("--text"), text, QStringLiteral("-o"), dir.filePath(QStringLiteral("i.gguf"))},
                  QStringList{QStringLiteral("tokenize"), model(), QStringLiteral("-f"), text},
                  QStringList{QStringLiteral("mix"), model(), QStringLiteral("--budget"), QStringLiteral("12MB"),
                              QStringLiteral("--dry-run"), QStringLiteral("--text"), text}}) {
                const auto r = runCli(cmd, 20000);
                QVERIFY2(r.finished, qPrintable(cmd.join(QLatin1Char(' '))));
                QVERIFY(r.exitCode != 0);
                QVERIFY2(r.err.contains("not a regular file"), r.err.constData());
            }
        }
    }

    void numbersThatAreNotNumbers() {
        const QStringList bad{QStringLiteral("-1"), QStringLiteral("1x"), QStringLiteral("4294967297"),
                              QStringLiteral(""), QStringLiteral("0x10")};
        for (const QString& v : bad) {
            for (const QStringList& cmd :
                 {QStringList{QStringLiteral("quantize"), model(), QStringLiteral("--dry-run"), QStringLiteral("--threads"), v},
                  QStringList{QStringLiteral("perplexity"), model(), QStringLiteral("--threads"), v},
                  QStringList{QStringLiteral("generate"), model(), QStringLiteral("-p"), QStringLiteral("x"),
                              QStringLiteral("--threads"), v},
                  QStringList{QStringLiteral("synth"), QStringLiteral("/nonexistent/x.gguf"), QStringLiteral("--threads"), v}}) {
                const auto r = runCli(cmd, 20000);
                QCOMPARE(r.exitCode, 2);
                QVERIFY2(r.err.contains("--threads"), r.err.constData());
            }
        }
        for (const QString& t : {QStringLiteral("nan"), QStringLiteral("inf"), QStringLiteral("-1"), QStringLiteral("1e999")}) {
            const auto r = runCli({QStringLiteral("generate"), model(), QStringLiteral("-p"), QStringLiteral("x"),
                                   QStringLiteral("--temperature"), t});
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.err.contains("--temperature"), r.err.constData());
        }
    }

    // The shared model was trained with 256 tokens: without -c, perplexity uses 256 and says so.
    void defaultContextFollowsTheModel() {
        const auto r = runCli({QStringLiteral("perplexity"), model(), QStringLiteral("--chunks"), QStringLiteral("1"),
                               QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("context")).toInt(), 256);
        QVERIFY2(r.err.contains("trained with a context of 256"), r.err.constData());
        const auto explicitCtx = runCli({QStringLiteral("perplexity"), model(), QStringLiteral("--chunks"),
                                         QStringLiteral("1"), QStringLiteral("-c"), QStringLiteral("128"),
                                         QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(explicitCtx.out).object().value(QStringLiteral("context")).toInt(), 128);
        QVERIFY(!explicitCtx.err.contains("note:"));
    }

    void noEscapeCodesInRedirectedStderr() {
        QTemporaryDir dir;
        const auto r = runCli({QStringLiteral("quantize"), model(), QStringLiteral("--types"), QStringLiteral("Q4_0"),
                               QStringLiteral("--out-dir"), dir.path()});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(!r.err.contains('\x1b') && !r.err.contains('\r'), r.err.constData());
        const auto c = runCli({QStringLiteral("convert"), QString::fromStdString(qf::test::sharedPath("models/qf-books-22m-hf").string()),
                               QStringLiteral("-o"), dir.filePath(QStringLiteral("c.gguf"))});
        QCOMPARE(c.exitCode, 0);
        QVERIFY(!c.err.contains('\x1b') && !c.err.contains('\r'));
    }

    // Characters outside the vocabulary become byte tokens (<0xF0> ...): the JSON stays valid UTF-8 and
    // keeps the exact bytes as hex.
    void tokenizeJsonIsValidUtf8() {
        const auto r = runCli({QStringLiteral("tokenize"), model(), QStringLiteral("-p"),
                               QString::fromUtf8("\xf0\x9f\xa6\x99 \xe4\xb8\x96 ok"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        auto decoder = QStringDecoder(QStringDecoder::Utf8);
        (void)decoder.decode(r.out);
        QVERIFY2(!decoder.hasError(), r.out.constData());
        QJsonParseError error{};
        const auto doc = QJsonDocument::fromJson(r.out, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        int byteTokens = 0;
        for (const auto& t : doc.object().value(QStringLiteral("tokens")).toArray())
            if (t.toObject().contains(QStringLiteral("bytes"))) {
                ++byteTokens;
                QCOMPARE(t.toObject().value(QStringLiteral("bytes")).toString().size(), 2);
            }
        QVERIFY(byteTokens >= 4);
    }

    // A model whose final norm is NaN gives NaN logits: perplexity says so and fails instead of printing "nan".
    void nonFinitePerplexityFails() {
        QTemporaryDir dir;
        const QString copy = dir.filePath(QStringLiteral("nan-norm.gguf"));
        QVERIFY(QFile::copy(model(), copy));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        {
            QFile f(model());
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray bytes = f.readAll();
            auto header = qf::gguf::parseHeader(
                std::span(reinterpret_cast<const uint8_t*>(bytes.constData()), size_t(bytes.size())), "model");
            QVERIFY(header);
            const qf::gguf::TensorInfo* norm = nullptr;
            for (const auto& t : header->tensors)
                if (t.name == "output_norm.weight") norm = &t;
            QVERIFY(norm && norm->type == qf::GgmlType::F32);
            QFile out(copy);
            QVERIFY(out.open(QIODevice::ReadWrite));
            QVERIFY(out.seek(qint64(header->dataOffset + norm->offset)));
            const float nan = std::numeric_limits<float>::quiet_NaN();
            for (uint64_t i = 0; i < norm->elementCount(); ++i)
                QCOMPARE(out.write(reinterpret_cast<const char*>(&nan), sizeof nan), qint64(sizeof nan));
        }
        const auto r = runCli({QStringLiteral("perplexity"), copy, QStringLiteral("--chunks"), QStringLiteral("1"),
                               QStringLiteral("-c"), QStringLiteral("64")});
        QVERIFY(r.finished);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("not a finite number"), r.err.constData());
    }

    void kldSaysWhatIsMissing() {
        const auto r = runCli({QStringLiteral("kld"), model()});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--base BASE is missing"), r.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestHostileArguments)
#include "test_hostile_arguments.moc"
