#pragma once
// The seam between the codebook quantizers (quant_iq2.cpp, quant_iq3.cpp) and the SIMD kernel files: the
// quantizers run the nearest-neighbour search and the trial-scale fits through function pointers, so a
// kernel file hands them its vectorized versions and the rest of the algorithm (and so every byte) stays
// the reference's.
#include <cstdint>

#include "iq_grids.h"
#include "quant_search.h"

namespace qf::quant::detail {

// The listed neighbour of an off-grid key (mapValue < 0, an IqGrid::map entry) nearest to xval at
// `scale` in the weighted squared distance sum_i weight[i] * (scale * q[i] - xval[i])^2, summed in
// coordinate order; the first listed of equals wins. Returns its grid index, or -1 when no distance is
// below FLT_MAX (as ggml, whose callers then read out of bounds: inputs are finite before this).
using IqNeighbourFn = int (*)(const IqNeighbourTables& grid, int32_t mapValue, const float* xval,
                              const float* weight, float scale);

// What the trial-scale fits read of a grid (plain pointers, see IqNeighbourTables).
struct IqFitTables {
    IqNeighbourTables neighbours;
    const int32_t* map; // IqGrid::map
};

// The trial-scale loop of the codebook quantizers (ggml's "for (int is = -N; is <= N; ++is)"), on the n
// folded values xval of one group (n / dim grid points; n <= 32): for each inverse scale ids[t] in order,
// rounds to levels 0 .. maxQ-1, snaps each off-grid point to its nearest listed neighbour at 1 / ids[t],
// fits sumqx = sum w*x*q and sumq2 = sum w*q*q (q = 2l+1) in value order, and keeps the trial when
// "sumq2 > 0 && sumqx * sumqx > best * sumq2" (best starts at 0 and becomes scale * sumqx). For the last
// trial kept it writes *scale = sumqx / sumq2, its levels (n) and which points were on the grid (n / dim),
// and returns its number; returns -1 (and writes nothing) when none is kept.
using IqTrialsFn = int (*)(const IqFitTables& grid, int n, const float* xval, const float* weight,
                           const float* waux, const float* ids, int count, float* scale, int8_t* levels,
                           bool* onGrid);

// makeQpQuants (quant_search.h), the first scale guess of IQ2_XXS's groups.
using IqQpFn = float (*)(int n, int nmax, const float* x, uint8_t* levels, const float* weights);

// The kernels one quantizer runs. trials must match the grid: 8-value points with 3 levels (IQ2_*) or
// 4-value points with 8 levels (IQ3_*). qp: nullptr runs makeQpQuants.
struct IqKernels {
    IqNeighbourFn nearest;
    IqTrialsFn trials;
    IqQpFn qp = nullptr;
};

// The scalar references (quant_iq_fit.cpp): 8-value points, 2-bit keys, 3 levels; 4-value, 3-bit, 8.
int iqTrials8Ref(const IqFitTables& grid, int n, const float* xval, const float* weight, const float* waux,
                 const float* ids, int count, float* scale, int8_t* levels, bool* onGrid);
int iqTrials4Ref(const IqFitTables& grid, int n, const float* xval, const float* weight, const float* waux,
                 const float* ids, int count, float* scale, int8_t* levels, bool* onGrid);

// IQ1_S's exhaustive split of a sorted 32-value group into three levels (ggml quantize_row_iq1_s_impl's
// i1/i2 loop): from the prefix sums sumx and sumw (n + 1 entries, readable up to n + 17), tries every
// i1 <= i2 with the +delta then the -delta level values, keeping a candidate when "sumq2 > 0 && sumqx *
// sumqx > best * sumq2" (best starts at -FLT_MAX). For the last kept it writes *scale = sumqx / sumq2, i1,
// i2 and shift (1 or -1); writes nothing when none is kept.
using Iq1SplitFn = void (*)(const float* sumx, const float* sumw, int n, float* scale, int* i1, int* i2,
                            int* shift);
void iq1SplitRef(const float* sumx, const float* sumw, int n, float* scale, int* i1, int* i2, int* shift);
void quantizeIq1SWith(Iq1SplitFn split, const float* src, void* dst, int64_t nrows, int64_t rowLen,
                      const float* importance);

// IQ1_M's exhaustive split of a sorted 16-value group (ggml quantize_row_iq1_m_impl's i1/i2 loop), whose
// two halves each take their own delta sign: px and pw hold the prefix sums of w*x and w per half, half h
// at px + h * kIq1MSumStride (n + 1 entries each, readable up to n + 17). Tries every i1 <= i2 with the
// four sign codes in order (0: ++, 1: +-, 2: -+, 3: --), keeping a candidate when "sumq2 > 0 && sumqx *
// sumqx > best * sumq2" (best starts at -FLT_MAX). For the last kept it writes *scale = sumqx / sumq2,
// i1, i2 and the code; writes nothing when none is kept.
constexpr int kIq1MSumStride = 48;
using Iq1MSplitFn = void (*)(const float* px, const float* pw, int n, float* scale, int* i1, int* i2,
                             int* code);
void iq1mSplitRef(const float* px, const float* pw, int n, float* scale, int* i1, int* i2, int* code);

// The listed neighbour of an off-grid IQ1 key nearest to xval at `scale` with level values xg[0..2]
// (weighted squared distance summed in coordinate order, first listed of equals), or -1 when no distance
// is below FLT_MAX (the caller then searches the whole grid as ggml does).
using Iq1NeighbourFn = int (*)(const IqNeighbourTables& grid, int32_t mapValue, const float* xval,
                               const float* weight, float scale, const float* xg);
int iq1NearestRef(const IqNeighbourTables& grid, int32_t mapValue, const float* xval, const float* weight,
                  float scale, const float* xg);

// The positions of a 16-value group in stably sorted order (ggml's qsort of the group).
using Iq1OrderFn = void (*)(const float* x, int* order);
void iq1SortedOrder16Ref(const float* x, int* order);

struct Iq1MKernels {
    Iq1MSplitFn split;
    Iq1NeighbourFn nearest;
    Iq1OrderFn order = iq1SortedOrder16Ref;
};
void quantizeIq1MWith(const Iq1MKernels& k, const float* src, void* dst, int64_t nrows, int64_t rowLen,
                      const float* importance);

void quantizeIq2XxsWith(const IqKernels& k, const float* src, void* dst, int64_t nrows, int64_t rowLen,
                        const float* importance);
void quantizeIq2XsWith(const IqKernels& k, const float* src, void* dst, int64_t nrows, int64_t rowLen,
                       const float* importance);
void quantizeIq2SWith(const IqKernels& k, const float* src, void* dst, int64_t nrows, int64_t rowLen,
                      const float* importance);
void quantizeIq3XxsWith(const IqKernels& k, const float* src, void* dst, int64_t nrows, int64_t rowLen,
                        const float* importance);
void quantizeIq3SWith(const IqKernels& k, const float* src, void* dst, int64_t nrows, int64_t rowLen,
                      const float* importance);

} // namespace qf::quant::detail
