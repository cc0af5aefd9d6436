#pragma once
// Quantization kernels: float rows to ggml block formats and back, byte-identical to llama.cpp's ggml
// (ggml_quantize_chunk as of llama.cpp c392e509). Every type has one scalar reference that defines the
// bytes; SIMD paths (chosen at run time from what this CPU and OS support) produce the same bytes faster.
//
// Supported: F32, F16, BF16, Q4_0, Q4_1, Q5_0, Q5_1, Q8_0, Q2_K, Q3_K, Q4_K, Q5_K, Q6_K, IQ4_NL, IQ4_XS,
// MXFP4 (reference only: a nearest-code search per value, already fast).
// IQ2_XXS, IQ2_XS, IQ2_S, IQ3_XXS, IQ3_S, IQ1_S, IQ1_M, TQ1_0, TQ2_0, Q1_0, Q2_0 (as of llama.cpp v0.5.0).
// Importance weights (an imatrix row: one weight per column) follow ggml exactly:
//  - Q4_0..Q5_1 and the K-quants use a different, weighted search when weights are given;
//  - Q8_0, MXFP4, F32, F16 and BF16 ignore them;
//  - IQ4_NL and IQ4_XS always run their weighted search (weights x*x when none are given);
//  - IQ2_XXS, IQ2_XS and IQ1_S cannot be made without them (requiresImportance());
//  - TQ1_0, TQ2_0, Q1_0 and Q2_0 ignore them.
// Kernels are single-threaded and thread-safe; callers split rows across threads.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "qf/ggml_type.h"

namespace qf::quant {

enum class KernelPath { Reference, Avx2, Avx512, Neon };

std::string_view kernelPathName(KernelPath path);

bool canQuantize(GgmlType type);
bool canDequantize(GgmlType type);
// Types ggml refuses to quantize without importance weights; quantizeRows writes nothing for them then.
bool requiresImportance(GgmlType type);

// Quantizes nrows rows of rowLen floats (rows contiguous) into dst, rows contiguous. importance: rowLen
// weights or nullptr. rowLen must be a multiple of the type's block size (the caller checks). dst must
// hold ggmlRowBytes(type, rowLen) * nrows bytes and be 2-byte aligned. Returns the bytes written; 0 (and
// nothing written) for a type that cannot be quantized, a row length that is not a whole number of blocks,
// or no importance for a type that requires it.
size_t quantizeRows(GgmlType type, const float* src, void* dst, int64_t nrows, int64_t rowLen,
                    const float* importance);
// The same on a specific path; a path that is not available runs the reference instead.
size_t quantizeRows(KernelPath path, GgmlType type, const float* src, void* dst, int64_t nrows,
                    int64_t rowLen, const float* importance);

// Converts n values (a multiple of the block size) of type back to float. Also F32/F16/BF16.
void dequantizeRow(GgmlType type, const void* src, float* dst, int64_t n);

// Paths compiled into this build AND usable on this CPU and OS, Reference first, best last.
std::vector<KernelPath> availablePaths();
// The path quantizeRows(type, ...) uses: the best available one, or Reference when forced by
// forceReferencePath(true) or by the environment variable QF_FORCE_REFERENCE=1 (which the function cannot
// undo).
KernelPath activePath();
void forceReferencePath(bool force);

} // namespace qf::quant
