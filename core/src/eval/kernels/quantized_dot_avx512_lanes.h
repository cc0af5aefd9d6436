#pragma once
// The AVX-512 integer dot products of Q4_K and Q6_K (quantized_dot.h) over an Acc op that adds the products
// of 16-bit pairs into 32-bit lanes (vpmaddwd + vpaddd, or vpdpwssd with AVX-512 VNNI). Each 512-bit step
// handles the two 32-value sub-blocks the AVX2 kernels handle in two 256-bit steps, lower half the first,
// upper half the second; folding the halves at the end of a block gives exactly the AVX2 kernels' eight
// 32-bit lanes (integer sums), and the float part is theirs (quantized_dot_x86.h), so every result has the
// AVX2 kernels' bits. Include inside an anonymous namespace after quantized_dot_x86.h.

// vpermw indices that spread a block's 16-bit scales over the 32 lanes of each step: Q4_K step s gives
// lanes 0-15 scale 2s and lanes 16-31 scale 2s + 1; Q6_K step m gives lanes 8c..8c+7 scale 4m + c.
struct ScalePicks {
    alignas(64) int16_t idx[4][32];
};
constexpr ScalePicks scalePicks(int lanesPerScale, int scalesPerStep) {
    ScalePicks p{};
    for (int s = 0; s < 4; ++s)
        for (int l = 0; l < 32; ++l)
            p.idx[s][l] = int16_t(scalesPerStep * s + l / lanesPerScale);
    return p;
}
alignas(64) inline constexpr ScalePicks kPickQ4K = scalePicks(16, 2);
alignas(64) inline constexpr ScalePicks kPickQ6K = scalePicks(8, 4);
inline __m512i pick(const ScalePicks& p, int step) {
    return _mm512_load_si512(p.idx[step]);
}

template <class Acc> struct Avx512DotLanes {
    static __m256i fold(__m512i v) {
        return _mm256_add_epi32(_mm512_castsi512_si256(v), _mm512_extracti64x4_epi64(v, 1));
    }

    // unpackK4() in one vector: bytes [0, 8) the eight scales, [8, 16) the eight mins (the same integers,
    // from shuffles instead of scalar mask arithmetic). Reads 16 bytes from `packed` (the 12 scale bytes
    // are followed by the block's codes).
    static __m128i unpackK4Vector(const uint8_t* packed) {
        const __m128i q = _mm_loadu_si128(reinterpret_cast<const __m128i*>(packed));
        // a: bytes 0-3, 8-11, 4-7, 8-11 of the packed scales; b: bytes 0-3 at 4-7, 4-7 at 12-15.
        const __m128i a = _mm_shuffle_epi8(q, _mm_setr_epi8(0, 1, 2, 3, 8, 9, 10, 11, 4, 5, 6, 7, 8, 9, 10, 11));
        const __m128i b = _mm_shuffle_epi8(q, _mm_setr_epi8(-1, -1, -1, -1, 0, 1, 2, 3, -1, -1, -1, -1, 4, 5, 6, 7));
        // Scales 0-3 and mins 0-3: the low six bits; scales 4-7: the low nibble of bytes 8-11; mins 4-7: their
        // high nibble; both 4-7 take bits 6-7 of bytes 0-3 (scales) or 4-7 (mins) as bits 4-5.
        const __m128i lowBits = _mm_and_si128(a, _mm_setr_epi32(0x3f3f3f3f, 0x0f0f0f0f, 0x3f3f3f3f, 0));
        const __m128i highNibble = _mm_and_si128(_mm_srli_epi16(a, 4), _mm_setr_epi32(0, 0, 0, 0x0f0f0f0f));
        const __m128i topBits = _mm_and_si128(_mm_srli_epi16(b, 2), _mm_setr_epi32(0, 0x30303030, 0, 0x30303030));
        return _mm_or_si128(_mm_or_si128(lowBits, highNibble), topBits);
    }

    // Sub-blocks 2s (low nibbles of qs[32s..]) and 2s + 1 (high nibbles) against activations [64s, 64s + 64).
    static float dotQ4K(const uint8_t* row, const void* act, int64_t n) {
        const __m512i low = _mm512_set1_epi8(0xF);
        return blockLoop<quant::detail::BlockQ4K, ActivationQ8K, 256, VectorSum>(
            row, act, n, [&](const quant::detail::BlockQ4K& x, const ActivationQ8K* y, VectorSum& v) {
                const __m128i sm = unpackK4Vector(x.scales);
                const __m512i scales = _mm512_zextsi128_si512(_mm_cvtepu8_epi16(sm));
                // Two chains of integer sums (exact, so their order does not matter).
                __m512i sumi[2] = {_mm512_setzero_si512(), _mm512_setzero_si512()};
                for (int s = 0; s < 4; ++s) {
                    __m512i q = _mm512_broadcast_i64x4(load32(x.qs + 32 * s));
                    q = _mm512_and_si512(_mm512_mask_srli_epi16(q, 0xFFFF0000u, q, 4), low);
                    const __m512i p = _mm512_maddubs_epi16(q, _mm512_loadu_si512(y->qs + 64 * s));
                    sumi[s % 2] =
                        Acc::add(sumi[s % 2], p, _mm512_permutexvar_epi16(pick(kPickQ4K, s), scales));
                }
                v.add(fold(_mm512_add_epi32(sumi[0], sumi[1])), y->d, x.d);
                v.subtractMins(y->d, x.dmin, minsDotLanes(_mm_cvtepu8_epi16(_mm_unpackhi_epi64(sm, sm)), y->bsums));
            });
    }

    // Step m = 2 part + h covers j = 2h and 2h + 1 of the AVX2 kernel's part: values [128 part + 64 h, +64).
    static float dotQ6K(const uint8_t* row, const void* act, int64_t n) {
        const __m512i low = _mm512_set1_epi8(0xF);
        const __m512i three = _mm512_set1_epi8(3);
        const __m512i bias = _mm512_set1_epi8(32);
        // The qh shifts (2j) of the two halves.
        const __m512i shifts[2] = {
            _mm512_set_epi64(0x0002000200020002, 0x0002000200020002, 0x0002000200020002, 0x0002000200020002,
                             0, 0, 0, 0),
            _mm512_set_epi64(0x0006000600060006, 0x0006000600060006, 0x0006000600060006, 0x0006000600060006,
                             0x0004000400040004, 0x0004000400040004, 0x0004000400040004, 0x0004000400040004)};
        return blockLoop<quant::detail::BlockQ6K, ActivationQ8K, 256, VectorSum>(
            row, act, n, [&](const quant::detail::BlockQ6K& x, const ActivationQ8K* y, VectorSum& v) {
                const __m512i scales = _mm512_zextsi256_si512(
                    _mm256_cvtepi8_epi16(_mm_loadu_si128(reinterpret_cast<const __m128i*>(x.scales))));
                __m512i sumi[2] = {_mm512_setzero_si512(), _mm512_setzero_si512()};
                for (int part = 0; part < 2; ++part) {
                    const __m512i ql = _mm512_loadu_si512(x.ql + 64 * part);
                    const __m512i qh = _mm512_broadcast_i64x4(load32(x.qh + 32 * part));
                    for (int h = 0; h < 2; ++h) {
                        const __m512i l4 = _mm512_and_si512(h == 0 ? ql : _mm512_srli_epi16(ql, 4), low);
                        const __m512i h2 =
                            _mm512_slli_epi16(_mm512_and_si512(_mm512_srlv_epi16(qh, shifts[h]), three), 4);
                        const __m512i val = _mm512_or_si512(l4, h2); // value + 32, in [0, 64)
                        const __m512i a = _mm512_loadu_si512(y->qs + 128 * part + 64 * h);
                        const __m512i p =
                            _mm512_sub_epi16(_mm512_maddubs_epi16(val, a), _mm512_maddubs_epi16(bias, a));
                        sumi[h] = Acc::add(sumi[h], p,
                                           _mm512_permutexvar_epi16(pick(kPickQ6K, 2 * part + h), scales));
                    }
                }
                v.add(fold(_mm512_add_epi32(sumi[0], sumi[1])), y->d, x.d);
            });
    }

    // This variant's entries of the AVX-512 path's integer dot table (quant/kernel_table.h).
    static void add(dispatch::ByType<QuantizedDotFn>& table) {
        table[dispatch::typeSlot(GgmlType::Q4_K)] = dotQ4K;
        table[dispatch::typeSlot(GgmlType::Q6_K)] = dotQ6K;
    }
};
