#pragma once
// The matrix-vector row kernel (MatVecRowFn of matmul_kernels.h) written once over an Ops type of N float
// lanes, included inside each instruction set's namespace after it defines Ops:
//   N; F; F zero(); F load(const float*) (aligned to 4 * N bytes); F loadu(const float*);
//   F madd(F a, F b, F acc) (acc + a * b, fused or not); F add(F, F); float sum(F);
//   bool convert(GgmlType, const uint8_t* src, float* dst, int64_t n) (the set's fast row unpacking)
// Each token keeps kChains vector sums over the whole row (independent chains hide the latency of the
// multiply-adds); a row's result depends only on the row and the activations, never on threads.
// Like dequantize_lanes.h it calls no inline function shared with baseline code (hence no std::min and
// no ggmlRowBytes: the caller passes the bytes of one chunk).
template <class Ops> struct MatVecLanes {
    using F = typename Ops::F;
    static constexpr int N = Ops::N;
    // The same for every token count, so that a token's result does not depend on how many tokens share
    // its call (generation one at a time gives the same bits as the chunk it would have been part of).
    static constexpr int kChains = 4;

    template <int T, int U>
    static void dotRow(GgmlType type, const uint8_t* row, uint64_t chunkBytes, int64_t n, const float* x,
                       int64_t ldx, float* y, int64_t ldy) {
        alignas(64) float buf[kMatVecChunk];
        F acc[T][U];
        float tail[T];
        for (int t = 0; t < T; ++t) {
            tail[t] = 0.0f;
            for (int u = 0; u < U; ++u)
                acc[t][u] = Ops::zero();
        }
        const uint8_t* src = row;
        for (int64_t k0 = 0; k0 < n; k0 += kMatVecChunk, src += chunkBytes) {
            const int64_t kc = n - k0 < kMatVecChunk ? n - k0 : kMatVecChunk;
            if (!Ops::convert(type, src, buf, kc)) quant::dequantizeRow(type, src, buf, kc);
            const float* xk = x + k0;
            int64_t k = 0;
            for (; k + U * N <= kc; k += U * N) {
                F w[U];
                for (int u = 0; u < U; ++u)
                    w[u] = Ops::load(buf + k + u * N);
                for (int t = 0; t < T; ++t)
                    for (int u = 0; u < U; ++u)
                        acc[t][u] = Ops::madd(w[u], Ops::loadu(xk + t * ldx + k + u * N), acc[t][u]);
            }
            for (; k + N <= kc; k += N) {
                const F w = Ops::load(buf + k);
                for (int t = 0; t < T; ++t)
                    acc[t][0] = Ops::madd(w, Ops::loadu(xk + t * ldx + k), acc[t][0]);
            }
            for (; k < kc; ++k)
                for (int t = 0; t < T; ++t)
                    tail[t] += buf[k] * xk[t * ldx + k];
        }
        for (int t = 0; t < T; ++t) {
            F s = acc[t][0];
            for (int u = 1; u < U; ++u)
                s = Ops::add(s, acc[t][u]);
            y[t * ldy] = Ops::sum(s) + tail[t];
        }
    }

    static void row(GgmlType type, const uint8_t* row, uint64_t chunkBytes, int64_t n, const float* x,
                    int64_t ldx, int64_t tokens, float* y, int64_t ldy) {
        for (int64_t t0 = 0; t0 < tokens; t0 += kMatVecTokens) {
            const float* xt = x + t0 * ldx;
            float* yt = y + t0 * ldy;
            static_assert(kMatVecTokens == 4);
            switch (tokens - t0 < kMatVecTokens ? tokens - t0 : kMatVecTokens) {
            case 1:
                dotRow<1, kChains>(type, row, chunkBytes, n, xt, ldx, yt, ldy);
                break;
            case 2:
                dotRow<2, kChains>(type, row, chunkBytes, n, xt, ldx, yt, ldy);
                break;
            case 3:
                dotRow<3, kChains>(type, row, chunkBytes, n, xt, ldx, yt, ldy);
                break;
            default:
                dotRow<4, kChains>(type, row, chunkBytes, n, xt, ldx, yt, ldy);
                break;
            }
        }
    }
};
