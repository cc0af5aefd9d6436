// llama.cpp's CPU backend never multiplies F32 activations with quantized weights: it first converts the
// activations to the weight type's "vec_dot_type" (8-bit blocks for quantized weights, F16 for F16
// weights) and runs integer or half-precision dot products. That rounding is a real part of the
// result: on the shared model it adds ~6% to the mean KL divergence of Q4_K_M. To report what
// llama-perplexity reports, the forward pass rounds activations the same way (the values, not the
// arithmetic: products still run in F32). Formulas are those of ggml's x86 quantize_row_q8_0 (AVX path),
// quantize_row_q8_1 and quantize_row_q8_K (scalar reference, which x86 uses).
#include <algorithm>
#include <cmath>
#include <cstring>

#include "matmul_kernels.h"
#include "quant/kernel_table.h"
#include "qf/eval/matmul.h"
#include "qf/fp16.h"
#include "quant/quant_blocks.h"

namespace qf::eval {
namespace {

using quant::detail::nearestInt; // ggml's nearest_int

// Blocks of 32 with an F16 scale (Q8_0, and Q8_1 whose values are the same).
void roundQ8_0(const float* x, float* out, int64_t n) {
    for (int64_t b = 0; b < n; b += 32) {
        float maxAbs = 0.0f;
        for (int j = 0; j < 32; ++j)
            maxAbs = std::max(maxAbs, std::fabs(x[b + j]));
        const float d = fp16ToFp32(fp32ToFp16(maxAbs / 127.0f));
        const float id = maxAbs != 0.0f ? 127.0f / maxAbs : 0.0f;
        for (int j = 0; j < 32; ++j)
            out[b + j] = std::nearbyint(x[b + j] * id) * d;
    }
}

// Blocks of 256 with an F32 scale, signed by the element of largest magnitude.
void roundQ8_K(const float* x, float* out, int64_t n) {
    for (int64_t b = 0; b < n; b += 256) {
        float maxAbs = 0.0f, max = 0.0f;
        for (int j = 0; j < 256; ++j) {
            const float a = std::fabs(x[b + j]);
            if (a > maxAbs) {
                maxAbs = a;
                max = x[b + j];
            }
        }
        if (maxAbs == 0.0f) {
            std::fill(out + b, out + b + 256, 0.0f);
            continue;
        }
        const float iscale = -127.0f / max;
        const float d = 1 / iscale;
        for (int j = 0; j < 256; ++j)
            out[b + j] = float(std::min(127, nearestInt(iscale * x[b + j]))) * d;
    }
}

} // namespace

GgmlType ggmlActivationType(GgmlType weightType) {
    return dispatch::typeKernels(weightType).activationType;
}

void roundActivations(GgmlType weightType, const float* x, int64_t ldx, int64_t rows, int64_t cols,
                      float* out, int64_t ldo) {
    GgmlType type = ggmlActivationType(weightType);
    // Weight rows are whole blocks of the weight type, hence of its activation type; anything else is
    // not a product ggml would run, so it is left unrounded.
    if ((type == GgmlType::Q8_K && cols % 256 != 0) ||
        ((type == GgmlType::Q8_0 || type == GgmlType::Q8_1) && cols % 32 != 0))
        type = GgmlType::F32;
    for (int64_t r = 0; r < rows; ++r) {
        const float* src = x + r * ldx;
        float* dst = out + r * ldo;
        switch (type) {
        case GgmlType::F16:
            if (dst != src) std::memmove(dst, src, size_t(cols) * sizeof(float));
            dispatch::kernels().vector.roundToHalf(dst, cols);
            break;
        case GgmlType::BF16:
            for (int64_t i = 0; i < cols; ++i)
                dst[i] = bf16ToFp32(fp32ToBf16(src[i]));
            break;
        case GgmlType::Q8_0:
        case GgmlType::Q8_1:
            roundQ8_0(src, dst, cols);
            break;
        case GgmlType::Q8_K:
            roundQ8_K(src, dst, cols);
            break;
        default:
            if (dst != src) std::memmove(dst, src, size_t(cols) * sizeof(float));
        }
    }
}

void ggmlMatmul(const RowMatrix& w, const float* x, int64_t ldx, int64_t tokens, float* y, int64_t ldy,
                unsigned threads, std::vector<float>& scratch) {
    if (tokens <= kMatVecMaxTokens && quantizedMatvec(activeMatmulPath(), w, x, ldx, tokens, y, ldy, threads, scratch))
        return;
    if (tokens > kMatVecMaxTokens && quantizedGemm(activeMatmulPath(), w, x, ldx, tokens, y, ldy, threads)) return;
    if (ggmlActivationType(w.type) != GgmlType::F32) {
        scratch.resize(size_t(tokens * w.cols));
        roundActivations(w.type, x, ldx, tokens, w.cols, scratch.data(), w.cols);
        x = scratch.data();
        ldx = w.cols;
    }
    matmul(w, x, ldx, tokens, y, ldy, threads);
}

} // namespace qf::eval
