#pragma once
// The per-instruction-set parts of the forward pass: a register-tiled micro-kernel, fast row conversions
// and the element-wise VectorOps. The blocked driver (matmul.cpp) packs the operands so that every kernel
// reads both sequentially:
//   A panel (activations): MR rows interleaved, ap[k * MR + i] = x[row0 + i][k0 + k]
//   B panel (weights):     NR rows interleaved, bp[k * NR + j] = w[col0 + j][k0 + k]
#include <cstdint>

#include "qf/eval/vector_ops.h"
#include "qf/ggml_type.h"
#include "qf/quant/kernels.h"

namespace qf::eval::detail {

// c[i][j] = (accumulate ? c[i][j] : 0) + sum_k ap[k*MR + i] * bp[k*NR + j] for the full MR x NR tile;
// c rows are ldc floats apart.
using MicroKernelFn = void (*)(int64_t kc, const float* ap, const float* bp, float* c, int64_t ldc,
                               bool accumulate);
// Converts n values (whole blocks) of a row to F32 when this set has a fast path for the type; returns
// false to let the caller use the quantization core's dequantizer.
using ConvertRowFn = bool (*)(GgmlType type, const uint8_t* src, float* dst, int64_t n);

struct GemmKernelSet {
    int mr;
    int nr;
    MicroKernelFn kernel;
    ConvertRowFn convert;
};

// Whether this build and CPU can run a path's kernels.
bool pathUsable(quant::KernelPath path);

const GemmKernelSet& referenceGemmKernels();
const VectorOps& referenceVectorOps();
#if defined(QF_HAVE_X86_KERNELS)
// Only call these when pathUsable() says the CPU has their instruction sets.
const GemmKernelSet& avx2GemmKernels();
const GemmKernelSet& avx512GemmKernels();
const VectorOps& avx2VectorOps();
const VectorOps& avx512VectorOps();
// Dequantizers of the commonest quantized types (same values as quant::dequantizeRow); false for others.
bool avx2Dequantize(GgmlType type, const uint8_t* src, float* dst, int64_t n);
bool avx512Dequantize(GgmlType type, const uint8_t* src, float* dst, int64_t n);
#endif

} // namespace qf::eval::detail
