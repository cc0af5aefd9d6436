// Reference quantizers of Q4_K, Q5_K (eight 32-value sub-blocks with scale and min) and Q6_K (sixteen
// 16-value symmetric sub-blocks). Without importance weights: ggml's quantize_row_q{4,5,6}_K_ref; with
// weights: ggml's weighted searches.
#include <algorithm>
#include <cmath>
#include <cstring>

#include "quant_reference.h"
#include "quant_search.h"

namespace qf::quant::detail {
namespace {

constexpr int kSub = 32;
constexpr int kSubs = kQKK / kSub;

// Eight 6-bit scales and eight 6-bit mins in 12 bytes (see unpackScaleMinK4).
void packScaleMinK4(int j, uint8_t ls, uint8_t lm, uint8_t* scales) {
    if (j < 4) {
        scales[j] = ls;
        scales[j + 4] = lm;
    } else {
        scales[j + 4] = uint8_t((ls & 0xF) | ((lm & 0xF) << 4));
        scales[j - 4] |= uint8_t((ls >> 4) << 6);
        scales[j - 0] |= uint8_t((lm >> 4) << 6);
    }
}

// Scales and mins of the unweighted Q4_K / Q5_K: relative to the largest, in 6 bits.
void packRefScalesK4(const float* scales, const float* mins, uint8_t* packed, uint16_t* d, uint16_t* dmin) {
    float maxScale = 0;
    float maxMin = 0;
    for (int j = 0; j < kSubs; ++j) {
        if (scales[j] > maxScale) maxScale = scales[j];
        if (mins[j] > maxMin) maxMin = mins[j];
    }
    const float invScale = maxScale > 0 ? 63.f / maxScale : 0.f;
    const float invMin = maxMin > 0 ? 63.f / maxMin : 0.f;
    for (int j = 0; j < kSubs; ++j) {
        uint8_t ls = uint8_t(nearestInt(invScale * scales[j]));
        uint8_t lm = uint8_t(nearestInt(invMin * mins[j]));
        ls = std::min<uint8_t>(63, ls);
        lm = std::min<uint8_t>(63, lm);
        packScaleMinK4(j, ls, lm, packed);
    }
    *d = fp32ToFp16(maxScale / 63.f);
    *dmin = fp32ToFp16(maxMin / 63.f);
}

// Weighted Q4_K / Q5_K scales: their own weighted search. Q5_K clamps the levels to 63, Q4_K does not
// (makeQpQuants can wrap a negative level), exactly as ggml.
void packWeightedScalesK4(const float* scales, const float* mins, const float* subWeights, bool clamp63,
                          uint8_t* packed, uint16_t* d, uint16_t* dmin) {
    uint8_t scaleLevels[kSubs], minLevels[kSubs];
    const float dBlock = makeQpQuants(kSubs, 63, scales, scaleLevels, subWeights);
    const float mBlock = makeQpQuants(kSubs, 63, mins, minLevels, subWeights);
    for (int j = 0; j < kSubs; ++j) {
        uint8_t ls = scaleLevels[j];
        uint8_t lm = minLevels[j];
        if (clamp63) {
            ls = std::min<uint8_t>(63, ls);
            lm = std::min<uint8_t>(63, lm);
        }
        packScaleMinK4(j, ls, lm, packed);
    }
    *d = fp32ToFp16(dBlock);
    *dmin = fp32ToFp16(mBlock);
}

// Final levels with the stored (rounded) scales and mins: clamp(round((x + dm) / d), 0, nmax).
void requantizeK4(const float* x, const uint8_t* packed, uint16_t d16, uint16_t dmin16, int nmax,
                  uint8_t* levels, RequantizeFn requantize) {
    RequantPlan plan;
    plan.subBlocks = kSubs;
    plan.subSize = kSub;
    plan.useAdd = true;
    plan.lo = 0;
    plan.hi = nmax;
    for (int j = 0; j < kSubs; ++j) {
        uint8_t sc, m;
        unpackScaleMinK4(j, packed, &sc, &m);
        plan.d[j] = fp16ToFp32(d16) * float(sc);
        plan.add[j] = fp16ToFp32(dmin16) * float(m);
    }
    requantize(x, plan, levels);
}

void packQ4KLevels(const uint8_t* levels, BlockQ4K* y) {
    uint8_t* q = y->qs;
    for (int j = 0; j < kQKK; j += 64, q += 32)
        for (int l = 0; l < 32; ++l)
            q[l] = uint8_t(levels[j + l] | (levels[j + l + 32] << 4));
}

void packQ5KLevels(const uint8_t* levels, BlockQ5K* y) {
    uint8_t* qh = y->qh;
    uint8_t* ql = y->qs;
    std::memset(qh, 0, sizeof(y->qh));
    // Levels are 0..31: bit 4 of value 64 * n + j goes to qh[j], bit 2n; of value 64 * n + 32 + j to bit
    // 2n + 1. Branch-free, like the Q3_K high bits.
    for (int n = 0; n < 4; ++n, ql += 32) {
        for (int j = 0; j < 32; ++j) {
            const int l1 = levels[64 * n + j];
            const int l2 = levels[64 * n + j + 32];
            qh[j] = uint8_t(qh[j] | (((l1 >> 4) & 1) << (2 * n)) | (((l2 >> 4) & 1) << (2 * n + 1)));
            ql[j] = uint8_t((l1 & 15) | ((l2 & 15) << 4));
        }
    }
}

// Unweighted Q4_K / Q5_K sub-block weights: the sub-block's RMS plus |x|.
void refWeightsK4(const float* x, float* weights) {
    float sumX2 = 0;
    for (int l = 0; l < kSub; ++l)
        sumX2 += x[l] * x[l];
    const float avX = std::sqrt(sumX2 / 32);
    for (int l = 0; l < kSub; ++l)
        weights[l] = avX + std::fabs(x[l]);
}

template <class Block,
          void (*FinishRef)(const float*, const float*, const float*, uint8_t*, Block*, RequantizeFn),
          void (*FinishWeighted)(const float*, const float*, const float*, const float*, uint8_t*, Block*,
                                 RequantizeFn)>
void quantizeK4Family(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* importance,
                      int nmax, float refRmin, float refRdelta, int refSteps) {
    auto* y = static_cast<Block*>(dst);
    const int64_t perRow = rowLen / kQKK;
    uint8_t levels[kQKK], scratch[kSub];
    float weights[kSub], scales[kSubs], mins[kSubs], subWeights[kSubs];
    for (int64_t ib = 0; ib < nrows * perRow; ++ib) {
        const float* x = src + kQKK * ib;
        if (!importance) {
            for (int j = 0; j < kSubs; ++j) {
                refWeightsK4(x + kSub * j, weights);
                scales[j] = makeQkxQuants(kSub, nmax, x + kSub * j, weights, levels + kSub * j, &mins[j],
                                          scratch, refRmin, refRdelta, refSteps, false);
            }
            FinishRef(x, scales, mins, levels, y + ib, requantizeRef);
            continue;
        }
        const float* qw = importance + kQKK * (ib % perRow);
        const float sigma2 = 2 * superBlockSumSquares(x) / kQKK;
        for (int j = 0; j < kSubs; ++j) {
            for (int l = 0; l < kSub; ++l)
                weights[l] = qw[kSub * j + l] * std::sqrt(sigma2 + x[kSub * j + l] * x[kSub * j + l]);
            float sum = 0;
            for (int l = 0; l < kSub; ++l)
                sum += weights[l];
            subWeights[j] = sum;
            scales[j] = makeQkxQuants(kSub, nmax, x + kSub * j, weights, levels + kSub * j, &mins[j], scratch,
                                      -0.9f, 0.05f, 36, false);
        }
        FinishWeighted(x, scales, mins, subWeights, levels, y + ib, requantizeRef);
    }
}

} // namespace

void finishQ4KRef(const float* x, const float* scales, const float* mins, uint8_t* levels, BlockQ4K* y,
                  RequantizeFn requantize) {
    packRefScalesK4(scales, mins, y->scales, &y->d, &y->dmin);
    requantizeK4(x, y->scales, y->d, y->dmin, 15, levels, requantize);
    packQ4KLevels(levels, y);
}

void finishQ4KWeighted(const float* x, const float* scales, const float* mins, const float* subWeights,
                       uint8_t* levels, BlockQ4K* y, RequantizeFn requantize) {
    packWeightedScalesK4(scales, mins, subWeights, false, y->scales, &y->d, &y->dmin);
    requantizeK4(x, y->scales, y->d, y->dmin, 15, levels, requantize);
    packQ4KLevels(levels, y);
}

void finishQ5KRef(const float* x, const float* scales, const float* mins, uint8_t* levels, BlockQ5K* y,
                  RequantizeFn requantize) {
    packRefScalesK4(scales, mins, y->scales, &y->d, &y->dmin);
    requantizeK4(x, y->scales, y->d, y->dmin, 31, levels, requantize);
    packQ5KLevels(levels, y);
}

void finishQ5KWeighted(const float* x, const float* scales, const float* mins, const float* subWeights,
                       uint8_t* levels, BlockQ5K* y, RequantizeFn requantize) {
    packWeightedScalesK4(scales, mins, subWeights, true, y->scales, &y->d, &y->dmin);
    requantizeK4(x, y->scales, y->d, y->dmin, 31, levels, requantize);
    packQ5KLevels(levels, y);
}

void quantizeQ4KRef(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* importance) {
    quantizeK4Family<BlockQ4K, finishQ4KRef, finishQ4KWeighted>(src, dst, nrows, rowLen, importance, 15, -1.f,
                                                                0.1f, 20);
}

void quantizeQ5KRef(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* importance) {
    quantizeK4Family<BlockQ5K, finishQ5KRef, finishQ5KWeighted>(src, dst, nrows, rowLen, importance, 31,
                                                                -0.5f, 0.1f, 15);
}

void finishQ6K(const float* x, const float* scales, uint8_t* levels, BlockQ6K* y, RequantizeFn requantize) {
    float maxScale = 0;
    float maxAbsScale = 0;
    for (int ib = 0; ib < 16; ++ib) {
        const float absScale = std::fabs(scales[ib]);
        if (absScale > maxAbsScale) {
            maxAbsScale = absScale;
            maxScale = scales[ib];
        }
    }
    if (maxAbsScale < kGroupMaxEps) {
        std::memset(y, 0, sizeof(*y));
        y->d = fp32ToFp16(0.f);
        return;
    }
    const float iscale = -128.f / maxScale;
    y->d = fp32ToFp16(1 / iscale);
    for (int ib = 0; ib < 16; ++ib)
        y->scales[ib] = int8_t(std::min(127, nearestInt(iscale * scales[ib])));
    RequantPlan plan; // level = clamp(round(x / d), -32, 31) + 32
    plan.subBlocks = 16;
    plan.subSize = 16;
    plan.lo = -32;
    plan.hi = 31;
    plan.offset = 32;
    for (int j = 0; j < 16; ++j)
        plan.d[j] = fp16ToFp32(y->d) * float(y->scales[j]);
    requantize(x, plan, levels);
    uint8_t* ql = y->ql;
    uint8_t* qh = y->qh;
    for (int j = 0; j < kQKK; j += 128, ql += 64, qh += 32) {
        for (int l = 0; l < 32; ++l) {
            const uint8_t q1 = levels[j + l + 0] & 0xF;
            const uint8_t q2 = levels[j + l + 32] & 0xF;
            const uint8_t q3 = levels[j + l + 64] & 0xF;
            const uint8_t q4 = levels[j + l + 96] & 0xF;
            ql[l + 0] = uint8_t(q1 | (q3 << 4));
            ql[l + 32] = uint8_t(q2 | (q4 << 4));
            qh[l] = uint8_t((levels[j + l] >> 4) | ((levels[j + l + 32] >> 4) << 2) |
                            ((levels[j + l + 64] >> 4) << 4) | ((levels[j + l + 96] >> 4) << 6));
        }
    }
}

void quantizeQ6KRef(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* importance) {
    auto* y = static_cast<BlockQ6K*>(dst);
    const int64_t perRow = rowLen / kQKK;
    uint8_t levels[kQKK];
    auto* signedLevels = reinterpret_cast<int8_t*>(levels); // the search's levels are l + 32 >= 0
    float scales[16];
    for (int64_t ib = 0; ib < nrows * perRow; ++ib) {
        const float* x = src + kQKK * ib;
        // The weighted search uses the importance directly as weights (no sigma2 term), as ggml does.
        const float* qw = importance ? importance + kQKK * (ib % perRow) : nullptr;
        for (int j = 0; j < 16; ++j)
            scales[j] = makeQxQuants(16, 32, x + 16 * j, signedLevels + 16 * j, qw ? qw + 16 * j : nullptr);
        finishQ6K(x, scales, levels, y + ib);
    }
}

void dequantizeQ4K(const void* src, float* dst, int64_t n) {
    const auto* x = static_cast<const BlockQ4K*>(src);
    for (int64_t i = 0; i < n / kQKK; ++i) {
        const uint8_t* q = x[i].qs;
        const float d = fp16ToFp32(x[i].d);
        const float min = fp16ToFp32(x[i].dmin);
        for (int j = 0, is = 0; j < kQKK; j += 64, q += 32, is += 2) {
            uint8_t sc, m;
            unpackScaleMinK4(is + 0, x[i].scales, &sc, &m);
            const float d1 = d * float(sc), m1 = min * float(m);
            unpackScaleMinK4(is + 1, x[i].scales, &sc, &m);
            const float d2 = d * float(sc), m2 = min * float(m);
            for (int l = 0; l < 32; ++l)
                *dst++ = d1 * float(q[l] & 0xF) - m1;
            for (int l = 0; l < 32; ++l)
                *dst++ = d2 * float(q[l] >> 4) - m2;
        }
    }
}

void dequantizeQ5K(const void* src, float* dst, int64_t n) {
    const auto* x = static_cast<const BlockQ5K*>(src);
    for (int64_t i = 0; i < n / kQKK; ++i) {
        const uint8_t* ql = x[i].qs;
        const uint8_t* qh = x[i].qh;
        const float d = fp16ToFp32(x[i].d);
        const float min = fp16ToFp32(x[i].dmin);
        uint8_t u1 = 1, u2 = 2;
        for (int j = 0, is = 0; j < kQKK; j += 64, ql += 32, is += 2) {
            uint8_t sc, m;
            unpackScaleMinK4(is + 0, x[i].scales, &sc, &m);
            const float d1 = d * float(sc), m1 = min * float(m);
            unpackScaleMinK4(is + 1, x[i].scales, &sc, &m);
            const float d2 = d * float(sc), m2 = min * float(m);
            for (int l = 0; l < 32; ++l)
                *dst++ = d1 * float((ql[l] & 0xF) + (qh[l] & u1 ? 16 : 0)) - m1;
            for (int l = 0; l < 32; ++l)
                *dst++ = d2 * float((ql[l] >> 4) + (qh[l] & u2 ? 16 : 0)) - m2;
            u1 = uint8_t(u1 << 2);
            u2 = uint8_t(u2 << 2);
        }
    }
}

void dequantizeQ6K(const void* src, float* dst, int64_t n) {
    const auto* x = static_cast<const BlockQ6K*>(src);
    for (int64_t i = 0; i < n / kQKK; ++i) {
        const float d = fp16ToFp32(x[i].d);
        const uint8_t* ql = x[i].ql;
        const uint8_t* qh = x[i].qh;
        const int8_t* sc = x[i].scales;
        for (int half = 0; half < kQKK; half += 128, dst += 128, ql += 64, qh += 32, sc += 8) {
            for (int l = 0; l < 32; ++l) {
                const int is = l / 16;
                const int8_t q1 = int8_t(((ql[l + 0] & 0xF) | (((qh[l] >> 0) & 3) << 4)) - 32);
                const int8_t q2 = int8_t(((ql[l + 32] & 0xF) | (((qh[l] >> 2) & 3) << 4)) - 32);
                const int8_t q3 = int8_t(((ql[l + 0] >> 4) | (((qh[l] >> 4) & 3) << 4)) - 32);
                const int8_t q4 = int8_t(((ql[l + 32] >> 4) | (((qh[l] >> 6) & 3) << 4)) - 32);
                dst[l + 0] = d * float(sc[is + 0]) * float(q1);
                dst[l + 32] = d * float(sc[is + 2]) * float(q2);
                dst[l + 64] = d * float(sc[is + 4]) * float(q3);
                dst[l + 96] = d * float(sc[is + 6]) * float(q4);
            }
        }
    }
}

} // namespace qf::quant::detail
