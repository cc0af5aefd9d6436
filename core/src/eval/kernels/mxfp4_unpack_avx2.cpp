// AVX2 MXFP4 unpacking (see mxfp4_unpack.h): the 16 codes of each half block are looked up with one byte
// shuffle, widened to 32-bit integers, converted (exactly) and multiplied by the half scale, as the
// reference does value by value.
#include <immintrin.h>

#include <cstring>

#include "mxfp4_unpack_kernels.h"
#include "quant/quant_mxfp4.h"

namespace qf::eval::detail {
namespace {

using quant::detail::BlockMxfp4;

// 2^(e - 128), as quant::detail::mxfp4HalfScale; a copy, because an inline function shared with baseline
// code must not be compiled with this file's instruction sets.
float halfScale(uint8_t e) {
    const uint32_t bits = e < 2 ? uint32_t(0x00200000) << e : uint32_t(e - 1) << 23;
    float f;
    std::memcpy(&f, &bits, sizeof f);
    return f;
}

} // namespace

void unpackMxfp4Avx2(const uint8_t* src, float* dst, int64_t n) {
    const auto* x = reinterpret_cast<const BlockMxfp4*>(src);
    const __m128i table = _mm_setr_epi8(0, 1, 2, 3, 4, 6, 8, 12, 0, -1, -2, -3, -4, -6, -8, -12);
    const __m128i low = _mm_set1_epi8(0x0F);
    for (int64_t i = 0; i < n / 32; ++i, dst += 32) {
        const __m256 d = _mm256_set1_ps(halfScale(x[i].e));
        const __m128i q = _mm_loadu_si128(reinterpret_cast<const __m128i*>(x[i].qs));
        const __m128i lo = _mm_shuffle_epi8(table, _mm_and_si128(q, low));
        const __m128i hi = _mm_shuffle_epi8(table, _mm_and_si128(_mm_srli_epi16(q, 4), low));
        auto store8 = [&](float* out, __m128i values) {
            _mm256_storeu_ps(out, _mm256_mul_ps(_mm256_cvtepi32_ps(_mm256_cvtepi8_epi32(values)), d));
        };
        store8(dst, lo);
        store8(dst + 8, _mm_srli_si128(lo, 8));
        store8(dst + 16, hi);
        store8(dst + 24, _mm_srli_si128(hi, 8));
    }
}

} // namespace qf::eval::detail
