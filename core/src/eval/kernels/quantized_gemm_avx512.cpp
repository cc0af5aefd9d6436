// AVX-512 integer GEMM (quantized_dot.h): one prepared weight row against up to eight tokens. Per block the
// 256 codes and their pair scales sit in eight zmm registers; per token and 64 values one vpmaddubsw (codes
// times activation bytes into 16-bit pairs) and one vpmaddwd (times the pair scales into 32-bit sums), then
// one float multiply-add of the block and one of its group minimums. The row preparers unpack Q4_K and
// Q6_K with vector instructions.
#include <cstdint>

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#pragma GCC diagnostic ignored "-Wuninitialized"
#include <immintrin.h>
#pragma GCC diagnostic pop
#else
#include <immintrin.h>
#endif

#include "quant/quant_blocks.h"
#include "quantized_dot.h"

namespace qf::eval::detail {
namespace {

using namespace quant::detail;

template <int T>
void rowTokens(const PreparedBlockK* w, int64_t blocks, const GemmActivationQ8K* act, float* y, int64_t ldy) {
    __m512 acc[T];
#pragma GCC unroll 8
    for (int t = 0; t < T; ++t)
        acc[t] = _mm512_setzero_ps();
    for (int64_t b = 0; b < blocks; ++b) {
        const PreparedBlockK& p = w[b];
        const __m512i q0 = _mm512_load_si512(p.q), q1 = _mm512_load_si512(p.q + 64);
        const __m512i q2 = _mm512_load_si512(p.q + 128), q3 = _mm512_load_si512(p.q + 192);
        const __m512i s0 = _mm512_load_si512(p.scales), s1 = _mm512_load_si512(p.scales + 32);
        const __m512i s2 = _mm512_load_si512(p.scales + 64), s3 = _mm512_load_si512(p.scales + 96);
        const __m512 mins = _mm512_load_ps(p.mins);
        const __m512 d = _mm512_set1_ps(p.d);
#pragma GCC unroll 8
        for (int t = 0; t < T; ++t) {
            const GemmActivationQ8K& a = act[t * blocks + b];
            __m512i sumi = _mm512_madd_epi16(_mm512_maddubs_epi16(q0, _mm512_load_si512(a.qs)), s0);
            sumi = _mm512_add_epi32(sumi, _mm512_madd_epi16(_mm512_maddubs_epi16(q1, _mm512_load_si512(a.qs + 64)), s1));
            sumi = _mm512_add_epi32(sumi, _mm512_madd_epi16(_mm512_maddubs_epi16(q2, _mm512_load_si512(a.qs + 128)), s2));
            sumi = _mm512_add_epi32(sumi, _mm512_madd_epi16(_mm512_maddubs_epi16(q3, _mm512_load_si512(a.qs + 192)), s3));
            acc[t] = _mm512_fmadd_ps(_mm512_cvtepi32_ps(sumi), _mm512_mul_ps(d, _mm512_set1_ps(a.d)), acc[t]);
            acc[t] = _mm512_fnmadd_ps(_mm512_load_ps(a.groupSums), mins, acc[t]);
        }
    }
#pragma GCC unroll 8
    for (int t = 0; t < T; ++t)
        y[t * ldy] = _mm512_reduce_add_ps(acc[t]);
}

void prepareQ4K(const uint8_t* row, int64_t n, PreparedBlockK* out) {
    const auto* x = reinterpret_cast<const BlockQ4K*>(row);
    const __m256i low = _mm256_set1_epi8(0xF);
    // Each min covers two 16-value groups.
    const __m512i pairs = _mm512_set_epi32(7, 7, 6, 6, 5, 5, 4, 4, 3, 3, 2, 2, 1, 1, 0, 0);
    for (int64_t b = 0; b < n / 256; ++b, ++x, ++out) {
        for (int s = 0; s < 4; ++s) {
            const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(x->qs + 32 * s));
            _mm256_store_si256(reinterpret_cast<__m256i*>(out->q + 64 * s), _mm256_and_si256(v, low));
            _mm256_store_si256(reinterpret_cast<__m256i*>(out->q + 64 * s + 32),
                               _mm256_and_si256(_mm256_srli_epi16(v, 4), low));
        }
        alignas(16) uint8_t sc[8], m[8];
        for (int j = 0; j < 8; ++j) {
            unpackScaleMinK4(j, x->scales, sc + j, m + j);
            _mm256_store_si256(reinterpret_cast<__m256i*>(out->scales + 16 * j), _mm256_set1_epi16(int16_t(sc[j])));
        }
        const __m256 mins = _mm256_mul_ps(_mm256_set1_ps(_cvtsh_ss(x->dmin)),
                                          _mm256_cvtepi32_ps(_mm256_cvtepu8_epi32(_mm_loadl_epi64(
                                              reinterpret_cast<const __m128i*>(m)))));
        _mm512_store_ps(out->mins, _mm512_permutexvar_ps(pairs, _mm512_castps256_ps512(mins)));
        out->d = _cvtsh_ss(x->d);
    }
}

void prepareQ6K(const uint8_t* row, int64_t n, PreparedBlockK* out) {
    const auto* x = reinterpret_cast<const BlockQ6K*>(row);
    const __m256i low = _mm256_set1_epi8(0xF);
    const __m256i two = _mm256_set1_epi8(3);
    for (int64_t b = 0; b < n / 256; ++b, ++x, ++out) {
        for (int part = 0; part < 2; ++part) {
            const __m256i ql0 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(x->ql + 64 * part));
            const __m256i ql1 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(x->ql + 64 * part + 32));
            const __m256i qh = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(x->qh + 32 * part));
            for (int j = 0; j < 4; ++j) {
                const __m256i l4 = j == 0   ? _mm256_and_si256(ql0, low)
                                   : j == 1 ? _mm256_and_si256(ql1, low)
                                   : j == 2 ? _mm256_and_si256(_mm256_srli_epi16(ql0, 4), low)
                                            : _mm256_and_si256(_mm256_srli_epi16(ql1, 4), low);
                const __m256i h2 = _mm256_slli_epi16(_mm256_and_si256(_mm256_srli_epi16(qh, 2 * j), two), 4);
                _mm256_store_si256(reinterpret_cast<__m256i*>(out->q + 128 * part + 32 * j), _mm256_or_si256(l4, h2));
            }
        }
        const __m128i sc8 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(x->scales));
        const __m512i sc16 = _mm512_castsi256_si512(_mm256_cvtepi8_epi16(sc8));
        for (int k = 0; k < 4; ++k) {
            // Lane i of step k takes group 4k + i / 8.
            const __m512i idx = _mm512_set_epi16(
                4 * k + 3, 4 * k + 3, 4 * k + 3, 4 * k + 3, 4 * k + 3, 4 * k + 3, 4 * k + 3, 4 * k + 3, 4 * k + 2,
                4 * k + 2, 4 * k + 2, 4 * k + 2, 4 * k + 2, 4 * k + 2, 4 * k + 2, 4 * k + 2, 4 * k + 1, 4 * k + 1,
                4 * k + 1, 4 * k + 1, 4 * k + 1, 4 * k + 1, 4 * k + 1, 4 * k + 1, 4 * k, 4 * k, 4 * k, 4 * k, 4 * k,
                4 * k, 4 * k, 4 * k);
            _mm512_store_si512(out->scales + 32 * k, _mm512_permutexvar_epi16(idx, sc16));
        }
        const float d = _cvtsh_ss(x->d);
        _mm512_store_ps(out->mins, _mm512_mul_ps(_mm512_set1_ps(32.0f * d),
                                                 _mm512_cvtepi32_ps(_mm512_cvtepi8_epi32(sc8))));
        out->d = d;
    }
}

} // namespace

PrepareRowFn avx512PrepareRow(GgmlType type) {
    switch (type) {
    case GgmlType::Q4_K:
        return prepareQ4K;
    case GgmlType::Q6_K:
        return prepareQ6K;
    default:
        return nullptr;
    }
}

void avx512QuantizedGemm(const PreparedBlockK* w, int64_t blocks, const GemmActivationQ8K* act, int64_t tokens,
                         float* y, int64_t ldy) {
    switch (tokens) {
    case 1:
        return rowTokens<1>(w, blocks, act, y, ldy);
    case 2:
        return rowTokens<2>(w, blocks, act, y, ldy);
    case 3:
        return rowTokens<3>(w, blocks, act, y, ldy);
    case 4:
        return rowTokens<4>(w, blocks, act, y, ldy);
    case 5:
        return rowTokens<5>(w, blocks, act, y, ldy);
    case 6:
        return rowTokens<6>(w, blocks, act, y, ldy);
    case 7:
        return rowTokens<7>(w, blocks, act, y, ldy);
    default:
        return rowTokens<8>(w, blocks, act, y, ldy);
    }
}

} // namespace qf::eval::detail
