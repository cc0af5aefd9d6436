// The MXFP4 row unpacker of a kernel path (see qf/eval/mxfp4_unpack.h): its entry in the path record.
#include "qf/eval/mxfp4_unpack.h"

#include "quant/kernel_table.h"

namespace qf::eval {

void unpackMxfp4(quant::KernelPath path, const uint8_t* src, float* dst, int64_t n) {
    dispatch::kernels(path).unpacker(GgmlType::MXFP4)(src, dst, n);
}

} // namespace qf::eval
