// AVX-512 MXFP4 unpacking (see mxfp4_unpack.h): one byte shuffle per half block, sixteen lanes at a time.
#include <cstring>

// GCC 12's intrinsic headers trip -Wmaybe-uninitialized (a known false positive).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <immintrin.h>
#pragma GCC diagnostic pop
#else
#include <immintrin.h>
#endif

#include "mxfp4_unpack_kernels.h"
#include "quant/quant_mxfp4.h"

namespace qf::eval::detail {
namespace {

using quant::detail::BlockMxfp4;

// 2^(e - 128); a copy of quant::detail::mxfp4HalfScale (see mxfp4_unpack_avx2.cpp).
float halfScale(uint8_t e) {
    const uint32_t bits = e < 2 ? uint32_t(0x00200000) << e : uint32_t(e - 1) << 23;
    float f;
    std::memcpy(&f, &bits, sizeof f);
    return f;
}

} // namespace

void unpackMxfp4Avx512(const uint8_t* src, float* dst, int64_t n) {
    const auto* x = reinterpret_cast<const BlockMxfp4*>(src);
    const __m128i table = _mm_setr_epi8(0, 1, 2, 3, 4, 6, 8, 12, 0, -1, -2, -3, -4, -6, -8, -12);
    const __m128i low = _mm_set1_epi8(0x0F);
    for (int64_t i = 0; i < n / 32; ++i, dst += 32) {
        const __m512 d = _mm512_set1_ps(halfScale(x[i].e));
        const __m128i q = _mm_loadu_si128(reinterpret_cast<const __m128i*>(x[i].qs));
        const __m128i lo = _mm_shuffle_epi8(table, _mm_and_si128(q, low));
        const __m128i hi = _mm_shuffle_epi8(table, _mm_and_si128(_mm_srli_epi16(q, 4), low));
        _mm512_storeu_ps(dst, _mm512_mul_ps(_mm512_cvtepi32_ps(_mm512_cvtepi8_epi32(lo)), d));
        _mm512_storeu_ps(dst + 16, _mm512_mul_ps(_mm512_cvtepi32_ps(_mm512_cvtepi8_epi32(hi)), d));
    }
}

} // namespace qf::eval::detail
