// quantforge-cli inspect, run as a person would: output, --json, exit codes and messages for bad files.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "test_support.h"

class TestCliInspect : public QObject {
    Q_OBJECT

    struct Run {
        int exitCode = -1;
        QByteArray out, err;
    };

    static Run cli(const QStringList& args) {
        QProcess p;
        p.start(QStringLiteral(QF_BIN_DIR "/quantforge-cli"), args);
        Run r;
        if (!p.waitForFinished(60000)) return r;
        r.exitCode = p.exitCode();
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }

    static QString model() { return QString::fromStdString(qf::test::sharedModel().string()); }

private slots:
    void textOutput() {
        const auto r = cli({QStringLiteral("inspect"), model()});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("architecture    llama"));
        QVERIFY(r.out.contains("parameters      21105920"));
        QVERIFY(r.out.contains("heads / KV      8 / 4"));
        QVERIFY(r.out.contains("blk.5.ffn_down.weight"));
        QVERIFY(r.out.contains("768 x 256"));
    }

    void jsonOutput() {
        const auto r = cli({QStringLiteral("inspect"), model(), QStringLiteral("--json"), QStringLiteral("--metadata")});
        QCOMPARE(r.exitCode, 0);
        QJsonParseError error;
        const auto doc = QJsonDocument::fromJson(r.out, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        const auto o = doc.object();
        QCOMPARE(o[QStringLiteral("parameters")].toInteger(), 21105920);
        QCOMPARE(o[QStringLiteral("layers")].toInt(), 6);
        QCOMPARE(o[QStringLiteral("head_count_kv")].toInt(), 4);
        QCOMPARE(o[QStringLiteral("file_type_name")].toString(), QStringLiteral("F16"));
        QCOMPARE(o[QStringLiteral("tensors")].toArray().size(), 57);
        QCOMPARE(o[QStringLiteral("types")].toObject()[QStringLiteral("F16")].toObject()[QStringLiteral("tensors")].toInt(), 44);
        QCOMPARE(o[QStringLiteral("metadata")].toObject()[QStringLiteral("general.architecture")].toString(),
                 QStringLiteral("\"llama\""));
    }

    void badFileFailsWithItsReason() {
        QTemporaryDir dir;
        const auto path = dir.filePath(QStringLiteral("broken.gguf"));
        auto bytes = qf::test::readAll(qf::test::sharedModel()).left(5000);
        QVERIFY(qf::test::writeAll(path.toStdString(), bytes));
        const auto r = cli({QStringLiteral("inspect"), path});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains("broken.gguf") && r.err.contains("remain"), r.err.constData());
    }

    void usageErrors() {
        QCOMPARE(cli({QStringLiteral("inspect")}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("inspect"), model(), QStringLiteral("--bogus")}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("frobnicate")}).exitCode, 2);
        const auto version = cli({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.startsWith("quantforge-cli "));
    }
};

QTEST_GUILESS_MAIN(TestCliInspect)
#include "test_cli_inspect.moc"
