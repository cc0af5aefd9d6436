// AVX-512 set of ggml_order.h: one register per 16 lanes, ggml_v_expf's own instructions.
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

#include "ggml_order.h"
#include "qf/fp16.h"

namespace qf::eval::detail {
namespace {

struct Avx512Ops {
    using V = __m512;
    static __mmask16 mask(int valid) { return valid >= 16 ? __mmask16(0xffff) : __mmask16((1u << valid) - 1); }
    static V zero() { return _mm512_setzero_ps(); }
    static V set1(float a) { return _mm512_set1_ps(a); }
    static V loadF16(const uint16_t* p, int valid) {
        return _mm512_cvtph_ps(_mm256_maskz_loadu_epi16(mask(valid), p));
    }
    static V loadF32(const float* p, int valid) { return _mm512_maskz_loadu_ps(mask(valid), p); }
    static void store(float* p, V a) { _mm512_storeu_ps(p, a); }
    static V fma(V a, V b, V c) { return _mm512_fmadd_ps(a, b, c); }
    static V add(V a, V b) { return _mm512_add_ps(a, b); }
    static V sub(V a, V b) { return _mm512_sub_ps(a, b); }
    static V mul(V a, V b) { return _mm512_mul_ps(a, b); }
    static V div(V a, V b) { return _mm512_div_ps(a, b); }
    static float hsum(V a) {
        const __m256 t = _mm256_add_ps(_mm512_extractf32x8_ps(a, 1), _mm512_castps512_ps256(a));
        const __m128 u = _mm_add_ps(_mm256_extractf128_ps(t, 1), _mm256_castps256_ps128(t));
        const __m128 v = _mm_add_ps(u, _mm_shuffle_ps(u, u, _MM_SHUFFLE(1, 0, 3, 2)));
        return _mm_cvtss_f32(v) + _mm_cvtss_f32(_mm_shuffle_ps(v, v, 1));
    }
    static V exp(V x) {
        const V shift = _mm512_set1_ps(0x1.8p23f);
        const V z = _mm512_fmadd_ps(x, _mm512_set1_ps(0x1.715476p+0f), shift);
        const V n = _mm512_sub_ps(z, shift);
        const V b = _mm512_fnmadd_ps(n, _mm512_set1_ps(0x1.7f7d1cp-20f),
                                     _mm512_fnmadd_ps(n, _mm512_set1_ps(0x1.62e4p-1f), x));
        const __mmask16 big = _mm512_cmp_ps_mask(_mm512_abs_ps(n), _mm512_set1_ps(192), _CMP_GT_OQ);
        const V u = _mm512_mul_ps(b, b);
        const V j = _mm512_fmadd_ps(
            _mm512_fmadd_ps(_mm512_fmadd_ps(_mm512_set1_ps(0x1.0e4020p-7f), b, _mm512_set1_ps(0x1.573e2ep-5f)), u,
                            _mm512_fmadd_ps(_mm512_set1_ps(0x1.555e66p-3f), b, _mm512_set1_ps(0x1.fffdb6p-2f))),
            u, _mm512_fmadd_ps(_mm512_set1_ps(0x1.ffffecp-1f), b, _mm512_set1_ps(1.0f)));
        const V scaled = _mm512_scalef_ps(j, n);
        if (!big) return scaled;
        const V limit = _mm512_mask_blend_ps(_mm512_cmp_ps_mask(n, _mm512_setzero_ps(), _CMP_LE_OQ),
                                             _mm512_set1_ps(INFINITY), _mm512_setzero_ps());
        return _mm512_mask_blend_ps(big, scaled, limit);
    }
};

#include "ggml_order_lanes.h"

} // namespace

const GgmlOrderKernels& avx512GgmlOrderKernels() {
    return GgmlOrderLanes<Avx512Ops>::kernels();
}

} // namespace qf::eval::detail
