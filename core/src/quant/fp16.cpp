#include "qf/fp16.h"

#include "qf/cpu_features.h"

namespace qf {

#ifdef QF_HAVE_X86_KERNELS
namespace detail {
void fp16ToFp32RowF16c(const uint16_t* src, float* dst, int64_t n);
}
#endif

void fp32ToFp16Row(const float* src, uint16_t* dst, int64_t n) {
    for (int64_t i = 0; i < n; ++i)
        dst[i] = fp32ToFp16(src[i]);
}

void fp16ToFp32Row(const uint16_t* src, float* dst, int64_t n) {
#ifdef QF_HAVE_X86_KERNELS
    // Widening an F16 model is half of the work of making Q8_0 or Q4_0 from it.
    static const bool f16c = cpuFeatures().f16c && cpuFeatures().avx;
    if (f16c) return detail::fp16ToFp32RowF16c(src, dst, n);
#endif
    for (int64_t i = 0; i < n; ++i)
        dst[i] = fp16ToFp32(src[i]);
}

void fp32ToBf16Row(const float* src, uint16_t* dst, int64_t n) {
    for (int64_t i = 0; i < n; ++i)
        dst[i] = fp32ToBf16(src[i]);
}

void bf16ToFp32Row(const uint16_t* src, float* dst, int64_t n) {
    for (int64_t i = 0; i < n; ++i)
        dst[i] = bf16ToFp32(src[i]);
}

} // namespace qf
