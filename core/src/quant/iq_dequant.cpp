// Dequantizers of the 1-3-bit codebook formats (ggml dequantize_row_iq2_xxs ... _iq1_m): each stored index
// selects a codebook point (iq_grids.h), multiplied by the group scale, with stored or implied signs.
#include <cstring>

#include "iq_grids.h"
#include "quant_reference.h"

namespace qf::quant::detail {
namespace {

constexpr float kIq1Delta = 0.125f;

// 8 values of a codebook point times db, with sign bit j of `signs` negating value j.
void emitSigned8(const int8_t* grid, uint8_t signs, float db, float* y) {
    for (int j = 0; j < 8; ++j)
        y[j] = db * float(uint8_t(grid[j])) * (signs & (1 << j) ? -1.f : 1.f);
}

} // namespace

void dequantizeIq2Xxs(const void* src, float* y, int64_t n) {
    const auto* x = static_cast<const BlockIq2Xxs*>(src);
    for (int64_t i = 0; i < n / kQKK; ++i) {
        const float d = fp16ToFp32(x[i].d);
        for (int ib32 = 0; ib32 < kQKK / 32; ++ib32) {
            uint32_t aux32[2];
            std::memcpy(aux32, x[i].qs + 4 * ib32, sizeof(aux32));
            uint8_t aux8[4];
            std::memcpy(aux8, aux32, 4);
            const float db = d * (0.5f + float(aux32[1] >> 28)) * 0.25f;
            for (int l = 0; l < 4; ++l, y += 8)
                emitSigned8(iqGridValues(IqGridKind::Iq2Xxs, aux8[l]), iqSignsWithParity(aux32[1] >> 7 * l),
                            db, y);
        }
    }
}

void dequantizeIq2Xs(const void* src, float* y, int64_t n) {
    const auto* x = static_cast<const BlockIq2Xs*>(src);
    for (int64_t i = 0; i < n / kQKK; ++i) {
        const float d = fp16ToFp32(x[i].d);
        for (int ib32 = 0; ib32 < kQKK / 32; ++ib32) {
            const float db[2] = {d * (0.5f + float(x[i].scales[ib32] & 0xf)) * 0.25f,
                                 d * (0.5f + float(x[i].scales[ib32] >> 4)) * 0.25f};
            for (int l = 0; l < 4; ++l, y += 8) {
                const uint16_t q = x[i].qs[4 * ib32 + l];
                emitSigned8(iqGridValues(IqGridKind::Iq2Xs, q & 511), iqSignsWithParity(q >> 9), db[l / 2],
                            y);
            }
        }
    }
}

void dequantizeIq2S(const void* src, float* y, int64_t n) {
    const auto* x = static_cast<const BlockIq2S*>(src);
    for (int64_t i = 0; i < n / kQKK; ++i) {
        const float d = fp16ToFp32(x[i].d);
        const uint8_t* qs = x[i].qs;
        const uint8_t* signs = qs + kQKK / 8;
        for (int ib32 = 0; ib32 < kQKK / 32; ++ib32, qs += 4, signs += 4) {
            const float db[2] = {d * (0.5f + float(x[i].scales[ib32] & 0xf)) * 0.25f,
                                 d * (0.5f + float(x[i].scales[ib32] >> 4)) * 0.25f};
            for (int l = 0; l < 4; ++l, y += 8) {
                const int index = qs[l] | ((x[i].qh[ib32] << (8 - 2 * l)) & 0x300);
                emitSigned8(iqGridValues(IqGridKind::Iq2S, index), signs[l], db[l / 2], y);
            }
        }
    }
}

void dequantizeIq3Xxs(const void* src, float* y, int64_t n) {
    const auto* x = static_cast<const BlockIq3Xxs*>(src);
    for (int64_t i = 0; i < n / kQKK; ++i) {
        const float d = fp16ToFp32(x[i].d);
        const uint8_t* qs = x[i].qs;
        const uint8_t* scalesAndSigns = qs + kQKK / 4;
        for (int ib32 = 0; ib32 < kQKK / 32; ++ib32, qs += 8) {
            uint32_t aux32;
            std::memcpy(&aux32, scalesAndSigns + 4 * ib32, sizeof(aux32));
            const float db = d * (0.5f + float(aux32 >> 28)) * 0.5f;
            for (int l = 0; l < 4; ++l, y += 8) {
                const uint8_t signs = iqSignsWithParity(aux32 >> 7 * l);
                const int8_t* grid1 = iqGridValues(IqGridKind::Iq3Xxs, qs[2 * l + 0]);
                const int8_t* grid2 = iqGridValues(IqGridKind::Iq3Xxs, qs[2 * l + 1]);
                for (int j = 0; j < 4; ++j) {
                    y[j + 0] = db * float(grid1[j]) * (signs & (1 << j) ? -1.f : 1.f);
                    y[j + 4] = db * float(grid2[j]) * (signs & (1 << (j + 4)) ? -1.f : 1.f);
                }
            }
        }
    }
}

void dequantizeIq3S(const void* src, float* y, int64_t n) {
    const auto* x = static_cast<const BlockIq3S*>(src);
    for (int64_t i = 0; i < n / kQKK; ++i) {
        const float d = fp16ToFp32(x[i].d);
        const uint8_t* qs = x[i].qs;
        const uint8_t* qh = x[i].qh;
        const uint8_t* signs = x[i].signs;
        for (int ib32 = 0; ib32 < kQKK / 32; ib32 += 2) {
            const float dbs[2] = {d * float(1 + 2 * (x[i].scales[ib32 / 2] & 0xf)),
                                  d * float(1 + 2 * (x[i].scales[ib32 / 2] >> 4))};
            for (int half = 0; half < 2; ++half, qs += 8, signs += 4) {
                const float db = dbs[half];
                for (int l = 0; l < 4; ++l, y += 8) {
                    const int8_t* grid1 =
                        iqGridValues(IqGridKind::Iq3S, qs[2 * l + 0] | ((qh[half] << (8 - 2 * l)) & 256));
                    const int8_t* grid2 =
                        iqGridValues(IqGridKind::Iq3S, qs[2 * l + 1] | ((qh[half] << (7 - 2 * l)) & 256));
                    for (int j = 0; j < 4; ++j) {
                        y[j + 0] = db * float(grid1[j]) * (signs[l] & (1 << j) ? -1.f : 1.f);
                        y[j + 4] = db * float(grid2[j]) * (signs[l] & (1 << (j + 4)) ? -1.f : 1.f);
                    }
                }
            }
            qh += 2;
        }
    }
}

void dequantizeIq1S(const void* src, float* y, int64_t n) {
    const auto* x = static_cast<const BlockIq1S*>(src);
    for (int64_t i = 0; i < n / kQKK; ++i) {
        const float d = fp16ToFp32(x[i].d);
        const uint8_t* qs = x[i].qs;
        for (int ib = 0; ib < kQKK / 32; ++ib, qs += 4) {
            const uint16_t qh = x[i].qh[ib];
            const float dl = d * float(2 * ((qh >> 12) & 7) + 1);
            const float delta = qh & 0x8000 ? -kIq1Delta : kIq1Delta;
            for (int l = 0; l < 4; ++l, y += 8) {
                const int8_t* grid = iqGridValues(IqGridKind::Iq1S, qs[l] | (((qh >> 3 * l) & 7) << 8));
                for (int j = 0; j < 8; ++j)
                    y[j] = dl * (float(grid[j]) + delta);
            }
        }
    }
}

void dequantizeIq1M(const void* src, float* y, int64_t n) {
    const auto* x = static_cast<const BlockIq1M*>(src);
    for (int64_t i = 0; i < n / kQKK; ++i) {
        uint16_t sc[4];
        std::memcpy(sc, x[i].scales, sizeof(sc));
        const uint16_t scaleBits =
            uint16_t((sc[0] >> 12) | ((sc[1] >> 8) & 0x00f0) | ((sc[2] >> 4) & 0x0f00) | (sc[3] & 0xf000));
        const float d = fp16ToFp32(scaleBits);
        const uint8_t* qs = x[i].qs;
        const uint8_t* qh = x[i].qh;
        for (int ib = 0; ib < kQKK / 32; ++ib, qs += 4, qh += 2) {
            const float dl1 = d * float(2 * ((sc[ib / 2] >> (6 * (ib % 2) + 0)) & 0x7) + 1);
            const float dl2 = d * float(2 * ((sc[ib / 2] >> (6 * (ib % 2) + 3)) & 0x7) + 1);
            const int idx[4] = {qs[0] | ((qh[0] << 8) & 0x700), qs[1] | ((qh[0] << 4) & 0x700),
                                qs[2] | ((qh[1] << 8) & 0x700), qs[3] | ((qh[1] << 4) & 0x700)};
            const float delta[4] = {
                qh[0] & 0x08 ? -kIq1Delta : kIq1Delta, qh[0] & 0x80 ? -kIq1Delta : kIq1Delta,
                qh[1] & 0x08 ? -kIq1Delta : kIq1Delta, qh[1] & 0x80 ? -kIq1Delta : kIq1Delta};
            for (int l = 0; l < 4; ++l, y += 8) {
                const int8_t* grid = iqGridValues(IqGridKind::Iq1S, idx[l]);
                const float dl = l < 2 ? dl1 : dl2;
                for (int j = 0; j < 8; ++j)
                    y[j] = dl * (float(grid[j]) + delta[l]);
            }
        }
    }
}

} // namespace qf::quant::detail
