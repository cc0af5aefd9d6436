// NEON MXFP4 unpacking (see mxfp4_unpack.h): one table lookup per half block, widened to four lanes of
// 32-bit integers, converted exactly and multiplied (no FMLA) by the half scale.
#include <arm_neon.h>

#include <cstring>

#include "mxfp4_unpack_kernels.h"
#include "quant/quant_mxfp4.h"

namespace qf::eval::detail {
namespace {

using quant::detail::BlockMxfp4;

float halfScale(uint8_t e) {
    const uint32_t bits = e < 2 ? uint32_t(0x00200000) << e : uint32_t(e - 1) << 23;
    float f;
    std::memcpy(&f, &bits, sizeof f);
    return f;
}

void store16(float* out, int8x16_t values, float32x4_t d) {
    const int16x8_t w0 = vmovl_s8(vget_low_s8(values)), w1 = vmovl_s8(vget_high_s8(values));
    vst1q_f32(out + 0, vmulq_f32(vcvtq_f32_s32(vmovl_s16(vget_low_s16(w0))), d));
    vst1q_f32(out + 4, vmulq_f32(vcvtq_f32_s32(vmovl_s16(vget_high_s16(w0))), d));
    vst1q_f32(out + 8, vmulq_f32(vcvtq_f32_s32(vmovl_s16(vget_low_s16(w1))), d));
    vst1q_f32(out + 12, vmulq_f32(vcvtq_f32_s32(vmovl_s16(vget_high_s16(w1))), d));
}

} // namespace

void unpackMxfp4Neon(const uint8_t* src, float* dst, int64_t n) {
    const auto* x = reinterpret_cast<const BlockMxfp4*>(src);
    static const int8_t kTable[16] = {0, 1, 2, 3, 4, 6, 8, 12, 0, -1, -2, -3, -4, -6, -8, -12};
    const int8x16_t table = vld1q_s8(kTable);
    const uint8x16_t low = vdupq_n_u8(0x0F);
    for (int64_t i = 0; i < n / 32; ++i, dst += 32) {
        const float32x4_t d = vdupq_n_f32(halfScale(x[i].e));
        const uint8x16_t q = vld1q_u8(x[i].qs);
        store16(dst, vqtbl1q_s8(table, vandq_u8(q, low)), d);
        store16(dst + 16, vqtbl1q_s8(table, vshrq_n_u8(q, 4)), d);
    }
}

} // namespace qf::eval::detail
