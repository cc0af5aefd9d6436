// Llama 3.1 rope scaling in the Hugging Face converter: rope_scaling {"rope_type": "llama3", ...} becomes
// llama.cpp's F32 tensor rope_freqs.weight (first in the file, one divisor per rotated pair, no metadata
// keys), which the engine then reads. Expected divisors come from the formula evaluated in double.
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <numbers>

#include "qf/eval/llama_model.h"
#include "qf/hf/hf_convert.h"
#include "test_support.h"

using namespace qf;
namespace fs = std::filesystem;

namespace {

const fs::path kHfFolder = test::sharedPath("models/qf-books-22m-hf");

// The shared model's config (head size 32, rope_theta 10000) with a rope_scaling entry.
fs::path makeFolder(const QTemporaryDir& dir, const std::string& ropeScaling) {
    const fs::path folder = fs::path(dir.path().toStdString()) / "scaled-22m";
    fs::create_directories(folder);
    std::string config = test::readAll(kHfFolder / "config.json").toStdString();
    const size_t brace = config.rfind('}');
    config.insert(brace, ",\"rope_scaling\":" + ropeScaling + "\n");
    std::ofstream(folder / "config.json") << config;
    for (const char* f : {"tokenizer.model", "tokenizer_config.json", "special_tokens_map.json"})
        fs::copy_file(kHfFolder / f, folder / f);
    fs::create_symlink(kHfFolder / "model.safetensors", folder / "model.safetensors");
    return folder;
}

// transformers' _compute_llama3_parameters as a divisor of each pair's frequency, in double.
double expectedFactor(uint32_t pair, uint32_t dims, double base, double factor, double low, double high,
                      double oldContext) {
    const double freq = 1.0 / std::pow(base, 2.0 * pair / dims);
    const double wavelen = 2 * std::numbers::pi / freq;
    if (wavelen < oldContext / high) return 1.0;
    if (wavelen > oldContext / low) return factor;
    const double smooth = (oldContext / wavelen - low) / (high - low);
    return 1.0 / ((1 - smooth) / factor + smooth);
}

} // namespace

class TestHfRopeScaling : public QObject {
    Q_OBJECT

private slots:
    void llama3ScalingGivesRopeFreqs() {
        QTemporaryDir dir;
        const fs::path folder = makeFolder(
            dir, R"({"rope_type":"llama3","factor":8.0,"low_freq_factor":1.0,"high_freq_factor":4.0,)"
                 R"("original_max_position_embeddings":8192})");
        auto conv = hf::HfConversion::open(folder);
        QVERIFY2(conv.ok(), conv.ok() ? "" : conv.error().message.c_str());
        QVERIFY(!conv->metadata().find("llama.rope.scaling.type"));
        const auto& first = conv->tensors().front();
        QCOMPARE(first.name, std::string("rope_freqs.weight"));
        QCOMPARE(first.type, GgmlType::F32);
        QCOMPARE(first.shape, (std::vector<uint64_t>{16}));
        QCOMPARE(conv->tensors()[1].name, std::string("token_embd.weight"));

        std::vector<float> factors(16);
        QVERIFY(conv->tensorData(0, {reinterpret_cast<uint8_t*>(factors.data()), 64}).ok());
        int ones = 0, full = 0, smooth = 0;
        for (uint32_t i = 0; i < 16; ++i) {
            const double want = expectedFactor(i, 32, 10000.0, 8.0, 1.0, 4.0, 8192.0);
            QVERIFY2(std::abs(factors[i] - want) <= 1e-5 * want, qPrintable(QString::number(i)));
            ones += want == 1.0;
            full += want == 8.0;
            smooth += want != 1.0 && want != 8.0;
        }
        QVERIFY(ones > 0 && full > 0 && smooth > 0); // all three branches are used

        // The engine reads them back from the written file.
        const fs::path out = fs::path(dir.path().toStdString()) / "scaled.gguf";
        QVERIFY(conv->write(out).ok());
        auto model = eval::LlamaModel::open(out);
        QVERIFY2(model.ok(), model.ok() ? "" : model.error().message.c_str());
        QCOMPARE((*model)->ropeFrequencyFactors(512), factors);
    }

    void unsupportedScalingIsRefused() {
        QTemporaryDir dir;
        auto conv = hf::HfConversion::open(makeFolder(dir, R"({"rope_type":"longrope","factor":4.0})"));
        QVERIFY(!conv.ok());
        QVERIFY2(conv.error().message.find("rope scaling \"longrope\" is not supported yet") != std::string::npos,
                 conv.error().message.c_str());
        // yarn converts (test_hf_architectures: gpt-oss), but not without the context it was trained for.
        QTemporaryDir other;
        auto yarn = hf::HfConversion::open(makeFolder(other, R"({"rope_type":"yarn","factor":4.0})"));
        QVERIFY(!yarn.ok());
        QVERIFY2(yarn.error().message.find("original_max_position_embeddings") != std::string::npos,
                 yarn.error().message.c_str());
    }
};

QTEST_GUILESS_MAIN(TestHfRopeScaling)
#include "test_hf_rope_scaling.moc"
