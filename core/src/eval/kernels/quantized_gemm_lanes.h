// The AVX-512 integer GEMM kernel (quantized_dot.h), written once over the instruction that sums four
// code-times-activation byte products per 32-bit lane: Dot::lanes(acc, codes, activations). Included inside
// an anonymous namespace by quantized_gemm_avx512.cpp (vpmaddubsw + vpmaddwd) and
// quantized_gemm_avx512vnni.cpp (vpdpbusd), each compiled for its instruction set.
//
// One prepared weight row against up to eight tokens: per block the 256 codes sit in four zmm registers;
// per token four Dot steps give the 16 group sums in the 16 lanes (lane order), then one float multiply by
// the group scales and the activation scale and one multiply-add of the group minimums.

template <class Dot> struct GemmLanes {
    template <int T>
    static void row(const PreparedBlockK* w, int64_t blocks, const GemmActivationQ8K* act, float* y, int64_t ldy) {
        __m512 acc[T];
#pragma GCC unroll 8
        for (int t = 0; t < T; ++t)
            acc[t] = _mm512_setzero_ps();
        for (int64_t b = 0; b < blocks; ++b) {
            const PreparedBlockK& p = w[b];
            const __m512i q0 = _mm512_load_si512(p.q), q1 = _mm512_load_si512(p.q + 64);
            const __m512i q2 = _mm512_load_si512(p.q + 128), q3 = _mm512_load_si512(p.q + 192);
            const __m512 dscales = _mm512_load_ps(p.dscales);
            const __m512 mins = _mm512_load_ps(p.mins);
#pragma GCC unroll 8
            for (int t = 0; t < T; ++t) {
                const GemmActivationQ8K& a = act[t * blocks + b];
                __m512i dot = Dot::first(q0, _mm512_load_si512(a.qs));
                dot = Dot::lanes(dot, q1, _mm512_load_si512(a.qs + 64));
                dot = Dot::lanes(dot, q2, _mm512_load_si512(a.qs + 128));
                dot = Dot::lanes(dot, q3, _mm512_load_si512(a.qs + 192));
                const __m512 scale = _mm512_mul_ps(dscales, _mm512_set1_ps(a.d));
                acc[t] = _mm512_fmadd_ps(_mm512_cvtepi32_ps(dot), scale, acc[t]);
                acc[t] = _mm512_fnmadd_ps(_mm512_load_ps(a.groupSums), mins, acc[t]);
            }
        }
#pragma GCC unroll 8
        for (int t = 0; t < T; ++t)
            y[t * ldy] = _mm512_reduce_add_ps(acc[t]);
    }

    // Two adjacent prepared rows (w and w + blocks) at once, outputs y[t * ldy] and y[t * ldy + 1]: each
    // activation vector loaded once serves both rows. Every output has its own accumulator and the same
    // operations in the same order as row<T>, so the same bits.
    template <int T>
    static void rowPair(const PreparedBlockK* w, int64_t blocks, const GemmActivationQ8K* act, float* y,
                        int64_t ldy) {
        __m512 acc0[T], acc1[T];
#pragma GCC unroll 8
        for (int t = 0; t < T; ++t)
            acc0[t] = acc1[t] = _mm512_setzero_ps();
        for (int64_t b = 0; b < blocks; ++b) {
            const PreparedBlockK& p = w[b];
            const PreparedBlockK& r = w[blocks + b];
#pragma GCC unroll 8
            for (int t = 0; t < T; ++t) {
                const GemmActivationQ8K& a = act[t * blocks + b];
                const __m512i a0 = _mm512_load_si512(a.qs), a1 = _mm512_load_si512(a.qs + 64);
                const __m512i a2 = _mm512_load_si512(a.qs + 128), a3 = _mm512_load_si512(a.qs + 192);
                __m512i dot0 = Dot::first(_mm512_load_si512(p.q), a0);
                __m512i dot1 = Dot::first(_mm512_load_si512(r.q), a0);
                dot0 = Dot::lanes(dot0, _mm512_load_si512(p.q + 64), a1);
                dot1 = Dot::lanes(dot1, _mm512_load_si512(r.q + 64), a1);
                dot0 = Dot::lanes(dot0, _mm512_load_si512(p.q + 128), a2);
                dot1 = Dot::lanes(dot1, _mm512_load_si512(r.q + 128), a2);
                dot0 = Dot::lanes(dot0, _mm512_load_si512(p.q + 192), a3);
                dot1 = Dot::lanes(dot1, _mm512_load_si512(r.q + 192), a3);
                const __m512 d = _mm512_set1_ps(a.d);
                const __m512 sums = _mm512_load_ps(a.groupSums);
                acc0[t] = _mm512_fmadd_ps(_mm512_cvtepi32_ps(dot0), _mm512_mul_ps(_mm512_load_ps(p.dscales), d), acc0[t]);
                acc0[t] = _mm512_fnmadd_ps(sums, _mm512_load_ps(p.mins), acc0[t]);
                acc1[t] = _mm512_fmadd_ps(_mm512_cvtepi32_ps(dot1), _mm512_mul_ps(_mm512_load_ps(r.dscales), d), acc1[t]);
                acc1[t] = _mm512_fnmadd_ps(sums, _mm512_load_ps(r.mins), acc1[t]);
            }
        }
#pragma GCC unroll 8
        for (int t = 0; t < T; ++t) {
            y[t * ldy] = _mm512_reduce_add_ps(acc0[t]);
            y[t * ldy + 1] = _mm512_reduce_add_ps(acc1[t]);
        }
    }

    // Calls f(std::integral_constant<int, T>{}) with T = tokens for 1..7 and T = 8 beyond (the callers pass at
    // most 8): the kernels keep one accumulator per token in registers, so the count is a compile-time constant.
    template <class F>
    static void withTokenCount(int64_t tokens, F&& f) {
        switch (tokens) {
        case 1:
            return f(std::integral_constant<int, 1>{});
        case 2:
            return f(std::integral_constant<int, 2>{});
        case 3:
            return f(std::integral_constant<int, 3>{});
        case 4:
            return f(std::integral_constant<int, 4>{});
        case 5:
            return f(std::integral_constant<int, 5>{});
        case 6:
            return f(std::integral_constant<int, 6>{});
        case 7:
            return f(std::integral_constant<int, 7>{});
        default:
            return f(std::integral_constant<int, 8>{});
        }
    }

    static void pairKernel(const PreparedBlockK* w, int64_t blocks, const GemmActivationQ8K* act, int64_t tokens,
                           float* y, int64_t ldy) {
        withTokenCount(tokens, [&](auto t) { rowPair<decltype(t)::value>(w, blocks, act, y, ldy); });
    }

    static void kernel(const PreparedBlockK* w, int64_t blocks, const GemmActivationQ8K* act, int64_t tokens,
                       float* y, int64_t ldy) {
        withTokenCount(tokens, [&](auto t) { row<decltype(t)::value>(w, blocks, act, y, ldy); });
    }
};
