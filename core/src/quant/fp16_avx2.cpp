// Half-to-float widening with the F16C instruction. The conversion is exact, so it gives the same floats
// as the scalar fp16ToFp32 (for every finite and infinite value; NaN payloads are not promised).
#include <immintrin.h>

#include "qf/fp16.h"

namespace qf::detail {

void fp16ToFp32RowF16c(const uint16_t* src, float* dst, int64_t n) {
    int64_t i = 0;
    for (; i + 8 <= n; i += 8) {
        const __m128i h = _mm_loadu_si128(reinterpret_cast<const __m128i*>(src + i));
        _mm256_storeu_ps(dst + i, _mm256_cvtph_ps(h));
    }
    for (; i < n; ++i) dst[i] = fp16ToFp32(src[i]);
}

} // namespace qf::detail
