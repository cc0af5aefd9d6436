#pragma once
// Matrix products of the forward pass: Y = X · Wᵀ, where X holds one row of activations per token and W
// holds one row per output, in any type the quantization core can dequantize (rows stay in their stored
// form; small blocks of them are unpacked to F32 next to the arithmetic).
//
// A blocked driver packs both operands into cache-sized panels and runs a register-tiled micro-kernel;
// a few tokens take fused matrix-vector kernels instead (see matvec()). Kernels: portable scalar ones
// (the reference path, also the fallback on CPUs without the SIMD sets) and AVX2+FMA / AVX-512 ones
// chosen at run time. They differ only in float summation order; row unpacking is exact on every path.
#include <cstdint>
#include <span>
#include <vector>

#include "qf/ggml_type.h"
#include "qf/quant/kernels.h"

namespace qf::eval {

using quant::KernelPath;

// Rows of a matrix in a ggml type: row r starts at data + r * rowBytes (rowBytes may exceed the packed
// size, e.g. a slice of the KV cache).
struct RowMatrix {
    GgmlType type = GgmlType::F32;
    const uint8_t* data = nullptr;
    uint64_t rowBytes = 0;
    int64_t rows = 0;
    int64_t cols = 0;

    static RowMatrix f32(const float* data, int64_t rows, int64_t cols, int64_t stride) {
        return {GgmlType::F32, reinterpret_cast<const uint8_t*>(data), uint64_t(stride) * 4, rows, cols};
    }
};

// Paths compiled in and usable here, reference first, best last.
std::vector<KernelPath> matmulPaths();
// The path products use: the best one, or the reference when quant::forceReferencePath(true) or
// QF_FORCE_REFERENCE=1 asks for it.
KernelPath activeMatmulPath();

// y[t][n] = sum_k x[t][k] * w[n][k] for t < tokens, n < w.rows; x rows are w.cols long, ldx apart; y rows
// ldy apart. Splits the outputs across `threads` threads (1 = run on the caller only); every output is
// computed by one thread in a fixed order, so results do not depend on the thread count.
// Up to kMatVecMaxTokens tokens (generation, short chunks) take the matrix-vector path, more the GEMM.
void matmul(KernelPath path, const RowMatrix& w, const float* x, int64_t ldx, int64_t tokens, float* y,
            int64_t ldy, unsigned threads);
inline void matmul(const RowMatrix& w, const float* x, int64_t ldx, int64_t tokens, float* y, int64_t ldy,
                   unsigned threads) {
    matmul(activeMatmulPath(), w, x, ldx, tokens, y, ldy, threads);
}

// The two ways of computing the product (they differ only in float summation order, ~1e-6 relative):
//  - gemm(): the blocked GEMM. Unpacks each weight row once per call into interleaved panels and reuses
//    them across all tokens. Up to 4 tokens it reads the activations in place (no padding rows), and a
//    token's outputs have the same bits whatever the number of tokens in the call.
//  - matvec(): fused unpack-and-dot kernels, no packing. Each weight row is unpacked in L1-sized pieces
//    and dotted with the activations of up to 4 tokens at a time (rows unpacked again per 4 tokens).
// matmul() takes matvec() up to kMatVecMaxTokens tokens. bench_matmul --threshold (1.1B shapes,
// 2 threads, AVX-512): one token 2-4x faster than gemm(), even at 8 tokens, gemm() ahead from 12.
inline constexpr int64_t kMatVecMaxTokens = 4;
void gemm(KernelPath path, const RowMatrix& w, const float* x, int64_t ldx, int64_t tokens, float* y,
          int64_t ldy, unsigned threads);
void matvec(KernelPath path, const RowMatrix& w, const float* x, int64_t ldx, int64_t tokens, float* y,
            int64_t ldy, unsigned threads);

// The type llama.cpp's CPU backend converts activations to before multiplying them with weights of
// `weightType` (ggml's vec_dot_type): F16 for F16, BF16 for BF16, Q8_0 for Q4_0/Q5_0/Q8_0/IQ4_NL, Q8_1 for
// Q4_1/Q5_1, Q8_K for the K-quants and IQ4_XS; F32 (no conversion) otherwise.
GgmlType ggmlActivationType(GgmlType weightType);

// Writes to `out` the values the activations take after that conversion (e.g. q * d of each Q8_K block),
// so that an F32 product sees what ggml's dot products see. `out` may equal `x` when ldo == ldx.
void roundActivations(GgmlType weightType, const float* x, int64_t ldx, int64_t rows, int64_t cols,
                      float* out, int64_t ldo);

// The product as ggml's vec_dot functions compute it: the activations quantized to ggmlActivationType()
// blocks (the values roundActivations() gives), integer products summed per block, block scales applied
// in float. Returns false, writing nothing, when `path` has no integer kernel for w.type (or its rows are
// not whole blocks). Meant for a few tokens (each token reads the row again, from L1). Results differ
// from the F32 product of the rounded activations only in float summation order, and do not depend on
// the thread count or on how many tokens share the call.
bool hasQuantizedDot(KernelPath path, GgmlType type);
bool quantizedMatvec(KernelPath path, const RowMatrix& w, const float* x, int64_t ldx, int64_t tokens, float* y,
                     int64_t ldy, unsigned threads, std::vector<float>& scratch);

// Several quantizedMatvec() products handed to the threads at once (one wake-up instead of one per product,
// as the experts of a token need); products reading the same activations (same x, ldx, tokens and
// activation type) quantize them once. Returns false, writing nothing, when any product has no integer
// kernel. Every output has quantizedMatvec()'s bits.
struct MatvecJob {
    const RowMatrix* w;
    const float* x;
    int64_t ldx;
    int64_t tokens;
    float* y;
    int64_t ldy;
};
bool quantizedMatvecs(KernelPath path, std::span<const MatvecJob> jobs, unsigned threads, std::vector<float>& scratch);

// The same integer products for many tokens (K-quant weights): the activations are quantized once, each
// weight row is unpacked once per call and reused by up to 8 tokens at a time. Returns false, writing
// nothing, when `path` has no integer GEMM for w.type. Results differ from the F32 product of the rounded
// activations only in float rounding (~1e-6 relative) and do not depend on the thread count.
bool hasQuantizedGemm(KernelPath path, GgmlType type);
bool quantizedGemm(KernelPath path, const RowMatrix& w, const float* x, int64_t ldx, int64_t tokens, float* y,
                   int64_t ldy, unsigned threads);

// The product as llama.cpp's CPU backend computes it: quantizedMatvec() for up to kMatVecMaxTokens tokens
// and quantizedGemm() for more where there is an integer kernel, else roundActivations() into `scratch`,
// then matmul().
void ggmlMatmul(const RowMatrix& w, const float* x, int64_t ldx, int64_t tokens, float* y, int64_t ldy,
                unsigned threads, std::vector<float>& scratch);

} // namespace qf::eval
