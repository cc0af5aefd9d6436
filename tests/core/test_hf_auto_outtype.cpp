// The converter's default output type follows the checkpoint, as llama.cpp's `--outtype auto` (its default)
// decides it: a BF16 checkpoint converts to BF16 (and quantizes from its own values in one step), an F16 one
// to F16, anything else to F16. The rule, tensor order included, on hand-made safetensors; the default, the
// explicit types and the file names on synthetic folders; a BF16 folder whose values F16 would change
// (tiny magnitudes, one over 65504) keeps them. test_hf_architectures checks the same folder's conversion
// and one-step Q4_K_M against llama.cpp's convert (auto) + llama-quantize digests.
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "cli_runner.h"
#include "hf_synthetic_folder.h"
#include "qf/fp16.h"
#include "qf/hf/hf_convert.h"
#include "qf/hf/safetensors.h"

using namespace qf;
namespace fs = std::filesystem;
using test::hf::detail::Blob;

namespace {

const fs::path kData = fs::path(QF_SOURCE_DIR) / "tests/data/hf_convert";

Blob blob(const std::string& name, const char* dtype, std::vector<uint64_t> shape) {
    uint64_t n = 1;
    for (uint64_t d : shape)
        n *= d;
    const std::string_view d(dtype);
    const uint64_t size = d == "F32" ? 4 : d == "U8" || d == "F8_E4M3" ? 1 : 2;
    return Blob{name, dtype, std::move(shape), std::vector<uint8_t>(n * size)};
}

fs::path makeFolder(const fs::path& tmp, const std::string& arch, test::hf::WeightDtype dtype) {
    test::hf::SyntheticOptions options;
    options.dtype = dtype;
    options.tokenizerDir = kData / test::hf::bpeTokenizerFor(arch);
    const fs::path folder = tmp / arch;
    if (!test::hf::writeSyntheticHfFolder(arch, folder, options)) return {};
    return folder;
}

} // namespace

class TestHfAutoOuttype : public QObject {
    Q_OBJECT

private slots:
    void parsesAndNames() {
        QVERIFY(hf::parseOutType("auto") == hf::OutType::Auto);
        QCOMPARE(hf::outTypeName(hf::OutType::Auto), std::string_view("auto"));
        QVERIFY(hf::ConvertOptions{}.outType == hf::OutType::Auto);
    }

    // One safetensors file, its tensors written in the given order; the type Auto gives.
    void ruleOnOneFile_data() {
        QTest::addColumn<QByteArrayList>("tensors"); // "name:dtype:dims"
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("bf16") << QByteArrayList{"model.embed_tokens.weight:BF16:2",
                                                "model.norm.weight:BF16:1"}
                              << QByteArray("bf16");
        QTest::newRow("f16") << QByteArrayList{"model.embed_tokens.weight:F16:2"} << QByteArray("f16");
        QTest::newRow("f32 gives f16")
            << QByteArrayList{"model.embed_tokens.weight:F32:2"} << QByteArray("f16");
        QTest::newRow("no 2-D tensor") << QByteArrayList{"model.norm.weight:BF16:1"} << QByteArray("f16");
        // 1-D tensors never decide, even sorted first.
        QTest::newRow("1-D passed over")
            << QByteArrayList{"a.norm.weight:BF16:1", "b.weight:F16:2"} << QByteArray("f16");
        // A 2-D tensor neither BF16 nor F16 is passed over, not a decision for F16.
        QTest::newRow("f32 passed over")
            << QByteArrayList{"a.weight:F32:2", "b.weight:BF16:2"} << QByteArray("bf16");
        // FP8 weights and their F32 scales are passed over: the BF16 rest decides (DeepSeek-V3, Qwen3-FP8).
        QTest::newRow("fp8") << QByteArrayList{"lm_head.weight:BF16:2", "model.a.weight:F8_E4M3:2",
                                               "model.a.weight_scale_inv:F32:2"}
                             << QByteArray("bf16");
        QTest::newRow("fp8 first") << QByteArrayList{"a.weight:F8_E4M3:2", "a.weight_scale_inv:F32:2",
                                                     "b.weight:BF16:2"}
                                   << QByteArray("bf16");
        // MXFP4 expert blocks are bytes (gpt-oss).
        QTest::newRow("mxfp4") << QByteArrayList{"a.experts.down_proj_blocks:U8:2", "b.weight:BF16:2"}
                               << QByteArray("bf16");
        // The order is the sorted tensor names, not the order in the file.
        QTest::newRow("name order") << QByteArrayList{"z.weight:BF16:2", "a.weight:F16:2"}
                                    << QByteArray("f16");
        QTest::newRow("name order 2")
            << QByteArrayList{"z.weight:F16:2", "a.weight:BF16:2"} << QByteArray("bf16");
    }

    void ruleOnOneFile() {
        QFETCH(QByteArrayList, tensors);
        QFETCH(QByteArray, expected);
        QTemporaryDir dir;
        std::vector<Blob> blobs;
        for (const QByteArray& t : tensors) {
            const QByteArrayList parts = t.split(':');
            const char* dtype = nullptr; // Blob holds a const char*
            for (const char* known : {"BF16", "F16", "F32", "U8", "F8_E4M3"})
                if (parts[1] == known) dtype = known;
            QVERIFY(dtype);
            blobs.push_back(blob(parts[0].toStdString(), dtype,
                                 parts[2] == "1" ? std::vector<uint64_t>{4} : std::vector<uint64_t>{2, 4}));
        }
        const fs::path file = fs::path(dir.path().toStdString()) / "model.safetensors";
        QVERIFY(test::hf::detail::writeSafetensors(file, blobs));
        auto model = hf::SafetensorsModel::open(file);
        QVERIFY2(model.ok(), model.ok() ? "" : model.error().message.c_str());
        QCOMPARE(QByteArray(hf::outTypeName(hf::autoOutType(*model)).data()), expected);
    }

    // Shards are read in sorted file-name order, whatever order the index lists them in.
    void shardOrderDecides() {
        for (const bool bf16First : {true, false}) {
            QTemporaryDir dir;
            const fs::path folder = dir.path().toStdString();
            const char* first = bf16First ? "BF16" : "F16";
            const char* second = bf16First ? "F16" : "BF16";
            // Tensor names sort the other way round from the shards, so only the shard order can decide.
            QVERIFY(test::hf::detail::writeSafetensors(folder / "model-00001-of-00002.safetensors",
                                                       {blob("z.weight", first, {2, 4})}));
            QVERIFY(test::hf::detail::writeSafetensors(folder / "model-00002-of-00002.safetensors",
                                                       {blob("a.weight", second, {2, 4})}));
            std::ofstream(folder / "model.safetensors.index.json")
                << R"({"metadata": {}, "weight_map": {"a.weight": "model-00002-of-00002.safetensors", )"
                << R"("z.weight": "model-00001-of-00002.safetensors"}})";
            auto model = hf::SafetensorsModel::open(folder);
            QVERIFY2(model.ok(), model.ok() ? "" : model.error().message.c_str());
            QVERIFY(hf::autoOutType(*model) == (bf16First ? hf::OutType::BF16 : hf::OutType::F16));
        }
    }

    // A folder converts to its own type by default; an explicit type is still honoured.
    void folderDefaultFollowsTheSource_data() {
        QTest::addColumn<int>("dtype");
        QTest::addColumn<int>("ggml");
        QTest::addColumn<uint>("fileType");
        QTest::newRow("bf16") << int(test::hf::WeightDtype::BF16) << int(GgmlType::BF16) << 32u;
        QTest::newRow("f16") << int(test::hf::WeightDtype::F16) << int(GgmlType::F16) << 1u;
        QTest::newRow("f32") << int(test::hf::WeightDtype::F32) << int(GgmlType::F16) << 1u;
        // The generator's FP8 folder has every 2-D weight in FP8 (embedding and output too), so nothing
        // decides: F16. (A published one keeps its embedding BF16: see ruleOnOneFile's "fp8".)
        QTest::newRow("fp8") << int(test::hf::WeightDtype::F8E4M3) << int(GgmlType::F16) << 1u;
    }

    void folderDefaultFollowsTheSource() {
        QFETCH(int, dtype);
        QFETCH(int, ggml);
        QFETCH(uint, fileType);
        QTemporaryDir dir;
        const fs::path folder =
            makeFolder(dir.path().toStdString(), "llama-rope", test::hf::WeightDtype(dtype));
        QVERIFY(!folder.empty());
        auto conv = hf::HfConversion::open(folder);
        QVERIFY2(conv.ok(), conv.ok() ? "" : conv.error().message.c_str());
        QCOMPARE(int(conv->outType() == hf::OutType::BF16 ? GgmlType::BF16 : GgmlType::F16), ggml);
        QCOMPARE(conv->metadata().getUInt("general.file_type").value_or(99), uint64_t(fileType));
        int twoD = 0;
        for (const auto& spec : conv->tensors()) {
            if (spec.name == "token_embd.weight" || spec.name == "output.weight" ||
                spec.name.ends_with("attn_q.weight")) {
                QCOMPARE(int(spec.type), ggml);
                ++twoD;
            }
            if (spec.shape.size() == 1) QCOMPARE(spec.type, GgmlType::F32);
        }
        QVERIFY(twoD >= 3);
        QCOMPARE(hf::defaultConvertedPath(folder, conv->outType()).filename().string(),
                 std::string("llama-rope-") + (ggml == int(GgmlType::BF16) ? "bf16" : "f16") + ".gguf");

        for (hf::OutType explicitType : {hf::OutType::F32, hf::OutType::F16, hf::OutType::BF16}) {
            hf::ConvertOptions options;
            options.outType = explicitType;
            auto fixed = hf::HfConversion::open(folder, options);
            QVERIFY(fixed.ok());
            QVERIFY(fixed->outType() == explicitType);
            for (const auto& spec : fixed->tensors())
                if (spec.name == "token_embd.weight")
                    QCOMPARE(spec.type, explicitType == hf::OutType::F32   ? GgmlType::F32
                                        : explicitType == hf::OutType::F16 ? GgmlType::F16
                                                                           : GgmlType::BF16);
        }
    }

    // The wide-range BF16 folder: converted by default, every 2-D weight holds the checkpoint's bytes
    // (nothing rounded); F16 would have changed them (subnormals, an infinity), so the folder tests
    // something.
    void wideRangeBf16KeepsItsValues() {
        QTemporaryDir dir;
        const fs::path folder =
            makeFolder(dir.path().toStdString(), "llama-rope-wide-range", test::hf::WeightDtype::BF16);
        QVERIFY(!folder.empty());
        auto conv = hf::HfConversion::open(folder);
        hf::ConvertOptions f16;
        f16.outType = hf::OutType::F16;
        auto asF16 = hf::HfConversion::open(folder, f16);
        QVERIFY(conv.ok() && asF16.ok());
        const auto* down = conv->weights().find("model.layers.0.mlp.down_proj.weight");
        QVERIFY(down && down->dtype == hf::StDtype::BF16);
        size_t infinities = 0, subnormalChanges = 0, checked = 0;
        for (size_t i = 0; i < conv->tensors().size(); ++i) {
            const auto& spec = conv->tensors()[i];
            if (spec.type != GgmlType::BF16) continue;
            std::vector<uint8_t> ours(conv->tensorByteSize(i)), rounded(asF16->tensorByteSize(i));
            QVERIFY(conv->tensorData(i, ours).ok() && asF16->tensorData(i, rounded).ok());
            const auto* b = reinterpret_cast<const uint16_t*>(ours.data());
            const auto* h = reinterpret_cast<const uint16_t*>(rounded.data());
            for (size_t k = 0; k < ours.size() / 2; ++k) {
                const float v = bf16ToFp32(b[k]), r = fp16ToFp32(h[k]);
                if (std::isinf(r))
                    ++infinities;
                else if (r != v && std::fabs(v) < 6.1e-5f)
                    ++subnormalChanges;
            }
            ++checked;
            if (spec.name == "blk.0.ffn_down.weight") {
                // The source's bytes unchanged (no row permutation on ffn_down).
                const auto src = conv->weights().data(*down);
                QVERIFY(std::equal(ours.begin(), ours.end(), src.begin(), src.end()));
                bool big = false;
                for (size_t k = 0; k < ours.size() / 2; ++k)
                    big = big || bf16ToFp32(b[k]) == 70144.0f;
                QVERIFY(big);
            }
        }
        QVERIFY(checked >= 10);
        QCOMPARE(infinities, size_t(1));
        QVERIFY2(subnormalChanges > 1000, qPrintable(QString::number(subnormalChanges)));
    }

    // The CLI: `convert` names its output after the resolved type; --outtype auto and f16 are accepted.
    void cliConvertDefaultsToAuto() {
        QTemporaryDir dir;
        const fs::path tmp = dir.path().toStdString();
        const fs::path folder = makeFolder(tmp, "llama-rope", test::hf::WeightDtype::BF16);
        QVERIFY(!folder.empty());
        auto r = test::runCli({QStringLiteral("convert"), QString::fromStdString(folder.string())});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(fs::is_regular_file(tmp / "llama-rope-bf16.gguf"));
        QVERIFY2(r.out.contains(", bf16,"), r.out.constData());
        r = test::runCli({QStringLiteral("convert"), QString::fromStdString(folder.string()),
                          QStringLiteral("--outtype"), QStringLiteral("f16")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(fs::is_regular_file(tmp / "llama-rope-f16.gguf"));
        r = test::runCli({QStringLiteral("convert"), QString::fromStdString(folder.string()),
                          QStringLiteral("--outtype"), QStringLiteral("auto"),
                          QStringLiteral("--overwrite")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = test::runCli({QStringLiteral("convert"), QString::fromStdString(folder.string()),
                          QStringLiteral("--outtype"), QStringLiteral("q8")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("auto"));
    }
};

QTEST_GUILESS_MAIN(TestHfAutoOuttype)
#include "test_hf_auto_outtype.moc"
