// MXFP4 reference quantizer and dequantizer (see quant_mxfp4.h), byte-identical to ggml's.
#include "quant_mxfp4.h"

#include <cmath>

namespace qf::quant::detail {
namespace {

// The code whose value (times the half scale d) is nearest to x; the first one on ties, as ggml's
// best_index_mxfp4 (so 0 is +0, never -0).
uint8_t nearestMxfp4Code(float x, float d) {
    uint8_t best = 0;
    float bestError = std::fabs(float(kMxfp4Values[0]) * d - x);
    for (uint8_t i = 1; i < 16; ++i) {
        const float error = std::fabs(float(kMxfp4Values[i]) * d - x);
        if (error < bestError) {
            best = i;
            bestError = error;
        }
    }
    return best;
}

// The block exponent: floor(log2(amax)) - 2 + 127, so that amax lands in the top code (6 = 12 / 2).
// ggml converts that float to uint8_t directly; on the platforms it targets the conversion goes through a
// 32-bit integer and keeps the low byte, which is spelled out here so that tiny or infinite maxima give the
// same byte instead of undefined behaviour.
uint8_t blockExponent(float amax) {
    if (!(amax > 0.0f)) return 0;
    const float e = std::floor(std::log2(amax)) - 2.0f + 127.0f;
    const int32_t wide = std::isfinite(e) ? int32_t(e) : INT32_MIN;
    return uint8_t(uint32_t(wide) & 0xFF);
}

} // namespace

void quantizeMxfp4Ref(const float* src, void* dst, int64_t nrows, int64_t rowLen,
                      const float* /*importance*/) {
    // ggml's quantize_mxfp4 ignores importance weights: the scale is fixed by the block's maximum.
    auto* y = static_cast<BlockMxfp4*>(dst);
    const int64_t blocks = nrows * rowLen / kQKMxfp4;
    for (int64_t i = 0; i < blocks; ++i, src += kQKMxfp4) {
        float amax = 0.0f;
        for (int j = 0; j < kQKMxfp4; ++j)
            if (amax < std::fabs(src[j])) amax = std::fabs(src[j]);
        const uint8_t e = blockExponent(amax);
        const float d = mxfp4HalfScale(e);
        y[i].e = e;
        for (int j = 0; j < kQKMxfp4 / 2; ++j)
            y[i].qs[j] = uint8_t(nearestMxfp4Code(src[j], d) | (nearestMxfp4Code(src[j + 16], d) << 4));
    }
}

void dequantizeMxfp4(const void* src, float* dst, int64_t n) {
    const auto* x = static_cast<const BlockMxfp4*>(src);
    for (int64_t i = 0; i < n / kQKMxfp4; ++i, dst += kQKMxfp4) {
        const float d = mxfp4HalfScale(x[i].e);
        for (int j = 0; j < kQKMxfp4 / 2; ++j) {
            dst[j] = float(kMxfp4Values[x[i].qs[j] & 0x0F]) * d;
            dst[j + 16] = float(kMxfp4Values[x[i].qs[j] >> 4]) * d;
        }
    }
}

} // namespace qf::quant::detail
