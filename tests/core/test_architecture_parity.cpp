// Every evaluable architecture against llama.cpp's own logits. The models are made here, at test time, by
// the generator (qf/model/synthetic_architecture.h); only llama.cpp's output is stored: tests/data/
// arch_parity/<name>.kld is what `llama-perplexity -m <name>.gguf -f books-eval.txt -c 128 --chunks 3 -t 2
// -fa off --kl-divergence-base <name>.kld` wrote for `quantforge-cli synth <name>.gguf --arch <name>`
// (see tests/data/arch_parity/README.md). The same generator and seed give the same bytes, so a stored file
// stays valid until the generator changes, and then the test fails until it is regenerated.
// Two sets: decisive weights (clear tops, decisive routers: parity within rounding, KLD <= 1e-4) and the
// zoo's weights (tests/data/arch_parity/zoo: routers near ties, where one last-bit difference from
// llama.cpp's order of arithmetic picks another expert), checked for exact agreement with -fa off and on.
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <cstring>
#include <fstream>
#include <sstream>

#include "qf/eval/generation.h"
#include "qf/eval/imatrix_compute.h"
#include "qf/eval/inference_session.h"
#include "qf/eval/llama_logits_file.h"
#include "qf/gguf/gguf_file.h"
#include "qf/model/synthetic_architecture.h"
#include "test_support.h"

using namespace qf;
namespace fs = std::filesystem;

namespace {

fs::path referenceFolder(bool zooWeights) {
    const fs::path folder = fs::path(QF_SOURCE_DIR) / "tests" / "data" / "arch_parity";
    return zooWeights ? folder / "zoo" : folder;
}

fs::path referenceLogits(const std::string& name, bool zooWeights = false) {
    return referenceFolder(zooWeights) / (name + ".kld");
}

// llama-perplexity's final PPL of a model (perplexity.txt beside the .kld files); 0 when absent. The
// stored log-probabilities cannot give it: they are clamped 16 nats below each row's top.
double llamaCppPerplexity(const std::string& name) {
    std::ifstream in(referenceFolder(false) / "perplexity.txt");
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        std::string key;
        double value = 0;
        if (fields >> key >> value && key == name) return value;
    }
    return 0;
}

} // namespace

class TestArchitectureParity : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

    fs::path makeModel(const std::string& name, bool zooWeights = false) {
        const fs::path path = fs::path(m_dir.path().toStdString()) / (name + (zooWeights ? "-zoo.gguf" : ".gguf"));
        if (!fs::exists(path)) {
            auto written = model::writeSyntheticArchitecture(
                name, path, 1, true, {}, zooWeights ? model::SyntheticWeights::Zoo : model::SyntheticWeights::Decisive);
            if (!written) qWarning("%s", written.error().message.c_str());
        }
        return path;
    }

private slots:
    void matchesLlamaCpp_data() {
        QTest::addColumn<QString>("name");
        for (const std::string& name : model::syntheticArchitectureNames())
            QTest::newRow(name.c_str()) << QString::fromStdString(name);
    }

    // Mean KL divergence of our logits from llama.cpp's ≤ 1e-4, the same top token for ≥ 99.5% of tokens,
    // and the perplexity within 0.05% of llama-perplexity's.
    void matchesLlamaCpp() {
        QFETCH(QString, name);
        auto model = eval::LlamaModel::open(makeModel(name.toStdString()));
        QVERIFY2(model.ok(), model ? "" : model.error().message.c_str());
        eval::KldParams params;
        params.threads = 2;
        auto result = eval::computeKldAgainstLlamaLogits(**model, referenceLogits(name.toStdString()), params);
        QVERIFY2(result.ok(), result ? "" : result.error().message.c_str());
        const eval::KldSummary& s = result->summary;
        QCOMPARE(result->chunks, 3);
        QCOMPARE(s.tokens, int64_t(3 * 63));
        const QByteArray report = QStringLiteral("%1: KLD %2, same top %3%, PPL %4 vs %5")
                                      .arg(name)
                                      .arg(s.meanKld.value)
                                      .arg(100 * s.sameTop.value)
                                      .arg(s.perplexity.value)
                                      .arg(llamaCppPerplexity(name.toStdString()))
                                      .toUtf8();
        qInfo("%s", report.constData());
        QVERIFY2(s.meanKld.value <= 1e-4, report.constData());
        QVERIFY2(s.sameTop.value >= 0.995, report.constData());
        const double reference = llamaCppPerplexity(name.toStdString());
        QVERIFY2(reference > 0, "no llama.cpp perplexity in perplexity.txt");
        QVERIFY2(std::abs(s.perplexity.value / reference - 1) <= 5e-4, report.constData());
    }

    void matchesLlamaCppExactly_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("flashAttention");
        for (const std::string& name : model::syntheticArchitectureNames()) {
            QTest::newRow(name.c_str()) << QString::fromStdString(name) << false;
            QTest::newRow((name + " -fa on").c_str()) << QString::fromStdString(name) << true;
        }
    }

    // The zoo's weights: our logits are llama.cpp's up to the 16-bit rounding of its stored log-probabilities
    // (mean KLD <= 1e-6, no token above 1e-4, the same top token everywhere, the PPL within 0.01 % of the
    // one llama.cpp's --kl-divergence reports for the stored base). One router tie decided otherwise moves a
    // token's KLD to 1e-3..1e-1: with activations kept in F32 (quantforge-cli kld --no-llamacpp-rounding, the
    // decoder before it followed ggml's order) qwen3moe gives mean 4.1e-4, max 2.6e-2, 99.21 % same top and
    // gpt-oss-mxfp4 6.4e-3, 0.40, 93.65 %.
    // Known gap: DeepSeek-2's latent attention with flash attention is 1.2e-4 off in PPL (KLD 5e-7, every
    // top the same: within issue 11's targets, not exact); marked as an expected failure until found.
    void matchesLlamaCppExactly() {
        QFETCH(QString, name);
        QFETCH(bool, flashAttention);
        const std::string stem = name.toStdString() + (flashAttention ? "-fa" : "");
        auto model = eval::LlamaModel::open(makeModel(name.toStdString(), true));
        QVERIFY2(model.ok(), model ? "" : model.error().message.c_str());
        eval::KldParams params;
        params.threads = 2;
        params.flashAttention = flashAttention;
        auto result = eval::computeKldAgainstLlamaLogits(**model, referenceLogits(stem, true), params);
        QVERIFY2(result.ok(), result ? "" : result.error().message.c_str());
        const eval::KldSummary& s = result->summary;
        QCOMPARE(s.tokens, int64_t(result->chunks * 63));
        const QByteArray report = QStringLiteral("%1: KLD mean %2 max %3, same top %4%, PPL %5 vs %6")
                                      .arg(QString::fromStdString(stem))
                                      .arg(s.meanKld.value)
                                      .arg(s.maxKld)
                                      .arg(100 * s.sameTop.value)
                                      .arg(s.perplexity.value, 0, 'f', 4)
                                      .arg(s.basePerplexity.value, 0, 'f', 4)
                                      .toUtf8();
        qInfo("%s", report.constData());
        QVERIFY2(s.meanKld.value <= 1e-6, report.constData());
        QVERIFY2(s.maxKld <= 1e-4, report.constData());
        QVERIFY2(s.sameTop.value == 1.0, report.constData());
        if (stem == "deepseek2-fa") {
            QVERIFY2(std::abs(s.perplexity.value / s.basePerplexity.value - 1) <= 5e-4, report.constData());
            QEXPECT_FAIL("", "latent attention with flash attention not yet in llama.cpp's exact order", Continue);
        }
        QVERIFY2(std::abs(s.perplexity.value / s.basePerplexity.value - 1) <= 1e-4, report.constData());
    }

    // The generator is deterministic: the stored logits belong to exactly these bytes.
    void generatorIsDeterministic() {
        const fs::path a = fs::path(m_dir.path().toStdString()) / "again-a.gguf";
        const fs::path b = fs::path(m_dir.path().toStdString()) / "again-b.gguf";
        QVERIFY(model::writeSyntheticArchitecture("gemma3", a).ok());
        QVERIFY(model::writeSyntheticArchitecture("gemma3", b).ok());
        QCOMPARE(test::readAll(a), test::readAll(b));
        for (const fs::path& p : {a, b})
            QVERIFY(model::writeSyntheticArchitecture("gpt-oss-mxfp4", p, 1, true, {}, model::SyntheticWeights::Zoo).ok());
        QCOMPARE(test::readAll(a), test::readAll(b));
        QVERIFY(!model::writeSyntheticArchitecture("falcon", a).ok());
    }

    // Broken --base-logits files are refused with the reason, before any evaluation.
    void hostileLogitsFiles() {
        const QByteArray good = test::readAll(referenceLogits("llama"));
        QVERIFY(good.size() > 1000);
        const fs::path path = fs::path(m_dir.path().toStdString()) / "broken.kld";
        auto refused = [&](const QByteArray& bytes, const char* reason) {
            if (!test::writeAll(path, bytes)) return false;
            auto f = eval::LlamaLogitsFile::open(path);
            if (f.ok()) return false;
            return f.error().message.find(reason) != std::string::npos;
        };
        QVERIFY(refused(good.left(good.size() - 1), "bytes"));
        QVERIFY(refused(QByteArray("_logitz_") + good.mid(8), "_logits_"));
        QByteArray hugeChunks = good;
        const int32_t chunks = 1 << 30;
        std::memcpy(hugeChunks.data() + 16, &chunks, 4);
        QVERIFY(refused(hugeChunks, "bytes"));
        QByteArray badToken = good;
        const int32_t token = 100000;
        std::memcpy(badToken.data() + 20, &token, 4);
        QVERIFY(refused(badToken, "outside"));
        QVERIFY(refused(QByteArray(), "header"));
    }

    void generatesAndCollectsImatrix_data() { matchesLlamaCpp_data(); }

    // Generation and importance-matrix collection run on every architecture: generation one token at a time
    // gives the logits of a whole-batch pass, and the imatrix has statistics for every weight matrix.
    void generatesAndCollectsImatrix() {
        QFETCH(QString, name);
        auto opened = eval::LlamaModel::open(makeModel(name.toStdString()));
        QVERIFY(opened.ok());
        const eval::LlamaModel& model = **opened;

        const std::vector<eval::Token> tokens = {1, 72, 101, 108, 108, 111, 32, 119, 111};
        eval::InferenceSession batch(model, {64, 2, false}), pieces(model, {64, 2, false});
        std::vector<float> whole, last;
        QVERIFY(batch.decode(tokens, tokens.size() - 1, whole).ok());
        for (eval::Token t : tokens)
            QVERIFY(pieces.decode(std::span(&t, 1), 0, last).ok());
        QCOMPARE(whole.size(), last.size());
        for (size_t i = 0; i < whole.size(); ++i)
            QVERIFY2(std::abs(whole[i] - last[i]) <= 1e-3f * (1 + std::abs(whole[i])), name.toUtf8().constData());

        eval::GenerationParams g;
        g.maxTokens = 6;
        g.context = 64;
        g.threads = 2;
        auto generated = eval::generate(model, "Once upon a time", g);
        QVERIFY2(generated.ok(), generated ? "" : generated.error().message.c_str());
        QVERIFY(!generated->tokens.empty());

        eval::ImatrixParams ip;
        ip.context = 64;
        ip.maxChunks = 1;
        ip.threads = 2;
        auto imatrix = eval::computeImatrix(model, std::string(300, 'a') + "bcdefg hij klm", ip);
        QVERIFY2(imatrix.ok(), imatrix ? "" : imatrix.error().message.c_str());
        int weights = 0;
        for (const gguf::TensorInfo& t : model.file().tensors()) {
            const bool matrix = t.shape.size() >= 2 && t.name.rfind("blk.", 0) == 0 &&
                                t.name.size() > 7 && t.name.compare(t.name.size() - 7, 7, ".weight") == 0;
            if (!matrix) continue;
            ++weights;
            const auto found = imatrix->stats.find(t.name);
            QVERIFY2(found != imatrix->stats.end(), t.name.c_str());
            const uint64_t experts = t.shape.size() == 3 ? t.shape[2] : 1;
            QCOMPARE(uint64_t(found->second.sumSquares.size()), t.shape[0] * experts);
            if (t.shape.size() == 3) QCOMPARE(uint64_t(found->second.expertRows.size()), experts);
        }
        QVERIFY(weights > 0);
    }
};

QTEST_GUILESS_MAIN(TestArchitectureParity)
#include "test_architecture_parity.moc"
