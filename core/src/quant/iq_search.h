#pragma once
// Pieces shared by the codebook quantizers (IQ2_*, IQ3_*): sign folding and the nearest-grid-point
// search. Float expressions follow ggml's evaluation order on purpose; do not "simplify" them.
#include <cfloat>
#include <cstdint>
#include <cstring>

#include "iq_grids.h"
#include "iq_kernels.h"
#include "quant_blocks.h"

namespace qf::quant::detail {

// The scalar reference of IqNeighbourFn (ggml iq2/iq3_find_best_neighbour's search).
static inline int iqNeighbourRef(const IqNeighbourTables& grid, int32_t mapValue, const float* xval,
                                 const float* weight, float scale) {
    const uint16_t* neighbours = grid.lists + (-mapValue - 1);
    const int count = neighbours[0];
    float bestD2 = FLT_MAX;
    int best = -1;
    for (int j = 1; j <= count; ++j) {
        const int8_t* pg = grid.points + grid.dim * neighbours[j];
        float d2 = 0;
        for (int i = 0; i < grid.dim; ++i) {
            const float q = pg[i];
            const float diff = scale * q - xval[i];
            d2 += weight[i] * diff * diff;
        }
        if (d2 < bestD2) {
            bestD2 = d2;
            best = neighbours[j];
        }
    }
    return best;
}

// The nearest listed neighbour of an off-grid key (see IqNeighbourFn); writes its levels (l, not 2l+1)
// to levels and returns its grid index.
static inline int iqBestNeighbour(const IqGrid& grid, IqNeighbourFn nearest, int32_t mapValue,
                                  const float* xval, const float* weight, float scale, int8_t* levels) {
    const int best = nearest(grid.neighbourTables(), mapValue, xval, weight, scale);
    const int8_t* pg = grid.point(best);
    for (int i = 0; i < grid.dim; ++i)
        levels[i] = int8_t((pg[i] - 1) / 2);
    return best;
}

// Key of a level vector in IqGrid::map.
static inline uint16_t iqKey(const int8_t* levels, int dim, int levelBits) {
    uint16_t u = 0;
    for (int i = 0; i < dim; ++i)
        u = uint16_t(u | (levels[i] << levelBits * i));
    return u;
}

// Folds the signs of 8 values into xval (absolute values) and returns the sign bits. With evenParity, an
// odd number of negatives is made even by flipping the value whose weight*x*x is smallest (IQ2_XXS,
// IQ2_XS, IQ3_XXS store 7 sign bits and imply the eighth).
static inline uint8_t iqFoldSigns(const float* xb, const float* weight, bool evenParity, float* xval) {
    // Without branches: the signs of trained weights are coin flips, which a branch mispredicts half the
    // time. Negating a float flips its sign bit, so -xb[i] is xb[i] with bit 31 flipped.
    int flips = 0;
    uint32_t s = 0;
    for (int i = 0; i < 8; ++i) {
        const uint32_t negative = xb[i] >= 0 ? 0u : 1u;
        uint32_t bits;
        std::memcpy(&bits, xb + i, sizeof bits);
        bits ^= negative << 31;
        std::memcpy(xval + i, &bits, sizeof bits);
        flips += int(negative);
        s |= negative << i;
    }
    if (evenParity && flips % 2) {
        int imin = 0;
        float min = weight[imin] * xb[imin] * xb[imin];
        for (int i = 1; i < 8; ++i) {
            const float ax = weight[i] * xb[i] * xb[i];
            const bool smaller = ax < min;
            min = smaller ? ax : min;
            imin = smaller ? i : imin;
        }
        xval[imin] = -xval[imin];
        s ^= 1u << imin;
    }
    return uint8_t(s);
}

} // namespace qf::quant::detail
