// Split output against llama.cpp's llama-gguf-split, byte for byte: the shared F16 model split by our
// writer (by size, 20M, and by tensor count, 7) gives shards whose names, sizes and sha256 equal those
// gguf-split wrote from the same file (tests/data/split/gguf-split-qf-books-22m-f16.json, made by
// tests/tools/make_split_reference.sh), so CI checks the parity without llama.cpp.
#include <QTemporaryDir>
#include <QTest>

#include <filesystem>

#include "qf/gguf/gguf_file.h"
#include "qf/gguf/gguf_split_writer.h"
#include "qf/json_reader.h"
#include "qf/sha256.h"
#include "test_support.h"

using namespace qf;
namespace fs = std::filesystem;

namespace {
std::string hexOf(const fs::path& path) {
    const QByteArray bytes = test::readAll(path);
    return sha256Hex({reinterpret_cast<const uint8_t*>(bytes.constData()), size_t(bytes.size())});
}
} // namespace

class TestSplitGgufSplitParity : public QObject {
    Q_OBJECT

private slots:
    void matchesGgufSplit_data() {
        QTest::addColumn<int>("run");
        QTest::newRow("max-size-20M") << 0;
        QTest::newRow("max-tensors-7") << 1;
    }

    void matchesGgufSplit() {
        QFETCH(int, run);
        const fs::path model = test::sharedModel();
        if (!fs::exists(model)) QSKIP("the shared model is not there (QF_SHARED_DIR)");
        auto reference = readJsonFile(fs::path(QF_SOURCE_DIR) / "tests/data/split/gguf-split-qf-books-22m-f16.json");
        QVERIFY(reference.ok());
        auto file = gguf::GgufFile::open(model);
        QVERIFY(file.ok());
        QCOMPARE(hexOf(model), *reference->find("source_sha256")->asString());

        const JsonValue& r = (*reference->find("runs")->asArray())[size_t(run)];
        gguf::SplitOptions split;
        if (*r.find("option")->asString() == "--split-max-size") {
            auto bytes = gguf::parseSplitSize(*r.find("value")->asString());
            QVERIFY(bytes.ok());
            split.maxBytes = *bytes;
        } else {
            split.maxTensors = uint32_t(std::stoul(*r.find("value")->asString()));
        }
        QTemporaryDir dir;
        gguf::WriteParams params;
        params.output = fs::path(dir.path().toStdString()) / "qf-books-22m-f16.gguf";
        params.metadata = file->metadata();
        for (const auto& t : file->tensors()) params.tensors.push_back({t.name, t.shape, t.type});
        auto writer = gguf::SplitStreamWriter::create(params, split);
        QVERIFY2(writer.ok(), writer.ok() ? "" : writer.error().message.c_str());
        for (const auto& t : file->tensors()) QVERIFY(writer->writeTensor(file->tensorData(t)).ok());
        QVERIFY(writer->finish().ok());

        const auto& shards = *r.find("shards")->asArray();
        QCOMPARE(writer->paths().size(), shards.size());
        for (size_t i = 0; i < shards.size(); ++i) {
            const fs::path& p = writer->paths()[i];
            QCOMPARE(p.filename().string(), *shards[i].find("name")->asString());
            QCOMPARE(uint64_t(fs::file_size(p)), *shards[i].find("bytes")->asUInt());
            QVERIFY2(hexOf(p) == *shards[i].find("sha256")->asString(),
                     ("bytes differ from gguf-split's: " + p.filename().string()).c_str());
        }
    }
};

QTEST_GUILESS_MAIN(TestSplitGgufSplitParity)
#include "test_split_gguf_split_parity.moc"
