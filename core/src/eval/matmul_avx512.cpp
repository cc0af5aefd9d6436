// AVX-512 micro-kernel: a 12 x 32 tile of outputs lives in 24 zmm registers; per depth step it loads
// two weight vectors and broadcasts 12 activations (24 fused multiply-adds per 14 loads).
#include <cstdint>

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <immintrin.h>
#pragma GCC diagnostic pop
#else
#include <immintrin.h>
#endif

#include "matmul_kernels.h"

namespace qf::eval::detail {
namespace {

constexpr int kMr = 12;
constexpr int kNr = 32;

void kernel12x32(int64_t kc, const float* ap, const float* bp, float* c, int64_t ldc, bool accumulate) {
    __m512 acc[kMr][2];
#pragma GCC unroll 12
    for (int i = 0; i < kMr; ++i)
        acc[i][0] = acc[i][1] = _mm512_setzero_ps();
    for (int64_t k = 0; k < kc; ++k, ap += kMr, bp += kNr) {
        const __m512 b0 = _mm512_loadu_ps(bp);
        const __m512 b1 = _mm512_loadu_ps(bp + 16);
#pragma GCC unroll 12
        for (int i = 0; i < kMr; ++i) {
            const __m512 a = _mm512_set1_ps(ap[i]);
            acc[i][0] = _mm512_fmadd_ps(a, b0, acc[i][0]);
            acc[i][1] = _mm512_fmadd_ps(a, b1, acc[i][1]);
        }
    }
#pragma GCC unroll 12
    for (int i = 0; i < kMr; ++i) {
        float* row = c + i * ldc;
        if (accumulate) {
            acc[i][0] = _mm512_add_ps(acc[i][0], _mm512_loadu_ps(row));
            acc[i][1] = _mm512_add_ps(acc[i][1], _mm512_loadu_ps(row + 16));
        }
        _mm512_storeu_ps(row, acc[i][0]);
        _mm512_storeu_ps(row + 16, acc[i][1]);
    }
}

bool convertRow(GgmlType type, const uint8_t* src, float* dst, int64_t n) {
    int64_t i = 0;
    switch (type) {
    case GgmlType::F32:
        for (; i + 16 <= n; i += 16)
            _mm512_storeu_ps(dst + i, _mm512_loadu_ps(reinterpret_cast<const float*>(src) + i));
        for (; i < n; ++i)
            __builtin_memcpy(dst + i, src + 4 * i, 4);
        return true;
    case GgmlType::F16:
        for (; i + 16 <= n; i += 16)
            _mm512_storeu_ps(
                dst + i, _mm512_cvtph_ps(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(src + 2 * i))));
        return i == n; // rows of F16 weights are whole 16s in practice; otherwise the core converts it all
    case GgmlType::BF16:
        for (; i + 16 <= n; i += 16) {
            const __m512i h =
                _mm512_cvtepu16_epi32(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(src + 2 * i)));
            _mm512_storeu_ps(dst + i, _mm512_castsi512_ps(_mm512_slli_epi32(h, 16)));
        }
        return i == n;
    default:
        return avx512Dequantize(type, src, dst, n);
    }
}

// The full kernel's operations for a few tokens (small_kernel_lanes.h).
struct SmallKernelOps {
    static constexpr int N = 16;
    static constexpr int NR = kNr;
    using F = __m512;
    static F zero() { return _mm512_setzero_ps(); }
    static F loadu(const float* p) { return _mm512_loadu_ps(p); }
    static F set1(float v) { return _mm512_set1_ps(v); }
    static F madd(F a, F b, F acc) { return _mm512_fmadd_ps(a, b, acc); }
    static void finish(float* c, F acc, bool accumulate) {
        _mm512_storeu_ps(c, accumulate ? _mm512_add_ps(acc, _mm512_loadu_ps(c)) : acc);
    }
};

#include "small_kernel_lanes.h"

struct MatVecOps {
    static constexpr int N = 16;
    using F = __m512;
    static F zero() { return _mm512_setzero_ps(); }
    static F load(const float* p) { return _mm512_load_ps(p); }
    static F loadu(const float* p) { return _mm512_loadu_ps(p); }
    static F madd(F a, F b, F acc) { return _mm512_fmadd_ps(a, b, acc); }
    static F add(F a, F b) { return _mm512_add_ps(a, b); }
    // Through memory: GCC 12's 512-to-256-bit extracts warn about their own undefined operand.
    static float sum(F v) {
        alignas(64) float lanes[16];
        _mm512_store_ps(lanes, v);
        for (int width = 8; width > 0; width /= 2)
            for (int i = 0; i < width; ++i)
                lanes[i] += lanes[i + width];
        return lanes[0];
    }
    static bool convert(GgmlType type, const uint8_t* src, float* dst, int64_t n) {
        return convertRow(type, src, dst, n);
    }
};

#include "matvec_lanes.h"

} // namespace

const GemmKernelSet& avx512GemmKernels() {
    static const GemmKernelSet set{kMr,         kNr,
                                   kernel12x32, SmallKernelLanes<SmallKernelOps>::kernel,
                                   convertRow,  MatVecLanes<MatVecOps>::row};
    return set;
}

} // namespace qf::eval::detail
