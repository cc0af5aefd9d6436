// Picks the MXFP4 row unpacker of a kernel path (see qf/eval/mxfp4_unpack.h).
#include "qf/eval/mxfp4_unpack.h"

#include "quant/kernel_table.h"
#include "mxfp4_unpack_kernels.h"

namespace qf::eval {

void unpackMxfp4(quant::KernelPath path, const uint8_t* src, float* dst, int64_t n) {
    if (path != quant::KernelPath::Reference && dispatch::pathUsable(path)) {
        switch (path) {
#if defined(QF_HAVE_X86_KERNELS)
        case quant::KernelPath::Avx2:
            return detail::unpackMxfp4Avx2(src, dst, n);
        case quant::KernelPath::Avx512:
            return detail::unpackMxfp4Avx512(src, dst, n);
#endif
#if defined(QF_HAVE_NEON_KERNELS)
        case quant::KernelPath::Neon:
            return detail::unpackMxfp4Neon(src, dst, n);
#endif
        default:
            break;
        }
    }
    quant::dequantizeRow(GgmlType::MXFP4, src, dst, n);
}

} // namespace qf::eval
