// Per-token KL statistics and their summary, in the arithmetic of llama-perplexity's kl_divergence()
// (float where it uses float, double where it sums in double), so that the numbers agree to the digit.
#include <algorithm>
#include <cmath>
#include <cstring>

#include "eval/kernels/matmul_kernels.h"
#include "qf/eval/kld.h"
#include "quant/quant_blocks.h"
#include "quant/kernel_table.h"

namespace qf::eval {
namespace {

using quant::detail::nearestInt; // ggml's nearest_int

// llama.cpp's mean_and_uncertainty.
ValueWithError meanAndError(double sum, double sum2, int64_t count) {
    if (count < 1) return {};
    const double mean = sum / double(count);
    double variance = sum2 / double(count) - mean * mean;
    variance = variance > 0 && count > 10 ? std::sqrt(variance / double(count - 1)) : 0.0;
    return {mean, variance};
}

double covariance(double sumA, double sumB, double sumAB, int64_t count) {
    if (count < 10) return 0.0;
    return (sumAB / double(count) - (sumA / double(count)) * (sumB / double(count))) / double(count - 1);
}

// Linear interpolation between the neighbouring order statistics (llama.cpp's percentile()).
double percentile(const std::vector<float>& sorted, float fraction) {
    if (fraction <= 0) return sorted.front();
    if (fraction >= 1) return sorted.back();
    float p = fraction * float(sorted.size() - 1);
    const size_t i = size_t(p);
    p -= float(i);
    return (1 - p) * sorted[i] + p * sorted[std::min(i + 1, sorted.size() - 1)];
}

double median(const std::vector<float>& sorted) {
    const size_t n = sorted.size();
    return n % 2 == 0 ? 0.5f * (sorted[n / 2] + sorted[n / 2 - 1]) : sorted[n / 2];
}

} // namespace

KldToken compareRow(std::span<const float> logits, std::span<const float> baseLogits, Token next) {
    const int64_t n = int64_t(logits.size());
    const VectorOps& ops = dispatch::kernels().vector;
    thread_local std::vector<float> probBase, storedLogProb, storedProb, scratch;
    probBase.resize(size_t(n));
    storedLogProb.resize(size_t(n));
    storedProb.resize(size_t(n));
    scratch.resize(size_t(n));
    KldToken out;

    // The base row as llama.cpp stores it: log-probabilities rounded to 65536 steps over at most 16 nats.
    const float maxBase = ops.maxOf(baseLogits.data(), n);
    float minBase = baseLogits[0];
    for (float v : baseLogits)
        minBase = std::min(minBase, v);
    minBase = std::max(minBase, maxBase - 16);
    const double sumExpBase = ops.expShifted(baseLogits.data(), maxBase, probBase.data(), n);
    const float logSumExpBase = float(std::log(sumExpBase));
    const float minLogProb = minBase - maxBase - logSumExpBase;
    const float scale = (maxBase - minBase) / 65535.0f;
    const float invScale = scale != 0.0f ? 1 / scale : 0.0f;
    for (int64_t i = 0; i < n; ++i) {
        const float b = baseLogits[size_t(i)];
        const uint16_t stored =
            scale != 0.0f && b > minBase ? uint16_t(nearestInt(invScale * (b - minBase))) : 0;
        storedLogProb[size_t(i)] = scale * float(stored) + minLogProb;
    }
    ops.expShifted(storedLogProb.data(), 0.0f, storedProb.data(), n);

    // The model's row: argmax (first of equals) and log-sum-exp.
    const float maxLogit = ops.maxOf(logits.data(), n);
    const size_t top = size_t(std::find(logits.begin(), logits.end(), maxLogit) - logits.begin());
    const double sumExp = ops.expShifted(logits.data(), maxLogit, scratch.data(), n);
    const float logSumExp = float(std::log(sumExp));
    out.nll = maxLogit + logSumExp - logits[size_t(next)];
    out.nllBase = -storedLogProb[size_t(next)];

    // llama.cpp's sum over the stored base log-probabilities above -16, with its float arithmetic; and the
    // exact divergence from the unrounded rows, whose per-token log-ratio is formed from the logit
    // difference so that no large terms cancel.
    const float logNorm = maxLogit + logSumExp;
    const double normDifference =
        (double(maxBase) + std::log(sumExpBase)) - (double(maxLogit) + std::log(sumExp));
    const double invSumExpBase = 1.0 / sumExpBase;
    double sum = 0.0, exact = 0.0;
    size_t topBase = 0;
    for (int64_t i = 0; i < n; ++i) {
        const float logProb = storedLogProb[size_t(i)];
        if (logProb > storedLogProb[topBase]) topBase = size_t(i);
        if (logProb > -16.0f) sum += storedProb[size_t(i)] * (logProb - logits[size_t(i)] + logNorm);
        exact += double(probBase[size_t(i)]) *
                 (double(baseLogits[size_t(i)] - logits[size_t(i)]) - normDifference);
    }
    out.kld = sum;
    out.exactKld = exact * invSumExpBase;
    out.sameTop = top == topBase;
    out.pDiff = std::exp(-out.nll) - std::exp(-out.nllBase);
    return out;
}

void KldAccumulator::add(const KldToken& t) {
    m_sumNll += t.nll;
    m_sumNll2 += t.nll * t.nll;
    m_sumNllBase += t.nllBase;
    m_sumNllBase2 += t.nllBase * t.nllBase;
    m_sumNllNllBase += t.nll * t.nllBase;
    m_sumKld += t.kld;
    m_sumKld2 += t.kld * t.kld;
    m_sumExact += t.exactKld;
    m_sumExact2 += t.exactKld * t.exactKld;
    m_sumPDiff += t.pDiff;
    const double pDiff2 = t.pDiff * t.pDiff;
    m_sumPDiff2 += pDiff2;
    m_sumPDiff4 += pDiff2 * pDiff2;
    m_sameTop += t.sameTop ? 1 : 0;
    ++m_count;
    m_klds.push_back(float(t.kld));
    m_pDiffs.push_back(t.pDiff);
}

KldSummary KldAccumulator::summary(bool percentiles) const {
    KldSummary s;
    s.tokens = m_count;
    if (m_count == 0) return s;
    const ValueWithError logPpl = meanAndError(m_sumNll, m_sumNll2, m_count);
    const ValueWithError logPplBase = meanAndError(m_sumNllBase, m_sumNllBase2, m_count);
    s.perplexity = {std::exp(logPpl.value), std::exp(logPpl.value) * logPpl.error};
    s.basePerplexity = {std::exp(logPplBase.value), std::exp(logPplBase.value) * logPplBase.error};
    const double cov = covariance(m_sumNll, m_sumNllBase, m_sumNllNllBase, m_count);
    s.correlation = logPpl.error > 0 && logPplBase.error > 0 ? cov / (logPpl.error * logPplBase.error) : 0.0;
    const double ratioError = std::sqrt(
        std::max(0.0, logPpl.error * logPpl.error + logPplBase.error * logPplBase.error - 2.0 * cov));
    s.lnPerplexityRatio = {logPpl.value - logPplBase.value, ratioError};
    s.perplexityRatio = {std::exp(s.lnPerplexityRatio.value),
                         std::exp(s.lnPerplexityRatio.value) * ratioError};
    const double pplCov = s.perplexity.value * s.basePerplexity.value * cov;
    s.perplexityDifference = {
        s.perplexity.value - s.basePerplexity.value,
        std::sqrt(std::max(0.0, s.perplexity.error * s.perplexity.error +
                                    s.basePerplexity.error * s.basePerplexity.error - 2.0 * pplCov))};
    s.meanKld = meanAndError(m_sumKld, m_sumKld2, m_count);
    s.exactMeanKld = meanAndError(m_sumExact, m_sumExact2, m_count);
    s.meanDeltaP = meanAndError(m_sumPDiff, m_sumPDiff2, m_count);
    const ValueWithError mse = meanAndError(m_sumPDiff2, m_sumPDiff4, m_count);
    const double rms = std::sqrt(mse.value);
    s.rmsDeltaP = {rms, rms > 0 ? 0.5 / rms * mse.error : 0.0};
    const double same = double(m_sameTop) / double(m_count);
    s.sameTop = {same, m_count > 1 ? std::sqrt(same * (1 - same) / double(m_count - 1)) : 0.0};

    if (percentiles) {
        std::vector<float> k = m_klds, d = m_pDiffs;
        std::sort(k.begin(), k.end());
        std::sort(d.begin(), d.end());
        s.maxKld = k.back();
        s.kld999 = percentile(k, 0.999f);
        s.kld99 = percentile(k, 0.99f);
        s.kld95 = percentile(k, 0.95f);
        s.kld90 = percentile(k, 0.90f);
        s.medianKld = median(k);
        s.kld10 = percentile(k, 0.10f);
        s.kld5 = percentile(k, 0.05f);
        s.kld1 = percentile(k, 0.01f);
        s.minKld = k.front();
        s.maxDeltaP = d.back();
        s.deltaP999 = percentile(d, 0.999f);
        s.deltaP99 = percentile(d, 0.99f);
        s.deltaP95 = percentile(d, 0.95f);
        s.deltaP90 = percentile(d, 0.90f);
        s.deltaP75 = percentile(d, 0.75f);
        s.medianDeltaP = median(d);
        s.deltaP25 = percentile(d, 0.25f);
        s.deltaP10 = percentile(d, 0.10f);
        s.deltaP5 = percentile(d, 0.05f);
        s.deltaP1 = percentile(d, 0.01f);
        s.deltaP01 = percentile(d, 0.001f);
        s.minDeltaP = d.front();
    }
    return s;
}

} // namespace qf::eval
