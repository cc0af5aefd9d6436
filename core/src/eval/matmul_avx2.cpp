// AVX2 + FMA micro-kernel: a 6 x 16 tile of outputs lives in 12 ymm registers; per depth step it loads
// two weight vectors and broadcasts 6 activations (12 fused multiply-adds per 8 loads).
#include <cstdint>

#include <immintrin.h>

#include "matmul_kernels.h"

namespace qf::eval::detail {
namespace {

constexpr int kMr = 6;
constexpr int kNr = 16;

void kernel6x16(int64_t kc, const float* ap, const float* bp, float* c, int64_t ldc, bool accumulate) {
    __m256 acc[kMr][2];
#pragma GCC unroll 6
    for (int i = 0; i < kMr; ++i)
        acc[i][0] = acc[i][1] = _mm256_setzero_ps();
    for (int64_t k = 0; k < kc; ++k, ap += kMr, bp += kNr) {
        const __m256 b0 = _mm256_loadu_ps(bp);
        const __m256 b1 = _mm256_loadu_ps(bp + 8);
#pragma GCC unroll 6
        for (int i = 0; i < kMr; ++i) {
            const __m256 a = _mm256_broadcast_ss(ap + i);
            acc[i][0] = _mm256_fmadd_ps(a, b0, acc[i][0]);
            acc[i][1] = _mm256_fmadd_ps(a, b1, acc[i][1]);
        }
    }
#pragma GCC unroll 6
    for (int i = 0; i < kMr; ++i) {
        float* row = c + i * ldc;
        if (accumulate) {
            acc[i][0] = _mm256_add_ps(acc[i][0], _mm256_loadu_ps(row));
            acc[i][1] = _mm256_add_ps(acc[i][1], _mm256_loadu_ps(row + 8));
        }
        _mm256_storeu_ps(row, acc[i][0]);
        _mm256_storeu_ps(row + 8, acc[i][1]);
    }
}

bool convertRow(GgmlType type, const uint8_t* src, float* dst, int64_t n) {
    int64_t i = 0;
    switch (type) {
    case GgmlType::F32:
        for (; i + 8 <= n; i += 8)
            _mm256_storeu_ps(dst + i, _mm256_loadu_ps(reinterpret_cast<const float*>(src) + i));
        for (; i < n; ++i)
            __builtin_memcpy(dst + i, src + 4 * i, 4);
        return true;
    case GgmlType::F16:
        for (; i + 8 <= n; i += 8)
            _mm256_storeu_ps(dst + i,
                             _mm256_cvtph_ps(_mm_loadu_si128(reinterpret_cast<const __m128i*>(src + 2 * i))));
        return i == n;
    case GgmlType::BF16:
        for (; i + 8 <= n; i += 8) {
            const __m256i h =
                _mm256_cvtepu16_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(src + 2 * i)));
            _mm256_storeu_ps(dst + i, _mm256_castsi256_ps(_mm256_slli_epi32(h, 16)));
        }
        return i == n;
    default:
        return avx2Dequantize(type, src, dst, n);
    }
}

// The full kernel's operations for a few tokens (small_kernel_lanes.h).
struct SmallKernelOps {
    static constexpr int N = 8;
    static constexpr int NR = kNr;
    using F = __m256;
    static F zero() { return _mm256_setzero_ps(); }
    static F loadu(const float* p) { return _mm256_loadu_ps(p); }
    static F set1(float v) { return _mm256_set1_ps(v); }
    static F madd(F a, F b, F acc) { return _mm256_fmadd_ps(a, b, acc); }
    static void finish(float* c, F acc, bool accumulate) {
        _mm256_storeu_ps(c, accumulate ? _mm256_add_ps(acc, _mm256_loadu_ps(c)) : acc);
    }
};

#include "small_kernel_lanes.h"

struct MatVecOps {
    static constexpr int N = 8;
    using F = __m256;
    static F zero() { return _mm256_setzero_ps(); }
    static F load(const float* p) { return _mm256_load_ps(p); }
    static F loadu(const float* p) { return _mm256_loadu_ps(p); }
    static F madd(F a, F b, F acc) { return _mm256_fmadd_ps(a, b, acc); }
    static F add(F a, F b) { return _mm256_add_ps(a, b); }
    static float sum(F v) {
        __m128 s = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
        s = _mm_add_ps(s, _mm_movehl_ps(s, s));
        return _mm_cvtss_f32(_mm_add_ss(s, _mm_movehdup_ps(s)));
    }
    static bool convert(GgmlType type, const uint8_t* src, float* dst, int64_t n) {
        return convertRow(type, src, dst, n);
    }
};

#include "matvec_lanes.h"

} // namespace

const GemmKernelSet& avx2GemmKernels() {
    static const GemmKernelSet set{kMr,        kNr,
                                   kernel6x16, SmallKernelLanes<SmallKernelOps>::kernel,
                                   convertRow, MatVecLanes<MatVecOps>::row};
    return set;
}

} // namespace qf::eval::detail
