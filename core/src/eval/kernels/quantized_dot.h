#pragma once
// Integer dot products of quantized weight rows with activations quantized to the weight type's
// vec_dot type (ggml's Q8_K or Q8_0 blocks), as llama.cpp's CPU backend computes them: the products of
// the small integers are summed exactly in integers per block, then scaled by the two block scales in
// float. The activations hold exactly the values roundActivations() gives, so the result differs from the
// F32 product of those values only in float summation order. Used for a few tokens (generation), where
// reading the weights once at integer speed is what counts.
#include <cstdint>

#include "matmul_kernels.h"
#include "qf/ggml_type.h"

namespace qf::eval::detail {

// One block of 256 activations as ggml's block_q8_K: value k = d * qs[k]; bsums[g] = sum of qs[16g..].
struct ActivationQ8K {
    float d;
    int8_t qs[256];
    int16_t bsums[16];
};
// One block of 32 activations as ggml's block_q8_0 (the scale already rounded through F16).
struct ActivationQ8_0 {
    float d;
    int8_t qs[32];
};

// Writes n / 256 (Q8_K) or n / 32 (Q8_0) blocks; n must be a multiple of the block size.
void quantizeActivationsQ8K(const float* x, ActivationQ8K* out, int64_t n);
void quantizeActivationsQ8_0(const float* x, ActivationQ8_0* out, int64_t n);

// QuantizedDotFn (matmul_kernels.h): sum_k w[k] * a[k] over a row of n values (whole blocks), `row` in the
// weight type, `act` the activation blocks of its vec_dot type. Each path's GemmKernelSet looks them up
// by type (nullptr: no integer kernel; the caller then takes the F32 product of the rounded activations).
QuantizedDotFn referenceQuantizedDot(GgmlType type);
#if defined(QF_HAVE_X86_KERNELS)
QuantizedDotFn avx2QuantizedDot(GgmlType type);
#endif

} // namespace qf::eval::detail
