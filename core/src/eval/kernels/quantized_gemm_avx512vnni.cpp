// The AVX-512 integer GEMM kernel with vpdpbusd (quantized_gemm_lanes.h): one instruction per 64 code and
// activation bytes. Compiled with -mavx512vnni; matmul_avx512.cpp calls it only when the CPU has it.
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

#include "quantized_dot.h"

namespace qf::eval::detail {
namespace {

struct VnniDot {
    static __m512i first(__m512i codes, __m512i activations) {
        return _mm512_dpbusd_epi32(_mm512_setzero_si512(), codes, activations);
    }
    static __m512i lanes(__m512i acc, __m512i codes, __m512i activations) {
        return _mm512_dpbusd_epi32(acc, codes, activations);
    }
};

#include "quantized_gemm_lanes.h"

} // namespace

void avx512VnniQuantizedGemm(const PreparedBlockK* w, int64_t blocks, const GemmActivationQ8K* act,
                             int64_t tokens, float* y, int64_t ldy) {
    GemmLanes<VnniDot>::kernel(w, blocks, act, tokens, y, ldy);
}

void avx512VnniQuantizedGemmPair(const PreparedBlockK* w, int64_t blocks, const GemmActivationQ8K* act,
                                 int64_t tokens, float* y, int64_t ldy) {
    GemmLanes<VnniDot>::pairKernel(w, blocks, act, tokens, y, ldy);
}

} // namespace qf::eval::detail
