// Perplexity and KL divergence on the shared model against llama-perplexity's own logs
// (../shared/reference/ppl-F16.log and kld-Q4_K_M.log, -c 256): the running values of the first chunks,
// the chunking rule, the base cache (written once, reused, corruption reported), and cancel.
// The full 301-chunk comparison is tests/bench/bench_eval.
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <fstream>
#include <sstream>
#include <stop_token>

#include "qf/eval/kld.h"
#include "qf/eval/logprob_cache.h"
#include "qf/eval/perplexity.h"
#include "test_support.h"

using namespace qf;
using namespace qf::eval;
namespace fs = std::filesystem;

namespace {

// Chunks compared with the logs: enough to see every part of the computation, few enough for a
// 2-core CI machine and for unoptimized sanitizer builds.
#if defined(__OPTIMIZE__)
constexpr int kChunks = 8;
#else
constexpr int kChunks = 2;
#endif

std::string readShared(const std::string& relative) {
    std::ifstream in(test::sharedPath(relative), std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// "[1]150.3235,[2]126.8226,..." from llama-perplexity's output.
std::vector<double> runningPerplexities(const std::string& log) {
    std::vector<double> out;
    const QRegularExpression re(QStringLiteral("\\[(\\d+)\\]([0-9.]+),"));
    auto it = re.globalMatch(QString::fromStdString(log));
    while (it.hasNext())
        out.push_back(it.next().captured(2).toDouble());
    return out;
}

struct KldLogLine {
    double ppl, kld, rmsDp, sameTop;
};

// The per-chunk rows of llama-perplexity --kl-divergence.
std::vector<KldLogLine> kldLogLines(const std::string& log) {
    std::vector<KldLogLine> out;
    const QRegularExpression re(QStringLiteral("^\\s*\\d+\\s+([0-9.]+) ±\\s+[0-9.]+\\s+-?[0-9.]+ "
                                               "±\\s+[0-9.]+\\s+(-?[0-9.]+) ±\\s+[0-9.]+\\s+([0-9.]+) ±\\s+"
                                               "[0-9.]+ %\\s+([0-9.]+) ±"));
    for (const QString& line : QString::fromStdString(log).split(QLatin1Char('\n'))) {
        const auto m = re.match(line);
        if (m.hasMatch())
            out.push_back({m.captured(1).toDouble(), m.captured(2).toDouble(), m.captured(3).toDouble() / 100,
                           m.captured(4).toDouble() / 100});
    }
    return out;
}

std::unique_ptr<LlamaModel> openModel(const fs::path& path) {
    auto m = LlamaModel::open(path);
    if (!m) qFatal("%s", m.error().message.c_str());
    return std::move(*m);
}

} // namespace

class TestPerplexity : public QObject {
    Q_OBJECT

    std::string m_text;
    std::unique_ptr<LlamaModel> m_f16;
    std::unique_ptr<LlamaModel> m_q4km;
    QTemporaryDir m_dir;

    KldParams kldParams(int chunks) const {
        KldParams p;
        p.context = 256;
        p.maxChunks = chunks;
        p.threads = 2;
        p.cacheFolder = m_dir.path().toStdString();
        return p;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_text = readShared("data/books-eval.txt");
        QVERIFY(!m_text.empty());
        m_f16 = openModel(test::sharedModel());
        m_q4km = openModel(test::sharedPath("reference/qf-books-22m-Q4_K_M.gguf"));
    }

    void chunkRule() {
        auto plan = planChunks(77270, 256, -1);
        QVERIFY(plan.ok());
        QCOMPARE(plan->chunks, 301);
        QCOMPARE(plan->firstScored, 128u);
        QCOMPARE(plan->scoredPerChunk, 127u);
        QCOMPARE(planChunks(77270, 256, 5)->chunks, 5);
        QCOMPARE(planChunks(77270, 512, -1)->chunks, 150);
        auto tooShort = planChunks(511, 256, -1);
        QVERIFY(!tooShort.ok());
        QVERIFY(tooShort.error().message.find("512") != std::string::npos);
        // The first token of each evaluated chunk is BOS; the rest is the text.
        const std::vector<Token> tokens = m_f16->tokenizer().tokenize(m_text, true);
        const auto chunk = chunkTokens(*m_f16, tokens, *plan, 3);
        QCOMPARE(chunk.size(), size_t(256));
        QCOMPARE(chunk[0], 1);
        QVERIFY(std::equal(chunk.begin() + 1, chunk.end(), tokens.begin() + 3 * 256 + 1));
    }

    // llama-perplexity -m F16 -c 256: [1]150.3235,[2]126.8226,...
    void f16RunningPerplexityMatchesLlamaCpp() {
        const std::vector<double> reference = runningPerplexities(readShared("reference/ppl-F16.log"));
        QCOMPARE(int(reference.size()), 301);
        PerplexityParams params;
        params.context = 256;
        params.maxChunks = kChunks;
        params.threads = 2;
        int reported = 0;
        params.onChunk = [&](int chunk, double) { reported = chunk; };
        auto result = computePerplexity(*m_f16, m_text, params);
        QVERIFY2(result.ok(), result ? "" : result.error().message.c_str());
        QCOMPARE(result->chunks, kChunks);
        QCOMPARE(reported, kChunks);
        QCOMPARE(result->textTokens, size_t(77270));
        QCOMPARE(result->scoredTokens, int64_t(kChunks) * 127);
        for (int c = 0; c < kChunks; ++c) {
            const double ours = result->runningPerplexity[size_t(c)], theirs = reference[size_t(c)];
            QVERIFY2(
                std::fabs(ours / theirs - 1) < 3e-4,
                qPrintable(QStringLiteral("chunk %1: %2 vs llama.cpp %3").arg(c + 1).arg(ours).arg(theirs)));
        }
        QVERIFY(result->error > 0);
        QCOMPARE(result->perplexity, result->runningPerplexity.back());
    }

    // The Q4_K_M reference file's PPL column of kld-Q4_K_M.log (0.5% allowed for quantized types).
    void quantizedRunningPerplexityMatchesLlamaCpp() {
        const auto reference = kldLogLines(readShared("reference/kld-Q4_K_M.log"));
        QCOMPARE(int(reference.size()), 301);
        PerplexityParams params;
        params.context = 256;
        params.maxChunks = kChunks;
        params.threads = 2;
        auto result = computePerplexity(*m_q4km, m_text, params);
        QVERIFY(result.ok());
        for (int c = 0; c < kChunks; ++c)
            QVERIFY2(std::fabs(result->runningPerplexity[size_t(c)] / reference[size_t(c)].ppl - 1) < 5e-3,
                     qPrintable(QStringLiteral("chunk %1: %2 vs %3")
                                    .arg(c + 1)
                                    .arg(result->runningPerplexity[size_t(c)])
                                    .arg(reference[size_t(c)].ppl)));
    }

    // Running mean KLD, RMS Δp and same-top of the first chunks against kld-Q4_K_M.log; then the cache is
    // reused and gives the same numbers.
    void kldMatchesLlamaCppAndReusesTheCache() {
        const auto reference = kldLogLines(readShared("reference/kld-Q4_K_M.log"));
        std::vector<KldSummary> running;
        KldParams params = kldParams(kChunks);
        params.onChunk = [&](int, const KldSummary& s) { running.push_back(s); };
        auto first = computeKld(*m_q4km, *m_f16, m_text, params);
        QVERIFY2(first.ok(), first ? "" : first.error().message.c_str());
        QVERIFY(!first->cacheReused);
        QVERIFY(fs::exists(first->cachePath));
        QCOMPARE(first->cachePath.parent_path(), fs::path(m_dir.path().toStdString()));
        QCOMPARE(int(running.size()), kChunks);
        for (int c = 0; c < kChunks; ++c) {
            const KldSummary& s = running[size_t(c)];
            const KldLogLine& r = reference[size_t(c)];
            const QString where = QStringLiteral("chunk %1").arg(c + 1);
            // The log prints 5 decimals.
            QVERIFY2(std::fabs(s.meanKld.value - r.kld) <= 0.04 * r.kld + 5e-6,
                     qPrintable(where + QStringLiteral(" KLD %1 vs %2").arg(s.meanKld.value).arg(r.kld)));
            QVERIFY2(
                std::fabs(s.rmsDeltaP.value / r.rmsDp - 1) < 0.05,
                qPrintable(where + QStringLiteral(" RMS dp %1 vs %2").arg(s.rmsDeltaP.value).arg(r.rmsDp)));
            QVERIFY2(
                std::fabs(s.sameTop.value - r.sameTop) < 0.015,
                qPrintable(where + QStringLiteral(" same top %1 vs %2").arg(s.sameTop.value).arg(r.sameTop)));
        }
        const KldSummary& total = first->summary;
        QCOMPARE(total.tokens, int64_t(kChunks) * 127);
        QVERIFY(total.maxKld >= total.kld999 && total.kld999 >= total.kld99 &&
                total.kld99 >= total.medianKld);
        QVERIFY(total.medianKld >= total.minKld);
        QVERIFY(total.exactMeanKld.value > 0);
        // PPL(base) comes from the rounded, clamped base log-probabilities, as in llama.cpp: below PPL(F16).
        QVERIFY(total.basePerplexity.value < total.perplexity.value);

        auto second = computeKld(*m_q4km, *m_f16, m_text, kldParams(kChunks - 1));
        QVERIFY(second.ok());
        QVERIFY(second->cacheReused);
        QCOMPARE(second->summary.meanKld.value, running[size_t(kChunks - 2)].meanKld.value);
    }

    // A base cache that does not decode is reported with its file name, never silently used.
    void corruptCacheIsReported() {
        const KldParams params = kldParams(2);
        auto path = prepareBaseCache(*m_f16, m_text, params);
        QVERIFY(path.ok());
        QVERIFY(fs::file_size(*path) > 200);
        fs::resize_file(*path, 200); // the header and the start of the first chunk
        auto result = computeKld(*m_q4km, *m_f16, m_text, params);
        QVERIFY(!result.ok());
        QVERIFY2(result.error().message.find(path->filename().string()) != std::string::npos,
                 result.error().message.c_str());
        // A cache for other settings (here: another context) is not mistaken for this one.
        BaseCacheHeader wanted = BaseCacheReader::open(*path)->header();
        wanted.context = 128;
        QVERIFY(!BaseCacheReader::open(*path)->header().covers(wanted));
        fs::remove(*path);
    }

    void cancelStopsWithinTheRun() {
        std::stop_source stop;
        PerplexityParams params;
        params.context = 256;
        params.maxChunks = 50;
        params.threads = 2;
        params.onChunk = [&](int chunk, double) {
            if (chunk == 1) stop.request_stop();
        };
        auto ppl = computePerplexity(*m_f16, m_text, params, {}, stop.get_token());
        QVERIFY(!ppl.ok());
        QVERIFY(isCancelled(ppl.error()));

        // Cancelling the base pass leaves no cache file behind (a context no other test cached).
        std::stop_source stopBase;
        KldParams kld = kldParams(3);
        kld.context = 128;
        auto result = computeKld(
            *m_q4km, *m_f16, m_text, kld,
            [&](const Progress& p) {
                if (p.stage == "base model" && p.done == 1) stopBase.request_stop();
            },
            stopBase.get_token());
        QVERIFY(!result.ok());
        QVERIFY(isCancelled(result.error()));
        for (const auto& e : fs::directory_iterator(m_dir.path().toStdString()))
            QVERIFY2(e.path().extension() != ".qfkl" && e.path().extension() != ".part", e.path().c_str());
    }

    void textTooShort() {
        PerplexityParams params;
        params.context = 256;
        auto result = computePerplexity(*m_f16, "Far too short.", params);
        QVERIFY(!result.ok());
        QVERIFY(result.error().message.find("tokens") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestPerplexity)
#include "test_perplexity.moc"
