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

    static void kernel(const PreparedBlockK* w, int64_t blocks, const GemmActivationQ8K* act, int64_t tokens,
                       float* y, int64_t ldy) {
        switch (tokens) {
        case 1:
            return row<1>(w, blocks, act, y, ldy);
        case 2:
            return row<2>(w, blocks, act, y, ldy);
        case 3:
            return row<3>(w, blocks, act, y, ldy);
        case 4:
            return row<4>(w, blocks, act, y, ldy);
        case 5:
            return row<5>(w, blocks, act, y, ldy);
        case 6:
            return row<6>(w, blocks, act, y, ldy);
        case 7:
            return row<7>(w, blocks, act, y, ldy);
        default:
            return row<8>(w, blocks, act, y, ldy);
        }
    }
};
