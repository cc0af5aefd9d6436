// Whole-model byte identity with llama.cpp: for every preset llama-quantize was run with (with and
// without the reference imatrix), quantizing each tensor of the F16 source to the type llama.cpp chose
// must give exactly llama.cpp's bytes (sha256 from ../shared/reference/quants/<PRESET>.json, and for the
// types modern llama.cpp added, ../shared/reference-2026/quants/). Runs on every kernel path this CPU
// supports. Slow: labelled "slow" in tests/CMakeLists.txt.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <optional>
#include <vector>

#include "qf/gguf/gguf_file.h"
#include "qf/quant/imatrix.h"
#include "qf/quant/kernels.h"
#include "qf/sha256.h"
#include "test_support.h"

using namespace qf;
using namespace qf::quant;

class TestQuantReference : public QObject {
    Q_OBJECT

    std::optional<gguf::GgufFile> m_source;
    std::optional<Imatrix> m_imatrix;

private slots:
    void initTestCase() {
        auto source = gguf::GgufFile::open(test::sharedModel());
        QVERIFY2(source.ok(), source.ok() ? "" : source.error().message.c_str());
        m_source.emplace(std::move(source.value()));
        auto imatrix = loadImatrix(test::sharedPath("reference/imatrix-books-calibration.dat"));
        QVERIFY2(imatrix.ok(), imatrix.ok() ? "" : imatrix.error().message.c_str());
        m_imatrix.emplace(std::move(imatrix.value()));
    }

    void preset_data() {
        QTest::addColumn<QString>("json");
        QTest::addColumn<int>("path");
        const auto files = test::filesIn(test::sharedPath("reference/quants"), ".json");
        QVERIFY(files.size() >= 28);
        for (KernelPath path : availablePaths()) {
            for (const auto& file : files) {
                const std::string name = file.stem().string() + "/" + std::string(kernelPathName(path));
                QTest::newRow(name.c_str()) << QString::fromStdString(file.string()) << int(path);
            }
        }
        // The modern types' presets: their searches are the slowest, so the reference and the best path
        // only (test_quant_simd holds every path to the reference on hostile data).
        const auto modern = test::filesIn(test::sharedPath("reference-2026/quants"), ".json");
        QVERIFY(modern.size() >= 23);
        std::vector<KernelPath> paths{KernelPath::Reference};
        if (availablePaths().back() != KernelPath::Reference) paths.push_back(availablePaths().back());
        for (KernelPath path : paths) {
            for (const auto& file : modern) {
                // MXFP4 is another type's work; its presets join once the type can be quantized.
                if (file.stem().string().starts_with("MXFP4") && !canQuantize(GgmlType::MXFP4)) continue;
                const std::string name =
                    "2026-" + file.stem().string() + "/" + std::string(kernelPathName(path));
                QTest::newRow(name.c_str()) << QString::fromStdString(file.string()) << int(path);
            }
        }
    }

    void preset() {
        QFETCH(QString, json);
        QFETCH(int, path);
        const bool withImatrix = json.contains(QStringLiteral("-imatrix"));
        const QJsonObject preset = QJsonDocument::fromJson(test::readAll(json.toStdString())).object();
        const QJsonArray tensors = preset.value(QStringLiteral("tensors")).toArray();
        QVERIFY(!tensors.isEmpty());
        int matched = 0;
        QStringList mismatched;
        std::vector<float> floats;
        std::vector<uint8_t> bytes;
        for (const QJsonValue& value : tensors) {
            const QJsonObject t = value.toObject();
            const std::string name = t.value(QStringLiteral("name")).toString().toStdString();
            const QString typeName = t.value(QStringLiteral("type")).toString();
            const auto type = ggmlTypeFromName(typeName.toStdString());
            QVERIFY2(type && canQuantize(*type), qPrintable(typeName));
            const gguf::TensorInfo* info = m_source->findTensor(name);
            QVERIFY2(info, name.c_str());
            floats.resize(info->elementCount());
            dequantizeRow(info->type, m_source->tensorData(*info).data(), floats.data(),
                          int64_t(floats.size()));
            std::vector<float> importance;
            if (withImatrix) {
                if (const ImatrixEntry* entry = m_imatrix->find(name))
                    importance = m_imatrix->importance(*entry);
            }
            const int64_t rowLen = int64_t(info->rowLength());
            bytes.assign(ggmlRowBytes(*type, uint64_t(rowLen)) * info->rowCount(), 0);
            QCOMPARE(quantizeRows(KernelPath(path), *type, floats.data(), bytes.data(),
                                  int64_t(info->rowCount()), rowLen,
                                  importance.empty() ? nullptr : importance.data()),
                     bytes.size());
            if (QString::fromStdString(sha256Hex(bytes)) == t.value(QStringLiteral("sha256")).toString())
                ++matched;
            else
                mismatched << QStringLiteral("%1 (%2)").arg(QString::fromStdString(name), typeName);
        }
        qInfo("%d of %d tensors identical to llama.cpp", matched, int(tensors.size()));
        QVERIFY2(mismatched.isEmpty(),
                 qPrintable(QStringLiteral("differ: ") + mismatched.join(QStringLiteral(", "))));
    }
};

QTEST_GUILESS_MAIN(TestQuantReference)
#include "test_quant_reference.moc"
