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
        alignas(64) float table[Dim][8];
        for (int i = 0; i < Dim; ++i)
            Ops::levelTerms(scale, xval[i], weight[i], table[i]);
        return nearestByTable<Dim, Bits>(grid, mapValue, table);
    }

    // The search itself, given the term of every coordinate x level (table[i][level], summed in coordinate
    // order): the first listed neighbour of smallest distance, -1 when none is below FLT_MAX. IQ1's search
    // (simd_iq1_search.h) builds its table differently and shares this.
    template <int Dim, int Bits>
    static int nearestByTable(const IqNeighbourTables& grid, int32_t mapValue, const float (*table)[8]) {
        const uint16_t* list = grid.lists + (-mapValue - 1);
        const uint16_t* keys = grid.keys + (-mapValue - 1) + 1;
        const int count = list[0];
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

    // The trial-scale fits (IqTrialsFn), point by point. Lane k of a pass rounds trial t + k; lanes past
    // count repeat the last trial and are never kept. A point's key cannot come back once it changed (each
    // level moves one way as the trial scale moves one way), so its off-grid trials come in runs of one
    // key, i.e. one neighbour list searched at several scales. For a run, runWinner proves (or fails to
    // prove) that one listed point is the reference's choice at every scale of the run; otherwise each
    // trial of the run takes the exact search. The fits then sum each trial's levels in value order, and
    // the choice among trials is the reference's scalar comparison in trial order.
    static constexpr int kSlots = 32; // trials per group: 31 at most in every quantizer
    static constexpr int kMaxList = 320; // longest neighbour list runWinner takes (IQ2_XS: 292)

    // What runWinner needs of one point: per coordinate i and level l, wq2[i][l] = w*q*q and
    // wqx[i][l] = (w*q)*x (q = 2l+1), and C = sum w*x*x.
    struct PointTerms {
        alignas(64) float wq2[8][8];
        alignas(64) float wqx[8][8];
        float c;
    };

    // One off-grid key's neighbour list with A = sum w*q*q and B = sum w*q*x of every listed point (w the
    // search weights), from which prove() tells the reference's choice over a range of scales.
    template <int Dim, int Bits> struct RunSearch {
        const uint16_t* list;
        int count;
        float c;
        alignas(64) float a[kMaxList + 64], b[kMaxList + 64];

        // False when the list is too long to take.
        bool init(const IqNeighbourTables& nb, int32_t mapValue, const PointTerms& pt) {
            list = nb.lists + (-mapValue - 1);
            count = list[0];
            c = pt.c;
            if (count > kMaxList) return false;
            const uint16_t* keys = nb.keys + (-mapValue - 1) + 1;
            const I mask = Ops::set1i((1 << Bits) - 1);
            for (int j = 0; j < count; j += N) {
                const I k = Ops::loadKeys(keys + j);
                I l = Ops::andi(k, mask);
                F sa = Ops::lookup8(pt.wq2[0], l), sb = Ops::lookup8(pt.wqx[0], l);
                for (int i = 1; i < Dim; ++i) {
                    l = Ops::andi(Ops::srli(k, Bits * i), mask);
                    sa = Ops::add(sa, Ops::lookup8(pt.wq2[i], l));
                    sb = Ops::add(sb, Ops::lookup8(pt.wqx[i], l));
                }
                Ops::store(a + j, sa);
                Ops::store(b + j, sb);
            }
            return true;
        }

        // The grid index the reference's search picks at every scale of [sLo, sHi] (0 < sLo <= sHi), or
        // -1 when that is not proven. Why it is exact: the exact distance of candidate j at scale s is
        // R_j(s) = s*s*A_j - 2*s*B_j + C (C = sum w*x*x), and the reference's float sum F_j(s) is within
        // 14u * sum w*(s*q + |x|)^2 <= 14u * (2*s*s*A_j + 2*C) of it (u = 2^-24: two roundings in
        // diff = s*q - x, two in w*diff*diff, at most 7 in the sum). So candidate j loses to k at scale s
        // (F_j > F_k, strictly: the first listed of equals is never at stake) when
        // L(s) = (R_j - R_k) / s = s*(A_j - A_k) - 2*(B_j - B_k) > 28u * T(s), T(s) = s*(A_j + A_k) + 2*C/s.
        // L is linear in s and T convex, so the ends of the range decide: L at an end computed here in
        // floats from the float A and B is within 24u * T of the exact one, and the test asks L > 64u * T
        // at both ends against the larger T (52u would do). Any NaN or infinity fails the test.
        int prove(float sLo, float sHi) const {
            if (count == 1) return list[1];
            alignas(64) static constexpr float kIota[64] = {
                0,  1,  2,  3,  4,  5,  6,  7,  8,  9,  10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21,
                22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43,
                44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63};
            const F countF = Ops::set1(float(count)), step = Ops::set1(float(N));
            const F hi = Ops::set1(sHi), lo = Ops::set1(sLo);
            // The first candidate with the smallest R(sHi) - C: the one to test.
            F pos = Ops::load(kIota);
            F best = Ops::set1(FLT_MAX), bestPos = Ops::set1(-1.f);
            for (int j = 0; j < count; j += N) {
                const F sa = Ops::load(a + j), sb = Ops::load(b + j);
                const F r = Ops::mul(hi, Ops::sub(Ops::mul(hi, sa), Ops::add(sb, sb)));
                const M better = Ops::mand(Ops::lt(pos, countF), Ops::lt(r, best));
                best = Ops::select(better, r, best);
                bestPos = Ops::select(better, pos, bestPos);
                pos = Ops::add(pos, step);
            }
            const float bestR = Ops::minOf(best);
            if (!(bestR < FLT_MAX)) return -1;
            const int w =
                int(Ops::minOf(Ops::select(Ops::eq(best, Ops::set1(bestR)), bestPos, Ops::set1(FLT_MAX))));
            // Every other candidate must lose to w at both ends.
            const F aw = Ops::set1(a[w]), bw = Ops::set1(b[w]);
            const F cHi = Ops::set1(2 * c / sHi), cLo = Ops::set1(2 * c / sLo);
            const F m = Ops::set1(0x1p-18f), wF = Ops::set1(float(w)); // 64u
            pos = Ops::load(kIota);
            for (int j = 0; j < count; j += N) {
                const F sa = Ops::load(a + j), sb = Ops::load(b + j);
                const F da = Ops::sub(sa, aw), db = Ops::sub(sb, bw), ta = Ops::add(sa, aw);
                const F lHi = Ops::sub(Ops::mul(hi, da), Ops::add(db, db));
                const F lLo = Ops::sub(Ops::mul(lo, da), Ops::add(db, db));
                const F tHi = Ops::mul(m, Ops::add(Ops::mul(hi, ta), cHi));
                const F tLo = Ops::mul(m, Ops::add(Ops::mul(lo, ta), cLo));
                const M loses = Ops::mand(Ops::mand(Ops::gt(lHi, tHi), Ops::gt(lHi, tLo)),
                                          Ops::mand(Ops::gt(lLo, tHi), Ops::gt(lLo, tLo)));
                const M other = Ops::mand(Ops::lt(pos, countF), Ops::neq(pos, wF));
                if (Ops::any(Ops::mand(other, Ops::mnot(loses)))) return -1;
                pos = Ops::add(pos, step);
            }
            return list[1 + w];
        }
    };

    // One point's trials as runs of one key: bit t of starts is set where trial t's key differs from trial
    // t - 1's (and at 0 and at count, the end), bit t of offGrid where trial t's key is off the grid.
    struct TrialRuns {
        uint64_t starts, offGrid;
    };

    // Writes grid point b's levels to trials [t0, t1) of lv (lv[i * kSlots + t]).
    template <int Dim> static void putLevels(const IqNeighbourTables& nb, int b, int t0, int t1, int32_t* lv) {
        const int8_t* pg = nb.points + Dim * b;
        int32_t l[Dim];
        for (int i = 0; i < Dim; ++i)
            l[i] = (pg[i] - 1) >> 1; // coordinates are odd and positive
        for (int t = t0; t < t1; ++t)
            for (int i = 0; i < Dim; ++i)
                lv[i * kSlots + t] = l[i];
    }

    // Resolves one point's off-grid trials: lv[i * kSlots + t] holds coordinate i's rounded level of
    // trial t and receives the chosen neighbour's; keys and index are the trials' keys and map entries.
    // A run of one key is proven whole when it can be, else halved, down to single trials, which take
    // the exact search when not proven either.
    template <int Dim, int Bits, int MaxQ>
    static void resolvePoint(const IqNeighbourTables& nb, const float* x, const float* w, const float* scales,
                             float sMax, bool scalesPositive, bool falling, int count, const int32_t* keys,
                             const int32_t* index, int32_t* lv) {
        PointTerms pt;
        int terms = -1; // -1: not yet computed, 0: unsafe (exact searches only), 1: ready
        RunSearch<Dim, Bits> run;
        for (int t0 = 0; t0 < count;) {
            int t1 = t0 + 1;
            while (t1 < count && keys[t1] == keys[t0])
                ++t1;
            const int32_t mapValue = index[t0];
            if (mapValue >= 0) {
                t0 = t1;
                continue;
            }
            if (t1 - t0 > 1 && terms < 0) {
                // Every candidate distance stays far below FLT_MAX (the reference then never returns
                // -1) when sum w*(sMax*qMax + |x|)^2 does; NaN fails too.
                constexpr float qMax = float(2 * MaxQ - 1);
                float bound = 0, c = 0;
                for (int i = 0; i < Dim; ++i) {
                    const float ax = x[i] < 0 ? -x[i] : x[i];
                    const float m = sMax * qMax + ax;
                    bound += w[i] * m * m;
                    c += w[i] * x[i] * x[i];
                    for (int l = 0; l < 8; ++l) {
                        const float q = float(2 * l + 1);
                        pt.wq2[i][l] = w[i] * (q * q);
                        pt.wqx[i][l] = w[i] * q * x[i];
                    }
                }
                pt.c = c;
                terms = scalesPositive && bound < 1e30f ? 1 : 0;
            }
            if (t1 - t0 > 1 && terms == 1 && run.init(nb, mapValue, pt)) {
                int stack[2 * kSlots];
                int top = 0;
                stack[top++] = t0;
                stack[top++] = t1;
                while (top) {
                    const int e = stack[--top], b = stack[--top];
                    float sLo = scales[e - 1], sHi = scales[b];
                    if (!falling) {
                        sLo = sHi;
                        for (int t = b; t < e; ++t) {
                            sLo = scales[t] < sLo ? scales[t] : sLo;
                            sHi = scales[t] > sHi ? scales[t] : sHi;
                        }
                    }
                    const int winner = run.prove(sLo, sHi);
                    if (winner >= 0) {
                        putLevels<Dim>(nb, winner, b, e, lv);
                    } else if (e - b == 1) {
                        putLevels<Dim>(nb, nearest<Dim, Bits, MaxQ>(nb, mapValue, x, w, scales[b]), b, e, lv);
                    } else {
                        const int mid = (b + e) / 2;
                        stack[top++] = b;
                        stack[top++] = mid;
                        stack[top++] = mid;
                        stack[top++] = e;
                    }
                }
            } else {
                for (int t = t0; t < t1; ++t)
                    putLevels<Dim>(nb, nearest<Dim, Bits, MaxQ>(nb, mapValue, x, w, scales[t]), t, t + 1, lv);
            }
            t0 = t1;
        }
    }

    // resolvePoint with the lanes turned around (IQ2_S, IQ3_S: short neighbour lists): lane k is trial
    // t + k and the loop runs over the listed neighbours. Each trial's exact search then needs no
    // reduction: a lane adds its trial's terms w * (s*q - x) * (s*q - x) (computed per coordinate and
    // level with the reference's operations, see levelTerms) in coordinate order from the first, and
    // keeps a neighbour only when strictly below its best so far (FLT_MAX at the start), in list order:
    // the reference's loop, per lane. Lanes of trials outside the current run compute unused values.
    // sq[l * kSlots + t] is scales[t] * (2l+1); runs holds the point's trial runs (see TrialRuns).
    template <int Dim, int Bits, int MaxQ>
    static void resolvePointByTrial(const IqNeighbourTables& nb, const float* x, const float* w,
                                    const float* sq, const TrialRuns& runs, const int32_t* index, int32_t* lv) {
        constexpr int kVecs = kSlots / N;
        static_assert(N <= 16 && kVecs <= 2 && (kSlots & (kSlots - 1)) == 0);
        alignas(64) float terms[Dim * MaxQ * kSlots]; // [(i * MaxQ + l) * kSlots + t]
        alignas(64) float bestKey[N];
        alignas(64) static constexpr float kIotaT[16] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
        // The terms of the vectors that off-grid trials fall in.
        for (int v = 0; v < kVecs; ++v) {
            if (!((runs.offGrid >> (v * N)) & ((uint64_t(1) << N) - 1))) continue;
            for (int i = 0; i < Dim; ++i) {
                const F xi = Ops::set1(x[i]), wi = Ops::set1(w[i]);
                for (int l = 0; l < MaxQ; ++l) {
                    const F diff = Ops::sub(Ops::load(sq + l * kSlots + v * N), xi);
                    Ops::store(terms + (i * MaxQ + l) * kSlots + v * N, Ops::mul(Ops::mul(wi, diff), diff));
                }
            }
        }
        for (uint64_t starts = runs.starts & runs.offGrid; starts; starts &= starts - 1) {
            const int t0 = __builtin_ctzll(starts);
            const int t1 = __builtin_ctzll(runs.starts & ~((uint64_t(2) << t0) - 1));
            const int32_t mapValue = index[t0];
            const int v0 = t0 / N, v1 = (t1 - 1) / N + 1;
            const uint16_t* lkeys = nb.keys + (-mapValue - 1) + 1;
            const int n = nb.lists[-mapValue - 1];
            // A lane keeps the key of its best neighbour (keys are below 2^16, exact as floats): a grid
            // point's key holds its levels, so the chosen levels come out of it without a table.
            F atKey[kVecs];
            const float* base = terms + v0 * N;
            if (v1 - v0 == 1)
                searchByTrial<Dim, Bits, MaxQ, 1>(lkeys, n, base, atKey);
            else
                searchByTrial<Dim, Bits, MaxQ, kVecs>(lkeys, n, base, atKey);
            for (int v = v0; v < v1; ++v) {
                // Lanes of trials t0 .. t1-1 take the chosen levels; the others keep theirs.
                const F tF = Ops::add(Ops::load(kIotaT), Ops::set1(float(v * N)));
                const M inRun = Ops::mand(Ops::ge(tF, Ops::set1(float(t0))), Ops::lt(tF, Ops::set1(float(t1))));
                const I k = Ops::toInt(atKey[v - v0]);
                const I levelMask = Ops::set1i((1 << Bits) - 1);
                for (int i = 0; i < Dim; ++i) {
                    int32_t* row = lv + i * kSlots + v * N;
                    const I l = Ops::andi(Ops::srli(k, Bits * i), levelMask);
                    Ops::storei(row, Ops::selecti(inRun, l, Ops::loadi(row)));
                }
                // No neighbour below FLT_MAX (not with finite inputs): what the reference does with -1.
                if (Ops::any(Ops::mand(inRun, Ops::eq(atKey[v - v0], Ops::set1(-1.f))))) {
                    Ops::store(bestKey, atKey[v - v0]);
                    for (int t = t0 > v * N ? t0 : v * N; t < t1 && t < (v + 1) * N; ++t)
                        if (bestKey[t - v * N] < 0) putLevels<Dim>(nb, -1, t, t + 1, lv);
                }
            }
        }
    }

    // The list walk of resolvePointByTrial on Vecs vectors of trials (base + v * N): per listed point, the
    // sum of its terms in coordinate order, kept where below the lane's best; atKeyOut receives the
    // kept keys (-1 where none). The term offsets of a chunk of the list are decoded from the keys N at a
    // time first, so the walk itself only loads and adds; the vectors share one walk. The best distance
    // is kept with the lane-wise minimum, which is "d2 < best ? d2 : best" exactly (NaN or equal keeps
    // best) and, unlike a compare and blend, is a short dependency chain.
    template <int Dim, int Bits, int MaxQ, int Vecs>
    static void searchByTrial(const uint16_t* lkeys, int n, const float* base, F* atKeyOut) {
        constexpr int kChunk = 64;
        alignas(64) int32_t offsets[Dim][kChunk];
        alignas(64) float keyF[kChunk];
        const I levelMask = Ops::set1i((1 << Bits) - 1);
        constexpr int kShift = __builtin_ctz(unsigned(kSlots));
        F best[Vecs], atKey[Vecs]; // locals, so that they stay in registers
        for (int v = 0; v < Vecs; ++v) {
            best[v] = Ops::set1(FLT_MAX);
            atKey[v] = Ops::set1(-1.f);
        }
        for (int j0 = 0; j0 < n; j0 += kChunk) {
            const int m = n - j0 < kChunk ? n - j0 : kChunk;
            for (int j = 0; j < m; j += N) {
                const I k = Ops::loadKeys(lkeys + j0 + j);
                Ops::store(keyF + j, Ops::toFloat(k));
                for (int i = 0; i < Dim; ++i) {
                    const I l = Ops::andi(Ops::srli(k, Bits * i), levelMask);
                    Ops::storei(offsets[i] + j, Ops::slli(Ops::addi(l, Ops::set1i(i * MaxQ)), kShift));
                }
            }
            for (int j = 0; j < m; ++j) {
                for (int v = 0; v < Vecs; ++v) {
                    const float* b = base + v * N;
                    F d2 = Ops::load(b + offsets[0][j]);
                    for (int i = 1; i < Dim; ++i)
                        d2 = Ops::add(d2, Ops::load(b + offsets[i][j]));
                    atKey[v] = Ops::select(Ops::lt(d2, best[v]), Ops::set1(keyF[j]), atKey[v]);
                    best[v] = Ops::minFirst(d2, best[v]);
                }
            }
        }
        for (int v = 0; v < Vecs; ++v)
            atKeyOut[v] = atKey[v];
    }

    template <int Dim, int Bits, int MaxQ, bool ByTrial = false>
    static int trials(const IqFitTables& grid, int n, const float* xval, const float* weight, const float* waux,
                      const float* ids, int count, float* scale, int8_t* levels, bool* onGrid) {
        static_assert(kSlots % N == 0);
        if (count < 1 || count > kSlots) {
            if constexpr (Dim == 8)
                return iqTrials8Ref(grid, n, xval, weight, waux, ids, count, scale, levels, onGrid);
            else
                return iqTrials4Ref(grid, n, xval, weight, waux, ids, count, scale, levels, onGrid);
        }
        constexpr int kPoints = 32 / Dim;
        alignas(64) int32_t lv[32 * kSlots];                    // lv[i * kSlots + t]: level of value i
        alignas(64) int32_t keys[kPoints * kSlots], index[kPoints * kSlots]; // [point * kSlots + t]
        alignas(64) float idLanes[kSlots], scales[kSlots], qx[kSlots], q2[kSlots];
        alignas(64) float sq[ByTrial ? MaxQ * kSlots : 1]; // sq[l * kSlots + t] = scales[t] * (2l+1)
        // With kRunMasks: the keys as floats (exact, below 2^16) after N slots, so that trial t - 1's key
        // is one unaligned load away from trial t's.
        alignas(64) float keyF[kRunMasks ? kPoints : 1][kRunMasks ? N + kSlots : 1];
        const int slots = (count + N - 1) / N * N;
        for (int t = 0; t < slots; ++t)
            idLanes[t] = ids[t < count ? t : count - 1];
        const F half = Ops::set1(0.5f), one = Ops::set1(1.f);
        const I onei = Ops::set1i(1);
        for (int c = 0; c < slots; c += N) {
            const F id = Ops::load(idLanes + c);
            const F s = Ops::div(one, id);
            Ops::store(scales + c, s);
            if constexpr (ByTrial)
                for (int l = 0; l < MaxQ; ++l)
                    Ops::store(sq + l * kSlots + c, Ops::mul(s, Ops::set1(float(2 * l + 1))));
            for (int p = 0; p < n / Dim; ++p) {
                I key = Ops::set1i(0);
                for (int i = 0; i < Dim; ++i) {
                    const F v = Ops::mul(half, Ops::sub(Ops::mul(id, Ops::set1(xval[Dim * p + i])), one));
                    const I l = Lanes<Ops>::clampi(Lanes<Ops>::nearestInt(v), 0, MaxQ - 1);
                    Ops::storei(lv + (Dim * p + i) * kSlots + c, l);
                    key = Ops::ori(key, Ops::slli(l, Bits * i));
                }
                Ops::storei(keys + p * kSlots + c, key);
                if constexpr (kRunMasks) Ops::store(keyF[p] + N + c, Ops::toFloat(key));
                Ops::storei(index + p * kSlots + c, Ops::gather32(grid.map, key));
            }
        }
        // The runs of every point, without a branch per trial (whether a key is on the grid is a coin flip).
        TrialRuns runs[kPoints];
        const uint64_t valid = (uint64_t(1) << count) - 1;
        for (int p = 0; p < n / Dim; ++p) {
            uint64_t starts = 0, off = 0;
            if constexpr (kRunMasks) {
                float* pk = keyF[p];
                pk[N - 1] = -1.f; // before trial 0: no key
                for (int c = 0; c < slots; c += N) {
                    off |= Ops::maskBits(Ops::lt(Ops::toFloat(Ops::loadi(index + p * kSlots + c)), Ops::zero()))
                           << c;
                    starts |= Ops::maskBits(Ops::neq(Ops::load(pk + N + c), Ops::loadu(pk + N - 1 + c))) << c;
                }
            } else {
                const int32_t* pk = keys + p * kSlots;
                const int32_t* pi = index + p * kSlots;
                for (int t = 0; t < count; ++t) {
                    off |= uint64_t(pi[t] < 0) << t;
                    starts |= uint64_t(t == 0 || pk[t] != pk[t - 1]) << t;
                }
            }
            runs[p] = {(starts & valid) | (valid + 1), off & valid};
        }
        // The neighbour lists of the off-grid runs are read one run after the other below, each read
        // waiting on the last; asking for all of them first lets their cache misses overlap.
        for (int p = 0; p < n / Dim; ++p) {
            for (uint64_t m = runs[p].starts & runs[p].offGrid; m; m &= m - 1) {
                const int32_t mapValue = index[p * kSlots + __builtin_ctzll(m)];
                const uint16_t* list = grid.neighbours.lists + (-mapValue - 1);
                const uint16_t* listKeys = grid.neighbours.keys + (-mapValue - 1);
                __builtin_prefetch(list);
                __builtin_prefetch(list + 32);
                __builtin_prefetch(listKeys);
                __builtin_prefetch(listKeys + 32);
            }
        }
        float sMax = scales[0];
        bool scalesPositive = true, falling = true; // falling: scales[t + 1] <= scales[t]
        for (int t = 0; t < count; ++t) {
            scalesPositive = scalesPositive && scales[t] > 0 && scales[t] < FLT_MAX;
            falling = falling && (t == 0 || scales[t] <= scales[t - 1]);
            sMax = scales[t] > sMax ? scales[t] : sMax;
        }
        for (int p = 0; p < n / Dim; ++p) {
            if constexpr (ByTrial)
                resolvePointByTrial<Dim, Bits, MaxQ>(grid.neighbours, xval + Dim * p, waux + Dim * p, sq, runs[p],
                                                     index + p * kSlots, lv + Dim * p * kSlots);
            else
                resolvePoint<Dim, Bits, MaxQ>(grid.neighbours, xval + Dim * p, waux + Dim * p, scales, sMax,
                                              scalesPositive, falling, count, keys + p * kSlots,
                                              index + p * kSlots, lv + Dim * p * kSlots);
        }
        for (int c = 0; c < slots; c += N) {
            F sumqx = Ops::zero(), sumq2 = Ops::zero();
            for (int i = 0; i < n; ++i) {
                const I l = Ops::loadi(lv + i * kSlots + c);
                const F q = Ops::toFloat(Ops::addi(Ops::addi(l, l), onei));
                const float w = weight[i];
                const float wx = w * xval[i];
                sumqx = Ops::add(sumqx, Ops::mul(Ops::set1(wx), q));
                sumq2 = Ops::add(sumq2, Ops::mul(Ops::mul(Ops::set1(w), q), q));
            }
            Ops::store(qx + c, sumqx);
            Ops::store(q2 + c, sumq2);
        }
        float best = 0;
        int kept = -1;
        for (int t = 0; t < count; ++t) {
            if (q2[t] > 0 && qx[t] * qx[t] > best * q2[t]) {
                *scale = qx[t] / q2[t];
                best = *scale * qx[t];
                kept = t;
            }
        }
        if (kept >= 0) {
            for (int i = 0; i < n; ++i)
                levels[i] = int8_t(lv[i * kSlots + kept]);
            for (int p = 0; p < n / Dim; ++p)
                onGrid[p] = !((runs[p].offGrid >> kept) & 1);
        }
        return kept;
    }

    // makeQpQuants (IqQpFn) for n <= 32 values, a multiple of N. The 9 candidate scales (the first guess,
    // then steps -4..4 without 0) are lanes, each summing its error in value order as the reference
    // does; the choice among them is the reference's scalar comparison in step order. The refinement
    // passes go N values at a time with the sums as they stand: every lane before the first one whose
    // change the reference would accept does exactly what the reference does there (nothing), so that
    // change is made, the sums move on, and the lanes after it are computed again from the new sums.
    static float qp(int n, int nmax, const float* x, uint8_t* levels, const float* weights) {
        if (n > 32 || n % N != 0) return makeQpQuants(n, nmax, x, levels, weights);
        float max = 0;
        for (int i = 0; i < n; ++i)
            max = max > x[i] ? max : x[i];
        if (max == 0.f) {
            for (int i = 0; i < n; ++i)
                levels[i] = 0;
            return 0.f;
        }
        constexpr int kCandidates = 9;
        constexpr int kSlotsQp = (kCandidates + N - 1) / N * N;
        alignas(64) float isc[kSlotsQp], err[kSlotsQp];
        alignas(64) int32_t andMask[kSlotsQp], cap[kSlotsQp];
        // Lane 0: the first guess, whose levels wrap to bytes unclamped; lanes 1..8: the steps, clamped
        // to nmax.
        isc[0] = float(nmax) / max;
        andMask[0] = 255;
        cap[0] = 1 << 30;
        for (int k = 1; k < kSlotsQp; ++k) {
            const int step = k <= 4 ? k - 5 : k - 4;
            isc[k] = k < kCandidates ? (0.1f * float(step) + float(nmax)) / max : isc[0];
            andMask[k] = k < kCandidates ? -1 : 255;
            cap[k] = k < kCandidates ? nmax : 1 << 30;
        }
        const F one = Ops::set1(1.f);
        for (int c = 0; c < kSlotsQp; c += N) {
            const F is = Ops::load(isc + c);
            const F sc = Ops::div(one, is);
            const I am = Ops::loadi(andMask + c), cp = Ops::loadi(cap + c);
            F e = Ops::zero();
            for (int i = 0; i < n; ++i) {
                const F xi = Ops::set1(x[i]);
                const I l = Ops::mini(Ops::andi(Lanes<Ops>::nearestInt(Ops::mul(is, xi)), am), cp);
                const F diff = Ops::sub(xi, Ops::mul(sc, Ops::toFloat(l)));
                e = Ops::add(e, Ops::mul(Ops::mul(Ops::set1(weights[i]), diff), diff));
            }
            Ops::store(err + c, e);
        }
        float bestError = err[0];
        float iscale = isc[0];
        for (int k = 1; k < kCandidates; ++k) {
            if (err[k] < bestError) {
                bestError = err[k];
                iscale = isc[k];
            }
        }
        alignas(64) int32_t lv[32];      // the levels as the reference stores them: bytes
        alignas(64) float tx[32], t2[32]; // w * x * l and w * l * l of the first levels
        const F isF = Ops::set1(iscale);
        const I nmaxI = Ops::set1i(nmax), byte = Ops::set1i(255);
        for (int c = 0; c < n; c += N) {
            const F xv = Ops::loadu(x + c), wv = Ops::loadu(weights + c);
            const I l = Ops::mini(Lanes<Ops>::nearestInt(Ops::mul(isF, xv)), nmaxI);
            Ops::storei(lv + c, Ops::andi(l, byte));
            const F lf = Ops::toFloat(l);
            Ops::store(tx + c, Ops::mul(Ops::mul(wv, xv), lf));
            Ops::store(t2 + c, Ops::mul(Ops::mul(wv, lf), lf));
        }
        float sumlx = 0;
        float suml2 = 0;
        for (int i = 0; i < n; ++i) {
            sumlx += tx[i];
            suml2 += t2[i];
        }
        alignas(64) static constexpr float kIota[64] = {
            0,  1,  2,  3,  4,  5,  6,  7,  8,  9,  10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21,
            22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43,
            44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63};
        alignas(64) float newLx[N], newL2[N], newL[N];
        const F zero = Ops::zero(), iota = Ops::load(kIota), none = Ops::set1(FLT_MAX);
        for (int pass = 0; pass < 5; ++pass) {
            int changed = 0;
            for (int c = 0; c < n; c += N) {
                const F xv = Ops::loadu(x + c), wv = Ops::loadu(weights + c);
                const F wx = Ops::mul(wv, xv);
                for (int from = 0; from < N;) {
                    const F lvF = Ops::toFloat(Ops::loadi(lv + c));
                    const F slx = Ops::sub(Ops::set1(sumlx), Ops::mul(wx, lvF));
                    const F sl2 = Ops::sub(Ops::set1(suml2), Ops::mul(Ops::mul(wv, lvF), lvF));
                    const I l = Ops::mini(Lanes<Ops>::nearestInt(Ops::div(Ops::mul(xv, sl2), slx)), nmaxI);
                    const F lf = Ops::toFloat(l);
                    const F lx = Ops::add(slx, Ops::mul(wx, lf));
                    const F l2 = Ops::add(sl2, Ops::mul(Ops::mul(wv, lf), lf));
                    const M ok = Ops::mand(Ops::mand(Ops::gt(slx, zero), Ops::gt(sl2, zero)),
                                           Ops::mand(Ops::neq(lf, lvF), Ops::ge(iota, Ops::set1(float(from)))));
                    const M accept = Ops::mand(
                        ok, Ops::gt(Ops::mul(Ops::mul(lx, lx), Ops::set1(suml2)),
                                    Ops::mul(Ops::set1(sumlx * sumlx), l2)));
                    if (!Ops::any(accept)) break;
                    const int k = int(Ops::minOf(Ops::select(accept, iota, none)));
                    Ops::store(newLx, lx);
                    Ops::store(newL2, l2);
                    Ops::store(newL, lf);
                    lv[c + k] = int32_t(newL[k]) & 255;
                    sumlx = newLx[k];
                    suml2 = newL2[k];
                    ++changed;
                    from = k + 1;
                }
            }
            if (!changed) break;
        }
        for (int i = 0; i < n; ++i)
            levels[i] = uint8_t(lv[i]);
        return suml2 > 0.0f ? sumlx / suml2 : 0.0f;
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

    // Whether Ops gives a mask's lanes as bits (maskBits), for finding the runs of trials N at a time.
    static constexpr bool kRunMasks = requires(M m) { Ops::maskBits(m); };

    static constexpr bool kLaneFits = requires(const int32_t* table, I k) { Ops::gather32(table, k); };

    static IqKernels kernels8() {
        if constexpr (kLaneFits)
            return {nearest8, trials<8, 2, 3>, qp};
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
    // IQ2_S, IQ3_XXS and IQ3_S: neighbour lists short enough for the lane-per-trial search (on IQ3_XXS's 31
    // trials it also beats the run-proving search, ~9 % less CPU). Only with 16 lanes: with 8,
    // the 19 trial scales take three vectors that each walk the lists, and callgrind counted ~10 % more
    // instructions than the run-proving search on the AVX2 path.
    static constexpr bool kTrialLanes = kLaneFits && N >= 16;
    static IqKernels kernels8ByTrial() {
        if constexpr (kTrialLanes)
            return {nearest8, trials<8, 2, 3, true>};
        else
            return kernels8();
    }
    static IqKernels kernels4ByTrial() {
        if constexpr (kTrialLanes)
            return {nearest4, trials<4, 3, 8, true>};
        else
            return kernels4();
    }

    static void iq2s(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* importance) {
        quantizeIq2SWith(kernels8ByTrial(), src, dst, nrows, rowLen, importance);
    }
    static void iq3xxs(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* importance) {
        quantizeIq3XxsWith(kernels4ByTrial(), src, dst, nrows, rowLen, importance);
    }
    static void iq3s(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* importance) {
        quantizeIq3SWith(kernels4ByTrial(), src, dst, nrows, rowLen, importance);
    }

    // The codebook quantizers with this search, or nullptr for other types.
    // This set's entries of the path's quantizer table (kernel_table.h).
    static void addCodebookQuantizers(dispatch::ByType<QuantizeRowsFn>& table) {
        table[dispatch::typeSlot(GgmlType::IQ2_XXS)] = iq2xxs;
        table[dispatch::typeSlot(GgmlType::IQ2_XS)] = iq2xs;
        table[dispatch::typeSlot(GgmlType::IQ2_S)] = iq2s;
        table[dispatch::typeSlot(GgmlType::IQ3_XXS)] = iq3xxs;
        table[dispatch::typeSlot(GgmlType::IQ3_S)] = iq3s;
        if constexpr (kLaneFits) table[dispatch::typeSlot(GgmlType::IQ1_S)] = iq1s;
    }
};
