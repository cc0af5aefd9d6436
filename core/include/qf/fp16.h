#pragma once
// Half-precision (IEEE binary16) and bfloat16 conversions with exactly ggml's rounding, so that every
// scale a quantizer stores is the same 16 bits llama.cpp would store.
//  - fp32 -> fp16: round to nearest, ties to even; overflow to infinity; any NaN becomes the quiet NaN
//    0x7E00 with the input's sign (what ggml's portable converter produces).
//  - fp32 -> bf16: round to nearest, ties to even; a NaN keeps its upper bits and is forced quiet
//    (ggml_compute_fp32_to_bf16). Subnormals are kept, not flushed.
// Both widenings are exact.
#include <bit>
#include <cstdint>

namespace qf {

// Internal linkage (static) on purpose: SIMD sources compiled with -mavx2/-mavx512f include this header,
// and one shared inline copy could be taken from them for baseline code.

static_assert(std::endian::native == std::endian::little, "GGUF data and these kernels are little-endian");

static inline float fp16ToFp32(uint16_t h) {
    const uint32_t sign = uint32_t(h & 0x8000u) << 16;
    const uint32_t exponent = (h >> 10) & 0x1fu;
    const uint32_t mantissa = h & 0x3ffu;
    if (exponent == 0x1f) return std::bit_cast<float>(sign | 0x7f800000u | (mantissa << 13)); // inf, NaN
    if (exponent != 0) return std::bit_cast<float>(sign | ((exponent + 112u) << 23) | (mantissa << 13));
    // Zero or subnormal: mantissa * 2^-24, exact in float.
    const float magnitude = float(mantissa) * 0x1p-24f;
    return sign ? -magnitude : magnitude;
}

static inline uint16_t fp32ToFp16(float f) {
    const uint32_t bits = std::bit_cast<uint32_t>(f);
    const uint16_t sign = uint16_t((bits >> 16) & 0x8000u);
    const uint32_t magnitude = bits & 0x7fffffffu;
    if (magnitude > 0x7f800000u) return sign | 0x7e00u;  // NaN
    if (magnitude >= 0x477ff000u) return sign | 0x7c00u; // >= 65520 rounds to infinity
    if (magnitude >= 0x38800000u) {                      // normal half (>= 2^-14)
        // Round the 13 dropped mantissa bits to nearest even, then rebias the exponent (127 -> 15).
        const uint32_t rounded = magnitude + 0x0fffu + ((magnitude >> 13) & 1u);
        return uint16_t(sign | ((rounded >> 13) - (112u << 10)));
    }
    if (magnitude < 0x33000000u) return sign; // below 2^-25: rounds to zero (2^-25 itself ties to even 0)
    // Subnormal half: the value in units of 2^-24, rounded to nearest even.
    const uint32_t exponent = magnitude >> 23;
    const uint32_t significand = (magnitude & 0x7fffffu) | 0x800000u;
    const uint32_t shift = 126u - exponent; // 14..24
    uint32_t units = significand >> shift;
    const uint32_t rest = significand & ((1u << shift) - 1u);
    const uint32_t half = 1u << (shift - 1u);
    if (rest > half || (rest == half && (units & 1u))) ++units;
    return uint16_t(sign | units);
}

static inline float bf16ToFp32(uint16_t h) {
    return std::bit_cast<float>(uint32_t(h) << 16);
}

static inline uint16_t fp32ToBf16(float f) {
    const uint32_t bits = std::bit_cast<uint32_t>(f);
    if ((bits & 0x7fffffffu) > 0x7f800000u) return uint16_t((bits >> 16) | 64u); // NaN: force quiet
    return uint16_t((bits + (0x7fffu + ((bits >> 16) & 1u))) >> 16);
}

void fp32ToFp16Row(const float* src, uint16_t* dst, int64_t n);
void fp16ToFp32Row(const uint16_t* src, float* dst, int64_t n);
void fp32ToBf16Row(const float* src, uint16_t* dst, int64_t n);
void bf16ToFp32Row(const uint16_t* src, float* dst, int64_t n);

} // namespace qf
