// AVX-512 dequantization of the quantized weight types (the shared ones in dequantize_lanes.h), for the
// matrix products' row unpacking. Same arithmetic as the quantization core's reference dequantizers (same
// products in the same order, no fused multiply-add), so the values are identical.
#include <cstdint>
#include <cstring>

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <immintrin.h>
#pragma GCC diagnostic pop
#else
#include <immintrin.h>
#endif

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

// 16 bytes to 16 floats.

void q8_0(const uint8_t* src, float* dst, int64_t n) {
    const auto* x = reinterpret_cast<const BlockQ8_0*>(src);
    for (int64_t i = 0; i < n / 32; ++i, dst += 32) {
        const __m512 d = _mm512_set1_ps(half(x[i].d));
        for (int h = 0; h < 32; h += 16) {
            const __m512i q =
                _mm512_cvtepi8_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(x[i].qs + h)));
            _mm512_storeu_ps(dst + h, _mm512_mul_ps(_mm512_cvtepi32_ps(q), d));
        }
    }
}

void q4_K(const uint8_t* src, float* dst, int64_t n) {
    const auto* x = reinterpret_cast<const BlockQ4K*>(src);
    const __m512i low = _mm512_set1_epi32(0xF);
    for (int64_t i = 0; i < n / 256; ++i) {
        const float d = half(x[i].d), min = half(x[i].dmin);
        const uint8_t* q = x[i].qs;
        for (int is = 0; is < 8; is += 2, q += 32) {
            uint8_t sc, m;
            unpackScaleMinK4(is, x[i].scales, &sc, &m);
            const __m512 d1 = _mm512_set1_ps(d * float(sc)), m1 = _mm512_set1_ps(min * float(m));
            unpackScaleMinK4(is + 1, x[i].scales, &sc, &m);
            const __m512 d2 = _mm512_set1_ps(d * float(sc)), m2 = _mm512_set1_ps(min * float(m));
            for (int h = 0; h < 32; h += 16) {
                const __m512i b =
                    _mm512_cvtepu8_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(q + h)));
                const __m512 lo = _mm512_cvtepi32_ps(_mm512_and_si512(b, low));
                const __m512 hi = _mm512_cvtepi32_ps(_mm512_srli_epi32(b, 4));
                _mm512_storeu_ps(dst + h, _mm512_sub_ps(_mm512_mul_ps(d1, lo), m1));
                _mm512_storeu_ps(dst + 32 + h, _mm512_sub_ps(_mm512_mul_ps(d2, hi), m2));
            }
            dst += 64;
        }
    }
}

void q6_K(const uint8_t* src, float* dst, int64_t n) {
    const auto* x = reinterpret_cast<const BlockQ6K*>(src);
    const __m512i low = _mm512_set1_epi32(0xF), two = _mm512_set1_epi32(3), bias = _mm512_set1_epi32(32);
    for (int64_t i = 0; i < n / 256; ++i) {
        const float d = half(x[i].d);
        const uint8_t* ql = x[i].ql;
        const uint8_t* qh = x[i].qh;
        const int8_t* sc = x[i].scales;
        for (int part = 0; part < 2; ++part, dst += 128, ql += 64, qh += 32, sc += 8) {
            for (int l = 0; l < 32; l += 16) {
                const int is = l / 16;
                const __m512i a =
                    _mm512_cvtepu8_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(ql + l)));
                const __m512i b =
                    _mm512_cvtepu8_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(ql + l + 32)));
                const __m512i h =
                    _mm512_cvtepu8_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(qh + l)));
                auto value = [&](__m512i nibble, int shift) {
                    const __m512i hi =
                        _mm512_slli_epi32(_mm512_and_si512(_mm512_srli_epi32(h, unsigned(shift)), two), 4);
                    return _mm512_cvtepi32_ps(_mm512_sub_epi32(_mm512_or_si512(nibble, hi), bias));
                };
                const __m512 q1 = value(_mm512_and_si512(a, low), 0), q2 = value(_mm512_and_si512(b, low), 2);
                const __m512 q3 = value(_mm512_srli_epi32(a, 4), 4), q4 = value(_mm512_srli_epi32(b, 4), 6);
                _mm512_storeu_ps(dst + l, _mm512_mul_ps(_mm512_set1_ps(d * float(sc[is + 0])), q1));
                _mm512_storeu_ps(dst + l + 32, _mm512_mul_ps(_mm512_set1_ps(d * float(sc[is + 2])), q2));
                _mm512_storeu_ps(dst + l + 64, _mm512_mul_ps(_mm512_set1_ps(d * float(sc[is + 4])), q3));
                _mm512_storeu_ps(dst + l + 96, _mm512_mul_ps(_mm512_set1_ps(d * float(sc[is + 6])), q4));
            }
        }
    }
}

// 16 lanes for dequantize_lanes.h.
struct Avx512Ops {
    static constexpr int N = 16;
    using F = __m512;
    using I = __m512i;
    static float halfToFloat(uint16_t h) { return _cvtsh_ss(h); }
    static I bytes(const uint8_t* p) {
        return _mm512_cvtepu8_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)));
    }
    static I iq4(const uint8_t* p, int shift) {
        const __m128i table =
            _mm_setr_epi8(-127, -104, -83, -65, -49, -35, -22, -10, 1, 13, 25, 38, 53, 69, 89, 113);
        const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        const __m128i idx = _mm_and_si128(_mm_srl_epi16(b, _mm_cvtsi32_si128(shift)), _mm_set1_epi8(0xF));
        return _mm512_cvtepi8_epi32(_mm_shuffle_epi8(table, idx));
    }
    static I set1i(int v) { return _mm512_set1_epi32(v); }
    static I lanes() { return _mm512_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15); }
    static I andi(I a, I b) { return _mm512_and_si512(a, b); }
    static I ori(I a, I b) { return _mm512_or_si512(a, b); }
    static I addi(I a, I b) { return _mm512_add_epi32(a, b); }
    static I subi(I a, I b) { return _mm512_sub_epi32(a, b); }
    static I srli(I a, int s) { return _mm512_srl_epi32(a, _mm_cvtsi32_si128(s)); }
    static I slli(I a, int s) { return _mm512_sll_epi32(a, _mm_cvtsi32_si128(s)); }
    static I srlv(I a, I s) { return _mm512_srlv_epi32(a, s); }
    static F cvt(I a) { return _mm512_cvtepi32_ps(a); }
    static F set1(float v) { return _mm512_set1_ps(v); }
    static F mul(F a, F b) { return _mm512_mul_ps(a, b); }
    static F add(F a, F b) { return _mm512_add_ps(a, b); }
    static F sub(F a, F b) { return _mm512_sub_ps(a, b); }
    static void store(float* p, F v) { _mm512_storeu_ps(p, v); }
};

#include "dequantize_lanes.h"

} // namespace

} // namespace qf::eval::detail

namespace qf::dispatch {

// This path's row unpackers of the quantized types (PathKernels::unpack; same values as the core's).
void addAvx512Unpackers(ByType<DequantizeRowFn>& table) {
    using Lanes = eval::detail::DequantizeLanes<eval::detail::Avx512Ops>;
    Lanes::add(table);
    table[typeSlot(GgmlType::Q8_0)] = Lanes::row<eval::detail::q8_0>;
    table[typeSlot(GgmlType::Q4_K)] = Lanes::row<eval::detail::q4_K>;
    table[typeSlot(GgmlType::Q6_K)] = Lanes::row<eval::detail::q6_K>;
    table[typeSlot(GgmlType::MXFP4)] = Lanes::row<eval::detail::unpackMxfp4Avx512>;
}

} // namespace qf::dispatch
