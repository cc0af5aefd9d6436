// AVX2 + FMA micro-kernel: a 6 x 16 tile of outputs lives in 12 ymm registers; per depth step it loads
// two weight vectors and broadcasts 6 activations (12 fused multiply-adds per 8 loads).
#include <cstdint>

#include <immintrin.h>

#include "matmul_kernels.h"
#include "quant/kernel_table.h"
#include "quantized_dot.h"
#include "quant/quant_blocks.h"

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

// The row unpackers of the plain float types (PathKernels::unpack): the same values as the core's.
void unpackF32(const void* from, float* dst, int64_t n) {
    [[maybe_unused]] const auto* src = static_cast<const uint8_t*>(from);
    [[maybe_unused]] int64_t i = 0;
    for (; i + 8 <= n; i += 8)
        _mm256_storeu_ps(dst + i, _mm256_loadu_ps(reinterpret_cast<const float*>(src) + i));
    for (; i < n; ++i)
        __builtin_memcpy(dst + i, src + 4 * i, 4);
}

// Rows of F16 / BF16 weights are whole vectors in practice; otherwise the core converts it all.
void unpackF16(const void* from, float* dst, int64_t n) {
    if (n % 8 != 0) return quant::detail::dequantizeF16(from, dst, n);
    const auto* src = static_cast<const uint8_t*>(from);
    int64_t i = 0;
    for (; i + 8 <= n; i += 8)
        _mm256_storeu_ps(dst + i,
                         _mm256_cvtph_ps(_mm_loadu_si128(reinterpret_cast<const __m128i*>(src + 2 * i))));
}

void unpackBF16(const void* from, float* dst, int64_t n) {
    if (n % 8 != 0) return quant::detail::dequantizeBF16(from, dst, n);
    const auto* src = static_cast<const uint8_t*>(from);
    int64_t i = 0;
    for (; i + 8 <= n; i += 8) {
        const __m256i h =
            _mm256_cvtepu16_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(src + 2 * i)));
        _mm256_storeu_ps(dst + i, _mm256_castsi256_ps(_mm256_slli_epi32(h, 16)));
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

__m256i bytes8(const uint8_t* p) {
    return _mm256_cvtepu8_epi32(_mm_loadl_epi64(reinterpret_cast<const __m128i*>(p)));
}

// The matrix-vector path's unpacking into registers (matvec_lanes.h), 32 values a step, with the operations
// of dequantize_avx2.cpp (same values).
struct Q4KSteps {
    static constexpr int64_t kBlockValues = 256, kStepValues = 32;
    static constexpr uint64_t kBlockBytes = sizeof(quant::detail::BlockQ4K);
    // Step s is group s: the low (even s) or high (odd s) nibbles of qs[32 * (s / 2)..].
    static void step(const uint8_t* block, int s, __m256* w) {
        const auto* x = reinterpret_cast<const quant::detail::BlockQ4K*>(block);
        uint8_t sc, m;
        quant::detail::unpackScaleMinK4(s, x->scales, &sc, &m);
        const __m256 d = _mm256_set1_ps(_cvtsh_ss(x->d) * float(sc));
        const __m256 min = _mm256_set1_ps(_cvtsh_ss(x->dmin) * float(m));
        const uint8_t* q = x->qs + 32 * (s / 2);
        for (int u = 0; u < 4; ++u) {
            const __m256i b = bytes8(q + 8 * u);
            const __m256i nibble =
                s % 2 ? _mm256_srli_epi32(b, 4) : _mm256_and_si256(b, _mm256_set1_epi32(0xF));
            w[u] = _mm256_sub_ps(_mm256_mul_ps(d, _mm256_cvtepi32_ps(nibble)), min);
        }
    }
};

struct Q6KSteps {
    static constexpr int64_t kBlockValues = 256, kStepValues = 32;
    static constexpr uint64_t kBlockBytes = sizeof(quant::detail::BlockQ6K);
    // Step s is values l + 32 j of half s / 4 with j = s % 4 (l < 32): low four bits from ql[l] (j = 0, 2) or
    // ql[l + 32] (j = 1, 3), low or high nibble by j / 2; bits 2j, 2j + 1 of qh[l] on top; minus 32; scale
    // l / 16 + 2j.
    static void step(const uint8_t* block, int s, __m256* w) {
        const auto* x = reinterpret_cast<const quant::detail::BlockQ6K*>(block);
        const float d = _cvtsh_ss(x->d);
        const int part = s / 4, j = s % 4;
        const uint8_t* ql = x->ql + 64 * part + 32 * (j % 2);
        const uint8_t* qh = x->qh + 32 * part;
        const int8_t* sc = x->scales + 8 * part;
        for (int u = 0; u < 4; ++u) {
            const __m256i b = bytes8(ql + 8 * u), h = bytes8(qh + 8 * u);
            const __m256i nibble =
                j < 2 ? _mm256_and_si256(b, _mm256_set1_epi32(0xF)) : _mm256_srli_epi32(b, 4);
            const __m256i hi =
                _mm256_slli_epi32(_mm256_and_si256(_mm256_srli_epi32(h, 2 * j), _mm256_set1_epi32(3)), 4);
            const __m256 q =
                _mm256_cvtepi32_ps(_mm256_sub_epi32(_mm256_or_si256(nibble, hi), _mm256_set1_epi32(32)));
            w[u] = _mm256_mul_ps(_mm256_set1_ps(d * float(sc[u / 2 + 2 * j])), q);
        }
    }
};

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
    struct Fused {
        template <class Body> static bool with(GgmlType type, Body&& body) {
            switch (type) {
            case GgmlType::Q4_K:
                body(Q4KSteps{});
                return true;
            case GgmlType::Q6_K:
                body(Q6KSteps{});
                return true;
            default:
                return false;
            }
        }
    };
};

#include "matvec_lanes.h"

} // namespace

} // namespace qf::eval::detail

namespace qf::dispatch {

// This path's record (quant/kernel_table.h): its micro-kernels, row unpackers and matrix-vector rows.
void addAvx2Products(PathKernels& k) {
    using namespace eval::detail;
    k.mr = kMr;
    k.nr = kNr;
    k.kernel = kernel6x16;
    k.smallKernel = SmallKernelLanes<SmallKernelOps>::kernel;
    k.unpack[typeSlot(GgmlType::F32)] = unpackF32;
    k.unpack[typeSlot(GgmlType::F16)] = unpackF16;
    k.unpack[typeSlot(GgmlType::BF16)] = unpackBF16;
    addAvx2Unpackers(k.unpack);
    k.matvecRow = MatVecLanes<MatVecOps>::row;
}

} // namespace qf::dispatch
