// Builds the I-quant search tables from the grid indices (see iq_grids.h). The neighbour lists must list
// exactly ggml's points in ggml's order, because the searches keep the first of equally good points:
// ggml sorts all grid points by (squared distance, index) and keeps those at the `nwant` smallest distinct
// distances. Distances are small integers, so a counting pass gives the same order without sorting.
#include "iq_grids.h"
#include "iq_kernels.h"

#include <array>

namespace qf::quant::detail {
namespace {

// Keys read past a list's end by the widest SIMD search (64 lanes) stay inside the vector.
constexpr size_t kNeighbourKeysPadding = 64;

struct GridSpec {
    const uint16_t* indices;
    int size, dim, levelBits, wanted;
};

GridSpec specOf(IqGridKind kind) {
    switch (kind) {
    case IqGridKind::Iq2Xxs:
        return {kIq2xxsGridIndices, 256, 8, 2, 2};
    case IqGridKind::Iq2Xs:
        return {kIq2xsGridIndices, 512, 8, 2, 2};
    case IqGridKind::Iq2S:
        return {kIq2sGridIndices, 1024, 8, 2, 1};
    case IqGridKind::Iq1S:
        return {kIq1sGridIndices, 2048, 8, 2, 3};
    case IqGridKind::Iq3Xxs:
        return {kIq3xxsGridIndices, 256, 4, 3, 2};
    case IqGridKind::Iq3S:
        break;
    }
    return {kIq3sGridIndices, 512, 4, 3, 3};
}

IqGrid buildGrid(IqGridKind kind) {
    const GridSpec spec = specOf(kind);
    IqGrid g;
    g.size = spec.size;
    g.dim = spec.dim;
    g.levelBits = spec.levelBits;
    const int levelMask = (1 << spec.levelBits) - 1;
    g.points.resize(size_t(spec.size) * size_t(spec.dim));
    for (int k = 0; k < spec.size; ++k)
        for (int i = 0; i < spec.dim; ++i)
            g.points[size_t(k * spec.dim + i)] =
                int8_t(2 * ((spec.indices[k] >> spec.levelBits * i) & levelMask) + 1);

    // ggml's key space: 43692 keys for 8 x 2 bits (levels 0..2 reach 0xAAAA), 4096 for 4 x 3 bits.
    const int mapSize = spec.levelBits == 2 ? 43692 : 4096;
    g.map.assign(size_t(mapSize), -1);
    for (int k = 0; k < spec.size; ++k)
        g.map[spec.indices[k]] = k;

    const int kMaxDistance = spec.dim * (2 * levelMask) * (2 * levelMask) + 1;
    std::vector<int> distance(size_t(spec.size));
    std::vector<int> histogram(kMaxDistance);
    int8_t pos[8];
    for (int key = 0; key < mapSize; ++key) {
        if (g.map[size_t(key)] >= 0) continue;
        // 2-bit keys with a level 3 are never looked up (those searches clamp levels to 0..2): no list.
        if (spec.levelBits == 2 && ((key & (key >> 1)) & 0x5555)) continue;
        for (int k = 0; k < spec.dim; ++k)
            pos[k] = int8_t(2 * ((key >> spec.levelBits * k) & levelMask) + 1);
        std::fill(histogram.begin(), histogram.end(), 0);
        for (int j = 0; j < spec.size; ++j) {
            const int8_t* pg = g.point(j);
            int d2 = 0;
            for (int k = 0; k < spec.dim; ++k)
                d2 += (pg[k] - pos[k]) * (pg[k] - pos[k]);
            distance[size_t(j)] = d2;
            ++histogram[size_t(d2)];
        }
        // The `wanted` smallest distinct distances; the last one kept bounds the list.
        int have = 0, limit = 0;
        for (int d = 0; d < kMaxDistance && have < spec.wanted; ++d)
            if (histogram[size_t(d)]) {
                ++have;
                limit = d;
            }
        const size_t start = g.neighbours.size();
        g.map[size_t(key)] = -int32_t(start) - 1;
        g.neighbours.push_back(0);
        for (int d = 0; d <= limit; ++d) {
            if (!histogram[size_t(d)]) continue;
            for (int j = 0; j < spec.size; ++j)
                if (distance[size_t(j)] == d) g.neighbours.push_back(uint16_t(j));
        }
        g.neighbours[start] = uint16_t(g.neighbours.size() - start - 1);
    }
    g.neighbourKeys.reserve(g.neighbours.size() + kNeighbourKeysPadding);
    for (size_t at = 0; at < g.neighbours.size();) {
        const int count = g.neighbours[at];
        g.neighbourKeys.push_back(0);
        for (int j = 1; j <= count; ++j)
            g.neighbourKeys.push_back(spec.indices[g.neighbours[at + size_t(j)]]);
        at += size_t(count) + 1;
    }
    g.neighbourKeys.resize(g.neighbours.size() + kNeighbourKeysPadding, 0);
    return g;
}

struct ValueGrid {
    std::vector<int8_t> values;
};

ValueGrid buildValues(IqGridKind kind) {
    const GridSpec spec = specOf(kind);
    static constexpr std::array<int8_t, 3> kIq2{8, 25, 43};
    static constexpr std::array<int8_t, 3> kIq1{-1, 0, 1};
    static constexpr std::array<int8_t, 8> kIq3Xxs{4, 12, 20, 28, 36, 44, 52, 62};
    static constexpr std::array<int8_t, 8> kIq3S{1, 3, 5, 7, 9, 11, 13, 15};
    const int8_t* table = kind == IqGridKind::Iq1S     ? kIq1.data()
                          : kind == IqGridKind::Iq3Xxs ? kIq3Xxs.data()
                          : kind == IqGridKind::Iq3S   ? kIq3S.data()
                                                       : kIq2.data();
    const int levelMask = (1 << spec.levelBits) - 1;
    ValueGrid v;
    v.values.resize(size_t(spec.size) * size_t(spec.dim));
    for (int k = 0; k < spec.size; ++k)
        for (int i = 0; i < spec.dim; ++i)
            v.values[size_t(k * spec.dim + i)] = table[(spec.indices[k] >> spec.levelBits * i) & levelMask];
    return v;
}

} // namespace

const IqGrid& iqGrid(IqGridKind kind) {
    switch (kind) {
    case IqGridKind::Iq2Xxs: {
        static const IqGrid grid = buildGrid(kind);
        return grid;
    }
    case IqGridKind::Iq2Xs: {
        static const IqGrid grid = buildGrid(kind);
        return grid;
    }
    case IqGridKind::Iq2S: {
        static const IqGrid grid = buildGrid(kind);
        return grid;
    }
    case IqGridKind::Iq1S: {
        static const IqGrid grid = buildGrid(kind);
        return grid;
    }
    case IqGridKind::Iq3Xxs: {
        static const IqGrid grid = buildGrid(kind);
        return grid;
    }
    case IqGridKind::Iq3S:
        break;
    }
    static const IqGrid grid = buildGrid(IqGridKind::Iq3S);
    return grid;
}

IqFitTables IqGrid::fitTables() const {
    return {neighbourTables(), map.data()};
}

const int8_t* iqGridValues(IqGridKind kind, int index) {
    static const std::array<ValueGrid, 6> grids = [] {
        std::array<ValueGrid, 6> all;
        for (int k = 0; k < 6; ++k)
            all[size_t(k)] = buildValues(IqGridKind(k));
        return all;
    }();
    const ValueGrid& v = grids[size_t(kind)];
    return v.values.data() + size_t(index) * (kind >= IqGridKind::Iq3Xxs ? 4 : 8);
}

} // namespace qf::quant::detail
