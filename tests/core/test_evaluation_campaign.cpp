// The evaluation campaign (qf/eval/evaluation_campaign.h): a llama GGUF is evaluated at its own short
// trained context, generation speed included (issue 13: a 128-token model with a small vocabulary failed
// with "the prompt has 194 tokens; the context holds 128"; the shared model packs the same 400 bytes into
// about 100 tokens, so its copy here gets a 64-token context); every file's result lands in its sidecar; a
// later perplexity-only run keeps what an earlier run measured; a cancel stops it with cancelledError().
#include <filesystem>

#include <QTemporaryDir>
#include <QTest>

#include "qf/eval/evaluation_campaign.h"
#include "qf/eval/generation.h"
#include "test_support.h"

using namespace qf;
using namespace qf::eval;

namespace {

// A copy of the shared model whose llama.context_length is `context`: the key's u32 value is rewritten
// in place (key string, type 4 = u32, value).
bool writeModelWithContext(const std::filesystem::path& to, uint32_t context) {
    QByteArray bytes = test::readAll(test::sharedModel());
    const QByteArray key("llama.context_length");
    const qsizetype at = bytes.indexOf(key);
    if (at < 0) return false;
    const qsizetype type = at + key.size();
    if (bytes.mid(type, 4) != QByteArray("\x04\x00\x00\x00", 4)) return false;
    for (int i = 0; i < 4; ++i)
        bytes[type + 4 + i] = char((context >> (8 * i)) & 0xFF);
    return test::writeAll(to, bytes);
}

std::string evaluationText() {
    const QByteArray text = test::readAll(test::sharedPath("data/books-eval.txt"));
    return std::string(text.constData(), size_t(text.size()));
}

} // namespace

class TestEvaluationCampaign : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_source = std::filesystem::path(m_dir.path().toStdString()) / "ctx64-f16.gguf";
        m_quant = std::filesystem::path(m_dir.path().toStdString()) / "ctx64-copy.gguf";
        QVERIFY(writeModelWithContext(m_source, 64));
        QVERIFY(writeModelWithContext(m_quant, 64));
        m_text = evaluationText();
        QVERIFY(m_text.size() > 10000);
    }

    // The start of the text that the old runner used (400 bytes) has more tokens than a 64-token context
    // holds; the prompt the campaign picks fits with room for the generated tokens.
    void promptFitsTheContext() {
        auto model = LlamaModel::open(m_source);
        QVERIFY(model);
        QCOMPARE((*model)->params().trainedContext, 64u);
        GenerationParams params;
        params.context = 64;
        params.maxTokens = 4;
        auto tooLong = generate(**model, std::string_view(m_text).substr(0, 400), params);
        QVERIFY(!tooLong); // what the GUI ran into
        QVERIFY(QString::fromStdString(tooLong.error().message).contains(QLatin1String("context holds 64")));

        const std::string_view prompt = promptThatFits(**model, m_text, 64, 33, 400);
        QVERIFY(!prompt.empty());
        QVERIFY(prompt.size() < 400);
        params.maxTokens = 32;
        auto generated = generate(**model, prompt, params);
        QVERIFY2(generated, generated ? "" : generated.error().message.c_str());
        QVERIFY(generated->promptTokens.size() + 33 <= 64);
        QVERIFY(promptThatFits(**model, m_text, 16, 16, 400).empty());
    }

    void evaluatesAtTheModelsOwnContext() {
        CampaignParams params;
        params.source = m_source;
        params.quants = {m_quant};
        params.text = m_text;
        params.textName = "books-eval.txt";
        params.context = 64;
        params.chunkLimit = 2;
        std::vector<std::filesystem::path> evaluated;
        double lastFraction = 0.0;
        bool sawGeneration = false;
        CampaignEvents events;
        events.onProgress = [&](const CampaignProgress& p) {
            QVERIFY(p.fraction >= 0.0 && p.fraction <= 1.0 + 1e-9);
            lastFraction = p.fraction;
            sawGeneration |= p.stage == CampaignStage::GenerationSpeed;
        };
        events.onFileEvaluated = [&](const std::filesystem::path& file, const StoredEvaluation& e,
                                     const Status& stored) {
            QVERIFY(stored);
            QCOMPARE(e.key.context, 64u);
            QVERIFY(e.generationTokensPerSecond && *e.generationTokensPerSecond > 0.0);
            evaluated.push_back(file);
        };
        const Status status = runEvaluationCampaign(params, events);
        QVERIFY2(status, status ? "" : status.error().message.c_str());
        QCOMPARE(evaluated.size(), size_t(2));
        QCOMPARE(evaluated[0], m_source);
        QVERIFY(sawGeneration);
        QVERIFY(lastFraction > 0.5);

        auto sourceSidecar = readSidecar(m_source);
        QVERIFY(sourceSidecar);
        const StoredEvaluation* base = sourceSidecar->find(campaignKey(params));
        QVERIFY(base);
        QCOMPARE(base->chunks, 2);
        QVERIFY(base->perplexity > 1.0);
        QVERIFY(!base->meanKld);
        auto quantSidecar = readSidecar(m_quant);
        QVERIFY(quantSidecar);
        const StoredEvaluation* quant = quantSidecar->find(campaignKey(params));
        QVERIFY(quant);
        QCOMPARE(quant->perplexity, base->perplexity); // the same weights
        QVERIFY(quant->meanKld && *quant->meanKld < 1e-6);
        QCOMPARE(quant->baseFile, std::string("ctx64-f16.gguf"));
        QVERIFY(!quant->measuredAt.empty());
    }

    // A perplexity-only run (as the CLI's perplexity command) replaces the perplexity, keeps the KL
    // divergence and generation speed that were measured under the same key.
    void laterRunsKeepWhatWasMeasured() {
        CampaignParams params;
        params.source = m_quant;
        params.text = m_text;
        params.textName = "books-eval.txt";
        params.context = 64;
        params.chunkLimit = 2;
        params.measureGenerationSpeed = false;
        const Status status = runEvaluationCampaign(params);
        QVERIFY2(status, status ? "" : status.error().message.c_str());
        auto sidecar = readSidecar(m_quant);
        QVERIFY(sidecar);
        const StoredEvaluation* e = sidecar->find(campaignKey(params));
        QVERIFY(e);
        QVERIFY(e->meanKld.has_value());
        QVERIFY(e->generationTokensPerSecond.has_value());
        QCOMPARE(e->baseFile, std::string("ctx64-f16.gguf"));
    }

    void cancelStops() {
        CampaignParams params;
        params.source = m_source;
        params.quants = {m_quant};
        params.text = m_text;
        params.context = 64;
        std::stop_source stop;
        CampaignEvents events;
        events.onProgress = [&](const CampaignProgress& p) {
            if (p.done > 0) stop.request_stop();
        };
        const Status status = runEvaluationCampaign(params, events, stop.get_token());
        QVERIFY(!status);
        QVERIFY(isCancelled(status.error()));
    }

    void errorsNameTheFile() {
        CampaignParams params;
        params.source = std::filesystem::path(m_dir.path().toStdString()) / "missing.gguf";
        params.text = m_text;
        const Status status = runEvaluationCampaign(params);
        QVERIFY(!status);
        QVERIFY(QString::fromStdString(status.error().message).startsWith(QLatin1String("missing.gguf: ")));
    }

private:
    QTemporaryDir m_dir;
    std::filesystem::path m_source;
    std::filesystem::path m_quant;
    std::string m_text;
};

QTEST_GUILESS_MAIN(TestEvaluationCampaign)
#include "test_evaluation_campaign.moc"
