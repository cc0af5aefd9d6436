// The reproducibility record (quant_lock.h): a quant's lock names its inputs by sha256, its preset, options,
// per-tensor types and output digests; verify-lock re-runs it and finds the same bytes, says "different" when
// the recorded output does not match, and refuses with the changed file's name when the source or the
// importance matrix changed. The digests go into the GGUF only with provenance keys on.
#include <QTemporaryDir>
#include <QTest>

#include <filesystem>

#include "cli_runner.h"
#include "qf/gguf/gguf_file.h"
#include "qf/quant/imatrix.h"
#include "qf/quant/quant_lock.h"
#include "qf/quant/quantize_job.h"
#include "qf/sha256.h"
#include "test_support.h"

using namespace qf;
namespace fs = std::filesystem;

class TestQuantLock : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    fs::path m_source, m_imatrixPath;
    std::optional<quant::Imatrix> m_imatrix;

    fs::path dir() const { return fs::path(m_dir.path().toStdString()); }

    // Quantizes m_source as `preset` into `out` and writes its lock, as the CLI and the app do.
    // hashWhileReading: the quantize job hashes the source as it reads it (what the CLI and the app do) instead
    // of the digest being computed first.
    fs::path produce(const fs::path& out, std::string_view preset, bool withImatrix, gguf::SplitOptions split = {},
                     bool hashWhileReading = false) {
        auto file = gguf::GgufFile::open(m_source);
        if (!file) qFatal("%s", file.error().message.c_str());
        auto files = quant::sourceFilesOf(m_source);
        if (!files) qFatal("%s", files.error().message.c_str());
        auto digest = quant::digestFiles(files->files, files->root);
        if (!digest) qFatal("%s", digest.error().message.c_str());
        quant::PlanOptions options;
        options.sourceSha256 = hashWhileReading ? std::string(quant::kPendingSha256) : digest->sha256;
        std::optional<quant::FileDigest> imDigest;
        if (withImatrix) {
            auto d = quant::digestFiles({m_imatrixPath}, dir());
            if (!d) qFatal("%s", d.error().message.c_str());
            imDigest = *d;
            options.imatrix = &*m_imatrix;
            options.imatrixSha256 = d->sha256;
        }
        auto plan = quant::makeQuantPlan(file->metadata(), file->tensors(), *quant::findPreset(preset), options);
        if (!plan) qFatal("%s", plan.error().message.c_str());
        quant::QuantizeParams params;
        params.source = &*file;
        params.threads = 2;
        params.outputs.push_back({*plan, out, split});
        if (hashWhileReading) params.hashSource = *files;
        auto result = quant::quantize(params);
        if (!result) qFatal("%s", result.error().message.c_str());
        if (hashWhileReading != result->sourceDigest.has_value() ||
            (hashWhileReading && result->sourceDigest->sha256 != digest->sha256))
            qFatal("the digest computed while reading is not the source's");
        const fs::path lockPath = quant::lockPathFor(out);
        auto lock = quant::makeLock(*plan, lockPath, m_source, *digest, imDigest, split, result->files.front().shards);
        if (!lock) qFatal("%s", lock.error().message.c_str());
        if (auto saved = quant::saveLock(*lock, lockPath); !saved) qFatal("%s", saved.error().message.c_str());
        return lockPath;
    }

    static void flipByte(const fs::path& path, qint64 fromEnd) {
        QByteArray bytes = test::readAll(path);
        bytes[bytes.size() - fromEnd] = char(bytes[bytes.size() - fromEnd] ^ 1);
        fs::permissions(path, fs::perms::owner_write, fs::perm_options::add);
        QVERIFY(test::writeAll(path, bytes));
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_source = dir() / "model-f16.gguf";
        m_imatrixPath = dir() / "calibration.imatrix.dat";
        fs::copy_file(test::sharedModel(), m_source);
        fs::copy_file(test::sharedPath("reference/imatrix-books-calibration.dat"), m_imatrixPath);
        fs::permissions(m_source, fs::perms::owner_write, fs::perm_options::add);
        fs::permissions(m_imatrixPath, fs::perms::owner_write, fs::perm_options::add);
        auto im = quant::loadImatrix(m_imatrixPath);
        QVERIFY(im.ok());
        m_imatrix = std::move(*im);
    }

    void lockRecordsTheTupleAndVerifies() {
        const fs::path out = dir() / "model-Q4_K_M.gguf";
        const fs::path lockPath = produce(out, "Q4_K_M", true);
        QCOMPARE(lockPath, fs::path(out.string() + ".lock"));
        auto lock = quant::loadLock(lockPath);
        QVERIFY2(lock.ok(), lock.ok() ? "" : lock.error().message.c_str());
        QCOMPARE(lock->preset, std::string("Q4_K_M"));
        QCOMPARE(lock->sourcePath, std::string("model-f16.gguf"));
        QCOMPARE(lock->source.files.size(), size_t(1));
        QCOMPARE(lock->source.files.front().sha256, sha256Hex(std::span(
            reinterpret_cast<const uint8_t*>(test::readAll(m_source).constData()), size_t(fs::file_size(m_source)))));
        QVERIFY(lock->imatrix.has_value());
        QCOMPARE(lock->imatrix->datasets, m_imatrix->datasets);
        QVERIFY(!lock->imatrix->datasets.empty()); // the calibration text it came from
        QCOMPARE(lock->outputs.size(), size_t(1));
        QCOMPARE(lock->outputs.front().name, std::string("model-Q4_K_M.gguf"));
        QCOMPARE(lock->outputs.front().bytes, uint64_t(fs::file_size(out)));

        // The per-tensor types are the file's, and the digests are in its metadata.
        auto written = gguf::GgufFile::open(out);
        QVERIFY(written.ok());
        QCOMPARE(lock->tensorTypes.size(), written->tensors().size());
        for (size_t i = 0; i < lock->tensorTypes.size(); ++i) {
            QCOMPARE(lock->tensorTypes[i].first, written->tensors()[i].name);
            QCOMPARE(lock->tensorTypes[i].second, std::string(ggmlTypeName(written->tensors()[i].type)));
        }
        QCOMPARE(written->metadata().getString("quantforge.source.sha256").value_or(""), lock->source.sha256);
        QCOMPARE(written->metadata().getString("quantforge.imatrix.sha256").value_or(""),
                 quant::digestFiles({m_imatrixPath}, dir())->sha256);

        // Written again from text, the lock is the same.
        auto reparsed = quant::parseLock(quant::serializeLock(*lock), "x");
        QVERIFY(reparsed.ok());
        QCOMPARE(quant::serializeLock(*reparsed), quant::serializeLock(*lock));

        auto verified = quant::verifyLock(lockPath, 1);
        QVERIFY2(verified.ok(), verified.ok() ? "" : verified.error().message.c_str());
        QVERIFY(verified->identical);
        QCOMPARE(verified->bytesCompared, uint64_t(fs::file_size(out)));
        for (const auto& entry : fs::directory_iterator(dir())) // the re-run's file is gone
            QVERIFY2(entry.path().filename().string()[0] != '.', entry.path().string().c_str());
    }

    void splitOutputVerifies() {
        const fs::path lockPath = produce(dir() / "split-Q8_0.gguf", "Q8_0", false, {.maxTensors = 10});
        auto lock = quant::loadLock(lockPath);
        QVERIFY(lock.ok());
        QVERIFY(lock->outputs.size() >= 2);
        QCOMPARE(lock->outputs[1].name, std::string(gguf::splitShardPath("split-Q8_0.gguf", 1,
                                                                          int(lock->outputs.size())).string()));
        QVERIFY(!lock->imatrix);
        auto verified = quant::verifyLock(lockPath, 2);
        QVERIFY2(verified.ok(), verified.ok() ? "" : verified.error().message.c_str());
        QVERIFY(verified->identical);
    }

    // Hashing the source while the job reads it gives the bytes of hashing it first (the digest is written over
    // a placeholder of its length in the header), in every shard of a split output.
    void digestWhileReadingGivesTheSameFiles() {
        const gguf::SplitOptions split{.maxTensors = 10};
        const fs::path first = dir() / "first-Q4_K_M.gguf", during = dir() / "during-Q4_K_M.gguf";
        auto lockFirst = quant::loadLock(produce(first, "Q4_K_M", true, split, false));
        const fs::path lockPath = produce(during, "Q4_K_M", true, split, true);
        auto lockDuring = quant::loadLock(lockPath);
        QVERIFY(lockFirst.ok() && lockDuring.ok());
        QVERIFY(lockDuring->outputs.size() >= 2);
        QCOMPARE(lockDuring->outputs.size(), lockFirst->outputs.size());
        for (size_t i = 0; i < lockDuring->outputs.size(); ++i)
            QCOMPARE(lockDuring->outputs[i].sha256, lockFirst->outputs[i].sha256);
        QCOMPARE(lockDuring->source.sha256, lockFirst->source.sha256);
        auto shard = gguf::GgufFile::open(dir() / gguf::splitShardPath("during-Q4_K_M.gguf", 0,
                                                                        int(lockDuring->outputs.size())));
        QVERIFY(shard.ok());
        QCOMPARE(shard->metadata().getString("quantforge.source.sha256").value_or(""), lockDuring->source.sha256);
        auto verified = quant::verifyLock(lockPath, 2);
        QVERIFY2(verified.ok(), verified.ok() ? "" : verified.error().message.c_str());
        QVERIFY(verified->identical);
    }

    // A source file that cannot be hashed fails the job and leaves no output; so does a plan waiting for a digest
    // that nobody computes.
    void digestFailureWhileReadingLeavesNothing() {
        auto file = gguf::GgufFile::open(m_source);
        QVERIFY(file.ok());
        quant::PlanOptions options;
        options.sourceSha256 = std::string(quant::kPendingSha256);
        auto plan = quant::makeQuantPlan(file->metadata(), file->tensors(), *quant::findPreset("Q8_0"), options);
        QVERIFY(plan.ok());
        const fs::path out = dir() / "unhashed-Q8_0.gguf";
        quant::QuantizeParams params;
        params.source = &*file;
        params.threads = 2;
        params.outputs.push_back({*plan, out, {}});
        auto result = quant::quantize(params);
        QVERIFY(!result.ok());
        QVERIFY2(result.error().message.find("not hashed") != std::string::npos, result.error().message.c_str());
        QVERIFY(!fs::exists(out));

        params.hashSource = quant::SourceFiles{dir(), {m_source, dir() / "missing.safetensors"}};
        result = quant::quantize(params);
        QVERIFY(!result.ok());
        QVERIFY2(result.error().message.find("missing.safetensors") != std::string::npos,
                 result.error().message.c_str());
        QVERIFY(!fs::exists(out));
        for (const auto& e : fs::directory_iterator(dir()))
            QVERIFY2(e.path().filename().string().find("unhashed") == std::string::npos, e.path().c_str());
    }

    void recordedOutputThatDiffersIsReported() {
        const fs::path lockPath = produce(dir() / "tamper-Q8_0.gguf", "Q8_0", false);
        auto lock = quant::loadLock(lockPath);
        QVERIFY(lock.ok());
        lock->outputs.front().sha256[0] = lock->outputs.front().sha256[0] == '0' ? '1' : '0';
        QVERIFY(quant::saveLock(*lock, lockPath).ok());
        auto verified = quant::verifyLock(lockPath, 2);
        QVERIFY(verified.ok());
        QVERIFY(!verified->identical);
        QCOMPARE(verified->differences.size(), size_t(1));
        QVERIFY(verified->differences.front().find("tamper-Q8_0.gguf") != std::string::npos);
    }

    void changedImatrixIsNamed() {
        const fs::path lockPath = produce(dir() / "im-Q4_K_M.gguf", "Q4_K_M", true);
        const QByteArray original = test::readAll(m_imatrixPath);
        flipByte(m_imatrixPath, 8);
        auto verified = quant::verifyLock(lockPath, 2);
        QVERIFY(test::writeAll(m_imatrixPath, original));
        QVERIFY(!verified.ok());
        QVERIFY2(verified.error().message.find("importance matrix") != std::string::npos &&
                     verified.error().message.find("calibration.imatrix.dat") != std::string::npos &&
                     verified.error().message.find("changed") != std::string::npos,
                 verified.error().message.c_str());
        QVERIFY(quant::verifyLock(lockPath, 2).ok());
    }

    void changedSourceIsNamed() {
        const fs::path lockPath = produce(dir() / "src-Q8_0.gguf", "Q8_0", false);
        const QByteArray original = test::readAll(m_source);
        flipByte(m_source, 100); // one weight of the last tensor
        auto verified = quant::verifyLock(lockPath, 2);
        QVERIFY(test::writeAll(m_source, original));
        QVERIFY(!verified.ok());
        QVERIFY2(verified.error().message.find("source") != std::string::npos &&
                     verified.error().message.find("model-f16.gguf has sha256") != std::string::npos,
                 verified.error().message.c_str());
        fs::rename(m_source, dir() / "moved.gguf");
        auto missing = quant::verifyLock(lockPath, 2);
        fs::rename(dir() / "moved.gguf", m_source);
        QVERIFY(!missing.ok());
        QVERIFY2(missing.error().message.find("missing") != std::string::npos, missing.error().message.c_str());
    }

    void digestsStayOutWithoutProvenance() {
        auto file = gguf::GgufFile::open(m_source);
        QVERIFY(file.ok());
        quant::PlanOptions options;
        options.sourceSha256 = std::string(64, 'a');
        options.writeProvenance = false;
        auto plan = quant::makeQuantPlan(file->metadata(), file->tensors(), *quant::findPreset("Q4_K_M"), options);
        QVERIFY(plan.ok());
        QVERIFY(!plan->metadata.find("quantforge.source.sha256"));
        options.writeProvenance = true;
        auto with = quant::makeQuantPlan(file->metadata(), file->tensors(), *quant::findPreset("Q4_K_M"), options);
        QVERIFY(with.ok());
        QCOMPARE(with->metadata.getString("quantforge.source.sha256").value_or(""), options.sourceSha256);
        QVERIFY(with->fileBytes > plan->fileBytes);
    }

    void brokenLocksAreRefused() {
        for (const char* text : {"[]", "{\"format\":\"other\",\"version\":1}", "{\"format\":\"quantforge.lock\",\"version\":9}",
                                 "{\"format\":\"quantforge.lock\",\"version\":1,\"tool\":\"x\"}"}) {
            auto lock = quant::parseLock(text, "bad.lock");
            QVERIFY(!lock.ok());
            QVERIFY2(lock.error().message.find("bad.lock") != std::string::npos, lock.error().message.c_str());
        }
    }

    void cliWritesAndVerifiesTheLock() {
        const QString d = m_dir.path();
        fs::create_directory(dir() / "cli");
        auto run = test::runCli({QStringLiteral("quantize"), QString::fromStdString(m_source.string()),
                            QStringLiteral("--types"), QStringLiteral("Q5_K_M"), QStringLiteral("--out-dir"),
                            d + QStringLiteral("/cli"), QStringLiteral("--imatrix"),
                            QString::fromStdString(m_imatrixPath.string())}, 300000);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const fs::path lockPath = dir() / "cli" / "model-Q5_K_M.gguf.lock";
        QVERIFY(fs::exists(lockPath));
        QCOMPARE(quant::loadLock(lockPath)->sourcePath, std::string("../model-f16.gguf"));
        run = test::runCli({QStringLiteral("verify-lock"), QString::fromStdString(lockPath.string())}, 300000);
        QVERIFY2(run.exitCode == 0 && run.out.contains("identical"), run.out.constData());
        flipByte(m_imatrixPath, 8);
        run = test::runCli({QStringLiteral("verify-lock"), QString::fromStdString(lockPath.string())}, 300000);
        flipByte(m_imatrixPath, 8);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("importance matrix") && run.err.contains("changed"), run.err.constData());

        run = test::runCli({QStringLiteral("quantize"), QString::fromStdString(m_source.string()),
                            QStringLiteral("--types"), QStringLiteral("Q8_0"), QStringLiteral("--out-dir"),
                            d + QStringLiteral("/cli"), QStringLiteral("--no-lock")}, 300000);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(fs::exists(dir() / "cli" / "model-Q8_0.gguf"));
        QVERIFY(!fs::exists(dir() / "cli" / "model-Q8_0.gguf.lock"));
        // Replacing a locked output without a lock removes the lock, which would describe another file.
        run = test::runCli({QStringLiteral("quantize"), QString::fromStdString(m_source.string()),
                            QStringLiteral("--types"), QStringLiteral("Q5_K_M"), QStringLiteral("--out-dir"),
                            d + QStringLiteral("/cli"), QStringLiteral("--no-lock"), QStringLiteral("--overwrite")},
                           300000);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(!fs::exists(lockPath));
        QVERIFY(run.err.contains("removed"));
        auto noLock = gguf::GgufFile::open(dir() / "cli" / "model-Q8_0.gguf");
        QVERIFY(noLock.ok());
        QVERIFY(!noLock->metadata().find("quantforge.source.sha256"));
    }
};

QTEST_GUILESS_MAIN(TestQuantLock)
#include "test_quant_lock.moc"
