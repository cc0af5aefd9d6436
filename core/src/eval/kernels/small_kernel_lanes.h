#pragma once
// The GEMM micro-kernel for a few tokens (SmallKernelFn of matmul_kernels.h), written once over an Ops
// type of N float lanes and included inside each instruction set's namespace after it defines Ops:
//   N; NR (the set's tile width, a multiple of N); F; F zero(); F loadu(const float*); F set1(float);
//   F madd(F a, F b, F acc) (exactly as the set's full kernel computes acc + a * b);
//   void finish(float* c, F acc, bool accumulate) (exactly as the full kernel stores a tile row)
// It reads the activations in place instead of a packed MR-row panel and computes only the token rows
// that exist, but every output is the same chain of operations as in the full kernel (one sum per
// output, in depth order, from zero), so the GEMM's result for a token does not depend on how many
// tokens share the product: generation one token at a time gives the bits of a whole chunk.

template <class Ops> struct SmallKernelLanes {
    using F = typename Ops::F;
    static constexpr int N = Ops::N;
    static constexpr int V = Ops::NR / N; // vectors per tile row

    template <int T>
    static void tile(int64_t kc, const float* x, int64_t ldx, const float* bp, float* c, int64_t ldc,
                     bool accumulate) {
        F acc[T][V];
        for (int t = 0; t < T; ++t)
            for (int v = 0; v < V; ++v)
                acc[t][v] = Ops::zero();
        for (int64_t k = 0; k < kc; ++k, bp += Ops::NR) {
            F b[V];
            for (int v = 0; v < V; ++v)
                b[v] = Ops::loadu(bp + v * N);
            for (int t = 0; t < T; ++t) {
                const F a = Ops::set1(x[t * ldx + k]);
                for (int v = 0; v < V; ++v)
                    acc[t][v] = Ops::madd(a, b[v], acc[t][v]);
            }
        }
        for (int t = 0; t < T; ++t)
            for (int v = 0; v < V; ++v)
                Ops::finish(c + t * ldc + v * N, acc[t][v], accumulate);
    }

    static void kernel(int64_t kc, int64_t tokens, const float* x, int64_t ldx, const float* bp, float* c,
                       int64_t ldc, bool accumulate) {
        static_assert(kSmallKernelTokens == 4);
        switch (tokens) {
        case 1:
            tile<1>(kc, x, ldx, bp, c, ldc, accumulate);
            break;
        case 2:
            tile<2>(kc, x, ldx, bp, c, ldc, accumulate);
            break;
        case 3:
            tile<3>(kc, x, ldx, bp, c, ldc, accumulate);
            break;
        default:
            tile<4>(kc, x, ldx, bp, c, ldc, accumulate);
            break;
        }
    }
};
