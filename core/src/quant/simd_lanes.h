#pragma once
// The scale searches of quant_search.cpp, run on Ops::N independent groups at once: lane k works on
// group k and performs exactly the scalar operations in the scalar order, so every lane's result is
// bit-identical to the reference. Data-dependent branches of the scalar code become masks; where the
// scalar code stops early, lanes carry on with work that provably changes nothing, or are masked.
//
// Data is "structure of arrays": value i of lane k is at buffer[i * N + k]. Buffers are 64-byte aligned.
//
// Included (through simd_drivers.h) by the per-instruction-set kernel files (quant_avx2.cpp, ...) inside
// their own namespace, after they define the Ops type. It must not call inline functions shared with
// baseline code (see simd_drivers.h).

template <class Ops> struct Lanes {
    using F = typename Ops::F;
    using I = typename Ops::I;
    using M = typename Ops::M;
    static constexpr int N = Ops::N;

    static I nearestInt(F v) {
        const I bits = Ops::bitsOf(Ops::add(v, Ops::set1(12582912.f)));
        return Ops::subi(Ops::andi(bits, Ops::set1i(0x007fffff)), Ops::set1i(0x00400000));
    }
    static I clampi(I v, int lo, int hi) { return Ops::mini(Ops::maxi(v, Ops::set1i(lo)), Ops::set1i(hi)); }

    // Lane-wise "if (|x[i]| > amax) { amax = |x[i]|; max = x[i]; }" over n values.
    static void signedAbsMax(int n, const float* x, F& max, F& amax) {
        max = Ops::zero();
        amax = Ops::zero();
        for (int i = 0; i < n; ++i) {
            const F xi = Ops::load(x + i * N);
            const F ax = Ops::abs(xi);
            const M bigger = Ops::gt(ax, amax);
            amax = Ops::select(bigger, ax, amax);
            max = Ops::select(bigger, xi, max);
        }
    }

    // makeQxQuants with explicit weights. levels receives float levels l + nmax (0 for all-zero lanes).
    static void qx(int n, int nmax, const float* x, const float* w, float* levels, float* scaleOut) {
        F max, amax;
        signedAbsMax(n, x, max, amax);
        const M allZero = Ops::lt(amax, Ops::set1(1e-15f));
        alignas(64) float wx[32 * N];
        F iscale = Ops::div(Ops::set1(float(-nmax)), max);
        F sumlx = Ops::zero(), suml2 = Ops::zero();
        for (int i = 0; i < n; ++i) {
            const F xi = Ops::load(x + i * N), wi = Ops::load(w + i * N);
            const F l = Ops::toFloat(clampi(nearestInt(Ops::mul(iscale, xi)), -nmax, nmax - 1));
            const F wxi = Ops::mul(wi, xi);
            Ops::store(wx + i * N, wxi);
            sumlx = Ops::add(sumlx, Ops::mul(wxi, l));
            suml2 = Ops::add(suml2, Ops::mul(Ops::mul(wi, l), l));
        }
        F scale = Ops::select(Ops::neq(suml2, Ops::zero()), Ops::div(sumlx, suml2), Ops::zero());
        F best = Ops::mul(scale, sumlx);
        F bestIscale = iscale;
        for (int step = -9; step <= 9; ++step) {
            if (step == 0) continue;
            iscale = Ops::div(Ops::set1(-(float(nmax) + 0.1f * float(step))), max);
            sumlx = Ops::zero();
            suml2 = Ops::zero();
            for (int i = 0; i < n; ++i) {
                const F xi = Ops::load(x + i * N), wi = Ops::load(w + i * N);
                const F l = Ops::toFloat(clampi(nearestInt(Ops::mul(iscale, xi)), -nmax, nmax - 1));
                sumlx = Ops::add(sumlx, Ops::mul(Ops::load(wx + i * N), l));
                suml2 = Ops::add(suml2, Ops::mul(Ops::mul(wi, l), l));
            }
            const M better = Ops::mand(Ops::gt(suml2, Ops::zero()),
                                       Ops::gt(Ops::mul(sumlx, sumlx), Ops::mul(best, suml2)));
            bestIscale = Ops::select(better, iscale, bestIscale);
            scale = Ops::select(better, Ops::div(sumlx, suml2), scale);
            best = Ops::select(better, Ops::mul(scale, sumlx), best);
        }
        const F offset = Ops::set1(float(nmax));
        for (int i = 0; i < n; ++i) {
            const F xi = Ops::load(x + i * N);
            const F l = Ops::toFloat(clampi(nearestInt(Ops::mul(bestIscale, xi)), -nmax, nmax - 1));
            Ops::store(levels + i * N, Ops::select(allZero, Ops::zero(), Ops::add(l, offset)));
        }
        Ops::store(scaleOut, Ops::select(allZero, Ops::zero(), scale));
    }

    // makeQ3Quants (weights x*x, per-value refinement). levels as in the scalar version.
    static void q3(int n, int nmax, const float* x, float* levels, float* scaleOut) {
        F max, amax;
        signedAbsMax(n, x, max, amax);
        const M allZero = Ops::lt(amax, Ops::set1(1e-15f));
        alignas(64) float w2[32 * N], wx[32 * N];
        const F iscale = Ops::div(Ops::set1(float(-nmax)), max);
        F sumlx = Ops::zero(), suml2 = Ops::zero();
        for (int i = 0; i < n; ++i) {
            const F xi = Ops::load(x + i * N);
            const F l = Ops::toFloat(clampi(nearestInt(Ops::mul(iscale, xi)), -nmax, nmax - 1));
            Ops::store(levels + i * N, l);
            const F wi = Ops::mul(xi, xi);
            const F wxi = Ops::mul(wi, xi);
            Ops::store(w2 + i * N, wi);
            Ops::store(wx + i * N, wxi);
            sumlx = Ops::add(sumlx, Ops::mul(wxi, l));
            suml2 = Ops::add(suml2, Ops::mul(Ops::mul(wi, l), l));
        }
        // A lane whose pass changed nothing has stopped in the scalar code. It needs no mask here: a pass is
        // a function of the lane's state, so repeating it on the unchanged state changes nothing again.
        M changed = Ops::mnot(allZero);
        for (int pass = 0; pass < 5 && Ops::any(changed); ++pass) {
            changed = Ops::mfalse();
            for (int i = 0; i < n; ++i) {
                const F xi = Ops::load(x + i * N), wi = Ops::load(w2 + i * N), wxi = Ops::load(wx + i * N);
                const F li = Ops::load(levels + i * N);
                F slx = Ops::sub(sumlx, Ops::mul(wxi, li));
                const M positive = Ops::gt(slx, Ops::zero());
                F sl2 = Ops::sub(suml2, Ops::mul(Ops::mul(wi, li), li));
                const F nl =
                    Ops::toFloat(clampi(nearestInt(Ops::div(Ops::mul(xi, sl2), slx)), -nmax, nmax - 1));
                slx = Ops::add(slx, Ops::mul(wxi, nl));
                sl2 = Ops::add(sl2, Ops::mul(Ops::mul(wi, nl), nl));
                const M take = Ops::mand(
                    Ops::mand(positive, Ops::neq(nl, li)),
                    Ops::mand(Ops::gt(sl2, Ops::zero()), Ops::gt(Ops::mul(Ops::mul(slx, slx), suml2),
                                                                 Ops::mul(Ops::mul(sumlx, sumlx), sl2))));
                Ops::store(levels + i * N, Ops::select(take, nl, li));
                sumlx = Ops::select(take, slx, sumlx);
                suml2 = Ops::select(take, sl2, suml2);
                changed = Ops::mor(changed, take);
            }
        }
        const F offset = Ops::set1(float(nmax));
        for (int i = 0; i < n; ++i) {
            const F l = Ops::load(levels + i * N);
            Ops::store(levels + i * N, Ops::select(allZero, Ops::zero(), Ops::add(l, offset)));
        }
        const F scale = Ops::select(Ops::gt(suml2, Ops::zero()), Ops::div(sumlx, suml2), Ops::zero());
        Ops::store(scaleOut, Ops::select(allZero, Ops::zero(), scale));
    }

    // makeQkxQuants. levels in [0, nmax]; negMinOut = -min (a sign flip, so 0 becomes -0 as in ggml).
    static void qkx(int n, int nmax, const float* x, const float* w, float rmin, float rdelta, int nstep,
                    bool useMad, float* levels, float* scaleOut, float* negMinOut) {
        alignas(64) float trial[32 * N];
        F min = Ops::load(x), max = min;
        F sumW = Ops::load(w);
        F sumX = Ops::mul(sumW, min);
        for (int i = 1; i < n; ++i) {
            const F xi = Ops::load(x + i * N), wi = Ops::load(w + i * N);
            min = Ops::select(Ops::lt(xi, min), xi, min);
            max = Ops::select(Ops::gt(xi, max), xi, max);
            sumW = Ops::add(sumW, wi);
            sumX = Ops::add(sumX, Ops::mul(wi, xi));
        }
        min = Ops::select(Ops::gt(min, Ops::zero()), Ops::zero(), min);
        const M flat = Ops::eq(max, min);
        const F flatMin = min;
        const F nmaxF = Ops::set1(float(nmax));
        F iscale = Ops::div(nmaxF, Ops::sub(max, min));
        F scale = Ops::div(Ops::set1(1.f), iscale);
        F best = Ops::zero();
        for (int i = 0; i < n; ++i) {
            const F xi = Ops::load(x + i * N), wi = Ops::load(w + i * N);
            const F l = Ops::toFloat(clampi(nearestInt(Ops::mul(iscale, Ops::sub(xi, min))), 0, nmax));
            F diff = Ops::sub(Ops::add(Ops::mul(scale, l), min), xi);
            diff = useMad ? Ops::abs(diff) : Ops::mul(diff, diff);
            best = Ops::add(best, Ops::mul(wi, diff));
        }
        // The levels of the best trial are recomputed at the end from the scale and min it used.
        F levelIscale = iscale, levelMin = min;
        for (int step = 0; step <= nstep; ++step) {
            iscale = Ops::div(Ops::set1(rmin + rdelta * float(step) + float(nmax)), Ops::sub(max, min));
            F sumL = Ops::zero(), sumL2 = Ops::zero(), sumXL = Ops::zero();
            for (int i = 0; i < n; ++i) {
                const F xi = Ops::load(x + i * N), wi = Ops::load(w + i * N);
                const F l = Ops::toFloat(clampi(nearestInt(Ops::mul(iscale, Ops::sub(xi, min))), 0, nmax));
                Ops::store(trial + i * N, l);
                const F wl = Ops::mul(wi, l);
                sumL = Ops::add(sumL, wl);
                sumL2 = Ops::add(sumL2, Ops::mul(wl, l));
                sumXL = Ops::add(sumXL, Ops::mul(wl, xi));
            }
            const F det = Ops::sub(Ops::mul(sumW, sumL2), Ops::mul(sumL, sumL));
            const M solvable = Ops::gt(det, Ops::zero());
            if (!Ops::any(solvable)) continue;
            F thisScale = Ops::div(Ops::sub(Ops::mul(sumW, sumXL), Ops::mul(sumX, sumL)), det);
            F thisMin = Ops::div(Ops::sub(Ops::mul(sumL2, sumX), Ops::mul(sumL, sumXL)), det);
            const M positiveMin = Ops::gt(thisMin, Ops::zero());
            thisMin = Ops::select(positiveMin, Ops::zero(), thisMin);
            thisScale = Ops::select(positiveMin, Ops::div(sumXL, sumL2), thisScale);
            F error = Ops::zero();
            for (int i = 0; i < n; ++i) {
                const F xi = Ops::load(x + i * N), wi = Ops::load(w + i * N);
                F diff = Ops::sub(Ops::add(Ops::mul(thisScale, Ops::load(trial + i * N)), thisMin), xi);
                diff = useMad ? Ops::abs(diff) : Ops::mul(diff, diff);
                error = Ops::add(error, Ops::mul(wi, diff));
            }
            const M better = Ops::mand(solvable, Ops::lt(error, best));
            levelIscale = Ops::select(better, iscale, levelIscale);
            levelMin = Ops::select(better, min, levelMin);
            best = Ops::select(better, error, best);
            scale = Ops::select(better, thisScale, scale);
            min = Ops::select(better, thisMin, min);
        }
        for (int i = 0; i < n; ++i) {
            const F xi = Ops::load(x + i * N);
            const F l =
                Ops::toFloat(clampi(nearestInt(Ops::mul(levelIscale, Ops::sub(xi, levelMin))), 0, nmax));
            Ops::store(levels + i * N, Ops::select(flat, Ops::zero(), l));
        }
        Ops::store(scaleOut, Ops::select(flat, Ops::zero(), scale));
        Ops::store(negMinOut, Ops::neg(Ops::select(flat, flatMin, min)));
    }

    // The IQ4 level (as a float) that bestIq4Index picks for each lane of v.
    static F iq4Level(F v) {
        const F lowest = Ops::set1(-127.f), highest = Ops::set1(113.f);
        const I index = Ops::iq4Floor(v); // last level <= v among levels 1..14, else 0 (14 for NaN)
        const F lo = Ops::iq4Lookup(index);
        const F hi = Ops::iq4Lookup(Ops::addi(index, Ops::set1i(1)));
        F q = Ops::select(Ops::lt(Ops::sub(v, lo), Ops::sub(hi, v)), lo, hi);
        q = Ops::select(Ops::ge(v, highest), highest, q);
        return Ops::select(Ops::le(v, lowest), lowest, q);
    }

    // The IQ4 level index that bestIq4Index picks for each lane of v.
    static I iq4Index(F v) {
        const I index = Ops::iq4Floor(v);
        const I next = Ops::addi(index, Ops::set1i(1));
        const F lo = Ops::iq4Lookup(index);
        const F hi = Ops::iq4Lookup(next);
        I r = Ops::selecti(Ops::lt(Ops::sub(v, lo), Ops::sub(hi, v)), index, next);
        r = Ops::selecti(Ops::ge(v, Ops::set1(113.f)), Ops::set1i(15), r);
        return Ops::selecti(Ops::le(v, Ops::set1(-127.f)), Ops::set1i(0), r);
    }

    // searchIq4Scale over 32 values per lane, ntry > 0.
    static void iq4(const float* x, const float* w, int ntry, float* scaleOut) {
        constexpr int n = 32;
        F max, amax;
        signedAbsMax(n, x, max, amax);
        const M allZero = Ops::lt(amax, Ops::set1(1e-15f));
        auto sums = [&](F id, F& sumqx, F& sumq2) {
            sumqx = Ops::zero();
            sumq2 = Ops::zero();
            for (int j = 0; j < n; ++j) {
                const F xj = Ops::load(x + j * N), wj = Ops::load(w + j * N);
                const F q = iq4Level(Ops::mul(id, xj));
                const F wq = Ops::mul(wj, q);
                sumqx = Ops::add(sumqx, Ops::mul(wq, xj));
                sumq2 = Ops::add(sumq2, Ops::mul(wq, q));
            }
        };
        F d = Ops::div(Ops::neg(max), Ops::set1(-127.f));
        F sumqx, sumq2;
        sums(Ops::div(Ops::set1(1.f), d), sumqx, sumq2);
        d = Ops::select(Ops::gt(sumq2, Ops::zero()), Ops::div(sumqx, sumq2), Ops::zero());
        F best = Ops::mul(d, sumqx);
        for (int step = -ntry; step <= ntry; ++step) {
            sums(Ops::div(Ops::set1(float(step - 127)), max), sumqx, sumq2);
            const M better = Ops::mand(Ops::gt(sumq2, Ops::zero()),
                                       Ops::gt(Ops::mul(sumqx, sumqx), Ops::mul(best, sumq2)));
            d = Ops::select(better, Ops::div(sumqx, sumq2), d);
            best = Ops::select(better, Ops::mul(d, sumqx), best);
        }
        Ops::store(scaleOut, Ops::select(allZero, Ops::zero(), d));
    }
};
