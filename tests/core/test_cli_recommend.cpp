// quantforge-cli hardware and recommend, run as a person would: text, --json, profiles, edited machines,
// exit codes. (QF_CLI overrides the program, e.g. to try a build of the commands before they are listed.)
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include "qf/gguf/gguf_file.h"
#include "qf/quant/plan.h"
#include "test_support.h"

class TestCliRecommend : public QObject {
    Q_OBJECT

    struct Run {
        int exitCode = -1;
        QByteArray out, err;
    };

    static Run cli(const QStringList& args) {
        QProcess p;
        const QString program = qEnvironmentVariableIsSet("QF_CLI")
                                    ? qEnvironmentVariable("QF_CLI")
                                    : QStringLiteral(QF_BIN_DIR "/quantforge-cli");
        p.start(program, args);
        Run r;
        if (!p.waitForFinished(60000)) return r;
        r.exitCode = p.exitCode();
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }

    static QString model() { return QString::fromStdString(qf::test::sharedModel().string()); }

    static QJsonObject json(const Run& r) {
        QJsonParseError error;
        const auto doc = QJsonDocument::fromJson(r.out, &error);
        if (error.error != QJsonParseError::NoError)
            qWarning("%s\n%s", qPrintable(error.errorString()), r.err.constData());
        return doc.object();
    }

private slots:
    void hardwareText() {
        const auto r = cli({QStringLiteral("hardware")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("CPU"));
        QVERIFY(r.out.contains("RAM"));
        QVERIFY(r.out.contains("plans for"));
    }

    void hardwareJson() {
        const auto r = cli({QStringLiteral("hardware"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const auto o = json(r);
        const auto hw = o[QStringLiteral("hardware")].toObject();
        QVERIFY(hw[QStringLiteral("memory")].toObject()[QStringLiteral("total_bytes")].toDouble() > 0);
        QVERIFY(hw[QStringLiteral("cpu")].toObject()[QStringLiteral("logical_cores")].toInt() >= 1);
        QVERIFY(hw[QStringLiteral("gpus")].isArray());
        QVERIFY(o[QStringLiteral("machine")].toObject().contains(QStringLiteral("os_reserve_bytes")));
    }

    // A profile's machine, the exact sizes of the plans, the exact KV cache, and the pick.
    void recommendJson() {
        const auto r = cli({QStringLiteral("recommend"), model(), QStringLiteral("--profile"),
                            QStringLiteral("vram-8"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const auto o = json(r);
        QCOMPARE(o[QStringLiteral("context")].toInt(), 256); // the model's own context is shorter than 4096
        QCOMPARE(o[QStringLiteral("kv_cache_bytes")].toInteger(), 786432);
        QCOMPARE(o[QStringLiteral("machine")].toObject()[QStringLiteral("gpu_bytes")].toInteger(), qint64(8)
                                                                                                       << 30);
        const auto presets = o[QStringLiteral("presets")].toArray();
        QCOMPARE(presets.size(), 35);
        auto source = qf::gguf::GgufFile::open(qf::test::sharedModel());
        QVERIFY(source.ok());
        for (const auto& value : presets) {
            const auto p = value.toObject();
            const auto* preset = qf::quant::findPreset(p[QStringLiteral("preset")].toString().toStdString());
            QVERIFY(preset);
            // Presets that need an imatrix are planned as if one were given (llama-quantize --dry-run).
            qf::quant::PlanOptions options;
            auto plan = qf::quant::makeQuantPlan(source->metadata(), source->tensors(), *preset, options);
            if (!plan.ok() && qf::quant::needsImportanceMatrix(plan.error())) {
                options.assumeImatrix = true;
                plan = qf::quant::makeQuantPlan(source->metadata(), source->tensors(), *preset, options);
            }
            QVERIFY(plan.ok());
            QCOMPARE(p[QStringLiteral("file_bytes")].toInteger(), qint64(plan->fileBytes));
            QCOMPARE(p[QStringLiteral("kv_cache_bytes")].toInteger(), 786432);
            QCOMPARE(p[QStringLiteral("fit")].toString(), QStringLiteral("fits on GPU"));
        }
        const auto rec = o[QStringLiteral("recommendation")].toObject();
        QCOMPARE(rec[QStringLiteral("preset")].toString(), QStringLiteral("Q8_0"));
        QVERIFY(
            rec[QStringLiteral("explanation")].toString().contains(QStringLiteral("fits fully on the GPU")));
    }

    void recommendTextForAnEditedMachine() {
        const auto r =
            cli({QStringLiteral("recommend"), model(), QStringLiteral("--ram"), QStringLiteral("1"),
                 QStringLiteral("--os-reserve"), QStringLiteral("0.942"), QStringLiteral("--vram"),
                 QStringLiteral("0"), QStringLiteral("--ctx"), QStringLiteral("256")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("machine: Custom machine: RAM 1.0 GB (942.0 MB kept for the OS), no GPU"));
        QVERIFY(r.out.contains("KV cache F16: 786.4 kB (exact)"));
        QVERIFY(r.out.contains("> Q6_K"));
        QVERIFY(r.out.contains("Recommended: Q6_K, on the CPU"));
        QVERIFY(r.out.contains("Q8_0 would need 60.7 MB"));
    }

    void nothingFitsStillSucceeds() {
        const auto r = cli({QStringLiteral("recommend"), model(), QStringLiteral("--ram"),
                            QStringLiteral("0.1"), QStringLiteral("--vram"), QStringLiteral("0"),
                            QStringLiteral("--ctx"), QStringLiteral("8192"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const auto rec = json(r)[QStringLiteral("recommendation")].toObject();
        QVERIFY(rec[QStringLiteral("preset")].isNull());
        QCOMPARE(rec[QStringLiteral("headline")].toString(), QStringLiteral("Nothing fits"));
        QVERIFY(!rec[QStringLiteral("suggestions")].toArray().isEmpty());
    }

    void badUsage() {
        QCOMPARE(cli({QStringLiteral("recommend")}).exitCode, 2);
        auto r =
            cli({QStringLiteral("recommend"), model(), QStringLiteral("--kv-type"), QStringLiteral("Q4_K")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("F16, Q8_0 or Q4_0"));
        r = cli(
            {QStringLiteral("recommend"), model(), QStringLiteral("--profile"), QStringLiteral("vram-7")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("unknown profile 'vram-7'"));
        QCOMPARE(cli({QStringLiteral("recommend"), model(), QStringLiteral("--ctx"), QStringLiteral("lots")})
                     .exitCode,
                 2);
        r = cli({QStringLiteral("recommend"), QStringLiteral("/nonexistent.gguf")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("nonexistent.gguf"));
        QCOMPARE(cli({QStringLiteral("recommend"), QStringLiteral("--help")}).exitCode, 0);
        QCOMPARE(cli({QStringLiteral("hardware"), QStringLiteral("--help")}).exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(TestCliRecommend)
#include "test_cli_recommend.moc"
