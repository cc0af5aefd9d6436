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

// Writes n / 256 (Q8_K) or n / 32 (Q8_0) blocks; n must be a multiple of the block size. Q8_K takes the
// AVX-512 quantizer where the CPU has it (the reference's bytes, bit for bit).
void quantizeActivationsQ8K(const float* x, ActivationQ8K* out, int64_t n);
void referenceQuantizeActivationsQ8K(const float* x, ActivationQ8K* out, int64_t n);
#if defined(QF_HAVE_X86_KERNELS)
void avx512QuantizeActivationsQ8K(const float* x, ActivationQ8K* out, int64_t n); // only with AVX-512
#endif
void quantizeActivationsQ8_0(const float* x, ActivationQ8_0* out, int64_t n);

// QuantizedDotFn (matmul_kernels.h): sum_k w[k] * a[k] over a row of n values (whole blocks), `row` in the
// weight type, `act` the activation blocks of its vec_dot type. Each path lists its own in its record
// (quant/kernel_table.h: PathKernels::dot; nullptr: no integer kernel, the caller then takes the F32
// product of the rounded activations).

// The integer GEMM of many tokens (quantizedGemm) for the K-quants. Each weight row is unpacked once per
// call into PreparedBlockK blocks, which every kernel path reads the same way. The 256 values of a block
// sit in lane order: byte 64 i + 4 L + j holds value 16 L + 4 i + j, so that 32-bit lane L of each of the
// four 64-byte steps covers four values of the 16-value group L (one vpdpbusd per step sums them).
// The weight value at group g is dscales[g] * q - mins[g], so its dot with Q8_K activations dy * qa is
//   sum_g dy * dscales[g] * (sum_{k in g} q[k] * qa[k])  -  sum_g mins[g] * dy * (sum_{k in g} qa[k])
// with the inner sums exact in integers (unsigned codes times signed activation bytes) and the last
// factor read from GemmActivationQ8K::groupSums.
struct alignas(64) PreparedBlockK {
    uint8_t q[256];    // unsigned codes in lane order: Q4_K 0..15, Q5_K 0..31, Q6_K 0..63 (the value + 32)
    float dscales[16]; // d * the group's scale
    float mins[16];    // dmin * min (Q4_K, Q5_K), 32 * d * scale (Q6_K)
};
// One Q8_K block of a token's activations for the GEMM (the values of quantizeActivationsQ8K), in lane order.
struct alignas(64) GemmActivationQ8K {
    int8_t qs[256];
    float groupSums[16]; // d * (sum of the 16 values of group g)
    float d;
};
// Writes 256 bytes in natural order into lane order.
void toLaneOrder(const uint8_t* natural, uint8_t* out);
void quantizeGemmActivationsQ8K(const float* x, GemmActivationQ8K* out, int64_t n);

// PrepareRowFn (matmul_kernels.h) unpacks n values (whole blocks) of a weight row. QuantizedGemmFn:
// y[t * ldy] = the dot of one prepared row (`blocks` blocks) with token t's activations (act + t * blocks),
// for t < tokens <= kGemmTokens.
inline constexpr int kGemmTokens = 8;

// The row preparers are listed per type in the path records (quant/kernel_table.h: PathKernels::prepareRow);
// the scalar kernel and the SIMD paths' kernels:
void referenceQuantizedGemm(const PreparedBlockK* w, int64_t blocks, const GemmActivationQ8K* act, int64_t tokens,
                            float* y, int64_t ldy);
#if defined(QF_HAVE_X86_KERNELS)
void avx512QuantizedGemm(const PreparedBlockK* w, int64_t blocks, const GemmActivationQ8K* act,
                         int64_t tokens, float* y, int64_t ldy);
// The same with vpdpbusd (AVX-512 VNNI; only call when cpuFeatures().avx512vnni).
void avx512VnniQuantizedGemm(const PreparedBlockK* w, int64_t blocks, const GemmActivationQ8K* act,
                             int64_t tokens, float* y, int64_t ldy);
// Two adjacent prepared rows (w and w + blocks) into y[t * ldy] and y[t * ldy + 1], each output with the
// bits the one-row kernel gives it (the activations are loaded once for both rows).
void avx512QuantizedGemmPair(const PreparedBlockK* w, int64_t blocks, const GemmActivationQ8K* act,
                             int64_t tokens, float* y, int64_t ldy);
void avx512VnniQuantizedGemmPair(const PreparedBlockK* w, int64_t blocks, const GemmActivationQ8K* act,
                                 int64_t tokens, float* y, int64_t ldy);
#endif

} // namespace qf::eval::detail
