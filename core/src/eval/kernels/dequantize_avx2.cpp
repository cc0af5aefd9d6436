// AVX2 dequantization of the quantized weight types; see dequantize_avx512.cpp.
#include <cstdint>
#include <cstring>

#include <immintrin.h>

#include "matmul_kernels.h"
#include "quant/kernel_table.h"
#include "mxfp4_unpack_kernels.h"
#include "quant/quant_blocks.h"

namespace qf::eval::detail {
namespace {

using namespace qf::quant::detail;

inline float half(uint16_t h) {
    return _cvtsh_ss(h);
}

// 8 bytes to 8 integers.
inline __m256i bytesU(const uint8_t* p) {
    return _mm256_cvtepu8_epi32(_mm_loadl_epi64(reinterpret_cast<const __m128i*>(p)));
}

void q8_0(const uint8_t* src, float* dst, int64_t n) {
    const auto* x = reinterpret_cast<const BlockQ8_0*>(src);
    for (int64_t i = 0; i < n / 32; ++i, dst += 32) {
        const __m256 d = _mm256_set1_ps(half(x[i].d));
        for (int h = 0; h < 32; h += 8) {
            const __m256i q =
                _mm256_cvtepi8_epi32(_mm_loadl_epi64(reinterpret_cast<const __m128i*>(x[i].qs + h)));
            _mm256_storeu_ps(dst + h, _mm256_mul_ps(_mm256_cvtepi32_ps(q), d));
        }
    }
}

void q4_K(const uint8_t* src, float* dst, int64_t n) {
    const auto* x = reinterpret_cast<const BlockQ4K*>(src);
    const __m256i low = _mm256_set1_epi32(0xF);
    for (int64_t i = 0; i < n / 256; ++i) {
        const float d = half(x[i].d), min = half(x[i].dmin);
        const uint8_t* q = x[i].qs;
        for (int is = 0; is < 8; is += 2, q += 32) {
            uint8_t sc, m;
            unpackScaleMinK4(is, x[i].scales, &sc, &m);
            const __m256 d1 = _mm256_set1_ps(d * float(sc)), m1 = _mm256_set1_ps(min * float(m));
            unpackScaleMinK4(is + 1, x[i].scales, &sc, &m);
            const __m256 d2 = _mm256_set1_ps(d * float(sc)), m2 = _mm256_set1_ps(min * float(m));
            for (int h = 0; h < 32; h += 8) {
                const __m256i b = bytesU(q + h);
                const __m256 lo = _mm256_cvtepi32_ps(_mm256_and_si256(b, low));
                const __m256 hi = _mm256_cvtepi32_ps(_mm256_srli_epi32(b, 4));
                _mm256_storeu_ps(dst + h, _mm256_sub_ps(_mm256_mul_ps(d1, lo), m1));
                _mm256_storeu_ps(dst + 32 + h, _mm256_sub_ps(_mm256_mul_ps(d2, hi), m2));
            }
            dst += 64;
        }
    }
}

void q6_K(const uint8_t* src, float* dst, int64_t n) {
    const auto* x = reinterpret_cast<const BlockQ6K*>(src);
    const __m256i low = _mm256_set1_epi32(0xF), two = _mm256_set1_epi32(3), bias = _mm256_set1_epi32(32);
    for (int64_t i = 0; i < n / 256; ++i) {
        const float d = half(x[i].d);
        const uint8_t* ql = x[i].ql;
        const uint8_t* qh = x[i].qh;
        const int8_t* sc = x[i].scales;
        for (int part = 0; part < 2; ++part, dst += 128, ql += 64, qh += 32, sc += 8) {
            for (int l = 0; l < 32; l += 8) {
                const int is = l / 16;
                const __m256i a = bytesU(ql + l), b = bytesU(ql + l + 32), h = bytesU(qh + l);
                auto value = [&](__m256i nibble, int shift) {
                    const __m256i hi =
                        _mm256_slli_epi32(_mm256_and_si256(_mm256_srli_epi32(h, shift), two), 4);
                    return _mm256_cvtepi32_ps(_mm256_sub_epi32(_mm256_or_si256(nibble, hi), bias));
                };
                const __m256 q1 = value(_mm256_and_si256(a, low), 0), q2 = value(_mm256_and_si256(b, low), 2);
                const __m256 q3 = value(_mm256_srli_epi32(a, 4), 4), q4 = value(_mm256_srli_epi32(b, 4), 6);
                _mm256_storeu_ps(dst + l, _mm256_mul_ps(_mm256_set1_ps(d * float(sc[is + 0])), q1));
                _mm256_storeu_ps(dst + l + 32, _mm256_mul_ps(_mm256_set1_ps(d * float(sc[is + 2])), q2));
                _mm256_storeu_ps(dst + l + 64, _mm256_mul_ps(_mm256_set1_ps(d * float(sc[is + 4])), q3));
                _mm256_storeu_ps(dst + l + 96, _mm256_mul_ps(_mm256_set1_ps(d * float(sc[is + 6])), q4));
            }
        }
    }
}

// 8 lanes for dequantize_lanes.h.
struct Avx2Ops {
    static constexpr int N = 8;
    using F = __m256;
    using I = __m256i;
    static float halfToFloat(uint16_t h) { return _cvtsh_ss(h); }
    static I bytes(const uint8_t* p) {
        return _mm256_cvtepu8_epi32(_mm_loadl_epi64(reinterpret_cast<const __m128i*>(p)));
    }
    static I iq4(const uint8_t* p, int shift) {
        const __m128i table =
            _mm_setr_epi8(-127, -104, -83, -65, -49, -35, -22, -10, 1, 13, 25, 38, 53, 69, 89, 113);
        const __m128i b = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(p));
        const __m128i idx = _mm_and_si128(_mm_srl_epi16(b, _mm_cvtsi32_si128(shift)), _mm_set1_epi8(0xF));
        return _mm256_cvtepi8_epi32(_mm_shuffle_epi8(table, idx));
    }
    static I set1i(int v) { return _mm256_set1_epi32(v); }
    static I lanes() { return _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7); }
    static I andi(I a, I b) { return _mm256_and_si256(a, b); }
    static I ori(I a, I b) { return _mm256_or_si256(a, b); }
    static I addi(I a, I b) { return _mm256_add_epi32(a, b); }
    static I subi(I a, I b) { return _mm256_sub_epi32(a, b); }
    static I srli(I a, int s) { return _mm256_srl_epi32(a, _mm_cvtsi32_si128(s)); }
    static I slli(I a, int s) { return _mm256_sll_epi32(a, _mm_cvtsi32_si128(s)); }
    static I srlv(I a, I s) { return _mm256_srlv_epi32(a, s); }
    static F cvt(I a) { return _mm256_cvtepi32_ps(a); }
    static F set1(float v) { return _mm256_set1_ps(v); }
    static F mul(F a, F b) { return _mm256_mul_ps(a, b); }
    static F add(F a, F b) { return _mm256_add_ps(a, b); }
    static F sub(F a, F b) { return _mm256_sub_ps(a, b); }
    static void store(float* p, F v) { _mm256_storeu_ps(p, v); }
};

#include "dequantize_lanes.h"

} // namespace

} // namespace qf::eval::detail

namespace qf::dispatch {

// This path's row unpackers of the quantized types (PathKernels::unpack; same values as the core's).
void addAvx2Unpackers(ByType<DequantizeRowFn>& table) {
    using Lanes = eval::detail::DequantizeLanes<eval::detail::Avx2Ops>;
    Lanes::add(table);
    table[typeSlot(GgmlType::Q8_0)] = Lanes::row<eval::detail::q8_0>;
    table[typeSlot(GgmlType::Q4_K)] = Lanes::row<eval::detail::q4_K>;
    table[typeSlot(GgmlType::Q6_K)] = Lanes::row<eval::detail::q6_K>;
    table[typeSlot(GgmlType::MXFP4)] = Lanes::row<eval::detail::unpackMxfp4Avx2>;
}

} // namespace qf::dispatch
