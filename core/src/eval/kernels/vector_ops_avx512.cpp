// AVX-512 element-wise helpers. exp: Cody-Waite reduction by ln 2 and a degree-5 minimax polynomial
// (the classic Cephes expf coefficients), within 2 ulp of expf over the range used here.
#include <algorithm>
#include <cmath>

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

namespace qf::eval::detail {
namespace {

inline __m512 exp16(__m512 x) {
    const __m512 tooSmall = _mm512_set1_ps(-87.0f);
    const __mmask16 zero = _mm512_cmp_ps_mask(x, tooSmall, _CMP_LT_OQ);
    x = _mm512_min_ps(_mm512_max_ps(x, tooSmall), _mm512_set1_ps(88.0f));
    const __m512 n = _mm512_roundscale_ps(_mm512_mul_ps(x, _mm512_set1_ps(1.44269504088896341f)),
                                          _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    __m512 r = _mm512_fnmadd_ps(n, _mm512_set1_ps(0.693359375f), x);
    r = _mm512_fnmadd_ps(n, _mm512_set1_ps(-2.12194440e-4f), r);
    __m512 p = _mm512_set1_ps(1.9875691500e-4f);
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(1.3981999507e-3f));
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(8.3334519073e-3f));
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(4.1665795894e-2f));
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(1.6666665459e-1f));
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(5.0000001201e-1f));
    const __m512 y = _mm512_add_ps(_mm512_fmadd_ps(p, _mm512_mul_ps(r, r), r), _mm512_set1_ps(1.0f));
    const __m512i e = _mm512_slli_epi32(_mm512_add_epi32(_mm512_cvtps_epi32(n), _mm512_set1_epi32(127)), 23);
    return _mm512_maskz_mul_ps(__mmask16(~zero), y, _mm512_castsi512_ps(e));
}

float maxOf(const float* x, int64_t n) {
    __m512 m = _mm512_set1_ps(x[0]);
    int64_t i = 0;
    for (; i + 16 <= n; i += 16)
        m = _mm512_max_ps(m, _mm512_loadu_ps(x + i));
    if (i < n) m = _mm512_max_ps(m, _mm512_mask_loadu_ps(m, __mmask16((1u << (n - i)) - 1), x + i));
    alignas(64) float lanes[16];
    _mm512_store_ps(lanes, m);
    float best = lanes[0];
    for (float v : lanes)
        best = std::max(best, v);
    return best;
}

double expShifted(const float* x, float shift, float* out, int64_t n) {
    const __m512 s = _mm512_set1_ps(shift);
    __m512d sum0 = _mm512_setzero_pd(), sum1 = _mm512_setzero_pd();
    for (int64_t i = 0; i < n; i += 16) {
        const __mmask16 mask = n - i >= 16 ? __mmask16(0xffff) : __mmask16((1u << (n - i)) - 1);
        const __m512 e =
            _mm512_maskz_mov_ps(mask, exp16(_mm512_sub_ps(_mm512_maskz_loadu_ps(mask, x + i), s)));
        _mm512_mask_storeu_ps(out + i, mask, e);
        sum0 = _mm512_add_pd(sum0, _mm512_cvtps_pd(_mm512_castps512_ps256(e)));
        sum1 = _mm512_add_pd(sum1, _mm512_cvtps_pd(_mm512_castps512_ps256(
                                       _mm512_shuffle_f32x4(e, e, _MM_SHUFFLE(3, 2, 3, 2)))));
    }
    alignas(64) double lanes[8];
    _mm512_store_pd(lanes, _mm512_add_pd(sum0, sum1));
    double sum = 0.0;
    for (double v : lanes)
        sum += v;
    return sum;
}

void roundToHalf(float* x, int64_t n) {
    for (int64_t i = 0; i < n; i += 16) {
        const __mmask16 mask = n - i >= 16 ? __mmask16(0xffff) : __mmask16((1u << (n - i)) - 1);
        const __m256i h = _mm512_cvtps_ph(_mm512_maskz_loadu_ps(mask, x + i),
                                          _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
        _mm512_mask_storeu_ps(x + i, mask, _mm512_cvtph_ps(h));
    }
}

} // namespace

} // namespace qf::eval::detail

namespace qf::dispatch {

void addAvx512VectorOps(eval::VectorOps& ops) {
    ops = {eval::detail::maxOf, eval::detail::expShifted, eval::detail::roundToHalf};
}

} // namespace qf::dispatch
