#pragma once
// The scalar reference quantizers (they define the bytes) and the pieces of them that the SIMD kernels
// reuse. A quantizer of a block-quantized type is split into a per-sub-block "search" (the expensive
// part, which SIMD kernels run one sub-block per lane) and a per-block "finish" (scale packing and the
// final rounding), which every path runs through the same scalar code below, except for the element-wise
// final rounding (RequantizeFn), which SIMD paths replace with an identical vector version.
#include <cstdint>

#include "quant_blocks.h"

namespace qf::quant::detail {

// Quantizes nrows rows of rowLen values, as ggml_quantize_chunk does for one type. importance: rowLen
// weights shared by all rows, or nullptr.
using QuantizeRowsFn = void (*)(const float* src, void* dst, int64_t nrows, int64_t rowLen,
                                const float* importance);
using DequantizeRowFn = void (*)(const void* src, float* dst, int64_t n);

// ---- reference quantizers (quant_legacy.cpp, quant_k_low.cpp, quant_k_high.cpp, quant_iq4.cpp) ----
void quantizeF32Ref(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* importance);
void quantizeF16Ref(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* importance);
void quantizeBF16Ref(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* importance);
void quantizeQ4_0Ref(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* importance);
void quantizeQ4_1Ref(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* importance);
void quantizeQ5_0Ref(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* importance);
void quantizeQ5_1Ref(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* importance);
void quantizeQ8_0Ref(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* importance);
void quantizeQ2KRef(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* importance);
void quantizeQ3KRef(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* importance);
void quantizeQ4KRef(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* importance);
void quantizeQ5KRef(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* importance);
void quantizeQ6KRef(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* importance);
void quantizeIq4NlRef(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* importance);
void quantizeIq4XsRef(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* importance);
// The codebook I-quants (quant_iq2.cpp, quant_iq3.cpp, quant_iq1.cpp). IQ2_XXS, IQ2_XS and IQ1_S need
// importance (never nullptr; see requiresImportance()).
void quantizeIq2XxsRef(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* importance);
void quantizeIq2XsRef(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* importance);
void quantizeIq2SRef(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* importance);
void quantizeIq3XxsRef(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* importance);
void quantizeIq3SRef(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* importance);
void quantizeIq1SRef(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* importance);
void quantizeIq1MRef(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* importance);
// Ternary and binary formats (quant_ternary.cpp); they ignore importance.
void quantizeTq1_0Ref(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* importance);
void quantizeTq2_0Ref(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* importance);
void quantizeQ1_0Ref(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* importance);
void quantizeQ2_0Ref(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* importance);

// ---- dequantizers ----
void dequantizeF32(const void* src, float* dst, int64_t n);
void dequantizeF16(const void* src, float* dst, int64_t n);
void dequantizeBF16(const void* src, float* dst, int64_t n);
void dequantizeQ4_0(const void* src, float* dst, int64_t n);
void dequantizeQ4_1(const void* src, float* dst, int64_t n);
void dequantizeQ5_0(const void* src, float* dst, int64_t n);
void dequantizeQ5_1(const void* src, float* dst, int64_t n);
void dequantizeQ8_0(const void* src, float* dst, int64_t n);
void dequantizeQ2K(const void* src, float* dst, int64_t n);
void dequantizeQ3K(const void* src, float* dst, int64_t n);
void dequantizeQ4K(const void* src, float* dst, int64_t n);
void dequantizeQ5K(const void* src, float* dst, int64_t n);
void dequantizeQ6K(const void* src, float* dst, int64_t n);
void dequantizeIq4Nl(const void* src, float* dst, int64_t n);
void dequantizeIq4Xs(const void* src, float* dst, int64_t n);
void dequantizeIq2Xxs(const void* src, float* dst, int64_t n);
void dequantizeIq2Xs(const void* src, float* dst, int64_t n);
void dequantizeIq2S(const void* src, float* dst, int64_t n);
void dequantizeIq3Xxs(const void* src, float* dst, int64_t n);
void dequantizeIq3S(const void* src, float* dst, int64_t n);
void dequantizeIq1S(const void* src, float* dst, int64_t n);
void dequantizeIq1M(const void* src, float* dst, int64_t n);
void dequantizeTq1_0(const void* src, float* dst, int64_t n);
void dequantizeTq2_0(const void* src, float* dst, int64_t n);
void dequantizeQ1_0(const void* src, float* dst, int64_t n);
void dequantizeQ2_0(const void* src, float* dst, int64_t n);

// ---- shared pieces ----

// Per-row variance term of the weighted legacy quantizers: sum(x^2) / n in ggml's order.
float rowMeanSquare(const float* x, int64_t n);
// sum of x^2 over one 256-value super-block, in order.
float superBlockSumSquares(const float* x);

// Weighted legacy blocks from a search result. levels are the search's levels (see quant_search.h).
void packQ4_0(float d, const int8_t* levels, BlockQ4_0* y);
void packQ5_0(float d, const int8_t* levels, BlockQ5_0* y);
void packQ4_1(float d, float negMin, const uint8_t* levels, BlockQ4_1* y);
void packQ5_1(float d, float negMin, const uint8_t* levels, BlockQ5_1* y);

// The last step of every K-quant and IQ4 block: with the scales stored (rounded), each value's level is
// recomputed from them. Element-wise, so SIMD paths substitute their own RequantizeFn; the plan is the same.
struct RequantPlan {
    enum class Kind : uint8_t {
        Linear, // level = clamp(nearestInt((x + add) / d), lo, hi) + offset; sub-blocks with d == 0 keep
                // theirs
        Iq4,    // level = bestIq4Index(d * x)
    };
    Kind kind = Kind::Linear;
    int subBlocks = 0;
    int subSize = 0;
    bool useAdd = false;
    int lo = 0, hi = 0, offset = 0;
    float d[16] = {};
    float add[16] = {};
};
using RequantizeFn = void (*)(const float* x, const RequantPlan& plan, uint8_t* levels);
void requantizeRef(const float* x, const RequantPlan& plan, uint8_t* levels);

// K-quant and IQ4 finishing: store the scales, requantize, pack. x: the 256 source values; levels: the 256
// search levels (overwritten; Q3_K and Q6_K store their signed levels with an offset, so bytes);
// scales/mins: the per-sub-block search results; subWeights: per-sub-block sums of weights.
void finishQ2KRef(const float* x, const float* scales, const float* mins, uint8_t* levels, BlockQ2K* y,
                  RequantizeFn requantize = requantizeRef);
void finishQ2KWeighted(const float* x, const float* scales, const float* mins, const float* subWeights,
                       uint8_t* levels, BlockQ2K* y, RequantizeFn requantize = requantizeRef);
void finishQ3KRef(const float* x, const float* scales, uint8_t* levels, BlockQ3K* y,
                  RequantizeFn requantize = requantizeRef);
void finishQ3KWeighted(const float* x, const float* scales, const float* subWeights, uint8_t* levels,
                       BlockQ3K* y, RequantizeFn requantize = requantizeRef);
void finishQ4KRef(const float* x, const float* scales, const float* mins, uint8_t* levels, BlockQ4K* y,
                  RequantizeFn requantize = requantizeRef);
void finishQ4KWeighted(const float* x, const float* scales, const float* mins, const float* subWeights,
                       uint8_t* levels, BlockQ4K* y, RequantizeFn requantize = requantizeRef);
void finishQ5KRef(const float* x, const float* scales, const float* mins, uint8_t* levels, BlockQ5K* y,
                  RequantizeFn requantize = requantizeRef);
void finishQ5KWeighted(const float* x, const float* scales, const float* mins, const float* subWeights,
                       uint8_t* levels, BlockQ5K* y, RequantizeFn requantize = requantizeRef);
void finishQ6K(const float* x, const float* scales, uint8_t* levels, BlockQ6K* y,
               RequantizeFn requantize = requantizeRef);

// IQ4: block weights (x*x without importance, else importance * sqrt(sigma2 + x*x)) and finishing.
// sigma2 is 2/n * sum(x^2) over the (super-)block, as ggml computes it.
float iq4Sigma2(const float* x, int n);
void iq4Weights(const float* x, const float* importance, float sigma2, int n, float* weights);
void finishIq4Nl(const float* x, float scale, BlockIq4Nl* y, RequantizeFn requantize = requantizeRef);
void finishIq4Xs(const float* x, const float* scales, BlockIq4Xs* y, RequantizeFn requantize = requantizeRef);

} // namespace qf::quant::detail
