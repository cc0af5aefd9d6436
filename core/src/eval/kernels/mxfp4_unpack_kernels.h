#pragma once
// The instruction-set versions behind qf/eval/mxfp4_unpack.h: they look the codes up in a byte shuffle and
// multiply by the block's power-of-two scale, giving the reference dequantizer's bits (quant_mxfp4.cpp).
//
// The instruction-set dequantizers (avx2Dequantize, avx512Dequantize, neonDequantize) call these for
// GgmlType::MXFP4, so matmul()/matvec() and every row conversion take MXFP4 weights natively. n is a
// multiple of 32 (whole blocks); src holds n / 32 blocks of 17 bytes.
#include <cstdint>

namespace qf::eval::detail {

#if defined(QF_HAVE_X86_KERNELS)
// Only call these when the CPU has their instruction sets.
void unpackMxfp4Avx2(const uint8_t* src, float* dst, int64_t n);
void unpackMxfp4Avx512(const uint8_t* src, float* dst, int64_t n);
#endif
#if defined(QF_HAVE_NEON_KERNELS)
void unpackMxfp4Neon(const uint8_t* src, float* dst, int64_t n);
#endif

} // namespace qf::eval::detail
