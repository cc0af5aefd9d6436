// quantforge-cli mix on a tiny synthetic model: a file within the budget and its recipe, the cache on a
// rerun, --fit-ram, and the usage errors.
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <filesystem>

#include "cli_runner.h"
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

    void fitRam() {
        auto r = test::runCli(common() + QStringList{QStringLiteral("--fit-ram"), QStringLiteral("8.3MB"),
                                                     QStringLiteral("--ctx"), QStringLiteral("64"),
                                                     QStringLiteral("--dry-run")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("file budget"));
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
