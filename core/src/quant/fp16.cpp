#include "qf/fp16.h"

namespace qf {

void fp32ToFp16Row(const float* src, uint16_t* dst, int64_t n) {
    for (int64_t i = 0; i < n; ++i)
        dst[i] = fp32ToFp16(src[i]);
}

void fp16ToFp32Row(const uint16_t* src, float* dst, int64_t n) {
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
