#pragma once
// The nearest-neighbour search of the codebook quantizers (IQ2_XXS/XS/S, IQ3_XXS/S) on Ops::N neighbours at
// once, and the quantizers that run it (iq_kernels.h). Lane k scores listed neighbour j + k.
//
// Why the bytes cannot drift: the reference sums weight[i] * diff * diff over the coordinates in order,
// diff = scale * q - x[i], where q = 2l+1 takes one of a few values per coordinate. Those terms are
// computed once per search with the same operations (a table of coordinate x level), and a lane adds the
// looked-up terms in the same coordinate order, starting from the first term (0 + t == t exactly). The
// minimum keeps the first listed of equals, as the reference's strict "<" does.
//
// Included by the per-instruction-set kernel files after simd_drivers.h, inside their own namespace, after
// they define Ops with loadKeys (N uint16 keys to ints), srli (logical shift right), lookup8 (lane-wise
// entry of an 8-float table), levelTerms (the 8 table entries of one coordinate) and minOf (smallest lane),
// and after including iq_kernels.h and <cfloat> at namespace scope. Calls no inline function shared with
// baseline code (see simd_drivers.h).

template <class Ops> struct IqLanes {
    using F = typename Ops::F;
    using I = typename Ops::I;
    using M = typename Ops::M;
    static constexpr int N = Ops::N;

    // Dim coordinates per point, Bits bits per level in a key, Levels levels used.
    template <int Dim, int Bits, int Levels>
    static int nearest(const IqNeighbourTables& grid, int32_t mapValue, const float* xval,
                       const float* weight, float scale) {
        static_assert(Levels <= 8 && Dim <= 8 && (1 << Bits) >= Levels);
        const uint16_t* list = grid.lists + (-mapValue - 1);
        const uint16_t* keys = grid.keys + (-mapValue - 1) + 1;
        const int count = list[0];
        alignas(64) float table[Dim][8];
        for (int i = 0; i < Dim; ++i)
            Ops::levelTerms(scale, xval[i], weight[i], table[i]);
        alignas(64) static constexpr float kIota[64] = {
            0,  1,  2,  3,  4,  5,  6,  7,  8,  9,  10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21,
            22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43,
            44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63};
        static_assert(N <= 64);
        const I mask = Ops::set1i((1 << Bits) - 1);
        const F countF = Ops::set1(float(count));
        const F step = Ops::set1(float(N));
        F pos = Ops::load(kIota);
        F best = Ops::set1(FLT_MAX);
        F bestPos = Ops::set1(-1.f);
        for (int j = 0; j < count; j += N) {
            const I k = Ops::loadKeys(keys + j);
            F d2 = Ops::lookup8(table[0], Ops::andi(k, mask));
            for (int i = 1; i < Dim; ++i)
                d2 = Ops::add(d2, Ops::lookup8(table[i], Ops::andi(Ops::srli(k, Bits * i), mask)));
            const M better = Ops::mand(Ops::lt(pos, countF), Ops::lt(d2, best));
            best = Ops::select(better, d2, best);
            bestPos = Ops::select(better, pos, bestPos);
            pos = Ops::add(pos, step);
        }
        // The smallest distance, then the first position that has it. Only distances below FLT_MAX are
        // ever kept, so FLT_MAX means none.
        const float bestD2 = Ops::minOf(best);
        if (!(bestD2 < FLT_MAX)) return -1;
        const float first =
            Ops::minOf(Ops::select(Ops::eq(best, Ops::set1(bestD2)), bestPos, Ops::set1(FLT_MAX)));
        return list[1 + int(first)];
    }

    static int nearest8(const IqNeighbourTables& grid, int32_t mapValue, const float* xval,
                        const float* weight, float scale) {
        return nearest<8, 2, 3>(grid, mapValue, xval, weight, scale);
    }
    static int nearest4(const IqNeighbourTables& grid, int32_t mapValue, const float* xval,
                        const float* weight, float scale) {
        return nearest<4, 3, 8>(grid, mapValue, xval, weight, scale);
    }

    static void iq2xxs(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* importance) {
        quantizeIq2XxsWith(nearest8, src, dst, nrows, rowLen, importance);
    }
    static void iq2xs(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* importance) {
        quantizeIq2XsWith(nearest8, src, dst, nrows, rowLen, importance);
    }
    static void iq2s(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* importance) {
        quantizeIq2SWith(nearest8, src, dst, nrows, rowLen, importance);
    }
    static void iq3xxs(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* importance) {
        quantizeIq3XxsWith(nearest4, src, dst, nrows, rowLen, importance);
    }
    static void iq3s(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* importance) {
        quantizeIq3SWith(nearest4, src, dst, nrows, rowLen, importance);
    }

    // The codebook quantizers with this search, or nullptr for other types.
    static QuantizeRowsFn codebookQuantizer(GgmlType type) {
        switch (type) {
        case GgmlType::IQ2_XXS:
            return iq2xxs;
        case GgmlType::IQ2_XS:
            return iq2xs;
        case GgmlType::IQ2_S:
            return iq2s;
        case GgmlType::IQ3_XXS:
            return iq3xxs;
        case GgmlType::IQ3_S:
            return iq3s;
        default:
            return nullptr;
        }
    }
};
