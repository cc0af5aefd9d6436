// AVX2 quantizers: the lane searches of simd_lanes.h on 8-float vectors, G vectors per step to hide
// latency. Compiled with -mavx2 -mfma -mf16c -mbmi2; FMA is never used (multiplies and adds stay
// separate, -ffp-contract=off), so each lane rounds exactly like the scalar reference.
#include <immintrin.h>

#include <cfloat>
#include <cstdint>
#include <cstring>

#include "iq_kernels.h"
#include "kernel_table.h"

namespace qf::quant::detail::avx2 {

template <int G> struct Ops {
    static constexpr int N = 8 * G;
    using Single = Ops<1>;
    struct F {
        __m256 v[G];
    };
    struct I {
        __m256i v[G];
    };
    struct M {
        __m256 v[G];
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
        return mapF([&](int g) { return _mm256_load_ps(p + 8 * g); });
    }
    static void store(float* p, F a) {
        for (int g = 0; g < G; ++g)
            _mm256_store_ps(p + 8 * g, a.v[g]);
    }
    static F loadu(const float* p) {
        return mapF([&](int g) { return _mm256_loadu_ps(p + 8 * g); });
    }
    // The low byte of each lane (values 0..127).
    static void storeBytes(uint8_t* p, I a) {
        for (int g = 0; g < G; ++g) {
            const __m256i words = _mm256_packs_epi32(a.v[g], a.v[g]); // lanes 0-3 | 4-7 per 128-bit half
            const __m256i bytes = _mm256_packs_epi16(words, words);
            const __m128i both =
                _mm_unpacklo_epi32(_mm256_castsi256_si128(bytes), _mm256_extracti128_si256(bytes, 1));
            _mm_storel_epi64(reinterpret_cast<__m128i*>(p + 8 * g), both);
        }
    }
    static F set1(float v) {
        return mapF([&](int) { return _mm256_set1_ps(v); });
    }
    static F zero() {
        return mapF([](int) { return _mm256_setzero_ps(); });
    }
    static F add(F a, F b) {
        return mapF([&](int g) { return _mm256_add_ps(a.v[g], b.v[g]); });
    }
    static F sub(F a, F b) {
        return mapF([&](int g) { return _mm256_sub_ps(a.v[g], b.v[g]); });
    }
    static F mul(F a, F b) {
        return mapF([&](int g) { return _mm256_mul_ps(a.v[g], b.v[g]); });
    }
    static F div(F a, F b) {
        return mapF([&](int g) { return _mm256_div_ps(a.v[g], b.v[g]); });
    }
    static F sqrt(F a) {
        return mapF([&](int g) { return _mm256_sqrt_ps(a.v[g]); });
    }
    static F abs(F a) {
        const __m256 mask = _mm256_castsi256_ps(_mm256_set1_epi32(0x7fffffff));
        return mapF([&](int g) { return _mm256_and_ps(a.v[g], mask); });
    }
    static F neg(F a) {
        const __m256 sign = _mm256_set1_ps(-0.0f);
        return mapF([&](int g) { return _mm256_xor_ps(a.v[g], sign); });
    }

    // Comparisons with C semantics: false when either side is NaN, except neq (C's !=), true then.
    template <int Pred> static M cmp(F a, F b) {
        return mapM([&](int g) { return _mm256_cmp_ps(a.v[g], b.v[g], Pred); });
    }
    static M lt(F a, F b) { return cmp<_CMP_LT_OQ>(a, b); }
    static M gt(F a, F b) { return cmp<_CMP_GT_OQ>(a, b); }
    static M le(F a, F b) { return cmp<_CMP_LE_OQ>(a, b); }
    static M ge(F a, F b) { return cmp<_CMP_GE_OQ>(a, b); }
    static M eq(F a, F b) { return cmp<_CMP_EQ_OQ>(a, b); }
    static M neq(F a, F b) { return cmp<_CMP_NEQ_UQ>(a, b); }
    static F select(M m, F a, F b) {
        return mapF([&](int g) { return _mm256_blendv_ps(b.v[g], a.v[g], m.v[g]); });
    }
    static M mand(M a, M b) {
        return mapM([&](int g) { return _mm256_and_ps(a.v[g], b.v[g]); });
    }
    static M mor(M a, M b) {
        return mapM([&](int g) { return _mm256_or_ps(a.v[g], b.v[g]); });
    }
    static M mnot(M a) {
        const __m256 ones = _mm256_castsi256_ps(_mm256_set1_epi32(-1));
        return mapM([&](int g) { return _mm256_xor_ps(a.v[g], ones); });
    }
    static M mfalse() {
        return mapM([](int) { return _mm256_setzero_ps(); });
    }
    static bool any(M m) {
        __m256 all = m.v[0];
        for (int g = 1; g < G; ++g)
            all = _mm256_or_ps(all, m.v[g]);
        return _mm256_movemask_ps(all) != 0;
    }
    // The first true lane (m has one).
    static int firstLane(M m) {
        for (int g = 0;; ++g)
            if (const int bits = _mm256_movemask_ps(m.v[g])) return 8 * g + __builtin_ctz(unsigned(bits));
    }

    static I selecti(M m, I a, I b) {
        return mapI([&](int g) { return _mm256_blendv_epi8(b.v[g], a.v[g], _mm256_castps_si256(m.v[g])); });
    }
    static I set1i(int v) {
        return mapI([&](int) { return _mm256_set1_epi32(v); });
    }
    static I addi(I a, I b) {
        return mapI([&](int g) { return _mm256_add_epi32(a.v[g], b.v[g]); });
    }
    static I subi(I a, I b) {
        return mapI([&](int g) { return _mm256_sub_epi32(a.v[g], b.v[g]); });
    }
    static I andi(I a, I b) {
        return mapI([&](int g) { return _mm256_and_si256(a.v[g], b.v[g]); });
    }
    static I mini(I a, I b) {
        return mapI([&](int g) { return _mm256_min_epi32(a.v[g], b.v[g]); });
    }
    static I maxi(I a, I b) {
        return mapI([&](int g) { return _mm256_max_epi32(a.v[g], b.v[g]); });
    }
    static F toFloat(I a) {
        return mapF([&](int g) { return _mm256_cvtepi32_ps(a.v[g]); });
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
        return mapI([&](int g) { return _mm256_cvttps_epi32(a.v[g]); });
    }
    static I bitsOf(F a) {
        return mapI([&](int g) { return _mm256_castps_si256(a.v[g]); });
    }

    // Index of the last IQ4 level <= v among levels 1..14, else 0; 14 for NaN (as ggml's binary search).
    static I iq4Floor(F v) {
        static constexpr float kInner[14] = {-104, -83, -65, -49, -35, -22, -10, 1, 13, 25, 38, 53, 69, 89};
        I count = set1i(0);
        for (float level : kInner) {
            const __m256 t = _mm256_set1_ps(level);
            for (int g = 0; g < G; ++g)
                count.v[g] =
                    _mm256_sub_epi32(count.v[g], _mm256_castps_si256(_mm256_cmp_ps(v.v[g], t, _CMP_NLT_UQ)));
        }
        return count;
    }
    static F iq4Lookup(I index) {
        const __m256 low = _mm256_setr_ps(-127, -104, -83, -65, -49, -35, -22, -10);
        const __m256 high = _mm256_setr_ps(1, 13, 25, 38, 53, 69, 89, 113);
        const __m256i seven = _mm256_set1_epi32(7);
        return mapF([&](int g) {
            const __m256 a = _mm256_permutevar8x32_ps(low, index.v[g]);
            const __m256 b = _mm256_permutevar8x32_ps(high, index.v[g]);
            return _mm256_blendv_ps(a, b, _mm256_castsi256_ps(_mm256_cmpgt_epi32(index.v[g], seven)));
        });
    }

    // The codebook searches (simd_iq_search.h): keys of neighbours, their level fields, table lookups.
    static I loadKeys(const uint16_t* p) {
        return mapI([&](int g) {
            return _mm256_cvtepu16_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 8 * g)));
        });
    }
    static I srli(I a, int bits) {
        return mapI([&](int g) { return _mm256_srli_epi32(a.v[g], bits); });
    }
    // The trial-scale fits (simd_iq_search.h): level keys, map lookups, level storage.
    static I slli(I a, int bits) {
        return mapI([&](int g) { return _mm256_slli_epi32(a.v[g], bits); });
    }
    static I ori(I a, I b) {
        return mapI([&](int g) { return _mm256_or_si256(a.v[g], b.v[g]); });
    }
    static I loadi(const int32_t* p) {
        return mapI([&](int g) { return _mm256_load_si256(reinterpret_cast<const __m256i*>(p + 8 * g)); });
    }
    static void storei(int32_t* p, I a) {
        for (int g = 0; g < G; ++g)
            _mm256_store_si256(reinterpret_cast<__m256i*>(p + 8 * g), a.v[g]);
    }
    static I gather32(const int32_t* table, I index) {
        return mapI([&](int g) { return _mm256_i32gather_epi32(table, index.v[g], 4); });
    }
    static F lookup8(const float* table, I index) {
        const __m256 t = _mm256_load_ps(table);
        return mapF([&](int g) { return _mm256_permutevar8x32_ps(t, index.v[g]); });
    }
    // out[l] = w * (scale * (2l+1) - x) * (scale * (2l+1) - x), l = 0..7, each as the scalar code rounds it.
    static void levelTerms(float scale, float x, float w, float* out) {
        const __m256 q = _mm256_setr_ps(1, 3, 5, 7, 9, 11, 13, 15);
        const __m256 diff = _mm256_sub_ps(_mm256_mul_ps(_mm256_set1_ps(scale), q), _mm256_set1_ps(x));
        _mm256_store_ps(out, _mm256_mul_ps(_mm256_mul_ps(_mm256_set1_ps(w), diff), diff));
    }
    static float minOf(F a) {
        __m256 m = a.v[0];
        for (int g = 1; g < G; ++g)
            m = _mm256_min_ps(m, a.v[g]);
        __m128 h = _mm_min_ps(_mm256_castps256_ps128(m), _mm256_extractf128_ps(m, 1));
        h = _mm_min_ps(h, _mm_movehl_ps(h, h));
        h = _mm_min_ss(h, _mm_movehdup_ps(h));
        return _mm_cvtss_f32(h);
    }
};

// The generic lane searches and type drivers, instantiated with the Ops above in this namespace.
#include "simd_drivers.h"
#include "simd_iq_search.h"
#include "simd_iq1_search.h"

} // namespace qf::quant::detail::avx2

namespace qf::quant::detail {

namespace {

// Q3_K's unweighted refinement has the longest dependency chain and wants 4 groups; its weighted search
// spills with more than 2.
void quantizeQ3K(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* importance) {
    if (importance)
        avx2::Drivers<avx2::Ops<2>>::q3k(src, dst, nrows, rowLen, importance);
    else
        avx2::Drivers<avx2::Ops<4>>::q3k(src, dst, nrows, rowLen, importance);
}

} // namespace

} // namespace qf::quant::detail

namespace qf::dispatch {

// Vectors per lane group (G) by type, measured with bench_kernels (thread CPU time, Zen 4): more groups
// hide the latency of the searches' dependency chains until the 16 YMM registers run out and spills
// dominate. The IQ4 level search needs the most registers.
void addAvx2Quantizers(ByType<QuantizeRowsFn>& table) {
    namespace isa = quant::detail::avx2;
    using Medium = isa::Drivers<isa::Ops<2>>;
    using Narrow = isa::Drivers<isa::Ops<1>>;
    isa::IqLanes<isa::Ops<1>>::addCodebookQuantizers(table);
    isa::Iq1Lanes<isa::Ops<1>>::addQuantizers(table);
    auto set = [&](GgmlType type, QuantizeRowsFn fn) { table[typeSlot(type)] = fn; };
    set(GgmlType::Q4_0, Medium::q4_0);
    set(GgmlType::Q4_1, Medium::q4_1);
    set(GgmlType::Q5_0, Medium::q5_0);
    set(GgmlType::Q5_1, Medium::q5_1);
    set(GgmlType::Q2_K, Medium::q2k);
    set(GgmlType::Q3_K, quant::detail::quantizeQ3K);
    set(GgmlType::Q4_K, Medium::q4k);
    set(GgmlType::Q5_K, Medium::q5k);
    set(GgmlType::Q6_K, Medium::q6k);
    set(GgmlType::IQ4_NL, Narrow::iq4nl);
    set(GgmlType::IQ4_XS, Narrow::iq4xs);
}

} // namespace qf::dispatch
