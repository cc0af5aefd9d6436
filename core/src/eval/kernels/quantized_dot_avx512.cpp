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

QuantizedDotFn avx512QuantizedDot(GgmlType type) {
    if (cpuFeatures().avx512vnni)
        if (QuantizedDotFn f = avx512VnniQuantizedDot(type)) return f;
    if (QuantizedDotFn f = Avx512DotLanes<MaddAcc>::lookup(type)) return f;
    return avx2QuantizedDot(type);
}

QuantizedDotFn avx512OwnQuantizedDot(GgmlType type) {
    return Avx512DotLanes<MaddAcc>::lookup(type);
}

} // namespace qf::eval::detail
