#pragma once
// The codebooks of the 1-3-bit I-quants and the search tables built from them. A grid point is a short
// vector (8 coordinates for IQ2_* and IQ1_*, 4 for IQ3_*) of small odd numbers 2*l+1, l a level; a block
// stores, per group of values, the index of one grid point. The quantizers round a group to levels, look
// the level vector up in `map` (the grid index, or a negative reference into `neighbours` when the vector
// is not on the grid), and otherwise search the listed neighbours: the grid points at the nearest few
// distinct squared distances, nearest first, ties by index (ggml's iq2xs_init_impl / iq3xs_init_impl).
//
// Tables are built on first use, once, thread-safely (function-local statics), and never freed.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace qf::quant::detail {

enum class IqGridKind : uint8_t { Iq2Xxs, Iq2Xs, Iq2S, Iq1S, Iq3Xxs, Iq3S };

// Plain pointers into an IqGrid's neighbour tables, for the SIMD kernel files (which must not call
// inline library code such as std::vector's members; see simd_drivers.h).
struct IqNeighbourTables {
    const uint16_t* lists; // IqGrid::neighbours
    const uint16_t* keys;  // IqGrid::neighbourKeys
    const int8_t* points;  // IqGrid::points
    int dim;
};

struct IqFitTables;

struct IqGrid {
    int size = 0;                     // grid points
    int dim = 0;                      // coordinates per point: 8 or 4
    int levelBits = 0;                // bits per level in a map key: 2 or 3
    std::vector<int8_t> points;       // size * dim coordinates, each 2*l+1
    std::vector<int32_t> map;         // level vector key -> grid index, or -(offset into neighbours) - 1
    std::vector<uint16_t> neighbours; // per off-grid key: count, then that many grid indices
    // Parallel to neighbours: the level key of each listed point (0 in the count slots), so the SIMD
    // searches read the levels of N neighbours with one load. Padded at the end for whole-vector reads.
    std::vector<uint16_t> neighbourKeys;

    const int8_t* point(int index) const { return points.data() + size_t(index) * size_t(dim); }
    // The neighbour list (count first) of an off-grid key, for a negative map value.
    const uint16_t* neighboursOf(int32_t mapValue) const { return neighbours.data() + (-mapValue - 1); }
    IqNeighbourTables neighbourTables() const {
        return {neighbours.data(), neighbourKeys.data(), points.data(), dim};
    }
    IqFitTables fitTables() const; // IqFitTables: iq_kernels.h
};

const IqGrid& iqGrid(IqGridKind kind);

// The packed level indices the grids are made from (iq_grid_data.cpp).
extern const uint16_t kIq2xxsGridIndices[256];
extern const uint16_t kIq2xsGridIndices[512];
extern const uint16_t kIq2sGridIndices[1024];
extern const uint16_t kIq1sGridIndices[2048];
extern const uint16_t kIq3xxsGridIndices[256];
extern const uint16_t kIq3sGridIndices[512];

// Dequantization values: grid point `index` of a kind as the numbers ggml multiplies by the scale
// (IQ2: 8, 25, 43; IQ3_XXS: 4, 12, ..., 52, 62; IQ3_S: 1, 3, ..., 15; IQ1: -1, 0, 1).
const int8_t* iqGridValues(IqGridKind kind, int index);

// The sign byte of a 7-bit IQ2/IQ3_XXS sign field: the eighth sign makes the count of negatives even.
static inline uint8_t iqSignsWithParity(uint32_t sevenBits) {
    sevenBits &= 127;
    return uint8_t(sevenBits | ((__builtin_popcount(sevenBits) & 1) << 7));
}

} // namespace qf::quant::detail
