// The budget mix end to end on a tiny synthetic model: the sensitivity of one tensor equals the KL
// divergence of a file with only that tensor quantized; the table is cached by content and a stop cancels
// it; scaled (unprobed) types follow the measured ones; the produced file is exactly the planned size and
// within the budget; the recipe reads back and reproduces the same tensor types.
#include <QTemporaryDir>
#include <QTest>

#include <random>
#include <stop_token>

#include "qf/eval/kld.h"
#include "qf/eval/llama_model.h"
#include "qf/gguf/gguf_file.h"
#include "qf/mix/mix_plan.h"
#include "qf/quant/quantize_job.h"
#include "qf/synthetic_model.h"

using namespace qf;
namespace fs = std::filesystem;

namespace {

constexpr uint32_t kContext = 32;

// Words of the byte vocabulary's alphabet, enough for four chunks of kContext tokens.
std::string someText() {
    std::mt19937 rng(5);
    const char* words[] = {"the", "sea", "whale", "ship", "war", "and", "peace", "king", "a", "of"};
    std::string text;
    while (text.size() < 4 * kContext + 40) {
        text += words[rng() % 10];
        text += ' ';
    }
    return text;
}

std::unique_ptr<eval::LlamaModel> open(const fs::path& path) {
    auto model = eval::LlamaModel::open(path);
    if (!model) qFatal("%s", model.error().message.c_str());
    return std::move(*model);
}

} // namespace

class TestMix : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    fs::path m_model;
    std::string m_text = someText();

    fs::path dir() const { return fs::path(m_dir.path().toStdString()); }

    mix::SensitivityParams params() const {
        mix::SensitivityParams p;
        p.candidates = {GgmlType::Q2_K, GgmlType::Q4_K, GgmlType::Q8_0};
        p.context = kContext;
        p.chunks = 100; // more than the text has: every chunk
        p.threads = 2;
        p.cacheFolder = dir() / "cache";
        return p;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        SyntheticLlamaParams p;
        p.name = "mix-test";
        p.embedding = 256;
        p.layers = 2;
        p.feedForward = 512;
        p.heads = 4;
        p.headsKv = 2;
        p.vocabulary = 300;
        p.context = 64;
        p.threads = 1;
        m_model = dir() / "mix-test.gguf";
        QVERIFY(writeSyntheticLlama(p, m_model).ok());
        fs::create_directories(dir() / "cache");
    }

    // One tensor's cost is the KL divergence of the model with only that tensor quantized.
    void sensitivityIsTheKldOfThatTensorAlone() {
        auto model = open(m_model);
        // With llama.cpp's rounding, as the KL runs below compute it (the default's F32 products differ by
        // about 1 %).
        mix::SensitivityParams rounded = params();
        rounded.llamaCppRounding = true;
        auto table = mix::measureSensitivity(*model, m_text, rounded);
        QVERIFY2(table.ok(), table ? "" : table.error().message.c_str());
        QVERIFY(!table->fromCache);
        QCOMPARE(table->tensors.size(), size_t(2 * 7 + 2));
        QVERIFY(table->chunks >= 4);
        for (const auto& t : table->tensors) {
            QCOMPARE(t.kld.size(), size_t(3));
            for (size_t k = 0; k < 3; ++k) {
                QVERIFY(t.measured[k]);
                QVERIFY(t.kld[k] >= 0);
            }
            QVERIFY2(t.kld[0] > t.kld[2], t.name.c_str()); // Q2_K costs more than Q8_0
            QVERIFY(t.weightedError[0] > t.weightedError[1] && t.weightedError[1] > t.weightedError[2]);
        }

        for (const char* name : {"blk.0.attn_v.weight", "blk.1.ffn_down.weight", "output.weight", "token_embd.weight"}) {
            // The file: that tensor Q2_K, everything else as in the source (F16).
            auto source = gguf::GgufFile::open(m_model);
            QVERIFY(source.ok());
            quant::PlanOptions options;
            options.tensorTypes = {{mix::exactNamePattern(name), GgmlType::Q2_K}, {".*", GgmlType::F16}};
            auto plan = quant::makeQuantPlan(source->metadata(), source->tensors(), *quant::findPreset("Q8_0"), options);
            QVERIFY(plan.ok());
            QCOMPARE(plan->find(name)->type, GgmlType::Q2_K);
            const fs::path out = dir() / "one.gguf";
            quant::QuantizeParams qp;
            qp.source = &*source;
            qp.threads = 2;
            qp.outputs = {{*plan, out}};
            QVERIFY(quant::quantize(qp).ok());
            auto quantized = open(out);
            eval::KldParams kp;
            kp.context = kContext;
            kp.threads = 2;
            kp.cacheFolder = dir() / "cache";
            auto kld = eval::computeKld(*quantized, *model, m_text, kp);
            QVERIFY2(kld.ok(), kld ? "" : kld.error().message.c_str());
            const double expected = kld->summary.exactMeanKld.value;
            const double measured = table->find(name)->kld[0];
            QVERIFY2(std::abs(measured - expected) <= 1e-3 * expected + 1e-9,
                     qPrintable(QStringLiteral("%1: %2 vs %3").arg(QLatin1StringView(name)).arg(measured).arg(expected)));
        }
    }

    void cachedByContent() {
        auto model = open(m_model);
        mix::SensitivityParams rounded = params();
        rounded.llamaCppRounding = true; // measured by the test above
        auto first = mix::measureSensitivity(*model, m_text, rounded);
        QVERIFY(first.ok());
        QVERIFY(first->fromCache);
        auto unrounded = mix::measureSensitivity(*model, m_text, params());
        QVERIFY(unrounded.ok());
        QVERIFY(!unrounded->fromCache); // the rounding is part of the key
        QVERIFY(unrounded->key != first->key);
        QCOMPARE(mix::serializeSensitivity(*first).substr(0, 200),
                 mix::serializeSensitivity(*first).substr(0, 200));
        auto p = params();
        p.chunks = 2;
        auto other = mix::measureSensitivity(*model, m_text, p);
        QVERIFY(other.ok());
        QVERIFY(!other->fromCache);
        QVERIFY(other->key != first->key);
        // The text round-trips.
        auto parsed = mix::parseSensitivity(mix::serializeSensitivity(*other));
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->tensors.size(), other->tensors.size());
        QCOMPARE(parsed->tensors[3].kld[1], other->tensors[3].kld[1]);
        QVERIFY(!mix::parseSensitivity("qf-mix-sensitivity 1\nkey x\nrun 1 2\n").ok());
        QVERIFY(!mix::parseSensitivity("GGUF").ok());
    }

    void stopCancels() {
        auto model = open(m_model);
        std::stop_source stop;
        auto p = params();
        p.useCache = false;
        int calls = 0;
        auto r = mix::measureSensitivity(*model, m_text, p, [&](const Progress&) {
            if (++calls == 5) stop.request_stop();
        }, stop.get_token());
        QVERIFY(!r.ok());
        QVERIFY(isCancelled(r.error()));
    }

    // Only Q4_K run through the model: Q2_K and Q8_0 are scaled by their weighted error.
    void probesScaleTheOthers() {
        auto model = open(m_model);
        auto p = params();
        p.probeTypes = {GgmlType::Q4_K};
        auto table = mix::measureSensitivity(*model, m_text, p);
        QVERIFY(table.ok());
        for (const auto& t : table->tensors) {
            QCOMPARE(int(t.measured[0]), 0);
            QCOMPARE(int(t.measured[1]), 1);
            const double ratio = t.kld[1] / t.weightedError[1];
            QVERIFY(std::abs(t.kld[0] - ratio * t.weightedError[0]) <= 1e-9 * t.kld[0] + 1e-15);
            QVERIFY(t.kld[0] > t.kld[1] && t.kld[1] > t.kld[2]);
        }
        p.probeTypes = {GgmlType::IQ4_XS};
        QVERIFY(!mix::measureSensitivity(*model, m_text, p).ok());
    }

    // The file is exactly the planned size, within the budget; the recipe reproduces its types.
    // The curve the app draws beside the presets: increasing sizes, falling KLD, and a mix planned for a
    // point's size predicts no more than the point (the solver's own front, in whole-file bytes).
    void predictedCurveFollowsTheSolver() {
        auto model = eval::LlamaModel::open(m_model);
        QVERIFY(model.ok());
        auto table = mix::measureSensitivity(**model, m_text, params());
        QVERIFY(table.ok());
        auto source = gguf::GgufFile::open(m_model);
        QVERIFY(source.ok());
        mix::MixRequest request;
        request.budgetBytes = fs::file_size(m_model) / 2;
        auto mixed = mix::planMix(source->metadata(), source->tensors(), *table, request);
        QVERIFY2(mixed.ok(), mixed ? "" : mixed.error().message.c_str());
        const std::vector<mix::CurvePoint> curve = mix::predictedCurve(*mixed, 0, 8);
        QVERIFY(curve.size() >= 4 && curve.size() <= 8);
        QVERIFY(curve.back().predictedKld == 0.0); // every tensor at the source's type
        for (size_t i = 1; i < curve.size(); ++i) {
            QVERIFY(curve[i].fileBytes > curve[i - 1].fileBytes);
            QVERIFY(curve[i].predictedKld <= curve[i - 1].predictedKld);
        }
        for (size_t i = 1; i + 1 < curve.size(); ++i) {
            request.budgetBytes = curve[i].fileBytes + 4096; // the recipe's metadata
            auto atPoint = mix::planMix(source->metadata(), source->tensors(), *table, request);
            QVERIFY(atPoint.ok());
            QVERIFY2(atPoint->predictedKld <= curve[i].predictedKld * 1.02 + 1e-12,
                     qPrintable(QString::number(i)));
        }
    }

    void budgetIsExactAndRecipeRoundTrips() {
        auto model = open(m_model);
        auto table = mix::measureSensitivity(*model, m_text, params());
        QVERIFY(table.ok());
        auto source = gguf::GgufFile::open(m_model);
        QVERIFY(source.ok());
        mix::MixRequest request;
        request.allowSourceType = false;
        request.budgetBytes = 1; // hopeless
        QVERIFY(!mix::planMix(source->metadata(), source->tensors(), *table, request).ok());

        auto items = mix::mixItems(source->metadata(), source->tensors(), *table, request);
        QVERIFY(items.ok());
        uint64_t least = 0, most = 0;
        for (const auto& item : *items) {
            least += item.options.front().bytes;
            most += item.options.back().bytes;
        }
        double previous = 1e30;
        for (int k = 1; k <= 3; ++k) {
            request.budgetBytes = fs::file_size(m_model) / 10 + (most - least) * uint64_t(k) / 4 + least;
            auto mixed = mix::planMix(source->metadata(), source->tensors(), *table, request);
            QVERIFY2(mixed.ok(), mixed ? "" : mixed.error().message.c_str());
            QVERIFY(mixed->plan.fileBytes <= request.budgetBytes);
            QVERIFY(mixed->predictedKld <= previous);
            previous = mixed->predictedKld;

            const fs::path out = dir() / "mix.gguf";
            quant::QuantizeParams qp;
            qp.source = &*source;
            qp.threads = 2;
            qp.outputs = {{mixed->plan, out}};
            QVERIFY(quant::quantize(qp).ok());
            QCOMPARE(uint64_t(fs::file_size(out)), mixed->plan.fileBytes);
            auto written = gguf::GgufFile::open(out);
            QVERIFY(written.ok());
            QVERIFY(written->metadata().find(std::string(mix::kPredictedKldKey)) != nullptr);

            auto rules = mix::parseRecipe(mix::recipeText(mixed->plan));
            QVERIFY(rules.ok());
            QCOMPARE(rules->size(), mixed->plan.options.tensorTypes.size());
            quant::PlanOptions again;
            again.tensorTypes = *rules;
            auto replan = quant::makeQuantPlan(source->metadata(), source->tensors(), mixed->plan.preset, again);
            QVERIFY(replan.ok());
            for (const auto& t : mixed->plan.tensors)
                QCOMPARE(replan->find(t.name)->type, t.type);
        }
        QVERIFY(!mix::parseRecipe("blk.0=NOPE").ok());
        QVERIFY(!mix::parseRecipe("=Q4_K").ok());
        QVERIFY(!mix::parseRecipe("noequals").ok());
        QCOMPARE(mix::exactNamePattern("blk.0.attn_v.weight"), std::string("^blk\\.0\\.attn_v\\.weight$"));
    }
};

QTEST_GUILESS_MAIN(TestMix)
#include "test_mix.moc"
