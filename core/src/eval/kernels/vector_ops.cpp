#include "qf/eval/vector_ops.h"

#include <algorithm>
#include <cmath>

#include "matmul_kernels.h"
#include "qf/eval/matmul.h"
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

const VectorOps& referenceVectorOps() {
    static const VectorOps ops{maxOfRef, expShiftedRef, roundToHalfRef};
    return ops;
}

} // namespace qf::eval::detail

namespace qf::eval {

const VectorOps& vectorOps(quant::KernelPath path) {
    using namespace detail;
    if (!pathUsable(path)) return referenceVectorOps();
    switch (path) {
#if defined(QF_HAVE_X86_KERNELS)
    case quant::KernelPath::Avx2:
        return avx2VectorOps();
    case quant::KernelPath::Avx512:
        return avx512VectorOps();
#endif
    default:
        return referenceVectorOps();
    }
}

const VectorOps& vectorOps() {
    return vectorOps(activeMatmulPath());
}

} // namespace qf::eval
