// Reference quantizers of the non-linear 4-bit formats IQ4_NL (32-value blocks) and IQ4_XS (256-value
// super-blocks with 6-bit sub-block scales). ggml quantizes both through the same weighted search with
// seven trial scales each side, with or without importance weights (quantize_iq4_nl / quantize_iq4_xs);
// without weights a value's weight is x*x.
#include <cmath>
#include <cstring>

#include "quant_reference.h"
#include "quant_search.h"

namespace qf::quant::detail {
namespace {

constexpr int kIq4Tries = 7;

void packIq4Levels(const uint8_t* levels, int n, uint8_t* qs) {
    for (int i = 0; i < n / 32; ++i)
        for (int j = 0; j < 16; ++j)
            qs[16 * i + j] = uint8_t(levels[32 * i + j] | (levels[32 * i + 16 + j] << 4));
}

} // namespace

float iq4Sigma2(const float* x, int n) {
    float sigma2 = 0;
    for (int j = 0; j < n; ++j)
        sigma2 += x[j] * x[j];
    sigma2 *= 2.f / float(n);
    return sigma2;
}

void iq4Weights(const float* x, const float* importance, float sigma2, int n, float* weights) {
    if (importance) {
        for (int j = 0; j < n; ++j)
            weights[j] = importance[j] * std::sqrt(sigma2 + x[j] * x[j]);
    } else {
        for (int j = 0; j < n; ++j)
            weights[j] = x[j] * x[j];
    }
}

void finishIq4Nl(const float* x, float scale, BlockIq4Nl* y, RequantizeFn requantize) {
    y->d = fp32ToFp16(scale);
    RequantPlan plan;
    plan.kind = RequantPlan::Kind::Iq4;
    plan.subBlocks = 1;
    plan.subSize = kQK;
    plan.d[0] = scale != 0.f ? 1 / scale : 0;
    uint8_t levels[kQK];
    requantize(x, plan, levels);
    packIq4Levels(levels, kQK, y->qs);
}

void finishIq4Xs(const float* x, const float* scales, BlockIq4Xs* y, RequantizeFn requantize) {
    float maxScale = 0, amaxScale = 0;
    for (int ib = 0; ib < kQKK / 32; ++ib) {
        const float absD = std::fabs(scales[ib]);
        if (absD > amaxScale) {
            amaxScale = absD;
            maxScale = scales[ib];
        }
    }
    const float d = -maxScale / 32;
    y->d = fp32ToFp16(d);
    y->scalesH = 0;
    const float id = d != 0.f ? 1 / d : 0.f;
    RequantPlan plan;
    plan.kind = RequantPlan::Kind::Iq4;
    plan.subBlocks = kQKK / 32;
    plan.subSize = 32;
    for (int ib = 0; ib < kQKK / 32; ++ib) {
        int l = nearestInt(id * scales[ib]);
        l = l < -32 ? -32 : (l > 31 ? 31 : l);
        const float dl = d * float(l);
        plan.d[ib] = dl != 0.f ? 1 / dl : 0.f;
        l += 32;
        const uint8_t low = uint8_t(l & 0xf);
        const uint8_t high = uint8_t(l >> 4);
        if (ib % 2 == 0)
            y->scalesL[ib / 2] = low;
        else
            y->scalesL[ib / 2] |= uint8_t(low << 4);
        y->scalesH = uint16_t(y->scalesH | (high << 2 * (ib % 8)));
    }
    uint8_t levels[kQKK];
    requantize(x, plan, levels);
    packIq4Levels(levels, kQKK, y->qs);
}

void quantizeIq4NlRef(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* importance) {
    auto* y = static_cast<BlockIq4Nl*>(dst);
    const int64_t perRow = rowLen / kQK;
    float weights[kQK];
    for (int64_t ib = 0; ib < nrows * perRow; ++ib) {
        const float* x = src + kQK * ib;
        const float* qw = importance ? importance + kQK * (ib % perRow) : nullptr;
        iq4Weights(x, qw, iq4Sigma2(x, kQK), kQK, weights);
        finishIq4Nl(x, searchIq4Scale(kQK, x, weights, kIq4Tries), y + ib);
    }
}

void quantizeIq4XsRef(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* importance) {
    auto* y = static_cast<BlockIq4Xs*>(dst);
    const int64_t perRow = rowLen / kQKK;
    float weights[kQKK], scales[kQKK / 32];
    for (int64_t ib = 0; ib < nrows * perRow; ++ib) {
        const float* x = src + kQKK * ib;
        const float* qw = importance ? importance + kQKK * (ib % perRow) : nullptr;
        iq4Weights(x, qw, iq4Sigma2(x, kQKK), kQKK, weights);
        for (int j = 0; j < kQKK / 32; ++j)
            scales[j] = searchIq4Scale(32, x + 32 * j, weights + 32 * j, kIq4Tries);
        finishIq4Xs(x, scales, y + ib);
    }
}

void dequantizeIq4Nl(const void* src, float* dst, int64_t n) {
    const auto* x = static_cast<const BlockIq4Nl*>(src);
    for (int64_t i = 0; i < n / kQK; ++i, dst += kQK) {
        const float d = fp16ToFp32(x[i].d);
        for (int j = 0; j < kQK / 2; ++j) {
            dst[j] = d * float(kIq4Values[x[i].qs[j] & 0xf]);
            dst[j + kQK / 2] = d * float(kIq4Values[x[i].qs[j] >> 4]);
        }
    }
}

void dequantizeIq4Xs(const void* src, float* dst, int64_t n) {
    const auto* x = static_cast<const BlockIq4Xs*>(src);
    for (int64_t i = 0; i < n / kQKK; ++i) {
        const uint8_t* qs = x[i].qs;
        const float d = fp16ToFp32(x[i].d);
        for (int ib = 0; ib < kQKK / 32; ++ib, dst += 32, qs += 16) {
            const int ls =
                ((x[i].scalesL[ib / 2] >> 4 * (ib % 2)) & 0xf) | (((x[i].scalesH >> 2 * ib) & 3) << 4);
            const float dl = d * float(ls - 32);
            for (int j = 0; j < 16; ++j) {
                dst[j + 0] = dl * float(kIq4Values[qs[j] & 0xf]);
                dst[j + 16] = dl * float(kIq4Values[qs[j] >> 4]);
            }
        }
    }
}

} // namespace qf::quant::detail
