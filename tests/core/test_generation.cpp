// Generation on the shared model: greedy and seeded sampling are deterministic, pieces stream as whole
// UTF-8 characters and add up to the text, limits and stops are respected; sampler and UTF-8 assembly
// on hand-made inputs.
#include <QTest>

#include <cmath>

#include "qf/eval/generation.h"
#include "qf/job.h"
#include "test_support.h"

using namespace qf;
using namespace qf::eval;
using namespace qf::test;

class TestGeneration : public QObject {
    Q_OBJECT

    std::unique_ptr<LlamaModel> m_model;

private slots:
    void initTestCase() {
        auto model = LlamaModel::open(sharedModel());
        QVERIFY(model.ok());
        m_model = std::move(*model);
    }

    void greedySampler() {
        Sampler greedy({});
        const std::vector<float> logits = {0.1f, 2.0f, -1.0f, 2.0f};
        QCOMPARE(greedy.sample(logits), Token(1)); // first maximum
        // A vanishing top-p keeps only the most likely token, whatever the temperature and seed.
        for (uint64_t seed = 0; seed < 20; ++seed) {
            Sampler s({.temperature = 5.0f, .topP = 1e-6f, .seed = seed});
            QCOMPARE(s.sample(std::vector<float>{0.0f, 3.0f, 1.0f}), Token(1));
        }
        // top-k 2 never yields the third token.
        Sampler k({.temperature = 10.0f, .topK = 2, .seed = 7});
        for (int i = 0; i < 200; ++i)
            QVERIFY(k.sample(std::vector<float>{1.0f, 0.9f, 0.0f}) != Token(2));
    }

    void samplingFollowsProbabilities() {
        Sampler s({.temperature = 1.0f, .seed = 42});
        const std::vector<float> logits = {std::log(0.7f), std::log(0.2f), std::log(0.1f)};
        int counts[3] = {};
        for (int i = 0; i < 20000; ++i)
            ++counts[s.sample(logits)];
        QVERIFY(std::abs(counts[0] / 20000.0 - 0.7) < 0.02);
        QVERIFY(std::abs(counts[2] / 20000.0 - 0.1) < 0.02);
    }

    void utf8Assembly() {
        Utf8Assembler a;
        QCOMPARE(a.push("a\xC3"), std::string("a")); // 'é' split over two byte tokens
        QCOMPARE(a.push("\xA9"), std::string("\xC3\xA9"));
        QCOMPARE(a.push("\xE2\x82"), std::string());
        QCOMPARE(a.push("\xAC b"), std::string("\xE2\x82\xAC b"));
        QCOMPARE(a.push("\xF0\x9F"), std::string());
        QCOMPARE(a.flush(), std::string("\xF0\x9F"));
    }

    void greedyIsDeterministicAndStreams() {
        GenerationParams p;
        p.maxTokens = 24;
        p.threads = 2;
        std::string streamed;
        int calls = 0;
        auto a = generate(*m_model, "Once upon a time", p, [&](Token, std::string_view piece) {
            streamed += piece;
            ++calls;
            return true;
        });
        QVERIFY2(a.ok(), a.ok() ? "" : a.error().message.c_str());
        QVERIFY(a->tokens.size() <= 24);
        QCOMPARE(calls, int(a->tokens.size()));
        QCOMPARE(streamed, a->text);
        QCOMPARE(a->text, m_model->tokenizer().detokenize(a->tokens));
        QCOMPARE(a->promptTokens.front(), m_model->tokenizer().bos());
        QVERIFY(a->promptTokensPerSecond > 0 && a->generationTokensPerSecond > 0);
        qInfo("greedy: \"%s\" (%s); prompt %.1f tok/s, generation %.1f tok/s", a->text.c_str(),
              stopReasonName(a->stopReason), a->promptTokensPerSecond, a->generationTokensPerSecond);
        auto b = generate(*m_model, "Once upon a time", p);
        QVERIFY(b.ok());
        QCOMPARE(b->tokens, a->tokens);
    }

    void seededSampling() {
        GenerationParams p;
        p.maxTokens = 16;
        p.threads = 2;
        p.sampling = {.temperature = 0.9f, .topP = 0.95f, .seed = 1234};
        auto a = generate(*m_model, "The old house", p);
        auto b = generate(*m_model, "The old house", p);
        QVERIFY(a.ok() && b.ok());
        QCOMPARE(a->tokens, b->tokens);
        bool anyDifferent = false;
        for (uint64_t seed = 1; seed < 6 && !anyDifferent; ++seed) {
            p.sampling.seed = seed;
            auto c = generate(*m_model, "The old house", p);
            QVERIFY(c.ok());
            anyDifferent = c->tokens != a->tokens;
        }
        QVERIFY(anyDifferent);
    }

    void stopsAndCancel() {
        GenerationParams p;
        p.maxTokens = 50;
        p.threads = 2;
        auto r = generate(*m_model, "Hello", p, [](Token, std::string_view) { return false; });
        QVERIFY(r.ok());
        QCOMPARE(r->tokens.size(), size_t(1));
        QCOMPARE(r->stopReason, StopReason::Callback);

        p.context = 12; // prompt + a few tokens
        p.maxTokens = 100;
        r = generate(*m_model, "Hello", p);
        QVERIFY(r.ok());
        QVERIFY(r->stopReason == StopReason::ContextFull || r->stopReason == StopReason::EndOfSequence);
        QVERIFY(r->promptTokens.size() + r->tokens.size() <= 13);

        std::stop_source source;
        source.request_stop();
        r = generate(*m_model, "Hello", p, {}, source.get_token());
        QVERIFY(!r.ok());
        QVERIFY(isCancelled(r.error()));
    }
};

QTEST_GUILESS_MAIN(TestGeneration)
#include "test_generation.moc"
