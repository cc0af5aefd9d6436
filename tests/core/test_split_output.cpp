// Split output (quantize --split-max-size / --split-max-tensors): the shards are named and keyed as
// llama.cpp's gguf-split writes them (tools/gguf-split: "-%05d-of-%05d.gguf", split.no u16 from 0,
// split.tensors.count i32, split.count u16 (in that order), all other metadata in the first shard only, before the split
// keys; a new shard when the padded tensor bytes would pass the limit, or every N tensors), and the split
// model opened again equals the unsplit output tensor for tensor.
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <filesystem>

#include "qf/gguf/gguf_file.h"
#include "qf/gguf/gguf_split_writer.h"
#include "qf/quant/plan.h"
#include "qf/quant/quantize_job.h"
#include "test_support.h"

using namespace qf;
namespace fs = std::filesystem;

class TestSplitOutput : public QObject {
    Q_OBJECT

    std::unique_ptr<gguf::GgufFile> m_source;
    QTemporaryDir m_dir;
    fs::path m_whole;

    quant::QuantPlan plan() {
        auto p =
            quant::makeQuantPlan(m_source->metadata(), m_source->tensors(), *quant::findPreset("Q8_0"), {});
        if (!p) qFatal("%s", p.error().message.c_str());
        return *p;
    }

    Result<quant::QuantizeResult> run(const fs::path& out, gguf::SplitOptions split) {
        quant::QuantizeParams params;
        params.source = m_source.get();
        params.threads = 2;
        params.outputs.push_back({plan(), out, split});
        return quant::quantize(params);
    }

    static gguf::Header header(const fs::path& path) {
        const QByteArray bytes = test::readAll(path);
        auto h = gguf::parseHeader(
            std::span(reinterpret_cast<const uint8_t*>(bytes.data()), size_t(bytes.size())), path.string());
        if (!h) qFatal("%s", h.error().message.c_str());
        return std::move(*h);
    }

    // The shards gguf-split's rule gives for these tensors: padded sizes summed until the limit is passed.
    static std::vector<size_t> expectedShardSizes(const std::vector<gguf::TensorInfo>& tensors,
                                                  uint64_t maxBytes) {
        std::vector<size_t> counts{0};
        uint64_t bytes = 0;
        for (const auto& t : tensors) {
            const uint64_t padded = (t.byteSize + 31) / 32 * 32;
            if (bytes + padded > maxBytes) {
                counts.push_back(0);
                bytes = 0;
            }
            ++counts.back();
            bytes += padded;
        }
        return counts;
    }

    void compareWithWhole(const fs::path& firstShard, size_t shardCount) {
        auto split = gguf::GgufFile::open(firstShard);
        QVERIFY2(split.ok(), split.ok() ? "" : split.error().message.c_str());
        auto whole = gguf::GgufFile::open(m_whole);
        QVERIFY(whole.ok());
        QCOMPARE(split->shardPaths().size(), shardCount);
        QCOMPARE(split->tensors().size(), whole->tensors().size());
        for (size_t i = 0; i < whole->tensors().size(); ++i) {
            const auto& a = whole->tensors()[i];
            const auto& b = split->tensors()[i];
            QCOMPARE(b.name, a.name);
            QCOMPARE(b.shape, a.shape);
            QCOMPARE(b.type, a.type);
            const auto da = whole->tensorData(a), db = split->tensorData(b);
            QVERIFY2(std::equal(da.begin(), da.end(), db.begin(), db.end()), a.name.c_str());
        }
        // The first shard's metadata is the whole file's, followed by the three split keys.
        const auto& wm = whole->metadata().entries();
        const auto& sm = split->metadata().entries();
        QCOMPARE(sm.size(), wm.size() + 3);
        for (size_t i = 0; i < wm.size(); ++i) {
            QCOMPARE(sm[i].key, wm[i].key);
            QVERIFY2(sm[i].value == wm[i].value, wm[i].key.c_str());
        }
    }

private slots:
    void initTestCase() {
        auto f = gguf::GgufFile::open(test::sharedModel());
        QVERIFY(f.ok());
        m_source = std::make_unique<gguf::GgufFile>(std::move(*f));
        QVERIFY(m_dir.isValid());
        m_whole = fs::path(m_dir.path().toStdString()) / "whole.gguf";
        auto r = run(m_whole, {});
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
        QCOMPARE(r->files.front().path, m_whole);
    }

    void bySize() {
        const fs::path out = fs::path(m_dir.path().toStdString()) / "model-Q8_0.gguf";
        const uint64_t maxBytes = 9'000'000; // the largest tensor (output.weight, first) has 8.7 MB
        auto r = run(out, {.maxBytes = maxBytes});
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
        const auto whole = gguf::GgufFile::open(m_whole);
        const auto expected = expectedShardSizes(whole->tensors(), maxBytes);
        QVERIFY(expected.size() >= 3);
        const int n = int(expected.size());
        QCOMPARE(r->files.front().shards.size(), expected.size());
        uint64_t total = 0;
        for (int s = 0; s < n; ++s) {
            const fs::path shard = out.parent_path() / QStringLiteral("model-Q8_0-%1-of-%2.gguf")
                                                           .arg(s + 1, 5, 10, QLatin1Char('0'))
                                                           .arg(n, 5, 10, QLatin1Char('0'))
                                                           .toStdString();
            QCOMPARE(r->files.front().shards[size_t(s)], shard);
            QVERIFY(fs::is_regular_file(shard));
            total += fs::file_size(shard);
            const gguf::Header h = header(shard);
            QCOMPARE(h.tensors.size(), expected[size_t(s)]);
            // gguf-split's key types: u16, u16, i32; later shards hold nothing else.
            const auto& e = h.metadata.entries();
            QVERIFY(e.size() >= 3);
            QCOMPARE(e[e.size() - 3].key, std::string("split.no"));
            QCOMPARE(e[e.size() - 3].value.type(), gguf::ValueType::UInt16);
            QCOMPARE(e[e.size() - 3].value.asInt(), std::optional<int64_t>(s));
            QCOMPARE(e[e.size() - 2].key, std::string("split.tensors.count"));
            QCOMPARE(e[e.size() - 2].value.type(), gguf::ValueType::Int32);
            QCOMPARE(e[e.size() - 2].value.asInt(), std::optional<int64_t>(whole->tensors().size()));
            QCOMPARE(e[e.size() - 1].key, std::string("split.count"));
            QCOMPARE(e[e.size() - 1].value.type(), gguf::ValueType::UInt16);
            QCOMPARE(e[e.size() - 1].value.asInt(), std::optional<int64_t>(n));
            if (s > 0) QCOMPARE(e.size(), size_t(3));
        }
        QCOMPARE(r->files.front().bytes, total);
        QVERIFY(!fs::exists(out)); // only the shards
        compareWithWhole(r->files.front().shards.front(), size_t(n));
    }

    void byTensorCount() {
        const fs::path out = fs::path(m_dir.path().toStdString()) / "count.gguf";
        auto r = run(out, {.maxTensors = 10});
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
        const size_t tensors = m_source->tensors().size();
        const size_t n = (tensors + 9) / 10;
        QCOMPARE(r->files.front().shards.size(), n);
        for (size_t s = 0; s < n; ++s)
            QCOMPARE(header(r->files.front().shards[s]).tensors.size(),
                     std::min<size_t>(10, tensors - s * 10));
        compareWithWhole(r->files.front().shards.front(), n);
    }

    void tensorLargerThanTheLimitIsRefused() {
        const fs::path out = fs::path(m_dir.path().toStdString()) / "tiny.gguf";
        auto r = run(out, {.maxBytes = 1000});
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.find("larger than the split size") != std::string::npos,
                 r.error().message.c_str());
        for (const auto& e : fs::directory_iterator(out.parent_path()))
            QVERIFY2(!e.path().filename().string().starts_with("tiny"), e.path().string().c_str());
    }

    void sizes_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qulonglong>("bytes");
        QTest::newRow("50G") << "50G" << qulonglong(50'000'000'000ull);
        QTest::newRow("500M") << "500M" << qulonglong(500'000'000ull);
        QTest::newRow("no unit") << "50" << qulonglong(0);
        QTest::newRow("GB") << "50GB" << qulonglong(0);
        QTest::newRow("zero") << "0G" << qulonglong(0);
        QTest::newRow("negative") << "-1G" << qulonglong(0);
        QTest::newRow("fraction") << "1.5G" << qulonglong(0);
    }
    void sizes() {
        QFETCH(QString, text);
        QFETCH(qulonglong, bytes);
        auto parsed = gguf::parseSplitSize(text.toStdString());
        QCOMPARE(parsed.ok(), bytes != 0);
        if (bytes) QCOMPARE(qulonglong(*parsed), bytes);
    }
    // The replace-existing check of split output finds the parts of any count by their names, and nothing else.
    void existingShardsAreFoundByName() {
        QTemporaryDir dir;
        const fs::path base = fs::path(dir.path().toStdU16String());
        for (const char* name :
             {"m-Q8_0-00001-of-00002.gguf", "m-Q8_0-00002-of-00002.gguf", "m-Q8_0.gguf", "m-Q8_0-0001-of-0002.gguf",
              "m-Q8_0-00001-of-00002.gguf.lock", "m-Q8_0-x0001-of-00002.gguf", "m-Q4_0-00001-of-00002.gguf",
              "m-Q8_0-00003-of-00007.gguf"})
            QVERIFY(QFile(QString::fromStdU16String((base / name).u16string())).open(QIODevice::WriteOnly));
        const auto found = gguf::existingSplitShards(base / "m-Q8_0.gguf");
        std::vector<std::string> names;
        for (const auto& p : found) names.push_back(p.filename().string());
        QCOMPARE(names, (std::vector<std::string>{"m-Q8_0-00001-of-00002.gguf", "m-Q8_0-00002-of-00002.gguf",
                                                  "m-Q8_0-00003-of-00007.gguf"}));
        QVERIFY(gguf::existingSplitShards(base / "other.gguf").empty());
    }
};

QTEST_GUILESS_MAIN(TestSplitOutput)
#include "test_split_output.moc"
