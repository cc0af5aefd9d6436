// NEON micro-kernel: an 8 x 8 tile of outputs lives in 16 of the 32 vector registers; per depth step it
// loads two weight vectors and broadcasts 8 activations (16 fused multiply-adds). Built only on arm64.
#include <arm_neon.h>

#include <cstdint>
#include <cstring>

#include "matmul_kernels.h"
#include "quant/kernel_table.h"
#include "quantized_dot.h"

namespace qf::eval::detail {
namespace {

constexpr int kMr = 8;
constexpr int kNr = 8;

void kernel8x8(int64_t kc, const float* ap, const float* bp, float* c, int64_t ldc, bool accumulate) {
    float32x4_t acc[kMr][2];
    for (int i = 0; i < kMr; ++i)
        acc[i][0] = acc[i][1] = vdupq_n_f32(0.0f);
    for (int64_t k = 0; k < kc; ++k, ap += kMr, bp += kNr) {
        const float32x4_t b0 = vld1q_f32(bp), b1 = vld1q_f32(bp + 4);
        for (int i = 0; i < kMr; ++i) {
            const float32x4_t a = vdupq_n_f32(ap[i]);
            acc[i][0] = vfmaq_f32(acc[i][0], a, b0);
            acc[i][1] = vfmaq_f32(acc[i][1], a, b1);
        }
    }
    for (int i = 0; i < kMr; ++i) {
        float* row = c + i * ldc;
        if (accumulate) {
            acc[i][0] = vaddq_f32(acc[i][0], vld1q_f32(row));
            acc[i][1] = vaddq_f32(acc[i][1], vld1q_f32(row + 4));
        }
        vst1q_f32(row, acc[i][0]);
        vst1q_f32(row + 4, acc[i][1]);
    }
}

// The row unpackers of the plain float types (PathKernels::unpack): the same values as the core's.
void unpackF32(const void* from, float* dst, int64_t n) {
    [[maybe_unused]] const auto* src = static_cast<const uint8_t*>(from);
    [[maybe_unused]] int64_t i = 0;
    std::memcpy(dst, src, size_t(n) * sizeof(float));
}

// Rows of F16 / BF16 weights are whole vectors in practice; otherwise the core converts it all.
void unpackF16(const void* from, float* dst, int64_t n) {
    if (n % 4 != 0) return quant::detail::dequantizeF16(from, dst, n);
    const auto* src = static_cast<const uint8_t*>(from);
    int64_t i = 0;
    for (; i + 4 <= n; i += 4) {
        uint16x4_t h;
        std::memcpy(&h, src + 2 * i, 8);
        vst1q_f32(dst + i, vcvt_f32_f16(vreinterpret_f16_u16(h)));
    }
}

void unpackBF16(const void* from, float* dst, int64_t n) {
    if (n % 4 != 0) return quant::detail::dequantizeBF16(from, dst, n);
    const auto* src = static_cast<const uint8_t*>(from);
    int64_t i = 0;
    for (; i + 4 <= n; i += 4) {
        uint16x4_t h;
        std::memcpy(&h, src + 2 * i, 8);
        vst1q_f32(dst + i, vreinterpretq_f32_u32(vshll_n_u16(h, 16)));
    }
}

// The full kernel's operations for a few tokens (small_kernel_lanes.h).
struct SmallKernelOps {
    static constexpr int N = 4;
    static constexpr int NR = kNr;
    using F = float32x4_t;
    static F zero() { return vdupq_n_f32(0.0f); }
    static F loadu(const float* p) { return vld1q_f32(p); }
    static F set1(float v) { return vdupq_n_f32(v); }
    static F madd(F a, F b, F acc) { return vfmaq_f32(acc, a, b); }
    static void finish(float* c, F acc, bool accumulate) {
        vst1q_f32(c, accumulate ? vaddq_f32(acc, vld1q_f32(c)) : acc);
    }
};

#include "small_kernel_lanes.h"

struct MatVecOps {
    static constexpr int N = 4;
    using F = float32x4_t;
    static F zero() { return vdupq_n_f32(0.0f); }
    static F load(const float* p) { return vld1q_f32(p); }
    static F loadu(const float* p) { return vld1q_f32(p); }
    static F madd(F a, F b, F acc) { return vfmaq_f32(acc, a, b); }
    static F add(F a, F b) { return vaddq_f32(a, b); }
    static float sum(F v) { return vaddvq_f32(v); }
};

#include "matvec_lanes.h"

} // namespace

} // namespace qf::eval::detail

namespace qf::dispatch {

// This path's record (quant/kernel_table.h): its micro-kernels, row unpackers and matrix-vector rows.
void addNeonProducts(PathKernels& k) {
    using namespace eval::detail;
    k.mr = kMr;
    k.nr = kNr;
    k.kernel = kernel8x8;
    k.smallKernel = SmallKernelLanes<SmallKernelOps>::kernel;
    k.unpack[typeSlot(GgmlType::F32)] = unpackF32;
    k.unpack[typeSlot(GgmlType::F16)] = unpackF16;
    k.unpack[typeSlot(GgmlType::BF16)] = unpackBF16;
    addNeonUnpackers(k.unpack);
    k.matvecRow = MatVecLanes<MatVecOps>::row;
}

} // namespace qf::dispatch
