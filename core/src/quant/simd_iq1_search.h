#pragma once
// IQ1_M's split search and the IQ1 grid's neighbour search on Ops::N lanes (iq_kernels.h's Iq1MSplitFn and
// Iq1NeighbourFn), and the IQ1_M quantizer that runs them.
//
// Why the bytes cannot drift: in the split search lane k computes candidate i2 + k of one i1 with the
// reference's float operations in the reference's order (a term that does not depend on i2 is computed
// once, in scalar, exactly as the reference computes it for every i2). A pass's candidates are compared with
// the best at the pass's start; when none beats it the reference keeps none of them either (it compares
// each with that same unchanged best), so the pass is skipped; otherwise its sums go through the
// reference's comparisons in the reference's order (i2, then sign code). In the neighbour search a lane
// adds the per-coordinate terms w * diff * diff (computed once per search as the reference rounds them) in
// coordinate order starting from the first (0 + t == t), and the minimum keeps the first listed of equals.
//
// Included by the per-instruction-set kernel files after simd_iq_search.h, inside their own namespace, with
// the same Ops requirements as IqLanes (loadKeys, srli, lookup8, minOf, optionally firstLane).

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

    // Iq1MSplitFn: lane k is i2 + k for one i1 (see the top of this file).
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
        const F vcp2 = Ops::set1(cp2), vcm2 = Ops::set1(cm2);
        const F last = Ops::set1(float(n));
        const F iota = Ops::load(kIota);
        const F zero = Ops::zero();
        alignas(64) float qx[4][N], q2[4][N];
        float bestScore = -FLT_MAX;
        for (int i1 = 0; i1 <= n; ++i1) {
            const F a0 = Ops::set1(px[i1]), a1 = Ops::set1(px1[i1]);
            const F bP0 = Ops::set1(wp0 + pw[i1] * cp1), bM0 = Ops::set1(wm0 + pw[i1] * cm1);
            const F bP1 = Ops::set1(wp1 + pw1[i1] * cp1), bM1 = Ops::set1(wm1 + pw1[i1] * cm1);
            for (int i2 = i1; i2 <= n; i2 += N) {
                const F sx0 = Ops::add(a0, Ops::loadu(px + i2)), sx1 = Ops::add(a1, Ops::loadu(px1 + i2));
                const F w0 = Ops::loadu(pw + i2), w1 = Ops::loadu(pw1 + i2);
                const F qxP0 = Ops::sub(tp0, sx0), qxM0 = Ops::sub(tm0, sx0);
                const F qxP1 = Ops::sub(tp1, sx1), qxM1 = Ops::sub(tm1, sx1);
                const F q2P0 = Ops::add(bP0, Ops::mul(w0, vcp2)), q2M0 = Ops::add(bM0, Ops::mul(w0, vcm2));
                const F q2P1 = Ops::add(bP1, Ops::mul(w1, vcp2)), q2M1 = Ops::add(bM1, Ops::mul(w1, vcm2));
                const F sqx[4] = {Ops::add(qxP0, qxP1), Ops::add(qxP0, qxM1), Ops::add(qxM0, qxP1),
                                  Ops::add(qxM0, qxM1)};
                const F sq2[4] = {Ops::add(q2P0, q2P1), Ops::add(q2P0, q2M1), Ops::add(q2M0, q2P1),
                                  Ops::add(q2M0, q2M1)};
                // The lanes where some sign code beats `best`, as the reference compares.
                auto beating = [&](float best) {
                    const F b = Ops::set1(best);
                    M m = Ops::mand(Ops::gt(sq2[0], zero), Ops::gt(Ops::mul(sqx[0], sqx[0]), Ops::mul(b, sq2[0])));
                    for (int c = 1; c < 4; ++c)
                        m = Ops::mor(m, Ops::mand(Ops::gt(sq2[c], zero),
                                                  Ops::gt(Ops::mul(sqx[c], sqx[c]), Ops::mul(b, sq2[c]))));
                    return m;
                };
                const M valid = Ops::le(Ops::add(Ops::set1(float(i2)), iota), last);
                M todo = Ops::mand(valid, beating(bestScore));
                if (!Ops::any(todo)) continue;
                for (int c = 0; c < 4; ++c) {
                    Ops::store(qx[c], sqx[c]);
                    Ops::store(q2[c], sq2[c]);
                }
                // Lane by lane in order, only where a code beats the current best: a lane skipped is one
                // the reference compares with that same best and keeps nothing of.
                do {
                    const int k = firstOf(todo);
                    bool kept = false;
                    for (int c = 0; c < 4; ++c) {
                        if (q2[c][k] > 0 && qx[c][k] * qx[c][k] > bestScore * q2[c][k]) {
                            *scale = qx[c][k] / q2[c][k];
                            bestScore = *scale * qx[c][k];
                            *besti1 = i1;
                            *besti2 = i2 + k;
                            *bestK = c;
                            kept = true;
                        }
                    }
                    const M after = Ops::gt(iota, Ops::set1(float(k)));
                    todo = kept ? Ops::mand(Ops::mand(valid, after), beating(bestScore)) : Ops::mand(todo, after);
                } while (Ops::any(todo));
            }
        }
    }

    static void iq1m(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* importance) {
        quantizeIq1MWith({iq1mSplit, nearest}, src, dst, nrows, rowLen, importance);
    }

    // This set's entries of the path's quantizer table (kernel_table.h).
    static void addQuantizers(dispatch::ByType<QuantizeRowsFn>& table) {
        table[dispatch::typeSlot(GgmlType::IQ1_M)] = iq1m;
    }
};
