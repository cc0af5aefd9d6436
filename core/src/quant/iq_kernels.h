#pragma once
// The seam between the codebook quantizers (quant_iq2.cpp, quant_iq3.cpp) and the SIMD kernel files: the
// quantizers run the nearest-neighbour search through a function pointer, so a kernel file hands them its
// vectorized search and the rest of the algorithm (and so every byte) stays the reference's.
#include <cstdint>

#include "iq_grids.h"

namespace qf::quant::detail {

// The listed neighbour of an off-grid key (mapValue < 0, an IqGrid::map entry) nearest to xval at
// `scale` in the weighted squared distance sum_i weight[i] * (scale * q[i] - xval[i])^2, summed in
// coordinate order; the first listed of equals wins. Returns its grid index, or -1 when no distance is
// below FLT_MAX (as ggml, whose callers then read out of bounds: inputs are finite before this).
using IqNeighbourFn = int (*)(const IqNeighbourTables& grid, int32_t mapValue, const float* xval,
                              const float* weight, float scale);

void quantizeIq2XxsWith(IqNeighbourFn nearest, const float* src, void* dst, int64_t nrows, int64_t rowLen,
                        const float* importance);
void quantizeIq2XsWith(IqNeighbourFn nearest, const float* src, void* dst, int64_t nrows, int64_t rowLen,
                       const float* importance);
void quantizeIq2SWith(IqNeighbourFn nearest, const float* src, void* dst, int64_t nrows, int64_t rowLen,
                      const float* importance);
void quantizeIq3XxsWith(IqNeighbourFn nearest, const float* src, void* dst, int64_t nrows, int64_t rowLen,
                        const float* importance);
void quantizeIq3SWith(IqNeighbourFn nearest, const float* src, void* dst, int64_t nrows, int64_t rowLen,
                      const float* importance);

} // namespace qf::quant::detail
