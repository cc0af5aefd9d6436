#pragma once
// The nearest-neighbour search of the codebook quantizers (IQ2_XXS/XS/S, IQ3_XXS/S) on Ops::N neighbours at
// once, their trial-scale fits on Ops::N trial scales at once, and the quantizers that run both
// (iq_kernels.h). In the search lane k scores listed neighbour j + k; in the fits lane k is trial t + k.
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
//
// The fits (trials) need Ops::slli, ori, storei and gather32 (lane-wise entry of an int32 table); an Ops
// without gather32 runs the scalar reference fits. Why their bytes cannot drift either: a lane performs the
// reference's float operations for its trial in the same order (the same rounding, the same neighbour
// search, the fit summed in value order from 0), and the choice among trials is the reference's scalar
// comparison over the lanes' sums in trial order.

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

    // The trial-scale fits (IqTrialsFn): lane k of a pass tries ids[t + k]. Lanes past count repeat the
    // last trial and are never kept.
    template <int Dim, int Bits, int MaxQ>
    static int trials(const IqFitTables& grid, int n, const float* xval, const float* weight, const float* waux,
                      const float* ids, int count, float* scale, int8_t* levels, bool* onGrid) {
        alignas(64) int32_t lv[32 * N];      // lv[i * N + k]: level of value i in lane k
        alignas(64) int32_t index[N];        // map entries of one point, by lane
        alignas(64) float idLanes[N], scaleLanes[N], qx[N], q2[N];
        bool onGridLanes[(32 / Dim) * N];    // [point * N + lane]
        const F half = Ops::set1(0.5f), one = Ops::set1(1.f);
        const I onei = Ops::set1i(1);
        float best = 0;
        int kept = -1;
        for (int t = 0; t < count; t += N) {
            const int lanes = count - t < N ? count - t : N;
            for (int k = 0; k < N; ++k)
                idLanes[k] = ids[t + (k < lanes ? k : lanes - 1)];
            const F id = Ops::load(idLanes);
            Ops::store(scaleLanes, Ops::div(one, id));
            for (int p = 0; p < n / Dim; ++p) {
                I key = Ops::set1i(0);
                for (int i = 0; i < Dim; ++i) {
                    const F v = Ops::mul(half, Ops::sub(Ops::mul(id, Ops::set1(xval[Dim * p + i])), one));
                    const I l = Lanes<Ops>::clampi(Lanes<Ops>::nearestInt(v), 0, MaxQ - 1);
                    Ops::storei(lv + (Dim * p + i) * N, l);
                    key = Ops::ori(key, Ops::slli(l, Bits * i));
                }
                Ops::storei(index, Ops::gather32(grid.map, key));
                for (int k = 0; k < lanes; ++k) {
                    onGridLanes[p * N + k] = index[k] >= 0;
                    if (index[k] >= 0) continue;
                    const int b = nearest<Dim, Bits, MaxQ>(grid.neighbours, index[k], xval + Dim * p,
                                                           waux + Dim * p, scaleLanes[k]);
                    const int8_t* pg = grid.neighbours.points + Dim * b;
                    for (int i = 0; i < Dim; ++i)
                        lv[(Dim * p + i) * N + k] = (pg[i] - 1) / 2;
                }
            }
            F sumqx = Ops::zero(), sumq2 = Ops::zero();
            for (int i = 0; i < n; ++i) {
                const I l = Ops::loadi(lv + i * N);
                const F q = Ops::toFloat(Ops::addi(Ops::addi(l, l), onei));
                const float w = weight[i];
                const float wx = w * xval[i];
                sumqx = Ops::add(sumqx, Ops::mul(Ops::set1(wx), q));
                sumq2 = Ops::add(sumq2, Ops::mul(Ops::mul(Ops::set1(w), q), q));
            }
            Ops::store(qx, sumqx);
            Ops::store(q2, sumq2);
            for (int k = 0; k < lanes; ++k) {
                if (q2[k] > 0 && qx[k] * qx[k] > best * q2[k]) {
                    *scale = qx[k] / q2[k];
                    best = *scale * qx[k];
                    for (int i = 0; i < n; ++i)
                        levels[i] = int8_t(lv[i * N + k]);
                    for (int p = 0; p < n / Dim; ++p)
                        onGrid[p] = onGridLanes[p * N + k];
                    kept = t + k;
                }
            }
        }
        return kept;
    }

    static constexpr bool kLaneFits = requires(const int32_t* table, I k) { Ops::gather32(table, k); };

    static IqKernels kernels8() {
        if constexpr (kLaneFits)
            return {nearest8, trials<8, 2, 3>};
        else
            return {nearest8, iqTrials8Ref};
    }
    static IqKernels kernels4() {
        if constexpr (kLaneFits)
            return {nearest4, trials<4, 3, 8>};
        else
            return {nearest4, iqTrials4Ref};
    }

    static void iq2xxs(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* importance) {
        quantizeIq2XxsWith(kernels8(), src, dst, nrows, rowLen, importance);
    }
    static void iq2xs(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* importance) {
        quantizeIq2XsWith(kernels8(), src, dst, nrows, rowLen, importance);
    }
    static void iq2s(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* importance) {
        quantizeIq2SWith(kernels8(), src, dst, nrows, rowLen, importance);
    }
    static void iq3xxs(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* importance) {
        quantizeIq3XxsWith(kernels4(), src, dst, nrows, rowLen, importance);
    }
    static void iq3s(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* importance) {
        quantizeIq3SWith(kernels4(), src, dst, nrows, rowLen, importance);
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
