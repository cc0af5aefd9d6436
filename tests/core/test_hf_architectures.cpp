// Hugging Face folders of every architecture the converter claims, against llama.cpp's converter: the test
// regenerates each synthetic folder (tests/tools/hf_synthetic_folder.h) and compares our conversion with the
// digests convert_hf_to_gguf.py gave for the same folder (tests/data/hf_convert/<arch>.json, made by
// tests/tools/hf_reference/run_reference.py): every tensor's type, shape and sha256, every metadata key's
// encoded value (general.* naming aside). Then HF -> Q4_K_M in one step must equal convert-then-quantize byte
// for byte, and both must equal llama-quantize's Q4_K_M of the converter's file, tensor by tensor.
#include <QTemporaryDir>
#include <QTest>

#include <filesystem>
#include <map>
#include <set>

#include "hf_synthetic_folder.h"
#include "qf/gguf/gguf_file.h"
#include "qf/hf/hf_convert.h"
#include "qf/hf/hf_tensor_source.h"
#include "qf/json_reader.h"
#include "qf/quant/preset.h"
#include "qf/quant/quantize_job.h"
#include "qf/sha256.h"
#include "test_support.h"

using namespace qf;
namespace fs = std::filesystem;

namespace {

const fs::path kData = fs::path(QF_SOURCE_DIR) / "tests/data/hf_convert";

struct TensorDigest {
    uint32_t type = 0;
    std::vector<uint64_t> shape;
    std::string sha256;
};

std::map<std::string, TensorDigest> readTensorDigests(const JsonValue& tensors) {
    std::map<std::string, TensorDigest> out;
    for (const auto& [name, t] : *tensors.asObject()) {
        TensorDigest d;
        d.type = uint32_t(*t.find("type")->asUInt());
        for (const auto& n : *t.find("shape")->asArray())
            d.shape.push_back(*n.asUInt());
        d.sha256 = *t.find("sha256")->asString();
        out[name] = d;
    }
    return out;
}

template <class T> void appendPod(std::vector<uint8_t>& out, T v) {
    const auto* p = reinterpret_cast<const uint8_t*>(&v);
    out.insert(out.end(), p, p + sizeof v);
}

void appendString(std::vector<uint8_t>& out, const std::string& s) {
    appendPod<uint64_t>(out, s.size());
    out.insert(out.end(), s.begin(), s.end());
}

void appendArrayBody(std::vector<uint8_t>& out, const gguf::Array& a) {
    appendPod<uint32_t>(out, uint32_t(a.elementType()));
    appendPod<uint64_t>(out, a.size());
    if (a.elementType() == gguf::ValueType::String) {
        for (const auto& s : a.strings())
            appendString(out, s);
    } else if (a.elementType() == gguf::ValueType::Array) {
        for (const auto& inner : a.arrays())
            appendArrayBody(out, inner);
    } else {
        out.insert(out.end(), a.raw().begin(), a.raw().end());
    }
}

// A value as GGUF encodes it after the key: its type, then its bytes (what gguf-py's ReaderField.parts[2:]
// hold), so a digest compares values exactly, floats included.
std::vector<uint8_t> encodeValue(const gguf::Value& v) {
    std::vector<uint8_t> out;
    appendPod<uint32_t>(out, uint32_t(v.type()));
    std::visit(
        [&out](const auto& x) {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, std::string>)
                appendString(out, x);
            else if constexpr (std::is_same_v<T, gguf::Array>)
                appendArrayBody(out, x);
            else if constexpr (std::is_same_v<T, bool>)
                appendPod<uint8_t>(out, x ? 1 : 0);
            else
                appendPod<T>(out, x);
        },
        v.data);
    return out;
}

// general.* keys name the model from its folder (and its size label from the parameter count): naming, not
// conversion; the rest of general.* is compared.
bool isNaming(const std::string& key) {
    return key.starts_with("general.") && key != "general.architecture" && key != "general.file_type" &&
           key != "general.quantization_version" && key != "general.type";
}

fs::path makeFolder(const fs::path& tmp, const std::string& arch, int shards,
                    test::hf::WeightDtype dtype = test::hf::WeightDtype::BF16) {
    test::hf::SyntheticOptions options;
    options.shards = shards;
    options.dtype = dtype;
    options.tokenizerDir = test::hf::usesSentencePiece(arch) ? test::sharedPath("models/qf-books-22m-hf")
                                                             : kData / test::hf::bpeTokenizerFor(arch);
    const fs::path folder = tmp / arch;
    if (!test::hf::writeSyntheticHfFolder(arch, folder, options)) return {};
    return folder;
}

} // namespace

class TestHfArchitectures : public QObject {
    Q_OBJECT

private slots:
    void matchesLlamaCppConverter_data() {
        QTest::addColumn<QString>("arch");
        QTest::addColumn<int>("shards");
        QTest::addColumn<int>("dtype");
        // BF16 checkpoints (the Mixture-of-Experts one in two shards), and FP8 e4m3 ones with 128x128 block
        // scales (weight_scale_inv), one of them with rotary Q/K rows to permute.
        for (const auto& arch : test::hf::syntheticArchitectures())
            QTest::newRow(arch.c_str()) << QString::fromStdString(arch) << (arch == "qwen3moe" ? 2 : 1)
                                        << int(test::hf::WeightDtype::BF16);
        for (const char* arch : {"qwen3", "llama-rope"})
            QTest::newRow((std::string(arch) + "-fp8").c_str())
                << QString::fromLatin1(arch) << 1 << int(test::hf::WeightDtype::F8E4M3);
        // gpt-oss as published: experts as MXFP4 blocks, kept as MXFP4 in the converted file.
        QTest::newRow("gpt-oss-mxfp4") << QStringLiteral("gpt-oss") << 1 << int(test::hf::WeightDtype::MXFP4);
    }

    void matchesLlamaCppConverter() {
        QFETCH(QString, arch);
        QFETCH(int, shards);
        QFETCH(int, dtype);
        QTemporaryDir dir;
        const fs::path folder =
            makeFolder(dir.path().toStdString(), arch.toStdString(), shards, test::hf::WeightDtype(dtype));
        QVERIFY(!folder.empty());
        auto reference = readJsonFile(kData / (std::string(QTest::currentDataTag()) + ".json"));
        QVERIFY2(reference.ok(), reference.ok() ? "" : reference.error().message.c_str());

        auto conv = hf::HfConversion::open(folder);
        QVERIFY2(conv.ok(), conv.ok() ? "" : conv.error().message.c_str());

        // Tensors: the same set, each with the same type, shape and bytes.
        const auto expected = readTensorDigests(*reference->find("tensors"));
        std::set<std::string> seen;
        for (size_t i = 0; i < conv->tensors().size(); ++i) {
            const auto& spec = conv->tensors()[i];
            const auto it = expected.find(spec.name);
            QVERIFY2(it != expected.end(), ("not in llama.cpp's file: " + spec.name).c_str());
            std::vector<uint8_t> bytes(conv->tensorByteSize(i));
            QVERIFY(conv->tensorData(i, bytes).ok());
            QCOMPARE(uint32_t(spec.type), it->second.type);
            QCOMPARE(spec.shape, it->second.shape);
            QVERIFY2(sha256Hex(bytes) == it->second.sha256, ("bytes differ: " + spec.name).c_str());
            seen.insert(spec.name);
        }
        QCOMPARE(seen.size(), expected.size());

        // Metadata: every key of either file, with the same encoded value.
        std::set<std::string> keys;
        std::string differences;
        for (const auto& [key, entry] : *reference->find("metadata")->asObject()) {
            if (isNaming(key)) continue;
            keys.insert(key);
            const gguf::Value* ours = conv->metadata().find(key);
            if (!ours)
                differences += "\n  missing " + key;
            else if (sha256Hex(encodeValue(*ours)) != *entry.find("sha256")->asString())
                differences += "\n  differs " + key + " = " + ours->toDisplayString();
        }
        for (const auto& entry : conv->metadata().entries())
            if (!isNaming(entry.key) && !keys.count(entry.key)) differences += "\n  extra " + entry.key;
        QVERIFY2(differences.empty(), differences.c_str());
    }

    void oneStepEqualsConvertThenQuantize_data() { matchesLlamaCppConverter_data(); }

    void oneStepEqualsConvertThenQuantize() {
        QFETCH(QString, arch);
        QFETCH(int, shards);
        QFETCH(int, dtype);
        QTemporaryDir dir;
        const fs::path tmp = dir.path().toStdString();
        const fs::path folder = makeFolder(tmp, arch.toStdString(), shards, test::hf::WeightDtype(dtype));
        QVERIFY(!folder.empty());
        auto conv = hf::HfConversion::open(folder);
        QVERIFY2(conv.ok(), conv.ok() ? "" : conv.error().message.c_str());
        QVERIFY(conv->write(tmp / "converted-f16.gguf").ok());
        auto converted = gguf::GgufFile::open(tmp / "converted-f16.gguf");
        QVERIFY(converted.ok());

        const auto* preset = quant::findPreset("Q4_K_M");
        QVERIFY(preset);
        hf::HfTensorSource virtualSource(*conv);
        // MXFP4 experts are already quantized: llama-quantize requantizes them only when allowed.
        quant::PlanOptions options;
        options.allowRequantize = test::hf::WeightDtype(dtype) == test::hf::WeightDtype::MXFP4;
        auto twoPlan = quant::makeQuantPlan(converted->metadata(), converted->tensors(), *preset, options);
        auto onePlan =
            quant::makeQuantPlan(virtualSource.metadata(), virtualSource.tensors(), *preset, options);
        QVERIFY2(twoPlan.ok(), twoPlan.ok() ? "" : twoPlan.error().message.c_str());
        QVERIFY(twoPlan.ok() && onePlan.ok());
        quant::QuantizeParams twoStep;
        twoStep.source = &*converted;
        twoStep.outputs.push_back({std::move(*twoPlan), tmp / "two.gguf"});
        quant::QuantizeParams oneStep;
        oneStep.tensorSource = &virtualSource;
        oneStep.outputs.push_back({std::move(*onePlan), tmp / "one.gguf"});
        auto r2 = quant::quantize(twoStep);
        QVERIFY2(r2.ok(), r2.ok() ? "" : r2.error().message.c_str());
        auto r1 = quant::quantize(oneStep);
        QVERIFY2(r1.ok(), r1.ok() ? "" : r1.error().message.c_str());
        const QByteArray one = test::readAll(tmp / "one.gguf");
        QVERIFY(one.size() > 100000);
        QVERIFY(one == test::readAll(tmp / "two.gguf"));

        // llama-quantize's Q4_K_M of llama.cpp's converted file, tensor by tensor.
        auto reference = readJsonFile(kData / (std::string(QTest::currentDataTag()) + ".json"));
        QVERIFY(reference.ok() && reference->find("q4_k_m"));
        const auto expected = readTensorDigests(*reference->find("q4_k_m"));
        auto ours = gguf::GgufFile::open(tmp / "one.gguf");
        QVERIFY(ours.ok());
        QCOMPARE(ours->tensors().size(), expected.size());
        for (const auto& t : ours->tensors()) {
            const auto it = expected.find(t.name);
            QVERIFY2(it != expected.end(), t.name.c_str());
            QVERIFY2(uint32_t(t.type) == it->second.type, ("type differs: " + t.name).c_str());
            QVERIFY2(sha256Hex(ours->tensorData(t)) == it->second.sha256,
                     ("bytes differ: " + t.name).c_str());
        }
    }

    // A preset that keeps MXFP4 (MXFP4_MOE) keeps gpt-oss's expert blocks exactly as converted.
    void mxfp4ExpertsKeptByMxfp4Moe() {
        QTemporaryDir dir;
        const fs::path tmp = dir.path().toStdString();
        const fs::path folder = makeFolder(tmp, "gpt-oss", 1, test::hf::WeightDtype::MXFP4);
        QVERIFY(!folder.empty());
        auto conv = hf::HfConversion::open(folder);
        QVERIFY2(conv.ok(), conv.ok() ? "" : conv.error().message.c_str());
        const auto* preset = quant::findPreset("MXFP4_MOE");
        QVERIFY(preset);
        hf::HfTensorSource source(*conv);
        auto plan = quant::makeQuantPlan(source.metadata(), source.tensors(), *preset);
        QVERIFY2(plan.ok(), plan.ok() ? "" : plan.error().message.c_str());
        quant::QuantizeParams params;
        params.tensorSource = &source;
        params.outputs.push_back({std::move(*plan), tmp / "mxfp4-moe.gguf"});
        auto r = quant::quantize(params);
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
        auto out = gguf::GgufFile::open(tmp / "mxfp4-moe.gguf");
        QVERIFY(out.ok());
        int kept = 0;
        for (size_t i = 0; i < conv->tensors().size(); ++i) {
            const auto& spec = conv->tensors()[i];
            if (spec.type != GgmlType::MXFP4) continue;
            const gguf::TensorInfo* t = nullptr;
            for (const auto& candidate : out->tensors())
                if (candidate.name == spec.name) t = &candidate;
            QVERIFY2(t && t->type == GgmlType::MXFP4, spec.name.c_str());
            std::vector<uint8_t> bytes(conv->tensorByteSize(i));
            QVERIFY(conv->tensorData(i, bytes).ok());
            const auto kept_bytes = out->tensorData(*t);
            QVERIFY(std::equal(bytes.begin(), bytes.end(), kept_bytes.begin(), kept_bytes.end()));
            ++kept;
        }
        QCOMPARE(kept, 6); // gate, up, down experts of 2 layers
    }

    // Folders whose config.json disagrees with their weights, or whose quantization cannot be read, are
    // refused with a message that names the problem.
    void inconsistentFoldersAreRefused_data() {
        QTest::addColumn<QString>("arch");
        QTest::addColumn<int>("dtype");
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("message");
        const int bf16 = int(test::hf::WeightDtype::BF16), fp8 = int(test::hf::WeightDtype::F8E4M3),
                  mxfp4 = int(test::hf::WeightDtype::MXFP4);
        QTest::newRow("expert count") << "qwen3moe" << bf16 << "\"num_experts\": 4"
                                      << "\"num_experts\": 5"
                                      << "has 4 experts, but the config says 5";
        QTest::newRow("fp8 without config") << "qwen3" << fp8 << "\"quant_method\": \"fp8\""
                                            << "\"quant_method\": \"gptq\""
                                            << "\"gptq\" are not supported";
        QTest::newRow("fp8 block size") << "qwen3" << fp8 << "[128, 128]"
                                        << "[64, 128]"
                                        << "has the wrong shape for 64x128 blocks";
        QTest::newRow("mxfp4 not declared") << "gpt-oss" << mxfp4 << "\"quant_method\": \"mxfp4\""
                                            << "\"quant_method\": \"fp8\""
                                            << "holds MXFP4 blocks";
        QTest::newRow("latent heads") << "deepseek2" << bf16 << "\"v_head_dim\": 64"
                                      << "\"v_head_dim\": 32"
                                      << "is not [4 heads x (qk_nope_head_dim + v_head_dim), kv_lora_rank]";
        QTest::newRow("yarn context") << "gpt-oss" << bf16 << "\"original_max_position_embeddings\": 4096, "
                                      << ""
                                      << "yarn rope scaling needs";
        // Phi-3's long-context factors: one per rotated pair in each list, of a rope type it knows.
        QTest::newRow("longrope factors")
            << "phi3-longrope" << bf16 << "\"short_factor\": ["
            << "\"short_factor\": [1.5, "
            << "must have 32 values each (half the 64 rotated dimensions), not 32 and 33";
        QTest::newRow("longrope type") << "phi3-longrope" << bf16 << "\"type\": \"longrope\""
                                       << "\"type\": \"dynamic\""
                                       << "Phi-3 rope scaling \"dynamic\" is not supported";
    }

    void inconsistentFoldersAreRefused() {
        QFETCH(QString, arch);
        QFETCH(int, dtype);
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const fs::path folder =
            makeFolder(dir.path().toStdString(), arch.toStdString(), 1, test::hf::WeightDtype(dtype));
        QVERIFY(!folder.empty());
        QByteArray config = test::readAll(folder / "config.json");
        QVERIFY(config.contains(from.toUtf8()));
        config.replace(from.toUtf8(), to.toUtf8());
        QVERIFY(test::writeAll(folder / "config.json", config));
        auto conv = hf::HfConversion::open(folder);
        QVERIFY(!conv.ok());
        QVERIFY2(conv.error().message.find(message.toStdString()) != std::string::npos,
                 conv.error().message.c_str());
    }

    void generatorIsDeterministic() {
        QTemporaryDir dir;
        const fs::path tmp = dir.path().toStdString();
        const fs::path a = makeFolder(tmp / "a", "qwen3moe", 2);
        const fs::path b = makeFolder(tmp / "b", "qwen3moe", 2);
        QVERIFY(!a.empty() && !b.empty());
        for (const char* f : {"config.json", "model-00001-of-00002.safetensors",
                              "model-00002-of-00002.safetensors", "model.safetensors.index.json"}) {
            const QByteArray x = test::readAll(a / f);
            QVERIFY(!x.isEmpty());
            QVERIFY2(x == test::readAll(b / f), f);
        }
    }
};

QTEST_GUILESS_MAIN(TestHfArchitectures)
#include "test_hf_architectures.moc"
