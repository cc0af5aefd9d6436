// Merging a LoRA adapter into its base (lora_merge.h). The reference is computed here from the adapter's
// raw safetensors, in Hugging Face layout as PEFT's merge_and_unload does (W + B·A·alpha/r, in double),
// then moved into GGUF row order with the rotary Q/K permutation written out here (convert_hf_to_gguf.py's
// permute: reshape(heads, 2, rows/heads/2, cols).swapaxes(1, 2)); our merge must give the same F16 values
// (within one F16 rounding step). The GGUF LoRA route gives the same bytes as the folder route; a quantized
// base is refused without --dequantize (with the QLoRA message for a QLoRA adapter) and merged after
// widening with it; `merge --types Q4_K_M` equals merging then quantizing, byte for byte.
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>

#include "cli_runner.h"
#include "hf_synthetic_lora.h"
#include "qf/fp16.h"
#include "qf/gguf/gguf_file.h"
#include "qf/hf/hf_convert.h"
#include "qf/hf/lora_merge.h"
#include "qf/hf/safetensors.h"
#include "qf/quant/kernels.h"
#include "test_support.h"

using namespace qf;
namespace fs = std::filesystem;

namespace {
const fs::path kData = fs::path(QF_SOURCE_DIR) / "tests/data/hf_convert";

// The synthetic base: 4 heads, 2 KV heads, head size 64.
const std::map<std::string, std::pair<std::string, uint32_t>> kTargets = {
    {"self_attn.q_proj", {"attn_q", 4}},   {"self_attn.k_proj", {"attn_k", 2}}, {"self_attn.v_proj", {"attn_v", 0}},
    {"self_attn.o_proj", {"attn_output", 0}}, {"mlp.gate_proj", {"ffn_gate", 0}}, {"mlp.up_proj", {"ffn_up", 0}},
    {"mlp.down_proj", {"ffn_down", 0}}};

std::vector<double> rawMatrix(const hf::SafetensorsModel& st, const std::string& name, uint64_t& rows, uint64_t& cols) {
    for (const auto& t : st.tensors())
        if (t.name == name) {
            rows = t.shape[0];
            cols = t.shape[1];
            auto bytes = st.data(t);
            std::vector<double> v(size_t(rows * cols));
            for (size_t i = 0; i < v.size(); ++i) {
                uint16_t h;
                std::memcpy(&h, bytes.data() + 2 * i, 2);
                uint32_t bits = uint32_t(h) << 16; // BF16
                float f;
                std::memcpy(&f, &bits, 4);
                v[i] = f;
            }
            return v;
        }
    return {};
}

// GGUF tensor name -> the expected delta (GGUF row order, rows x cols), from the adapter's raw tensors.
std::map<std::string, std::vector<double>> referenceDeltas(const fs::path& adapter, double scale) {
    std::map<std::string, std::vector<double>> out;
    auto st = hf::SafetensorsModel::open(adapter / "adapter_model.safetensors");
    if (!st) return out;
    for (uint32_t layer = 0; layer < 2; ++layer)
        for (const auto& [module, target] : kTargets) {
            const std::string prefix = "base_model.model.model.layers." + std::to_string(layer) + "." + module;
            uint64_t ar = 0, ac = 0, br = 0, bc = 0;
            const auto a = rawMatrix(*st, prefix + ".lora_A.weight", ar, ac); // [r, in]
            const auto b = rawMatrix(*st, prefix + ".lora_B.weight", br, bc); // [out, r]
            std::vector<double> hfDelta(size_t(br * ac));
            for (uint64_t o = 0; o < br; ++o)
                for (uint64_t i = 0; i < ac; ++i) {
                    double s = 0;
                    for (uint64_t k = 0; k < ar; ++k) s += b[o * bc + k] * a[k * ac + i];
                    hfDelta[o * ac + i] = s * scale;
                }
            std::vector<double> gguf = hfDelta;
            if (const uint32_t heads = target.second) {
                const uint64_t per = br / heads, half = per / 2;
                for (uint64_t h = 0; h < heads; ++h)
                    for (uint64_t t = 0; t < 2; ++t)
                        for (uint64_t j = 0; j < half; ++j)
                            std::memcpy(&gguf[(h * per + j * 2 + t) * ac], &hfDelta[(h * per + t * half + j) * ac],
                                        ac * sizeof(double));
            }
            out["blk." + std::to_string(layer) + "." + target.first + ".weight"] = std::move(gguf);
        }
    return out;
}

std::vector<float> widened(const gguf::GgufFile& f, const gguf::TensorInfo& t) {
    uint64_t n = 1;
    for (auto d : t.shape) n *= d;
    std::vector<float> v(static_cast<size_t>(n));
    quant::dequantizeRow(t.type, f.tensorData(t).data(), v.data(), int64_t(n));
    return v;
}

} // namespace

class TestLoraMerge : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    fs::path dir() const { return fs::path(m_dir.path().toStdString()); }
    fs::path baseFolder() const { return dir() / "llama-rope"; }
    fs::path adapter() const { return dir() / "adapter"; }
    fs::path baseGguf() const { return dir() / "base-f16.gguf"; }
    QString q(const fs::path& p) const { return QString::fromStdString(p.string()); }

    // Every tensor of `merged` against base + reference delta; `baseFile` gives the base values.
    // `scale`: PEFT's scaling, lora_alpha / r = 16 / 8 for the synthetic adapter.
    void checkMerged(const fs::path& merged, const fs::path& baseFile, double scale = 16.0 / 8.0) {
        auto deltas = referenceDeltas(adapter(), scale);
        QCOMPARE(deltas.size(), size_t(14));
        auto out = gguf::GgufFile::open(merged);
        auto base = gguf::GgufFile::open(baseFile);
        QVERIFY(out.ok() && base.ok());
        QCOMPARE(out->tensors().size(), base->tensors().size());
        size_t changed = 0, total = 0;
        for (size_t i = 0; i < out->tensors().size(); ++i) {
            const auto& t = out->tensors()[i];
            const auto& b = base->tensors()[i];
            QCOMPARE(t.name, b.name);
            auto it = deltas.find(t.name);
            if (it == deltas.end()) {
                if (t.type == b.type) QVERIFY2(sha256Equal(*out, t, *base, b), t.name.c_str());
                continue;
            }
            QCOMPARE(t.type, GgmlType::F16);
            const auto ours = widened(*out, t), before = widened(*base, b);
            QCOMPARE(ours.size(), it->second.size());
            for (size_t e = 0; e < ours.size(); ++e) {
                const float ref = fp16ToFp32(fp32ToFp16(float(double(before[e]) + it->second[e])));
                // One F16 step: the float and double sums may round to neighbours (2^-24 among subnormals).
                const float ulp = std::max(std::abs(ref) / 1024.0f, 5.9605e-8f) * 1.001f;
                if (std::abs(ours[e] - ref) > ulp)
                    QFAIL(qPrintable(QStringLiteral("%1[%2]: %3, expected %4").arg(QString::fromStdString(t.name))
                                         .arg(e).arg(ours[e]).arg(ref)));
                changed += ours[e] != before[e];
                ++total;
            }
        }
        // The update is not lost in rounding: most merged values differ from the base's.
        QVERIFY2(changed > total / 2, qPrintable(QStringLiteral("%1 of %2 changed").arg(changed).arg(total)));
    }

    static bool sha256Equal(const gguf::GgufFile& a, const gguf::TensorInfo& ta, const gguf::GgufFile& b,
                            const gguf::TensorInfo& tb) {
        const auto x = a.tensorData(ta), y = b.tensorData(tb);
        return x.size() == y.size() && std::memcmp(x.data(), y.data(), x.size()) == 0;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        test::hf::SyntheticOptions options;
        options.tokenizerDir = kData / "qwen3-tokenizer";
        QVERIFY(test::hf::writeSyntheticHfFolder("llama-rope", baseFolder(), options));
        QVERIFY(test::hf::writeSyntheticLoraAdapter(adapter(), "../llama-rope"));
        hf::ConvertOptions f16; // the folder is BF16: its default conversion would be BF16
        f16.outType = hf::OutType::F16;
        auto conversion = hf::HfConversion::open(baseFolder(), f16);
        QVERIFY(conversion.ok());
        QVERIFY(conversion->write(baseGguf()).ok());
    }

    void mergesAsPeft() {
        const fs::path out = dir() / "merged.gguf";
        auto run = test::runCli({QStringLiteral("merge"), q(baseGguf()), q(adapter()), QStringLiteral("-o"), q(out)});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.out.contains("14 weights merged"), run.out.constData());
        checkMerged(out, baseGguf());

        // The HF folder as the base (converted on the fly, in its own type: BF16) gives the same file as
        // merging into its converted GGUF.
        const fs::path bf16Base = dir() / "base-bf16.gguf", intoBf16 = dir() / "merged-bf16.gguf";
        auto conversion = hf::HfConversion::open(baseFolder());
        QVERIFY(conversion.ok() && conversion->outType() == hf::OutType::BF16);
        QVERIFY(conversion->write(bf16Base).ok());
        run = test::runCli({QStringLiteral("merge"), q(bf16Base), q(adapter()), QStringLiteral("-o"), q(intoBf16)});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const fs::path fromFolder = dir() / "merged-from-folder.gguf";
        run = test::runCli({QStringLiteral("merge"), q(baseFolder()), q(adapter()), QStringLiteral("-o"), q(fromFolder)});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(test::readAll(fromFolder), test::readAll(intoBf16));
    }

    void ggufAdapterGivesSameBytes() {
        auto run = test::runCli({QStringLiteral("convert"), q(adapter()), QStringLiteral("--base"), q(baseFolder()),
                                 QStringLiteral("-o"), q(dir() / "adapter.gguf")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const fs::path out = dir() / "merged-gguf-adapter.gguf";
        run = test::runCli({QStringLiteral("merge"), q(baseGguf()), q(dir() / "adapter.gguf"), QStringLiteral("-o"), q(out)});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        checkMerged(out, baseGguf());
        // A model given as the adapter is refused.
        run = test::runCli({QStringLiteral("merge"), q(baseGguf()), q(baseGguf()), QStringLiteral("-o"), q(dir() / "x.gguf")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("not a GGUF LoRA adapter"), run.err.constData());
    }

    void rankStabilizedScale() {
        // use_rslora: PEFT scales by alpha / sqrt(r).
        const fs::path rs = dir() / "rslora-adapter";
        fs::create_directories(rs);
        fs::copy_file(adapter() / "adapter_model.safetensors", rs / "adapter_model.safetensors");
        std::string config = test::readAll(adapter() / "adapter_config.json").toStdString();
        config.insert(config.find('{') + 1, R"("use_rslora": true,)");
        std::ofstream(rs / "adapter_config.json") << config;
        const fs::path out = dir() / "merged-rslora.gguf";
        auto run = test::runCli({QStringLiteral("merge"), q(baseGguf()), q(rs), QStringLiteral("--base"), q(baseFolder()),
                                 QStringLiteral("-o"), q(out)});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        checkMerged(out, baseGguf(), 16.0 / std::sqrt(8.0));
    }

    void quantizedBaseNeedsDequantize() {
        const fs::path q8 = dir() / "base-Q8_0.gguf";
        auto run = test::runCli({QStringLiteral("quantize"), q(baseGguf()), QStringLiteral("--types"), QStringLiteral("Q8_0"),
                                 QStringLiteral("-o"), q(q8), QStringLiteral("--no-lock")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        run = test::runCli({QStringLiteral("merge"), q(q8), q(adapter()), QStringLiteral("-o"), q(dir() / "m.gguf")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("--dequantize") && run.err.contains("Q8_0"), run.err.constData());
        QVERIFY(!fs::exists(dir() / "m.gguf"));

        // The QLoRA gate: its own message.
        const fs::path qlora = dir() / "qlora-adapter";
        QVERIFY(test::hf::writeSyntheticLoraAdapter(qlora, "", true));
        run = test::runCli({QStringLiteral("merge"), q(q8), q(qlora), QStringLiteral("--base"), q(baseFolder()),
                            QStringLiteral("-o"), q(dir() / "m.gguf")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("QLoRA") && run.err.contains("--dequantize"), run.err.constData());

        // With --dequantize: the Q8_0 base widened to F16, then merged.
        const fs::path out = dir() / "merged-dequantized.gguf";
        run = test::runCli({QStringLiteral("merge"), q(q8), q(adapter()), QStringLiteral("--base"), q(baseFolder()),
                            QStringLiteral("--dequantize"), QStringLiteral("-o"), q(out)});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.out.contains("widened to F16"), run.out.constData());
        checkMerged(out, q8);
        auto file = gguf::GgufFile::open(out);
        QVERIFY(file.ok());
        QCOMPARE(file->metadata().getUInt("general.file_type").value_or(0), uint64_t(1));
        for (const auto& t : file->tensors()) QVERIFY2(!ggmlTypeTraits(t.type).quantized, t.name.c_str());
    }

    void straightIntoPreset() {
        const fs::path merged = dir() / "merged.gguf";
        QVERIFY(fs::exists(merged));
        const fs::path oneStep = dir() / "one-step-Q4_K_M.gguf", twoStep = dir() / "two-step-Q4_K_M.gguf";
        auto run = test::runCli({QStringLiteral("merge"), q(baseGguf()), q(adapter()), QStringLiteral("--types"),
                                 QStringLiteral("Q4_K_M"), QStringLiteral("-o"), q(oneStep)});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        run = test::runCli({QStringLiteral("quantize"), q(merged), QStringLiteral("--types"), QStringLiteral("Q4_K_M"),
                            QStringLiteral("-o"), q(twoStep), QStringLiteral("--no-lock")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(test::readAll(oneStep).size() > 0);
        QCOMPARE(test::readAll(oneStep), test::readAll(twoStep));
    }
};

QTEST_GUILESS_MAIN(TestLoraMerge)
#include "test_lora_merge.moc"
