// AVX-512 integer dot products of Q4_K and Q6_K (quantized_dot_avx512_lanes.h) with vpmaddwd + vpaddd; the
// AVX-512 path takes the AVX2 kernels for the other types. Results have the AVX2 kernels' bits.
// GCC 12 warns about its own AVX-512 intrinsics' undefined upper lanes.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#pragma GCC diagnostic ignored "-Wuninitialized"
#include <immintrin.h>
#pragma GCC diagnostic pop
#else
#include <immintrin.h>
#endif

#include <cstdint>
#include <cstring>

#include "qf/cpu_features.h"
#include "quant/kernel_table.h"
#include "quant/quant_blocks.h"
#include "quantized_dot.h"
#include "quantized_dot_loop.h"

namespace qf::eval::detail {
namespace {

#include "quantized_dot_x86.h"

struct MaddAcc {
    static __m512i add(__m512i acc, __m512i pairs, __m512i scales) {
        return _mm512_add_epi32(acc, _mm512_madd_epi16(pairs, scales));
    }
};

#include "quantized_dot_avx512_lanes.h"

} // namespace

// referenceQuantizeActivationsQ8K's bytes: the first value of largest magnitude sets the scale (NaNs never
// do), each value rounds as ggml's nearest_int, with the multiply and the add rounded separately (explicit
// rounding intrinsics, which the compiler does not fuse into an FMA); one vector is one 16-value group.
void avx512QuantizeActivationsQ8K(const float* x, ActivationQ8K* out, int64_t n) {
    constexpr int kRound = _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC;
    const __m512 magic = _mm512_set1_ps(12582912.0f);
    const __m512i mantissa = _mm512_set1_epi32(0x007fffff), half = _mm512_set1_epi32(0x00400000);
    const __m512i top = _mm512_set1_epi32(127);
    for (int64_t b = 0; b < n / 256; ++b, x += 256, ++out) {
        __m512 v[16];
        __m512 maxAbs = _mm512_setzero_ps();
        for (int g = 0; g < 16; ++g) {
            v[g] = _mm512_loadu_ps(x + 16 * g);
            maxAbs = _mm512_max_ps(_mm512_abs_ps(v[g]), maxAbs); // a NaN lane keeps maxAbs
        }
        const float m = _mm512_reduce_max_ps(maxAbs);
        if (m == 0.0f) {
            std::memset(out, 0, sizeof *out);
            continue;
        }
        float max = 0.0f;
        const __m512 target = _mm512_set1_ps(m);
        for (int g = 0; g < 16; ++g)
            if (const __mmask16 hit = _mm512_cmp_ps_mask(_mm512_abs_ps(v[g]), target, _CMP_EQ_OQ)) {
                max = x[16 * g + __builtin_ctz(hit)];
                break;
            }
        const float iscale = -127.0f / max;
        out->d = 1 / iscale;
        const __m512 scale = _mm512_set1_ps(iscale);
        for (int g = 0; g < 16; ++g) {
            const __m512 shifted =
                _mm512_add_round_ps(_mm512_mul_round_ps(scale, v[g], kRound), magic, kRound);
            __m512i q = _mm512_sub_epi32(_mm512_and_si512(_mm512_castps_si512(shifted), mantissa), half);
            q = _mm512_min_epi32(q, top);
            _mm_storeu_si128(reinterpret_cast<__m128i*>(out->qs + 16 * g), _mm512_cvtepi32_epi8(q));
            // The group sum of the stored bytes (as int8, like the reference's).
            out->bsums[g] = int16_t(_mm512_reduce_add_epi32(_mm512_srai_epi32(_mm512_slli_epi32(q, 24), 24)));
        }
    }
}

} // namespace qf::eval::detail

namespace qf::dispatch {

void addAvx512QuantizedDots(ByType<QuantizedDotFn>& table) {
    addAvx2QuantizedDots(table);
    addAvx512OwnQuantizedDots(table);
    if (cpuFeatures().avx512vnni) addAvx512VnniQuantizedDots(table);
}

void addAvx512OwnQuantizedDots(ByType<QuantizedDotFn>& table) {
    eval::detail::Avx512DotLanes<eval::detail::MaddAcc>::add(table);
}

} // namespace qf::dispatch
