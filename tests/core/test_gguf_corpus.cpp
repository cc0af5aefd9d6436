// A corpus of broken GGUF files, generated here: every truncation point of a small real file, bad magic and
// versions, absurd counts and lengths, bad types, misplaced tensors. Each must give the expected error
// (never a crash, a hang or a huge allocation); the suite also runs under ASan/UBSan in CI.
#include <QTemporaryDir>
#include <QTest>

#include <filesystem>

#include "gguf_builder.h"
#include "qf/gguf/gguf_file.h"
#include "qf/gguf/gguf_writer.h"
#include "test_support.h"

using namespace qf;
using namespace qf::gguf;
using qf::test::RawGguf;

namespace {

std::string parseError(const std::vector<uint8_t>& bytes) {
    auto h = parseHeader(bytes, "broken.gguf");
    return h.ok() ? std::string() : h.error().message;
}

// A small file made from the real shared model: its metadata with a 64-token vocabulary, and a few of its
// real tensors (norms in F32 and a slice of the embedding in F16).
std::vector<uint8_t> smallRealFile(const QString& dir) {
    auto src = GgufFile::open(test::sharedModel());
    if (!src) return {};
    WriteParams p;
    p.output = (dir + QStringLiteral("/small.gguf")).toStdString();
    for (const auto& e : src->metadata().entries()) {
        if (const Array* a = e.value.asArray()) {
            if (a->elementType() == ValueType::String) {
                std::vector<std::string> head(a->strings().begin(), a->strings().begin() + 64);
                p.metadata.set(e.key, Value::array(Array::ofStrings(head)));
            } else {
                const auto size = fixedValueSize(a->elementType());
                std::vector<uint8_t> head(a->raw().begin(), a->raw().begin() + 64 * size);
                p.metadata.set(e.key, Value::array(Array::ofRaw(a->elementType(), head)));
            }
        } else {
            p.metadata.set(e.key, e.value);
        }
    }
    p.tensors = {{"output_norm.weight", {256}, GgmlType::F32},
                 {"blk.0.attn_norm.weight", {256}, GgmlType::F32},
                 {"token_embd.weight", {256, 4}, GgmlType::F16}};
    auto written = writeGguf(p, [&](size_t i, std::span<uint8_t> out) -> Status {
        const auto data = src->tensorData(*src->findTensor(p.tensors[i].name));
        std::memcpy(out.data(), data.data(), out.size());
        return {};
    });
    if (!written) return {};
    const auto bytes = test::readAll(p.output);
    return {bytes.begin(), bytes.end()};
}

} // namespace

class TestGgufCorpus : public QObject {
    Q_OBJECT

private slots:
    void everyTruncationPointOfASmallRealFile() {
        QTemporaryDir dir;
        const auto bytes = smallRealFile(dir.path());
        QVERIFY(bytes.size() > 2000);
        auto whole = parseHeader(bytes, "small.gguf");
        QVERIFY(whole.ok());
        uint64_t dataEnd = 0;
        for (const auto& t : whole->tensors) dataEnd = std::max(dataEnd, whole->dataOffset + t.offset + t.byteSize);
        for (size_t cut = 0; cut < bytes.size(); ++cut) {
            const std::vector<uint8_t> prefix(bytes.begin(), bytes.begin() + ptrdiff_t(cut));
            const auto error = parseError(prefix);
            if (cut < dataEnd) {
                QVERIFY2(!error.empty(), qPrintable(QStringLiteral("truncated at %1 was accepted").arg(cut)));
                QVERIFY(error.rfind("broken.gguf: ", 0) == 0);
            } else {
                QVERIFY2(error.empty(), error.c_str()); // only the final padding is missing
            }
        }
    }

    void samplesOfTruncatedSharedModel() {
        const auto all = test::readAll(test::sharedModel());
        auto whole = parseHeader({reinterpret_cast<const uint8_t*>(all.data()), size_t(all.size())}, "m");
        QVERIFY(whole.ok());
        // 400 cut points spread over the header (the vocabulary arrays are most of it) and the data.
        for (int i = 0; i < 400; ++i) {
            const size_t cut = i < 300 ? size_t(whole->dataOffset) * size_t(i) / 300
                                       : size_t(all.size()) * size_t(i - 300) / 100;
            auto h = parseHeader({reinterpret_cast<const uint8_t*>(all.data()), cut}, "m");
            QVERIFY(!h.ok());
        }
    }

    void malformed_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expected");
        auto row = [](const char* name, const RawGguf& g, const char* expected) {
            QTest::newRow(name) << QByteArray(reinterpret_cast<const char*>(g.bytes.data()), qsizetype(g.bytes.size()))
                                << QString::fromLatin1(expected);
        };
        row("empty", RawGguf(), "not a GGUF file");
        row("bad magic", RawGguf().put<uint32_t>(0x46554748).put<uint32_t>(3), "not a GGUF file");
        row("pdf", RawGguf().put<uint32_t>(0x46445025).zeros(64), "starts with \"%PDF\"");
        row("version 1", RawGguf().header(1, 0, 0), "unsupported old GGUF v1");
        row("version 0", RawGguf().header(0, 0, 0), "version 0 is not supported");
        row("version 4", RawGguf().header(4, 0, 0), "version 4 is not supported");
        row("big endian", RawGguf().put<uint32_t>(0x46554747).put<uint32_t>(0x03000000).zeros(16), "big-endian");
        row("no counts", RawGguf().put<uint32_t>(0x46554747).put<uint32_t>(3), "the tensor count");
        row("absurd tensor count", RawGguf().header(3, 1ull << 60, 0), "claims 1152921504606846976 tensors");
        row("absurd kv count", RawGguf().header(3, 0, ~0ull), "metadata entries");
        row("key longer than file", RawGguf().header(3, 0, 1).put<uint64_t>(1ull << 40).zeros(8),
            "claims 1099511627776 bytes");
        row("bad value type", RawGguf().header(3, 0, 1).str("k").put<uint32_t>(13).zeros(8), "value type 13");
        row("bad bool", RawGguf().header(3, 0, 1).str("k").put<uint32_t>(7).put<uint8_t>(2), "must be 0 or 1");
        row("duplicate key", RawGguf().header(3, 0, 2).kvU32("k", 1).kvU32("k", 2), "appears twice");
        row("string value too long", RawGguf().header(3, 0, 1).str("k").put<uint32_t>(8).put<uint64_t>(999),
            "claims 999 bytes");
        row("array count absurd",
            RawGguf().header(3, 0, 1).str("k").put<uint32_t>(9).put<uint32_t>(6).put<uint64_t>(1ull << 62),
            "cannot fit");
        row("array of strings absurd",
            RawGguf().header(3, 0, 1).str("k").put<uint32_t>(9).put<uint32_t>(8).put<uint64_t>(1ull << 40),
            "cannot fit");
        row("array bad element type",
            RawGguf().header(3, 0, 1).str("k").put<uint32_t>(9).put<uint32_t>(77).put<uint64_t>(1), "element type 77");
        {
            RawGguf deep;
            deep.header(3, 0, 1).str("k").put<uint32_t>(9);
            for (int i = 0; i < 10; ++i) deep.put<uint32_t>(9).put<uint64_t>(1);
            deep.put<uint32_t>(4).put<uint64_t>(0);
            row("arrays nested too deep", deep, "nests arrays more than");
        }
        row("alignment zero", RawGguf().header(3, 0, 1).kvU32("general.alignment", 0), "power of two");
        row("alignment three", RawGguf().header(3, 0, 1).kvU32("general.alignment", 3), "power of two");
        row("alignment wrong type", RawGguf().header(3, 0, 1).kvString("general.alignment", "32"), "must be a u32");
        row("five dims", RawGguf().header(3, 1, 0).tensor("t", {1, 1, 1, 1, 1}, 0, 0).padTo(32).zeros(4),
            "5 dimensions");
        row("unknown type", RawGguf().header(3, 1, 0).tensor("t", {4}, 4, 0).padTo(32).zeros(64), "type id 4");
        row("type far out", RawGguf().header(3, 1, 0).tensor("t", {4}, 9999, 0).padTo(32).zeros(64), "type id 9999");
        row("row not divisible", RawGguf().header(3, 1, 0).tensor("t", {100, 2}, 12, 0).padTo(32).zeros(4096),
            "not a multiple of the type's block size 256");
        row("element overflow", RawGguf().header(3, 1, 0).tensor("t", {1ull << 40, 1ull << 40}, 0, 0).padTo(32),
            "more elements than can be counted");
        row("dimension out of range", RawGguf().header(3, 1, 0).tensor("t", {~0ull}, 0, 0).padTo(32), "out of range");
        row("misaligned offset", RawGguf().header(3, 1, 0).tensor("t", {4}, 0, 4).padTo(32).zeros(64),
            "not a multiple of the alignment 32");
        row("offset past end", RawGguf().header(3, 1, 0).tensor("t", {4}, 0, 1ull << 50).padTo(32).zeros(64),
            "is the file truncated");
        row("data short", RawGguf().header(3, 1, 0).tensor("t", {64}, 0, 0).padTo(32).zeros(100),
            "is the file truncated");
        row("overlapping tensors",
            RawGguf().header(3, 2, 0).tensor("a", {16}, 0, 0).tensor("b", {16}, 0, 32).padTo(32).zeros(128),
            "overlap");
        row("duplicate tensor", RawGguf().header(3, 2, 0).tensor("a", {8}, 0, 0).tensor("a", {8}, 0, 32).padTo(32).zeros(64),
            "appears twice");
        row("name too long", RawGguf().header(3, 1, 0).tensor(std::string(80, 'x'), {8}, 0, 0).padTo(32).zeros(32),
            "80-byte name");
        row("tensor table truncated", RawGguf().header(3, 2, 0).tensor("a", {8}, 0, 0).zeros(20), "the file ends");
    }

    void malformed() {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expected);
        const std::vector<uint8_t> raw(bytes.begin(), bytes.end());
        const auto error = parseError(raw);
        QVERIFY2(!error.empty(), "a broken file was accepted");
        QVERIFY2(QString::fromStdString(error).contains(expected), error.c_str());
        QVERIFY2(error.rfind("broken.gguf: ", 0) == 0, error.c_str()); // names the file
    }

    void validMinimalFiles() {
        QVERIFY(parseError(RawGguf().header(3, 0, 0).bytes).empty());
        QVERIFY(parseError(RawGguf().header(2, 0, 1).kvU32("general.alignment", 64).bytes).empty());
        auto ok = RawGguf().header(3, 2, 0).tensor("a", {8}, 0, 0).tensor("b", {32}, 8, 32).padTo(32).zeros(32 + 34);
        QVERIFY2(parseError(ok.bytes).empty(), parseError(ok.bytes).c_str());
    }

    void brokenFilesThroughOpen() {
        QTemporaryDir dir;
        const auto path = dir.filePath(QStringLiteral("v1.gguf")).toStdString();
        const auto bytes = RawGguf().header(1, 0, 0).bytes;
        QVERIFY(test::writeAll(path, QByteArray(reinterpret_cast<const char*>(bytes.data()), qsizetype(bytes.size()))));
        auto f = GgufFile::open(path);
        QVERIFY(!f.ok());
        QVERIFY(f.error().message.find(path) != std::string::npos);
        QVERIFY(f.error().message.find("v1") != std::string::npos);
        auto folder = GgufFile::open(dir.path().toStdString());
        QVERIFY(!folder.ok());
        QVERIFY(folder.error().message.find("not a regular file") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestGgufCorpus)
#include "test_gguf_corpus.moc"
