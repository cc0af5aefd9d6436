#pragma once
// IQ1_M's split search and the IQ1 grid's neighbour search on Ops::N lanes (iq_kernels.h's Iq1MSplitFn and
// Iq1NeighbourFn), and the IQ1_M quantizer that runs them.
//
// Why the bytes cannot drift: in the split search a lane computes one candidate (i1, i2) with the
// reference's float operations in the reference's order (a term that depends on i1 only is computed once,
// exactly as the reference computes it for every i2). With a 32-entry lookup (AVX-512) the lanes hold
// consecutive pairs of the reference's order; otherwise lane k is i2 + k of one i1. The outcome is the
// reference's sequential "keep what beats the best so far" search, found in one of two ways:
// - proven from estimates (AVX-512, see Tops): when one candidate's estimated score is higher than every
//   other's by a margin far above the estimates' error, the sequential search keeps it whatever came
//   before, and nothing after it beats it;
// - the walk: a pass's candidates are compared with the best at the pass's start; when none beats it the
//   reference keeps none of them either (it compares each with that same unchanged best), so the pass is
//   skipped; otherwise its sums go through the reference's comparisons in the reference's order (lane,
//   then sign code).
// In the neighbour search a lane adds the per-coordinate terms w * diff * diff (computed once per search
// as the reference rounds them) in coordinate order starting from the first (0 + t == t), and the minimum
// keeps the first listed of equals.
//
// Included by the per-instruction-set kernel files after simd_iq_search.h, inside their own namespace, with
// the same Ops requirements as IqLanes (loadKeys, srli, lookup8, minOf, optionally firstLane), and div;
// optionally lookup32, refinedReciprocal and maxFirst (the pair search proven from estimates) and maskBits
// (order16).

template <class Ops> struct Iq1Lanes {
    using F = typename Ops::F;
    using I = typename Ops::I;
    using M = typename Ops::M;
    static constexpr int N = Ops::N;
    static_assert(N <= 16, "the split sums are padded for 16 lanes");

    alignas(64) static constexpr float kIota[64] = {
        0,  1,  2,  3,  4,  5,  6,  7,  8,  9,  10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21,
        22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43,
        44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63};
    static constexpr bool kFirstLane = requires(M m) { Ops::firstLane(m); };

    // The first true lane of a non-empty mask.
    static int firstOf(M m) {
        if constexpr (kFirstLane)
            return Ops::firstLane(m);
        else
            return int(Ops::minOf(Ops::select(m, Ops::load(kIota), Ops::set1(64.f))));
    }

    // Iq1NeighbourFn: 8 coordinates, 2-bit keys, levels 0..2 worth xg[level].
    static int nearest(const IqNeighbourTables& grid, int32_t mapValue, const float* xval, const float* weight,
                       float scale, const float* xg) {
        alignas(64) float table[8][8];
        for (int i = 0; i < 8; ++i) {
            for (int l = 0; l < 3; ++l) {
                const float diff = scale * xg[l] - xval[i];
                table[i][l] = weight[i] * diff * diff;
            }
            for (int l = 3; l < 8; ++l)
                table[i][l] = 0; // no key has level 3
        }
        return IqLanes<Ops>::template nearestByTable<8, 2>(grid, mapValue, table);
    }

    // IQ1_M's group size, the n its quantizer always passes: with a 32-entry lookup (Ops::lookup32) the
    // search fills whole vectors with (i1, i2) pairs in the reference's order (i1 outer, i2 inner), 153
    // pairs in 10 passes of 16 lanes instead of 18 passes of one i1 each.
    static constexpr int kPairN = 16;
    static constexpr bool kPairLanes = requires(F a, I i) {
        Ops::lookup32(a, a, i);
        Ops::refinedReciprocal(a);
        Ops::maxFirst(a, a);
    };
    static constexpr int kPairCount = (kPairN + 1) * (kPairN + 2) / 2;
    static constexpr int kPairPasses = (kPairCount + N - 1) / N;
    struct PairTable {
        alignas(64) int32_t i1[kPairPasses * N];
        alignas(64) int32_t i2[kPairPasses * N];
    };
    static constexpr PairTable makePairTable() {
        PairTable t{}; // the padding lanes read pair (0, 0) and are masked off
        int p = 0;
        for (int i1 = 0; i1 <= kPairN; ++i1)
            for (int i2 = i1; i2 <= kPairN; ++i2, ++p) {
                t.i1[p] = i1;
                t.i2[p] = i2;
            }
        return t;
    }
    alignas(64) static constexpr PairTable kPairTable = makePairTable();

    // One pass's candidates: lane k's four sign codes' sums, as the reference rounds them.
    struct Candidates {
        F qx[4], q2[4];
    };
    struct Best {
        float score = -FLT_MAX;
        float* scale;
        int *i1, *i2, *code;
    };

    // The lanes (among `valid`) where some sign code beats `best`, as the reference compares.
    static M beating(const Candidates& c, M valid, float best) {
        const F b = Ops::set1(best);
        const F zero = Ops::zero();
        M m = Ops::mand(Ops::gt(c.q2[0], zero), Ops::gt(Ops::mul(c.qx[0], c.qx[0]), Ops::mul(b, c.q2[0])));
        for (int k = 1; k < 4; ++k)
            m = Ops::mor(m, Ops::mand(Ops::gt(c.q2[k], zero),
                                      Ops::gt(Ops::mul(c.qx[k], c.qx[k]), Ops::mul(b, c.q2[k]))));
        return Ops::mand(valid, m);
    }

    // Runs one pass's candidates through the reference's comparisons; pairOf(lane, i1, i2) writes a lane's
    // pair.
    // Lanes are walked in order, only where a code beats the current best: a lane skipped is one the
    // reference compares with that same best and keeps nothing of. A kept code's scale and score are
    // qx / q2 and scale * qx, computed for all lanes at once with the reference's two operations.
    template <class PairOf> static void walk(const Candidates& c, M valid, Best& best, PairOf pairOf) {
        M todo = beating(c, valid, best.score);
        if (!Ops::any(todo)) return;
        alignas(64) float qx[4][N], q2[4][N], scale[4][N], score[4][N];
        for (int k = 0; k < 4; ++k) {
            const F s = Ops::div(c.qx[k], c.q2[k]);
            Ops::store(qx[k], c.qx[k]);
            Ops::store(q2[k], c.q2[k]);
            Ops::store(scale[k], s);
            Ops::store(score[k], Ops::mul(s, c.qx[k]));
        }
        const F iota = Ops::load(kIota);
        do {
            const int lane = firstOf(todo);
            int kept = -1;
            for (int k = 0; k < 4; ++k) {
                if (q2[k][lane] > 0 && qx[k][lane] * qx[k][lane] > best.score * q2[k][lane]) {
                    best.score = score[k][lane];
                    kept = k;
                }
            }
            const M after = Ops::gt(iota, Ops::set1(float(lane)));
            if (kept >= 0) {
                *best.scale = scale[kept][lane];
                pairOf(lane, best.i1, best.i2);
                *best.code = kept;
                todo = beating(c, Ops::mand(valid, after), best.score);
            } else {
                todo = Ops::mand(todo, after);
            }
        } while (Ops::any(todo));
    }

    // The sequential search's outcome without walking it, when it is provable from estimates alone.
    // Notation: candidate j's sums qx_j, q2_j (as the reference rounds them), R_j = qx_j^2 / q2_j exactly;
    // j is keepable when q2_j > 0; kept, its score is s_j = fl(fl(qx_j / q2_j) * qx_j); j beats a best b
    // when fl(qx_j * qx_j) > fl(b * q2_j). The estimate is e_j = fl(fl(qx_j * qx_j) * r_j) with r_j =
    // Ops::refinedReciprocal(q2_j), 1 / q2_j within a relative 2^-22.9 for the q2 allowed below, so e_j is
    // R_j within a relative 2^-21. Checked (any failure: the caller walks):
    //   P1 every prefix sum of both halves is at most 2^37 in magnitude (so |qx|, |q2| < 2^40: at most six
    //      terms, coefficients <= 1.27; no NaN or infinity anywhere);
    //   P2 every candidate's q2_j >= 2^-40: all are keepable, and r_j and e_j are finite;
    //   P3 top, the highest estimate, lies in [2^-40, 2^40];
    //   P4 exactly one candidate m has e_m >= T = fl(top * (1 - 2^-16)); all others have e_j < T.
    // Absolute errors come only from underflow: below 2^-109 in e_j (an underflow of qx^2, at most 2^-150,
    // times r <= 2^40) and below 2^-149 in s_j, where s_j = R_j (1 + eta), |eta| <= 2^-23. R_m >= 2^-41
    // and 2^-40 <= q2 <= 2^40 make qx_m^2 >= 2^-81 and R_m q2_j >= 2^-81 normal numbers, and every product
    // below 2^81. For every j != m, R_j < R_m (1 - 2^-17): the margin less the estimates' errors,
    // 2^-16 - 2^-20 - 2^-24 > 2^-17 (the absolute ones are below 2^-60 R_m). So
    //   before m: fl(s_j q2_m) <= qx_m^2 (1 - 2^-17)(1 + 2^-22) + 2^-108 < fl(qx_m^2): m beats every score
    //     kept before it, and -FLT_MAX, so it is kept whatever was;
    //   after m: fl(qx_j^2) <= R_m q2_j (1 - 2^-17)(1 + 2^-24) + 2^-150 < fl(s_m q2_j): nothing later
    //     beats m.
    // No score is divided out and no candidate is compared twice: the search keeps, per lane, the highest
    // and second-highest estimate and which candidate (pass and sign code) had the highest (Tops); P4 is
    // "one lane's highest reaches T, no lane's second-highest does".
    static constexpr float kLow = 0x1p-40f, kHigh = 0x1p40f, kSumBound = 0x1p37f, kMargin = 0x1p-16f;
    struct Tops {
        F top1, top2; // per lane: the highest and second-highest estimate
        I which;      // 4 * pass + sign code of the highest
        F lowest;     // per lane: the lowest q2 (P2)
    };
    // One vector of candidates; `valid` leaves out the last pass's padding lanes.
    template <bool Padded> static void track(Tops& t, F qx, F q2, M valid, I which) {
        t.lowest = Ops::minFirst(q2, t.lowest);
        F e = Ops::mul(Ops::mul(qx, qx), Ops::refinedReciprocal(q2));
        if constexpr (Padded) e = Ops::select(valid, e, Ops::zero());
        t.which = Ops::selecti(Ops::gt(e, t.top1), which, t.which);
        t.top2 = Ops::maxFirst(t.top2, Ops::minFirst(t.top1, e));
        t.top1 = Ops::maxFirst(t.top1, e);
    }
    // P1: every prefix sum read (entries 0..31 of both halves; the ones past n are the zero padding).
    static bool sumsBounded(const float* px, const float* pw) {
        const F bound = Ops::set1(kSumBound);
        M ok = Ops::mnot(Ops::mfalse());
        for (int o = 0; o < 32; o += N)
            for (const float* p : {px, px + kIq1MSumStride, pw, pw + kIq1MSumStride})
                ok = Ops::mand(ok, Ops::le(Ops::abs(Ops::loadu(p + o)), bound));
        return !Ops::any(Ops::mnot(ok));
    }
    // Two trackers' candidates as one's (a tie of their highest leaves a second-highest equal to it).
    static Tops merged(const Tops& a, const Tops& b) {
        const M bHigher = Ops::gt(b.top1, a.top1);
        return {Ops::maxFirst(a.top1, b.top1), Ops::maxFirst(Ops::maxFirst(a.top2, b.top2), Ops::minFirst(a.top1, b.top1)),
                Ops::selecti(bHigher, b.which, a.which), Ops::minFirst(a.lowest, b.lowest)};
    }
    // P3 and P4 from the tracked estimates (P1 and P2 are the caller's): m's lane and 4 * pass + code.
    static bool uniqueTop(const Tops& t, int* lane, int* which) {
        const float top = -Ops::minOf(Ops::neg(t.top1));
        if (!(top >= kLow && top <= kHigh)) return false;
        const F threshold = Ops::set1(top * (1 - kMargin));
        const uint64_t reached = Ops::maskBits(Ops::ge(t.top1, threshold));
        if (__builtin_popcountll(reached) != 1 || Ops::any(Ops::ge(t.top2, threshold))) return false;
        alignas(64) int32_t whiches[N];
        Ops::storei(whiches, t.which);
        *lane = __builtin_ctzll(reached);
        *which = whiches[*lane];
        return true;
    }

    // Iq1MSplitFn (see the top of this file).
    static void iq1mSplit(const float* px, const float* pw, int n, float* scale, int* besti1, int* besti2,
                          int* bestK) {
        constexpr float kDelta = 0.125f; // quant_iq1.cpp's kXp, kXm
        constexpr float xp[3] = {-1 + kDelta, kDelta, 1 + kDelta};
        constexpr float xm[3] = {-1 - kDelta, -kDelta, 1 - kDelta};
        const float* px1 = px + kIq1MSumStride;
        const float* pw1 = pw + kIq1MSumStride;
        const float p2 = xp[2], m2 = xm[2];
        const float cp1 = xp[0] * xp[0] - xp[1] * xp[1];
        const float cp2 = xp[1] * xp[1] - xp[2] * xp[2];
        const float cm1 = xm[0] * xm[0] - xm[1] * xm[1];
        const float cm2 = xm[1] * xm[1] - xm[2] * xm[2];
        // The reference's per-half terms that depend on neither i1 nor i2.
        const F tp0 = Ops::set1(px[n] * p2), tm0 = Ops::set1(px[n] * m2);
        const F tp1 = Ops::set1(px1[n] * p2), tm1 = Ops::set1(px1[n] * m2);
        const float wp0 = pw[n] * p2 * p2, wm0 = pw[n] * m2 * m2;
        const float wp1 = pw1[n] * p2 * p2, wm1 = pw1[n] * m2 * m2;
        const F vcp1 = Ops::set1(cp1), vcm1 = Ops::set1(cm1);
        const F vcp2 = Ops::set1(cp2), vcm2 = Ops::set1(cm2);
        const F iota = Ops::load(kIota);
        const F zero = Ops::zero();
        Best best{-FLT_MAX, scale, besti1, besti2, bestK};
        // The candidates from the sums sx = px[i1] + px[i2] of each half and the weight terms: bX = the
        // reference's first two terms of q2 (i1's), wX = its third (i2's), added in its order.
        auto candidates = [&](F sx0, F sx1, F bP0, F bM0, F bP1, F bM1, F wP0, F wM0, F wP1, F wM1) {
            const F qxP0 = Ops::sub(tp0, sx0), qxM0 = Ops::sub(tm0, sx0);
            const F qxP1 = Ops::sub(tp1, sx1), qxM1 = Ops::sub(tm1, sx1);
            const F q2P0 = Ops::add(bP0, wP0), q2M0 = Ops::add(bM0, wM0);
            const F q2P1 = Ops::add(bP1, wP1), q2M1 = Ops::add(bM1, wM1);
            return Candidates{{Ops::add(qxP0, qxP1), Ops::add(qxP0, qxM1), Ops::add(qxM0, qxP1), Ops::add(qxM0, qxM1)},
                              {Ops::add(q2P0, q2P1), Ops::add(q2P0, q2M1), Ops::add(q2M0, q2P1), Ops::add(q2M0, q2M1)}};
        };
        if constexpr (kPairLanes) {
            if (n == kPairN) {
                // Entries 0..31 of every per-index term (the sums are readable up to n + 17 = 33).
                auto table = [&](auto term) {
                    struct Halves {
                        F lo, hi;
                    };
                    return Halves{term(0), term(16)};
                };
                const auto x0 = table([&](int o) { return Ops::loadu(px + o); });
                const auto x1 = table([&](int o) { return Ops::loadu(px1 + o); });
                const auto bP0 = table([&](int o) { return Ops::add(Ops::set1(wp0), Ops::mul(Ops::loadu(pw + o), vcp1)); });
                const auto bM0 = table([&](int o) { return Ops::add(Ops::set1(wm0), Ops::mul(Ops::loadu(pw + o), vcm1)); });
                const auto bP1 = table([&](int o) { return Ops::add(Ops::set1(wp1), Ops::mul(Ops::loadu(pw1 + o), vcp1)); });
                const auto bM1 = table([&](int o) { return Ops::add(Ops::set1(wm1), Ops::mul(Ops::loadu(pw1 + o), vcm1)); });
                const auto wP0 = table([&](int o) { return Ops::mul(Ops::loadu(pw + o), vcp2); });
                const auto wM0 = table([&](int o) { return Ops::mul(Ops::loadu(pw + o), vcm2); });
                const auto wP1 = table([&](int o) { return Ops::mul(Ops::loadu(pw1 + o), vcp2); });
                const auto wM1 = table([&](int o) { return Ops::mul(Ops::loadu(pw1 + o), vcm2); });
                const F count = Ops::set1(float(kPairCount));
                auto pairCandidates = [&](int pass) {
                    const I j1 = Ops::loadi(kPairTable.i1 + pass * N), j2 = Ops::loadi(kPairTable.i2 + pass * N);
                    auto at = [](const auto& t, I j) { return Ops::lookup32(t.lo, t.hi, j); };
                    return candidates(Ops::add(at(x0, j1), at(x0, j2)), Ops::add(at(x1, j1), at(x1, j2)), at(bP0, j1),
                                      at(bM0, j1), at(bP1, j1), at(bM1, j1), at(wP0, j2), at(wM0, j2), at(wP1, j2),
                                      at(wM1, j2));
                };
                auto validIn = [&](int pass) {
                    return Ops::lt(Ops::add(Ops::set1(float(pass * N)), iota), count); // the padding lanes are off
                };
                if (sumsBounded(px, pw)) {
                    // Two trackers (sign codes 0, 1 and 2, 3): two dependency chains of half the length.
                    Tops t[2];
                    for (Tops& tracker : t)
                        tracker = {zero, zero, Ops::set1i(0), Ops::set1(kHigh)};
                    for (int pass = 0; pass < kPairPasses; ++pass) {
                        const Candidates c = pairCandidates(pass);
                        const M valid = validIn(pass);
                        for (int k = 0; k < 4; ++k) {
                            if (pass + 1 < kPairPasses)
                                track<false>(t[k / 2], c.qx[k], c.q2[k], valid, Ops::set1i(4 * pass + k));
                            else
                                track<true>(t[k / 2], c.qx[k], c.q2[k], valid, Ops::set1i(4 * pass + k));
                        }
                    }
                    const Tops all = merged(t[0], t[1]);
                    int lane, which;
                    if (Ops::minOf(all.lowest) >= kLow && uniqueTop(all, &lane, &which)) {
                        const int pass = which / 4, code = which % 4;
                        alignas(64) float qx[N], q2[N];
                        const Candidates c = pairCandidates(pass);
                        Ops::store(qx, c.qx[code]);
                        Ops::store(q2, c.q2[code]);
                        *scale = qx[lane] / q2[lane]; // as the reference keeps m
                        *besti1 = kPairTable.i1[pass * N + lane];
                        *besti2 = kPairTable.i2[pass * N + lane];
                        *bestK = code;
                        return;
                    }
                }
                for (int pass = 0; pass < kPairPasses; ++pass)
                    walk(pairCandidates(pass), validIn(pass), best, [pass](int lane, int* i1, int* i2) {
                        *i1 = kPairTable.i1[pass * N + lane];
                        *i2 = kPairTable.i2[pass * N + lane];
                    });
                return;
            }
        }
        // Any n, any lane count: lane k is i2 + k for one i1.
        const F last = Ops::set1(float(n));
        for (int i1 = 0; i1 <= n; ++i1) {
            const F a0 = Ops::set1(px[i1]), a1 = Ops::set1(px1[i1]);
            const F bP0 = Ops::set1(wp0 + pw[i1] * cp1), bM0 = Ops::set1(wm0 + pw[i1] * cm1);
            const F bP1 = Ops::set1(wp1 + pw1[i1] * cp1), bM1 = Ops::set1(wm1 + pw1[i1] * cm1);
            for (int i2 = i1; i2 <= n; i2 += N) {
                const F w0 = Ops::loadu(pw + i2), w1 = Ops::loadu(pw1 + i2);
                const Candidates c = candidates(Ops::add(a0, Ops::loadu(px + i2)), Ops::add(a1, Ops::loadu(px1 + i2)),
                                                bP0, bM0, bP1, bM1, Ops::mul(w0, vcp2), Ops::mul(w0, vcm2),
                                                Ops::mul(w1, vcp2), Ops::mul(w1, vcm2));
                const M valid = Ops::le(Ops::add(Ops::set1(float(i2)), iota), last);
                walk(c, valid, best, [&](int lane, int* b1, int* b2) {
                    *b1 = i1;
                    *b2 = i2 + lane;
                });
            }
        }
    }

    // Iq1OrderFn on 16 lanes: a value's place is the count of smaller values plus the count of equal
    // values before it (the stable order when there is no NaN; with NaN the reference sorts).
    static constexpr bool kOrder16 = N == 16 && requires(M m) { Ops::maskBits(m); };
    static void order16(const float* x, int* order) {
        const F v = Ops::loadu(x);
        if (Ops::maskBits(Ops::neq(v, v)) != 0) return iq1SortedOrder16Ref(x, order);
        for (int i = 0; i < 16; ++i) {
            const F at = Ops::set1(x[i]);
            const unsigned smaller = unsigned(Ops::maskBits(Ops::lt(v, at)));
            const unsigned equalBefore = unsigned(Ops::maskBits(Ops::eq(v, at))) & ((1u << i) - 1);
            order[__builtin_popcount(smaller) + __builtin_popcount(equalBefore)] = i;
        }
    }

    static void iq1m(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* importance) {
        if constexpr (kOrder16)
            quantizeIq1MWith({iq1mSplit, nearest, order16}, src, dst, nrows, rowLen, importance);
        else
            quantizeIq1MWith({iq1mSplit, nearest}, src, dst, nrows, rowLen, importance);
    }

    // This set's entries of the path's quantizer table (kernel_table.h).
    static void addQuantizers(dispatch::ByType<QuantizeRowsFn>& table) {
        table[dispatch::typeSlot(GgmlType::IQ1_M)] = iq1m;
    }
};
