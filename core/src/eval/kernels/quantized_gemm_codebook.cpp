// Row preparers of the integer GEMM (quantized_dot.h) for the 1-3-bit codebook and ternary formats (IQ1_S,
// IQ1_M, IQ2_XXS, IQ2_XS, IQ2_S, IQ3_XXS, IQ3_S, TQ1_0, TQ2_0), so that a perplexity chunk on such a file
// runs the same integer kernels as the K-quants instead of the F32 product.
//
// Every value of these formats is a group scale times a small integer: the signed codebook coordinate
// (IQ2: +-8, 25, 43; IQ3_XXS: +-4 .. 62; IQ3_S: +-1 .. 15), 8 * (coordinate + delta) for the IQ1 formats
// (delta = +-1/8, so the integer is -9 .. 9 and the scale is the group's scale / 8, an exact power-of-two
// step), or the trit -1, 0, 1 (TQ2_0's two bits also allow 2). The scale is constant over each 16-value
// group. A prepared code is that integer plus the type's largest magnitude (so it is unsigned), and the
// group's `mins` entry takes the offset back out: dscale * code - dscale * offset. The codebook integers are
// read from the blocks as the dequantizer reads them; the ternary ones back from the dequantized values
// (value / scale, rounded: exact, the integers are small). test_quantized_gemm checks both against the
// dequantizer.
#include <cmath>
#include <cstring>

#include "matmul_kernels.h"
#include "quant/kernel_table.h"
#include "qf/fp16.h"
#include "qf/quant/kernels.h"
#include "quant/iq_grids.h"
#include "quant/quant_blocks.h"
#include "quantized_dot.h"

namespace qf::eval::detail {
namespace {

using namespace quant::detail;

// The 16 group scales of one 256-value block of `Type` (by value: the value is scale * integer), and the
// offset that makes the integers unsigned (TQ2_0's trits reach 2: -1 .. 2).
template <GgmlType Type> int groupScales(const uint8_t* block, float* dscales);

template <> int groupScales<GgmlType::IQ2_XXS>(const uint8_t* block, float* dscales) {
    BlockIq2Xxs x;
    std::memcpy(&x, block, sizeof(x));
    const float d = fp16ToFp32(x.d);
    for (int ib = 0; ib < 8; ++ib) {
        uint32_t aux32[2];
        std::memcpy(aux32, x.qs + 4 * ib, sizeof(aux32));
        dscales[2 * ib] = dscales[2 * ib + 1] = d * (0.5f + float(aux32[1] >> 28)) * 0.25f;
    }
    return 43;
}

template <class Block> int iq2PairScales(const uint8_t* block, float* dscales) {
    Block x;
    std::memcpy(&x, block, sizeof(x));
    const float d = fp16ToFp32(x.d);
    for (int ib = 0; ib < 8; ++ib) {
        dscales[2 * ib] = d * (0.5f + float(x.scales[ib] & 0xf)) * 0.25f;
        dscales[2 * ib + 1] = d * (0.5f + float(x.scales[ib] >> 4)) * 0.25f;
    }
    return 43;
}
template <> int groupScales<GgmlType::IQ2_XS>(const uint8_t* block, float* dscales) {
    return iq2PairScales<BlockIq2Xs>(block, dscales);
}
template <> int groupScales<GgmlType::IQ2_S>(const uint8_t* block, float* dscales) {
    return iq2PairScales<BlockIq2S>(block, dscales);
}

template <> int groupScales<GgmlType::IQ3_XXS>(const uint8_t* block, float* dscales) {
    BlockIq3Xxs x;
    std::memcpy(&x, block, sizeof(x));
    const float d = fp16ToFp32(x.d);
    for (int ib = 0; ib < 8; ++ib) {
        uint32_t aux32;
        std::memcpy(&aux32, x.qs + 64 + 4 * ib, sizeof(aux32));
        dscales[2 * ib] = dscales[2 * ib + 1] = d * (0.5f + float(aux32 >> 28)) * 0.5f;
    }
    return 62;
}

template <> int groupScales<GgmlType::IQ3_S>(const uint8_t* block, float* dscales) {
    BlockIq3S x;
    std::memcpy(&x, block, sizeof(x));
    const float d = fp16ToFp32(x.d);
    for (int ib = 0; ib < 8; ++ib) {
        const int s = ib % 2 ? x.scales[ib / 2] >> 4 : x.scales[ib / 2] & 0xf;
        dscales[2 * ib] = dscales[2 * ib + 1] = d * float(1 + 2 * s);
    }
    return 15;
}

template <> int groupScales<GgmlType::IQ1_S>(const uint8_t* block, float* dscales) {
    BlockIq1S x;
    std::memcpy(&x, block, sizeof(x));
    const float d = fp16ToFp32(x.d);
    for (int ib = 0; ib < 8; ++ib)
        dscales[2 * ib] = dscales[2 * ib + 1] = d * float(2 * ((x.qh[ib] >> 12) & 7) + 1) * 0.125f;
    return 9;
}

template <> int groupScales<GgmlType::IQ1_M>(const uint8_t* block, float* dscales) {
    BlockIq1M x;
    std::memcpy(&x, block, sizeof(x));
    uint16_t sc[4];
    std::memcpy(sc, x.scales, sizeof(sc));
    const float d = fp16ToFp32(
        uint16_t((sc[0] >> 12) | ((sc[1] >> 8) & 0x00f0) | ((sc[2] >> 4) & 0x0f00) | (sc[3] & 0xf000)));
    for (int ib = 0; ib < 8; ++ib)
        for (int half = 0; half < 2; ++half)
            dscales[2 * ib + half] =
                d * float(2 * ((sc[ib / 2] >> (6 * (ib % 2) + 3 * half)) & 0x7) + 1) * 0.125f;
    return 9;
}

template <class Block> int ternaryScales(const uint8_t* block, float* dscales) {
    Block x;
    std::memcpy(&x, block, sizeof(x));
    const float d = fp16ToFp32(x.d);
    for (int g = 0; g < 16; ++g)
        dscales[g] = d;
    return 1;
}
template <> int groupScales<GgmlType::TQ1_0>(const uint8_t* block, float* dscales) {
    return ternaryScales<BlockTq1_0>(block, dscales);
}
template <> int groupScales<GgmlType::TQ2_0>(const uint8_t* block, float* dscales) {
    return ternaryScales<BlockTq2_0>(block, dscales);
}

// The signed integers of one block straight from the format, for the codebook types: out[k] = the IQ2/IQ3
// coordinate, negated where the sign bit is set, or the IQ1 types' 8 * (coordinate + delta); the same fields
// and order as quant::dequantizeRow (iq_dequant.cpp) reads. Returns false for other types (the ternary ones).
void emitSigned(const int8_t* grid, uint8_t signs, int count, int8_t* out) {
    for (int j = 0; j < count; ++j)
        out[j] = int8_t(signs & (1 << j) ? -grid[j] : grid[j]);
}

// Grid point `index` of a kind: the values are contiguous, so the table is looked up once per block.
struct GridValues {
    const int8_t* base;
    int dim;
    explicit GridValues(IqGridKind kind)
        : base(iqGridValues(kind, 0)), dim(kind == IqGridKind::Iq3Xxs || kind == IqGridKind::Iq3S ? 4 : 8) {}
    const int8_t* operator()(int index) const { return base + dim * index; }
};

template <GgmlType Type> bool signedIntegers(const uint8_t* block, int8_t* out) {
    if constexpr (Type == GgmlType::IQ2_XXS) {
        BlockIq2Xxs x;
        std::memcpy(&x, block, sizeof(x));
        const GridValues grid(IqGridKind::Iq2Xxs);
        for (int ib = 0; ib < 8; ++ib) {
            uint32_t aux32[2];
            std::memcpy(aux32, x.qs + 4 * ib, sizeof(aux32));
            for (int l = 0; l < 4; ++l, out += 8)
                emitSigned(grid((aux32[0] >> 8 * l) & 255), iqSignsWithParity(aux32[1] >> 7 * l), 8, out);
        }
        return true;
    } else if constexpr (Type == GgmlType::IQ2_XS) {
        BlockIq2Xs x;
        std::memcpy(&x, block, sizeof(x));
        const GridValues grid(IqGridKind::Iq2Xs);
        for (int c = 0; c < 32; ++c, out += 8)
            emitSigned(grid(x.qs[c] & 511), iqSignsWithParity(x.qs[c] >> 9), 8, out);
        return true;
    } else if constexpr (Type == GgmlType::IQ2_S) {
        BlockIq2S x;
        std::memcpy(&x, block, sizeof(x));
        const GridValues grid(IqGridKind::Iq2S);
        for (int ib = 0; ib < 8; ++ib)
            for (int l = 0; l < 4; ++l, out += 8)
                emitSigned(grid(x.qs[4 * ib + l] | ((x.qh[ib] << (8 - 2 * l)) & 0x300)),
                           x.qs[32 + 4 * ib + l], 8, out);
        return true;
    } else if constexpr (Type == GgmlType::IQ3_XXS) {
        BlockIq3Xxs x;
        std::memcpy(&x, block, sizeof(x));
        const GridValues grid(IqGridKind::Iq3Xxs);
        for (int ib = 0; ib < 8; ++ib) {
            uint32_t aux32;
            std::memcpy(&aux32, x.qs + 64 + 4 * ib, sizeof(aux32));
            for (int l = 0; l < 4; ++l, out += 8) {
                const uint8_t signs = iqSignsWithParity(aux32 >> 7 * l);
                emitSigned(grid(x.qs[8 * ib + 2 * l]), signs, 4, out);
                emitSigned(grid(x.qs[8 * ib + 2 * l + 1]), uint8_t(signs >> 4), 4, out + 4);
            }
        }
        return true;
    } else if constexpr (Type == GgmlType::IQ3_S) {
        BlockIq3S x;
        std::memcpy(&x, block, sizeof(x));
        const GridValues grid(IqGridKind::Iq3S);
        for (int ib = 0; ib < 8; ++ib) {
            const uint8_t* qs = x.qs + 8 * ib;
            const int qh = x.qh[ib];
            for (int l = 0; l < 4; ++l, out += 8) {
                const uint8_t signs = x.signs[4 * ib + l];
                emitSigned(grid(qs[2 * l] | ((qh << (8 - 2 * l)) & 256)), signs, 4, out);
                emitSigned(grid(qs[2 * l + 1] | ((qh << (7 - 2 * l)) & 256)), uint8_t(signs >> 4), 4,
                           out + 4);
            }
        }
        return true;
    } else if constexpr (Type == GgmlType::IQ1_S) {
        // 8 * (coordinate + delta): 8 * coordinate + 1, or - 1 where the sub-block's delta is negative.
        BlockIq1S x;
        std::memcpy(&x, block, sizeof(x));
        const GridValues grid(IqGridKind::Iq1S);
        for (int ib = 0; ib < 8; ++ib) {
            const unsigned qh = x.qh[ib];
            const int delta = qh & 0x8000 ? -1 : 1;
            for (int l = 0; l < 4; ++l, out += 8) {
                const int8_t* point = grid(x.qs[4 * ib + l] | (((qh >> 3 * l) & 7) << 8));
                for (int j = 0; j < 8; ++j)
                    out[j] = int8_t(8 * point[j] + delta);
            }
        }
        return true;
    } else if constexpr (Type == GgmlType::IQ1_M) {
        BlockIq1M x;
        std::memcpy(&x, block, sizeof(x));
        const GridValues grid(IqGridKind::Iq1S);
        for (int ib = 0; ib < 8; ++ib) {
            const uint8_t* qs = x.qs + 4 * ib;
            const uint8_t* qh = x.qh + 2 * ib;
            const int index[4] = {qs[0] | ((qh[0] << 8) & 0x700), qs[1] | ((qh[0] << 4) & 0x700),
                                  qs[2] | ((qh[1] << 8) & 0x700), qs[3] | ((qh[1] << 4) & 0x700)};
            const int delta[4] = {qh[0] & 0x08 ? -1 : 1, qh[0] & 0x80 ? -1 : 1, qh[1] & 0x08 ? -1 : 1,
                                  qh[1] & 0x80 ? -1 : 1};
            for (int l = 0; l < 4; ++l, out += 8) {
                const int8_t* point = grid(index[l]);
                for (int j = 0; j < 8; ++j)
                    out[j] = int8_t(8 * point[j] + delta[l]);
            }
        }
        return true;
    } else {
        (void)block;
        (void)out;
        return false;
    }
}

template <GgmlType Type> void prepareCodebook(const uint8_t* row, int64_t n, PreparedBlockK* out) {
    const uint64_t blockBytes = ggmlRowBytes(Type, 256);
    alignas(64) float values[256];
    alignas(64) int8_t integers[256];
    alignas(64) uint8_t natural[256];
    for (int64_t b = 0; b < n / 256; ++b, row += blockBytes, ++out) {
        const int offset = groupScales<Type>(row, out->dscales);
        for (int g = 0; g < 16; ++g)
            out->mins[g] = float(offset) * out->dscales[g];
        if (signedIntegers<Type>(row, integers)) {
            for (int k = 0; k < 256; ++k)
                natural[k] = uint8_t(offset + integers[k]);
        } else {
            // Ternary: the integers read back from the values.
            quant::dequantizeRow(Type, row, values, 256);
            for (int g = 0; g < 16; ++g) {
                const float scale = out->dscales[g];
                const bool usable = scale != 0.0f && std::isfinite(scale);
                for (int k = 16 * g; k < 16 * g + 16; ++k) {
                    const float v = usable ? std::nearbyint(values[k] / scale) : 0.0f;
                    const float code = float(offset) + v;
                    natural[k] = code >= 0.0f && code <= 255.0f ? uint8_t(code) : uint8_t(offset);
                }
            }
        }
        toLaneOrder(natural, out->q);
    }
}

} // namespace

} // namespace qf::eval::detail

namespace qf::dispatch {

// Shared by every path that has an integer GEMM: scalar, their cost is spread over all the tokens of a call.
void addCodebookPreparers(ByType<PrepareRowFn>& table) {
    using namespace eval::detail;
    table[typeSlot(GgmlType::IQ2_XXS)] = prepareCodebook<GgmlType::IQ2_XXS>;
    table[typeSlot(GgmlType::IQ2_XS)] = prepareCodebook<GgmlType::IQ2_XS>;
    table[typeSlot(GgmlType::IQ2_S)] = prepareCodebook<GgmlType::IQ2_S>;
    table[typeSlot(GgmlType::IQ3_XXS)] = prepareCodebook<GgmlType::IQ3_XXS>;
    table[typeSlot(GgmlType::IQ3_S)] = prepareCodebook<GgmlType::IQ3_S>;
    table[typeSlot(GgmlType::IQ1_S)] = prepareCodebook<GgmlType::IQ1_S>;
    table[typeSlot(GgmlType::IQ1_M)] = prepareCodebook<GgmlType::IQ1_M>;
    table[typeSlot(GgmlType::TQ1_0)] = prepareCodebook<GgmlType::TQ1_0>;
    table[typeSlot(GgmlType::TQ2_0)] = prepareCodebook<GgmlType::TQ2_0>;
}

} // namespace qf::dispatch
