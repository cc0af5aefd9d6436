// AVX2 integer dot products (quantized_dot.h) of the 1-3-bit codebook formats with Q8_K activations, and of
// the binary Q1_0 and Q2_0 with Q8_0 activations; the AVX-512 path lists them too. The scalar references
// are in quantized_dot_codebook.cpp and quantized_dot.cpp.
//
// A 32-value sub-block is one register: the codebook points' coordinates are gathered from the grid (four
// 8-byte points, or eight 4-byte ones), the sign bits are spread into a byte mask that negates the matching
// activation bytes, and vpmaddubsw multiplies the unsigned coordinates with the signed activations into
// 16-bit pairs (at most 2 * 62 * 127, no overflow); vpmaddwd weights the pairs with the sub-block's integer
// scales into 32-bit sums, exact, and one float multiply-add per block applies d, the activation scale
// and the format's constant factor.
#include <immintrin.h>

#include <cstdint>
#include <cstring>

#include "qf/fp16.h"
#include "quant/iq_grids.h"
#include "quant/kernel_table.h"
#include "quant/quant_blocks.h"
#include "quantized_dot.h"
#include "quantized_dot_loop.h"

namespace qf::eval::detail {
namespace {

using namespace quant::detail;

#include "quantized_dot_x86.h"

// Byte k is 0xFF where bit k of `bits` is set, else 0.
inline __m256i bitsToBytes(uint32_t bits) {
    const __m256i spread = _mm256_shuffle_epi8(
        _mm256_set1_epi32(int(bits)), _mm256_setr_epi8(0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, //
                                                       2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3));
    const __m256i bit = _mm256_set1_epi64x(int64_t(0x8040201008040201));
    return _mm256_cmpeq_epi8(_mm256_and_si256(spread, bit), bit);
}

// q negated where mask is 0xFF (activation bytes are never -128: Q8_K and Q8_0 stop at -127).
inline __m256i negateWhere(__m256i q, __m256i mask) {
    return _mm256_sub_epi8(_mm256_xor_si256(q, mask), mask);
}

inline uint64_t load8(const int8_t* p) {
    uint64_t v;
    std::memcpy(&v, p, sizeof(v));
    return v;
}
inline uint32_t load4(const int8_t* p) {
    uint32_t v;
    std::memcpy(&v, p, sizeof(v));
    return v;
}

// Four 8-coordinate points of `grid` (8 bytes each), in order.
inline __m256i points8(const int8_t* grid, unsigned i0, unsigned i1, unsigned i2, unsigned i3) {
    return _mm256_set_epi64x(int64_t(load8(grid + 8 * i3)), int64_t(load8(grid + 8 * i2)),
                             int64_t(load8(grid + 8 * i1)), int64_t(load8(grid + 8 * i0)));
}

// Eight 4-coordinate points of `grid` (4 bytes each), in order.
inline __m256i points4(const int8_t* grid, const unsigned* index) {
    return _mm256_set_epi32(int(load4(grid + 4 * index[7])), int(load4(grid + 4 * index[6])),
                            int(load4(grid + 4 * index[5])), int(load4(grid + 4 * index[4])),
                            int(load4(grid + 4 * index[3])), int(load4(grid + 4 * index[2])),
                            int(load4(grid + 4 * index[1])), int(load4(grid + 4 * index[0])));
}

// 16-bit lanes 0-7 (values 0-15 of a sub-block) get scale a, lanes 8-15 scale b.
inline __m256i scalePair(int a, int b) {
    return _mm256_set_m128i(_mm_set1_epi16(int16_t(b)), _mm_set1_epi16(int16_t(a)));
}

// The four 8-bit sign masks (with their parity bit) of an IQ2_XXS / IQ3_XXS sub-block's 28 sign bits.
inline uint32_t signsWithParity(uint32_t bits) {
    return uint32_t(iqSignsWithParity(bits)) | uint32_t(iqSignsWithParity(bits >> 7)) << 8 |
           uint32_t(iqSignsWithParity(bits >> 14)) << 16 | uint32_t(iqSignsWithParity(bits >> 21)) << 24;
}

// One sub-block: unsigned coordinates times activations with `signs` applied, in 16-bit pairs.
inline __m256i signedPairs(__m256i coords, uint32_t signs, const int8_t* q8) {
    return _mm256_maddubs_epi16(coords, negateWhere(load32(q8), bitsToBytes(signs)));
}

inline void addBlock(__m256& acc, __m256i sumi, float scale) {
    acc = _mm256_fmadd_ps(_mm256_set1_ps(scale), _mm256_cvtepi32_ps(sumi), acc);
}

float avx2DotIq2Xxs(const uint8_t* row, const void* act, int64_t n) {
    const int8_t* grid = iqGridValues(IqGridKind::Iq2Xxs, 0);
    return blockLoop<BlockIq2Xxs, ActivationQ8K, 256, VectorSum>(
        row, act, n, [grid](const BlockIq2Xxs& x, const ActivationQ8K* y, VectorSum& v) {
            __m256i sumi = _mm256_setzero_si256();
            for (int ib = 0; ib < 8; ++ib) {
                uint32_t aux[2];
                std::memcpy(aux, x.qs + 4 * ib, sizeof(aux));
                const __m256i coords =
                    points8(grid, aux[0] & 255, (aux[0] >> 8) & 255, (aux[0] >> 16) & 255, aux[0] >> 24);
                const __m256i pairs = signedPairs(coords, signsWithParity(aux[1]), y->qs + 32 * ib);
                sumi = _mm256_add_epi32(
                    sumi, _mm256_madd_epi16(pairs, _mm256_set1_epi16(int16_t(2 * (aux[1] >> 28) + 1))));
            }
            addBlock(v.acc, sumi, 0.125f * (_cvtsh_ss(x.d) * y->d));
        });
}

float avx2DotIq2Xs(const uint8_t* row, const void* act, int64_t n) {
    const int8_t* grid = iqGridValues(IqGridKind::Iq2Xs, 0);
    return blockLoop<BlockIq2Xs, ActivationQ8K, 256, VectorSum>(
        row, act, n, [grid](const BlockIq2Xs& x, const ActivationQ8K* y, VectorSum& v) {
            __m256i sumi = _mm256_setzero_si256();
            for (int ib = 0; ib < 8; ++ib) {
                const uint16_t* q = x.qs + 4 * ib;
                const __m256i coords = points8(grid, q[0] & 511, q[1] & 511, q[2] & 511, q[3] & 511);
                const uint32_t signs = uint32_t(iqSignsWithParity(q[0] >> 9)) |
                                       uint32_t(iqSignsWithParity(q[1] >> 9)) << 8 |
                                       uint32_t(iqSignsWithParity(q[2] >> 9)) << 16 |
                                       uint32_t(iqSignsWithParity(q[3] >> 9)) << 24;
                const __m256i pairs = signedPairs(coords, signs, y->qs + 32 * ib);
                const int sc = x.scales[ib];
                sumi = _mm256_add_epi32(sumi,
                                        _mm256_madd_epi16(pairs, scalePair(2 * (sc & 0xf) + 1, 2 * (sc >> 4) + 1)));
            }
            addBlock(v.acc, sumi, 0.125f * (_cvtsh_ss(x.d) * y->d));
        });
}

float avx2DotIq2S(const uint8_t* row, const void* act, int64_t n) {
    const int8_t* grid = iqGridValues(IqGridKind::Iq2S, 0);
    return blockLoop<BlockIq2S, ActivationQ8K, 256, VectorSum>(
        row, act, n, [grid](const BlockIq2S& x, const ActivationQ8K* y, VectorSum& v) {
            __m256i sumi = _mm256_setzero_si256();
            for (int ib = 0; ib < 8; ++ib) {
                const uint8_t* qs = x.qs + 4 * ib;
                const unsigned qh = x.qh[ib];
                const __m256i coords = points8(grid, qs[0] | ((qh << 8) & 0x300), qs[1] | ((qh << 6) & 0x300),
                                               qs[2] | ((qh << 4) & 0x300), qs[3] | ((qh << 2) & 0x300));
                uint32_t signs;
                std::memcpy(&signs, x.qs + 32 + 4 * ib, sizeof(signs));
                const __m256i pairs = signedPairs(coords, signs, y->qs + 32 * ib);
                const int sc = x.scales[ib];
                sumi = _mm256_add_epi32(sumi,
                                        _mm256_madd_epi16(pairs, scalePair(2 * (sc & 0xf) + 1, 2 * (sc >> 4) + 1)));
            }
            addBlock(v.acc, sumi, 0.125f * (_cvtsh_ss(x.d) * y->d));
        });
}

float avx2DotIq3Xxs(const uint8_t* row, const void* act, int64_t n) {
    const int8_t* grid = iqGridValues(IqGridKind::Iq3Xxs, 0);
    return blockLoop<BlockIq3Xxs, ActivationQ8K, 256, VectorSum>(
        row, act, n, [grid](const BlockIq3Xxs& x, const ActivationQ8K* y, VectorSum& v) {
            __m256i sumi = _mm256_setzero_si256();
            for (int ib = 0; ib < 8; ++ib) {
                uint32_t aux;
                std::memcpy(&aux, x.qs + 64 + 4 * ib, sizeof(aux));
                const uint8_t* qs = x.qs + 8 * ib;
                const unsigned index[8] = {qs[0], qs[1], qs[2], qs[3], qs[4], qs[5], qs[6], qs[7]};
                const __m256i pairs = signedPairs(points4(grid, index), signsWithParity(aux), y->qs + 32 * ib);
                sumi = _mm256_add_epi32(sumi,
                                        _mm256_madd_epi16(pairs, _mm256_set1_epi16(int16_t(2 * (aux >> 28) + 1))));
            }
            addBlock(v.acc, sumi, 0.25f * (_cvtsh_ss(x.d) * y->d));
        });
}

float avx2DotIq3S(const uint8_t* row, const void* act, int64_t n) {
    const int8_t* grid = iqGridValues(IqGridKind::Iq3S, 0);
    return blockLoop<BlockIq3S, ActivationQ8K, 256, VectorSum>(
        row, act, n, [grid](const BlockIq3S& x, const ActivationQ8K* y, VectorSum& v) {
            __m256i sumi = _mm256_setzero_si256();
            for (int ib = 0; ib < 8; ++ib) {
                const uint8_t* qs = x.qs + 8 * ib;
                const unsigned qh = x.qh[ib];
                unsigned index[8];
                for (int k = 0; k < 8; ++k)
                    index[k] = qs[k] | ((qh << (8 - k)) & 256);
                uint32_t signs;
                std::memcpy(&signs, x.signs + 4 * ib, sizeof(signs));
                const __m256i pairs = signedPairs(points4(grid, index), signs, y->qs + 32 * ib);
                const int ls = 2 * ((x.scales[ib / 2] >> 4 * (ib % 2)) & 0xf) + 1;
                sumi = _mm256_add_epi32(sumi, _mm256_madd_epi16(pairs, _mm256_set1_epi16(int16_t(ls))));
            }
            addBlock(v.acc, sumi, _cvtsh_ss(x.d) * y->d);
        });
}

// The IQ1 formats: value = scale * (coordinate + delta) with coordinates -1, 0, 1 and delta +-1/8, taken as the
// integers 8 * coordinate +- 1 (|v| <= 9) times scale / 8. `deltas` holds +-1 per byte.
inline __m256i iq1Pairs(__m256i coords, __m256i deltas, const int8_t* q8) {
    // 8 * coordinate per byte: the 16-bit shift carries bits across the byte boundary, the mask drops them.
    const __m256i eight = _mm256_and_si256(_mm256_slli_epi16(coords, 3), _mm256_set1_epi8(int8_t(0xF8)));
    const __m256i v = _mm256_add_epi8(eight, deltas);
    return _mm256_maddubs_epi16(_mm256_sign_epi8(v, v), _mm256_sign_epi8(load32(q8), v));
}

inline int64_t deltaBytes(bool negative) {
    return negative ? int64_t(-1) : int64_t(0x0101010101010101);
}

float avx2DotIq1S(const uint8_t* row, const void* act, int64_t n) {
    const int8_t* grid = iqGridValues(IqGridKind::Iq1S, 0);
    return blockLoop<BlockIq1S, ActivationQ8K, 256, VectorSum>(
        row, act, n, [grid](const BlockIq1S& x, const ActivationQ8K* y, VectorSum& v) {
            __m256i sumi = _mm256_setzero_si256();
            for (int ib = 0; ib < 8; ++ib) {
                const uint8_t* qs = x.qs + 4 * ib;
                const unsigned qh = x.qh[ib];
                const __m256i coords = points8(grid, qs[0] | ((qh << 8) & 0x700), qs[1] | ((qh << 5) & 0x700),
                                               qs[2] | ((qh << 2) & 0x700), qs[3] | ((qh >> 1) & 0x700));
                const __m256i pairs = iq1Pairs(coords, _mm256_set1_epi64x(deltaBytes(qh & 0x8000)), y->qs + 32 * ib);
                sumi = _mm256_add_epi32(
                    sumi, _mm256_madd_epi16(pairs, _mm256_set1_epi16(int16_t(2 * ((qh >> 12) & 7) + 1))));
            }
            addBlock(v.acc, sumi, 0.125f * (_cvtsh_ss(x.d) * y->d));
        });
}

float avx2DotIq1M(const uint8_t* row, const void* act, int64_t n) {
    const int8_t* grid = iqGridValues(IqGridKind::Iq1S, 0);
    return blockLoop<BlockIq1M, ActivationQ8K, 256, VectorSum>(
        row, act, n, [grid](const BlockIq1M& x, const ActivationQ8K* y, VectorSum& v) {
            uint16_t sc[4];
            std::memcpy(sc, x.scales, sizeof(sc));
            const float d = _cvtsh_ss(
                uint16_t((sc[0] >> 12) | ((sc[1] >> 8) & 0x00f0) | ((sc[2] >> 4) & 0x0f00) | (sc[3] & 0xf000)));
            __m256i sumi = _mm256_setzero_si256();
            for (int ib = 0; ib < 8; ++ib) {
                const uint8_t* qs = x.qs + 4 * ib;
                const unsigned h0 = x.qh[2 * ib], h1 = x.qh[2 * ib + 1];
                const __m256i coords = points8(grid, qs[0] | ((h0 << 8) & 0x700), qs[1] | ((h0 << 4) & 0x700),
                                               qs[2] | ((h1 << 8) & 0x700), qs[3] | ((h1 << 4) & 0x700));
                const __m256i deltas = _mm256_set_epi64x(deltaBytes(h1 & 0x80), deltaBytes(h1 & 0x08),
                                                         deltaBytes(h0 & 0x80), deltaBytes(h0 & 0x08));
                const __m256i pairs = iq1Pairs(coords, deltas, y->qs + 32 * ib);
                const int s = sc[ib / 2] >> 6 * (ib % 2);
                sumi = _mm256_add_epi32(sumi,
                                        _mm256_madd_epi16(pairs, scalePair(2 * (s & 7) + 1, 2 * ((s >> 3) & 7) + 1)));
            }
            addBlock(v.acc, sumi, 0.125f * (d * y->d));
        });
}

// Q1_0: 128 sign bits per block, four Q8_0 activation blocks. With the bytes negated where a bit is set, the
// sum is minus the dot product, so the scale is negated.
float avx2DotQ1_0(const uint8_t* row, const void* act, int64_t n) {
    const __m256i ones8 = _mm256_set1_epi8(1);
    const __m256i ones16 = _mm256_set1_epi16(1);
    return blockLoop<BlockQ1_0, ActivationQ8_0, 128, VectorSum>(
        row, act, n, [ones8, ones16](const BlockQ1_0& x, const ActivationQ8_0* y, VectorSum& v) {
            const float d = _cvtsh_ss(x.d);
            for (int a = 0; a < 4; ++a, ++y) {
                uint32_t bits;
                std::memcpy(&bits, x.qs + 4 * a, sizeof(bits));
                const __m256i flipped = negateWhere(load32(y->qs), bitsToBytes(bits));
                const __m256i sum = _mm256_madd_epi16(_mm256_maddubs_epi16(ones8, flipped), ones16);
                addBlock(v.acc, sum, -(d * y->d));
            }
        });
}

// Q2_0: 64 codes 0..3 (value + 1) per block, four to a byte, two Q8_0 activation blocks. The eight code bytes
// of 32 values, shifted by 0, 2, 4, 6 bits, give code 4 i + p in byte 8 p + i; the activations are put in the
// same order (within each 128-bit half, then across), and sum (c - 1) a = sum c a - sum a.
float avx2DotQ2_0(const uint8_t* row, const void* act, int64_t n) {
    const __m256i three = _mm256_set1_epi8(3);
    const __m256i ones8 = _mm256_set1_epi8(1);
    const __m256i ones16 = _mm256_set1_epi16(1);
    const __m256i byPosition =
        _mm256_setr_epi8(0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15, //
                         0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15);
    const __m256i byCode = _mm256_setr_epi32(0, 4, 1, 5, 2, 6, 3, 7);
    return blockLoop<BlockQ2_0, ActivationQ8_0, 64, VectorSum>(
        row, act, n, [=](const BlockQ2_0& x, const ActivationQ8_0* y, VectorSum& v) {
            const float d = _cvtsh_ss(x.d);
            for (int a = 0; a < 2; ++a, ++y) {
                uint64_t w;
                std::memcpy(&w, x.qs + 8 * a, sizeof(w));
                const __m256i codes = _mm256_and_si256(
                    _mm256_set_epi64x(int64_t(w >> 6), int64_t(w >> 4), int64_t(w >> 2), int64_t(w)), three);
                const __m256i q8 = load32(y->qs);
                const __m256i ordered = _mm256_permutevar8x32_epi32(_mm256_shuffle_epi8(q8, byPosition), byCode);
                const __m256i pairs =
                    _mm256_sub_epi16(_mm256_maddubs_epi16(codes, ordered), _mm256_maddubs_epi16(ones8, q8));
                addBlock(v.acc, _mm256_madd_epi16(pairs, ones16), d * y->d);
            }
        });
}

} // namespace
} // namespace qf::eval::detail

namespace qf::dispatch {

void addAvx2CodebookDots(ByType<QuantizedDotFn>& table) {
    using namespace eval::detail;
    table[typeSlot(GgmlType::IQ2_XXS)] = avx2DotIq2Xxs;
    table[typeSlot(GgmlType::IQ2_XS)] = avx2DotIq2Xs;
    table[typeSlot(GgmlType::IQ2_S)] = avx2DotIq2S;
    table[typeSlot(GgmlType::IQ3_XXS)] = avx2DotIq3Xxs;
    table[typeSlot(GgmlType::IQ3_S)] = avx2DotIq3S;
    table[typeSlot(GgmlType::IQ1_S)] = avx2DotIq1S;
    table[typeSlot(GgmlType::IQ1_M)] = avx2DotIq1M;
    table[typeSlot(GgmlType::Q1_0)] = avx2DotQ1_0;
    table[typeSlot(GgmlType::Q2_0)] = avx2DotQ2_0;
}

} // namespace qf::dispatch
