// Split models ("name-00001-of-00003.gguf") open as one model from any of their parts.
#include <QTemporaryDir>
#include <QTest>

#include "qf/gguf/gguf_file.h"
#include "qf/gguf/gguf_writer.h"
#include "qf/model_summary.h"
#include "test_support.h"

using namespace qf;
using namespace qf::gguf;
namespace fs = std::filesystem;

class TestGgufSplit : public QObject {
    Q_OBJECT

    // Writes the shared model as `parts` files the way llama.cpp's gguf-split does (split.* keys; the full
    // metadata in the first part only).
    static void writeSplit(const GgufFile& src, const QString& dir, int parts) {
        const auto& tensors = src.tensors();
        const size_t perPart = (tensors.size() + size_t(parts) - 1) / size_t(parts);
        for (int part = 0; part < parts; ++part) {
            WriteParams p;
            p.output = (dir + QStringLiteral("/model-%1-of-%2.gguf")
                                  .arg(part + 1, 5, 10, QLatin1Char('0'))
                                  .arg(parts, 5, 10, QLatin1Char('0')))
                           .toStdString();
            if (part == 0) p.metadata = src.metadata();
            p.metadata.set("split.no", Value{Value::Storage{std::in_place_index<2>, uint16_t(part)}});
            p.metadata.set("split.count", Value{Value::Storage{std::in_place_index<2>, uint16_t(parts)}});
            p.metadata.set("split.tensors.count", Value::i32(int32_t(tensors.size())));
            std::vector<const TensorInfo*> mine;
            for (size_t i = size_t(part) * perPart; i < std::min(tensors.size(), size_t(part + 1) * perPart); ++i) {
                mine.push_back(&tensors[i]);
                p.tensors.push_back({tensors[i].name, tensors[i].shape, tensors[i].type});
            }
            auto written = writeGguf(p, [&](size_t i, std::span<uint8_t> out) -> Status {
                const auto data = src.tensorData(*mine[i]);
                std::memcpy(out.data(), data.data(), out.size());
                return {};
            });
            QVERIFY2(written.ok(), written.ok() ? "" : written.error().message.c_str());
        }
    }

private slots:
    void opensFromAnyPart() {
        auto src = GgufFile::open(test::sharedModel());
        QVERIFY(src.ok());
        QTemporaryDir dir;
        writeSplit(*src, dir.path(), 3);
        for (int part = 1; part <= 3; ++part) {
            const auto path = dir.filePath(QStringLiteral("model-%1-of-00003.gguf").arg(part, 5, 10, QLatin1Char('0')));
            auto split = GgufFile::open(path.toStdString());
            QVERIFY2(split.ok(), split.ok() ? "" : split.error().message.c_str());
            QCOMPARE(split->shardPaths().size(), size_t(3));
            QCOMPARE(split->tensors().size(), src->tensors().size());
            for (const auto& t : src->tensors()) {
                const TensorInfo* s = split->findTensor(t.name);
                QVERIFY(s);
                QVERIFY(std::ranges::equal(split->tensorData(*s), src->tensorData(t)));
            }
            const auto summary = summarize(*split);
            QCOMPARE(summary.parameterCount, uint64_t(21105920));
            QCOMPARE(summary.shardCount, uint32_t(3));
            QCOMPARE(summary.architecture, std::string("llama"));
        }
    }

    void missingPartIsNamed() {
        auto src = GgufFile::open(test::sharedModel());
        QVERIFY(src.ok());
        QTemporaryDir dir;
        writeSplit(*src, dir.path(), 3);
        QVERIFY(QFile::remove(dir.filePath(QStringLiteral("model-00002-of-00003.gguf"))));
        auto split = GgufFile::open(dir.filePath(QStringLiteral("model-00001-of-00003.gguf")).toStdString());
        QVERIFY(!split.ok());
        QVERIFY2(split.error().message.find("part 2 of this split model is missing") != std::string::npos,
                 split.error().message.c_str());
    }

    void renamedPartIsExplained() {
        auto src = GgufFile::open(test::sharedModel());
        QVERIFY(src.ok());
        QTemporaryDir dir;
        writeSplit(*src, dir.path(), 2);
        QVERIFY(QFile::rename(dir.filePath(QStringLiteral("model-00001-of-00002.gguf")),
                              dir.filePath(QStringLiteral("renamed.gguf"))));
        auto split = GgufFile::open(dir.filePath(QStringLiteral("renamed.gguf")).toStdString());
        QVERIFY(!split.ok());
        QVERIFY2(split.error().message.find("pattern") != std::string::npos, split.error().message.c_str());
    }
};

QTEST_GUILESS_MAIN(TestGgufSplit)
#include "test_gguf_split.moc"
