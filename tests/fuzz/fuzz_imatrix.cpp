// libFuzzer entry point for the importance-matrix readers (legacy .dat and GGUF): any bytes give an
// imatrix or an error - never a crash or an allocation out of proportion to the input - and an accepted
// imatrix has only finite, non-negative values with at least one above zero.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "qf/quant/imatrix.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    auto im = qf::quant::parseImatrix({data, size}, "fuzz.imatrix");
    if (!im) return 0;
    bool positive = im->entries().empty();
    for (const auto& e : im->entries()) {
        for (float v : e.sumSquares) {
            if (!std::isfinite(v) || v < 0) {
                std::fprintf(stderr, "accepted a non-finite or negative value in %s\n", e.name.c_str());
                std::abort();
            }
            positive |= v > 0;
        }
        (void)im->importance(e);
    }
    if (!positive) {
        std::fprintf(stderr, "accepted an all-zero imatrix\n");
        std::abort();
    }
    return 0;
}
