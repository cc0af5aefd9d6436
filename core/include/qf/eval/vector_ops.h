#pragma once
// Element-wise helpers of the forward pass and of the log-softmax statistics, one set per kernel path:
// the reference set defines the values; the AVX2 / AVX-512 sets compute the same ones (exp to within 2
// ulp, the half-precision rounding exactly).
#include <cstdint>

#include "qf/quant/kernels.h"

namespace qf::eval {

struct VectorOps {
    // Largest value (n >= 1).
    float (*maxOf)(const float* x, int64_t n);
    // out[i] = e^(x[i] - shift); returns their sum. out may equal x. Results below e^-87 are 0.
    double (*expShifted)(const float* x, float shift, float* out, int64_t n);
    // x[i] = the nearest half-precision value (ties to even), as F16C and ggml round.
    void (*roundToHalf)(float* x, int64_t n);
};

// The set of a path (the reference set when the path cannot run here), and that of activeMatmulPath().
const VectorOps& vectorOps(quant::KernelPath path);
const VectorOps& vectorOps();

} // namespace qf::eval
