#pragma once
// The matrix-vector row kernel (MatVecRowFn of matmul_kernels.h) written once over an Ops type of N float
// lanes, included inside each instruction set's namespace after it defines Ops:
//   N; F; F zero(); F load(const float*) (aligned to 4 * N bytes); F loadu(const float*);
//   F madd(F a, F b, F acc) (acc + a * b, fused or not); F add(F, F); float sum(F);
// and optionally `struct Fused { template <class Body> static bool with(GgmlType, Body&& body); }`, which
// calls body(Unpack{}) for the types the set unpacks straight into registers, where Unpack has
//   kBlockValues, kBlockBytes, kStepValues (= kChains * N) and
//   static void step(const uint8_t* block, int s, F* w) (values [s * kStepValues, +kStepValues) of a block)
// and returns false for the others.
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
    static void dotRow(UnpackRowFn unpack, const uint8_t* row, uint64_t chunkBytes, int64_t n, const float* x,
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
            unpack(src, buf, kc);
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
        finish<T, U>(acc, tail, y, ldy);
    }

    template <int T, int U>
    static void finish(F (&acc)[T][U], const float (&tail)[T], float* y, int64_t ldy) {
        for (int t = 0; t < T; ++t) {
            F s = acc[t][0];
            for (int u = 1; u < U; ++u)
                s = Ops::add(s, acc[t][u]);
            y[t * ldy] = Ops::sum(s) + tail[t];
        }
    }

    // dotRow without the L1 buffer: the weights go from the row's bytes into registers, U * N values at a
    // time. Value k still goes to chain (k / N) % U in the same order (a block never straddles a chunk and
    // holds whole steps), so the bits are dotRow's.
    template <int T, int U, class Unpack>
    static void dotRowFused(const uint8_t* row, int64_t n, const float* x, int64_t ldx, float* y,
                            int64_t ldy) {
        static_assert(Unpack::kStepValues == U * N && kMatVecChunk % Unpack::kBlockValues == 0);
        F acc[T][U];
        const float tail[T] = {};
        for (int t = 0; t < T; ++t)
            for (int u = 0; u < U; ++u)
                acc[t][u] = Ops::zero();
        const uint8_t* block = row;
        for (int64_t k0 = 0; k0 < n; k0 += Unpack::kBlockValues, block += Unpack::kBlockBytes) {
            // Unrolled, so that each step's choices (nibble, shifts, scale index) are constants.
#pragma GCC unroll 8
            for (int s = 0; s < Unpack::kBlockValues / Unpack::kStepValues; ++s) {
                F w[U];
                Unpack::step(block, s, w);
                const float* xk = x + k0 + s * Unpack::kStepValues;
                for (int t = 0; t < T; ++t)
                    for (int u = 0; u < U; ++u)
                        acc[t][u] = Ops::madd(w[u], Ops::loadu(xk + t * ldx + u * N), acc[t][u]);
            }
        }
        finish<T, U>(acc, tail, y, ldy);
    }

    template <int T>
    static void dotRowAny(GgmlType type, UnpackRowFn unpack, const uint8_t* row, uint64_t chunkBytes, int64_t n, const float* x,
                          int64_t ldx, float* y, int64_t ldy) {
        if constexpr (requires { typename Ops::Fused; }) {
            const bool fused = Ops::Fused::with(type, [&](auto steps) {
                dotRowFused<T, kChains, decltype(steps)>(row, n, x, ldx, y, ldy);
            });
            if (fused) return;
        }
        dotRow<T, kChains>(unpack, row, chunkBytes, n, x, ldx, y, ldy);
    }

    static void row(GgmlType type, UnpackRowFn unpack, const uint8_t* row, uint64_t chunkBytes, int64_t n, const float* x,
                    int64_t ldx, int64_t tokens, float* y, int64_t ldy) {
        for (int64_t t0 = 0; t0 < tokens; t0 += kMatVecTokens) {
            const float* xt = x + t0 * ldx;
            float* yt = y + t0 * ldy;
            static_assert(kMatVecTokens == 4);
            switch (tokens - t0 < kMatVecTokens ? tokens - t0 : kMatVecTokens) {
            case 1:
                dotRowAny<1>(type, unpack, row, chunkBytes, n, xt, ldx, yt, ldy);
                break;
            case 2:
                dotRowAny<2>(type, unpack, row, chunkBytes, n, xt, ldx, yt, ldy);
                break;
            case 3:
                dotRowAny<3>(type, unpack, row, chunkBytes, n, xt, ldx, yt, ldy);
                break;
            default:
                dotRowAny<4>(type, unpack, row, chunkBytes, n, xt, ldx, yt, ldy);
                break;
            }
        }
    }
};
