// Reference quantizers of the 2-bit codebook formats (ggml quantize_row_iq2_xxs_impl, _iq2_xs_impl,
// _iq2_s_impl). Each 16- or 32-value group folds its signs, tries a range of scales, rounds to levels, snaps
// every 8 values to the nearest codebook point, keeps the scale with the best weighted fit, and stores a
// 4-bit group scale relative to the block's fp16 scale. IQ2_XXS and IQ2_XS need importance weights
// (the dispatcher refuses them without).
#include <algorithm>
#include <cmath>
#include <cstring>

#include "iq_search.h"
#include "quant_reference.h"
#include "quant_search.h"

namespace qf::quant::detail {
namespace {

constexpr int kMaxQ = 3;

// Rounds xval * id to levels 0..kMaxQ-1 for `groups` groups of 8, snapping off-grid groups to the nearest
// neighbour at `scale` (the trial scales run through IqKernels::trials; this is the final pass).
void roundToGrid(const IqGrid& grid, const IqKernels& kern, const float* xval, const float* waux, float id,
                 float scale, int groups, int8_t* levels) {
    for (int k = 0; k < groups; ++k) {
        for (int i = 0; i < 8; ++i) {
            const int l = nearestInt(0.5f * (id * xval[8 * k + i] - 1));
            levels[8 * k + i] = int8_t(std::max(0, std::min(kMaxQ - 1, l)));
        }
        const int32_t index = grid.map[iqKey(levels + 8 * k, 8, 2)];
        if (index < 0)
            iqBestNeighbour(grid, kern.nearest, index, xval + 8 * k, waux + 8 * k, scale, levels + 8 * k);
    }
}

void weightedFit(const float* weight, const float* xval, const int8_t* levels, int n, float* sumqx,
                 float* sumq2) {
    float qx = 0, q2 = 0;
    for (int i = 0; i < n; ++i) {
        const float w = weight[i];
        const float q = float(2 * levels[i] + 1);
        qx += w * xval[i] * q;
        q2 += w * q * q;
    }
    *sumqx = qx;
    *sumq2 = q2;
}

int gridIndexOf(const IqGrid& grid, const int8_t* levels) {
    return grid.map[iqKey(levels, 8, 2)]; // >= 0: every stored level vector is a grid point
}

float blockSigma2(const float* xbl, float factor) {
    float sumx2 = 0;
    for (int i = 0; i < kQKK; ++i)
        sumx2 += xbl[i] * xbl[i];
    return factor * sumx2 / kQKK;
}

void quantizeIq2XxsBlock(const IqGrid& grid, const IqKernels& kern, const float* xbl, const float* qwBlock,
                         BlockIq2Xxs* y) {
    float scales[kQKK / 32];
    float weight[32], xval[32], waux[32];
    int8_t levels[32];
    uint8_t blockSigns[4];
    const IqFitTables fit = grid.fitTables();
    uint32_t q2[2 * (kQKK / 32)] = {};
    y->d = fp32ToFp16(0.f);
    float maxScale = 0;
    const float sigma2 = blockSigma2(xbl, 1.f);
    for (int ib = 0; ib < kQKK / 32; ++ib) {
        const float* xb = xbl + 32 * ib;
        const float* qw = qwBlock + 32 * ib;
        for (int i = 0; i < 32; ++i)
            weight[i] = qw[i] * std::sqrt(sigma2 + xb[i] * xb[i]);
        for (int i = 0; i < 32; ++i)
            waux[i] = std::sqrt(weight[i]);
        for (int k = 0; k < 4; ++k)
            blockSigns[k] = iqFoldSigns(xb + 8 * k, weight + 8 * k, true, xval + 8 * k) & 127;
        float max = xval[0];
        for (int i = 1; i < 32; ++i)
            max = std::max(max, xval[i]);
        if (max < kGroupMaxEps) {
            scales[ib] = 0;
            continue;
        }
        float scale = (kern.qp ? kern.qp : makeQpQuants)(32, kMaxQ + 1, xval, reinterpret_cast<uint8_t*>(levels),
                                                         weight);
        const float effMax = scale * kMaxQ;
        if (effMax <= 0) {
            scales[ib] = 0;
            continue;
        }
        float ids[13];
        for (int is = -6; is <= 6; ++is)
            ids[is + 6] = (2 * kMaxQ - 1 + float(is) * 0.1f) / effMax;
        bool onGrid[4];
        kern.trials(fit, 32, xval, weight, waux, ids, 13, &scale, levels, onGrid);
        if (scale > 0) {
            roundToGrid(grid, kern, xval, waux, 1 / scale, scale, 4, levels);
            float sumqx, sumq2;
            weightedFit(weight, xval, levels, 32, &sumqx, &sumq2);
            if (sumq2 > 0) scale = sumqx / sumq2;
        }
        if (scale < 0) {
            scale = -scale;
            for (int k = 0; k < 4; ++k)
                blockSigns[k] = uint8_t(~blockSigns[k] & 127);
        }
        for (int k = 0; k < 4; ++k) {
            q2[2 * ib + 0] |= uint32_t(gridIndexOf(grid, levels + 8 * k)) << 8 * k;
            q2[2 * ib + 1] |= uint32_t(blockSigns[k]) << 7 * k;
        }
        scales[ib] = scale;
        maxScale = std::max(maxScale, scale);
    }
    if (!maxScale) {
        std::memset(y->qs, 0, sizeof(y->qs));
        return;
    }
    const float d = maxScale / 31;
    y->d = fp32ToFp16(d);
    const float id = 1 / d;
    for (int ib = 0; ib < kQKK / 32; ++ib) {
        const int l = std::max(0, std::min(15, nearestInt(0.5f * (id * scales[ib] - 1))));
        q2[2 * ib + 1] |= uint32_t(l) << 28;
    }
    std::memcpy(y->qs, q2, sizeof(y->qs));
}

// IQ2_XS and IQ2_S: 16-value groups, scales tried around max/5. sigmaFactor, weights without importance
// and the stored layout differ.
struct Iq2Group {
    bool stored = false; // false for a group below the all-zero threshold: ggml leaves its bytes zero
    float scale = 0;
    int8_t levels[16] = {};
    uint8_t signs[2] = {};
};

Iq2Group searchIq2Group16(const IqGrid& grid, const IqKernels& kern, const float* xb, const float* weight,
                          bool evenParity, float maxEps) {
    Iq2Group out;
    float xval[16], waux[16];
    bool onGrid[2];
    for (int i = 0; i < 16; ++i)
        waux[i] = std::sqrt(weight[i]);
    for (int k = 0; k < 2; ++k) {
        const uint8_t s = iqFoldSigns(xb + 8 * k, weight + 8 * k, evenParity, xval + 8 * k);
        out.signs[k] = evenParity ? uint8_t(s & 127) : s;
    }
    float max = xval[0];
    for (int i = 1; i < 16; ++i)
        max = std::max(max, xval[i]);
    if (max < maxEps) return out;
    float scale = max / (2 * kMaxQ - 1);
    onGrid[0] = onGrid[1] = true;
    float ids[19];
    for (int is = -9; is <= 9; ++is)
        ids[is + 9] = (2 * kMaxQ - 1 + float(is) * 0.1f) / max;
    kern.trials(grid.fitTables(), 16, xval, weight, waux, ids, 19, &scale, out.levels, onGrid);
    if ((!onGrid[0] || !onGrid[1]) && scale > 0) {
        const float id = 1 / scale;
        for (int k = 0; k < 2; ++k) {
            if (onGrid[k]) continue;
            for (int i = 0; i < 8; ++i) {
                const int l = nearestInt(0.5f * (id * xval[8 * k + i] - 1));
                out.levels[8 * k + i] = int8_t(std::max(0, std::min(kMaxQ - 1, l)));
            }
            const int32_t index = grid.map[iqKey(out.levels + 8 * k, 8, 2)];
            if (index < 0)
                iqBestNeighbour(grid, kern.nearest, index, xval + 8 * k, waux + 8 * k, scale, out.levels + 8 * k);
        }
        float sumqx, sumq2;
        weightedFit(weight, xval, out.levels, 16, &sumqx, &sumq2);
        if (sumq2 > 0) scale = sumqx / sumq2;
    }
    if (scale < 0) {
        scale = -scale;
        for (int k = 0; k < 2; ++k)
            out.signs[k] = evenParity ? uint8_t(~out.signs[k] & 127) : uint8_t(~out.signs[k]);
    }
    out.scale = scale;
    out.stored = true;
    return out;
}

void packScales16(const float* scales, float maxScale, uint8_t* packed) {
    const float id = 1 / (maxScale / 31);
    for (int ib = 0; ib < kQKK / 16; ++ib) {
        const int l = std::max(0, std::min(15, nearestInt(0.5f * (id * scales[ib] - 1))));
        if (ib % 2 == 0)
            packed[ib / 2] = uint8_t(l);
        else
            packed[ib / 2] = uint8_t(packed[ib / 2] | (l << 4));
    }
}

void quantizeIq2XsBlock(const IqGrid& grid, const IqKernels& kern, const float* xbl, const float* qwBlock,
                        BlockIq2Xs* y) {
    float scales[kQKK / 16], weight[16];
    uint16_t q2[2 * (kQKK / 16)] = {};
    y->d = fp32ToFp16(0.f);
    std::memset(y->scales, 0, sizeof(y->scales));
    float maxScale = 0;
    const float sigma2 = blockSigma2(xbl, 1.f);
    for (int ib = 0; ib < kQKK / 16; ++ib) {
        const float* xb = xbl + 16 * ib;
        const float* qw = qwBlock + 16 * ib;
        for (int i = 0; i < 16; ++i)
            weight[i] = qw[i] * std::sqrt(sigma2 + xb[i] * xb[i]);
        const Iq2Group g = searchIq2Group16(grid, kern, xb, weight, true, kGroupMaxEps);
        scales[ib] = g.scale;
        if (!g.stored) continue;
        for (int k = 0; k < 2; ++k)
            q2[2 * ib + k] = uint16_t(gridIndexOf(grid, g.levels + 8 * k) | (g.signs[k] << 9));
        maxScale = std::max(maxScale, g.scale);
    }
    if (!maxScale) {
        std::memset(y->qs, 0, sizeof(y->qs));
        return;
    }
    y->d = fp32ToFp16(maxScale / 31);
    packScales16(scales, maxScale, y->scales);
    std::memcpy(y->qs, q2, sizeof(y->qs));
}

void quantizeIq2SBlock(const IqGrid& grid, const IqKernels& kern, const float* xbl, const float* qwBlock,
                       BlockIq2S* y) {
    float scales[kQKK / 16], weight[16];
    std::memset(y, 0, sizeof(*y));
    float maxScale = 0;
    const float sigma2 = blockSigma2(xbl, 2.f);
    for (int ib = 0; ib < kQKK / 16; ++ib) {
        const float* xb = xbl + 16 * ib;
        if (qwBlock) {
            const float* qw = qwBlock + 16 * ib;
            for (int i = 0; i < 16; ++i)
                weight[i] = qw[i] * std::sqrt(sigma2 + xb[i] * xb[i]);
        } else {
            for (int i = 0; i < 16; ++i)
                weight[i] = 0.25f * sigma2 + xb[i] * xb[i];
        }
        const Iq2Group g = searchIq2Group16(grid, kern, xb, weight, false, 1e-8f);
        scales[ib] = g.scale;
        if (!g.stored) continue;
        for (int k = 0; k < 2; ++k) {
            const int i8 = 2 * ib + k;
            const int index = gridIndexOf(grid, g.levels + 8 * k);
            y->qs[i8] = uint8_t(index & 255);
            y->qh[i8 / 4] = uint8_t(y->qh[i8 / 4] | ((index >> 8) << 2 * (i8 % 4)));
            y->qs[kQKK / 8 + i8] = g.signs[k];
        }
        maxScale = std::max(maxScale, g.scale);
    }
    if (!maxScale) return;
    y->d = fp32ToFp16(maxScale / 31 * 0.9875f);
    packScales16(scales, maxScale, y->scales);
}

} // namespace

void quantizeIq2XxsWith(const IqKernels& kern, const float* src, void* dst, int64_t nrows, int64_t rowLen,
                        const float* importance) {
    const IqGrid& grid = iqGrid(IqGridKind::Iq2Xxs);
    auto* y = static_cast<BlockIq2Xxs*>(dst);
    const int64_t perRow = rowLen / kQKK;
    for (int64_t ib = 0; ib < nrows * perRow; ++ib)
        quantizeIq2XxsBlock(grid, kern, src + kQKK * ib, importance + kQKK * (ib % perRow), y + ib);
}

void quantizeIq2XsWith(const IqKernels& kern, const float* src, void* dst, int64_t nrows, int64_t rowLen,
                       const float* importance) {
    const IqGrid& grid = iqGrid(IqGridKind::Iq2Xs);
    auto* y = static_cast<BlockIq2Xs*>(dst);
    const int64_t perRow = rowLen / kQKK;
    for (int64_t ib = 0; ib < nrows * perRow; ++ib)
        quantizeIq2XsBlock(grid, kern, src + kQKK * ib, importance + kQKK * (ib % perRow), y + ib);
}

void quantizeIq2SWith(const IqKernels& kern, const float* src, void* dst, int64_t nrows, int64_t rowLen,
                      const float* importance) {
    const IqGrid& grid = iqGrid(IqGridKind::Iq2S);
    auto* y = static_cast<BlockIq2S*>(dst);
    const int64_t perRow = rowLen / kQKK;
    for (int64_t ib = 0; ib < nrows * perRow; ++ib)
        quantizeIq2SBlock(grid, kern, src + kQKK * ib,
                          importance ? importance + kQKK * (ib % perRow) : nullptr, y + ib);
}

void quantizeIq2XxsRef(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* importance) {
    quantizeIq2XxsWith({iqNeighbourRef, iqTrials8Ref}, src, dst, nrows, rowLen, importance);
}

void quantizeIq2XsRef(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* importance) {
    quantizeIq2XsWith({iqNeighbourRef, iqTrials8Ref}, src, dst, nrows, rowLen, importance);
}

void quantizeIq2SRef(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* importance) {
    quantizeIq2SWith({iqNeighbourRef, iqTrials8Ref}, src, dst, nrows, rowLen, importance);
}

} // namespace qf::quant::detail
