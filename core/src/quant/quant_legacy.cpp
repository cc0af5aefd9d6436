// Reference quantizers of the 32-value block formats Q4_0, Q4_1, Q5_0, Q5_1, Q8_0, and the plain float
// conversions. Without importance weights these are ggml's quantize_row_*_ref; with weights (all but
// Q8_0, which ignores them) ggml's weighted search per block.
#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstring>

#include "quant_reference.h"
#include "quant_search.h"

namespace qf::quant::detail {
namespace {

void quantizeQ4_0Blocks(const float* x, BlockQ4_0* y, int64_t count) {
    for (int64_t i = 0; i < count; ++i, x += kQK) {
        float amax = 0.0f;
        float max = 0.0f;
        for (int j = 0; j < kQK; ++j) {
            if (amax < std::fabs(x[j])) {
                amax = std::fabs(x[j]);
                max = x[j];
            }
        }
        const float d = max / -8;
        const float id = d != 0.f ? 1.0f / d : 0.0f;
        y[i].d = fp32ToFp16(d);
        for (int j = 0; j < kQK / 2; ++j) {
            const float x0 = x[j] * id;
            const float x1 = x[kQK / 2 + j] * id;
            const uint8_t q0 = uint8_t(std::min(15, int(int8_t(int(x0 + 8.5f)))));
            const uint8_t q1 = uint8_t(std::min(15, int(int8_t(int(x1 + 8.5f)))));
            y[i].qs[j] = uint8_t(q0 | (q1 << 4));
        }
    }
}

void quantizeQ4_1Blocks(const float* x, BlockQ4_1* y, int64_t count) {
    for (int64_t i = 0; i < count; ++i, x += kQK) {
        float min = FLT_MAX;
        float max = -FLT_MAX;
        for (int j = 0; j < kQK; ++j) {
            if (x[j] < min) min = x[j];
            if (x[j] > max) max = x[j];
        }
        const float d = (max - min) / 15;
        const float id = d != 0.f ? 1.0f / d : 0.0f;
        y[i].d = fp32ToFp16(d);
        y[i].m = fp32ToFp16(min);
        for (int j = 0; j < kQK / 2; ++j) {
            const float x0 = (x[j] - min) * id;
            const float x1 = (x[kQK / 2 + j] - min) * id;
            const uint8_t q0 = uint8_t(std::min(15, int(int8_t(int(x0 + 0.5f)))));
            const uint8_t q1 = uint8_t(std::min(15, int(int8_t(int(x1 + 0.5f)))));
            y[i].qs[j] = uint8_t(q0 | (q1 << 4));
        }
    }
}

void storeQ5High(uint32_t qh, uint8_t* dst) {
    std::memcpy(dst, &qh, sizeof(qh));
}

void quantizeQ5_0Blocks(const float* x, BlockQ5_0* y, int64_t count) {
    for (int64_t i = 0; i < count; ++i, x += kQK) {
        float amax = 0.0f;
        float max = 0.0f;
        for (int j = 0; j < kQK; ++j) {
            if (amax < std::fabs(x[j])) {
                amax = std::fabs(x[j]);
                max = x[j];
            }
        }
        const float d = max / -16;
        const float id = d != 0.f ? 1.0f / d : 0.0f;
        y[i].d = fp32ToFp16(d);
        uint32_t qh = 0;
        for (int j = 0; j < kQK / 2; ++j) {
            const float x0 = x[j] * id;
            const float x1 = x[kQK / 2 + j] * id;
            const uint8_t q0 = uint8_t(std::min(31, int(int8_t(int(x0 + 16.5f)))));
            const uint8_t q1 = uint8_t(std::min(31, int(int8_t(int(x1 + 16.5f)))));
            y[i].qs[j] = uint8_t((q0 & 0x0F) | ((q1 & 0x0F) << 4));
            qh |= ((q0 & 0x10u) >> 4) << (j + 0);
            qh |= ((q1 & 0x10u) >> 4) << (j + kQK / 2);
        }
        storeQ5High(qh, y[i].qh);
    }
}

void quantizeQ5_1Blocks(const float* x, BlockQ5_1* y, int64_t count) {
    for (int64_t i = 0; i < count; ++i, x += kQK) {
        float min = FLT_MAX;
        float max = -FLT_MAX;
        for (int j = 0; j < kQK; ++j) {
            if (x[j] < min) min = x[j];
            if (x[j] > max) max = x[j];
        }
        const float d = (max - min) / 31;
        const float id = d != 0.f ? 1.0f / d : 0.0f;
        y[i].d = fp32ToFp16(d);
        y[i].m = fp32ToFp16(min);
        uint32_t qh = 0;
        for (int j = 0; j < kQK / 2; ++j) {
            const float x0 = (x[j] - min) * id;
            const float x1 = (x[kQK / 2 + j] - min) * id;
            const uint8_t q0 = uint8_t(int(x0 + 0.5f));
            const uint8_t q1 = uint8_t(int(x1 + 0.5f));
            y[i].qs[j] = uint8_t((q0 & 0x0F) | ((q1 & 0x0F) << 4));
            qh |= ((q0 & 0x10u) >> 4) << (j + 0);
            qh |= ((q1 & 0x10u) >> 4) << (j + kQK / 2);
        }
        storeQ5High(qh, y[i].qh);
    }
}

void quantizeQ8_0Blocks(const float* x, BlockQ8_0* y, int64_t count) {
    for (int64_t i = 0; i < count; ++i, x += kQK) {
        float amax = 0.0f;
        for (int j = 0; j < kQK; ++j) {
            const float a = std::fabs(x[j]);
            amax = amax > a ? amax : a;
        }
        const float d = amax / 127;
        const float id = d != 0.f ? 1.0f / d : 0.0f;
        y[i].d = fp32ToFp16(d);
        for (int j = 0; j < kQK; ++j)
            y[i].qs[j] = int8_t(roundHalfAwayFromZero(x[j] * id));
    }
}

// Weights of the weighted legacy search: importance * sqrt(sigma2 + x^2).
void legacyWeights(const float* x, const float* importance, float sigma2, float* weights) {
    for (int j = 0; j < kQK; ++j)
        weights[j] = importance[j] * std::sqrt(sigma2 + x[j] * x[j]);
}

template <class Block, class BlocksFn, class WeightedBlockFn>
void quantizeLegacy(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* importance,
                    BlocksFn blocks, WeightedBlockFn weightedBlock) {
    auto* out = static_cast<Block*>(dst);
    const int64_t blocksPerRow = rowLen / kQK;
    if (!importance) {
        blocks(src, out, nrows * blocksPerRow);
        return;
    }
    for (int64_t row = 0; row < nrows; ++row, src += rowLen, out += blocksPerRow) {
        const float sigma2 = rowMeanSquare(src, rowLen);
        float weights[kQK];
        for (int64_t ib = 0; ib < blocksPerRow; ++ib) {
            legacyWeights(src + kQK * ib, importance + kQK * ib, sigma2, weights);
            weightedBlock(src + kQK * ib, weights, out + ib);
        }
    }
}

} // namespace

float rowMeanSquare(const float* x, int64_t n) {
    float sumX2 = 0;
    for (int64_t j = 0; j < n; ++j)
        sumX2 += x[j] * x[j];
    return sumX2 / float(n);
}

void packQ4_0(float d, const int8_t* levels, BlockQ4_0* y) {
    y->d = fp32ToFp16(d);
    for (int j = 0; j < 16; ++j)
        y->qs[j] = uint8_t(levels[j] | (levels[j + 16] << 4));
}

void packQ5_0(float d, const int8_t* levels, BlockQ5_0* y) {
    y->d = fp32ToFp16(d);
    uint32_t qh = 0;
    for (int j = 0; j < 16; ++j) {
        const uint8_t q0 = uint8_t(levels[j]);
        const uint8_t q1 = uint8_t(levels[j + 16]);
        y->qs[j] = uint8_t((q0 & 0x0F) | ((q1 & 0x0F) << 4));
        qh |= ((q0 & 0x10u) >> 4) << (j + 0);
        qh |= ((q1 & 0x10u) >> 4) << (j + 16);
    }
    storeQ5High(qh, y->qh);
}

void packQ4_1(float d, float negMin, const uint8_t* levels, BlockQ4_1* y) {
    y->d = fp32ToFp16(d);
    y->m = fp32ToFp16(-negMin);
    for (int j = 0; j < 16; ++j)
        y->qs[j] = uint8_t(levels[j] | (levels[j + 16] << 4));
}

void packQ5_1(float d, float negMin, const uint8_t* levels, BlockQ5_1* y) {
    y->d = fp32ToFp16(d);
    y->m = fp32ToFp16(-negMin);
    uint32_t qh = 0;
    for (int j = 0; j < 16; ++j) {
        const uint8_t q0 = levels[j];
        const uint8_t q1 = levels[j + 16];
        y->qs[j] = uint8_t((q0 & 0x0F) | ((q1 & 0x0F) << 4));
        qh |= ((q0 & 0x10u) >> 4) << (j + 0);
        qh |= ((q1 & 0x10u) >> 4) << (j + 16);
    }
    storeQ5High(qh, y->qh);
}

void quantizeQ4_0Ref(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* importance) {
    quantizeLegacy<BlockQ4_0>(src, dst, nrows, rowLen, importance, quantizeQ4_0Blocks,
                              [](const float* x, const float* w, BlockQ4_0* y) {
                                  int8_t levels[kQK];
                                  packQ4_0(makeQxQuants(kQK, 8, x, levels, w), levels, y);
                              });
}

void quantizeQ5_0Ref(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* importance) {
    quantizeLegacy<BlockQ5_0>(src, dst, nrows, rowLen, importance, quantizeQ5_0Blocks,
                              [](const float* x, const float* w, BlockQ5_0* y) {
                                  int8_t levels[kQK];
                                  packQ5_0(makeQxQuants(kQK, 16, x, levels, w), levels, y);
                              });
}

void quantizeQ4_1Ref(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* importance) {
    quantizeLegacy<BlockQ4_1>(src, dst, nrows, rowLen, importance, quantizeQ4_1Blocks,
                              [](const float* x, const float* w, BlockQ4_1* y) {
                                  uint8_t levels[kQK], scratch[kQK];
                                  float negMin;
                                  const float d = makeQkxQuants(kQK, 15, x, w, levels, &negMin, scratch,
                                                                -0.9f, 0.05f, 36, false);
                                  packQ4_1(d, negMin, levels, y);
                              });
}

void quantizeQ5_1Ref(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* importance) {
    quantizeLegacy<BlockQ5_1>(src, dst, nrows, rowLen, importance, quantizeQ5_1Blocks,
                              [](const float* x, const float* w, BlockQ5_1* y) {
                                  uint8_t levels[kQK], scratch[kQK];
                                  float negMin;
                                  const float d = makeQkxQuants(kQK, 31, x, w, levels, &negMin, scratch,
                                                                -0.9f, 0.05f, 36, false);
                                  packQ5_1(d, negMin, levels, y);
                              });
}

void quantizeQ8_0Ref(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float*) {
    // Q8_0 has no weighted search: ggml ignores the importance weights.
    quantizeQ8_0Blocks(src, static_cast<BlockQ8_0*>(dst), nrows * rowLen / kQK);
}

void quantizeF32Ref(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float*) {
    std::memcpy(dst, src, size_t(nrows * rowLen) * sizeof(float));
}

void quantizeF16Ref(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float*) {
    fp32ToFp16Row(src, static_cast<uint16_t*>(dst), nrows * rowLen);
}

void quantizeBF16Ref(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float*) {
    fp32ToBf16Row(src, static_cast<uint16_t*>(dst), nrows * rowLen);
}

void dequantizeF32(const void* src, float* dst, int64_t n) {
    std::memcpy(dst, src, size_t(n) * sizeof(float));
}

void dequantizeF16(const void* src, float* dst, int64_t n) {
    fp16ToFp32Row(static_cast<const uint16_t*>(src), dst, n);
}

void dequantizeBF16(const void* src, float* dst, int64_t n) {
    bf16ToFp32Row(static_cast<const uint16_t*>(src), dst, n);
}

void dequantizeQ4_0(const void* src, float* dst, int64_t n) {
    const auto* x = static_cast<const BlockQ4_0*>(src);
    for (int64_t i = 0; i < n / kQK; ++i, dst += kQK) {
        const float d = fp16ToFp32(x[i].d);
        for (int j = 0; j < kQK / 2; ++j) {
            dst[j] = float((x[i].qs[j] & 0x0F) - 8) * d;
            dst[j + kQK / 2] = float((x[i].qs[j] >> 4) - 8) * d;
        }
    }
}

void dequantizeQ4_1(const void* src, float* dst, int64_t n) {
    const auto* x = static_cast<const BlockQ4_1*>(src);
    for (int64_t i = 0; i < n / kQK; ++i, dst += kQK) {
        const float d = fp16ToFp32(x[i].d);
        const float m = fp16ToFp32(x[i].m);
        for (int j = 0; j < kQK / 2; ++j) {
            dst[j] = float(x[i].qs[j] & 0x0F) * d + m;
            dst[j + kQK / 2] = float(x[i].qs[j] >> 4) * d + m;
        }
    }
}

void dequantizeQ5_0(const void* src, float* dst, int64_t n) {
    const auto* x = static_cast<const BlockQ5_0*>(src);
    for (int64_t i = 0; i < n / kQK; ++i, dst += kQK) {
        const float d = fp16ToFp32(x[i].d);
        uint32_t qh;
        std::memcpy(&qh, x[i].qh, sizeof(qh));
        for (int j = 0; j < kQK / 2; ++j) {
            const int high0 = int(((qh >> j) << 4) & 0x10);
            const int high1 = int((qh >> (j + 12)) & 0x10);
            dst[j] = float(((x[i].qs[j] & 0x0F) | high0) - 16) * d;
            dst[j + kQK / 2] = float(((x[i].qs[j] >> 4) | high1) - 16) * d;
        }
    }
}

void dequantizeQ5_1(const void* src, float* dst, int64_t n) {
    const auto* x = static_cast<const BlockQ5_1*>(src);
    for (int64_t i = 0; i < n / kQK; ++i, dst += kQK) {
        const float d = fp16ToFp32(x[i].d);
        const float m = fp16ToFp32(x[i].m);
        uint32_t qh;
        std::memcpy(&qh, x[i].qh, sizeof(qh));
        for (int j = 0; j < kQK / 2; ++j) {
            const int high0 = int(((qh >> j) << 4) & 0x10);
            const int high1 = int((qh >> (j + 12)) & 0x10);
            dst[j] = float((x[i].qs[j] & 0x0F) | high0) * d + m;
            dst[j + kQK / 2] = float((x[i].qs[j] >> 4) | high1) * d + m;
        }
    }
}

void dequantizeQ8_0(const void* src, float* dst, int64_t n) {
    const auto* x = static_cast<const BlockQ8_0*>(src);
    for (int64_t i = 0; i < n / kQK; ++i, dst += kQK) {
        const float d = fp16ToFp32(x[i].d);
        for (int j = 0; j < kQK; ++j)
            dst[j] = float(x[i].qs[j]) * d;
    }
}

} // namespace qf::quant::detail
