// Importance matrices: the reference legacy file from llama-imatrix, byte-exact round trips of both
// formats, conversions between them, and a corpus of broken files that must give errors, not crashes.
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <set>

#include "qf/gguf/gguf_file.h"
#include "qf/gguf/gguf_writer.h"
#include "qf/quant/imatrix.h"
#include "test_support.h"

using namespace qf;
using namespace qf::quant;
namespace fs = std::filesystem;

namespace {

std::vector<uint8_t> toBytes(const QByteArray& a) {
    return {a.begin(), a.end()};
}

// Builds legacy .dat bytes, including broken ones.
class LegacyBytes {
public:
    LegacyBytes& i32(int32_t v) {
        append(&v, 4);
        return *this;
    }
    LegacyBytes& f32(float v) {
        append(&v, 4);
        return *this;
    }
    LegacyBytes& text(const std::string& s) {
        append(s.data(), s.size());
        return *this;
    }
    LegacyBytes& entry(const std::string& name, int32_t ncall, std::vector<float> values) {
        i32(int32_t(name.size())).text(name).i32(ncall).i32(int32_t(values.size()));
        for (float v : values)
            f32(v);
        return *this;
    }
    std::vector<uint8_t> bytes;

private:
    void append(const void* p, size_t n) {
        const auto* b = static_cast<const uint8_t*>(p);
        bytes.insert(bytes.end(), b, b + n);
    }
};

struct GgufTensor {
    std::string name;
    std::vector<uint64_t> shape;
    GgmlType type;
    std::vector<float> values; // F32 data; for F16 tensors zeros of the right size are written
};

fs::path writeGgufFile(const fs::path& path, const gguf::Metadata& metadata,
                       const std::vector<GgufTensor>& tensors) {
    gguf::WriteParams params;
    params.output = path;
    params.metadata = metadata;
    for (const auto& t : tensors)
        params.tensors.push_back({t.name, t.shape, t.type});
    auto written = gguf::writeGguf(params, [&](size_t i, std::span<uint8_t> out) -> Status {
        std::memset(out.data(), 0, out.size());
        if (tensors[i].type == GgmlType::F32) std::memcpy(out.data(), tensors[i].values.data(), out.size());
        return {};
    });
    if (!written) qFatal("cannot write %s: %s", path.string().c_str(), written.error().message.c_str());
    return path;
}

uint32_t chunksInLog() {
    const QString log = QString::fromUtf8(test::readAll(test::sharedPath("reference/imatrix.log")));
    const auto match = QRegularExpression(QStringLiteral("computing over (\\d+) chunks")).match(log);
    return match.hasMatch() ? match.captured(1).toUInt() : 0;
}

bool closeTo(float a, float b) {
    return std::fabs(a - b) <= 2e-6f * std::max(std::fabs(a), std::fabs(b));
}

} // namespace

class TestImatrix : public QObject {
    Q_OBJECT

private:
    fs::path m_referencePath = test::sharedPath("reference/imatrix-books-calibration.dat");
    std::vector<uint8_t> m_referenceBytes;
    QTemporaryDir m_dir;

    fs::path temp(const char* name) const { return fs::path(m_dir.path().toStdString()) / name; }

    Imatrix reference() const {
        auto im = loadImatrix(m_referencePath);
        if (!im) qFatal("%s", im.error().message.c_str());
        return std::move(*im);
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_referenceBytes = toBytes(test::readAll(m_referencePath));
        QCOMPARE(m_referenceBytes.size(), size_t(56685));
    }

    void readsReference() {
        const Imatrix im = reference();
        QCOMPARE(im.format, ImatrixFormat::Legacy);
        QCOMPARE(im.entries().size(), size_t(42)); // 6 layers × 7 matrices; llama-quantize logs "42 entries"
        const uint32_t chunks = chunksInLog();
        QCOMPARE(chunks, 124u);
        QCOMPARE(im.chunkCount, chunks);
        QCOMPARE(im.datasets, std::vector<std::string>{"books-calibration.txt"});
        QCOMPARE(im.chunkSize, 0u); // the legacy format does not record it
        QCOMPARE(im.sourcePath, m_referencePath);
        QCOMPARE(im.entries().front().name, std::string("blk.5.attn_output.weight")); // file order kept

        std::set<std::string> expected;
        for (int layer = 0; layer < 6; ++layer)
            for (const char* kind :
                 {"attn_q", "attn_k", "attn_v", "attn_output", "ffn_gate", "ffn_up", "ffn_down"})
                expected.insert("blk." + std::to_string(layer) + "." + kind + ".weight");
        std::set<std::string> names;
        for (const auto& e : im.entries()) {
            names.insert(e.name);
            QCOMPARE(e.counts, std::vector<double>{double(chunks)}); // one call per chunk (batch = context)
            QCOMPARE(e.sumSquares.size(), size_t(e.name.find("ffn_down") != std::string::npos ? 768 : 256));
            QCOMPARE(e.matrixCount(), size_t(1));
            QVERIFY(e.sums.empty());
            const auto importance = im.importance(e);
            for (size_t i = 0; i < importance.size(); ++i) {
                QVERIFY(e.sumSquares[i] >= 0);
                QCOMPARE(importance[i], e.sumSquares[i] / 124.0f); // llama-quantize: value / ncall
            }
        }
        QCOMPARE(names, expected);
        QVERIFY(im.find("blk.3.ffn_down.weight"));
        QVERIFY(!im.find("output.weight"));
    }

    void legacyRoundTrip() {
        const Imatrix im = reference();
        auto bytes = serializeLegacyImatrix(im);
        QVERIFY(bytes.ok());
        QCOMPARE(*bytes, m_referenceBytes);
        QVERIFY(saveLegacyImatrix(im, temp("copy.dat")).ok());
        QCOMPARE(toBytes(test::readAll(temp("copy.dat"))), m_referenceBytes);
    }

    void ggufRoundTripAndConversions() {
        Imatrix legacy = reference();
        QVERIFY(!saveGgufImatrix(legacy, temp("nochunk.gguf")).ok()); // needs the chunk size
        QVERIFY(!fs::exists(temp("nochunk.gguf")));
        legacy.chunkSize = 256; // llama-imatrix -c 256
        QVERIFY2(saveGgufImatrix(legacy, temp("a.gguf")).ok(), "save");

        auto file = gguf::GgufFile::open(temp("a.gguf"));
        QVERIFY(file.ok());
        QCOMPARE(*file->metadata().getString("general.type"), std::string("imatrix"));
        QCOMPARE(file->tensors().size(), size_t(84));
        QCOMPARE(file->findTensor("blk.0.attn_q.weight.in_sum2")->shape, std::vector<uint64_t>{256});
        QCOMPARE(file->findTensor("blk.0.attn_q.weight.counts")->shape, std::vector<uint64_t>{1});

        auto gguf = loadImatrix(temp("a.gguf"));
        QVERIFY2(gguf.ok(), gguf.ok() ? "" : gguf.error().message.c_str());
        QCOMPARE(gguf->format, ImatrixFormat::Gguf);
        QCOMPARE(gguf->entries().size(), size_t(42));
        QCOMPARE(gguf->chunkCount, 124u);
        QCOMPARE(gguf->chunkSize, 256u);
        QCOMPARE(gguf->datasets, legacy.datasets);
        QCOMPARE(gguf->entries().front().name,
                 std::string("blk.0.attn_k.weight")); // sorted, as llama-imatrix
        for (const auto& e : legacy.entries()) {
            const ImatrixEntry* g = gguf->find(e.name);
            QVERIFY(g);
            QCOMPARE(g->counts, std::vector<double>{124.0 * 256});
            const auto a = legacy.importance(e);
            const auto b = gguf->importance(*g);
            for (size_t i = 0; i < a.size(); ++i)
                QVERIFY2(closeTo(a[i], b[i]), e.name.c_str());
        }
        QVERIFY(saveGgufImatrix(*gguf, temp("b.gguf")).ok());
        QCOMPARE(test::readAll(temp("b.gguf")), test::readAll(temp("a.gguf")));

        // back to the legacy format: ncall = ceil(rows / chunk size), values = mean × ncall
        auto back = serializeLegacyImatrix(*gguf);
        QVERIFY(back.ok());
        auto again = parseLegacyImatrix(*back, "back.dat");
        QVERIFY(again.ok());
        QCOMPARE(again->chunkCount, 124u);
        QCOMPARE(again->datasets, legacy.datasets);
        for (const auto& e : again->entries()) {
            QCOMPARE(e.counts, std::vector<double>{124});
            const ImatrixEntry* original = legacy.find(e.name);
            for (size_t i = 0; i < e.sumSquares.size(); ++i)
                QVERIFY(closeTo(e.sumSquares[i], original->sumSquares[i]));
        }
        Imatrix unknownChunk = std::move(*gguf);
        unknownChunk.chunkSize = 0;
        QVERIFY(!serializeLegacyImatrix(unknownChunk).ok());
    }

    // 3-D expert tensors: one count per expert, experts never routed to, and the optional in_sum.
    void expertsAndSums() {
        Imatrix im;
        im.chunkSize = 32;
        im.chunkCount = 2;
        im.datasets = {"a.txt", "b.txt"};
        QVERIFY(im.add({"blk.0.ffn_up_exps.weight", {4, 8, 12, 16, 1, 2, 3, 4, 9, 9, 9, 9}, {}, {4, 0, 64}})
                    .ok());
        QVERIFY(im.add({"blk.0.attn_q.weight", {2, 4}, {1, -1}, {2}}).ok());
        QVERIFY(!im.add({"blk.0.attn_q.weight", {2, 4}, {}, {2}}).ok());       // twice
        QVERIFY(!im.add({"blk.0.attn_k.weight", {2, 4, 6}, {}, {1, 1}}).ok()); // 3 values, 2 matrices
        QVERIFY(!im.add({"blk.0.attn_v.weight", {2, 4}, {1}, {1}}).ok());      // sums of another length
        QVERIFY(!im.add({"", {1}, {}, {1}}).ok());

        const auto importance = im.importance(*im.find("blk.0.ffn_up_exps.weight"));
        QCOMPARE(importance,
                 (std::vector<float>{1, 2, 3, 4, 1, 1, 1, 1, 9.f / 64, 9.f / 64, 9.f / 64, 9.f / 64}));

        QVERIFY(saveGgufImatrix(im, temp("experts.gguf")).ok());
        auto file = gguf::GgufFile::open(temp("experts.gguf"));
        QVERIFY(file.ok());
        QCOMPARE(file->findTensor("blk.0.ffn_up_exps.weight.in_sum2")->shape, (std::vector<uint64_t>{4, 3}));
        QCOMPARE(file->findTensor("blk.0.ffn_up_exps.weight.counts")->shape, (std::vector<uint64_t>{1, 3}));
        QVERIFY(file->findTensor("blk.0.attn_q.weight.in_sum"));
        auto loaded = loadImatrix(temp("experts.gguf"));
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->datasets, im.datasets);
        QCOMPARE(loaded->chunkCount, 2u);
        QCOMPARE(loaded->find("blk.0.attn_q.weight")->sums, (std::vector<float>{1, -1}));
        QCOMPARE(loaded->find("blk.0.ffn_up_exps.weight")->counts, (std::vector<double>{4, 0, 64}));
        QCOMPARE(loaded->importance(*loaded->find("blk.0.ffn_up_exps.weight")), importance);

        auto legacy = serializeLegacyImatrix(im);
        QVERIFY(legacy.ok());
        auto parsed = parseLegacyImatrix(*legacy, "experts.dat");
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->datasets, std::vector<std::string>{"b.txt"}); // the legacy format keeps the last one
        const ImatrixEntry* up = parsed->find("blk.0.ffn_up_exps.weight");
        QCOMPARE(up->counts, std::vector<double>{2}); // ceil(64 / 32)
        QCOMPARE(up->sumSquares, (std::vector<float>{2, 4, 6, 8, 2, 2, 2, 2, 9.f / 64 * 2, 9.f / 64 * 2,
                                                     9.f / 64 * 2, 9.f / 64 * 2}));
    }

    void brokenLegacy_data() {
        QTest::addColumn<std::vector<uint8_t>>("bytes");
        QTest::addColumn<QString>("expected");
        const std::vector<float> one = {1.0f};
        QTest::newRow("empty") << std::vector<uint8_t>{} << "number of entries";
        QTest::newRow("three bytes") << std::vector<uint8_t>{1, 0, 0} << "number of entries";
        QTest::newRow("no entries") << LegacyBytes().i32(0).bytes << "at least one";
        QTest::newRow("negative count") << LegacyBytes().i32(-3).bytes << "at least one";
        QTest::newRow("huge count") << LegacyBytes().i32(1000000000).entry("a", 1, one).bytes
                                    << "hold at most";
        QTest::newRow("empty name") << LegacyBytes().i32(1).i32(0).i32(1).i32(1).f32(1).f32(0).bytes
                                    << "name of 0";
        QTest::newRow("negative name")
            << LegacyBytes().i32(1).i32(-1).i32(1).i32(1).f32(1).f32(0).bytes << "name of -1";
        QTest::newRow("long name") << LegacyBytes().i32(1).i32(1000).text("abcdefghijklmnop").bytes
                                   << "name of 1000";
        QTest::newRow("negative ncall")
            << LegacyBytes().i32(1).entry("a", -1, one).bytes << "negative call count";
        QTest::newRow("no values") << LegacyBytes().i32(1).entry("a", 1, {}).f32(0).f32(0).bytes
                                   << "claims 0 values";
        QTest::newRow("huge nval") << LegacyBytes().i32(1).i32(1).text("a").i32(1).i32(INT32_MAX).f32(0).bytes
                                   << "claims 2147483647 values";
        QTest::newRow("short values")
            << LegacyBytes().i32(1).i32(1).text("a").i32(1).i32(3).f32(0).f32(0).bytes
            << "claims 3 values, but 8 bytes remain";
        QTest::newRow("nan") << LegacyBytes().i32(1).entry("a", 1, {1.0f, NAN}).bytes
                             << "not a finite number";
        QTest::newRow("inf") << LegacyBytes().i32(1).entry("a", 1, {INFINITY}).bytes << "not a finite number";
        QTest::newRow("missing entry")
            << LegacyBytes().i32(2).entry("a", 1, one).text(std::string(20, 'x')).bytes << "entry 2";
        QTest::newRow("twice") << LegacyBytes().i32(2).entry("a", 1, one).entry("a", 1, one).bytes
                               << "appears twice";
        QTest::newRow("stray bytes") << LegacyBytes().i32(1).entry("a", 1, one).text("xy").bytes
                                     << "the chunk count";
        QTest::newRow("negative chunks")
            << LegacyBytes().i32(1).entry("a", 1, one).i32(-1).bytes << "negative";
        QTest::newRow("long dataset")
            << LegacyBytes().i32(1).entry("a", 1, one).i32(1).i32(50).text("abc").bytes
            << "dataset name claims 50";
        QTest::newRow("junk after dataset")
            << LegacyBytes().i32(1).entry("a", 1, one).i32(1).i32(3).text("abcdef").bytes
            << "3 unexpected bytes";
    }

    void brokenLegacy() {
        QFETCH(std::vector<uint8_t>, bytes);
        QFETCH(QString, expected);
        auto im = parseImatrix(bytes, "broken.dat");
        QVERIFY(!im.ok());
        QVERIFY2(QString::fromStdString(im.error().message).contains(expected), im.error().message.c_str());
        QVERIFY(im.error().message.starts_with("broken.dat"));
    }

    // Every truncation of the reference either parses (only where the optional trailer begins or after
    // its chunk count) or fails cleanly.
    void truncatedReference() {
        const size_t entriesEnd =
            m_referenceBytes.size() - (4 + 4 + std::string("books-calibration.txt").size());
        std::vector<size_t> cuts;
        for (size_t cut = 0; cut < m_referenceBytes.size(); cut += 61)
            cuts.push_back(cut);
        for (size_t cut = m_referenceBytes.size() - 40; cut < m_referenceBytes.size(); ++cut)
            cuts.push_back(cut);
        size_t parsed = 0;
        for (size_t cut : cuts) {
            auto im = parseImatrix(std::span(m_referenceBytes.data(), cut), "cut.dat");
            if (cut == entriesEnd || cut == entriesEnd + 4) {
                QVERIFY2(im.ok(), im.ok() ? "" : im.error().message.c_str());
                QCOMPARE(im->entries().size(), size_t(42));
                QCOMPARE(im->chunkCount, cut == entriesEnd ? 0u : 124u);
                QVERIFY(im->datasets.empty());
                ++parsed;
            } else {
                QVERIFY2(!im.ok(), std::to_string(cut).c_str());
            }
        }
        QCOMPARE(parsed, size_t(2));
    }

    // Random byte changes in both formats: any result is fine except a crash or a sanitizer report.
    void mutatedFiles() {
        Imatrix im = reference();
        im.chunkSize = 256;
        QVERIFY(saveGgufImatrix(im, temp("mutate.gguf")).ok());
        const auto gguf = toBytes(test::readAll(temp("mutate.gguf")));
        uint64_t state = 0x9e3779b97f4a7c15ull; // fixed seed: the same corpus on every run
        auto next = [&] {
            state ^= state << 13, state ^= state >> 7, state ^= state << 17;
            return state;
        };
        size_t accepted = 0;
        const std::vector<uint8_t>* originals[] = {&m_referenceBytes, &gguf};
        for (const auto* original : originals) {
            for (int round = 0; round < 1500; ++round) {
                std::vector<uint8_t> bytes = *original;
                const size_t span =
                    round % 2 ? bytes.size() : std::min<size_t>(bytes.size(), 4096); // headers
                for (int flips = 1 + int(next() % 4); flips > 0; --flips)
                    bytes[next() % span] = uint8_t(next());
                if (parseImatrix(bytes, "mutated").ok()) ++accepted;
            }
        }
        QVERIFY(accepted > 0); // changes inside the values mostly still parse
    }

    void brokenGguf() {
        gguf::Metadata md;
        md.set("general.type", gguf::Value::string("imatrix"));
        const std::vector<float> four = {1, 2, 3, 4};
        auto fails = [&](const char* file, const std::vector<GgufTensor>& tensors, const char* expected,
                         const gguf::Metadata& metadata) {
            auto im = loadImatrix(writeGgufFile(temp(file), metadata, tensors));
            if (im.ok()) return QString::fromLatin1("%1: loaded").arg(QLatin1String(file));
            if (!QString::fromStdString(im.error().message).contains(QLatin1String(expected)))
                return QString::fromStdString(im.error().message);
            return QString();
        };
        QCOMPARE(fails("nocounts.gguf", {{"w.in_sum2", {4}, GgmlType::F32, four}}, "needs both", md),
                 QString());
        QCOMPARE(fails("nosums.gguf", {{"w.counts", {1}, GgmlType::F32, {1}}}, "needs both", md), QString());
        QCOMPARE(fails("nothing.gguf", {{"w", {1}, GgmlType::F32, {1}}}, "no imatrix entries", md),
                 QString());
        QCOMPARE(fails("f16.gguf",
                       {{"w.in_sum2", {4}, GgmlType::F16, {}}, {"w.counts", {1}, GgmlType::F32, {1}}},
                       "expected F32", md),
                 QString());
        QCOMPARE(fails("negative.gguf",
                       {{"w.in_sum2", {4}, GgmlType::F32, four}, {"w.counts", {1}, GgmlType::F32, {-1}}},
                       "negative count", md),
                 QString());
        QCOMPARE(
            fails("nan.gguf",
                  {{"w.in_sum2", {4}, GgmlType::F32, {1, NAN, 3, 4}}, {"w.counts", {1}, GgmlType::F32, {1}}},
                  "not a finite number", md),
            QString());
        QCOMPARE(fails("matrices.gguf",
                       {{"w.in_sum2", {4}, GgmlType::F32, four}, {"w.counts", {3}, GgmlType::F32, {1, 1, 1}}},
                       "not a multiple", md),
                 QString());
        QCOMPARE(fails("sums.gguf",
                       {{"w.in_sum2", {4}, GgmlType::F32, four},
                        {"w.counts", {1}, GgmlType::F32, {1}},
                        {"w.in_sum", {2}, GgmlType::F32, {1, 2}}},
                       "2 sums", md),
                 QString());
        gguf::Metadata badDatasets = md;
        badDatasets.set("imatrix.datasets", gguf::Value::string("one.txt"));
        QCOMPARE(fails("datasets.gguf",
                       {{"w.in_sum2", {4}, GgmlType::F32, four}, {"w.counts", {1}, GgmlType::F32, {1}}},
                       "not an array of strings", badDatasets),
                 QString());

        // a model is not an imatrix
        auto model = loadImatrix(test::sharedModel());
        QVERIFY(!model.ok());
        QVERIFY2(model.error().message.find("not an imatrix") != std::string::npos,
                 model.error().message.c_str());
        // a truncated GGUF imatrix (the last 28 bytes are padding, so cut into the last tensor)
        Imatrix im = reference();
        im.chunkSize = 256;
        QVERIFY(saveGgufImatrix(im, temp("whole.gguf")).ok());
        const auto whole = toBytes(test::readAll(temp("whole.gguf")));
        for (size_t cut : {size_t(4), size_t(100), whole.size() / 2, whole.size() - 32})
            QVERIFY(!parseImatrix(std::span(whole.data(), cut), "cut.gguf").ok());
        QVERIFY(!loadImatrix(temp("does-not-exist.dat")).ok());
    }
};

QTEST_GUILESS_MAIN(TestImatrix)
#include "test_imatrix.moc"
