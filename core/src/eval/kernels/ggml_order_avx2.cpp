// AVX2 + FMA + F16C set of ggml_order.h: two registers per 16 lanes (lanes are independent, so the bits
// are those of one AVX-512 register); lanes whose exp result is not a normal float are scaled one by one.
#include <algorithm>
#include <cmath>

#include <immintrin.h>

#include "ggml_exp_scalar.h"
#include "ggml_order.h"
#include "qf/fp16.h"

namespace qf::eval::detail {
namespace {

struct Avx2Ops {
    struct V {
        __m256 lo, hi;
    };
    static V zero() { return {_mm256_setzero_ps(), _mm256_setzero_ps()}; }
    static V set1(float a) { return {_mm256_set1_ps(a), _mm256_set1_ps(a)}; }
    static V loadF16(const uint16_t* p, int valid) {
        if (valid < 16) {
            alignas(32) uint16_t tmp[16] = {};
            std::copy(p, p + valid, tmp);
            return loadF16(tmp, 16);
        }
        return {_mm256_cvtph_ps(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p))),
                _mm256_cvtph_ps(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 8)))};
    }
    static V loadF32(const float* p, int valid) {
        if (valid < 16) {
            alignas(32) float tmp[16] = {};
            std::copy(p, p + valid, tmp);
            return loadF32(tmp, 16);
        }
        return {_mm256_loadu_ps(p), _mm256_loadu_ps(p + 8)};
    }
    static void store(float* p, V a) {
        _mm256_storeu_ps(p, a.lo);
        _mm256_storeu_ps(p + 8, a.hi);
    }
    static V fma(V a, V b, V c) { return {_mm256_fmadd_ps(a.lo, b.lo, c.lo), _mm256_fmadd_ps(a.hi, b.hi, c.hi)}; }
    static V add(V a, V b) { return {_mm256_add_ps(a.lo, b.lo), _mm256_add_ps(a.hi, b.hi)}; }
    static V sub(V a, V b) { return {_mm256_sub_ps(a.lo, b.lo), _mm256_sub_ps(a.hi, b.hi)}; }
    static V mul(V a, V b) { return {_mm256_mul_ps(a.lo, b.lo), _mm256_mul_ps(a.hi, b.hi)}; }
    static V div(V a, V b) { return {_mm256_div_ps(a.lo, b.lo), _mm256_div_ps(a.hi, b.hi)}; }
    static float hsum(V a) {
        const __m256 t = _mm256_add_ps(a.hi, a.lo);
        const __m128 u = _mm_add_ps(_mm256_extractf128_ps(t, 1), _mm256_castps256_ps128(t));
        const __m128 v = _mm_add_ps(u, _mm_shuffle_ps(u, u, _MM_SHUFFLE(1, 0, 3, 2)));
        return _mm_cvtss_f32(v) + _mm_cvtss_f32(_mm_shuffle_ps(v, v, 1));
    }
    static __m256 exp8(__m256 x) {
        const __m256 shift = _mm256_set1_ps(0x1.8p23f);
        const __m256 z = _mm256_fmadd_ps(x, _mm256_set1_ps(0x1.715476p+0f), shift);
        const __m256 n = _mm256_sub_ps(z, shift);
        const __m256 b = _mm256_fnmadd_ps(n, _mm256_set1_ps(0x1.7f7d1cp-20f),
                                          _mm256_fnmadd_ps(n, _mm256_set1_ps(0x1.62e4p-1f), x));
        const __m256 u = _mm256_mul_ps(b, b);
        const __m256 j = _mm256_fmadd_ps(
            _mm256_fmadd_ps(_mm256_fmadd_ps(_mm256_set1_ps(0x1.0e4020p-7f), b, _mm256_set1_ps(0x1.573e2ep-5f)), u,
                            _mm256_fmadd_ps(_mm256_set1_ps(0x1.555e66p-3f), b, _mm256_set1_ps(0x1.fffdb6p-2f))),
            u, _mm256_fmadd_ps(_mm256_set1_ps(0x1.ffffecp-1f), b, _mm256_set1_ps(1.0f)));
        // j lies in [0.7, 1.5): j * 2^n is a normal float, exactly the product, for n in [-125, 127].
        const __m256 inRange = _mm256_and_ps(_mm256_cmp_ps(n, _mm256_set1_ps(-125.0f), _CMP_GE_OQ),
                                             _mm256_cmp_ps(n, _mm256_set1_ps(127.0f), _CMP_LE_OQ));
        const __m256i e = _mm256_slli_epi32(_mm256_add_epi32(_mm256_cvtps_epi32(_mm256_and_ps(n, inRange)),
                                                             _mm256_set1_epi32(127)),
                                            23);
        __m256 r = _mm256_mul_ps(j, _mm256_castsi256_ps(e));
        if (_mm256_movemask_ps(inRange) != 0xff) {
            alignas(32) float rl[8], jl[8], nl[8], ok[8];
            _mm256_store_ps(rl, r);
            _mm256_store_ps(jl, j);
            _mm256_store_ps(nl, n);
            _mm256_store_ps(ok, inRange);
            for (int i = 0; i < 8; ++i)
                if (ok[i] == 0.0f) rl[i] = ggmlExpScale(jl[i], nl[i]);
            r = _mm256_load_ps(rl);
        }
        return r;
    }
    static V exp(V x) { return {exp8(x.lo), exp8(x.hi)}; }
};

#include "ggml_order_lanes.h"

} // namespace

const GgmlOrderKernels& avx2GgmlOrderKernels() {
    return GgmlOrderLanes<Avx2Ops>::kernels();
}

} // namespace qf::eval::detail
