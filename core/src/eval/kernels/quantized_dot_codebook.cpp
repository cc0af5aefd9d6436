// The scalar integer dot products (quantized_dot.h) of the 1-3-bit codebook formats and TQ1_0 with Q8_K
// activations: ggml's vec_dot_<type>_q8_K, block by block. Per 32-value sub-block the signed codebook
// coordinates times the activation bytes are summed exactly in integers, weighted by the sub-block's odd
// integer scale (2 s + 1), and each block's integer sum is scaled once in float by the block scale, the
// activation scale and the format's constant factor (IQ2: 1/8, IQ3_XXS: 1/4, from d * (0.5 + s) * 0.25 and
// d * (0.5 + s) * 0.5).
//
// The IQ1 formats add a delta of +-1/8 to every coordinate (-1, 0, 1): ggml keeps the coordinates' sum and
// the deltas' sum (the activation sums times +-1) apart, and so do we.
#include <cstdint>
#include <cstring>

#include "matmul_kernels.h"
#include "qf/fp16.h"
#include "quant/iq_grids.h"
#include "quant/kernel_table.h"
#include "quant/quant_blocks.h"
#include "quantized_dot.h"
#include "quantized_dot_loop.h"

namespace qf::eval::detail {
namespace {

using namespace quant::detail;

// sum_j (coordinate j, negated where sign bit j is set) * q8[j] over `count` values.
int32_t signedGridDot(const int8_t* coords, unsigned signs, const int8_t* q8, int count) {
    int32_t s = 0;
    for (int j = 0; j < count; ++j)
        s += (signs >> j & 1 ? -coords[j] : coords[j]) * q8[j];
    return s;
}

float codebookDotIq2Xxs(const uint8_t* row, const void* act, int64_t n) {
    const int8_t* grid = iqGridValues(IqGridKind::Iq2Xxs, 0);
    return blockLoop<BlockIq2Xxs, ActivationQ8K, 256, ScalarSum>(
        row, act, n, [grid](const BlockIq2Xxs& x, const ActivationQ8K* y, ScalarSum& acc) {
            const int8_t* q8 = y->qs;
            int32_t sum = 0;
            for (int ib = 0; ib < 8; ++ib) {
                uint32_t aux[2];
                std::memcpy(aux, x.qs + 4 * ib, sizeof(aux));
                int32_t s = 0;
                for (int l = 0; l < 4; ++l, q8 += 8)
                    s += signedGridDot(grid + 8 * ((aux[0] >> 8 * l) & 255), iqSignsWithParity(aux[1] >> 7 * l),
                                       q8, 8);
                sum += s * int32_t(2 * (aux[1] >> 28) + 1);
            }
            acc.sum += 0.125f * (fp16ToFp32(x.d) * y->d) * float(sum);
        });
}

// IQ2_XS and IQ2_S: one sign byte per eight-coordinate point, two 4-bit scales per sub-block (one per 16
// values); pointDot(ib, l, q8) gives the signed dot of point l of sub-block ib with q8.
template <class Block, class PointDot> int32_t iq2PairScaledSum(const Block& x, const int8_t* q8, PointDot pointDot) {
    int32_t sum = 0;
    for (int ib = 0; ib < 8; ++ib)
        for (int half = 0; half < 2; ++half) {
            int32_t s = 0;
            for (int l = 2 * half; l < 2 * half + 2; ++l, q8 += 8)
                s += pointDot(ib, l, q8);
            sum += s * int32_t(2 * ((x.scales[ib] >> 4 * half) & 0xf) + 1);
        }
    return sum;
}

float codebookDotIq2Xs(const uint8_t* row, const void* act, int64_t n) {
    const int8_t* grid = iqGridValues(IqGridKind::Iq2Xs, 0);
    return blockLoop<BlockIq2Xs, ActivationQ8K, 256, ScalarSum>(
        row, act, n, [grid](const BlockIq2Xs& x, const ActivationQ8K* y, ScalarSum& acc) {
            const int32_t sum = iq2PairScaledSum(x, y->qs, [&](int ib, int l, const int8_t* q8) {
                const unsigned q = x.qs[4 * ib + l];
                return signedGridDot(grid + 8 * (q & 511), iqSignsWithParity(q >> 9), q8, 8);
            });
            acc.sum += 0.125f * (fp16ToFp32(x.d) * y->d) * float(sum);
        });
}

float codebookDotIq2S(const uint8_t* row, const void* act, int64_t n) {
    const int8_t* grid = iqGridValues(IqGridKind::Iq2S, 0);
    return blockLoop<BlockIq2S, ActivationQ8K, 256, ScalarSum>(
        row, act, n, [grid](const BlockIq2S& x, const ActivationQ8K* y, ScalarSum& acc) {
            const int32_t sum = iq2PairScaledSum(x, y->qs, [&](int ib, int l, const int8_t* q8) {
                const int index = x.qs[4 * ib + l] | ((x.qh[ib] << (8 - 2 * l)) & 0x300);
                return signedGridDot(grid + 8 * index, x.qs[32 + 4 * ib + l], q8, 8);
            });
            acc.sum += 0.125f * (fp16ToFp32(x.d) * y->d) * float(sum);
        });
}

float codebookDotIq3Xxs(const uint8_t* row, const void* act, int64_t n) {
    const int8_t* grid = iqGridValues(IqGridKind::Iq3Xxs, 0);
    return blockLoop<BlockIq3Xxs, ActivationQ8K, 256, ScalarSum>(
        row, act, n, [grid](const BlockIq3Xxs& x, const ActivationQ8K* y, ScalarSum& acc) {
            const int8_t* q8 = y->qs;
            int32_t sum = 0;
            for (int ib = 0; ib < 8; ++ib) {
                uint32_t aux;
                std::memcpy(&aux, x.qs + 64 + 4 * ib, sizeof(aux));
                int32_t s = 0;
                for (int l = 0; l < 4; ++l, q8 += 8) {
                    const unsigned signs = iqSignsWithParity(aux >> 7 * l);
                    s += signedGridDot(grid + 4 * x.qs[8 * ib + 2 * l], signs, q8, 4);
                    s += signedGridDot(grid + 4 * x.qs[8 * ib + 2 * l + 1], signs >> 4, q8 + 4, 4);
                }
                sum += s * int32_t(2 * (aux >> 28) + 1);
            }
            acc.sum += 0.25f * (fp16ToFp32(x.d) * y->d) * float(sum);
        });
}

float codebookDotIq3S(const uint8_t* row, const void* act, int64_t n) {
    const int8_t* grid = iqGridValues(IqGridKind::Iq3S, 0);
    return blockLoop<BlockIq3S, ActivationQ8K, 256, ScalarSum>(
        row, act, n, [grid](const BlockIq3S& x, const ActivationQ8K* y, ScalarSum& acc) {
            const int8_t* q8 = y->qs;
            int32_t sum = 0;
            for (int ib = 0; ib < 8; ++ib) {
                const uint8_t* qs = x.qs + 8 * ib;
                const int qh = x.qh[ib];
                int32_t s = 0;
                for (int l = 0; l < 4; ++l, q8 += 8) {
                    const unsigned signs = x.signs[4 * ib + l];
                    s += signedGridDot(grid + 4 * (qs[2 * l] | ((qh << (8 - 2 * l)) & 256)), signs, q8, 4);
                    s += signedGridDot(grid + 4 * (qs[2 * l + 1] | ((qh << (7 - 2 * l)) & 256)), signs >> 4,
                                       q8 + 4, 4);
                }
                sum += s * int32_t(2 * ((x.scales[ib / 2] >> 4 * (ib % 2)) & 0xf) + 1);
            }
            acc.sum += (fp16ToFp32(x.d) * y->d) * float(sum);
        });
}

// The IQ1 coordinates are -1, 0, 1 (signed in the grid itself).
int32_t gridDot8(const int8_t* coords, const int8_t* q8) {
    int32_t s = 0;
    for (int j = 0; j < 8; ++j)
        s += coords[j] * q8[j];
    return s;
}
int32_t activationSum8(const int8_t* q8) {
    int32_t s = 0;
    for (int j = 0; j < 8; ++j)
        s += q8[j];
    return s;
}

float codebookDotIq1S(const uint8_t* row, const void* act, int64_t n) {
    const int8_t* grid = iqGridValues(IqGridKind::Iq1S, 0);
    return blockLoop<BlockIq1S, ActivationQ8K, 256, ScalarSum>(
        row, act, n, [grid](const BlockIq1S& x, const ActivationQ8K* y, ScalarSum& acc) {
            const int8_t* q8 = y->qs;
            int32_t coordSum = 0, deltaSum = 0;
            for (int ib = 0; ib < 8; ++ib) {
                const unsigned qh = x.qh[ib];
                int32_t s = 0;
                for (int l = 0; l < 4; ++l, q8 += 8)
                    s += gridDot8(grid + 8 * (x.qs[4 * ib + l] | (((qh >> 3 * l) & 7) << 8)), q8);
                const int32_t ls = int32_t(2 * ((qh >> 12) & 7) + 1);
                const int32_t bsum = y->bsums[2 * ib] + y->bsums[2 * ib + 1];
                coordSum += ls * s;
                deltaSum += ls * (qh & 0x8000 ? -bsum : bsum);
            }
            acc.sum += (fp16ToFp32(x.d) * y->d) * (float(coordSum) + 0.125f * float(deltaSum));
        });
}

float codebookDotIq1M(const uint8_t* row, const void* act, int64_t n) {
    const int8_t* grid = iqGridValues(IqGridKind::Iq1S, 0);
    return blockLoop<BlockIq1M, ActivationQ8K, 256, ScalarSum>(
        row, act, n, [grid](const BlockIq1M& x, const ActivationQ8K* y, ScalarSum& acc) {
            uint16_t sc[4];
            std::memcpy(sc, x.scales, sizeof(sc));
            const float d = fp16ToFp32(
                uint16_t((sc[0] >> 12) | ((sc[1] >> 8) & 0x00f0) | ((sc[2] >> 4) & 0x0f00) | (sc[3] & 0xf000)));
            const int8_t* q8 = y->qs;
            int32_t coordSum = 0, deltaSum = 0;
            for (int ib = 0; ib < 8; ++ib) {
                const uint8_t* qs = x.qs + 4 * ib;
                const uint8_t* qh = x.qh + 2 * ib;
                const int index[4] = {qs[0] | ((qh[0] << 8) & 0x700), qs[1] | ((qh[0] << 4) & 0x700),
                                      qs[2] | ((qh[1] << 8) & 0x700), qs[3] | ((qh[1] << 4) & 0x700)};
                const bool negative[4] = {(qh[0] & 0x08) != 0, (qh[0] & 0x80) != 0, (qh[1] & 0x08) != 0,
                                          (qh[1] & 0x80) != 0};
                for (int half = 0; half < 2; ++half) {
                    int32_t s = 0, deltas = 0;
                    for (int l = 2 * half; l < 2 * half + 2; ++l, q8 += 8) {
                        s += gridDot8(grid + 8 * index[l], q8);
                        const int32_t a = activationSum8(q8);
                        deltas += negative[l] ? -a : a;
                    }
                    const int32_t ls = int32_t(2 * ((sc[ib / 2] >> (6 * (ib % 2) + 3 * half)) & 0x7) + 1);
                    coordSum += ls * s;
                    deltaSum += ls * deltas;
                }
            }
            acc.sum += (d * y->d) * (float(coordSum) + 0.125f * float(deltaSum));
        });
}

// TQ1_0's trits: byte m of qs[0, 32) holds values m + 32 i (i < 5), byte m of qs[32, 48) values
// 160 + m + 16 i, byte j of qh values 240 + j + 4 i; trit i of a byte is the top of (byte * 3^i mod 256) * 3.
int trit(uint8_t byte, int i) {
    static constexpr uint8_t kPow3[5] = {1, 3, 9, 27, 81};
    return (int(uint8_t(byte * kPow3[i])) * 3) >> 8;
}

float ternaryDotTq1_0(const uint8_t* row, const void* act, int64_t n) {
    return blockLoop<BlockTq1_0, ActivationQ8K, 256, ScalarSum>(
        row, act, n, [](const BlockTq1_0& x, const ActivationQ8K* y, ScalarSum& acc) {
            const int8_t* q8 = y->qs;
            int32_t s = 0;
            for (int i = 0; i < 5; ++i)
                for (int m = 0; m < 32; ++m)
                    s += (trit(x.qs[m], i) - 1) * q8[32 * i + m];
            for (int i = 0; i < 5; ++i)
                for (int m = 0; m < 16; ++m)
                    s += (trit(x.qs[32 + m], i) - 1) * q8[160 + 16 * i + m];
            for (int i = 0; i < 4; ++i)
                for (int j = 0; j < 4; ++j)
                    s += (trit(x.qh[j], i) - 1) * q8[240 + 4 * i + j];
            acc.sum += (fp16ToFp32(x.d) * y->d) * float(s);
        });
}

} // namespace
} // namespace qf::eval::detail

namespace qf::dispatch {

void addReferenceCodebookDots(ByType<QuantizedDotFn>& table) {
    using namespace eval::detail;
    table[typeSlot(GgmlType::IQ2_XXS)] = codebookDotIq2Xxs;
    table[typeSlot(GgmlType::IQ2_XS)] = codebookDotIq2Xs;
    table[typeSlot(GgmlType::IQ2_S)] = codebookDotIq2S;
    table[typeSlot(GgmlType::IQ3_XXS)] = codebookDotIq3Xxs;
    table[typeSlot(GgmlType::IQ3_S)] = codebookDotIq3S;
    table[typeSlot(GgmlType::IQ1_S)] = codebookDotIq1S;
    table[typeSlot(GgmlType::IQ1_M)] = codebookDotIq1M;
    table[typeSlot(GgmlType::TQ1_0)] = ternaryDotTq1_0;
}

} // namespace qf::dispatch
