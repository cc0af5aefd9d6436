#pragma once
// Entry points of the per-instruction-set kernel files. Each returns the SIMD quantizer of a type, or
// nullptr when that path has none (the dispatcher then uses the reference). Only call one after checking
// the CPU supports its instruction set (qf::cpuFeatures()).
#include "qf/ggml_type.h"
#include "quant_reference.h"

namespace qf::quant::detail {

#if defined(QF_HAVE_X86_KERNELS)
QuantizeRowsFn avx2QuantizeKernel(GgmlType type);
QuantizeRowsFn avx512QuantizeKernel(GgmlType type);
#endif
#if defined(QF_HAVE_NEON_KERNELS)
QuantizeRowsFn neonQuantizeKernel(GgmlType type);
#endif

} // namespace qf::quant::detail
