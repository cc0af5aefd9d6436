// Reference quantizers and dequantizers of the formats for models trained with very few levels: the ternary
// TQ1_0 (5 trits per byte) and TQ2_0 (2 bits per trit) of BitNet b1.58 / TriLM, and the binary Q1_0 (sign
// times mean magnitude) and Q2_0 (levels -1, 0, 1, 2 times the block maximum). None of them uses importance
// weights (ggml quantize_row_tq1_0_ref, _tq2_0_ref, _q1_0_ref, _q2_0_ref).
#include <algorithm>
#include <cmath>
#include <cstring>

#include "quant_reference.h"

namespace qf::quant::detail {
namespace {

float blockAbsMax(const float* x, int n) {
    float amax = 0;
    for (int j = 0; j < n; ++j)
        amax = std::max(amax, std::fabs(x[j]));
    return amax;
}

// -1, 0, 1 -> 0, 1, 2 (lroundf: ties away from zero).
int trit(float v) {
    return roundHalfAwayFromZero(v) + 1;
}

// n trits, most significant first, as a byte whose top holds them: ceil(value * 256 / 243).
uint8_t packTrits(const float* x, int stride, int n, float id, bool shiftToTop) {
    uint8_t q = 0;
    for (int i = 0; i < n; ++i)
        q = uint8_t(q * 3 + trit(x[i * stride] * id));
    if (shiftToTop) q = uint8_t(q * 3);
    return uint8_t((uint16_t(q) * 256 + (243 - 1)) / 243);
}

void dequantTrits(uint8_t byte, int n, float d, int stride, float* y) {
    static constexpr uint8_t kPow3[6] = {1, 3, 9, 27, 81, 243};
    for (int i = 0; i < n; ++i) {
        const uint8_t q = uint8_t(byte * kPow3[i]);
        const int xi = (uint16_t(q) * 3) >> 8;
        y[i * stride] = float(xi - 1) * d;
    }
}

} // namespace

void quantizeTq1_0Ref(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float*) {
    auto* y = static_cast<BlockTq1_0*>(dst);
    for (int64_t ib = 0; ib < nrows * rowLen / kQKK; ++ib) {
        const float* x = src + kQKK * ib;
        const float d = blockAbsMax(x, kQKK);
        const float id = d != 0.f ? 1.0f / d : 0.0f;
        y[ib].d = fp32ToFp16(d);
        // 48 bytes of 5 trits: 32 bytes spread over 160 values, then 16 bytes over 80, then 4 bytes of 4.
        for (int m = 0; m < 32; ++m)
            y[ib].qs[m] = packTrits(x + m, 32, 5, id, false);
        x += 160;
        for (int m = 0; m < 16; ++m)
            y[ib].qs[32 + m] = packTrits(x + m, 16, 5, id, false);
        x += 80;
        for (int j = 0; j < 4; ++j)
            y[ib].qh[j] = packTrits(x + j, 4, 4, id, true);
    }
}

void quantizeTq2_0Ref(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float*) {
    auto* y = static_cast<BlockTq2_0*>(dst);
    for (int64_t ib = 0; ib < nrows * rowLen / kQKK; ++ib) {
        const float* x = src + kQKK * ib;
        const float d = blockAbsMax(x, kQKK);
        const float id = d != 0.f ? 1.0f / d : 0.0f;
        y[ib].d = fp32ToFp16(d);
        for (int j = 0; j < 64; j += 32, x += 128)
            for (int m = 0; m < 32; ++m) {
                uint8_t q = 0;
                for (int n = 0; n < 4; ++n)
                    q = uint8_t(q + ((trit(x[m + n * 32] * id) & 3) << (2 * n)));
                y[ib].qs[j + m] = q;
            }
    }
}

void quantizeQ1_0Ref(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float*) {
    constexpr int kBlock = 128;
    auto* y = static_cast<BlockQ1_0*>(dst);
    for (int64_t ib = 0; ib < nrows * rowLen / kBlock; ++ib) {
        const float* x = src + kBlock * ib;
        float sumAbs = 0.0f;
        for (int j = 0; j < kBlock; ++j)
            sumAbs += std::fabs(x[j]);
        y[ib].d = fp32ToFp16(sumAbs / kBlock);
        std::memset(y[ib].qs, 0, sizeof(y[ib].qs));
        for (int j = 0; j < kBlock; ++j)
            if (x[j] >= 0.0f) y[ib].qs[j / 8] = uint8_t(y[ib].qs[j / 8] | (1 << (j % 8)));
    }
}

void quantizeQ2_0Ref(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float*) {
    constexpr int kBlock = 64;
    auto* y = static_cast<BlockQ2_0*>(dst);
    for (int64_t ib = 0; ib < nrows * rowLen / kBlock; ++ib) {
        const float* x = src + kBlock * ib;
        const float d = blockAbsMax(x, kBlock);
        const float id = d > 0.0f ? 1.0f / d : 0.0f;
        y[ib].d = fp32ToFp16(d);
        std::memset(y[ib].qs, 0, sizeof(y[ib].qs));
        for (int j = 0; j < kBlock; ++j) {
            const int q = std::clamp(roundHalfAwayFromZero(x[j] * id) + 1, 0, 3);
            y[ib].qs[j / 4] = uint8_t(y[ib].qs[j / 4] | (q << (j % 4) * 2));
        }
    }
}

void dequantizeTq1_0(const void* src, float* dst, int64_t n) {
    const auto* x = static_cast<const BlockTq1_0*>(src);
    for (int64_t i = 0; i < n / kQKK; ++i) {
        const float d = fp16ToFp32(x[i].d);
        for (int m = 0; m < 32; ++m)
            dequantTrits(x[i].qs[m], 5, d, 32, dst + m);
        dst += 160;
        for (int m = 0; m < 16; ++m)
            dequantTrits(x[i].qs[32 + m], 5, d, 16, dst + m);
        dst += 80;
        for (int j = 0; j < 4; ++j)
            dequantTrits(x[i].qh[j], 4, d, 4, dst + j);
        dst += 16;
    }
}

void dequantizeTq2_0(const void* src, float* dst, int64_t n) {
    const auto* x = static_cast<const BlockTq2_0*>(src);
    for (int64_t i = 0; i < n / kQKK; ++i) {
        const float d = fp16ToFp32(x[i].d);
        for (int j = 0; j < 64; j += 32)
            for (int l = 0; l < 4; ++l)
                for (int m = 0; m < 32; ++m)
                    *dst++ = float(((x[i].qs[j + m] >> (l * 2)) & 3) - 1) * d;
    }
}

void dequantizeQ1_0(const void* src, float* dst, int64_t n) {
    const auto* x = static_cast<const BlockQ1_0*>(src);
    for (int64_t i = 0; i < n / 128; ++i) {
        const float d = fp16ToFp32(x[i].d);
        for (int j = 0; j < 128; ++j)
            *dst++ = (x[i].qs[j / 8] >> (j % 8)) & 1 ? d : -d;
    }
}

void dequantizeQ2_0(const void* src, float* dst, int64_t n) {
    const auto* x = static_cast<const BlockQ2_0*>(src);
    for (int64_t i = 0; i < n / 64; ++i) {
        const float d = fp16ToFp32(x[i].d);
        for (int j = 0; j < 64; ++j)
            *dst++ = float(((x[i].qs[j / 4] >> (j % 4) * 2) & 3) - 1) * d;
    }
}

} // namespace qf::quant::detail
