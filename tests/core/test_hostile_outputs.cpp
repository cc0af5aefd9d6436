// Issue #14 items 1, 4 and 5: no command replaces an input (by device + inode, whatever the spelling);
// existing files need --overwrite; two writers of one path cannot both succeed; temporary files never
// survive a signal, and those a SIGKILL leaves are removed (and mentioned) by the next run.
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <barrier>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <thread>

#include "cli_runner.h"
#include "qf/eval/results_sidecar.h"
#include "qf/io/atomic_file.h"
#include "qf/io/data_location.h"
#include "qf/io/temporary_files.h"
#include "test_support.h"

namespace fs = std::filesystem;
using qf::test::runCli;
using qf::test::sha256Of;

class TestHostileOutputs : public QObject {
    Q_OBJECT

    static QString str(const fs::path& p) { return QString::fromStdString(p.string()); }

    static fs::path copyModel(const QTemporaryDir& dir, const char* name = "m.gguf") {
        const fs::path to = fs::path(dir.path().toStdString()) / name;
        fs::copy_file(qf::test::sharedModel(), to);
        return to;
    }
    static fs::path writeText(const QTemporaryDir& dir) {
        const fs::path to = fs::path(dir.path().toStdString()) / "t.txt";
        std::ofstream(to) << std::string(qf::test::readAll(qf::test::sharedPath("data/books-calibration.txt"))
                                             .left(20000)
                                             .toStdString());
        return to;
    }

private slots:
    // Every way the probe found to replace an input, through each command: refused, inputs unchanged.
    void noCommandReplacesAnInput() {
        QTemporaryDir dir;
        const fs::path model = copyModel(dir);
        const fs::path text = writeText(dir);
        const fs::path link = fs::path(dir.path().toStdString()) / "hard.gguf";
        fs::create_hard_link(model, link);
        const fs::path sym = fs::path(dir.path().toStdString()) / "sym.gguf";
        fs::create_symlink(model, sym);
        const QByteArray modelHash = sha256Of(model), textHash = sha256Of(text);
        const QStringList imatrixBase{QStringLiteral("imatrix"), str(model), QStringLiteral("--text"), str(text),
                                      QStringLiteral("-c"), QStringLiteral("32"), QStringLiteral("--chunks"),
                                      QStringLiteral("1"), QStringLiteral("--no-cache")};
        int refused = 0;
        for (const fs::path& target : {model, text, link, sym})
            for (bool overwrite : {false, true}) {
                QStringList args = imatrixBase + QStringList{QStringLiteral("-o"), str(target)};
                if (overwrite) args << QStringLiteral("--overwrite");
                const auto r = runCli(args);
                QCOMPARE(r.exitCode, 1);
                QVERIFY2(r.err.contains("being read") || r.err.contains("already exists"), r.err.constData());
                ++refused;
            }
        // quantize: -o the source, a hard link of it, the imatrix being used.
        QVERIFY(runCli(imatrixBase + QStringList{QStringLiteral("-o"), dir.filePath(QStringLiteral("im.gguf"))})
                    .exitCode == 0);
        const fs::path imatrix = fs::path(dir.path().toStdString()) / "im.gguf";
        const QByteArray imatrixHash = sha256Of(imatrix);
        for (const fs::path& target : {model, link, imatrix}) {
            const auto r = runCli({QStringLiteral("quantize"), str(model), QStringLiteral("--types"),
                                   QStringLiteral("Q4_0"), QStringLiteral("--imatrix"), str(imatrix),
                                   QStringLiteral("-o"), str(target), QStringLiteral("--overwrite")});
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.contains("being read"), r.err.constData());
            ++refused;
        }
        // export --ollama -o MODEL.
        const auto e = runCli({QStringLiteral("export"), str(model), QStringLiteral("--ollama"), QStringLiteral("-o"),
                               str(link), QStringLiteral("--overwrite")});
        QCOMPARE(e.exitCode, 1);
        ++refused;
        QCOMPARE(sha256Of(model), modelHash);
        QCOMPARE(sha256Of(text), textHash);
        QCOMPARE(sha256Of(imatrix), imatrixHash);
        QCOMPARE(refused, 12);
        QVERIFY(qf::test::partFiles(dir.path()).isEmpty());
    }

    // An HF folder's tokenizer.model (and every other file in it) is an input of convert and quantize.
    void hfFolderFilesAreInputs() {
        QTemporaryDir dir;
        const fs::path folder = fs::path(dir.path().toStdString()) / "hf";
        fs::copy(qf::test::sharedPath("models/qf-books-22m-hf"), folder);
        for (const char* name : {"tokenizer.model", "config.json", "model.safetensors"}) {
            const QByteArray before = sha256Of(folder / name);
            const auto c = runCli({QStringLiteral("convert"), str(folder), QStringLiteral("-o"), str(folder / name),
                                   QStringLiteral("--overwrite")});
            QCOMPARE(c.exitCode, 1);
            QVERIFY2(c.err.contains("being read"), c.err.constData());
            const auto q = runCli({QStringLiteral("quantize"), str(folder), QStringLiteral("--types"),
                                   QStringLiteral("Q8_0"), QStringLiteral("-o"), str(folder / name),
                                   QStringLiteral("--overwrite")});
            QCOMPARE(q.exitCode, 1);
            QVERIFY2(q.err.contains("being read"), q.err.constData());
            QCOMPARE(sha256Of(folder / name), before);
        }
    }

    // Any existing file needs --overwrite: imatrix's -o and its default imatrix.gguf, synth, quantize.
    void existingFilesNeedOverwrite() {
        QTemporaryDir dir;
        const fs::path model = copyModel(dir);
        const fs::path text = writeText(dir);
        const fs::path other = fs::path(dir.path().toStdString()) / "other.bin";
        std::ofstream(other) << "precious";
        const fs::path defaultImatrix = fs::path(dir.path().toStdString()) / "imatrix.gguf";
        std::ofstream(defaultImatrix) << "precious too";
        const QStringList im{QStringLiteral("imatrix"), str(model), QStringLiteral("--text"), str(text),
                             QStringLiteral("-c"), QStringLiteral("32"), QStringLiteral("--chunks"), QStringLiteral("1"),
                             QStringLiteral("--no-cache")};
        QCOMPARE(runCli(im + QStringList{QStringLiteral("-o"), str(other)}).exitCode, 1);
        QCOMPARE(runCli(im, 120000, dir.path()).exitCode, 1); // the default name, in the working folder
        QCOMPARE(qf::test::readAll(other), QByteArray("precious"));
        QCOMPARE(qf::test::readAll(defaultImatrix), QByteArray("precious too"));
        QCOMPARE(runCli(im + QStringList{QStringLiteral("-o"), str(other), QStringLiteral("--overwrite")}).exitCode, 0);
        QVERIFY(qf::test::readAll(other).startsWith("GGUF"));

        const QStringList synth{QStringLiteral("synth"), str(other), QStringLiteral("--layers"), QStringLiteral("1"),
                                QStringLiteral("--embd"), QStringLiteral("64"), QStringLiteral("--ff"),
                                QStringLiteral("128"), QStringLiteral("--heads"), QStringLiteral("2"),
                                QStringLiteral("--kv-heads"), QStringLiteral("1"), QStringLiteral("--vocab"),
                                QStringLiteral("300")};
        const QByteArray before = sha256Of(other);
        const auto s = runCli(synth);
        QCOMPARE(s.exitCode, 1);
        QVERIFY2(s.err.contains("--overwrite"), s.err.constData());
        QCOMPARE(sha256Of(other), before);
        QCOMPARE(runCli(synth + QStringList{QStringLiteral("--overwrite")}).exitCode, 0);
        QVERIFY(sha256Of(other) != before);
    }

    // Item 5: two writers of one path, both past the exists-check: exactly one wins, the other is told.
    void concurrentWritersCannotBothWin() {
        QTemporaryDir dir;
        const fs::path target = fs::path(dir.path().toStdString()) / "out.bin";
        for (int round = 0; round < 20; ++round) {
            fs::remove(target);
            std::barrier sync(2);
            std::atomic<int> wins{0}, clearErrors{0};
            auto writer = [&](uint8_t byte) {
                auto f = qf::io::AtomicFile::create(target, 16, qf::io::OutputPolicy{false, {}});
                if (!f) return;
                const std::vector<uint8_t> bytes(1000, byte);
                (void)f->write(bytes);
                sync.arrive_and_wait(); // both have passed create()'s check
                if (auto c = f->commit(); c)
                    ++wins;
                else if (c.error().message.find("already exists") != std::string::npos)
                    ++clearErrors;
            };
            std::thread a(writer, uint8_t(1)), b(writer, uint8_t(2));
            a.join();
            b.join();
            QCOMPARE(wins.load(), 1);
            QCOMPARE(clearErrors.load(), 1);
            QCOMPARE(fs::file_size(target), uint64_t(1000));
        }
        QVERIFY(qf::test::partFiles(dir.path()).isEmpty());

        // The same through two quantize processes.
        const fs::path model = copyModel(dir);
        const QStringList args{QStringLiteral("quantize"), str(model), QStringLiteral("--types"),
                               QStringLiteral("Q4_0"), QStringLiteral("-o"), dir.filePath(QStringLiteral("q.gguf"))};
        QProcess p1, p2;
        p1.start(qf::test::cliPath(), args);
        p2.start(qf::test::cliPath(), args);
        QVERIFY(p1.waitForFinished(120000) && p2.waitForFinished(120000));
        QCOMPARE(p1.exitCode() + p2.exitCode(), 1);
        const QByteArray loserErr = (p1.exitCode() ? p1 : p2).readAllStandardError();
        QVERIFY2(loserErr.contains("already exists"), loserErr.constData());
        QVERIFY(qf::test::partFiles(dir.path()).isEmpty());
    }

    // Item 4: SIGINT, SIGTERM and SIGHUP leave no temporary file; SIGKILL's leftover is removed and
    // mentioned by the next run; a live writer's temporary is never touched.
    void signalsLeaveNoTemporaryFiles() {
        QTemporaryDir dir;
        const fs::path model = copyModel(dir);
        const QStringList args{QStringLiteral("quantize"), str(model), QStringLiteral("--types"),
                               QStringLiteral("Q2_K,Q3_K_M,Q4_K_M,Q5_K_M,Q6_K,IQ4_XS"), QStringLiteral("--threads"),
                               QStringLiteral("1"), QStringLiteral("--overwrite")};
        for (int sig : {SIGINT, SIGTERM, SIGHUP}) {
            qf::test::CliRun r;
            QVERIFY2(qf::test::runCliAndKill(args, dir.path(), sig, r), "the quantize run ended too soon");
            QVERIFY(r.finished);
            QVERIFY(r.crashed); // ended by the signal, as the shell expects
            QVERIFY2(qf::test::partFiles(dir.path()).isEmpty(),
                     qPrintable(qf::test::partFiles(dir.path()).join(QLatin1Char(' '))));
        }
        qf::test::CliRun killed;
        QVERIFY(qf::test::runCliAndKill(args, dir.path(), SIGKILL, killed));
        QVERIFY(!qf::test::partFiles(dir.path()).isEmpty()); // nothing can clean up after SIGKILL ...
        const auto next = runCli({QStringLiteral("quantize"), str(model), QStringLiteral("--types"),
                                  QStringLiteral("Q8_0"), QStringLiteral("--overwrite")});
        QCOMPARE(next.exitCode, 0);
        QVERIFY2(next.err.contains("temporary file"), next.err.constData()); // ... but the next run does
        QVERIFY(qf::test::partFiles(dir.path()).isEmpty());
    }

    // #13 item 11: results of the bundled sample (under <prefix>/share/quantforge) go to the user's cache
    // folder, never into the installation; a model in an ordinary folder keeps its sidecar beside it.
    void installedSampleResultsGoToTheUserCache() {
        QTemporaryDir cache;
        qputenv("XDG_CACHE_HOME", cache.path().toUtf8());
        const fs::path sample = qf::io::installedDataFolder() / "samples" / "qf-books-22m-f16.gguf";
        QVERIFY2(fs::exists(sample), sample.c_str());
        const fs::path sidecar = qf::eval::sidecarPath(sample);
        QVERIFY2(sidecar.string().rfind(cache.path().toStdString(), 0) == 0, sidecar.c_str());
        qf::eval::StoredEvaluation e;
        e.key = {qf::eval::textSha256Hex("x"), 128, 1};
        e.textName = "x.txt";
        e.fileBytes = fs::file_size(sample);
        e.measuredAt = "2026-01-01T00:00:00Z";
        e.perplexity = 1.5;
        QVERIFY(qf::eval::storeEvaluation(sample, e).ok());
        QVERIFY(fs::exists(sidecar));
        QVERIFY(!fs::exists(fs::path(sample.string() + ".quantforge.json")));
        QCOMPARE(qf::eval::readSidecar(sample)->evaluations.size(), size_t(1));

        QTemporaryDir dir;
        const fs::path model = copyModel(dir);
        QCOMPARE(qf::eval::sidecarPath(model), fs::path(model.string() + ".quantforge.json"));
        qunsetenv("XDG_CACHE_HOME");
    }

    void staleCleanupSparesLiveWritersAndOtherFiles() {
        QTemporaryDir dir;
        const fs::path folder = dir.path().toStdString();
        // A live writer (this process), a dead one (pid 1 is alive, so use an impossible pid), a look-alike.
        auto live = qf::io::AtomicFile::create(folder / "a.gguf", 10);
        QVERIFY(live.ok());
        const fs::path dead = folder / ".b.gguf.999999999-0123456789ab.part";
        const fs::path foreign = folder / ".notes.txt.part";
        const fs::path userFile = folder / "b.gguf";
        for (const auto& p : {dead, foreign, userFile}) std::ofstream(p) << "x";
        const auto removed = qf::io::removeStaleTemporaries(folder);
        QCOMPARE(removed.size(), size_t(1));
        QCOMPARE(removed.front().path, dead);
        QVERIFY(fs::exists(live->temporaryPath()));
        QVERIFY(fs::exists(foreign) && fs::exists(userFile));
        QVERIFY(!qf::io::describeRemoved(removed).empty());
    }
};

QTEST_GUILESS_MAIN(TestHostileOutputs)
#include "test_hostile_outputs.moc"
