#pragma once
// MXFP4 (OCP microscaling FP4, ggml type 39): blocks of 32 values, one shared power-of-two scale stored as
// an E8M0 exponent and 32 four-bit E2M1 codes (values 0, ±0.5, ±1, ±1.5, ±2, ±3, ±4, ±6). The format
// gpt-oss ships its expert weights in. Layout and arithmetic as ggml defines them (ggml-common.h,
// quantize_row_mxfp4_ref / dequantize_row_mxfp4): codes are stored doubled (0..12) against half the scale.
#include <bit>
#include <cstdint>

namespace qf::quant::detail {

inline constexpr int kQKMxfp4 = 32;

struct BlockMxfp4 {
    uint8_t e;      // E8M0 exponent: the scale is 2^(e - 127)
    uint8_t qs[16]; // value j in the low nibble of qs[j], value j + 16 in the high nibble
};
static_assert(sizeof(BlockMxfp4) == 17);

// The E2M1 codes, doubled so that they are integers (ggml's kvalues_mxfp4).
inline constexpr int8_t kMxfp4Values[16] = {0, 1, 2, 3, 4, 6, 8, 12, 0, -1, -2, -3, -4, -6, -8, -12};

// Half the scale of exponent e, 2^(e - 128), exactly (ggml_e8m0_to_fp32_half), also for e < 2 where it
// is a subnormal float.
constexpr float mxfp4HalfScale(uint8_t e) {
    const uint32_t bits = e < 2 ? uint32_t(0x00200000) << e : uint32_t(e - 1) << 23;
    return std::bit_cast<float>(bits);
}

void quantizeMxfp4Ref(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* importance);
void dequantizeMxfp4(const void* src, float* dst, int64_t n);

} // namespace qf::quant::detail
