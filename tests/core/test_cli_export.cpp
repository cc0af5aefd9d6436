// quantforge-cli export, run as a person would: the Ollama Modelfile (beside the model, -o, stdout),
// --create through a fake `ollama` on PATH, the copy into an LM Studio models folder, --json and usage.
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "test_support.h"

class TestCliExport : public QObject {
    Q_OBJECT

    struct Run {
        int exitCode = -1;
        QByteArray out, err;
    };

    static Run cli(const QStringList& args, const QString& extraPath = {}) {
        QProcess p;
        if (!extraPath.isEmpty()) {
            auto env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("PATH"),
                       extraPath + QLatin1Char(':') + env.value(QStringLiteral("PATH")));
            p.setProcessEnvironment(env);
        }
        p.start(QStringLiteral(QF_BIN_DIR "/quantforge-cli"), QStringList{QStringLiteral("export")} + args);
        Run r;
        if (!p.waitForFinished(60000)) return r;
        r.exitCode = p.exitCode();
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }

    static QString model() { return QString::fromStdString(qf::test::sharedModel().string()); }

    static QJsonObject json(const Run& r) { return QJsonDocument::fromJson(r.out).object(); }

private slots:
    void modelfileBesideTheModel() {
        QTemporaryDir dir;
        const QString copy = dir.filePath(QStringLiteral("books.gguf"));
        QVERIFY(QFile::copy(model(), copy));
        const auto r = cli({copy, QStringLiteral("--ollama")});
        QCOMPARE(r.exitCode, 0);
        const QString modelfile = dir.filePath(QStringLiteral("books.Modelfile"));
        QCOMPARE(QString::fromUtf8(r.out).trimmed(), modelfile);
        const QByteArray text = qf::test::readAll(modelfile.toStdString());
        QVERIFY(text.contains("\nFROM ./books.gguf\n"));
        QVERIFY(text.contains("PARAMETER stop \"</s>\"\n"));
        // An existing Modelfile is kept unless --overwrite.
        QCOMPARE(cli({copy, QStringLiteral("--ollama")}).exitCode, 1);
        QCOMPARE(cli({copy, QStringLiteral("--ollama"), QStringLiteral("--overwrite")}).exitCode, 0);
    }

    void modelfileToStdoutAndJson() {
        const auto printed =
            cli({model(), QStringLiteral("--ollama"), QStringLiteral("-o"), QStringLiteral("-")});
        QCOMPARE(printed.exitCode, 0);
        QVERIFY(printed.out.contains("FROM " + QFileInfo(model()).absoluteFilePath().toUtf8() + "\n"));

        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("Modelfile"));
        const auto r =
            cli({model(), QStringLiteral("--ollama"), QStringLiteral("-o"), out, QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const auto o = json(r);
        QCOMPARE(o[QStringLiteral("modelfile")].toString(), out);
        QCOMPARE(o[QStringLiteral("template_family")].toString(), QStringLiteral("none"));
        QCOMPARE(o[QStringLiteral("stops")].toArray(), QJsonArray{QStringLiteral("</s>")});
        QVERIFY(QFile::exists(out));
    }

    void createRunsOllama() {
        QTemporaryDir bin, log;
        const QString script = bin.filePath(QStringLiteral("ollama"));
        QVERIFY(qf::test::writeAll(script.toStdString(),
                                   "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"" + log.path().toUtf8() +
                                       "/args\"\ncat \"$4\" > \"" + log.path().toUtf8() +
                                       "/modelfile\"\necho success\nexit ${FAKE_EXIT:-0}\n"));
        QFile::setPermissions(script, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);

        const auto r = cli({model(), QStringLiteral("--ollama"), QStringLiteral("--create"),
                            QStringLiteral("books"), QStringLiteral("--json")},
                           bin.path());
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const auto o = json(r);
        QCOMPARE(o[QStringLiteral("created")].toString(), QStringLiteral("books"));
        QCOMPARE(o[QStringLiteral("ollama_exit_code")].toInt(), 0);
        QVERIFY(o[QStringLiteral("modelfile")].isNull());
        QVERIFY2(r.err.contains("success"), "ollama's output goes to stderr with --json");
        const QList<QByteArray> args =
            qf::test::readAll(log.filePath(QStringLiteral("args")).toStdString()).split('\n');
        QCOMPARE(args.value(0), QByteArray("create"));
        QCOMPARE(args.value(1), QByteArray("books"));
        QCOMPARE(args.value(2), QByteArray("-f"));
        QVERIFY2(!QFile::exists(QString::fromUtf8(args.value(3))), "the temporary Modelfile is removed");
        QVERIFY(qf::test::readAll(log.filePath(QStringLiteral("modelfile")).toStdString())
                    .contains("FROM " + QFileInfo(model()).absoluteFilePath().toUtf8() + "\n"));
    }

    void createFailsWhenOllamaFails() {
        QTemporaryDir bin;
        const QString script = bin.filePath(QStringLiteral("ollama"));
        QVERIFY(qf::test::writeAll(script.toStdString(), "#!/bin/sh\necho 'Error: boom' >&2\nexit 4\n"));
        QFile::setPermissions(script, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        const auto r =
            cli({model(), QStringLiteral("--ollama"), QStringLiteral("--create"), QStringLiteral("books")},
                bin.path());
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("Error: boom"));
        QVERIFY(r.err.contains("exited with code 4"));
    }

    void copyIntoLmStudio() {
        QTemporaryDir models;
        const auto r = cli({model(), QStringLiteral("--lm-studio"), models.path(), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QString expected =
            models.filePath(QStringLiteral("quantforge/qf-books-22M-GGUF/qf-books-22m-f16.gguf"));
        QCOMPARE(json(r)[QStringLiteral("destination")].toString(), expected);
        QVERIFY(qf::test::readAll(expected.toStdString()) == qf::test::readAll(qf::test::sharedModel()));
        QDirIterator it(models.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        QStringList files;
        while (it.hasNext())
            files << it.next();
        QCOMPARE(files, QStringList{expected});

        const auto again = cli({model(), QStringLiteral("--lm-studio"), models.path()});
        QCOMPARE(again.exitCode, 1);
        QVERIFY(again.err.contains("already exists"));
        const auto replaced =
            cli({model(), QStringLiteral("--lm-studio"), models.path(), QStringLiteral("--overwrite")});
        QCOMPARE(replaced.exitCode, 0);
        QCOMPARE(QString::fromUtf8(replaced.out).trimmed(), expected);
    }

    void usageErrors() {
        QCOMPARE(cli({}).exitCode, 2);
        QCOMPARE(cli({model()}).exitCode, 2);
        QCOMPARE(cli({model(), QStringLiteral("--ollama"), QStringLiteral("--lm-studio")}).exitCode, 2);
        QCOMPARE(
            cli({model(), QStringLiteral("--lm-studio"), QStringLiteral("-o"), QStringLiteral("x")}).exitCode,
            2);
        QCOMPARE(cli({model(), QStringLiteral("extra"), QStringLiteral("--ollama")}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("--help")}).exitCode, 0);
        QTemporaryDir models;
        const auto missing =
            cli({QStringLiteral("/nonexistent.gguf"), QStringLiteral("--lm-studio"), models.path()});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(missing.err.contains("nonexistent.gguf"));
    }
};

QTEST_GUILESS_MAIN(TestCliExport)
#include "test_cli_export.moc"
