// AVX2 integer dot products (quantized_dot.h): unsigned weight bytes times signed activation bytes with
// vpmaddubsw (pairs into 16 bits, no overflow for these ranges), then vpmaddwd with the sub-block scales
// into 32-bit sums, one float multiply-add per block. The AVX-512 path uses them for the types it has no
// kernel of its own for (quantized_dot_avx512.cpp, whose results have these kernels' bits).
#include <immintrin.h>

#include <cstdint>
#include <cstring>

#include "quant/quant_blocks.h"
#include "quant/kernel_table.h"
#include "quant/quant_mxfp4.h"
#include "quantized_dot.h"
#include "quantized_dot_loop.h"

namespace qf::eval::detail {
namespace {

using namespace quant::detail;

#include "quantized_dot_x86.h"

// Lanes 0-7 get scale a, lanes 8-15 scale b (16-bit), for vpmaddwd over two 16-value groups.
__m256i twoScales(int a, int b) {
    return _mm256_set_m128i(_mm_set1_epi16(int16_t(b)), _mm_set1_epi16(int16_t(a)));
}

float dotQ4K(const uint8_t* row, const void* act, int64_t n) {
    const __m256i low = _mm256_set1_epi8(0xF);
    return blockLoop<BlockQ4K, ActivationQ8K, 256, VectorSum>(
        row, act, n, [low](const BlockQ4K& x, const ActivationQ8K* y, VectorSum& v) {
            const ScalesMinsK4 sm = unpackK4(x.scales);
            __m256i sumi = _mm256_setzero_si256();
            for (int s = 0; s < 4; ++s) {
                const __m256i q4 = load32(x.qs + 32 * s);
                const __m256i pl = _mm256_maddubs_epi16(_mm256_and_si256(q4, low), load32(y->qs + 64 * s));
                const __m256i ph = _mm256_maddubs_epi16(_mm256_and_si256(_mm256_srli_epi16(q4, 4), low),
                                                        load32(y->qs + 64 * s + 32));
                sumi = _mm256_add_epi32(
                    sumi, _mm256_madd_epi16(pl, _mm256_set1_epi16(int16_t(uint8_t(sm.scales >> (16 * s))))));
                sumi = _mm256_add_epi32(
                    sumi,
                    _mm256_madd_epi16(ph, _mm256_set1_epi16(int16_t(uint8_t(sm.scales >> (16 * s + 8))))));
            }
            v.add(sumi, y->d, x.d);
            v.subtractMins(y->d, x.dmin, minsDot(sm.mins, y->bsums));
        });
}

float dotQ5K(const uint8_t* row, const void* act, int64_t n) {
    const __m256i low = _mm256_set1_epi8(0xF);
    const __m256i bit = _mm256_set1_epi8(0x10);
    return blockLoop<BlockQ5K, ActivationQ8K, 256, VectorSum>(
        row, act, n, [low, bit](const BlockQ5K& x, const ActivationQ8K* y, VectorSum& v) {
            const ScalesMinsK4 sm = unpackK4(x.scales);
            const __m256i qh = load32(x.qh);
            __m256i sumi = _mm256_setzero_si256();
            for (int s = 0; s < 4; ++s) {
                const __m256i q4 = load32(x.qs + 32 * s);
                // Bit j of qh[l] is the fifth bit of value l of sub-block j.
                const __m256i hl = _mm256_and_si256(_mm256_slli_epi16(_mm256_srli_epi16(qh, 2 * s), 4), bit);
                const __m256i hh =
                    _mm256_and_si256(_mm256_slli_epi16(_mm256_srli_epi16(qh, 2 * s + 1), 4), bit);
                const __m256i vl = _mm256_or_si256(_mm256_and_si256(q4, low), hl);
                const __m256i vh = _mm256_or_si256(_mm256_and_si256(_mm256_srli_epi16(q4, 4), low), hh);
                const __m256i pl = _mm256_maddubs_epi16(vl, load32(y->qs + 64 * s));
                const __m256i ph = _mm256_maddubs_epi16(vh, load32(y->qs + 64 * s + 32));
                sumi = _mm256_add_epi32(
                    sumi, _mm256_madd_epi16(pl, _mm256_set1_epi16(int16_t(uint8_t(sm.scales >> (16 * s))))));
                sumi = _mm256_add_epi32(
                    sumi,
                    _mm256_madd_epi16(ph, _mm256_set1_epi16(int16_t(uint8_t(sm.scales >> (16 * s + 8))))));
            }
            v.add(sumi, y->d, x.d);
            v.subtractMins(y->d, x.dmin, minsDot(sm.mins, y->bsums));
        });
}

float dotQ6K(const uint8_t* row, const void* act, int64_t n) {
    const __m256i low = _mm256_set1_epi8(0xF);
    const __m256i two = _mm256_set1_epi8(3);
    const __m256i bias = _mm256_set1_epi8(32);
    return blockLoop<BlockQ6K, ActivationQ8K, 256, VectorSum>(
        row, act, n, [low, two, bias](const BlockQ6K& x, const ActivationQ8K* y, VectorSum& v) {
            __m256i sumi = _mm256_setzero_si256();
            for (int part = 0; part < 2; ++part) {
                const __m256i ql0 = load32(x.ql + 64 * part), ql1 = load32(x.ql + 64 * part + 32);
                const __m256i qh = load32(x.qh + 32 * part);
                const int8_t* sc = x.scales + 8 * part;
                const int8_t* q8 = y->qs + 128 * part;
                for (int j = 0; j < 4; ++j) {
                    const __m256i l4 = j == 0   ? _mm256_and_si256(ql0, low)
                                       : j == 1 ? _mm256_and_si256(ql1, low)
                                       : j == 2 ? _mm256_and_si256(_mm256_srli_epi16(ql0, 4), low)
                                                : _mm256_and_si256(_mm256_srli_epi16(ql1, 4), low);
                    const __m256i h2 =
                        _mm256_slli_epi16(_mm256_and_si256(_mm256_srli_epi16(qh, 2 * j), two), 4);
                    const __m256i val = _mm256_or_si256(l4, h2); // value + 32, in [0, 64)
                    const __m256i a = load32(q8 + 32 * j);
                    const __m256i p =
                        _mm256_sub_epi16(_mm256_maddubs_epi16(val, a), _mm256_maddubs_epi16(bias, a));
                    sumi = _mm256_add_epi32(sumi, _mm256_madd_epi16(p, twoScales(sc[2 * j], sc[2 * j + 1])));
                }
            }
            v.add(sumi, y->d, x.d);
        });
}

// The 16-bit scales of two adjacent 16-value groups 2w, 2w + 1 of a 128-bit half (8 int16 scales, broadcast
// to both halves of `scales`): lanes 0-7 get scale 2w, lanes 8-15 scale 2w + 1.
struct PairPicks {
    alignas(32) int8_t idx[4][32];
};
constexpr PairPicks pairPicks() {
    PairPicks p{};
    for (int w = 0; w < 4; ++w)
        for (int b = 0; b < 32; ++b)
            p.idx[w][b] = int8_t(4 * w + 2 * (b / 16) + b % 2);
    return p;
}
alignas(32) inline constexpr PairPicks kPairPicks = pairPicks();
inline __m256i pickScalePair(__m256i scales, int w) {
    return _mm256_shuffle_epi8(scales, _mm256_load_si256(reinterpret_cast<const __m256i*>(kPairPicks.idx[w])));
}

// Q2_K: per 128 values one 32-byte load of codes, four shifts; mins against the activation group sums.
float dotQ2K(const uint8_t* row, const void* act, int64_t n) {
    const __m256i three = _mm256_set1_epi8(3);
    const __m128i low = _mm_set1_epi8(0xF);
    return blockLoop<BlockQ2K, ActivationQ8K, 256, VectorSum>(
        row, act, n, [three, low](const BlockQ2K& x, const ActivationQ8K* y, VectorSum& v) {
            const __m128i packed = _mm_loadu_si128(reinterpret_cast<const __m128i*>(x.scales));
            const __m128i scales = _mm_and_si128(packed, low);
            const __m256i mins16 = _mm256_cvtepu8_epi16(_mm_and_si128(_mm_srli_epi16(packed, 4), low));
            __m256i minSums = _mm256_madd_epi16(mins16, load32(y->bsums));
            __m128i m = _mm_add_epi32(_mm256_castsi256_si128(minSums), _mm256_extracti128_si256(minSums, 1));
            m = _mm_add_epi32(m, _mm_shuffle_epi32(m, 0x4E));
            m = _mm_add_epi32(m, _mm_shuffle_epi32(m, 0xB1));
            __m256i sumi = _mm256_setzero_si256();
            for (int half = 0; half < 2; ++half) {
                const __m256i q = load32(x.qs + 32 * half);
                const __m256i halfScales = _mm256_broadcastsi128_si256(
                    _mm_cvtepu8_epi16(half ? _mm_srli_si128(scales, 8) : scales));
                for (int j = 0; j < 4; ++j) {
                    const __m256i c = _mm256_and_si256(_mm256_srli_epi16(q, 2 * j), three);
                    const __m256i p = _mm256_maddubs_epi16(c, load32(y->qs + 128 * half + 32 * j));
                    sumi = _mm256_add_epi32(sumi, _mm256_madd_epi16(p, pickScalePair(halfScales, j)));
                }
            }
            v.add(sumi, y->d, x.d);
            v.subtractMins(y->d, x.dmin, _mm_cvtsi128_si32(m));
        });
}

// Q3_K: codes 0..7 (value + 4) from two bits and the hmask bit; sum (c - 4) a = sum c a - 4 sum a, the last from
// the group sums once per block.
float dotQ3K(const uint8_t* row, const void* act, int64_t n) {
    const __m256i three = _mm256_set1_epi8(3);
    const __m256i one = _mm256_set1_epi8(1);
    return blockLoop<BlockQ3K, ActivationQ8K, 256, VectorSum>(
        row, act, n, [three, one](const BlockQ3K& x, const ActivationQ8K* y, VectorSum& v) {
            uint32_t aux[3];
            std::memcpy(aux, x.scales, sizeof(aux));
            // Built in registers: four 32-bit stores read back as one vector would stall store forwarding.
            const __m128i unpacked =
                _mm_setr_epi32(int((aux[0] & 0x0f0f0f0f) | ((aux[2] & 0x03030303) << 4)),
                               int((aux[1] & 0x0f0f0f0f) | (((aux[2] >> 2) & 0x03030303) << 4)),
                               int(((aux[0] >> 4) & 0x0f0f0f0f) | (((aux[2] >> 4) & 0x03030303) << 4)),
                               int(((aux[1] >> 4) & 0x0f0f0f0f) | (((aux[2] >> 6) & 0x03030303) << 4)));
            const __m128i scales = _mm_sub_epi8(unpacked, _mm_set1_epi8(32));
            const __m256i scales16 = _mm256_cvtepi8_epi16(scales);
            const __m256i h = load32(x.hmask);
            __m256i sumi = _mm256_setzero_si256();
            for (int half = 0; half < 2; ++half) {
                const __m256i q = load32(x.qs + 32 * half);
                const __m256i halfScales = _mm256_broadcastsi128_si256(
                    _mm_cvtepi8_epi16(half ? _mm_srli_si128(scales, 8) : scales));
                for (int j = 0; j < 4; ++j) {
                    const __m256i high = _mm256_and_si256(_mm256_srli_epi16(h, 4 * half + j), one);
                    const __m256i c = _mm256_or_si256(_mm256_and_si256(_mm256_srli_epi16(q, 2 * j), three),
                                                      _mm256_slli_epi16(high, 2));
                    const __m256i p = _mm256_maddubs_epi16(c, load32(y->qs + 128 * half + 32 * j));
                    sumi = _mm256_add_epi32(sumi, _mm256_madd_epi16(p, pickScalePair(halfScales, j)));
                }
            }
            const __m256i offsets = _mm256_madd_epi16(scales16, load32(y->bsums));
            sumi = _mm256_sub_epi32(sumi, _mm256_slli_epi32(offsets, 2));
            v.add(sumi, y->d, x.d);
        });
}

float dotQ8_0(const uint8_t* row, const void* act, int64_t n) {
    const __m256i ones = _mm256_set1_epi16(1);
    return blockLoop<BlockQ8_0, ActivationQ8_0, 32, VectorSum>(
        row, act, n, [ones](const BlockQ8_0& x, const ActivationQ8_0* y, VectorSum& v) {
            const __m256i qx = load32(x.qs), qy = load32(y->qs);
            // |x| * (y with x's sign): the unsigned-by-signed product gives x * y.
            const __m256i p = _mm256_maddubs_epi16(_mm256_sign_epi8(qx, qx), _mm256_sign_epi8(qy, qx));
            const __m256 s = _mm256_cvtepi32_ps(_mm256_madd_epi16(p, ones));
            v.acc = _mm256_fmadd_ps(_mm256_set1_ps(_cvtsh_ss(x.d) * y->d), s, v.acc);
        });
}

// 32-value blocks of 4-bit codes looked up in a 16-entry table (Q4_0, IQ4_NL, MXFP4).
inline constexpr int8_t kQ4_0Values[16] = {-8, -7, -6, -5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5, 6, 7};

float scaleOf(const BlockQ4_0& b) {
    return _cvtsh_ss(b.d);
}
float scaleOf(const BlockIq4Nl& b) {
    return _cvtsh_ss(b.d);
}
float scaleOf(const BlockMxfp4& b) {
    return mxfp4HalfScale(b.e);
}

template <class Block, const int8_t* Values>
float dotNibbles(const uint8_t* row, const void* act, int64_t n) {
    const __m128i table = _mm_loadu_si128(reinterpret_cast<const __m128i*>(Values));
    const __m128i low = _mm_set1_epi8(0xF);
    const __m256i ones = _mm256_set1_epi16(1);
    return blockLoop<Block, ActivationQ8_0, 32, VectorSum>(
        row, act, n, [table, low, ones](const Block& x, const ActivationQ8_0* y, VectorSum& v) {
            const __m128i q = _mm_loadu_si128(reinterpret_cast<const __m128i*>(x.qs));
            const __m128i lo = _mm_shuffle_epi8(table, _mm_and_si128(q, low));
            const __m128i hi = _mm_shuffle_epi8(table, _mm_and_si128(_mm_srli_epi16(q, 4), low));
            const __m256i qx = _mm256_set_m128i(hi, lo), qy = load32(y->qs);
            const __m256i p = _mm256_maddubs_epi16(_mm256_sign_epi8(qx, qx), _mm256_sign_epi8(qy, qx));
            const __m256 s = _mm256_cvtepi32_ps(_mm256_madd_epi16(p, ones));
            v.acc = _mm256_fmadd_ps(_mm256_set1_ps(scaleOf(x) * y->d), s, v.acc);
        });
}

// IQ4_XS: per 32 values IQ4_NL's table looked up for both nibbles, with the sub-block's 6-bit scale - 32.
float dotIq4Xs(const uint8_t* row, const void* act, int64_t n) {
    const __m128i table = _mm_loadu_si128(reinterpret_cast<const __m128i*>(kIq4Values));
    const __m128i low = _mm_set1_epi8(0xF);
    return blockLoop<BlockIq4Xs, ActivationQ8K, 256, VectorSum>(
        row, act, n, [table, low](const BlockIq4Xs& x, const ActivationQ8K* y, VectorSum& v) {
            __m256i sumi = _mm256_setzero_si256();
            for (int ib = 0; ib < 8; ++ib) {
                const __m128i q = _mm_loadu_si128(reinterpret_cast<const __m128i*>(x.qs + 16 * ib));
                const __m128i lo = _mm_shuffle_epi8(table, _mm_and_si128(q, low));
                const __m128i hi = _mm_shuffle_epi8(table, _mm_and_si128(_mm_srli_epi16(q, 4), low));
                const __m256i qx = _mm256_set_m128i(hi, lo), qy = load32(y->qs + 32 * ib);
                const __m256i p = _mm256_maddubs_epi16(_mm256_sign_epi8(qx, qx), _mm256_sign_epi8(qy, qx));
                const int ls = ((x.scalesL[ib / 2] >> 4 * (ib % 2)) & 0xf) | (((x.scalesH >> 2 * ib) & 3) << 4);
                sumi = _mm256_add_epi32(sumi, _mm256_madd_epi16(p, _mm256_set1_epi16(int16_t(ls - 32))));
            }
            v.add(sumi, y->d, x.d);
        });
}

// Ternary codes 0..2 (value + 1): sum (q - 1) * y = sum q * y - sum y, the last from the block sums.
float dotTq2_0(const uint8_t* row, const void* act, int64_t n) {
    const __m256i three = _mm256_set1_epi8(3);
    const __m256i ones = _mm256_set1_epi16(1);
    return blockLoop<BlockTq2_0, ActivationQ8K, 256, VectorSum>(
        row, act, n, [three, ones](const BlockTq2_0& x, const ActivationQ8K* y, VectorSum& v) {
            __m256i sum16 = _mm256_setzero_si256();
            for (int j = 0; j < 2; ++j) {
                const __m256i q = load32(x.qs + 32 * j);
                for (int l = 0; l < 4; ++l) {
                    const __m256i c = _mm256_and_si256(_mm256_srli_epi16(q, 2 * l), three);
                    sum16 =
                        _mm256_add_epi16(sum16, _mm256_maddubs_epi16(c, load32(y->qs + 128 * j + 32 * l)));
                }
            }
            // Eight maddubs sums of at most 2 * 2 * 128 each stay within 16 bits.
            __m256i sumi = _mm256_madd_epi16(sum16, ones);
            const __m256i bsums = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(y->bsums));
            sumi = _mm256_sub_epi32(sumi, _mm256_madd_epi16(bsums, ones));
            v.acc = _mm256_fmadd_ps(_mm256_set1_ps(y->d * _cvtsh_ss(x.d)), _mm256_cvtepi32_ps(sumi), v.acc);
        });
}

} // namespace

} // namespace qf::eval::detail

namespace qf::dispatch {

void addAvx2QuantizedDots(ByType<QuantizedDotFn>& table) {
    using namespace eval::detail;
    table[typeSlot(GgmlType::Q2_K)] = dotQ2K;
    table[typeSlot(GgmlType::Q3_K)] = dotQ3K;
    table[typeSlot(GgmlType::Q4_K)] = dotQ4K;
    table[typeSlot(GgmlType::Q5_K)] = dotQ5K;
    table[typeSlot(GgmlType::Q6_K)] = dotQ6K;
    table[typeSlot(GgmlType::Q8_0)] = dotQ8_0;
    table[typeSlot(GgmlType::Q4_0)] = dotNibbles<BlockQ4_0, kQ4_0Values>;
    table[typeSlot(GgmlType::IQ4_NL)] = dotNibbles<BlockIq4Nl, kIq4Values>;
    table[typeSlot(GgmlType::IQ4_XS)] = dotIq4Xs;
    table[typeSlot(GgmlType::MXFP4)] = dotNibbles<BlockMxfp4, kMxfp4Values>;
    table[typeSlot(GgmlType::TQ2_0)] = dotTq2_0;
    addAvx2CodebookDots(table); // quantized_dot_codebook_avx2.cpp
}

} // namespace qf::dispatch
