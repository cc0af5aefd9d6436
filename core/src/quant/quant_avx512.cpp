// AVX-512 quantizers: the lane searches of simd_lanes.h on 16-float vectors with opmask registers for
// the per-lane branches. Needs AVX-512 F, BW, DQ, VL (checked at run time). No FMA in any arithmetic that
// must round as the reference does (see quant_avx2.cpp); the one fused step is refinedReciprocal's, an estimate
// whose error bound counts it.
#include <cfloat>
#include <cstdint>
#include <cstring>

#if defined(__GNUC__) && !defined(__clang__)
// GCC 12's AVX-512 headers trip -W(maybe-)uninitialized on their own _mm*_undefined_* placeholders,
// at the point of use, so the warnings stay off for this file.
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#pragma GCC diagnostic ignored "-Wuninitialized"
#include <immintrin.h>
#else
#include <immintrin.h>
#endif

#include "iq_kernels.h"
#include "kernel_table.h"

namespace qf::quant::detail::avx512 {

template <int G> struct Ops {
    static constexpr int N = 16 * G;
    using Single = Ops<1>;
    struct F {
        __m512 v[G];
    };
    struct I {
        __m512i v[G];
    };
    struct M {
        __mmask16 v[G];
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
        return mapF([&](int g) { return _mm512_load_ps(p + 16 * g); });
    }
    static void store(float* p, F a) {
        for (int g = 0; g < G; ++g)
            _mm512_store_ps(p + 16 * g, a.v[g]);
    }
    static F loadu(const float* p) {
        return mapF([&](int g) { return _mm512_loadu_ps(p + 16 * g); });
    }
    // The low byte of each lane (values 0..127).
    static void storeBytes(uint8_t* p, I a) {
        for (int g = 0; g < G; ++g)
            _mm_storeu_si128(reinterpret_cast<__m128i*>(p + 16 * g), _mm512_cvtepi32_epi8(a.v[g]));
    }
    static F set1(float v) {
        return mapF([&](int) { return _mm512_set1_ps(v); });
    }
    static F zero() {
        return mapF([](int) { return _mm512_setzero_ps(); });
    }
    static F add(F a, F b) {
        return mapF([&](int g) { return _mm512_add_ps(a.v[g], b.v[g]); });
    }
    static F sub(F a, F b) {
        return mapF([&](int g) { return _mm512_sub_ps(a.v[g], b.v[g]); });
    }
    static F mul(F a, F b) {
        return mapF([&](int g) { return _mm512_mul_ps(a.v[g], b.v[g]); });
    }
    static F div(F a, F b) {
        return mapF([&](int g) { return _mm512_div_ps(a.v[g], b.v[g]); });
    }
    static F sqrt(F a) {
        return mapF([&](int g) { return _mm512_sqrt_ps(a.v[g]); });
    }
    static F abs(F a) {
        const __m512i mask = _mm512_set1_epi32(0x7fffffff);
        return mapF(
            [&](int g) { return _mm512_castsi512_ps(_mm512_and_si512(_mm512_castps_si512(a.v[g]), mask)); });
    }
    static F neg(F a) {
        const __m512i sign = _mm512_set1_epi32(int32_t(0x80000000u));
        return mapF(
            [&](int g) { return _mm512_castsi512_ps(_mm512_xor_si512(_mm512_castps_si512(a.v[g]), sign)); });
    }

    // Comparisons with C semantics: false when either side is NaN, except neq (C's !=), true then.
    template <int Pred> static M cmp(F a, F b) {
        return mapM([&](int g) { return _mm512_cmp_ps_mask(a.v[g], b.v[g], Pred); });
    }
    static M lt(F a, F b) { return cmp<_CMP_LT_OQ>(a, b); }
    static M gt(F a, F b) { return cmp<_CMP_GT_OQ>(a, b); }
    static M le(F a, F b) { return cmp<_CMP_LE_OQ>(a, b); }
    static M ge(F a, F b) { return cmp<_CMP_GE_OQ>(a, b); }
    static M eq(F a, F b) { return cmp<_CMP_EQ_OQ>(a, b); }
    static M neq(F a, F b) { return cmp<_CMP_NEQ_UQ>(a, b); }
    // a < b ? a : b per lane (b when either is NaN or they are equal): what MINPS computes.
    static F minFirst(F a, F b) {
        return mapF([&](int g) { return _mm512_min_ps(a.v[g], b.v[g]); });
    }
    // a > b ? a : b per lane (b when either is NaN or they are equal): what MAXPS computes.
    static F maxFirst(F a, F b) {
        return mapF([&](int g) { return _mm512_max_ps(a.v[g], b.v[g]); });
    }
    static F select(M m, F a, F b) {
        return mapF([&](int g) { return _mm512_mask_blend_ps(m.v[g], b.v[g], a.v[g]); });
    }
    static M mand(M a, M b) {
        return mapM([&](int g) { return __mmask16(a.v[g] & b.v[g]); });
    }
    static M mor(M a, M b) {
        return mapM([&](int g) { return __mmask16(a.v[g] | b.v[g]); });
    }
    static M mnot(M a) {
        return mapM([&](int g) { return __mmask16(~a.v[g]); });
    }
    static M mfalse() {
        return mapM([](int) { return __mmask16(0); });
    }
    static bool any(M m) {
        unsigned all = 0;
        for (int g = 0; g < G; ++g)
            all |= m.v[g];
        return all != 0;
    }
    // Bit k set where lane k is true.
    static uint64_t maskBits(M m) {
        uint64_t bits = 0;
        for (int g = 0; g < G; ++g)
            bits |= uint64_t(m.v[g]) << (16 * g);
        return bits;
    }
    // The first true lane (m has one).
    static int firstLane(M m) {
        for (int g = 0;; ++g)
            if (m.v[g]) return 16 * g + __builtin_ctz(unsigned(m.v[g]));
    }

    static I selecti(M m, I a, I b) {
        return mapI([&](int g) { return _mm512_mask_blend_epi32(m.v[g], b.v[g], a.v[g]); });
    }
    static I set1i(int v) {
        return mapI([&](int) { return _mm512_set1_epi32(v); });
    }
    static I addi(I a, I b) {
        return mapI([&](int g) { return _mm512_add_epi32(a.v[g], b.v[g]); });
    }
    static I subi(I a, I b) {
        return mapI([&](int g) { return _mm512_sub_epi32(a.v[g], b.v[g]); });
    }
    static I andi(I a, I b) {
        return mapI([&](int g) { return _mm512_and_si512(a.v[g], b.v[g]); });
    }
    static I mini(I a, I b) {
        return mapI([&](int g) { return _mm512_min_epi32(a.v[g], b.v[g]); });
    }
    static I maxi(I a, I b) {
        return mapI([&](int g) { return _mm512_max_epi32(a.v[g], b.v[g]); });
    }
    static F toFloat(I a) {
        return mapF([&](int g) { return _mm512_cvtepi32_ps(a.v[g]); });
    }
    // dst[r * dstStride + c] = src[c * srcStride + r] for an 8x8 tile: data movement only.
    static constexpr int kTile = 8;
    static void transposeTile(const float* src, int srcStride, float* dst, int dstStride) {
        __m256 r[8], t[8];
        for (int i = 0; i < 8; ++i)
            r[i] = _mm256_loadu_ps(src + i * srcStride);
        for (int i = 0; i < 8; i += 2) {
            t[i] = _mm256_unpacklo_ps(r[i], r[i + 1]);
            t[i + 1] = _mm256_unpackhi_ps(r[i], r[i + 1]);
        }
        for (int i = 0; i < 8; i += 4) {
            r[i] = _mm256_shuffle_ps(t[i], t[i + 2], _MM_SHUFFLE(1, 0, 1, 0));
            r[i + 1] = _mm256_shuffle_ps(t[i], t[i + 2], _MM_SHUFFLE(3, 2, 3, 2));
            r[i + 2] = _mm256_shuffle_ps(t[i + 1], t[i + 3], _MM_SHUFFLE(1, 0, 1, 0));
            r[i + 3] = _mm256_shuffle_ps(t[i + 1], t[i + 3], _MM_SHUFFLE(3, 2, 3, 2));
        }
        for (int i = 0; i < 4; ++i) {
            _mm256_storeu_ps(dst + i * dstStride, _mm256_permute2f128_ps(r[i], r[i + 4], 0x20));
            _mm256_storeu_ps(dst + (i + 4) * dstStride, _mm256_permute2f128_ps(r[i], r[i + 4], 0x31));
        }
    }
    static I toInt(F a) {
        return mapI([&](int g) { return _mm512_cvttps_epi32(a.v[g]); });
    }
    static I bitsOf(F a) {
        return mapI([&](int g) { return _mm512_castps_si512(a.v[g]); });
    }

    static __m512 iq4Table() {
        return _mm512_setr_ps(-127, -104, -83, -65, -49, -35, -22, -10, 1, 13, 25, 38, 53, 69, 89, 113);
    }
    // Index of the last IQ4 level <= v among levels 1..14, else 0; 14 for NaN (as ggml's binary search).
    // Branch-free binary search: "not less than" is what moves ggml's lower bound, so NaN climbs to 15,
    // which the final clamp turns into 14.
    static I iq4Floor(F v) {
        const __m512 table = iq4Table();
        return mapI([&](int g) {
            __m512i index = _mm512_setzero_si512();
            for (int step = 8; step > 0; step >>= 1) {
                const __m512i candidate = _mm512_add_epi32(index, _mm512_set1_epi32(step));
                const __m512 level = _mm512_permutexvar_ps(candidate, table);
                const __mmask16 up = _mm512_cmp_ps_mask(v.v[g], level, _CMP_NLT_UQ);
                index = _mm512_mask_mov_epi32(index, up, candidate);
            }
            return _mm512_min_epi32(index, _mm512_set1_epi32(14));
        });
    }
    static F iq4Lookup(I index) {
        const __m512 table = iq4Table();
        return mapF([&](int g) { return _mm512_permutexvar_ps(index.v[g], table); });
    }

    // The codebook searches (simd_iq_search.h): keys of neighbours, their level fields, table lookups.
    static I loadKeys(const uint16_t* p) {
        return mapI([&](int g) {
            return _mm512_cvtepu16_epi32(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 16 * g)));
        });
    }
    static I srli(I a, int bits) {
        return mapI([&](int g) { return _mm512_srli_epi32(a.v[g], unsigned(bits)); });
    }
    // The trial-scale fits (simd_iq_search.h): level keys, map lookups, level storage.
    static I slli(I a, int bits) {
        return mapI([&](int g) { return _mm512_slli_epi32(a.v[g], unsigned(bits)); });
    }
    static I ori(I a, I b) {
        return mapI([&](int g) { return _mm512_or_si512(a.v[g], b.v[g]); });
    }
    static I loadi(const int32_t* p) {
        return mapI([&](int g) { return _mm512_load_si512(p + 16 * g); });
    }
    static void storei(int32_t* p, I a) {
        for (int g = 0; g < G; ++g)
            _mm512_store_si512(p + 16 * g, a.v[g]);
    }
    static I gather32(const int32_t* table, I index) {
        return mapI([&](int g) { return _mm512_i32gather_epi32(index.v[g], table, 4); });
    }
    // Indices are below 8, so the upper half of the widened table is never read.
    static F lookup8(const float* table, I index) {
        const __m512 t = _mm512_castps256_ps512(_mm256_load_ps(table));
        return mapF([&](int g) { return _mm512_permutexvar_ps(index.v[g], t); });
    }
    // out[l] = w * (scale * (2l+1) - x) * (scale * (2l+1) - x), l = 0..7, each as the scalar code rounds it.
    static void levelTerms(float scale, float x, float w, float* out) {
        const __m256 q = _mm256_setr_ps(1, 3, 5, 7, 9, 11, 13, 15);
        const __m256 diff = _mm256_sub_ps(_mm256_mul_ps(_mm256_set1_ps(scale), q), _mm256_set1_ps(x));
        _mm256_store_ps(out, _mm256_mul_ps(_mm256_mul_ps(_mm256_set1_ps(w), diff), diff));
    }
    // 1 / a within a relative 2^-22.9 where a and 1 / a are normal: RCP14 (r0 = (1 + e0) / a, |e0| < 2^-14)
    // and one Newton step r0 * (2 - a * r0), its inner part fused (one rounding of 1 - e0): the result is
    // (1 - e0^2)(1 + d1)(1 + d2) / a. Only for estimates whose error is accounted for (Iq1Lanes' Tops).
    static F refinedReciprocal(F a) {
        return mapF([&](int g) {
            const __m512 r0 = _mm512_rcp14_ps(a.v[g]);
            return _mm512_mul_ps(r0, _mm512_fnmadd_ps(a.v[g], r0, _mm512_set1_ps(2.f)));
        });
    }
    // 32-entry table lookup, lo holding entries 0..15 and hi 16..31 (IQ1_M's split search, one group).
    static F lookup32(F lo, F hi, I index)
        requires(G == 1)
    {
        return {{_mm512_permutex2var_ps(lo.v[0], index.v[0], hi.v[0])}};
    }
    static float minOf(F a) {
        __m512 m = a.v[0];
        for (int g = 1; g < G; ++g)
            m = _mm512_min_ps(m, a.v[g]);
        return _mm512_reduce_min_ps(m);
    }
};

// The generic lane searches and type drivers, instantiated with the Ops above in this namespace.
#include "simd_drivers.h"
#include "simd_iq_search.h"
#include "simd_iq1_search.h"

} // namespace qf::quant::detail::avx512

namespace qf::quant::detail {

} // namespace qf::quant::detail

namespace qf::dispatch {

// Vectors per lane group (G) by type, measured with bench_kernels (thread CPU time, Zen 4); see
// quant_avx2.cpp. 32 ZMM registers leave room for more groups than AVX2.
void addAvx512Quantizers(ByType<QuantizeRowsFn>& table) {
    namespace isa = quant::detail::avx512;
    using Wide = isa::Drivers<isa::Ops<4>>;
    using Medium = isa::Drivers<isa::Ops<3>>;
    using Narrow = isa::Drivers<isa::Ops<1>>;
    isa::IqLanes<isa::Ops<1>>::addCodebookQuantizers(table);
    isa::Iq1Lanes<isa::Ops<1>>::addQuantizers(table);
    auto set = [&](GgmlType type, QuantizeRowsFn fn) { table[typeSlot(type)] = fn; };
    set(GgmlType::Q4_0, Medium::q4_0);
    set(GgmlType::Q4_1, Medium::q4_1);
    set(GgmlType::Q5_0, Medium::q5_0);
    set(GgmlType::Q5_1, Medium::q5_1);
    set(GgmlType::Q2_K, Wide::q2k);
    set(GgmlType::Q3_K, Wide::q3k);
    set(GgmlType::Q4_K, Medium::q4k);
    set(GgmlType::Q5_K, Medium::q5k);
    set(GgmlType::Q6_K, Wide::q6k);
    set(GgmlType::IQ4_NL, Narrow::iq4nl);
    set(GgmlType::IQ4_XS, Narrow::iq4xs);
}

} // namespace qf::dispatch
