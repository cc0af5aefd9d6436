// AVX2 + FMA + F16C element-wise helpers; the same exp as vector_ops_avx512.cpp on 8 lanes.
#include <algorithm>
#include <cmath>

#include <immintrin.h>

#include "matmul_kernels.h"
#include "quant/kernel_table.h"

namespace qf::eval::detail {
namespace {

inline __m256 exp8(__m256 x) {
    const __m256 tooSmall = _mm256_set1_ps(-87.0f);
    const __m256 keep = _mm256_cmp_ps(x, tooSmall, _CMP_GE_OQ);
    x = _mm256_min_ps(_mm256_max_ps(x, tooSmall), _mm256_set1_ps(88.0f));
    const __m256 n = _mm256_round_ps(_mm256_mul_ps(x, _mm256_set1_ps(1.44269504088896341f)),
                                     _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    __m256 r = _mm256_fnmadd_ps(n, _mm256_set1_ps(0.693359375f), x);
    r = _mm256_fnmadd_ps(n, _mm256_set1_ps(-2.12194440e-4f), r);
    __m256 p = _mm256_set1_ps(1.9875691500e-4f);
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.3981999507e-3f));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(8.3334519073e-3f));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(4.1665795894e-2f));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.6666665459e-1f));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(5.0000001201e-1f));
    const __m256 y = _mm256_add_ps(_mm256_fmadd_ps(p, _mm256_mul_ps(r, r), r), _mm256_set1_ps(1.0f));
    const __m256i e = _mm256_slli_epi32(_mm256_add_epi32(_mm256_cvtps_epi32(n), _mm256_set1_epi32(127)), 23);
    return _mm256_and_ps(_mm256_mul_ps(y, _mm256_castsi256_ps(e)), keep);
}

float maxOf(const float* x, int64_t n) {
    __m256 m = _mm256_set1_ps(x[0]);
    int64_t i = 0;
    for (; i + 8 <= n; i += 8)
        m = _mm256_max_ps(m, _mm256_loadu_ps(x + i));
    alignas(32) float lanes[8];
    _mm256_store_ps(lanes, m);
    float best = lanes[0];
    for (float v : lanes)
        best = std::max(best, v);
    for (; i < n; ++i)
        best = std::max(best, x[i]);
    return best;
}

double expShifted(const float* x, float shift, float* out, int64_t n) {
    const __m256 s = _mm256_set1_ps(shift);
    __m256d sum0 = _mm256_setzero_pd(), sum1 = _mm256_setzero_pd();
    int64_t i = 0;
    for (; i + 8 <= n; i += 8) {
        const __m256 e = exp8(_mm256_sub_ps(_mm256_loadu_ps(x + i), s));
        _mm256_storeu_ps(out + i, e);
        sum0 = _mm256_add_pd(sum0, _mm256_cvtps_pd(_mm256_castps256_ps128(e)));
        sum1 = _mm256_add_pd(sum1, _mm256_cvtps_pd(_mm256_extractf128_ps(e, 1)));
    }
    alignas(32) double lanes[4];
    _mm256_store_pd(lanes, _mm256_add_pd(sum0, sum1));
    double sum = lanes[0] + lanes[1] + lanes[2] + lanes[3];
    if (i < n) {
        alignas(32) float tail[8] = {};
        for (int64_t j = i; j < n; ++j)
            tail[j - i] = x[j] - shift;
        _mm256_store_ps(tail, exp8(_mm256_load_ps(tail)));
        for (int64_t j = i; j < n; ++j)
            sum += double(out[j] = tail[j - i]);
    }
    return sum;
}

void roundToHalf(float* x, int64_t n) {
    int64_t i = 0;
    for (; i + 8 <= n; i += 8)
        _mm256_storeu_ps(x + i,
                         _mm256_cvtph_ps(_mm256_cvtps_ph(_mm256_loadu_ps(x + i), _MM_FROUND_TO_NEAREST_INT)));
    if (i < n) {
        alignas(32) float tail[8] = {};
        for (int64_t j = i; j < n; ++j)
            tail[j - i] = x[j];
        _mm256_store_ps(tail,
                        _mm256_cvtph_ps(_mm256_cvtps_ph(_mm256_load_ps(tail), _MM_FROUND_TO_NEAREST_INT)));
        for (int64_t j = i; j < n; ++j)
            x[j] = tail[j - i];
    }
}

} // namespace

} // namespace qf::eval::detail

namespace qf::dispatch {

void addAvx2VectorOps(eval::VectorOps& ops) {
    ops = {eval::detail::maxOf, eval::detail::expShifted, eval::detail::roundToHalf};
}

} // namespace qf::dispatch
