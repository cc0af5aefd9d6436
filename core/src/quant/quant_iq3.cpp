// Reference quantizers of the 3-bit codebook formats (ggml quantize_row_iq3_xxs_impl with 256 points and
// quantize_row_iq3_s_impl): 32-value groups of eight 4-value codebook points. Importance weights are
// optional (without them a value weighs x*x).
#include <algorithm>
#include <cmath>
#include <cstring>

#include "iq_search.h"
#include "quant_reference.h"

namespace qf::quant::detail {
namespace {

constexpr int kMaxQ = 8;

struct Iq3Group {
    bool stored = false; // false below the all-zero threshold: ggml writes nothing for the group
    float scale = 0;
    int index[8] = {};
    uint8_t signs[4] = {};
};

// One 32-value group. xxs: IQ3_XXS (even sign parity, 31 trial scales, only off-grid groups redone);
// otherwise IQ3_S (all signs, 19 trial scales, every group redone).
Iq3Group searchIq3Group(const IqGrid& grid, const IqKernels& kern, const float* xb, const float* weight,
                        bool xxs) {
    Iq3Group out;
    float xval[32], waux[32];
    int8_t levels[32] = {};
    bool onGrid[8];
    for (int i = 0; i < 32; ++i)
        waux[i] = std::sqrt(weight[i]);
    for (int k = 0; k < 4; ++k) {
        const uint8_t s = iqFoldSigns(xb + 8 * k, weight + 8 * k, xxs, xval + 8 * k);
        out.signs[k] = xxs ? uint8_t(s & 127) : s;
    }
    float max = xval[0];
    for (int i = 1; i < 32; ++i)
        max = std::max(max, xval[i]);
    if (xxs ? max < 1e-8f : !max) return out;
    float scale = max / (2 * kMaxQ - 1);
    std::fill(onGrid, onGrid + 8, xxs);
    const int tries = xxs ? 15 : 9;
    float ids[31];
    for (int is = -tries; is <= tries; ++is)
        ids[is + tries] = (2 * kMaxQ - 1 + float(is) * 0.2f) / max;
    kern.trials(grid.fitTables(), 32, xval, weight, waux, ids, 2 * tries + 1, &scale, levels, onGrid);
    const bool anyOffGrid = std::find(onGrid, onGrid + 8, false) != onGrid + 8;
    if (anyOffGrid && scale > 0) {
        const float id = 1 / scale;
        for (int k = 0; k < 8; ++k) {
            if (xxs && onGrid[k]) continue;
            int8_t l4[4];
            for (int i = 0; i < 4; ++i) {
                const int l = nearestInt(0.5f * (id * xval[4 * k + i] - 1));
                l4[i] = int8_t(std::max(0, std::min(kMaxQ - 1, l)));
            }
            int32_t index = grid.map[iqKey(l4, 4, 3)];
            if (index < 0)
                index =
                    iqBestNeighbour(grid, kern.nearest, index, xval + 4 * k, waux + 4 * k, scale, levels + 4 * k);
            const int8_t* pg = grid.point(index);
            for (int i = 0; i < 4; ++i)
                levels[4 * k + i] = int8_t((pg[i] - 1) / 2);
        }
        float sumqx = 0, sumq2 = 0;
        for (int i = 0; i < 32; ++i) {
            const float w = weight[i];
            const float q = float(2 * levels[i] + 1);
            sumqx += w * xval[i] * q;
            sumq2 += w * q * q;
        }
        if (sumq2 > 0) scale = sumqx / sumq2;
    }
    if (scale < 0) {
        scale = -scale;
        for (int k = 0; k < 4; ++k)
            out.signs[k] = xxs ? uint8_t(~out.signs[k] & 127) : uint8_t(~out.signs[k]);
    }
    for (int k = 0; k < 8; ++k)
        out.index[k] = grid.map[iqKey(levels + 4 * k, 4, 3)];
    out.scale = scale;
    out.stored = true;
    return out;
}

void iq3Weights(const float* xb, const float* qw, float sigma2, float* weight) {
    if (qw) {
        for (int i = 0; i < 32; ++i)
            weight[i] = qw[i] * std::sqrt(sigma2 + xb[i] * xb[i]);
    } else {
        for (int i = 0; i < 32; ++i)
            weight[i] = xb[i] * xb[i];
    }
}

float iq3Sigma2(const float* xbl) {
    float sumx2 = 0;
    for (int i = 0; i < kQKK; ++i)
        sumx2 += xbl[i] * xbl[i];
    return 2 * sumx2 / kQKK;
}

void quantizeIq3XxsBlock(const IqGrid& grid, const IqKernels& kern, const float* xbl, const float* qwBlock,
                         BlockIq3Xxs* y) {
    float scales[kQKK / 32], weight[32];
    uint8_t q3[3 * (kQKK / 8)] = {};
    uint32_t scalesAndSigns[kQKK / 32] = {};
    y->d = fp32ToFp16(0.f);
    float maxScale = 0;
    const float sigma2 = iq3Sigma2(xbl);
    for (int ib = 0; ib < kQKK / 32; ++ib) {
        const float* xb = xbl + 32 * ib;
        iq3Weights(xb, qwBlock ? qwBlock + 32 * ib : nullptr, sigma2, weight);
        const Iq3Group g = searchIq3Group(grid, kern, xb, weight, true);
        scales[ib] = g.scale;
        if (!g.stored) continue;
        for (int k = 0; k < 8; ++k)
            q3[8 * ib + k] = uint8_t(g.index[k]);
        scalesAndSigns[ib] =
            uint32_t(g.signs[0] | (g.signs[1] << 7) | (g.signs[2] << 14) | (g.signs[3] << 21));
        maxScale = std::max(maxScale, g.scale);
    }
    if (!maxScale) {
        std::memset(y->qs, 0, sizeof(y->qs));
        return;
    }
    const float d = maxScale / 31;
    y->d = fp32ToFp16(d * 1.0125f);
    const float id = 1 / d;
    for (int ib = 0; ib < kQKK / 32; ++ib) {
        const int l = std::max(0, std::min(15, nearestInt(0.5f * (id * scales[ib] - 1))));
        scalesAndSigns[ib] |= uint32_t(l) << 28;
    }
    std::memcpy(y->qs, q3, kQKK / 4);
    std::memcpy(y->qs + kQKK / 4, scalesAndSigns, sizeof(scalesAndSigns));
}

void quantizeIq3SBlock(const IqGrid& grid, const IqKernels& kern, const float* xbl, const float* qwBlock,
                       BlockIq3S* y) {
    float scales[kQKK / 32], weight[32];
    std::memset(y, 0, sizeof(*y));
    // ggml advances its qs and signs cursors only past groups it stores, so a group below the zero
    // threshold shifts the later groups' bytes down (while qh and scales stay indexed by group).
    uint8_t* qs = y->qs;
    uint8_t* signs = y->signs;
    float maxScale = 0;
    const float sigma2 = iq3Sigma2(xbl);
    for (int ib = 0; ib < kQKK / 32; ++ib) {
        const float* xb = xbl + 32 * ib;
        iq3Weights(xb, qwBlock ? qwBlock + 32 * ib : nullptr, sigma2, weight);
        const Iq3Group g = searchIq3Group(grid, kern, xb, weight, false);
        scales[ib] = g.scale;
        if (!g.stored) continue;
        for (int k = 0; k < 8; ++k) {
            qs[k] = uint8_t(g.index[k] & 255);
            y->qh[(ib * 8 + k) / 8] =
                uint8_t(y->qh[(ib * 8 + k) / 8] | ((g.index[k] >> 8) << ((ib * 8 + k) % 8)));
        }
        qs += 8;
        std::memcpy(signs, g.signs, 4);
        signs += 4;
        maxScale = std::max(maxScale, g.scale);
    }
    if (!maxScale) return;
    const float d = maxScale / 31;
    y->d = fp32ToFp16(d * 1.033f);
    const float id = 1 / d;
    for (int ib = 0; ib < kQKK / 32; ib += 2) {
        const int l1 = std::max(0, std::min(15, nearestInt(0.5f * (id * scales[ib + 0] - 1))));
        const int l2 = std::max(0, std::min(15, nearestInt(0.5f * (id * scales[ib + 1] - 1))));
        y->scales[ib / 2] = uint8_t(l1 | (l2 << 4));
    }
}

} // namespace

void quantizeIq3XxsWith(const IqKernels& kern, const float* src, void* dst, int64_t nrows, int64_t rowLen,
                        const float* importance) {
    const IqGrid& grid = iqGrid(IqGridKind::Iq3Xxs);
    auto* y = static_cast<BlockIq3Xxs*>(dst);
    const int64_t perRow = rowLen / kQKK;
    for (int64_t ib = 0; ib < nrows * perRow; ++ib)
        quantizeIq3XxsBlock(grid, kern, src + kQKK * ib,
                            importance ? importance + kQKK * (ib % perRow) : nullptr, y + ib);
}

void quantizeIq3SWith(const IqKernels& kern, const float* src, void* dst, int64_t nrows, int64_t rowLen,
                      const float* importance) {
    const IqGrid& grid = iqGrid(IqGridKind::Iq3S);
    auto* y = static_cast<BlockIq3S*>(dst);
    const int64_t perRow = rowLen / kQKK;
    for (int64_t ib = 0; ib < nrows * perRow; ++ib)
        quantizeIq3SBlock(grid, kern, src + kQKK * ib,
                          importance ? importance + kQKK * (ib % perRow) : nullptr, y + ib);
}

void quantizeIq3XxsRef(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* importance) {
    quantizeIq3XxsWith({iqNeighbourRef, iqTrials4Ref}, src, dst, nrows, rowLen, importance);
}

void quantizeIq3SRef(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* importance) {
    quantizeIq3SWith({iqNeighbourRef, iqTrials4Ref}, src, dst, nrows, rowLen, importance);
}

} // namespace qf::quant::detail
