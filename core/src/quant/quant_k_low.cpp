// Reference quantizers of Q2_K and Q3_K (256-value super-blocks of 16-value sub-blocks). Without importance
// weights they are ggml's quantize_row_q2_K_ref / q3_K_ref, with weights ggml's weighted searches.
#include <algorithm>
#include <cmath>
#include <cstring>

#include "quant_reference.h"
#include "quant_search.h"

namespace qf::quant::detail {
namespace {

constexpr int kSub = 16;           // values per sub-block
constexpr int kSubs = kQKK / kSub; // sub-blocks per super-block

// Two-bit levels, four per byte: value l of each 32-value column group goes to bit pair l / 32.
void packTwoBitLevels(const uint8_t* levels, uint8_t* qs) {
    for (int j = 0; j < kQKK; j += 128) {
        for (int l = 0; l < 32; ++l) {
            qs[j / 4 + l] = uint8_t(levels[j + l] | (levels[j + l + 32] << 2) | (levels[j + l + 64] << 4) |
                                    (levels[j + l + 96] << 6));
        }
    }
}

// Requantization plan of Q2_K from its stored scales: level = clamp(round((x + m) / d), 0, 3).
RequantPlan planQ2K(const BlockQ2K* y, float dAll, float mAll) {
    RequantPlan plan;
    plan.subBlocks = kSubs;
    plan.subSize = kSub;
    plan.useAdd = true;
    plan.lo = 0;
    plan.hi = 3;
    for (int j = 0; j < kSubs; ++j) {
        plan.d[j] = dAll * float(y->scales[j] & 0xF);
        plan.add[j] = mAll * float(y->scales[j] >> 4);
    }
    return plan;
}

// The sixteen 6-bit Q3_K scales: low nibbles in bytes 0..7, high bit pairs in bytes 8..11.
void packQ3KScale(int j, int l, uint8_t* scales) {
    if (j < 8)
        scales[j] = uint8_t(l & 0xF);
    else
        scales[j - 8] |= uint8_t((l & 0xF) << 4);
    l >>= 4;
    scales[j % 4 + 8] |= uint8_t(l << (2 * (j / 4)));
}

// Q3_K: level = clamp(round(x / d), -4, 3) + 4 with d the stored super-block scale times the signed
// sub-block scale; then the high bit of value j goes to hmask[j % 32], bit j / 32, the low two to qs.
void requantizeAndPackQ3K(const float* x, BlockQ3K* y, uint8_t* levels, RequantizeFn requantize) {
    RequantPlan plan;
    plan.subBlocks = kSubs;
    plan.subSize = kSub;
    plan.lo = -4;
    plan.hi = 3;
    plan.offset = 4;
    for (int j = 0; j < kSubs; ++j) {
        int8_t sc = int8_t(j < 8 ? y->scales[j] & 0xF : y->scales[j - 8] >> 4);
        sc = int8_t((sc | (((y->scales[8 + j % 4] >> (2 * (j / 4))) & 3) << 4)) - 32);
        plan.d[j] = fp16ToFp32(y->d) * float(sc);
    }
    requantize(x, plan, levels);
    // Branch-free, in loops the compiler vectorizes: the high bit is random, so branches would mispredict.
    std::memset(y->hmask, 0, sizeof(y->hmask));
    for (int bit = 0; bit < 8; ++bit) {
        for (int m = 0; m < 32; ++m) {
            const uint8_t level = levels[32 * bit + m];
            y->hmask[m] = uint8_t(y->hmask[m] | (((level >> 2) & 1) << bit));
            levels[32 * bit + m] = uint8_t(level & 3);
        }
    }
    packTwoBitLevels(levels, y->qs);
}

} // namespace

float superBlockSumSquares(const float* x) {
    float sum = 0;
    for (int j = 0; j < kQKK; ++j)
        sum += x[j] * x[j];
    return sum;
}

void finishQ2KRef(const float* x, const float* scales, const float* mins, uint8_t* levels, BlockQ2K* y,
                  RequantizeFn requantize) {
    constexpr float kQ4Scale = 15.f;
    float maxScale = 0;
    float maxMin = 0;
    for (int j = 0; j < kSubs; ++j) {
        if (scales[j] > maxScale) maxScale = scales[j];
        if (mins[j] > maxMin) maxMin = mins[j];
    }
    if (maxScale > 0) {
        const float iscale = kQ4Scale / maxScale;
        for (int j = 0; j < kSubs; ++j)
            y->scales[j] = uint8_t(nearestInt(iscale * scales[j]));
        y->d = fp32ToFp16(maxScale / kQ4Scale);
    } else {
        std::memset(y->scales, 0, sizeof(y->scales));
        y->d = fp32ToFp16(0.f);
    }
    if (maxMin > 0) {
        const float iscale = kQ4Scale / maxMin;
        for (int j = 0; j < kSubs; ++j)
            y->scales[j] |= uint8_t(nearestInt(iscale * mins[j]) << 4);
        y->dmin = fp32ToFp16(maxMin / kQ4Scale);
    } else {
        y->dmin = fp32ToFp16(0.f);
    }
    requantize(x, planQ2K(y, fp16ToFp32(y->d), fp16ToFp32(y->dmin)), levels);
    packTwoBitLevels(levels, y->qs);
}

void finishQ2KWeighted(const float* x, const float* scales, const float* mins, const float* subWeights,
                       uint8_t* levels, BlockQ2K* y, RequantizeFn requantize) {
    uint8_t scaleLevels[kSubs], minLevels[kSubs];
    const float dm = makeQpQuants(kSubs, 15, scales, scaleLevels, subWeights);
    const float mm = makeQpQuants(kSubs, 15, mins, minLevels, subWeights);
    y->d = fp32ToFp16(dm);
    y->dmin = fp32ToFp16(mm);
    for (int j = 0; j < kSubs; ++j)
        y->scales[j] = uint8_t(scaleLevels[j] | (minLevels[j] << 4));
    requantize(x, planQ2K(y, fp16ToFp32(y->d), fp16ToFp32(y->dmin)), levels);
    packTwoBitLevels(levels, y->qs);
}

void quantizeQ2KRef(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* importance) {
    auto* y = static_cast<BlockQ2K*>(dst);
    const int64_t perRow = rowLen / kQKK;
    uint8_t levels[kQKK], scratch[kSub];
    float weights[kSub], scales[kSubs], mins[kSubs], subWeights[kSubs];
    for (int64_t ib = 0; ib < nrows * perRow; ++ib) {
        const float* x = src + kQKK * ib;
        if (!importance) {
            for (int j = 0; j < kSubs; ++j) {
                for (int l = 0; l < kSub; ++l)
                    weights[l] = std::fabs(x[kSub * j + l]);
                scales[j] = makeQkxQuants(kSub, 3, x + kSub * j, weights, levels + kSub * j, &mins[j],
                                          scratch, -0.5f, 0.1f, 15, true);
            }
            finishQ2KRef(x, scales, mins, levels, y + ib);
            continue;
        }
        const float* qw = importance + kQKK * (ib % perRow);
        const float sigma2 = superBlockSumSquares(x) / kQKK;
        for (int j = 0; j < kSubs; ++j) {
            for (int l = 0; l < kSub; ++l)
                weights[l] = qw[kSub * j + l] * std::sqrt(sigma2 + x[kSub * j + l] * x[kSub * j + l]);
            float sum = 0;
            for (int l = 0; l < kSub; ++l)
                sum += weights[l];
            subWeights[j] = sum;
            scales[j] = makeQkxQuants(kSub, 3, x + kSub * j, weights, levels + kSub * j, &mins[j], scratch,
                                      -0.9f, 0.05f, 36, false);
        }
        finishQ2KWeighted(x, scales, mins, subWeights, levels, y + ib);
    }
}

void finishQ3KRef(const float* x, const float* scales, uint8_t* levels, BlockQ3K* y,
                  RequantizeFn requantize) {
    float maxScale = 0;
    float amax = 0;
    for (int j = 0; j < kSubs; ++j) {
        const float scale = std::fabs(scales[j]);
        if (scale > amax) {
            amax = scale;
            maxScale = scales[j];
        }
    }
    std::memset(y->scales, 0, sizeof(y->scales));
    if (maxScale != 0.f) {
        const float iscale = -32.f / maxScale;
        for (int j = 0; j < kSubs; ++j) {
            int8_t l = int8_t(nearestInt(iscale * scales[j]));
            l = int8_t(std::max(-32, std::min(31, int(l))) + 32);
            packQ3KScale(j, l, y->scales);
        }
        y->d = fp32ToFp16(1 / iscale);
    } else {
        y->d = fp32ToFp16(0.f);
    }
    requantizeAndPackQ3K(x, y, levels, requantize);
}

void finishQ3KWeighted(const float* x, const float* scales, const float* subWeights, uint8_t* levels,
                       BlockQ3K* y, RequantizeFn requantize) {
    std::memset(y->scales, 0, sizeof(y->scales));
    int8_t scaleLevels[kSubs];
    const float dBlock = makeQxQuants(kSubs, 32, scales, scaleLevels, subWeights);
    for (int j = 0; j < kSubs; ++j)
        packQ3KScale(j, scaleLevels[j], y->scales);
    y->d = fp32ToFp16(dBlock);
    requantizeAndPackQ3K(x, y, levels, requantize);
}

void quantizeQ3KRef(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* importance) {
    auto* y = static_cast<BlockQ3K*>(dst);
    const int64_t perRow = rowLen / kQKK;
    uint8_t levels[kQKK];
    auto* signedLevels = reinterpret_cast<int8_t*>(levels); // the searches' levels are l + 4 >= 0
    float weights[kSub], scales[kSubs], subWeights[kSubs];
    for (int64_t ib = 0; ib < nrows * perRow; ++ib) {
        const float* x = src + kQKK * ib;
        if (!importance) {
            for (int j = 0; j < kSubs; ++j)
                scales[j] = makeQ3Quants(kSub, 4, x + kSub * j, signedLevels + kSub * j);
            finishQ3KRef(x, scales, levels, y + ib);
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
            scales[j] = makeQxQuants(kSub, 4, x + kSub * j, signedLevels + kSub * j, weights);
        }
        finishQ3KWeighted(x, scales, subWeights, levels, y + ib);
    }
}

void dequantizeQ2K(const void* src, float* dst, int64_t n) {
    const auto* x = static_cast<const BlockQ2K*>(src);
    for (int64_t i = 0; i < n / kQKK; ++i) {
        const float d = fp16ToFp32(x[i].d);
        const float min = fp16ToFp32(x[i].dmin);
        const uint8_t* q = x[i].qs;
        int is = 0;
        for (int half = 0; half < kQKK; half += 128, q += 32) {
            for (int shift = 0; shift < 8; shift += 2) {
                for (int part = 0; part < 2; ++part) {
                    const uint8_t sc = x[i].scales[is++];
                    const float dl = d * float(sc & 0xF);
                    const float ml = min * float(sc >> 4);
                    for (int l = 0; l < 16; ++l)
                        *dst++ = dl * float((q[16 * part + l] >> shift) & 3) - ml;
                }
            }
        }
    }
}

void dequantizeQ3K(const void* src, float* dst, int64_t n) {
    const auto* x = static_cast<const BlockQ3K*>(src);
    for (int64_t i = 0; i < n / kQKK; ++i) {
        const float dAll = fp16ToFp32(x[i].d);
        int8_t scales[kSubs];
        for (int j = 0; j < kSubs; ++j)
            scales[j] = int8_t(unpackScaleQ3K(j, x[i].scales));
        const uint8_t* q = x[i].qs;
        const uint8_t* hm = x[i].hmask;
        uint8_t m = 1;
        int is = 0;
        for (int half = 0; half < kQKK; half += 128, q += 32) {
            for (int shift = 0; shift < 8; shift += 2, m = uint8_t(m << 1)) {
                for (int part = 0; part < 2; ++part) {
                    const float dl = dAll * float(scales[is++] - 32);
                    for (int l = 0; l < 16; ++l) {
                        const int k = 16 * part + l;
                        *dst++ = dl * float(((q[k] >> shift) & 3) - ((hm[k] & m) ? 0 : 4));
                    }
                }
            }
        }
    }
}

} // namespace qf::quant::detail
