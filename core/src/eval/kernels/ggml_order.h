#pragma once
// Arithmetic in the exact order of llama.cpp's CPU backend (ggml-cpu as built for an x86 CPU with
// AVX-512, the configuration llama-perplexity runs with here), for the parts of the forward pass whose
// rounding a mixture-of-experts model amplifies: a router that sees a logit move by one ulp may choose
// another expert, and the token's whole output changes. Every path (reference, AVX2, AVX-512) gives the
// same bits; only the speed differs.
//
//  - F16 products. ggml converts the activations to F16 and then either runs llamafile's tinyBLAS (a
//    dense product of two or more tokens whose row count is a multiple of 4 and depth a multiple of 16):
//    one 16-lane accumulator per output, lane l sums the products of depths l, l+16, ... with fused
//    multiply-adds, then the lanes are added in _mm512_reduce_add_ps's tree; or ggml_vec_dot_f16 (one
//    token, expert products, other shapes): four 16-lane accumulators over 64 depths at a time, added
//    (0+2, 1+3, then the two), reduced by the same tree into a double, depths past the last multiple of
//    64 added one by one in double.
//  - Softmax (ggml_vec_soft_max_f32): ggml's vector exp (ggml_v_expf) on 16 values at a time, each group
//    summed by the tree in float and added to a double; the last n % 16 values through expf.
//  - SwiGLU (ggml_vec_swiglu_f32): x / (1 + ggml_v_expf(-x)) * g on 16 values at a time, the rest
//    through expf.
//  - MXFP4 experts: ggml repacks them for AVX2 CPUs (8 rows interleaved when the expert has a multiple
//    of 8 rows) and multiplies with Q8_0 activations block by block, each block's integer sum added to
//    the output with one fused multiply-add by (weight scale x activation scale).
#include <cstdint>
#include <vector>

#include "qf/eval/matmul.h"

namespace qf::eval {

enum class GgmlDotOrder { TinyBlas, VecDot };

// The order ggml uses for a dense product (ggml_mul_mat) of `rows` F16 rows of depth `depth` with
// `tokens` tokens. Expert products (ggml_mul_mat_id) always use VecDot.
GgmlDotOrder ggmlDenseOrder(int64_t rows, int64_t depth, int64_t tokens);

// y[t * ldy + r] = w[r] · x[t] in `order`, for r < w.rows, t < tokens. w is F16 or F32 (then holding
// F16 values, as the KV cache does); x holds values already rounded to F16. `zeroPadded`: the depth is
// taken as padded with zero products to a whole accumulator width (ggml's padded KV cache), instead of
// ggml_vec_dot_f16's scalar tail.
void ggmlF16Product(GgmlDotOrder order, const RowMatrix& w, const float* x, int64_t ldx, int64_t tokens,
                    float* y, int64_t ldy, unsigned threads, bool zeroPadded = false);

// ggml_vec_soft_max_f32: out[i] = exp(x[i] - max); returns their sum.
double ggmlSoftmaxExp(const float* x, float max, float* out, int64_t n);

// ggml_vec_swiglu_f32: y[i] = silu(x[i]) * g[i]. y may equal x.
void ggmlSwiglu(const float* x, const float* g, float* y, int64_t n);

// Whether ggml repacks an MXFP4 expert of `rows` rows x `depth` (AVX2 CPUs, rows a multiple of 8).
bool ggmlRepacksMxfp4(int64_t rows, int64_t depth);
// The MXFP4 product in the repacked order (see above); x in F32, quantized to Q8_0 here.
void ggmlMxfp4RepackedProduct(const RowMatrix& w, const float* x, int64_t ldx, int64_t tokens, float* y,
                              int64_t ldy, unsigned threads);

// llama.cpp's CPU flash attention for one query row (ggml_compute_forward_flash_attn_ext_tiled, used
// for batches of 64 or more queries): the query in F32, keys and values in F16 (given as F32 rows of F16
// values), KV tiles of 64 with an online softmax, probabilities kept in F32. Positions [first, visible)
// are seen. `softcap` 0: none.
struct FlashAttentionRow {
    const float* query;        // dk values
    const float* keys;         // key j at keys + j * keyStride
    int64_t keyStride;
    const float* values;       // value c of position j at values + c * valueStride + j (transposed cache)
    int64_t valueStride;
    int64_t dk, dv, first, visible;
    float scale, softcap;
    const float* sink;         // nullptr: none
};
void ggmlFlashAttentionRow(const FlashAttentionRow& row, float* out);

namespace detail {

// One path's kernels of the above.
struct GgmlOrderKernels {
    // Rows [r0, r1) of ggmlF16Product.
    void (*f16Rows)(GgmlDotOrder order, const RowMatrix& w, int64_t r0, int64_t r1, const float* x, int64_t ldx,
                    int64_t tokens, float* y, int64_t ldy, bool zeroPadded);
    double (*softmaxExp)(const float* x, float max, float* out, int64_t n);
    void (*swiglu)(const float* x, const float* g, float* y, int64_t n);
    // Flash attention's tile products (simd_gemm: one fused chain per output over the inner index, in
    // order): kq[j] = sum_d q[d] * kT[d * 64 + j] for j < 64; vkq[c] += sum_j kq[j] * v[j * dv + c] for c < dv
    // (dv a multiple of 16).
    void (*faKq)(const float* q, const float* kT, int64_t dk, float* kq);
    void (*faVkq)(const float* kq, const float* v, int64_t dv, float* vkq);
};

const GgmlOrderKernels& referenceGgmlOrderKernels();
#if defined(QF_HAVE_X86_KERNELS)
const GgmlOrderKernels& avx2GgmlOrderKernels();
const GgmlOrderKernels& avx512GgmlOrderKernels();
#endif

} // namespace detail
} // namespace qf::eval
