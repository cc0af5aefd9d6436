#pragma once
// Block layouts of the ggml quantization formats (little-endian, no padding) and the small helpers every
// quantizer shares. The layouts are part of the GGUF file format.
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>

#include "qf/fp16.h"

namespace qf::quant::detail {

inline constexpr int kQK = 32;   // block size of the legacy and IQ4_NL formats
inline constexpr int kQKK = 256; // super-block size of the K-quants and IQ4_XS

struct BlockQ4_0 {
    uint16_t d;
    uint8_t qs[16];
};
struct BlockQ4_1 {
    uint16_t d, m;
    uint8_t qs[16];
};
struct BlockQ5_0 {
    uint16_t d;
    uint8_t qh[4];
    uint8_t qs[16];
};
struct BlockQ5_1 {
    uint16_t d, m;
    uint8_t qh[4];
    uint8_t qs[16];
};
struct BlockQ8_0 {
    uint16_t d;
    int8_t qs[32];
};
struct BlockQ2K {
    uint8_t scales[16]; // low nibble scale, high nibble min
    uint8_t qs[64];
    uint16_t d, dmin;
};
struct BlockQ3K {
    uint8_t hmask[32];
    uint8_t qs[64];
    uint8_t scales[12]; // sixteen 6-bit scales
    uint16_t d;
};
struct BlockQ4K {
    uint16_t d, dmin;
    uint8_t scales[12]; // eight 6-bit scales and eight 6-bit mins
    uint8_t qs[128];
};
struct BlockQ5K {
    uint16_t d, dmin;
    uint8_t scales[12];
    uint8_t qh[32];
    uint8_t qs[128];
};
struct BlockQ6K {
    uint8_t ql[128];
    uint8_t qh[64];
    int8_t scales[16];
    uint16_t d;
};
struct BlockIq4Nl {
    uint16_t d;
    uint8_t qs[16];
};
struct BlockIq4Xs {
    uint16_t d;
    uint16_t scalesH;
    uint8_t scalesL[4];
    uint8_t qs[128];
};

static_assert(sizeof(BlockQ4_0) == 18 && sizeof(BlockQ4_1) == 20 && sizeof(BlockQ5_0) == 22 &&
              sizeof(BlockQ5_1) == 24 && sizeof(BlockQ8_0) == 34);
static_assert(sizeof(BlockQ2K) == 84 && sizeof(BlockQ3K) == 110 && sizeof(BlockQ4K) == 144 &&
              sizeof(BlockQ5K) == 176 && sizeof(BlockQ6K) == 210);
static_assert(sizeof(BlockIq4Nl) == 18 && sizeof(BlockIq4Xs) == 136);
// The 1-3-bit I-quants: 8 (IQ2_*, IQ1_*) or 4 (IQ3_*) values per index into a codebook (iq_grids.h).
struct BlockIq2Xxs {
    uint16_t d;
    uint16_t qs[32]; // per 32 values: four 8-bit grid indices, then four 7-bit signs and a 4-bit scale
};
struct BlockIq2Xs {
    uint16_t d;
    uint16_t qs[32]; // 9-bit grid index | 7-bit signs << 9
    uint8_t scales[8];
};
struct BlockIq2S {
    uint16_t d;
    uint8_t qs[64]; // 32 low index bytes, then 32 sign bytes
    uint8_t qh[8];
    uint8_t scales[8];
};
struct BlockIq3Xxs {
    uint16_t d;
    uint8_t qs[96]; // 64 grid indices, then per 32 values 4x7 sign bits and a 4-bit scale
};
struct BlockIq3S {
    uint16_t d;
    uint8_t qs[64];
    uint8_t qh[8];
    uint8_t signs[32];
    uint8_t scales[4];
};
struct BlockIq1S {
    uint16_t d;
    uint8_t qs[32];
    uint16_t qh[8]; // 3 high index bits x 4, 3-bit scale, delta sign
};
struct BlockIq1M {
    uint8_t qs[32];
    uint8_t qh[16];
    uint8_t scales[8]; // 3-bit scales; the fp16 super-block scale is spread over the top nibbles
};
// Ternary and binary formats.
struct BlockTq1_0 {
    uint8_t qs[48]; // 5 trits per byte
    uint8_t qh[4];  // 4 trits per byte
    uint16_t d;
};
struct BlockTq2_0 {
    uint8_t qs[64];
    uint16_t d;
};
struct BlockQ1_0 {
    uint16_t d;
    uint8_t qs[16]; // one sign bit per value, 128 values
};
struct BlockQ2_0 {
    uint16_t d;
    uint8_t qs[16]; // 2 bits per value, 64 values
};

static_assert(sizeof(BlockIq2Xxs) == 66 && sizeof(BlockIq2Xs) == 74 && sizeof(BlockIq2S) == 82 &&
              sizeof(BlockIq3Xxs) == 98 && sizeof(BlockIq3S) == 110 && sizeof(BlockIq1S) == 50 &&
              sizeof(BlockIq1M) == 56);
static_assert(sizeof(BlockTq1_0) == 54 && sizeof(BlockTq2_0) == 66 && sizeof(BlockQ1_0) == 18 &&
              sizeof(BlockQ2_0) == 18);

// Groups whose largest magnitude is below this are treated as all zero (ggml's GROUP_MAX_EPS).
inline constexpr float kGroupMaxEps = 1e-15f;

// The helpers below have internal linkage (static): the SIMD sources include this header with
// -mavx2/-mavx512f, and an ordinary inline function would be one shared copy that the linker may take
// from such a source - instructions the baseline path must not run on an older CPU.

// The 16 levels of IQ4_NL / IQ4_XS.
inline constexpr int8_t kIq4Values[16] = {-127, -104, -83, -65, -49, -35, -22, -10,
                                          1,    13,   25,  38,  53,  69,  89,  113};

// Rounds to the nearest integer, ties to even, by adding 1.5 * 2^23 so that the integer lands in the
// low mantissa bits. ggml rounds this way everywhere in the K-quants; any other rounding (lrintf in a
// different mode, roundf) changes ties and therefore bytes. Meant for |value| < 2^22; larger values give
// the same wrapped result as ggml.
static inline int nearestInt(float value) {
    const float shifted = value + 12582912.f;
    const int32_t bits = std::bit_cast<int32_t>(shifted);
    return (bits & 0x007fffff) - 0x00400000;
}

// roundf (ties away from zero, as ggml's Q8_0 rounds) without a libm call, which made Q8_0 three
// times slower. Exact for |value| < 2^23: truncation is exact there and so is value - trunc(value).
static inline int roundHalfAwayFromZero(float value) {
    // Out of int range, infinite or NaN (a group of subnormals makes the inverse scale infinite): what
    // x86's conversion of roundf's result gives, so the stored byte stays 0 as in ggml.
    if (!(std::fabs(value) < 2147483520.0f)) return std::numeric_limits<int>::min();
    int t = static_cast<int>(value);
    const float rest = value - static_cast<float>(t);
    if (rest >= 0.5f)
        ++t;
    else if (rest <= -0.5f)
        --t;
    return t;
}

// The 6-bit scale and min of sub-block j of a Q4_K / Q5_K block.
static inline void unpackScaleMinK4(int j, const uint8_t* q, uint8_t* scale, uint8_t* min) {
    if (j < 4) {
        *scale = q[j] & 63;
        *min = q[j + 4] & 63;
    } else {
        *scale = uint8_t((q[j + 4] & 0xF) | ((q[j - 4] >> 6) << 4));
        *min = uint8_t((q[j + 4] >> 4) | ((q[j - 0] >> 6) << 4));
    }
}

// The 6-bit scale of group j (0..15) of a Q3_K block, as stored (the value's scale is this - 32): the low
// four bits from byte j (j < 8) or the high nibble of byte j - 8, the top two from byte 8 + j % 4.
static inline int unpackScaleQ3K(int j, const uint8_t* scales) {
    const int low = j < 8 ? scales[j] & 0xF : scales[j - 8] >> 4;
    return low | (((scales[8 + j % 4] >> (2 * (j / 4))) & 3) << 4);
}

} // namespace qf::quant::detail
