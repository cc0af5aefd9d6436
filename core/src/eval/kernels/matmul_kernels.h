#pragma once
// The per-instruction-set parts of the forward pass: register-tiled micro-kernels, fast row conversions,
// the fused matrix-vector row kernel and the element-wise VectorOps; each path lists them in its record
// of quant/kernel_table.h. The shared code of the sets is
// written once over a lane type: dequantize_lanes.h, small_kernel_lanes.h, matvec_lanes.h. The blocked driver
// (matmul.cpp) packs the operands so that every kernel reads both sequentially:
//   A panel (activations): MR rows interleaved, ap[k * MR + i] = x[row0 + i][k0 + k]
//   B panel (weights):     NR rows interleaved, bp[k * NR + j] = w[col0 + j][k0 + k]
#include <cstdint>

#include "qf/ggml_type.h"
#include "qf/quant/kernels.h"

namespace qf::eval {

// Element-wise helpers of the forward pass and of the log-softmax statistics, one set per kernel path
// (PathKernels::vector): the reference set defines the values; the AVX2 / AVX-512 sets compute the same
// ones (exp to within 2 ulp, the half-precision rounding exactly).
struct VectorOps {
    // Largest value (n >= 1).
    float (*maxOf)(const float* x, int64_t n) = nullptr;
    // out[i] = e^(x[i] - shift); returns their sum. out may equal x. Results below e^-87 are 0.
    double (*expShifted)(const float* x, float shift, float* out, int64_t n) = nullptr;
    // x[i] = the nearest half-precision value (ties to even), as F16C and ggml round.
    void (*roundToHalf)(float* x, int64_t n) = nullptr;
};

} // namespace qf::eval

namespace qf::eval::detail {

// c[i][j] = (accumulate ? c[i][j] : 0) + sum_k ap[k*MR + i] * bp[k*NR + j] for the full MR x NR tile;
// c rows are ldc floats apart.
using MicroKernelFn = void (*)(int64_t kc, const float* ap, const float* bp, float* c, int64_t ldc,
                               bool accumulate);
// The micro-kernel for 1..kSmallKernelTokens tokens (small_kernel_lanes.h): c[t][j] as above for t < tokens,
// with activations read in place (x rows ldx apart) instead of from a packed panel. Same bits per output
// as MicroKernelFn.
using SmallKernelFn = void (*)(int64_t kc, int64_t tokens, const float* x, int64_t ldx, const float* bp,
                               float* c, int64_t ldc, bool accumulate);
inline constexpr int kSmallKernelTokens = 4;
// Converts n values (whole blocks) of a row of one type to F32 (the path record's unpacker of the type:
// its own where it has one, else the quantization core's dequantizer).
using UnpackRowFn = void (*)(const void* src, float* dst, int64_t n);

// The matrix-vector path for a few tokens: y[t * ldy] = sum_k w[k] * x[t * ldx + k] for t < tokens, one
// weight row of n values; chunkBytes = ggmlRowBytes(type, kMatVecChunk). Unpacks kMatVecChunk values at a
// time into a buffer that stays in L1 and accumulates them into every token's sums (AVX2 and AVX-512 unpack
// Q4_K and Q6_K straight into registers instead, with the same bits); the row is unpacked once per
// kMatVecTokens tokens.
using MatVecRowFn = void (*)(GgmlType type, UnpackRowFn unpack, const uint8_t* row, uint64_t chunkBytes, int64_t n,
                             const float* x, int64_t ldx, int64_t tokens, float* y, int64_t ldy);
// A multiple of 256, so that every chunk of a quantized row starts on a block boundary.
inline constexpr int64_t kMatVecChunk = 512;
inline constexpr int kMatVecTokens = 4;

// The integer dot product of a weight type with its quantized activations (quantized_dot.h), or nullptr
// when the set has none for the type.
using QuantizedDotFn = float (*)(const uint8_t* row, const void* act, int64_t n);
using QuantizedDotLookupFn = QuantizedDotFn (*)(GgmlType type);
// The integer GEMM of many tokens (quantized_dot.h): a row preparer per type and the kernel (nullptr:
// the set has none, the caller takes the F32 GEMM of the rounded activations).
struct PreparedBlockK;
struct GemmActivationQ8K;
using PrepareRowFn = void (*)(const uint8_t* row, int64_t n, PreparedBlockK* out);
using PrepareRowLookupFn = PrepareRowFn (*)(GgmlType type);
using QuantizedGemmFn = void (*)(const PreparedBlockK* w, int64_t blocks, const GemmActivationQ8K* act,
                                 int64_t tokens, float* y, int64_t ldy);

} // namespace qf::eval::detail
