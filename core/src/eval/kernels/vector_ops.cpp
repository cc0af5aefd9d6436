// The reference set of the element-wise helpers (eval::VectorOps, matmul_kernels.h).
#include <algorithm>
#include <cmath>

#include "matmul_kernels.h"
#include "quant/kernel_table.h"
#include "qf/fp16.h"

namespace qf::eval::detail {
namespace {

float maxOfRef(const float* x, int64_t n) {
    float m = x[0];
    for (int64_t i = 1; i < n; ++i)
        m = std::max(m, x[i]);
    return m;
}

double expShiftedRef(const float* x, float shift, float* out, int64_t n) {
    double sum = 0.0;
    for (int64_t i = 0; i < n; ++i) {
        const float d = x[i] - shift;
        out[i] = d < -87.0f ? 0.0f : std::exp(d);
        sum += double(out[i]);
    }
    return sum;
}

void roundToHalfRef(float* x, int64_t n) {
    for (int64_t i = 0; i < n; ++i)
        x[i] = fp16ToFp32(fp32ToFp16(x[i]));
}

} // namespace

} // namespace qf::eval::detail

namespace qf::dispatch {

void addReferenceVectorOps(eval::VectorOps& ops) {
    ops = {eval::detail::maxOfRef, eval::detail::expShiftedRef, eval::detail::roundToHalfRef};
}

} // namespace qf::dispatch
