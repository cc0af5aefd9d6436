// quantforge-cli mix on a tiny synthetic model: a file within the budget and its recipe, the cache on a
// rerun, --fit-ram, and the usage errors.
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <filesystem>
#include <optional>

#include "cli_runner.h"
#include "qf/gguf/gguf_file.h"
#include "qf/mix/machine_budget.h"
#include "qf/recommend/recommendation.h"
#include "qf/synthetic_model.h"

using namespace qf;
namespace fs = std::filesystem;

class TestCliMix : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_model, m_text;

    QString path(const char* name) const { return m_dir.filePath(QLatin1StringView(name)); }

    QStringList common() const {
        return {QStringLiteral("mix"), m_model, QStringLiteral("--text"), m_text, QStringLiteral("--types"),
                QStringLiteral("Q2_K,Q4_K,Q8_0"), QStringLiteral("--sens-ctx"), QStringLiteral("32"),
                QStringLiteral("--sens-chunks"), QStringLiteral("2"), QStringLiteral("--cache-dir"), m_dir.path(),
                QStringLiteral("--threads"), QStringLiteral("2")};
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        SyntheticLlamaParams p;
        p.name = "cli-mix";
        p.embedding = 256;
        p.layers = 2;
        p.feedForward = 256;
        p.heads = 4;
        p.headsKv = 2;
        p.vocabulary = 300;
        p.context = 64;
        p.threads = 1;
        m_model = path("cli-mix.gguf");
        QVERIFY(writeSyntheticLlama(p, m_model.toStdString()).ok());
        m_text = path("calibration.txt");
        QFile text(m_text);
        QVERIFY(text.open(QIODevice::WriteOnly));
        for (int i = 0; i < 40; ++i) text.write("call me ishmael, some years ago ");
    }

    void producesFileWithinBudget() {
        const qint64 budget = 330'000;
        auto r = test::runCli(common() + QStringList{QStringLiteral("--budget"), QString::number(budget),
                                                     QStringLiteral("-o"), path("mix.gguf"),
                                                     QStringLiteral("--recipe-out"), path("mix.txt")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("predicted mean KLD"));
        const qint64 size = QFileInfo(path("mix.gguf")).size();
        QVERIFY(size > 0 && size <= budget);
        QFile recipe(path("mix.txt"));
        QVERIFY(recipe.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = recipe.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 2 * 7 + 2);
        QVERIFY(lines.front().startsWith("^"));

        // Rerun: the sensitivity comes from the cache; an existing output needs --overwrite.
        r = test::runCli(common() + QStringList{QStringLiteral("--budget"), QString::number(budget),
                                                QStringLiteral("--dry-run")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("from cache"));
        r = test::runCli(common() + QStringList{QStringLiteral("--budget"), QString::number(budget),
                                                QStringLiteral("-o"), path("mix.gguf")});
        QCOMPARE(r.exitCode, 1);
    }

    // --fit-ram plans like Recommend's custom mix row (mix::machineBudget over the presets' memory model):
    // the budget printed is that one, to the byte, and the mix stays within it.
    void fitRamUsesTheAppsMemoryModel() {
        auto source = gguf::GgufFile::open(m_model.toStdString());
        QVERIFY(source.ok());
        auto planned = recommend::planModel(source->metadata(), source->tensors(), "cli-mix.gguf");
        QVERIFY(planned.ok());
        const uint64_t context = 8192;
        auto budgetFor = [&](uint64_t ram) {
            recommend::Machine machine;
            machine.ramBytes = ram;
            return mix::machineBudget(*planned, context, GgmlType::F16, machine);
        };
        // The least RAM (in 100 kB steps) whose budget is below the largest preset's size and above the
        // smallest mix of the candidate types (330 kB, as above).
        std::optional<mix::MachineBudget> expected;
        uint64_t ram = 0;
        for (ram = 100'000; ram < 1'000'000'000 && !expected; ram += 100'000) {
            auto b = budgetFor(ram);
            QVERIFY(b.ok());
            if (b->fit != recommend::Fit::DoesNotFit && !b->cappedAtLargestPreset && b->fileBytes >= 330'000)
                expected = *b;
        }
        QVERIFY(expected);
        ram -= 100'000;
        QCOMPARE(expected->fit, recommend::Fit::CpuOnly);

        auto r = test::runCli(common() + QStringList{QStringLiteral("--fit-ram"), QString::number(ram),
                                                     QStringLiteral("--ctx"), QString::number(context),
                                                     QStringLiteral("--dry-run")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains(QByteArray("file budget ") + QByteArray::number(qulonglong(expected->fileBytes)) +
                                " bytes"),
                 r.out.constData());
        const qsizetype at = r.out.indexOf("mix: ");
        QVERIFY(at >= 0);
        const qulonglong mixBytes = r.out.mid(at + 5).split(' ').front().toULongLong();
        QVERIFY(mixBytes > 0 && mixBytes <= expected->fileBytes);
        QVERIFY2(r.out.contains("placement: CPU only"), r.out.constData());

        // 100 kB of RAM holds no preset at all: said so, nothing planned.
        QCOMPARE(budgetFor(100'000)->fit, recommend::Fit::DoesNotFit);
        r = test::runCli(common() + QStringList{QStringLiteral("--fit-ram"), QStringLiteral("100000"),
                                                QStringLiteral("--ctx"), QString::number(context),
                                                QStringLiteral("--dry-run")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("does not hold even the smallest preset"), r.err.constData());
    }

    void usageErrors() {
        QCOMPARE(test::runCli(common() + QStringList{QStringLiteral("--budget"), QStringLiteral("12XB"),
                                                     QStringLiteral("--dry-run")}).exitCode, 2);
        QCOMPARE(test::runCli(common() + QStringList{QStringLiteral("--budget"), QStringLiteral("1MB"),
                                                     QStringLiteral("--fit-ram"), QStringLiteral("8GB"),
                                                     QStringLiteral("--dry-run")}).exitCode, 2);
        QCOMPARE(test::runCli(common() + QStringList{QStringLiteral("--budget"), QStringLiteral("1MB")}).exitCode, 2);
        auto r = test::runCli(common() + QStringList{QStringLiteral("--budget"), QStringLiteral("1000"),
                                                     QStringLiteral("--dry-run")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("cannot hold"));
    }
};

QTEST_GUILESS_MAIN(TestCliMix)
#include "test_cli_mix.moc"
