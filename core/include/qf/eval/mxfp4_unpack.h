#pragma once
// MXFP4 weights (gpt-oss's experts, ggml type 39) to F32 for the forward pass. The reference is the
// quantization core's dequantizer; the AVX2, AVX-512 and NEON versions give the same bits. matmul() and
// matvec() already unpack MXFP4 rows through these (the instruction sets' row conversions call them);
// call unpackMxfp4() directly to expand an expert's rows yourself.
#include <cstdint>

#include "qf/quant/kernels.h"

namespace qf::eval {

// Writes the values of n MXFP4-coded weights (n a multiple of 32; src holds n / 32 blocks of 17 bytes)
// to dst, on `path` (the reference when that path is not usable on this CPU).
void unpackMxfp4(quant::KernelPath path, const uint8_t* src, float* dst, int64_t n);

} // namespace qf::eval
