#pragma once
// Pieces the x86 integer dot products (quantized_dot_avx2.cpp, quantized_dot_avx512*.cpp) share: the
// float accumulator and its horizontal sum, and the Q4_K/Q5_K scale unpacking. Include inside an anonymous
// namespace of a file compiled with at least AVX2, FMA and F16C: every path then computes the float part
// of a dot product with the same instructions, so that the paths' results are bit-identical.
#include <immintrin.h>

#include <cstdint>
#include <cstring>

inline float hsum(__m256 v) {
    __m128 s = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    s = _mm_add_ps(s, _mm_movehl_ps(s, s));
    s = _mm_add_ss(s, _mm_movehdup_ps(s));
    return _mm_cvtss_f32(s);
}

inline __m256i load32(const void* p) {
    return _mm256_loadu_si256(static_cast<const __m256i*>(p));
}

// The eight 6-bit scales and mins of a Q4_K/Q5_K block (its 12 scale bytes) as bytes: scales in bytes
// [0, 8), mins in [8, 16), the values of unpackScaleMinK4 for j = 0..7 (ggml's kmask arithmetic).
struct ScalesMinsK4 {
    uint64_t scales, mins;
};
inline ScalesMinsK4 unpackK4(const uint8_t* packed) {
    constexpr uint32_t kMask1 = 0x3f3f3f3f, kMask2 = 0x0f0f0f0f, kMask3 = 0x03030303;
    uint32_t u[3];
    std::memcpy(u, packed, 12);
    const uint32_t s0 = u[0] & kMask1;
    const uint32_t s1 = (u[2] & kMask2) | (((u[0] >> 6) & kMask3) << 4);
    const uint32_t m0 = u[1] & kMask1;
    const uint32_t m1 = ((u[2] >> 4) & kMask2) | (((u[1] >> 6) & kMask3) << 4);
    return {uint64_t(s0) | uint64_t(s1) << 32, uint64_t(m0) | uint64_t(m1) << 32};
}

// sum_j mins[j] * (bsums[2j] + bsums[2j + 1]), the eight mins as 16-bit lanes.
inline int32_t minsDotLanes(__m128i m, const int16_t* bsums) {
    const __m128i b0 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bsums));
    const __m128i b1 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bsums + 8));
    __m128i p = _mm_madd_epi16(m, _mm_hadd_epi16(b0, b1));
    p = _mm_add_epi32(p, _mm_shuffle_epi32(p, 0x4E));
    p = _mm_add_epi32(p, _mm_shuffle_epi32(p, 0xB1));
    return _mm_cvtsi128_si32(p);
}

// minsDotLanes() with mins the eight bytes of unpackK4().
inline int32_t minsDot(uint64_t mins, const int16_t* bsums) {
    return minsDotLanes(_mm_cvtepu8_epi16(_mm_cvtsi64_si128(int64_t(mins))), bsums);
}

// The accumulator of the block bodies: eight float lanes, each summing d * (its 32-bit integer lane) in
// block order, and a float sum of the mins part that is subtracted at the end.
struct VectorSum {
    __m256 acc = _mm256_setzero_ps();
    float minSum = 0.0f;
    float finish() const { return hsum(acc) - minSum; }
    // One block of a K-quant: its eight integer lanes times dy * d, minus dy * dmin * mins.
    void add(__m256i sumi, float dy, uint16_t d) {
        acc = _mm256_fmadd_ps(_mm256_set1_ps(dy * _cvtsh_ss(d)), _mm256_cvtepi32_ps(sumi), acc);
    }
    void subtractMins(float dy, uint16_t dmin, int32_t mins) { minSum += dy * _cvtsh_ss(dmin) * float(mins); }
};
