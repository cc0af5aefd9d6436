// ModelSpec reads the hyperparameters once, with llama.cpp's keys and per-architecture defaults, and refuses
// hostile values before anything is sized from them.
#include <QTest>

#include <cmath>
#include <limits>

#include "qf/model/model_spec.h"

using namespace qf;
using gguf::Value;

namespace {

gguf::Metadata gemma3(uint32_t layers) {
    gguf::Metadata m;
    m.set("general.architecture", Value::string("gemma3"));
    m.set("gemma3.embedding_length", Value::u32(64));
    m.set("gemma3.block_count", Value::u32(layers));
    m.set("gemma3.feed_forward_length", Value::u32(128));
    m.set("gemma3.attention.head_count", Value::u32(4));
    m.set("gemma3.attention.head_count_kv", Value::u32(1));
    m.set("gemma3.attention.key_length", Value::u32(32));
    m.set("gemma3.attention.value_length", Value::u32(32));
    m.set("gemma3.rope.freq_base", Value::f32(1e6f));
    m.set("gemma3.rope.freq_base_swa", Value::f32(1e4f));
    m.set("gemma3.attention.sliding_window", Value::u32(32));
    return m;
}

} // namespace

class TestModelSpec : public QObject {
    Q_OBJECT
private slots:
    void gemma3WindowPatternAndScales() {
        auto spec = model::ModelSpec::fromMetadata(gemma3(12));
        QVERIFY2(spec.ok(), spec ? "" : spec.error().message.c_str());
        QCOMPARE(spec->layerSpecs.size(), size_t(12));
        for (uint32_t i = 0; i < 12; ++i) {
            const bool global = i % 6 == 5;
            QCOMPARE(spec->layerSpecs[i].slidingWindow, !global);
            QCOMPARE(spec->layerSpecs[i].ropeFreqBase, global ? 1e6f : 1e4f);
        }
        QCOMPARE(spec->slidingWindow, 32u);
        QCOMPARE(spec->queryScale, 1.0f / std::sqrt(32.0f));
        QCOMPARE(spec->attentionScale, 1.0f);
        QCOMPARE(spec->embeddingScale, 8.0f);
        QCOMPARE(spec->info->rope, model::RopeKind::Neox);
    }

    void gemma3WithoutWindowHasOnlyGlobalLayers() {
        gguf::Metadata m = gemma3(6);
        m.set("gemma3.attention.sliding_window", Value::u32(0));
        auto spec = model::ModelSpec::fromMetadata(m);
        QVERIFY(spec.ok());
        QVERIFY(!spec->anySlidingWindow());
    }

    void hostileValues_data() {
        QTest::addColumn<QString>("key");
        QTest::addColumn<qulonglong>("value");
        QTest::addColumn<QString>("message");
        QTest::newRow("2^30 layers") << "gemma3.block_count" << (qulonglong(1) << 30) << "block_count";
        QTest::newRow("zero heads") << "gemma3.attention.head_count" << qulonglong(0) << "head_count";
        QTest::newRow("huge embedding") << "gemma3.embedding_length" << (qulonglong(1) << 40) << "embedding_length";
        QTest::newRow("kv heads not dividing") << "gemma3.attention.head_count_kv" << qulonglong(3) << "cannot share";
        QTest::newRow("huge key length") << "gemma3.attention.key_length" << (qulonglong(1) << 31) << "key_length";
    }

    void hostileValues() {
        QFETCH(QString, key);
        QFETCH(qulonglong, value);
        QFETCH(QString, message);
        gguf::Metadata m = gemma3(6);
        m.set(key.toStdString(), Value::u64(value));
        auto spec = model::ModelSpec::fromMetadata(m);
        QVERIFY(!spec.ok());
        QVERIFY2(spec.error().message.find(message.toStdString()) != std::string::npos, spec.error().message.c_str());
    }

    void notFiniteFrequency() {
        gguf::Metadata m = gemma3(6);
        m.set("gemma3.rope.freq_base", Value::f32(std::numeric_limits<float>::quiet_NaN()));
        auto spec = model::ModelSpec::fromMetadata(m);
        QVERIFY(!spec.ok());
        QVERIFY(spec.error().message.find("freq_base") != std::string::npos);
    }

    void expertsNeedAnArchitectureWithExperts() {
        gguf::Metadata m = gemma3(6);
        m.set("gemma3.expert_count", Value::u32(8));
        m.set("gemma3.expert_used_count", Value::u32(2));
        auto spec = model::ModelSpec::fromMetadata(m);
        QVERIFY(!spec.ok());
        QVERIFY(spec.error().message.find("mixture-of-experts") != std::string::npos);
    }

    void expertsUsedBoundedByExperts() {
        gguf::Metadata m;
        m.set("general.architecture", Value::string("qwen3moe"));
        m.set("qwen3moe.embedding_length", Value::u32(64));
        m.set("qwen3moe.block_count", Value::u32(2));
        m.set("qwen3moe.attention.head_count", Value::u32(4));
        m.set("qwen3moe.expert_count", Value::u32(8));
        m.set("qwen3moe.expert_feed_forward_length", Value::u32(32));
        m.set("qwen3moe.expert_used_count", Value::u32(9));
        auto spec = model::ModelSpec::fromMetadata(m);
        QVERIFY(!spec.ok());
        QVERIFY2(spec.error().message.find("expert_used_count") != std::string::npos, spec.error().message.c_str());
        m.set("qwen3moe.expert_used_count", Value::u32(2));
        spec = model::ModelSpec::fromMetadata(m);
        QVERIFY2(spec.ok(), spec ? "" : spec.error().message.c_str());
        QCOMPARE(spec->expertFeedForward, 32u);
        QVERIFY(spec->expertWeightsNorm);
    }

    void unknownArchitectures() {
        gguf::Metadata m;
        m.set("general.architecture", Value::string("falcon"));
        auto spec = model::ModelSpec::fromMetadata(m);
        QVERIFY(!spec.ok());
        QVERIFY(spec.error().message.find("not supported yet: falcon") != std::string::npos);
        QVERIFY(model::whyNotEvaluable("qwen3").empty());
        QVERIFY(model::whyNotEvaluable("gpt-oss").empty());
        QVERIFY(model::whyNotEvaluable("deepseek2").empty());
    }
};

QTEST_GUILESS_MAIN(TestModelSpec)
#include "test_model_spec.moc"
