// NEON (AArch64 Advanced SIMD) quantizers: the lane searches of simd_lanes.h on 4-float vectors, G vectors
// per step. Multiplies and adds stay separate (no FMLA; -ffp-contract=off), so each lane rounds exactly
// like the scalar reference. Built only on arm64.
#include <arm_neon.h>

#include <cfloat>
#include <cstdint>
#include <cstring>

#include "iq_kernels.h"
#include "kernel_table.h"

namespace qf::quant::detail::neon {

template <int G> struct Ops {
    static constexpr int N = 4 * G;
    using Single = Ops<1>;
    struct F {
        float32x4_t v[G];
    };
    struct I {
        int32x4_t v[G];
    };
    struct M {
        uint32x4_t v[G];
    };

    template <class Fn> static F mapF(Fn fn) {
        F r;
        for (int g = 0; g < G; ++g)
            r.v[g] = fn(g);
        return r;
    }
    template <class Fn> static I mapI(Fn fn) {
        I r;
        for (int g = 0; g < G; ++g)
            r.v[g] = fn(g);
        return r;
    }
    template <class Fn> static M mapM(Fn fn) {
        M r;
        for (int g = 0; g < G; ++g)
            r.v[g] = fn(g);
        return r;
    }

    static F load(const float* p) {
        return mapF([&](int g) { return vld1q_f32(p + 4 * g); });
    }
    static F loadu(const float* p) { return load(p); }
    static void store(float* p, F a) {
        for (int g = 0; g < G; ++g)
            vst1q_f32(p + 4 * g, a.v[g]);
    }
    // The low byte of each lane (values 0..127).
    static void storeBytes(uint8_t* p, I a) {
        for (int g = 0; g < G; ++g) {
            const int16x4_t words = vmovn_s32(a.v[g]);
            const int8x8_t bytes = vmovn_s16(vcombine_s16(words, words));
            const uint32_t four = vget_lane_u32(vreinterpret_u32_s8(bytes), 0);
            std::memcpy(p + 4 * g, &four, 4);
        }
    }
    static F set1(float v) {
        return mapF([&](int) { return vdupq_n_f32(v); });
    }
    static F zero() { return set1(0.f); }
    static F add(F a, F b) {
        return mapF([&](int g) { return vaddq_f32(a.v[g], b.v[g]); });
    }
    static F sub(F a, F b) {
        return mapF([&](int g) { return vsubq_f32(a.v[g], b.v[g]); });
    }
    static F mul(F a, F b) {
        return mapF([&](int g) { return vmulq_f32(a.v[g], b.v[g]); });
    }
    static F div(F a, F b) {
        return mapF([&](int g) { return vdivq_f32(a.v[g], b.v[g]); });
    }
    static F sqrt(F a) {
        return mapF([&](int g) { return vsqrtq_f32(a.v[g]); });
    }
    static F abs(F a) {
        return mapF([&](int g) { return vabsq_f32(a.v[g]); });
    }
    static F neg(F a) {
        return mapF([&](int g) { return vnegq_f32(a.v[g]); });
    }

    // Comparisons with C semantics: false when either side is NaN, except neq (C's !=), true then.
    static M lt(F a, F b) {
        return mapM([&](int g) { return vcltq_f32(a.v[g], b.v[g]); });
    }
    static M gt(F a, F b) {
        return mapM([&](int g) { return vcgtq_f32(a.v[g], b.v[g]); });
    }
    static M le(F a, F b) {
        return mapM([&](int g) { return vcleq_f32(a.v[g], b.v[g]); });
    }
    static M ge(F a, F b) {
        return mapM([&](int g) { return vcgeq_f32(a.v[g], b.v[g]); });
    }
    static M eq(F a, F b) {
        return mapM([&](int g) { return vceqq_f32(a.v[g], b.v[g]); });
    }
    static M neq(F a, F b) {
        return mapM([&](int g) { return vmvnq_u32(vceqq_f32(a.v[g], b.v[g])); });
    }
    static F select(M m, F a, F b) {
        return mapF([&](int g) { return vbslq_f32(m.v[g], a.v[g], b.v[g]); });
    }
    static M mand(M a, M b) {
        return mapM([&](int g) { return vandq_u32(a.v[g], b.v[g]); });
    }
    static M mor(M a, M b) {
        return mapM([&](int g) { return vorrq_u32(a.v[g], b.v[g]); });
    }
    static M mnot(M a) {
        return mapM([&](int g) { return vmvnq_u32(a.v[g]); });
    }
    static M mfalse() {
        return mapM([](int) { return vdupq_n_u32(0); });
    }
    static bool any(M m) {
        uint32x4_t all = m.v[0];
        for (int g = 1; g < G; ++g)
            all = vorrq_u32(all, m.v[g]);
        return vmaxvq_u32(all) != 0;
    }

    static I selecti(M m, I a, I b) {
        return mapI([&](int g) { return vbslq_s32(m.v[g], a.v[g], b.v[g]); });
    }
    static I set1i(int v) {
        return mapI([&](int) { return vdupq_n_s32(v); });
    }
    static I addi(I a, I b) {
        return mapI([&](int g) { return vaddq_s32(a.v[g], b.v[g]); });
    }
    static I subi(I a, I b) {
        return mapI([&](int g) { return vsubq_s32(a.v[g], b.v[g]); });
    }
    static I andi(I a, I b) {
        return mapI([&](int g) { return vandq_s32(a.v[g], b.v[g]); });
    }
    static I mini(I a, I b) {
        return mapI([&](int g) { return vminq_s32(a.v[g], b.v[g]); });
    }
    static I maxi(I a, I b) {
        return mapI([&](int g) { return vmaxq_s32(a.v[g], b.v[g]); });
    }
    static F toFloat(I a) {
        return mapF([&](int g) { return vcvtq_f32_s32(a.v[g]); });
    }
    static I toInt(F a) {
        return mapI([&](int g) { return vcvtq_s32_f32(a.v[g]); });
    }
    static I bitsOf(F a) {
        return mapI([&](int g) { return vreinterpretq_s32_f32(a.v[g]); });
    }

    // dst[r * dstStride + c] = src[c * srcStride + r] for a 4x4 tile: data movement only.
    static constexpr int kTile = 4;
    static void transposeTile(const float* src, int srcStride, float* dst, int dstStride) {
        const float32x4x2_t t01 = vtrnq_f32(vld1q_f32(src), vld1q_f32(src + srcStride));
        const float32x4x2_t t23 = vtrnq_f32(vld1q_f32(src + 2 * srcStride), vld1q_f32(src + 3 * srcStride));
        vst1q_f32(dst, vcombine_f32(vget_low_f32(t01.val[0]), vget_low_f32(t23.val[0])));
        vst1q_f32(dst + dstStride, vcombine_f32(vget_low_f32(t01.val[1]), vget_low_f32(t23.val[1])));
        vst1q_f32(dst + 2 * dstStride, vcombine_f32(vget_high_f32(t01.val[0]), vget_high_f32(t23.val[0])));
        vst1q_f32(dst + 3 * dstStride, vcombine_f32(vget_high_f32(t01.val[1]), vget_high_f32(t23.val[1])));
    }

    // Index of the last IQ4 level <= v among levels 1..14, else 0; 14 for NaN (as ggml's binary search).
    static I iq4Floor(F v) {
        static constexpr float kInner[14] = {-104, -83, -65, -49, -35, -22, -10, 1, 13, 25, 38, 53, 69, 89};
        I count = set1i(0);
        for (float level : kInner) {
            const float32x4_t t = vdupq_n_f32(level);
            for (int g = 0; g < G; ++g) {
                const uint32x4_t notBelow = vmvnq_u32(vcltq_f32(v.v[g], t));
                count.v[g] = vsubq_s32(count.v[g], vreinterpretq_s32_u32(notBelow));
            }
        }
        return count;
    }
    // The level of each lane's index (0..15), by a byte table lookup of the float's four bytes.
    static F iq4Lookup(I index) {
        static constexpr float kLevels[16] = {-127, -104, -83, -65, -49, -35, -22, -10,
                                              1,    13,   25,  38,  53,  69,  89,  113};
        const uint8_t* bytes = reinterpret_cast<const uint8_t*>(kLevels);
        const uint8x16x4_t table = {
            {vld1q_u8(bytes), vld1q_u8(bytes + 16), vld1q_u8(bytes + 32), vld1q_u8(bytes + 48)}};
        return mapF([&](int g) {
            const uint32x4_t first = vmulq_n_u32(vreinterpretq_u32_s32(index.v[g]), 0x04040404u);
            const uint32x4_t lanes = vaddq_u32(first, vdupq_n_u32(0x03020100u));
            return vreinterpretq_f32_u8(vqtbl4q_u8(table, vreinterpretq_u8_u32(lanes)));
        });
    }

    // The codebook searches (simd_iq_search.h): keys of neighbours, their level fields, table lookups.
    static I loadKeys(const uint16_t* p) {
        return mapI([&](int g) { return vreinterpretq_s32_u32(vmovl_u16(vld1_u16(p + 4 * g))); });
    }
    static I srli(I a, int bits) {
        const int32x4_t shift = vdupq_n_s32(-bits);
        return mapI(
            [&](int g) { return vreinterpretq_s32_u32(vshlq_u32(vreinterpretq_u32_s32(a.v[g]), shift)); });
    }
    // Entry index (0..7) of an 8-float table, by a byte table lookup of the float's four bytes.
    static F lookup8(const float* table, I index) {
        const uint8_t* bytes = reinterpret_cast<const uint8_t*>(table);
        const uint8x16x2_t t = {{vld1q_u8(bytes), vld1q_u8(bytes + 16)}};
        return mapF([&](int g) {
            const uint32x4_t first = vmulq_n_u32(vreinterpretq_u32_s32(index.v[g]), 0x04040404u);
            const uint32x4_t lanes = vaddq_u32(first, vdupq_n_u32(0x03020100u));
            return vreinterpretq_f32_u8(vqtbl2q_u8(t, vreinterpretq_u8_u32(lanes)));
        });
    }
    // out[l] = w * (scale * (2l+1) - x) * (scale * (2l+1) - x), l = 0..7, each as the scalar code rounds it.
    static void levelTerms(float scale, float x, float w, float* out) {
        static constexpr float kOdd[8] = {1, 3, 5, 7, 9, 11, 13, 15};
        for (int h = 0; h < 2; ++h) {
            const float32x4_t diff = vsubq_f32(vmulq_n_f32(vld1q_f32(kOdd + 4 * h), scale), vdupq_n_f32(x));
            vst1q_f32(out + 4 * h, vmulq_f32(vmulq_n_f32(diff, w), diff));
        }
    }
    static float minOf(F a) {
        float32x4_t m = a.v[0];
        for (int g = 1; g < G; ++g)
            m = vminq_f32(m, a.v[g]);
        return vminvq_f32(m);
    }
};

// The generic lane searches and type drivers, instantiated with the Ops above in this namespace.
#include "simd_drivers.h"
#include "simd_iq_search.h"
#include "simd_iq1_search.h"

} // namespace qf::quant::detail::neon

namespace qf::quant::detail {

} // namespace qf::quant::detail

namespace qf::dispatch {

// Vectors per lane group: 4 (16 lanes) where 32 NEON registers allow, 2 for the register-hungry IQ4
// level search. Not yet tuned on hardware.
void addNeonQuantizers(ByType<QuantizeRowsFn>& table) {
    namespace isa = quant::detail::neon;
    using Wide = isa::Drivers<isa::Ops<4>>;
    using Narrow = isa::Drivers<isa::Ops<2>>;
    isa::IqLanes<isa::Ops<2>>::addCodebookQuantizers(table);
    isa::Iq1Lanes<isa::Ops<2>>::addQuantizers(table);
    auto set = [&](GgmlType type, QuantizeRowsFn fn) { table[typeSlot(type)] = fn; };
    set(GgmlType::Q4_0, Wide::q4_0);
    set(GgmlType::Q4_1, Wide::q4_1);
    set(GgmlType::Q5_0, Wide::q5_0);
    set(GgmlType::Q5_1, Wide::q5_1);
    set(GgmlType::Q2_K, Wide::q2k);
    set(GgmlType::Q3_K, Wide::q3k);
    set(GgmlType::Q4_K, Wide::q4k);
    set(GgmlType::Q5_K, Wide::q5k);
    set(GgmlType::Q6_K, Wide::q6k);
    set(GgmlType::IQ4_NL, Narrow::iq4nl);
    set(GgmlType::IQ4_XS, Narrow::iq4xs);
}

} // namespace qf::dispatch
