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
// optionally firstLane (the first true lane of a mask: one-vector lists then take a single pass),
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
        if constexpr (kFirstLane) {
            // Most lists fit one vector: one pass, one reduction. A distance is a candidate only where
            // the reference would keep it (below FLT_MAX, so never NaN); the smallest candidate's first
            // position is the reference's choice.
            if (count <= N) {
                const I k = Ops::loadKeys(keys);
                F d2 = Ops::lookup8(table[0], Ops::andi(k, mask));
                for (int i = 1; i < Dim; ++i)
                    d2 = Ops::add(d2, Ops::lookup8(table[i], Ops::andi(Ops::srli(k, Bits * i), mask)));
                const F none = Ops::set1(FLT_MAX);
                const M kept = Ops::mand(Ops::lt(Ops::load(kIota), countF), Ops::lt(d2, none));
                d2 = Ops::select(kept, d2, none);
                const float bestD2 = Ops::minOf(d2);
                if (!(bestD2 < FLT_MAX)) return -1;
                return list[1 + Ops::firstLane(Ops::mand(kept, Ops::eq(d2, Ops::set1(bestD2))))];
            }
        }
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

    static constexpr bool kFirstLane = requires(M m) { Ops::firstLane(m); };

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

    // IQ1_S's split search (Iq1SplitFn): lane k is i2 + k for one i1. The candidates of a pass are
    // compared with the best at its start; when none beats it, the scalar loop would have kept none of
    // them either (it compares each with that same best), so the pass is done. Otherwise the pass's sums
    // go through the reference's comparisons in order.
    static void iq1Split(const float* sumx, const float* sumw, int n, float* scale, int* besti1, int* besti2,
                         int* bestShift) {
        constexpr float kDelta = 0.125f; // quant_iq1.cpp's kXp, kXm
        constexpr float xp[3] = {-1 + kDelta, kDelta, 1 + kDelta};
        constexpr float xm[3] = {-1 - kDelta, -kDelta, 1 - kDelta};
        alignas(64) static constexpr float kIota[64] = {
            0,  1,  2,  3,  4,  5,  6,  7,  8,  9,  10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21,
            22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43,
            44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63};
        static_assert(N <= 16, "sums are padded for 16 lanes");
        alignas(64) float qxP[N], q2P[N], qxM[N], q2M[N];
        float bestScore = -FLT_MAX;
        const F sxn = Ops::set1(sumx[n]), swn = Ops::set1(sumw[n]);
        const F p1 = Ops::set1(xp[1]), p2 = Ops::set1(xp[2]), m1 = Ops::set1(xm[1]), m2 = Ops::set1(xm[2]);
        const F last = Ops::set1(float(n));
        const F iota = Ops::load(kIota);
        for (int i1 = 0; i1 <= n; ++i1) {
            const float dx = sumx[i1] - sumx[0], dw = sumw[i1] - sumw[0];
            const F xP0 = Ops::set1(dx * xp[0]), wP0 = Ops::set1(dw * xp[0] * xp[0]);
            const F xM0 = Ops::set1(dx * xm[0]), wM0 = Ops::set1(dw * xm[0] * xm[0]);
            const F sx1 = Ops::set1(sumx[i1]), sw1 = Ops::set1(sumw[i1]);
            for (int i2 = i1; i2 <= n; i2 += N) {
                const F sx2 = Ops::loadu(sumx + i2), sw2 = Ops::loadu(sumw + i2);
                const F midX = Ops::sub(sx2, sx1), topX = Ops::sub(sxn, sx2);
                const F midW = Ops::sub(sw2, sw1), topW = Ops::sub(swn, sw2);
                const F qxp = Ops::add(Ops::add(xP0, Ops::mul(midX, p1)), Ops::mul(topX, p2));
                const F q2p = Ops::add(Ops::add(wP0, Ops::mul(Ops::mul(midW, p1), p1)), Ops::mul(Ops::mul(topW, p2), p2));
                const F qxm = Ops::add(Ops::add(xM0, Ops::mul(midX, m1)), Ops::mul(topX, m2));
                const F q2m = Ops::add(Ops::add(wM0, Ops::mul(Ops::mul(midW, m1), m1)), Ops::mul(Ops::mul(topW, m2), m2));
                const F best = Ops::set1(bestScore), zero = Ops::zero();
                const M valid = Ops::le(Ops::add(Ops::set1(float(i2)), iota), last);
                const M beatsP = Ops::mand(Ops::gt(q2p, zero), Ops::gt(Ops::mul(qxp, qxp), Ops::mul(best, q2p)));
                const M beatsM = Ops::mand(Ops::gt(q2m, zero), Ops::gt(Ops::mul(qxm, qxm), Ops::mul(best, q2m)));
                if (!Ops::any(Ops::mand(valid, Ops::mor(beatsP, beatsM)))) continue;
                Ops::store(qxP, qxp);
                Ops::store(q2P, q2p);
                Ops::store(qxM, qxm);
                Ops::store(q2M, q2m);
                const int lanes = n + 1 - i2 < N ? n + 1 - i2 : N;
                for (int k = 0; k < lanes; ++k) {
                    if (q2P[k] > 0 && qxP[k] * qxP[k] > bestScore * q2P[k]) {
                        *scale = qxP[k] / q2P[k];
                        bestScore = *scale * qxP[k];
                        *besti1 = i1;
                        *besti2 = i2 + k;
                        *bestShift = 1;
                    }
                    if (q2M[k] > 0 && qxM[k] * qxM[k] > bestScore * q2M[k]) {
                        *scale = qxM[k] / q2M[k];
                        bestScore = *scale * qxM[k];
                        *besti1 = i1;
                        *besti2 = i2 + k;
                        *bestShift = -1;
                    }
                }
            }
        }
    }

    static void iq1s(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* importance) {
        quantizeIq1SWith(iq1Split, src, dst, nrows, rowLen, importance);
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
        case GgmlType::IQ1_S:
            if constexpr (kLaneFits) return iq1s;
            return nullptr;
        default:
            return nullptr;
        }
    }
};
