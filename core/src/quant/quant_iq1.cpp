// Reference quantizers of the 1.5- and 1.75-bit formats IQ1_S and IQ1_M (ggml quantize_row_iq1_s_impl,
// quantize_row_iq1_m_impl). Values take three levels {-1, 0, 1} shifted by +-delta; the best split of a
// sorted group into three levels is found exhaustively from prefix sums, then every 8 values are snapped
// to the 2048-point codebook. IQ1_S needs importance weights; IQ1_M weighs x*x without them.
#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstring>

#include "iq_grids.h"
#include "iq_kernels.h"
#include "quant_reference.h"

namespace qf::quant::detail {
namespace {

constexpr float kIq1Delta = 0.125f;
constexpr float kXp[3] = {-1 + kIq1Delta, kIq1Delta, 1 + kIq1Delta};
constexpr float kXm[3] = {-1 - kIq1Delta, -kIq1Delta, 1 - kIq1Delta};

// ggml iq1_find_best_neighbour2 with the listed search `nearest`: the nearest listed point at `scale`
// with level values xg; falls back to the whole grid when no distance compares (NaN input), with ggml's
// indexing there.
int iq1BestNeighbour(Iq1NeighbourFn nearest, const IqGrid& grid, int32_t mapValue, const float* xval,
                     const float* weight, float scale, const float* xg, int8_t* levels) {
    int index = nearest(grid.neighbourTables(), mapValue, xval, weight, scale, xg);
    if (index < 0) {
        float best = FLT_MAX;
        for (int i = 0; i < grid.size; ++i) {
            const int8_t* gi = grid.point(i);
            float d2 = 0;
            for (int j = 0; j < 8; ++j) {
                const float w = weight[j];
                const float q = xg[(gi[j] - 1) / 2];
                const float diff = scale * q - xval[i < 8 ? i : 7]; // ggml reads xval[i] here
                d2 += w * diff * diff;
            }
            if (d2 < best) {
                best = d2;
                index = i;
            }
        }
    }
    if (index < 0) index = 0;
    const int8_t* pg = grid.point(index);
    for (int i = 0; i < 8; ++i)
        levels[i] = int8_t((pg[i] - 1) / 2);
    return index;
}

// Sorts value positions by value, stably (glibc's qsort, which ggml calls, is a merge sort here). Without
// NaN "<" is a strict weak order, so every stable sort gives the same order: there a value's place is the
// count of values smaller than it plus the count of equal values before it (no branch to mispredict, no
// buffer as std::stable_sort allocates on every call). Fixed bounds let the compiler count with whole-vector
// compares.
template <int n> void sortedOrder(const float* xb, int* order) {
    bool ordered = true;
    for (int j = 0; j < n; ++j)
        ordered = ordered && !std::isnan(xb[j]);
    if (!ordered) {
        for (int j = 0; j < n; ++j)
            order[j] = j;
        std::stable_sort(order, order + n, [xb](int a, int b) { return xb[a] < xb[b]; });
        return;
    }
#if defined(__GNUC__) // GCC and Clang: 4-lane vectors (SSE2, NEON), which GCC does not pick for n = 16 itself
    using F4 = float __attribute__((vector_size(16)));
    using I4 = int32_t __attribute__((vector_size(16)));
    static_assert(n % 4 == 0);
    F4 x[n / 4];
    std::memcpy(x, xb, sizeof(x));
    for (int i = 0; i < n; ++i) {
        const F4 v = {xb[i], xb[i], xb[i], xb[i]};
        const I4 at = {i, i, i, i};
        I4 count = {0, 0, 0, 0}, pos = {0, 1, 2, 3};
        for (int q = 0; q < n / 4; ++q, pos += 4)
            count -= (x[q] < v) + ((x[q] == v) & (pos < at)); // a true compare is -1
        order[count[0] + count[1] + count[2] + count[3]] = i;
    }
#else
    for (int i = 0; i < n; ++i) {
        const float v = xb[i];
        int rank = 0;
        for (int j = 0; j < n; ++j)
            rank += int(xb[j] < v) + (int(xb[j] == v) & int(j < i));
        order[rank] = i;
    }
#endif
}

float blockSigma2(const float* xbl) {
    float sumx2 = 0;
    for (int i = 0; i < kQKK; ++i)
        sumx2 += xbl[i] * xbl[i];
    return 2 * sumx2 / kQKK;
}

// blockSigma2 of `count` consecutive blocks in one loop: each sum keeps the reference's order, but the sums
// are independent, so their additions overlap instead of each waiting ~4 cycles on the one before.
template <int count> void blockSigma2s(const float* xbl, float* sigma2) {
    float sum[count] = {};
    for (int i = 0; i < kQKK; ++i)
        for (int b = 0; b < count; ++b)
            sum[b] += xbl[kQKK * b + i] * xbl[kQKK * b + i];
    for (int b = 0; b < count; ++b)
        sigma2[b] = 2 * sum[b] / kQKK;
}

float maxAbs(const float* xb, int n) {
    float max = std::fabs(xb[0]);
    for (int i = 1; i < n; ++i)
        max = std::max(max, std::fabs(xb[i]));
    return max;
}

} // namespace

void iq1SortedOrder16Ref(const float* x, int* order) {
    sortedOrder<16>(x, order);
}

int iq1NearestRef(const IqNeighbourTables& grid, int32_t mapValue, const float* xval, const float* weight,
                  float scale, const float* xg) {
    const uint16_t* neighbours = grid.lists + (-mapValue - 1);
    const int count = neighbours[0];
    float best = FLT_MAX;
    int index = -1;
    for (int j = 1; j <= count; ++j) {
        const int8_t* pg = grid.points + 8 * size_t(neighbours[j]);
        float d2 = 0;
        for (int i = 0; i < 8; ++i) {
            const float q = xg[(pg[i] - 1) / 2];
            const float w = weight[i];
            const float diff = scale * q - xval[i];
            d2 += w * diff * diff;
        }
        if (d2 < best) {
            best = d2;
            index = neighbours[j];
        }
    }
    return index;
}

void iq1SplitRef(const float* sumx, const float* sumw, int n, float* scale, int* besti1, int* besti2,
                 int* bestShift) {
    float bestScore = -FLT_MAX;
    for (int i1 = 0; i1 <= n; ++i1) {
        for (int i2 = i1; i2 <= n; ++i2) {
            float sumqx = (sumx[i1] - sumx[0]) * kXp[0] + (sumx[i2] - sumx[i1]) * kXp[1] +
                          (sumx[n] - sumx[i2]) * kXp[2];
            float sumq2 = (sumw[i1] - sumw[0]) * kXp[0] * kXp[0] +
                          (sumw[i2] - sumw[i1]) * kXp[1] * kXp[1] +
                          (sumw[n] - sumw[i2]) * kXp[2] * kXp[2];
            if (sumq2 > 0 && sumqx * sumqx > bestScore * sumq2) {
                *scale = sumqx / sumq2;
                bestScore = *scale * sumqx;
                *besti1 = i1;
                *besti2 = i2;
                *bestShift = 1;
            }
            sumqx = (sumx[i1] - sumx[0]) * kXm[0] + (sumx[i2] - sumx[i1]) * kXm[1] +
                    (sumx[n] - sumx[i2]) * kXm[2];
            sumq2 = (sumw[i1] - sumw[0]) * kXm[0] * kXm[0] + (sumw[i2] - sumw[i1]) * kXm[1] * kXm[1] +
                    (sumw[n] - sumw[i2]) * kXm[2] * kXm[2];
            if (sumq2 > 0 && sumqx * sumqx > bestScore * sumq2) {
                *scale = sumqx / sumq2;
                bestScore = *scale * sumqx;
                *besti1 = i1;
                *besti2 = i2;
                *bestShift = -1;
            }
        }
    }
}

void iq1mSplitRef(const float* px, const float* pw, int n, float* scale, int* besti1, int* besti2, int* bestK) {
    const float* pxh[2] = {px, px + kIq1MSumStride};
    const float* pwh[2] = {pw, pw + kIq1MSumStride};
    const float txs[2] = {pxh[0][n], pxh[1][n]};
    const float tws[2] = {pwh[0][n], pwh[1][n]};
    const float p2 = kXp[2], m2 = kXm[2];
    const float cp1 = kXp[0] * kXp[0] - kXp[1] * kXp[1];
    const float cp2 = kXp[1] * kXp[1] - kXp[2] * kXp[2];
    const float cm1 = kXm[0] * kXm[0] - kXm[1] * kXm[1];
    const float cm2 = kXm[1] * kXm[1] - kXm[2] * kXm[2];
    float bestScore = -FLT_MAX;
    float sumqx[4], sumq2[4];
    for (int i1 = 0; i1 <= n; ++i1) {
        for (int i2 = i1; i2 <= n; ++i2) {
            float qxP[2], qxM[2], q2P[2], q2M[2];
            for (int h = 0; h < 2; ++h) {
                const float sx = pxh[h][i1] + pxh[h][i2];
                qxP[h] = txs[h] * p2 - sx;
                qxM[h] = txs[h] * m2 - sx;
                q2P[h] = tws[h] * p2 * p2 + pwh[h][i1] * cp1 + pwh[h][i2] * cp2;
                q2M[h] = tws[h] * m2 * m2 + pwh[h][i1] * cm1 + pwh[h][i2] * cm2;
            }
            sumqx[0] = qxP[0] + qxP[1];
            sumqx[1] = qxP[0] + qxM[1];
            sumqx[2] = qxM[0] + qxP[1];
            sumqx[3] = qxM[0] + qxM[1];
            sumq2[0] = q2P[0] + q2P[1];
            sumq2[1] = q2P[0] + q2M[1];
            sumq2[2] = q2M[0] + q2P[1];
            sumq2[3] = q2M[0] + q2M[1];
            for (int k = 0; k < 4; ++k) {
                if (sumq2[k] > 0 && sumqx[k] * sumqx[k] > bestScore * sumq2[k]) {
                    *scale = sumqx[k] / sumq2[k];
                    bestScore = *scale * sumqx[k];
                    *besti1 = i1;
                    *besti2 = i2;
                    *bestK = k;
                }
            }
        }
    }
}

namespace {

void quantizeIq1SBlock(Iq1SplitFn split, const IqGrid& grid, const float* xbl, const float* qwBlock,
                       BlockIq1S* y) {
    constexpr int kBlock = 32;
    float scales[kQKK / kBlock], weight[kBlock];
    float sumx[kBlock + 17] = {}, sumw[kBlock + 17] = {}; // padded for whole-vector reads (Iq1SplitFn)
    int8_t levels[kBlock], shifts[kQKK / kBlock];
    int order[kBlock];
    uint16_t index[kBlock / 8];
    y->d = fp32ToFp16(0.f);
    std::memset(y->qs, 0, sizeof(y->qs));
    std::memset(y->qh, 0, sizeof(y->qh));
    float maxScale = 0;
    const float sigma2 = blockSigma2(xbl);
    for (int ib = 0; ib < kQKK / kBlock; ++ib) {
        const float* xb = xbl + kBlock * ib;
        const float* qw = qwBlock + kBlock * ib;
        for (int i = 0; i < kBlock; ++i)
            weight[i] = qw[i] * std::sqrt(sigma2 + xb[i] * xb[i]);
        const float max = maxAbs(xb, kBlock);
        if (max < 1e-12f) {
            scales[ib] = 0;
            shifts[ib] = 1;
            continue;
        }
        sortedOrder<kBlock>(xb, order);
        sumx[0] = sumw[0] = 0;
        for (int j = 0; j < kBlock; ++j) {
            const int i = order[j];
            sumx[j + 1] = sumx[j] + weight[i] * xb[i];
            sumw[j + 1] = sumw[j] + weight[i];
        }
        float scale = max;
        int besti1 = -1, besti2 = -1, bestShift = 0;
        split(sumx, sumw, kBlock, &scale, &besti1, &besti2, &bestShift);
        if (besti1 < 0 || besti2 < 0 || bestShift == 0) {
            scales[ib] = 0;
            shifts[ib] = 1;
            continue;
        }
        for (int j = 0; j < besti1; ++j)
            levels[order[j]] = 0;
        for (int j = besti1; j < besti2; ++j)
            levels[order[j]] = 1;
        for (int j = besti2; j < kBlock; ++j)
            levels[order[j]] = 2;
        if (scale < 0) {
            for (int j = 0; j < kBlock; ++j)
                levels[j] = int8_t(2 - levels[j]);
            scale = -scale;
            bestShift = -bestShift;
        }
        bool allOnGrid = true;
        const float* xx = bestShift == 1 ? kXp : kXm;
        for (int k = 0; k < kBlock / 8; ++k) {
            uint16_t u = 0;
            for (int j = 0; j < 8; ++j)
                u = uint16_t(u | (levels[8 * k + j] << 2 * j));
            int32_t gi = grid.map[u];
            if (gi < 0) {
                allOnGrid = false;
                gi = iq1BestNeighbour(iq1NearestRef, grid, gi, xb + 8 * k, weight + 8 * k, scale, xx,
                                      levels + 8 * k);
            }
            index[k] = uint16_t(gi);
        }
        if (!allOnGrid) {
            float sumqx = 0, sumq2 = 0;
            for (int k = 0; k < kBlock / 8; ++k) {
                const int8_t* pg = grid.point(index[k]);
                for (int j = 0; j < 8; ++j) {
                    const float w = weight[8 * k + j];
                    const float q = xx[(pg[j] - 1) / 2];
                    sumqx += w * q * xb[8 * k + j];
                    sumq2 += w * q * q;
                }
            }
            if (sumqx > 0 && sumq2 > 0) scale = sumqx / sumq2;
        }
        uint16_t h = 0;
        for (int k = 0; k < kBlock / 8; ++k) {
            y->qs[(kBlock / 8) * ib + k] = uint8_t(index[k] & 255);
            h = uint16_t(h | ((index[k] >> 8) << 3 * k));
        }
        y->qh[ib] = h;
        scales[ib] = scale;
        shifts[ib] = int8_t(bestShift);
        maxScale = std::max(maxScale, scale);
    }
    if (!maxScale) return;
    const float d = maxScale / 15;
    y->d = fp32ToFp16(d * 1.125f);
    const float id = 1 / d;
    for (int ib = 0; ib < kQKK / kBlock; ++ib) {
        int l = std::max(0, std::min(7, nearestInt(0.5f * (id * scales[ib] - 1))));
        if (shifts[ib] == -1) l |= 8;
        y->qh[ib] = uint16_t(y->qh[ib] | (l << 12));
    }
}

void iq1mWeights(const float* xb, const float* qw, float sigma2, float* weight) {
    if (qw) {
        for (int i = 0; i < 16; ++i)
            weight[i] = qw[i] * std::sqrt(sigma2 + xb[i] * xb[i]);
    } else {
        for (int i = 0; i < 16; ++i)
            weight[i] = xb[i] * xb[i];
    }
}

// Level values of half k (0 or 1) of an IQ1_M group with shift code `shift` (bit 1: first half minus,
// bit 0: second half minus).
const float* iq1mHalfValues(int shift, int k) {
    if (k == 0) return shift < 2 ? kXp : kXm;
    return shift % 2 == 0 ? kXp : kXm;
}

void quantizeIq1MBlock(const Iq1MKernels& kernels, const IqGrid& grid, const float* xbl, const float* qwBlock,
                       float sigma2, BlockIq1M* y) {
    constexpr int kBlock = 16, kGroups = kQKK / kBlock;
    constexpr uint8_t kMasks[4] = {0x00, 0x80, 0x08, 0x88};
    float scales[kGroups], weights[kQKK]; // each group's weights, kept for the final fit
    int8_t levels[kQKK], shifts[kGroups];
    uint16_t keys[2 * kGroups]; // each half's level key
    bool split[kGroups] = {};   // the group has levels (else its scale and shift stay 0)
    int order[kBlock];
    std::memset(y->qs, 0, sizeof(y->qs));
    std::memset(y->qh, 0, sizeof(y->qh));
    std::memset(y->scales, 0, sizeof(y->scales));
    float maxScale = 0;
    // Each group's prefix sums (entries 0..kBlock of each half); the padding after them stays zero.
    float px[2 * kIq1MSumStride] = {}, pw[2 * kIq1MSumStride] = {}; // padded (Iq1MSplitFn)
    // The groups are independent until the block's scale: first every group's split and level keys, then
    // the codebook look-ups, whose table and neighbour-list reads (cache misses, mostly) then overlap
    // instead of each stalling its own group.
    for (int ib = 0; ib < kGroups; ++ib) {
        const float* xb = xbl + kBlock * ib;
        float* weight = weights + kBlock * ib;
        int8_t* level = levels + kBlock * ib;
        scales[ib] = 0;
        shifts[ib] = 0;
        iq1mWeights(xb, qwBlock ? qwBlock + kBlock * ib : nullptr, sigma2, weight);
        const float max = maxAbs(xb, kBlock);
        if (max < 1e-7f) continue;
        kernels.order(xb, order);
        // Prefix sums per half of the group: each half has its own shift sign. Every value adds to both
        // halves' running sums, its term in its own half and +0 in the other, which leaves that sum
        // exactly as it was: a sum that starts at +0 is never -0 (x + y is -0 only when both are), and
        // s + (+0) == s for every other s, NaN and infinities included. So the reference's sums without
        // a branch on the order (GCC turns a select of the two into one, and mispredicts it half the time).
        float termX[2][kBlock], termW[2][kBlock];
        for (int i = 0; i < kBlock; ++i) {
            const bool second = i >= kBlock / 2;
            const float wx = weight[i] * xb[i], w = weight[i];
            termX[0][i] = second ? 0.f : wx;
            termX[1][i] = second ? wx : 0.f;
            termW[0][i] = second ? 0.f : w;
            termW[1][i] = second ? w : 0.f;
        }
        float sx0 = 0, sx1 = 0, sw0 = 0, sw1 = 0;
        for (int j = 0; j < kBlock; ++j) {
            const int i = order[j];
            sx0 += termX[0][i];
            sx1 += termX[1][i];
            sw0 += termW[0][i];
            sw1 += termW[1][i];
            px[j + 1] = sx0;
            px[kIq1MSumStride + j + 1] = sx1;
            pw[j + 1] = sw0;
            pw[kIq1MSumStride + j + 1] = sw1;
        }
        float scale = max;
        int besti1 = -1, besti2 = -1, bestK = -1;
        kernels.split(px, pw, kBlock, &scale, &besti1, &besti2, &bestK);
        if (besti1 < 0 || besti2 < 0 || bestK < 0) continue;
        // Levels 0 below besti1, 1 below besti2, else 2 (fixed bounds: no loop exits to mispredict).
        for (int j = 0; j < kBlock; ++j)
            level[order[j]] = int8_t(int(j >= besti1) + int(j >= besti2));
        if (scale < 0) {
            for (int j = 0; j < kBlock; ++j)
                level[j] = int8_t(2 - level[j]);
            scale = -scale;
            bestK = 3 - bestK;
        }
        for (int k = 0; k < kBlock / 8; ++k) {
            uint16_t u = 0;
            for (int j = 0; j < 8; ++j)
                u = uint16_t(u | (level[8 * k + j] << 2 * j));
            keys[2 * ib + k] = u;
        }
        split[ib] = true;
        scales[ib] = scale;
        shifts[ib] = int8_t(bestK);
    }
    int32_t mapped[2 * kGroups];
    const IqNeighbourTables tables = grid.neighbourTables();
    for (int ib = 0; ib < kGroups; ++ib) {
        if (!split[ib]) continue;
        for (int k = 0; k < 2; ++k) {
            mapped[2 * ib + k] = grid.map[keys[2 * ib + k]];
#if defined(__GNUC__)
            if (mapped[2 * ib + k] < 0) { // the neighbour list and its keys (iq1BestNeighbour)
                __builtin_prefetch(tables.lists + (-mapped[2 * ib + k] - 1));
                __builtin_prefetch(tables.keys + (-mapped[2 * ib + k] - 1));
            }
#endif
        }
    }
    for (int ib = 0; ib < kGroups; ++ib) {
        if (!split[ib]) continue;
        const float* xb = xbl + kBlock * ib;
        const float* weight = weights + kBlock * ib;
        int8_t* level = levels + kBlock * ib;
        const int bestK = shifts[ib];
        float scale = scales[ib];
        uint16_t index[kBlock / 8];
        bool allOnGrid = true;
        for (int k = 0; k < kBlock / 8; ++k) {
            const float* xx = iq1mHalfValues(bestK, k);
            int32_t gi = mapped[2 * ib + k];
            if (gi < 0) {
                allOnGrid = false;
                gi = iq1BestNeighbour(kernels.nearest, grid, gi, xb + 8 * k, weight + 8 * k, scale, xx,
                                      level + 8 * k);
            }
            index[k] = uint16_t(gi);
        }
        if (!allOnGrid) {
            float sqx = 0, sq2 = 0;
            for (int k = 0; k < kBlock / 8; ++k) {
                const float* xx = iq1mHalfValues(bestK, k);
                const int8_t* pg = grid.point(index[k]);
                for (int j = 0; j < 8; ++j) {
                    const float w = weight[8 * k + j];
                    const float q = xx[(pg[j] - 1) / 2];
                    sqx += w * q * xb[8 * k + j];
                    sq2 += w * q * q;
                }
            }
            if (sqx > 0 && sq2 > 0) scale = sqx / sq2;
        }
        y->qs[2 * ib + 0] = uint8_t(index[0] & 255);
        y->qs[2 * ib + 1] = uint8_t(index[1] & 255);
        y->qh[ib] = uint8_t((index[0] >> 8) | ((index[1] >> 8) << 4));
        scales[ib] = scale;
        maxScale = std::max(maxScale, scale);
    }
    if (!maxScale) return;
    uint16_t sc[4];
    std::memcpy(sc, y->scales, sizeof(sc));
    float d = maxScale / 15;
    const float id = 1 / d;
    float sqx = 0, sq2 = 0;
    for (int ib = 0; ib < kQKK / kBlock; ++ib) {
        const int l = std::max(0, std::min(7, nearestInt(0.5f * (id * scales[ib + 0] - 1))));
        sc[ib / 4] = uint16_t(sc[ib / 4] | (l << 3 * (ib % 4)));
        y->qh[ib] = uint8_t(y->qh[ib] | kMasks[shifts[ib]]);
        const float* xb = xbl + kBlock * ib;
        const float* weight = weights + kBlock * ib;
        for (int k = 0; k < kBlock / 8; ++k) {
            const float* xx = iq1mHalfValues(shifts[ib], k);
            const int8_t* pg = grid.point(y->qs[2 * ib + k] + ((y->qh[ib] << (8 - 4 * k)) & 0x700));
            for (int j = 0; j < 8; ++j) {
                const float w = weight[8 * k + j];
                const float q = xx[(pg[j] - 1) / 2] * float(2 * l + 1);
                sqx += w * q * xb[8 * k + j];
                sq2 += w * q * q;
            }
        }
    }
    if (sq2 > 0) d = sqx / sq2;
    const uint16_t s = fp32ToFp16(d * 1.1125f);
    sc[0] = uint16_t(sc[0] | ((s & 0x000f) << 12));
    sc[1] = uint16_t(sc[1] | ((s & 0x00f0) << 8));
    sc[2] = uint16_t(sc[2] | ((s & 0x0f00) << 4));
    sc[3] = uint16_t(sc[3] | ((s & 0xf000) << 0));
    std::memcpy(y->scales, sc, sizeof(sc));
}

} // namespace

void quantizeIq1SRef(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* importance) {
    quantizeIq1SWith(iq1SplitRef, src, dst, nrows, rowLen, importance);
}

void quantizeIq1SWith(Iq1SplitFn split, const float* src, void* dst, int64_t nrows, int64_t rowLen,
                      const float* importance) {
    const IqGrid& grid = iqGrid(IqGridKind::Iq1S);
    auto* y = static_cast<BlockIq1S*>(dst);
    const int64_t perRow = rowLen / kQKK;
    for (int64_t ib = 0; ib < nrows * perRow; ++ib)
        quantizeIq1SBlock(split, grid, src + kQKK * ib, importance + kQKK * (ib % perRow), y + ib);
}

void quantizeIq1MRef(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* importance) {
    quantizeIq1MWith({iq1mSplitRef, iq1NearestRef, iq1SortedOrder16Ref}, src, dst, nrows, rowLen, importance);
}

void quantizeIq1MWith(const Iq1MKernels& kernels, const float* src, void* dst, int64_t nrows, int64_t rowLen,
                      const float* importance) {
    const IqGrid& grid = iqGrid(IqGridKind::Iq1S);
    auto* y = static_cast<BlockIq1M*>(dst);
    const int64_t perRow = rowLen / kQKK, blocks = nrows * perRow;
    // sigma2 (blockSigma2) only weighs the importance; then it is taken kAhead blocks at a time.
    constexpr int kAhead = 4;
    float sigma2[kAhead] = {};
    for (int64_t ib = 0; ib < blocks; ++ib) {
        const float* xbl = src + kQKK * ib;
        if (importance && ib % kAhead == 0) {
            if (blocks - ib >= kAhead)
                blockSigma2s<kAhead>(xbl, sigma2);
            else
                for (int64_t b = ib; b < blocks; ++b)
                    sigma2[b - ib] = blockSigma2(src + kQKK * b);
        }
        quantizeIq1MBlock(kernels, grid, xbl, importance ? importance + kQKK * (ib % perRow) : nullptr,
                          sigma2[ib % kAhead], y + ib);
    }
}

} // namespace qf::quant::detail
