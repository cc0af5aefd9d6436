// AVX-512 integer GEMM (quantized_dot.h): the kernel of quantized_gemm_lanes.h with vpmaddubsw + vpmaddwd
// for CPUs without VNNI, and the row preparers of Q4_K and Q6_K (vector unpacking into lane order) that
// both kernels use.
#include <cstdint>
#include <cstring>

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
#include "quant/kernel_table.h"
#include "quantized_dot.h"

namespace qf::eval::detail {
namespace {

using namespace quant::detail;

#include "quantized_dot_x86.h"

struct BwDot {
    static __m512i first(__m512i codes, __m512i activations) {
        return _mm512_madd_epi16(_mm512_maddubs_epi16(codes, activations), _mm512_set1_epi16(1));
    }
    static __m512i lanes(__m512i acc, __m512i codes, __m512i activations) {
        return _mm512_add_epi32(acc, first(codes, activations));
    }
};

#include "quantized_gemm_lanes.h"

// Four zmm of codes in natural order (values 64 r .. 64 r + 63 in register r) into lane order: step i lane L
// is dword 4 L + i of the block.
void storeLaneOrder(__m512i n0, __m512i n1, __m512i n2, __m512i n3, uint8_t* out) {
    for (int i = 0; i < 4; ++i) {
        const __m512i idx = _mm512_add_epi32(
            _mm512_set_epi32(28, 24, 20, 16, 12, 8, 4, 0, 28, 24, 20, 16, 12, 8, 4, 0), _mm512_set1_epi32(i));
        const __m512i low = _mm512_permutex2var_epi32(n0, idx, n1);  // lanes 0-7: groups 0-7
        const __m512i high = _mm512_permutex2var_epi32(n2, idx, n3); // lanes 0-7: groups 8-15
        _mm512_store_si512(out + 64 * i, _mm512_shuffle_i64x2(low, high, 0x44));
    }
}

void prepareQ4K(const uint8_t* row, int64_t n, PreparedBlockK* out) {
    const auto* x = reinterpret_cast<const BlockQ4K*>(row);
    const __m256i low = _mm256_set1_epi8(0xF);
    // Each scale and min covers two 16-value groups.
    const __m512i pairs = _mm512_set_epi32(7, 7, 6, 6, 5, 5, 4, 4, 3, 3, 2, 2, 1, 1, 0, 0);
    for (int64_t b = 0; b < n / 256; ++b, ++x, ++out) {
        __m512i natural[4];
        for (int s = 0; s < 4; ++s) {
            const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(x->qs + 32 * s));
            natural[s] = _mm512_inserti64x4(_mm512_castsi256_si512(_mm256_and_si256(v, low)),
                                            _mm256_and_si256(_mm256_srli_epi16(v, 4), low), 1);
        }
        storeLaneOrder(natural[0], natural[1], natural[2], natural[3], out->q);
        const ScalesMinsK4 sm = unpackK4(x->scales);
        auto widen = [](uint64_t bytes, float scale) {
            const __m256 v =
                _mm256_mul_ps(_mm256_set1_ps(scale),
                              _mm256_cvtepi32_ps(_mm256_cvtepu8_epi32(_mm_cvtsi64_si128(int64_t(bytes)))));
            return _mm512_castps256_ps512(v);
        };
        _mm512_store_ps(out->dscales, _mm512_permutexvar_ps(pairs, widen(sm.scales, _cvtsh_ss(x->d))));
        _mm512_store_ps(out->mins, _mm512_permutexvar_ps(pairs, widen(sm.mins, _cvtsh_ss(x->dmin))));
    }
}

void prepareQ6K(const uint8_t* row, int64_t n, PreparedBlockK* out) {
    const auto* x = reinterpret_cast<const BlockQ6K*>(row);
    const __m256i low = _mm256_set1_epi8(0xF);
    const __m256i two = _mm256_set1_epi8(3);
    for (int64_t b = 0; b < n / 256; ++b, ++x, ++out) {
        __m256i quarter[8]; // values 32 k .. 32 k + 31
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
                quarter[4 * part + j] = _mm256_or_si256(l4, h2);
            }
        }
        auto join = [&](int k) {
            return _mm512_inserti64x4(_mm512_castsi256_si512(quarter[2 * k]), quarter[2 * k + 1], 1);
        };
        storeLaneOrder(join(0), join(1), join(2), join(3), out->q);
        const __m512 scales = _mm512_mul_ps(_mm512_set1_ps(_cvtsh_ss(x->d)),
                                            _mm512_cvtepi32_ps(_mm512_cvtepi8_epi32(_mm_loadu_si128(
                                                reinterpret_cast<const __m128i*>(x->scales)))));
        _mm512_store_ps(out->dscales, scales);
        _mm512_store_ps(out->mins, _mm512_mul_ps(_mm512_set1_ps(32.0f), scales));
    }
}

} // namespace

void avx512QuantizedGemm(const PreparedBlockK* w, int64_t blocks, const GemmActivationQ8K* act,
                         int64_t tokens, float* y, int64_t ldy) {
    GemmLanes<BwDot>::kernel(w, blocks, act, tokens, y, ldy);
}

void avx512QuantizedGemmPair(const PreparedBlockK* w, int64_t blocks, const GemmActivationQ8K* act,
                             int64_t tokens, float* y, int64_t ldy) {
    GemmLanes<BwDot>::pairKernel(w, blocks, act, tokens, y, ldy);
}

} // namespace qf::eval::detail

namespace qf::dispatch {

// The codebook types' scalar preparers, this path's own for Q4_K and Q6_K (Q5_K: the F32 product).
void addAvx512Preparers(ByType<PrepareRowFn>& table) {
    addCodebookPreparers(table);
    table[typeSlot(GgmlType::Q4_K)] = eval::detail::prepareQ4K;
    table[typeSlot(GgmlType::Q6_K)] = eval::detail::prepareQ6K;
}

} // namespace qf::dispatch
