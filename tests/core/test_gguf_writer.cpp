// The GGUF writer: byte-identical round trips of every real file, and failures (cancel, full disk,
// write errors, overwriting the input) that leave nothing behind.
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <filesystem>
#include <sys/resource.h>

#include "qf/gguf/gguf_file.h"
#include "qf/gguf/gguf_writer.h"
#include "test_support.h"

using namespace qf;
using namespace qf::gguf;
namespace fs = std::filesystem;

namespace {

WriteParams paramsFrom(const GgufFile& file, const fs::path& output) {
    WriteParams p;
    p.output = output;
    p.version = file.version();
    p.alignment = file.alignment();
    p.metadata = file.metadata();
    for (const auto& t : file.tensors()) p.tensors.push_back({t.name, t.shape, t.type});
    p.protectedInputs = file.shardPaths();
    return p;
}

TensorDataFn copyFrom(const GgufFile& file) {
    return [&file](size_t i, std::span<uint8_t> out) -> Status {
        const auto src = file.tensorData(file.tensors()[i]);
        std::memcpy(out.data(), src.data(), out.size());
        return {};
    };
}

size_t entriesIn(const QString& dir) {
    size_t n = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir.toStdString())) ++n;
    return n;
}

} // namespace

class TestGgufWriter : public QObject {
    Q_OBJECT

private slots:
    void roundTrip_data() {
        QTest::addColumn<QString>("path");
        for (const auto& dir : {"models", "reference"})
            for (const auto& p : test::filesIn(test::sharedPath(dir), ".gguf"))
                QTest::newRow(p.filename().string().c_str()) << QString::fromStdString(p.string());
    }

    void roundTrip() {
        QFETCH(QString, path);
        auto file = GgufFile::open(path.toStdString());
        QVERIFY2(file.ok(), file.ok() ? "" : file.error().message.c_str());
        QTemporaryDir dir;
        const fs::path out = dir.filePath(QStringLiteral("copy.gguf")).toStdString();
        const auto params = paramsFrom(*file, out);
        auto planned = plannedFileSize(params);
        QVERIFY(planned.ok());
        QCOMPARE(*planned, file->totalFileBytes());
        int reports = 0;
        auto written = writeGguf(params, copyFrom(*file), [&](const Progress&) { ++reports; });
        QVERIFY2(written.ok(), written.ok() ? "" : written.error().message.c_str());
        QCOMPARE(reports, int(file->tensors().size()));
        QVERIFY(test::readAll(out) == test::readAll(path.toStdString())); // byte-identical
        QCOMPARE(entriesIn(dir.path()), size_t(1));                       // no temporary left
    }

    void refusesToOverwriteItsInput() {
        QTemporaryDir dir;
        const fs::path input = dir.filePath(QStringLiteral("model.gguf")).toStdString();
        fs::copy_file(test::sharedPath("reference/qf-books-22m-Q6_K.gguf"), input);
        const auto before = test::readAll(input);
        auto file = GgufFile::open(input);
        QVERIFY(file.ok());
        auto written = writeGguf(paramsFrom(*file, input), copyFrom(*file));
        QVERIFY(!written.ok());
        QVERIFY2(written.error().message.find("input") != std::string::npos, written.error().message.c_str());
        QVERIFY(test::readAll(input) == before);
        QCOMPARE(entriesIn(dir.path()), size_t(1));
    }

    void cancelLeavesNoFile() {
        auto file = GgufFile::open(test::sharedModel());
        QVERIFY(file.ok());
        QTemporaryDir dir;
        const fs::path out = dir.filePath(QStringLiteral("cancelled.gguf")).toStdString();
        std::stop_source stop;
        auto written = writeGguf(paramsFrom(*file, out), copyFrom(*file),
                                 [&](const Progress& p) { if (p.done == 3) stop.request_stop(); }, stop.get_token());
        QVERIFY(!written.ok());
        QVERIFY(isCancelled(written.error()));
        QCOMPARE(entriesIn(dir.path()), size_t(0));
    }

    void dataErrorLeavesNoFileAndKeepsOldTarget() {
        auto file = GgufFile::open(test::sharedModel());
        QVERIFY(file.ok());
        QTemporaryDir dir;
        const fs::path out = dir.filePath(QStringLiteral("existing.gguf")).toStdString();
        QVERIFY(test::writeAll(out, QByteArray("previous contents")));
        auto failing = [](size_t i, std::span<uint8_t>) -> Status {
            if (i == 5) return makeError("tensor 5 could not be produced");
            return {};
        };
        auto written = writeGguf(paramsFrom(*file, out), failing);
        QVERIFY(!written.ok());
        QCOMPARE(QString::fromStdString(written.error().message), QStringLiteral("tensor 5 could not be produced"));
        QCOMPARE(test::readAll(out), QByteArray("previous contents"));
        QCOMPARE(entriesIn(dir.path()), size_t(1));
    }

    // A real write failure from the kernel: the process may not write files past 1 MiB (RLIMIT_FSIZE), so
    // the write fails midway as it would on a full disk.
    void writeFailureMidwayLeavesNoFile() {
        auto file = GgufFile::open(test::sharedModel());
        QVERIFY(file.ok());
        QTemporaryDir dir;
        const fs::path out = dir.filePath(QStringLiteral("big.gguf")).toStdString();
        rlimit old{};
        QCOMPARE(getrlimit(RLIMIT_FSIZE, &old), 0);
        auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit small = old;
        small.rlim_cur = 1 << 20;
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &small), 0);
        auto written = writeGguf(paramsFrom(*file, out), copyFrom(*file));
        setrlimit(RLIMIT_FSIZE, &old);
        std::signal(SIGXFSZ, oldHandler);
        QVERIFY(!written.ok());
        QVERIFY2(written.error().message.find("nothing was left behind") != std::string::npos,
                 written.error().message.c_str());
        QCOMPARE(entriesIn(dir.path()), size_t(0));
    }

    void notEnoughSpaceIsReportedUpFront() {
        QTemporaryDir dir;
        WriteParams p;
        p.output = dir.filePath(QStringLiteral("huge.gguf")).toStdString();
        p.tensors.push_back({"huge", {1ull << 20, 1ull << 28}, GgmlType::F32}); // 1 PiB
        bool called = false;
        auto written = writeGguf(p, [&](size_t, std::span<uint8_t>) -> Status {
            called = true;
            return {};
        });
        QVERIFY(!written.ok());
        QVERIFY2(written.error().message.find("not enough disk space") != std::string::npos,
                 written.error().message.c_str());
        QVERIFY(!called);
        QCOMPARE(entriesIn(dir.path()), size_t(0));
    }

    void missingFolderIsAClearError() {
        WriteParams p;
        p.output = "/nonexistent-folder/out.gguf";
        auto written = writeGguf(p, [](size_t, std::span<uint8_t>) -> Status { return {}; });
        QVERIFY(!written.ok());
        QVERIFY(written.error().message.find("does not exist") != std::string::npos);
    }

    void invalidSpecsAreRefused() {
        QTemporaryDir dir;
        WriteParams p;
        p.output = dir.filePath(QStringLiteral("bad.gguf")).toStdString();
        p.tensors.push_back({"a", {100}, GgmlType::Q4_K}); // 100 is not a multiple of 256
        QVERIFY(!plannedFileSize(p).ok());
        QVERIFY(!writeGguf(p, [](size_t, std::span<uint8_t>) -> Status { return {}; }).ok());
        p.tensors = {{"same", {4}, GgmlType::F32}, {"same", {4}, GgmlType::F32}};
        QVERIFY(!plannedFileSize(p).ok());
        QCOMPARE(entriesIn(dir.path()), size_t(0));
    }

    // A deferred string (a digest known only at the end) is written over its placeholder: the file is byte for
    // byte the one written with the final value from the start. Unfilled, or filled with another length, it fails
    // and leaves nothing.
    void deferredStringIsFilledInPlace() {
        QTemporaryDir dir;
        auto paramsWith = [&](const std::string& digest, const QString& name) {
            WriteParams p;
            p.output = dir.filePath(name).toStdString();
            p.metadata.set("general.architecture", Value::string("llama"));
            p.metadata.set("test.digest", Value::string(digest));
            p.metadata.set("test.after", Value::u32(7));
            p.tensors = {{"a", {32, 2}, GgmlType::Q8_0}, {"b", {3}, GgmlType::F32}};
            return p;
        };
        auto fill = [](size_t i, std::span<uint8_t> out) -> Status {
            std::fill(out.begin(), out.end(), uint8_t(i + 1));
            return {};
        };
        const WriteParams direct = paramsWith("0123456789abcdef", QStringLiteral("direct.gguf"));
        QVERIFY(writeGguf(direct, fill).ok());

        auto streamed = [&](const QString& name, std::optional<std::string_view> value) -> Status {
            WriteParams p = paramsWith(std::string(16, '0'), name);
            p.deferredStrings = {"test.digest"};
            auto writer = GgufStreamWriter::create(p);
            if (!writer) return writer.error();
            for (size_t i = 0; i < p.tensors.size(); ++i) {
                std::vector<uint8_t> bytes(size_t(writer->tensorBytes(i)));
                QF_TRY(fill(i, bytes));
                QF_TRY(writer->writeTensor(bytes));
            }
            if (value) QF_TRY(writer->fillString("test.digest", *value));
            return writer->finish();
        };
        const Status filled = streamed(QStringLiteral("filled.gguf"), "0123456789abcdef");
        QVERIFY2(filled.ok(), filled.ok() ? "" : filled.error().message.c_str());
        QCOMPARE(test::readAll(dir.filePath(QStringLiteral("filled.gguf")).toStdString()),
                 test::readAll(direct.output));

        QVERIFY(!streamed(QStringLiteral("unfilled.gguf"), std::nullopt).ok());
        QVERIFY(!streamed(QStringLiteral("short.gguf"), "0123").ok());
        QCOMPARE(entriesIn(dir.path()), size_t(2)); // direct.gguf, filled.gguf

        WriteParams missing = paramsWith("x", QStringLiteral("missing.gguf"));
        missing.deferredStrings = {"test.absent"};
        QVERIFY(!GgufStreamWriter::create(missing).ok());
        QCOMPARE(entriesIn(dir.path()), size_t(2));
    }

    void writtenFileReadsBack() {
        QTemporaryDir dir;
        WriteParams p;
        p.output = dir.filePath(QStringLiteral("small.gguf")).toStdString();
        p.metadata.set("general.architecture", Value::string("llama"));
        p.metadata.set("test.nested", Value::array(Array::ofArrays(
                                          ValueType::Array, {Array::of<int32_t>(ValueType::Int32, {1, 2, 3}),
                                                             Array::ofStrings({"x", "y"})})));
        p.tensors = {{"a", {32, 2}, GgmlType::Q8_0}, {"b", {3}, GgmlType::F32}};
        auto written = writeGguf(p, [](size_t i, std::span<uint8_t> out) -> Status {
            std::fill(out.begin(), out.end(), uint8_t(i + 1));
            return {};
        });
        QVERIFY(written.ok());
        auto f = GgufFile::open(p.output);
        QVERIFY2(f.ok(), f.ok() ? "" : f.error().message.c_str());
        QCOMPARE(f->tensors().size(), size_t(2));
        QCOMPARE(f->tensors()[0].byteSize, uint64_t(68));
        QCOMPARE(f->tensors()[1].offset, uint64_t(96)); // 68 padded to 32
        QCOMPARE(int(f->tensorData(f->tensors()[1])[0]), 2);
        const Array* nested = f->metadata().getArray("test.nested");
        QVERIFY(nested);
        QCOMPARE(nested->size(), size_t(2));
        QCOMPARE(*nested->arrayAt(0).intAt(2), int64_t(3));
        QCOMPARE(nested->arrayAt(1).stringAt(1), std::string("y"));
        QCOMPARE(f->totalFileBytes(), *plannedFileSize(p));
    }
};

QTEST_GUILESS_MAIN(TestGgufWriter)
#include "test_gguf_writer.moc"
