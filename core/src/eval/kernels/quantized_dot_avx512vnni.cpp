// The AVX-512 integer dot products of Q4_K and Q6_K with vpdpwssd (AVX-512 VNNI): the 16-bit pair products
// and their sum in one instruction. Compiled with -mavx512vnni; addAvx512QuantizedDots() lists them only when
// the CPU has it. Results have the AVX2 kernels' bits (quantized_dot_avx512_lanes.h).
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

#include "quant/quant_blocks.h"
#include "quant/kernel_table.h"
#include "quantized_dot.h"
#include "quantized_dot_loop.h"

namespace qf::eval::detail {
namespace {

#include "quantized_dot_x86.h"

struct VnniAcc {
    static __m512i add(__m512i acc, __m512i pairs, __m512i scales) {
        return _mm512_dpwssd_epi32(acc, pairs, scales);
    }
};

#include "quantized_dot_avx512_lanes.h"

} // namespace

} // namespace qf::eval::detail

namespace qf::dispatch {

void addAvx512VnniQuantizedDots(ByType<QuantizedDotFn>& table) {
    eval::detail::Avx512DotLanes<eval::detail::VnniAcc>::add(table);
}

} // namespace qf::dispatch
