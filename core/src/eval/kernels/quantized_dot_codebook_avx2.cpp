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
inline __m256i points4(const int8_t* grid, const uint32_t* index) {
    return _mm256_set_epi32(int(load4(grid + 4 * index[7])), int(load4(grid + 4 * index[6])),
                            int(load4(grid + 4 * index[5])), int(load4(grid + 4 * index[4])),
                            int(load4(grid + 4 * index[3])), int(load4(grid + 4 * index[2])),
                            int(load4(grid + 4 * index[1])), int(load4(grid + 4 * index[0])));
}

// Seven sign bits per byte with the eighth set where their count is odd (iqSignsWithParity() of every byte):
// the parity of each nibble from a table, the two nibbles' combined.
inline __m256i withParity(__m256i sevenBits) {
    const __m256i oddNibble = _mm256_setr_epi8(0, -128, -128, 0, -128, 0, 0, -128, -128, 0, 0, -128, 0, -128, -128, 0,
                                               0, -128, -128, 0, -128, 0, 0, -128, -128, 0, 0, -128, 0, -128, -128, 0);
    const __m256i nibble = _mm256_set1_epi8(0xF);
    const __m256i parity =
        _mm256_xor_si256(_mm256_shuffle_epi8(oddNibble, _mm256_and_si256(sevenBits, nibble)),
                         _mm256_shuffle_epi8(oddNibble, _mm256_and_si256(_mm256_srli_epi16(sevenBits, 4), nibble)));
    return _mm256_or_si256(sevenBits, parity);
}

// The IQ2_XXS / IQ3_XXS word of a sub-block (lane ib of `words`: four 7-bit sign fields, a 4-bit scale s) for
// all eight sub-blocks at once: `signs` lane ib holds the four 8-bit sign masks, the eighth bit of each the
// parity of its seven (an even count of negatives); `scales` lane ib holds 2 s + 1 in both 16-bit halves.
struct XxsWords {
    __m256i signs, scales;
    explicit XxsWords(__m256i words) {
        const __m256i seven = _mm256_set1_epi32(0x7F);
        const __m256i fields = _mm256_or_si256(
            _mm256_or_si256(_mm256_and_si256(words, seven), _mm256_and_si256(_mm256_slli_epi32(words, 1),
                                                                              _mm256_slli_epi32(seven, 8))),
            _mm256_or_si256(_mm256_and_si256(_mm256_slli_epi32(words, 2), _mm256_slli_epi32(seven, 16)),
                            _mm256_and_si256(_mm256_slli_epi32(words, 3), _mm256_slli_epi32(seven, 24))));
        signs = withParity(fields);
        const __m256i odd = _mm256_or_si256(_mm256_slli_epi32(_mm256_srli_epi32(words, 28), 1), _mm256_set1_epi32(1));
        scales = _mm256_or_si256(odd, _mm256_slli_epi32(odd, 16));
    }
};

// The IQ2_XS / IQ2_S scale bytes (two 4-bit scales s per sub-block) as 2 s + 1 in 16-bit halves: lane ib holds
// the first 16 values' scale in its low half, the second 16's in its high half (pairScalesOf() spreads them).
inline __m256i nibbleScalePairs(const uint8_t* scales) {
    uint64_t bytes;
    std::memcpy(&bytes, scales, sizeof(bytes));
    const __m256i v = _mm256_cvtepu8_epi32(_mm_cvtsi64_si128(int64_t(bytes)));
    const __m256i one = _mm256_set1_epi32(1);
    const __m256i low = _mm256_or_si256(_mm256_slli_epi32(_mm256_and_si256(v, _mm256_set1_epi32(0xF)), 1), one);
    const __m256i high = _mm256_or_si256(_mm256_slli_epi32(_mm256_srli_epi32(v, 4), 1), one);
    return _mm256_or_si256(low, _mm256_slli_epi32(high, 16));
}

// Lane `lane` of v in every lane.
inline __m256i laneOf(__m256i v, int lane) {
    return _mm256_permutevar8x32_epi32(v, _mm256_set1_epi32(lane));
}

// 16-bit lanes 0-7 (values 0-15 of a sub-block) the low half of lane `lane` of `pairs`, lanes 8-15 its high half.
inline __m256i pairScalesOf(__m256i pairs, int lane) {
    return _mm256_shuffle_epi8(laneOf(pairs, lane), _mm256_setr_epi8(0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, //
                                                                     2, 3, 2, 3, 2, 3, 2, 3, 2, 3, 2, 3, 2, 3, 2, 3));
}

// The sign bytes of IQ2_XS's 32 codes (their top seven bits, with the parity bit as eighth) in code order: lane ib
// holds sub-block ib's four.
inline __m256i iq2XsSigns(const uint16_t* qs) {
    const __m256i packed = _mm256_packus_epi16(_mm256_srli_epi16(load32(qs), 9), _mm256_srli_epi16(load32(qs + 16), 9));
    return withParity(_mm256_permute4x64_epi64(packed, _MM_SHUFFLE(3, 1, 2, 0)));
}

// bitsToBytes() of a 32-bit word already in every lane.
inline __m256i broadcastBitsToBytes(__m256i bits) {
    const __m256i spread = _mm256_shuffle_epi8(
        bits, _mm256_setr_epi8(0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, //
                               2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3));
    const __m256i bit = _mm256_set1_epi64x(int64_t(0x8040201008040201));
    return _mm256_cmpeq_epi8(_mm256_and_si256(spread, bit), bit);
}

// Sub-block ib's unsigned coordinates times its activations (block q8) with the sign bits of lane ib of
// `signs` applied, in 16-bit pairs.
inline __m256i signedPairs(__m256i coords, __m256i signs, int ib, const int8_t* q8) {
    return _mm256_maddubs_epi16(coords, negateWhere(load32(q8 + 32 * ib), broadcastBitsToBytes(laneOf(signs, ib))));
}

inline void addBlock(__m256& acc, __m256i sumi, float scale) {
    acc = _mm256_fmadd_ps(_mm256_set1_ps(scale), _mm256_cvtepi32_ps(sumi), acc);
}

float avx2DotIq2Xxs(const uint8_t* row, const void* act, int64_t n) {
    const int8_t* grid = iqGridValues(IqGridKind::Iq2Xxs, 0);
    return blockLoop<BlockIq2Xxs, ActivationQ8K, 256, VectorSum>(
        row, act, n, [grid](const BlockIq2Xxs& x, const ActivationQ8K* y, VectorSum& v) {
            // The odd 32-bit words of the block (each sub-block's signs and scale), in sub-block order.
            const __m256 lo = _mm256_loadu_ps(reinterpret_cast<const float*>(x.qs));
            const __m256 hi = _mm256_loadu_ps(reinterpret_cast<const float*>(x.qs + 16));
            const XxsWords words(_mm256_permute4x64_epi64(
                _mm256_castps_si256(_mm256_shuffle_ps(lo, hi, _MM_SHUFFLE(3, 1, 3, 1))), _MM_SHUFFLE(3, 1, 2, 0)));
            const uint8_t* index = reinterpret_cast<const uint8_t*>(x.qs);
            __m256i sumi = _mm256_setzero_si256();
            for (int ib = 0; ib < 8; ++ib) {
                const uint8_t* i = index + 8 * ib;
                const __m256i coords = points8(grid, i[0], i[1], i[2], i[3]);
                sumi = _mm256_add_epi32(
                    sumi, _mm256_madd_epi16(signedPairs(coords, words.signs, ib, y->qs), laneOf(words.scales, ib)));
            }
            addBlock(v.acc, sumi, 0.125f * (_cvtsh_ss(x.d) * y->d));
        });
}

// IQ2_XS and IQ2_S: eight-coordinate points with a sign byte each and two 4-bit scales per sub-block; only
// where the indices and the sign bytes come from differs. coordsOf(ib) gives sub-block ib's four points.
template <class Block, class CoordsOf>
void iq2PairScaledBlock(const Block& x, const ActivationQ8K* y, __m256i signs, CoordsOf coordsOf, VectorSum& v) {
    const __m256i scales = nibbleScalePairs(x.scales);
    __m256i sumi = _mm256_setzero_si256();
    for (int ib = 0; ib < 8; ++ib)
        sumi = _mm256_add_epi32(sumi,
                                _mm256_madd_epi16(signedPairs(coordsOf(ib), signs, ib, y->qs), pairScalesOf(scales, ib)));
    addBlock(v.acc, sumi, 0.125f * (_cvtsh_ss(x.d) * y->d));
}

float avx2DotIq2Xs(const uint8_t* row, const void* act, int64_t n) {
    const int8_t* grid = iqGridValues(IqGridKind::Iq2Xs, 0);
    return blockLoop<BlockIq2Xs, ActivationQ8K, 256, VectorSum>(
        row, act, n, [grid](const BlockIq2Xs& x, const ActivationQ8K* y, VectorSum& v) {
            iq2PairScaledBlock(x, y, iq2XsSigns(x.qs), [&](int ib) {
                const uint16_t* q = x.qs + 4 * ib;
                return points8(grid, q[0] & 511, q[1] & 511, q[2] & 511, q[3] & 511);
            }, v);
        });
}

float avx2DotIq2S(const uint8_t* row, const void* act, int64_t n) {
    const int8_t* grid = iqGridValues(IqGridKind::Iq2S, 0);
    return blockLoop<BlockIq2S, ActivationQ8K, 256, VectorSum>(
        row, act, n, [grid](const BlockIq2S& x, const ActivationQ8K* y, VectorSum& v) {
            iq2PairScaledBlock(x, y, load32(x.qs + 32), [&](int ib) {
                const uint8_t* qs = x.qs + 4 * ib;
                const unsigned qh = x.qh[ib];
                return points8(grid, qs[0] | ((qh << 8) & 0x300), qs[1] | ((qh << 6) & 0x300),
                               qs[2] | ((qh << 4) & 0x300), qs[3] | ((qh << 2) & 0x300));
            }, v);
        });
}

float avx2DotIq3Xxs(const uint8_t* row, const void* act, int64_t n) {
    const int8_t* grid = iqGridValues(IqGridKind::Iq3Xxs, 0);
    return blockLoop<BlockIq3Xxs, ActivationQ8K, 256, VectorSum>(
        row, act, n, [grid](const BlockIq3Xxs& x, const ActivationQ8K* y, VectorSum& v) {
            const XxsWords words(load32(x.qs + 64));
            __m256i sumi = _mm256_setzero_si256();
            for (int ib = 0; ib < 8; ++ib) {
                const uint8_t* qs = x.qs + 8 * ib;
                const uint32_t index[8] = {qs[0], qs[1], qs[2], qs[3], qs[4], qs[5], qs[6], qs[7]};
                sumi = _mm256_add_epi32(sumi, _mm256_madd_epi16(signedPairs(points4(grid, index), words.signs, ib, y->qs),
                                                                laneOf(words.scales, ib)));
            }
            addBlock(v.acc, sumi, 0.25f * (_cvtsh_ss(x.d) * y->d));
        });
}

float avx2DotIq3S(const uint8_t* row, const void* act, int64_t n) {
    const int8_t* grid = iqGridValues(IqGridKind::Iq3S, 0);
    // Index k of a sub-block takes bit k of qh[ib] as its ninth bit.
    const __m256i ninthBit = _mm256_setr_epi32(8, 7, 6, 5, 4, 3, 2, 1);
    const __m256i bit8 = _mm256_set1_epi32(256);
    return blockLoop<BlockIq3S, ActivationQ8K, 256, VectorSum>(
        row, act, n, [=](const BlockIq3S& x, const ActivationQ8K* y, VectorSum& v) {
            const __m256i signs = load32(x.signs);
            uint32_t nibbles;
            std::memcpy(&nibbles, x.scales, sizeof(nibbles));
            // Lane ib: 2 s + 1 in both 16-bit halves (nibble ib of the four scale bytes).
            const __m256i s = _mm256_and_si256(
                _mm256_srlv_epi32(_mm256_set1_epi32(int(nibbles)), _mm256_setr_epi32(0, 4, 8, 12, 16, 20, 24, 28)),
                _mm256_set1_epi32(0xF));
            const __m256i odd = _mm256_or_si256(_mm256_slli_epi32(s, 1), _mm256_set1_epi32(1));
            const __m256i scales = _mm256_or_si256(odd, _mm256_slli_epi32(odd, 16));
            __m256i sumi = _mm256_setzero_si256();
            for (int ib = 0; ib < 8; ++ib) {
                uint64_t low;
                std::memcpy(&low, x.qs + 8 * ib, sizeof(low));
                const __m256i index = _mm256_or_si256(
                    _mm256_cvtepu8_epi32(_mm_cvtsi64_si128(int64_t(low))),
                    _mm256_and_si256(_mm256_sllv_epi32(_mm256_set1_epi32(x.qh[ib]), ninthBit), bit8));
                alignas(32) uint32_t at[8];
                _mm256_store_si256(reinterpret_cast<__m256i*>(at), index);
                const __m256i coords = points4(grid, at);
                sumi = _mm256_add_epi32(sumi, _mm256_madd_epi16(signedPairs(coords, signs, ib, y->qs), laneOf(scales, ib)));
            }
            addBlock(v.acc, sumi, _cvtsh_ss(x.d) * y->d);
        });
}

// The IQ1 formats: value = scale * (coordinate + delta) with coordinates -1, 0, 1 and delta +-1/8, taken as the
// integers 8 * (coordinate + delta) = 8 * coordinate +- 1 times scale / 8. Made unsigned by adding 9 (0..18),
// so vpmaddubsw takes them as they are; the 9s come back out once per block as 9 * sum_g scale_g * bsums[g].
// The grid is kept as 8 * coordinate + 9 (1, 9, 17), built at first use.
struct Iq1ShiftedGrid {
    alignas(64) uint8_t values[2048 * 8];
    Iq1ShiftedGrid() {
        const int8_t* grid = iqGridValues(IqGridKind::Iq1S, 0);
        for (int i = 0; i < 2048 * 8; ++i)
            values[i] = uint8_t(8 * grid[i] + 9);
    }
};
const int8_t* iq1ShiftedGrid() {
    static const Iq1ShiftedGrid grid;
    return reinterpret_cast<const int8_t*>(grid.values);
}

// The 32 grid indices of an IQ1 block: the low eight bits from qs, bits 8-10 from the 16-bit word of each
// sub-block (IQ1_S: qh[ib], IQ1_M: qh[2 ib] | qh[2 ib + 1] << 8), code l of a sub-block taking the three bits
// at highShift[l]. Computed for two sub-blocks per vector instead of four times per sub-block in scalar code.
inline void iq1Indices(const uint8_t* qs, const uint8_t* qh, __m256i highShift, uint32_t* index) {
    const __m256i words = _mm256_cvtepu16_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(qh)));
    const __m256i top = _mm256_set1_epi32(0x700);
    for (int p = 0; p < 4; ++p) {
        const __m256i low = _mm256_cvtepu8_epi32(_mm_loadl_epi64(reinterpret_cast<const __m128i*>(qs + 8 * p)));
        const __m256i word = _mm256_permutevar8x32_epi32(
            words, _mm256_setr_epi32(2 * p, 2 * p, 2 * p, 2 * p, 2 * p + 1, 2 * p + 1, 2 * p + 1, 2 * p + 1));
        const __m256i high = _mm256_and_si256(_mm256_srlv_epi32(_mm256_slli_epi32(word, 8), highShift), top);
        _mm256_store_si256(reinterpret_cast<__m256i*>(index + 8 * p), _mm256_or_si256(low, high));
    }
}

// sumi - 9 * sum_g scales[g] * bsums[g], `scales` as 16 int16 lanes (group g in lane g).
inline __m256i removeNines(__m256i sumi, __m256i scales, const int16_t* bsums) {
    const __m256i offsets = _mm256_madd_epi16(scales, load32(bsums));
    return _mm256_sub_epi32(sumi, _mm256_add_epi32(_mm256_slli_epi32(offsets, 3), offsets));
}

float avx2DotIq1S(const uint8_t* row, const void* act, int64_t n) {
    const int8_t* grid = iq1ShiftedGrid();
    return blockLoop<BlockIq1S, ActivationQ8K, 256, VectorSum>(
        row, act, n, [grid](const BlockIq1S& x, const ActivationQ8K* y, VectorSum& v) {
            // 2 s + 1 of each sub-block, twice (its two 16-value groups), as 16-bit lanes.
            const __m128i qh = _mm_loadu_si128(reinterpret_cast<const __m128i*>(x.qh));
            const __m128i odd = _mm_or_si128(_mm_slli_epi16(_mm_and_si128(_mm_srli_epi16(qh, 12), _mm_set1_epi16(7)), 1),
                                             _mm_set1_epi16(1));
            const __m256i scales = _mm256_set_m128i(_mm_unpackhi_epi16(odd, odd), _mm_unpacklo_epi16(odd, odd));
            alignas(32) uint32_t index[32];
            iq1Indices(x.qs, reinterpret_cast<const uint8_t*>(x.qh), _mm256_setr_epi32(0, 3, 6, 9, 0, 3, 6, 9),
                       index);
            // +1, or -1 (0xFF) where the sub-block's delta is negative (bit 15 of its word).
            const __m128i negative = _mm_srai_epi16(qh, 15);
            const __m256i deltas = _mm256_broadcastsi128_si256(
                _mm_or_si128(_mm_packs_epi16(negative, negative), _mm_set1_epi8(1)));
            __m256i sumi = _mm256_setzero_si256();
            for (int ib = 0; ib < 8; ++ib) {
                const uint32_t* i = index + 4 * ib;
                const __m256i coords = points8(grid, i[0], i[1], i[2], i[3]);
                const __m256i values =
                    _mm256_add_epi8(coords, _mm256_shuffle_epi8(deltas, _mm256_set1_epi8(int8_t(ib))));
                sumi = _mm256_add_epi32(sumi, _mm256_madd_epi16(_mm256_maddubs_epi16(values, load32(y->qs + 32 * ib)),
                                                                laneOf(scales, ib)));
            }
            addBlock(v.acc, removeNines(sumi, scales, y->bsums), 0.125f * (_cvtsh_ss(x.d) * y->d));
        });
}

float avx2DotIq1M(const uint8_t* row, const void* act, int64_t n) {
    const int8_t* grid = iq1ShiftedGrid();
    // Group g's 3-bit scale is bits 3 (g % 4) of the 16-bit word g / 4: the word times 2^(13 - 3 (g % 4)) puts
    // them on top.
    const __m256i wordOfGroup = _mm256_setr_epi8(0, 1, 0, 1, 0, 1, 0, 1, 2, 3, 2, 3, 2, 3, 2, 3, //
                                                 4, 5, 4, 5, 4, 5, 4, 5, 6, 7, 6, 7, 6, 7, 6, 7);
    const __m256i toTop = _mm256_setr_epi16(8192, 1024, 128, 16, 8192, 1024, 128, 16, 8192, 1024, 128, 16, 8192,
                                            1024, 128, 16);
    // The delta sign of 8-value group l of a sub-block: bit 3 (l even) or 7 (l odd) of qh[2 ib + l / 2].
    const __m256i deltaBit = _mm256_setr_epi8(8, 8, 8, 8, 8, 8, 8, 8, -128, -128, -128, -128, -128, -128, -128, -128,
                                              8, 8, 8, 8, 8, 8, 8, 8, -128, -128, -128, -128, -128, -128, -128, -128);
    const __m256i one = _mm256_set1_epi8(1);
    return blockLoop<BlockIq1M, ActivationQ8K, 256, VectorSum>(
        row, act, n, [=](const BlockIq1M& x, const ActivationQ8K* y, VectorSum& v) {
            uint64_t packed;
            std::memcpy(&packed, x.scales, sizeof(packed));
            const uint16_t d16 = uint16_t((packed >> 12 & 0x000f) | (packed >> 24 & 0x00f0) |
                                          (packed >> 36 & 0x0f00) | (packed >> 48 & 0xf000));
            const __m256i words = _mm256_shuffle_epi8(_mm256_set1_epi64x(int64_t(packed)), wordOfGroup);
            const __m256i scales = _mm256_or_si256(
                _mm256_slli_epi16(_mm256_srli_epi16(_mm256_mullo_epi16(words, toTop), 13), 1), _mm256_set1_epi16(1));
            const __m256i qh = _mm256_broadcastsi128_si256(_mm_loadu_si128(reinterpret_cast<const __m128i*>(x.qh)));
            alignas(32) uint32_t index[32];
            iq1Indices(x.qs, x.qh, _mm256_setr_epi32(0, 4, 8, 12, 0, 4, 8, 12), index);
            __m256i sumi = _mm256_setzero_si256();
            for (int ib = 0; ib < 8; ++ib) {
                const uint32_t* i = index + 4 * ib;
                const __m256i coords = points8(grid, i[0], i[1], i[2], i[3]);
                // Bytes 0-15 take qh[2 ib], bytes 16-31 qh[2 ib + 1].
                const __m256i h = _mm256_shuffle_epi8(
                    qh, _mm256_setr_epi8(int8_t(2 * ib), int8_t(2 * ib), int8_t(2 * ib), int8_t(2 * ib), int8_t(2 * ib),
                                         int8_t(2 * ib), int8_t(2 * ib), int8_t(2 * ib), int8_t(2 * ib), int8_t(2 * ib),
                                         int8_t(2 * ib), int8_t(2 * ib), int8_t(2 * ib), int8_t(2 * ib), int8_t(2 * ib),
                                         int8_t(2 * ib), int8_t(2 * ib + 1), int8_t(2 * ib + 1), int8_t(2 * ib + 1),
                                         int8_t(2 * ib + 1), int8_t(2 * ib + 1), int8_t(2 * ib + 1), int8_t(2 * ib + 1),
                                         int8_t(2 * ib + 1), int8_t(2 * ib + 1), int8_t(2 * ib + 1), int8_t(2 * ib + 1),
                                         int8_t(2 * ib + 1), int8_t(2 * ib + 1), int8_t(2 * ib + 1), int8_t(2 * ib + 1),
                                         int8_t(2 * ib + 1)));
                // +1, or -1 (0xFF) where the delta is negative.
                const __m256i deltas = _mm256_or_si256(_mm256_cmpeq_epi8(_mm256_and_si256(h, deltaBit), deltaBit), one);
                const __m256i values = _mm256_add_epi8(coords, deltas);
                sumi = _mm256_add_epi32(sumi, _mm256_madd_epi16(_mm256_maddubs_epi16(values, load32(y->qs + 32 * ib)),
                                                                pairScalesOf(scales, ib)));
            }
            addBlock(v.acc, removeNines(sumi, scales, y->bsums), 0.125f * (_cvtsh_ss(d16) * y->d));
        });
}

// TQ1_0: five trits per byte of qs[0, 32) (value m + 32 i), five per byte of qs[32, 48) (160 + m + 16 i), four
// per byte of qh (240 + j + 4 i); trit i of a byte is the top of (byte * 3^i mod 256) * 3. Both products are
// taken in 16-bit lanes with the byte on top (its low half zero): mullo keeps (byte * 3^i mod 256) on top, and
// mulhi by 3 leaves ((that) * 3) >> 8 in the low half. Each 32-byte vector of trits (0..2, value + 1) meets 32
// contiguous activations: qs[0, 32) five times; qs[32, 48) in both halves for trits (0, 1) and (2, 3); its trit 4
// beside qh's trits, spread so that byte 4 i + j holds qh[j] with multiplier 3^i. sum (t - 1) a = sum t a - sum a.
inline __m256i tritsOf(__m256i bytes, __m256i multiplier) {
    const __m256i three = _mm256_set1_epi16(3);
    const __m256i even = _mm256_mulhi_epu16(_mm256_mullo_epi16(_mm256_slli_epi16(bytes, 8), multiplier), three);
    const __m256i odd = _mm256_mulhi_epu16(
        _mm256_mullo_epi16(_mm256_and_si256(bytes, _mm256_set1_epi16(int16_t(0xFF00))), multiplier), three);
    return _mm256_or_si256(even, _mm256_slli_epi16(odd, 8));
}

float avx2DotTq1_0(const uint8_t* row, const void* act, int64_t n) {
    const __m256i ones16 = _mm256_set1_epi16(1);
    const __m256i pairs01 = _mm256_setr_epi16(1, 1, 1, 1, 1, 1, 1, 1, 3, 3, 3, 3, 3, 3, 3, 3);
    const __m256i pairs23 = _mm256_setr_epi16(9, 9, 9, 9, 9, 9, 9, 9, 27, 27, 27, 27, 27, 27, 27, 27);
    const __m256i lastAndHigh = _mm256_setr_epi16(81, 81, 81, 81, 81, 81, 81, 81, 1, 1, 3, 3, 9, 9, 27, 27);
    const __m128i spreadHigh = _mm_setr_epi8(0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3);
    return blockLoop<BlockTq1_0, ActivationQ8K, 256, VectorSum>(
        row, act, n, [=](const BlockTq1_0& x, const ActivationQ8K* y, VectorSum& v) {
            const __m256i head = load32(x.qs);
            __m256i sum16 = _mm256_setzero_si256();
            int16_t power = 1;
            for (int i = 0; i < 5; ++i, power = int16_t(power * 3))
                sum16 = _mm256_add_epi16(sum16, _mm256_maddubs_epi16(tritsOf(head, _mm256_set1_epi16(power)),
                                                                     load32(y->qs + 32 * i)));
            const __m128i middle = _mm_loadu_si128(reinterpret_cast<const __m128i*>(x.qs + 32));
            const __m256i both = _mm256_broadcastsi128_si256(middle);
            sum16 = _mm256_add_epi16(sum16, _mm256_maddubs_epi16(tritsOf(both, pairs01), load32(y->qs + 160)));
            sum16 = _mm256_add_epi16(sum16, _mm256_maddubs_epi16(tritsOf(both, pairs23), load32(y->qs + 192)));
            uint32_t qh;
            std::memcpy(&qh, x.qh, sizeof(qh));
            const __m256i last = _mm256_set_m128i(_mm_shuffle_epi8(_mm_cvtsi32_si128(int(qh)), spreadHigh), middle);
            sum16 = _mm256_add_epi16(sum16, _mm256_maddubs_epi16(tritsOf(last, lastAndHigh), load32(y->qs + 224)));
            // Eight products of at most 2 * 2 * 127 per 16-bit lane: no overflow.
            const __m256i sumi = _mm256_sub_epi32(_mm256_madd_epi16(sum16, ones16),
                                                  _mm256_madd_epi16(load32(y->bsums), ones16));
            addBlock(v.acc, sumi, y->d * _cvtsh_ss(x.d));
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
    table[typeSlot(GgmlType::TQ1_0)] = avx2DotTq1_0;
    table[typeSlot(GgmlType::Q1_0)] = avx2DotQ1_0;
    table[typeSlot(GgmlType::Q2_0)] = avx2DotQ2_0;
}

} // namespace qf::dispatch
