#pragma once
// KL divergence of a model against a base model, as llama-perplexity --kl-divergence reports it, with
// the same chunking as perplexity (see perplexity.h).
//
// Per scored token llama.cpp compares the model's softmax with the base log-probabilities it stored as
// uint16 per row (step (max - max(min, max - 16)) / 65535): KLD = sum over tokens whose stored base
// log-probability exceeds -16 of p_base * (log p_base - log p). We recompute the base logits exactly (see
// logprob_cache.h), quantize them the same way and apply the same formulas, so every number matches
// llama.cpp's. Because that estimator drops the tail below e^-16 and rounds the base, it differs from the
// true KL divergence by up to ~1.5% on the shared model; `exactMeanKld` reports the true one alongside.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <span>
#include <stop_token>
#include <string_view>
#include <vector>

#include "qf/eval/llama_model.h"
#include "qf/job.h"
#include "qf/result.h"

namespace qf::eval {

// One scored token.
struct KldToken {
    double kld = 0.0;      // llama.cpp's estimator
    double exactKld = 0.0; // full-vocabulary KL divergence from unrounded base log-probabilities
    float nll = 0.0f;      // -log p(next token) under the model
    float nllBase = 0.0f;  // the same from the stored (rounded, clamped) base log-probabilities
    float pDiff = 0.0f;    // p - p_base of the next token
    bool sameTop = false;  // both argmaxes agree
};

// Compares one row of logits of the model with one row of base logits (both vocabulary-wide).
KldToken compareRow(std::span<const float> logits, std::span<const float> baseLogits, Token next);

struct ValueWithError {
    double value = 0.0;
    double error = 0.0;
};

struct KldSummary {
    int64_t tokens = 0;
    ValueWithError perplexity;     // PPL(Q)
    ValueWithError basePerplexity; // PPL(base), from the rounded base log-probabilities as llama.cpp
    double correlation = 0.0;      // Cor(ln PPL(Q), ln PPL(base))
    ValueWithError lnPerplexityRatio;
    ValueWithError perplexityRatio;
    ValueWithError perplexityDifference;

    ValueWithError meanKld;
    ValueWithError exactMeanKld;
    double maxKld = 0, kld999 = 0, kld99 = 0, kld95 = 0, kld90 = 0, medianKld = 0, kld10 = 0, kld5 = 0,
           kld1 = 0, minKld = 0;

    ValueWithError meanDeltaP;
    double maxDeltaP = 0, deltaP999 = 0, deltaP99 = 0, deltaP95 = 0, deltaP90 = 0, deltaP75 = 0,
           medianDeltaP = 0, deltaP25 = 0, deltaP10 = 0, deltaP5 = 0, deltaP1 = 0, deltaP01 = 0,
           minDeltaP = 0;
    ValueWithError rmsDeltaP;
    ValueWithError sameTop; // fraction (0..1)
};

// Running sums in llama.cpp's arithmetic, plus the per-token values for percentiles.
class KldAccumulator {
public:
    void add(const KldToken& t);
    // Means, ± and correlations; percentiles too when `percentiles` (they sort every value).
    KldSummary summary(bool percentiles) const;
    int64_t count() const { return m_count; }

private:
    double m_sumNll = 0, m_sumNll2 = 0, m_sumNllBase = 0, m_sumNllBase2 = 0, m_sumNllNllBase = 0;
    double m_sumKld = 0, m_sumKld2 = 0, m_sumExact = 0, m_sumExact2 = 0;
    double m_sumPDiff = 0, m_sumPDiff2 = 0, m_sumPDiff4 = 0;
    int64_t m_sameTop = 0;
    int64_t m_count = 0;
    std::vector<float> m_klds;
    std::vector<float> m_pDiffs;
};

struct KldParams {
    uint32_t context = 512;
    int maxChunks = -1;
    unsigned threads = 0;
    bool llamaCppRounding = true; // see SessionOptions (the base cache records which was used)
    bool flashAttention = false;  // see SessionOptions (recorded too)
    // Where the base cache goes; empty = beside the base model.
    std::filesystem::path cacheFolder;
    // After every chunk: its 1-based number and the running statistics (no percentiles).
    std::function<void(int chunk, const KldSummary&)> onChunk;
};

struct KldResult {
    KldSummary summary;
    int chunks = 0;
    uint32_t context = 0;
    std::filesystem::path cachePath;
    bool cacheReused = false;
    double seconds = 0.0; // model evaluation and comparison (base pass excluded)
};

// Runs the base model over the text and writes its cache, unless a cache covering the request exists.
// Returns the cache path.
Result<std::filesystem::path> prepareBaseCache(const LlamaModel& base, std::string_view text,
                                               const KldParams& params, const ProgressFn& progress = {},
                                               std::stop_token stop = {}, bool* reused = nullptr);

// KL divergence of `model` against `base` over the text (building the base cache first if needed).
Result<KldResult> computeKld(const LlamaModel& model, const LlamaModel& base, std::string_view text,
                             const KldParams& params, const ProgressFn& progress = {},
                             std::stop_token stop = {});

} // namespace qf::eval
