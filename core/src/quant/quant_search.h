#pragma once
// The scale searches that the K-quants, IQ4 and the weighted legacy quantizers share. Each one is a
// scalar reference: the SIMD kernels run the same operations in the same order per lane, and the tests
// hold them to identical bytes. Float expressions are written in ggml's evaluation order on purpose
// (e.g. w * x * l is (w * x) * l); do not "simplify" them.
#include <cstdint>

namespace qf::quant::detail {

// Symmetric search (ggml make_qx_quants, rmse_type 1): levels L[i] in [0, 2*nmax) meaning l - nmax.
// weights == nullptr weighs each value by x*x. Returns the scale.
float makeQxQuants(int n, int nmax, const float* x, int8_t* levels, const float* weights);

// Symmetric search with iterative per-value refinement, weights x*x (ggml make_q3_quants, do_rmse).
// Levels in [0, 2*nmax) except an all-zero group, which gets all levels 0 and scale 0.
float makeQ3Quants(int n, int nmax, const float* x, int8_t* levels);

// Asymmetric scale+min search (ggml make_qkx2_quants / make_qkx3_quants with explicit weights; the two are
// the same computation then). Levels in [0, nmax]; *minOut receives -min (>= 0). useMad weighs absolute
// instead of squared errors.
float makeQkxQuants(int n, int nmax, const float* x, const float* weights, uint8_t* levels, float* minOut,
                    uint8_t* scratch, float rmin, float rdelta, int nstep, bool useMad);

// Positive-only search used to quantize the sub-block scales of the weighted K-quants (make_qp_quants).
float makeQpQuants(int n, int nmax, const float* x, uint8_t* levels, const float* weights);

// The IQ4 level nearest to x (ties to the upper level), with ggml's comparisons. values has 16 entries.
int bestIq4Index(const int8_t* values, float x);

// Per-block scale search of IQ4_NL / IQ4_XS (ggml quantize_row_iq4_nl_impl, first loop, ntry > 0).
// Returns the block scale, 0 for an all-zero block.
float searchIq4Scale(int n, const float* x, const float* weights, int ntry);

} // namespace qf::quant::detail
