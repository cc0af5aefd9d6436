// The per-tensor type rules against modern llama-quantize (v0.5.0) on 11 architectures: for every digest
// in ../shared/zoo/reference/ and tests/fixtures/zoo-reference/ (<model>-<PRESET>[-requant][-imat].json),
// the plan built from that file's
// tensor names and shapes, its metadata (architecture, layers, heads, experts) and, for "-imat", the
// model's GGUF imatrix, must give every tensor llama-quantize's type, in llama-quantize's order and size.
// Needs no model weights: the digests carry everything the rules look at.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <map>
#include <optional>

#include "qf/gguf/gguf_file.h"
#include "qf/quant/imatrix.h"
#include "qf/quant/plan.h"
#include "qf/quant/preset.h"
#include "test_support.h"

using namespace qf;
using namespace qf::quant;

namespace {

struct ReferenceName {
    std::string model;
    std::string preset;
    bool imatrix = false;
    bool requantize = false;
};

// "gpt-oss-mxfp4-Q4_K_M-requant" -> {gpt-oss-mxfp4, Q4_K_M, requantize}
ReferenceName parseName(std::string stem) {
    ReferenceName n;
    for (auto [suffix, flag] : {std::pair{"-imat", &n.imatrix}, std::pair{"-requant", &n.requantize}}) {
        const std::string s = suffix;
        if (stem.size() > s.size() && stem.ends_with(s)) {
            stem.resize(stem.size() - s.size());
            *flag = true;
        }
    }
    // Preset names contain '_' but never '-'; model names may contain '-'.
    const size_t dash = stem.rfind('-');
    n.model = stem.substr(0, dash);
    n.preset = stem.substr(dash + 1);
    return n;
}

// Presets outside our table (types another part of the project adds) still have llama.cpp's rules: plan
// them from the file type id and its default type.
std::optional<Preset> presetNamed(const std::string& name) {
    if (const Preset* p = findPreset(name)) return *p;
    for (uint32_t id = 0; id < 64; ++id) {
        if (llamaFileTypeName(id) != std::optional<std::string_view>(name)) continue;
        const auto fileType = LlamaFileType(id);
        if (auto base = llamaFileTypeBaseType(fileType)) return Preset{"", fileType, *base, ""};
    }
    return std::nullopt;
}

gguf::Metadata metadataFrom(const QJsonObject& json) {
    gguf::Metadata md;
    for (auto it = json.begin(); it != json.end(); ++it) {
        const std::string key = it.key().toStdString();
        const QJsonValue v = it.value();
        if (v.isString())
            md.set(key, gguf::Value::string(v.toString().toStdString()));
        else if (v.isBool())
            md.set(key, gguf::Value::boolean(v.toBool()));
        else if (v.isDouble() && v.toDouble() == double(int64_t(v.toDouble())) && v.toDouble() >= 0 &&
                 !key.ends_with("epsilon") && key.find("rope.") == std::string::npos)
            md.set(key, gguf::Value::u32(uint32_t(v.toDouble())));
        else if (v.isDouble())
            md.set(key, gguf::Value::f32(float(v.toDouble())));
    }
    return md;
}

struct ReferenceTensor {
    std::string name;
    std::vector<uint64_t> shape;
    std::string type;
    uint64_t bytes = 0;
};

std::vector<ReferenceTensor> tensorsFrom(const QJsonArray& array) {
    std::vector<ReferenceTensor> out;
    for (const QJsonValue& value : array) {
        const QJsonObject t = value.toObject();
        ReferenceTensor r;
        r.name = t.value(QStringLiteral("name")).toString().toStdString();
        for (const QJsonValue& d : t.value(QStringLiteral("shape")).toArray())
            r.shape.push_back(uint64_t(d.toDouble()));
        r.type = t.value(QStringLiteral("type")).toString().toStdString();
        r.bytes = uint64_t(t.value(QStringLiteral("bytes")).toDouble());
        out.push_back(std::move(r));
    }
    return out;
}

QJsonObject readJson(const std::filesystem::path& path) {
    return QJsonDocument::fromJson(test::readAll(path)).object();
}

} // namespace

class TestZooPlans : public QObject {
    Q_OBJECT

    std::filesystem::path m_dir = test::sharedPath("zoo/reference");
    std::filesystem::path m_ownDir = std::filesystem::path(QF_SOURCE_DIR) / "tests/fixtures/zoo-reference";
    std::map<std::string, Imatrix> m_imatrices;

    // The source's tensor types: the F16 file's (F16 weights, F32 norms and biases); the gpt-oss-mxfp4
    // model is gpt-oss with its expert matrices stored as MXFP4, as published gpt-oss files are.
    std::map<std::string, GgmlType> sourceTypes(const std::string& model) {
        const bool mxfp4 = model == "gpt-oss-mxfp4";
        const auto f16 =
            tensorsFrom(readJson(m_dir / ((mxfp4 ? std::string("gpt-oss") : model) + "-F16.json"))
                            .value(QStringLiteral("tensors"))
                            .toArray());
        std::map<std::string, GgmlType> types;
        for (const auto& t : f16) {
            GgmlType type = *ggmlTypeFromName(t.type);
            if (mxfp4 && t.shape.size() == 3 && t.name.ends_with("_exps.weight")) type = GgmlType::MXFP4;
            types[t.name] = type;
        }
        return types;
    }

    const Imatrix* imatrixOf(const std::string& model) {
        if (auto it = m_imatrices.find(model); it != m_imatrices.end()) return &it->second;
        auto loaded = loadImatrix(test::sharedPath("zoo/imatrix/" + model + ".imatrix.gguf"));
        if (!loaded) {
            qWarning("%s", loaded.error().message.c_str());
            return nullptr;
        }
        return &m_imatrices.emplace(model, std::move(*loaded)).first->second;
    }

private slots:
    void rules_data() {
        QTest::addColumn<QString>("json");
        auto files = test::filesIn(m_dir, ".json");
        QVERIFY(files.size() >= 240);
        const auto own = test::filesIn(m_ownDir, ".json");
        QVERIFY(own.size() >= 9);
        files.insert(files.end(), own.begin(), own.end());
        for (const auto& file : files)
            QTest::newRow(file.stem().string().c_str()) << QString::fromStdString(file.string());
    }

    void rules() {
        QFETCH(QString, json);
        const std::filesystem::path path = json.toStdString();
        const ReferenceName name = parseName(path.stem().string());
        const auto preset = presetNamed(name.preset);
        QVERIFY2(preset, name.preset.c_str());
        const QJsonObject reference = readJson(path);
        const gguf::Metadata metadata = metadataFrom(reference.value(QStringLiteral("metadata")).toObject());
        const auto expected = tensorsFrom(reference.value(QStringLiteral("tensors")).toArray());
        QVERIFY(!expected.empty());

        // The source's tensors in the digest's order, reversed: the plan must restore llama.cpp's order.
        const auto types = sourceTypes(name.model);
        std::vector<gguf::TensorInfo> source;
        for (auto it = expected.rbegin(); it != expected.rend(); ++it) {
            gguf::TensorInfo info;
            info.name = it->name;
            info.shape = it->shape;
            const auto type = types.find(it->name);
            QVERIFY2(type != types.end(), it->name.c_str());
            info.type = type->second;
            source.push_back(std::move(info));
        }

        PlanOptions options;
        options.allowRequantize = name.requantize;
        options.writeProvenance = false;
        if (name.imatrix) {
            options.imatrix = imatrixOf(name.model);
            QVERIFY2(options.imatrix, name.model.c_str());
        }
        auto plan = makeQuantPlan(metadata, source, *preset, options);
        QVERIFY2(plan, plan ? "" : plan.error().message.c_str());
        QCOMPARE(plan->tensors.size(), expected.size());

        int identical = 0;
        QStringList differ;
        uint64_t expectedBytes = 0;
        for (size_t i = 0; i < expected.size(); ++i) {
            const TensorPlan& t = plan->tensors[i];
            const ReferenceTensor& e = expected[i];
            QCOMPARE(t.name, e.name);
            expectedBytes += e.bytes;
            if (ggmlTypeName(t.type) == e.type && t.byteSize == e.bytes)
                ++identical;
            else
                differ << QStringLiteral("%1 %2 (llama-quantize: %3)")
                              .arg(QString::fromStdString(t.name),
                                   QString::fromStdString(std::string(ggmlTypeName(t.type))),
                                   QString::fromStdString(e.type));
        }
        QVERIFY2(
            differ.isEmpty(),
            qPrintable(QStringLiteral("%1 of %2 types differ: ").arg(differ.size()).arg(expected.size()) +
                       differ.join(QStringLiteral(", "))));
        QCOMPARE(identical, int(expected.size()));
        QCOMPARE(plan->tensorBytes, expectedBytes);
        QCOMPARE(plan->usesImatrix, name.imatrix);
    }

    // The zoo's imatrix files: llama-imatrix's GGUF format, with one row of importance per expert for the
    // 3-D expert tensors, which llama-quantize hands each expert's rows.
    void imatrixFiles() {
        for (const char* model : {"qwen3moe", "gpt-oss", "deepseek2", "mixtral", "phi3"}) {
            const Imatrix* im = imatrixOf(model);
            QVERIFY2(im, model);
            QCOMPARE(im->format, ImatrixFormat::Gguf);
            QVERIFY(im->chunkCount > 0);
            QVERIFY(!im->entries().empty());
        }
        const Imatrix* im = imatrixOf("qwen3moe");
        const ImatrixEntry* experts = im->find("blk.1.ffn_down_exps.weight");
        QVERIFY(experts);
        QCOMPARE(experts->matrixCount(), size_t(8));
        const std::vector<float> importance = im->importance(*experts);
        QCOMPARE(importance.size(), experts->columns() * 8);
        // each expert saw its own tokens: the rows differ
        QVERIFY(!std::equal(importance.begin(), importance.begin() + ptrdiff_t(experts->columns()),
                            importance.begin() + ptrdiff_t(experts->columns())));
    }
};

QTEST_GUILESS_MAIN(TestZooPlans)
#include "test_zoo_plans.moc"
