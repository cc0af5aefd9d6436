// The safetensors reader: the shared model's real header, and a corpus of broken headers (bad lengths,
// offsets, shapes, dtypes, overlaps, index files pointing outside the folder), each rejected with a clear
// error and no crash.
#include <QTemporaryDir>
#include <QTest>

#include <cstring>
#include <fstream>

#include "qf/hf/safetensors.h"
#include "test_support.h"

using namespace qf;
using namespace qf::hf;
namespace fs = std::filesystem;

namespace {

std::vector<uint8_t> fileWithHeader(const std::string& json, size_t dataBytes) {
    std::vector<uint8_t> bytes(8 + json.size() + dataBytes, 0);
    const uint64_t n = json.size();
    std::memcpy(bytes.data(), &n, 8);
    std::memcpy(bytes.data() + 8, json.data(), json.size());
    return bytes;
}

} // namespace

class TestSafetensors : public QObject {
    Q_OBJECT

private slots:
    void readsTheSharedModel() {
        auto model = SafetensorsModel::open(test::sharedPath("models/qf-books-22m-hf"));
        QVERIFY2(model.ok(), model.ok() ? "" : model.error().message.c_str());
        QCOMPARE(model->tensors().size(), size_t(57));
        const auto* embd = model->find("model.embed_tokens.weight");
        QVERIFY(embd);
        QCOMPARE(embd->dtype, StDtype::F16);
        QCOMPARE(embd->shape, (std::vector<uint64_t>{32000, 256}));
        QCOMPARE(model->data(*embd).size(), size_t(32000 * 256 * 2));
        QCOMPARE(model->tensors().front().name, std::string("model.embed_tokens.weight"));
        QCOMPARE(model->tensors().back().name, std::string("lm_head.weight"));
        QCOMPARE(model->tensorDataBytes(), uint64_t(42211840));
    }

    void validHeader() {
        auto bytes = fileWithHeader(
            R"({"__metadata__":{"format":"pt"},"b":{"dtype":"BF16","shape":[2],"data_offsets":[8,12]},)"
            R"("a":{"dtype":"F32","shape":[1,2],"data_offsets":[0,8]},"e":{"dtype":"F16","shape":[0],"data_offsets":[12,12]}})",
            12);
        auto header = parseSafetensorsHeader(bytes, "ok.safetensors");
        QVERIFY2(header.ok(), header.ok() ? "" : header.error().message.c_str());
        QCOMPARE(header->tensors.size(), size_t(3));
        QCOMPARE(header->tensors[0].name, std::string("a")); // data-offset order
        QCOMPARE(header->metadata.size(), size_t(1));
    }

    void brokenHeaders_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<int>("dataBytes");
        QTest::addColumn<QString>("expected");
        auto row = [](const char* name, const char* json, int data, const char* expected) {
            QTest::newRow(name) << QByteArray(json) << data << QString::fromLatin1(expected);
        };
        row("not an object", "[1]", 0, "not a JSON object");
        row("truncated json", R"({"a":{"dtype":"F32")", 0, "invalid JSON");
        row("unknown dtype", R"({"a":{"dtype":"F17","shape":[1],"data_offsets":[0,4]}})", 4, "unknown dtype");
        row("missing dtype", R"({"a":{"shape":[1],"data_offsets":[0,4]}})", 4, "missing dtype");
        row("negative dim", R"({"a":{"dtype":"F32","shape":[-1],"data_offsets":[0,4]}})", 4, "non-negative");
        row("fractional dim", R"({"a":{"dtype":"F32","shape":[1.5],"data_offsets":[0,4]}})", 4,
            "non-negative");
        row("too many dims", R"({"a":{"dtype":"U8","shape":[1,1,1,1,1,1,1,1,1],"data_offsets":[0,1]}})", 1,
            "dimensions");
        row("size mismatch", R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,4]}})", 8, "needs 8");
        row("past the end", R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}})", 4,
            "past the data section");
        row("reversed", R"({"a":{"dtype":"F32","shape":[0],"data_offsets":[8,0]}})", 8, "reversed");
        row("overflowing shape",
            R"({"a":{"dtype":"F64","shape":[4294967296,4294967296],"data_offsets":[0,0]}})", 0, "too large");
        row("huge offset", R"({"a":{"dtype":"U8","shape":[1],"data_offsets":[18446744073709551615,0]}})", 0,
            "reversed");
        row("overlap",
            R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}})",
            8, "overlap");
        row("duplicate",
            R"({"a":{"dtype":"U8","shape":[1],"data_offsets":[0,1]},"a":{"dtype":"U8","shape":[1],"data_offsets":[1,2]}})",
            2, "duplicate key");
        row("extra field", R"({"a":{"dtype":"U8","shape":[1],"data_offsets":[0,1],"x":1}})", 1,
            "unexpected field");
        row("bad metadata", R"({"__metadata__":{"a":1}})", 0, "not a string");
        row("deep nesting", R"({"a":{"dtype":[[[[[[1]]]]]]}})", 0, "nested deeper");
    }

    void brokenHeaders() {
        QFETCH(QByteArray, json);
        QFETCH(int, dataBytes);
        QFETCH(QString, expected);
        const auto bytes = fileWithHeader(json.toStdString(), size_t(dataBytes));
        auto header = parseSafetensorsHeader(bytes, "bad.safetensors");
        QVERIFY(!header.ok());
        const auto message = QString::fromStdString(header.error().message);
        QVERIFY2(message.contains(expected) && message.contains(QLatin1String("bad.safetensors")),
                 qPrintable(message));
    }

    void brokenLengths() {
        std::vector<uint8_t> tiny(5, 0);
        QVERIFY(!parseSafetensorsHeader(tiny, "tiny").ok());
        auto bytes = fileWithHeader("{}", 0);
        const uint64_t tooLong = 1000;
        std::memcpy(bytes.data(), &tooLong, 8);
        auto header = parseSafetensorsHeader(bytes, "long");
        QVERIFY(!header.ok());
        QVERIFY(QString::fromStdString(header.error().message).contains(QLatin1String("past the end")));
        const uint64_t huge = ~0ull;
        std::memcpy(bytes.data(), &huge, 8);
        QVERIFY(!parseSafetensorsHeader(bytes, "huge").ok());
        QVERIFY(parseSafetensorsHeader(fileWithHeader("{}", 0), "empty").ok());
    }

    void truncatedRealHeaderNeverCrashes() {
        const QByteArray real =
            test::readAll(test::sharedPath("models/qf-books-22m-hf/model.safetensors")).left(8 + 6168);
        QVERIFY(real.size() == 8 + 6168);
        const auto* p = reinterpret_cast<const uint8_t*>(real.constData());
        for (size_t n = 0; n < size_t(real.size()); n += 97)
            QVERIFY(!parseSafetensorsHeader(std::span(p, n), "cut").ok());
        // The whole header but no data: every tensor runs past the end.
        QVERIFY(!parseSafetensorsHeader(std::span(p, size_t(real.size())), "nodata").ok());
    }

    void mutatedRealHeaderNeverCrashes() {
        QByteArray file = test::readAll(test::sharedPath("models/qf-books-22m-hf/model.safetensors"));
        QVERIFY(file.size() > 8 + 6168);
        auto* p = reinterpret_cast<uint8_t*>(file.data());
        const std::span<const uint8_t> bytes(p, size_t(file.size()));
        uint32_t state = 12345;
        auto next = [&] { return state = state * 1664525u + 1013904223u; };
        static constexpr char kInteresting[] = "{}[],:\"0123456789-e.";
        int rejected = 0;
        for (int i = 0; i < 3000; ++i) {
            const size_t at = 8 + next() % 6168;
            const uint8_t saved = p[at];
            p[at] =
                (next() & 1) ? uint8_t(kInteresting[next() % (sizeof(kInteresting) - 1)]) : uint8_t(next());
            auto header = parseSafetensorsHeader(bytes, "mutated");
            if (!header.ok())
                ++rejected;
            else
                for (const auto& t : header->tensors)
                    QVERIFY(t.end <= bytes.size() - header->dataOffset);
            p[at] = saved;
        }
        QVERIFY(rejected > 1000);
        QVERIFY(parseSafetensorsHeader(bytes, "restored").ok());
    }

    void badIndexFiles_data() {
        QTest::addColumn<QByteArray>("index");
        QTest::addColumn<QString>("expected");
        QTest::newRow("escapes the folder")
            << QByteArray(R"({"weight_map":{"a":"../model.safetensors"}})") << "not a plain file name";
        QTest::newRow("missing shard")
            << QByteArray(R"({"weight_map":{"a":"model-2.safetensors"}})") << "missing";
        QTest::newRow("no weight map") << QByteArray(R"({"metadata":{}})") << "weight_map";
        QTest::newRow("tensor not in shard")
            << QByteArray(R"({"weight_map":{"zz":"model-1.safetensors"}})") << "is not in";
    }

    void badIndexFiles() {
        QFETCH(QByteArray, index);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const fs::path folder = dir.path().toStdString();
        const auto shard = fileWithHeader(R"({"a":{"dtype":"U8","shape":[1],"data_offsets":[0,1]}})", 1);
        std::ofstream(folder / "model-1.safetensors", std::ios::binary)
            .write(reinterpret_cast<const char*>(shard.data()), std::streamsize(shard.size()));
        std::ofstream(folder / "model.safetensors.index.json") << index.toStdString();
        auto model = SafetensorsModel::open(folder);
        QVERIFY(!model.ok());
        QVERIFY2(QString::fromStdString(model.error().message).contains(expected),
                 model.error().message.c_str());
    }
};

QTEST_GUILESS_MAIN(TestSafetensors)
#include "test_safetensors.moc"
