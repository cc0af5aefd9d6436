// NEON dequantization of the quantized weight types, for the matrix products' row unpacking: the shared
// lanes of dequantize_lanes.h on 4-lane vectors, plus Q8_0 / Q4_K / Q6_K written out. Multiplies and adds
// stay separate (no FMLA), so the values are the reference dequantizers' bit for bit. Built only on arm64,
// where NEON is part of the baseline.
#include <arm_neon.h>

#include <cstdint>
#include <cstring>

#include "matmul_kernels.h"
#include "quant/kernel_table.h"
#include "mxfp4_unpack_kernels.h"
#include "qf/fp16.h"
#include "quant/quant_blocks.h"

namespace qf::eval::detail {
namespace {

using namespace qf::quant::detail;

struct NeonOps {
    static constexpr int N = 4;
    using F = float32x4_t;
    using I = int32x4_t;
    static float halfToFloat(uint16_t h) { return fp16ToFp32(h); }
    // 4 bytes, read exactly (a wider load could run past the last block of a buffer).
    static uint8x8_t four(const uint8_t* p) {
        uint32_t v;
        std::memcpy(&v, p, 4);
        return vreinterpret_u8_u32(vdup_n_u32(v));
    }
    static I bytes(const uint8_t* p) {
        return vreinterpretq_s32_u32(vmovl_u16(vget_low_u16(vmovl_u8(four(p)))));
    }
    static I iq4(const uint8_t* p, int shift) {
        static const int8_t kLevels[16] = {-127, -104, -83, -65, -49, -35, -22, -10,
                                           1,    13,   25,  38,  53,  69,  89,  113};
        const uint8x8_t idx = vand_u8(vshl_u8(four(p), vdup_n_s8(int8_t(-shift))), vdup_n_u8(0xF));
        const int8x8_t v = vqtbl1_s8(vld1q_s8(kLevels), idx);
        return vmovl_s16(vget_low_s16(vmovl_s8(v)));
    }
    static I set1i(int v) { return vdupq_n_s32(v); }
    static I lanes() {
        static const int32_t kLanes[4] = {0, 1, 2, 3};
        return vld1q_s32(kLanes);
    }
    static I andi(I a, I b) { return vandq_s32(a, b); }
    static I ori(I a, I b) { return vorrq_s32(a, b); }
    static I addi(I a, I b) { return vaddq_s32(a, b); }
    static I subi(I a, I b) { return vsubq_s32(a, b); }
    static I srli(I a, int s) {
        return vreinterpretq_s32_u32(vshlq_u32(vreinterpretq_u32_s32(a), vdupq_n_s32(-s)));
    }
    static I slli(I a, int s) { return vshlq_s32(a, vdupq_n_s32(s)); }
    static I srlv(I a, I s) {
        return vreinterpretq_s32_u32(vshlq_u32(vreinterpretq_u32_s32(a), vnegq_s32(s)));
    }
    static F cvt(I a) { return vcvtq_f32_s32(a); }
    static F set1(float v) { return vdupq_n_f32(v); }
    static F mul(F a, F b) { return vmulq_f32(a, b); }
    static F add(F a, F b) { return vaddq_f32(a, b); }
    static F sub(F a, F b) { return vsubq_f32(a, b); }
    static void store(float* p, F v) { vst1q_f32(p, v); }
};

#include "dequantize_lanes.h"

using Lanes = DequantizeLanes<NeonOps>;

void q8_0(const uint8_t* src, float* dst, int64_t n) {
    const auto* x = reinterpret_cast<const BlockQ8_0*>(src);
    for (int64_t i = 0; i < n / 32; ++i, dst += 32) {
        const float32x4_t d = vdupq_n_f32(fp16ToFp32(x[i].d));
        for (int h = 0; h < 32; h += 8) {
            const int16x8_t q = vmovl_s8(vld1_s8(x[i].qs + h));
            vst1q_f32(dst + h, vmulq_f32(vcvtq_f32_s32(vmovl_s16(vget_low_s16(q))), d));
            vst1q_f32(dst + h + 4, vmulq_f32(vcvtq_f32_s32(vmovl_s16(vget_high_s16(q))), d));
        }
    }
}

void q4_K(const uint8_t* src, float* dst, int64_t n) {
    const auto* x = reinterpret_cast<const BlockQ4K*>(src);
    const int32x4_t low = vdupq_n_s32(0xF);
    for (int64_t i = 0; i < n / 256; ++i) {
        const float d = fp16ToFp32(x[i].d), min = fp16ToFp32(x[i].dmin);
        const uint8_t* q = x[i].qs;
        for (int is = 0; is < 8; is += 2, q += 32, dst += 64) {
            uint8_t sc, m;
            quant::detail::unpackScaleMinK4(is, x[i].scales, &sc, &m);
            const float32x4_t d1 = vdupq_n_f32(d * float(sc)), m1 = vdupq_n_f32(min * float(m));
            quant::detail::unpackScaleMinK4(is + 1, x[i].scales, &sc, &m);
            const float32x4_t d2 = vdupq_n_f32(d * float(sc)), m2 = vdupq_n_f32(min * float(m));
            for (int h = 0; h < 32; h += 4) {
                const int32x4_t b = NeonOps::bytes(q + h);
                const float32x4_t lo = vcvtq_f32_s32(vandq_s32(b, low));
                const float32x4_t hi = vcvtq_f32_s32(vshrq_n_s32(b, 4));
                vst1q_f32(dst + h, vsubq_f32(vmulq_f32(d1, lo), m1));
                vst1q_f32(dst + 32 + h, vsubq_f32(vmulq_f32(d2, hi), m2));
            }
        }
    }
}

void q6_K(const uint8_t* src, float* dst, int64_t n) {
    const auto* x = reinterpret_cast<const BlockQ6K*>(src);
    const int32x4_t low = vdupq_n_s32(0xF), two = vdupq_n_s32(3), bias = vdupq_n_s32(32);
    for (int64_t i = 0; i < n / 256; ++i) {
        const float d = fp16ToFp32(x[i].d);
        const uint8_t* ql = x[i].ql;
        const uint8_t* qh = x[i].qh;
        const int8_t* sc = x[i].scales;
        for (int part = 0; part < 2; ++part, dst += 128, ql += 64, qh += 32, sc += 8) {
            for (int l = 0; l < 32; l += 4) {
                const int is = l / 16;
                const int32x4_t a = NeonOps::bytes(ql + l), b = NeonOps::bytes(ql + l + 32);
                const int32x4_t h = NeonOps::bytes(qh + l);
                auto value = [&](int32x4_t nibble, int shift) {
                    const int32x4_t hi = vshlq_n_s32(vandq_s32(NeonOps::srli(h, shift), two), 4);
                    return vcvtq_f32_s32(vsubq_s32(vorrq_s32(nibble, hi), bias));
                };
                const float32x4_t q1 = value(vandq_s32(a, low), 0), q2 = value(vandq_s32(b, low), 2);
                const float32x4_t q3 = value(vshrq_n_s32(a, 4), 4), q4 = value(vshrq_n_s32(b, 4), 6);
                vst1q_f32(dst + l, vmulq_f32(vdupq_n_f32(d * float(sc[is + 0])), q1));
                vst1q_f32(dst + l + 32, vmulq_f32(vdupq_n_f32(d * float(sc[is + 2])), q2));
                vst1q_f32(dst + l + 64, vmulq_f32(vdupq_n_f32(d * float(sc[is + 4])), q3));
                vst1q_f32(dst + l + 96, vmulq_f32(vdupq_n_f32(d * float(sc[is + 6])), q4));
            }
        }
    }
}

} // namespace

} // namespace qf::eval::detail

namespace qf::dispatch {

// This path's row unpackers of the quantized types (PathKernels::unpack; same values as the core's).
void addNeonUnpackers(ByType<DequantizeRowFn>& table) {
    using Lanes = eval::detail::Lanes;
    Lanes::add(table);
    table[typeSlot(GgmlType::Q8_0)] = Lanes::row<eval::detail::q8_0>;
    table[typeSlot(GgmlType::Q4_K)] = Lanes::row<eval::detail::q4_K>;
    table[typeSlot(GgmlType::Q6_K)] = Lanes::row<eval::detail::q6_K>;
    table[typeSlot(GgmlType::MXFP4)] = Lanes::row<eval::detail::unpackMxfp4Neon>;
}

} // namespace qf::dispatch
