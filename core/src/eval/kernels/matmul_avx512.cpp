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
#include "quant/kernel_table.h"
#include "qf/cpu_features.h"
#include "quantized_dot.h"
#include "quant/quant_blocks.h"

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

// The row unpackers of the plain float types (PathKernels::unpack): the same values as the core's.
void unpackF32(const void* from, float* dst, int64_t n) {
    [[maybe_unused]] const auto* src = static_cast<const uint8_t*>(from);
    [[maybe_unused]] int64_t i = 0;
    for (; i + 16 <= n; i += 16)
        _mm512_storeu_ps(dst + i, _mm512_loadu_ps(reinterpret_cast<const float*>(src) + i));
    for (; i < n; ++i)
        __builtin_memcpy(dst + i, src + 4 * i, 4);
}

// Rows of F16 / BF16 weights are whole vectors in practice; otherwise the core converts it all.
void unpackF16(const void* from, float* dst, int64_t n) {
    if (n % 16 != 0) return quant::detail::dequantizeF16(from, dst, n);
    const auto* src = static_cast<const uint8_t*>(from);
    int64_t i = 0;
    for (; i + 16 <= n; i += 16)
        _mm512_storeu_ps(
            dst + i, _mm512_cvtph_ps(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(src + 2 * i))));
}

void unpackBF16(const void* from, float* dst, int64_t n) {
    if (n % 16 != 0) return quant::detail::dequantizeBF16(from, dst, n);
    const auto* src = static_cast<const uint8_t*>(from);
    int64_t i = 0;
    for (; i + 16 <= n; i += 16) {
        const __m512i h =
            _mm512_cvtepu16_epi32(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(src + 2 * i)));
        _mm512_storeu_ps(dst + i, _mm512_castsi512_ps(_mm512_slli_epi32(h, 16)));
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

__m512i bytes16(const uint8_t* p) {
    return _mm512_cvtepu8_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)));
}

// The matrix-vector path's unpacking into registers (matvec_lanes.h), 64 values a step, with the operations
// of dequantize_avx512.cpp (same values).
struct Q4KSteps {
    static constexpr int64_t kBlockValues = 256, kStepValues = 64;
    static constexpr uint64_t kBlockBytes = sizeof(quant::detail::BlockQ4K);
    // Step s: groups 2s (low nibbles of qs[32s..]) and 2s + 1 (their high nibbles).
    static void step(const uint8_t* block, int s, __m512* w) {
        const auto* x = reinterpret_cast<const quant::detail::BlockQ4K*>(block);
        const float d = _cvtsh_ss(x->d), dmin = _cvtsh_ss(x->dmin);
        const uint8_t* q = x->qs + 32 * s;
        uint8_t sc, m;
        quant::detail::unpackScaleMinK4(2 * s, x->scales, &sc, &m);
        const __m512 d1 = _mm512_set1_ps(d * float(sc)), m1 = _mm512_set1_ps(dmin * float(m));
        quant::detail::unpackScaleMinK4(2 * s + 1, x->scales, &sc, &m);
        const __m512 d2 = _mm512_set1_ps(d * float(sc)), m2 = _mm512_set1_ps(dmin * float(m));
        const __m512i low = _mm512_set1_epi32(0xF);
        for (int h = 0; h < 2; ++h) {
            const __m512i b = bytes16(q + 16 * h);
            w[h] = _mm512_sub_ps(_mm512_mul_ps(d1, _mm512_cvtepi32_ps(_mm512_and_si512(b, low))), m1);
            w[2 + h] = _mm512_sub_ps(_mm512_mul_ps(d2, _mm512_cvtepi32_ps(_mm512_srli_epi32(b, 4))), m2);
        }
    }
};

struct Q6KSteps {
    static constexpr int64_t kBlockValues = 256, kStepValues = 64;
    static constexpr uint64_t kBlockBytes = sizeof(quant::detail::BlockQ6K);
    // Value l + 32 j of half `part` (l < 32, j < 4): low four bits from ql[l] (j = 0, 2) or ql[l + 32]
    // (j = 1, 3), low or high nibble by j / 2; bits 2j, 2j + 1 of qh[l] on top; minus 32; scale l / 16 + 2j.
    static void step(const uint8_t* block, int s, __m512* w) {
        const auto* x = reinterpret_cast<const quant::detail::BlockQ6K*>(block);
        const float d = _cvtsh_ss(x->d);
        const int part = s / 2;
        const uint8_t* ql = x->ql + 64 * part;
        const uint8_t* qh = x->qh + 32 * part;
        const int8_t* sc = x->scales + 8 * part;
        for (int i = 0; i < 4; ++i) {
            const int j = 2 * (s % 2) + i / 2, l = 16 * (i % 2);
            const __m512i b = bytes16(ql + l + 32 * (j % 2)), h = bytes16(qh + l);
            const __m512i nibble =
                j < 2 ? _mm512_and_si512(b, _mm512_set1_epi32(0xF)) : _mm512_srli_epi32(b, 4);
            const __m512i hi = _mm512_slli_epi32(
                _mm512_and_si512(_mm512_srli_epi32(h, unsigned(2 * j)), _mm512_set1_epi32(3)), 4);
            const __m512 q =
                _mm512_cvtepi32_ps(_mm512_sub_epi32(_mm512_or_si512(nibble, hi), _mm512_set1_epi32(32)));
            w[i] = _mm512_mul_ps(_mm512_set1_ps(d * float(sc[l / 16 + 2 * j])), q);
        }
    }
};

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
void addAvx512Products(PathKernels& k) {
    using namespace eval::detail;
    k.mr = kMr;
    k.nr = kNr;
    k.kernel = kernel12x32;
    k.smallKernel = SmallKernelLanes<SmallKernelOps>::kernel;
    k.unpack[typeSlot(GgmlType::F32)] = unpackF32;
    k.unpack[typeSlot(GgmlType::F16)] = unpackF16;
    k.unpack[typeSlot(GgmlType::BF16)] = unpackBF16;
    addAvx512Unpackers(k.unpack);
    k.matvecRow = MatVecLanes<MatVecOps>::row;
    k.quantizedGemm = cpuFeatures().avx512vnni ? avx512VnniQuantizedGemm : avx512QuantizedGemm;
    k.quantizedGemmPair = cpuFeatures().avx512vnni ? avx512VnniQuantizedGemmPair : avx512QuantizedGemmPair;
}

} // namespace qf::dispatch
