#pragma once
// Per-type SIMD quantizers built on Lanes<Ops> (simd_lanes.h). Each gathers the sub-blocks of a few
// super-blocks into lanes (one sub-block per lane), runs the lane search, and hands each super-block's
// results to the same scalar "finish" the reference uses (quant_reference.h), so only the search itself
// is vectorized and the bytes cannot drift.
//
// Included inside a per-instruction-set namespace (it brings simd_lanes.h). Deliberately calls no inline
// function shared with baseline code (std::min, nearestInt, fp16 helpers...): an out-of-line copy of such
// a function compiled here with AVX flags could be picked by the linker for baseline callers.

#include "simd_lanes.h"

template <class Ops> struct Drivers {
    using F = typename Ops::F;
    using L = Lanes<Ops>;
    static constexpr int N = Ops::N;

    static constexpr int gcd(int a, int b) { return b == 0 ? a : gcd(b, a % b); }

    // Chunk geometry for super-blocks of P sub-blocks: a chunk is whole super-blocks and whole lane groups.
    template <int P> struct Geometry {
        static constexpr int kLanes = N / gcd(N, P) * P;
        static constexpr int kSuperBlocks = kLanes / P;
        static constexpr int kGroups = kLanes / N;
    };

    // Lane k's S values are rows[S * k .. S * k + S); soa[i * N + k] = rows[S * k + i]. Consecutive lanes
    // are consecutive sub-blocks in memory, so moving a group in or out of lanes is a matrix transpose,
    // done in Ops::kTile square tiles.
    template <int S> static void toLanes(const float* rows, float* soa) {
        static_assert(S % Ops::kTile == 0 && N % Ops::kTile == 0);
        for (int k = 0; k < N; k += Ops::kTile)
            for (int i = 0; i < S; i += Ops::kTile)
                Ops::transposeTile(rows + S * k + i, S, soa + i * N + k, N);
    }
    template <int S> static void fromLanes(const float* soa, float* rows) {
        for (int k = 0; k < N; k += Ops::kTile)
            for (int i = 0; i < S; i += Ops::kTile)
                Ops::transposeTile(soa + i * N + k, N, rows + S * k + i, S);
    }

    // Levels are whole numbers in floats; bytes for the finishing code.
    static void levelBytes(const float* levels, int n, uint8_t* out) {
        using V = typename Ops::Single;
        for (int i = 0; i < n; i += V::N)
            V::storeBytes(out + i, V::toInt(V::load(levels + i)));
    }

    // Weights of the weighted searches: importance * sqrt(sigma2 + x*x), per lane sigma2.
    template <int S>
    static void importanceWeights(const float* xs, const float* qws, const float* sigma2, float* ws) {
        const F s2 = Ops::load(sigma2);
        for (int i = 0; i < S; ++i) {
            const F xi = Ops::load(xs + i * N);
            Ops::store(ws + i * N,
                       Ops::mul(Ops::load(qws + i * N), Ops::sqrt(Ops::add(s2, Ops::mul(xi, xi)))));
        }
    }

    template <int S> static void sumWeights(const float* ws, float* out) {
        F sum = Ops::zero();
        for (int i = 0; i < S; ++i)
            sum = Ops::add(sum, Ops::load(ws + i * N));
        Ops::store(out, sum);
    }

    // ---------------------------------------------------------------- K-quants and IQ4_XS
    enum class Search { Qkx, Qx, Q3, Iq4 };
    enum class Weights { Importance, RmsPlusAbs, Abs, Square, ImportanceOnly, Iq4 };
    // sigma2 of a super-block: none, sum(x^2)/256, 2*sum(x^2)/256, or IQ4's sum(x^2) * (2/256).
    enum class Sigma { None, SumSq, TwiceSumSq, Iq4 };

    static float superBlockSigma2(Sigma kind, const float* x) {
        switch (kind) {
        case Sigma::SumSq:
            return superBlockSumSquares(x) / 256;
        case Sigma::TwiceSumSq:
            return 2 * superBlockSumSquares(x) / 256;
        case Sigma::Iq4:
            return iq4Sigma2(x, 256);
        case Sigma::None:
            break;
        }
        return 0.f;
    }

    struct KParams {
        Search search;
        Weights weights;
        int nmax;
        float rmin, rdelta;
        int nstep;
        bool useMad;
        Sigma sigma; // the variance term of the importance weights
    };

    // The per-super-block results handed to the finishing code; sub-block j of super-block c is entry
    // P * c + j, its levels start at 256 * c.
    struct ChunkResults {
        const float* scales;
        const float* mins;
        const float* subWeights;
        uint8_t* levels;
    };

    // Runs the search of every sub-block of S values of super-blocks of 256 values, a chunk of whole
    // super-blocks filling whole lane groups at a time, then finish(x, results, c, block index, weighted).
    template <int S, class Finish>
    static void superBlocks(const float* src, int64_t rowLen, int64_t nrows, const float* importance,
                            const KParams& p, Finish finish) {
        constexpr int P = 256 / S;
        using G = Geometry<P>;
        constexpr int kValues = G::kSuperBlocks * 256;
        const int64_t perRow = rowLen / 256;
        const int64_t total = perRow * nrows;
        alignas(64) float padded[kValues], chunkImportance[kValues], levelsOut[kValues];
        alignas(64) uint8_t levels[kValues];
        alignas(64) float xs[S * N], qws[S * N], ws[S * N], lv[S * N];
        alignas(64) float sigma2[G::kLanes], scales[G::kLanes], mins[G::kLanes], sumw[G::kLanes];
        for (int64_t first = 0; first < total; first += G::kSuperBlocks) {
            const int count = int(total - first < G::kSuperBlocks ? total - first : G::kSuperBlocks);
            const float* base = src + 256 * first;
            if (count < G::kSuperBlocks) { // the last chunk: zeros fill the unused lanes
                std::memset(padded, 0, sizeof(padded));
                std::memcpy(padded, base, sizeof(float) * 256 * size_t(count));
                base = padded;
            }
            for (int c = 0; c < G::kSuperBlocks; ++c) {
                const float s2 = importance ? superBlockSigma2(p.sigma, base + 256 * c) : 0.f;
                for (int j = 0; j < P; ++j)
                    sigma2[P * c + j] = s2;
                if (importance)
                    std::memcpy(chunkImportance + 256 * c, importance + 256 * ((first + c) % perRow),
                                256 * sizeof(float));
            }
            for (int g = 0; g < G::kGroups; ++g) {
                toLanes<S>(base + S * N * g, xs);
                const float* w = ws;
                if (importance) {
                    toLanes<S>(chunkImportance + S * N * g, qws);
                    if (p.weights == Weights::ImportanceOnly)
                        w = qws;
                    else
                        importanceWeights<S>(xs, qws, sigma2 + N * g, ws);
                    sumWeights<S>(w, sumw + N * g);
                } else {
                    plainWeights<S>(p.weights, xs, ws);
                }
                float* scale = scales + N * g;
                switch (p.search) {
                case Search::Qkx:
                    L::qkx(S, p.nmax, xs, w, p.rmin, p.rdelta, p.nstep, p.useMad, lv, scale, mins + N * g);
                    break;
                case Search::Qx:
                    L::qx(S, p.nmax, xs, w, lv, scale);
                    break;
                case Search::Q3:
                    L::q3(S, p.nmax, xs, lv, scale);
                    break;
                case Search::Iq4:
                    L::iq4(xs, w, 7, scale);
                    break;
                }
                if (p.search != Search::Iq4)
                    fromLanes<S>(lv, levelsOut + S * N * g); // IQ4 recomputes all levels
            }
            if (p.search != Search::Iq4) levelBytes(levelsOut, 256 * count, levels);
            const ChunkResults results{scales, mins, sumw, levels};
            for (int c = 0; c < count; ++c)
                finish(src + 256 * (first + c), results, c, first + c, importance != nullptr);
        }
    }

    // Weights of the unweighted searches.
    template <int S> static void plainWeights(Weights kind, const float* xs, float* ws) {
        switch (kind) {
        case Weights::RmsPlusAbs: { // Q4_K, Q5_K: the sub-block's RMS plus |x|
            F sum = Ops::zero();
            for (int i = 0; i < S; ++i) {
                const F xi = Ops::load(xs + i * N);
                sum = Ops::add(sum, Ops::mul(xi, xi));
            }
            const F av = Ops::sqrt(Ops::div(sum, Ops::set1(float(S))));
            for (int i = 0; i < S; ++i)
                Ops::store(ws + i * N, Ops::add(av, Ops::abs(Ops::load(xs + i * N))));
            return;
        }
        case Weights::Abs:
            for (int i = 0; i < S; ++i)
                Ops::store(ws + i * N, Ops::abs(Ops::load(xs + i * N)));
            return;
        case Weights::Square:
        case Weights::ImportanceOnly:
        case Weights::Iq4:
        case Weights::Importance:
            for (int i = 0; i < S; ++i) {
                const F xi = Ops::load(xs + i * N);
                Ops::store(ws + i * N, Ops::mul(xi, xi));
            }
            return;
        }
    }

    // The final element-wise rounding of every block (RequantizeFn), on native-width vectors.
    static void requantize(const float* x, const RequantPlan& plan, uint8_t* levels) {
        using V = typename Ops::Single;
        using LV = Lanes<V>;
        constexpr int W = V::N;
        for (int j = 0; j < plan.subBlocks; ++j, x += plan.subSize, levels += plan.subSize) {
            const auto d = V::set1(plan.d[j]);
            if (plan.kind == RequantPlan::Kind::Iq4) {
                for (int i = 0; i < plan.subSize; i += W)
                    V::storeBytes(levels + i, LV::iq4Index(V::mul(d, V::loadu(x + i))));
                continue;
            }
            if (plan.d[j] == 0.f) continue; // keeps the search's levels, like the reference
            const auto add = V::set1(plan.add[j]);
            const auto offset = V::set1i(plan.offset);
            for (int i = 0; i < plan.subSize; i += W) {
                auto v = V::loadu(x + i);
                if (plan.useAdd) v = V::add(v, add);
                const auto l = LV::clampi(LV::nearestInt(V::div(v, d)), plan.lo, plan.hi);
                V::storeBytes(levels + i, V::addi(l, offset));
            }
        }
    }

    // ---------------------------------------------------------------- per-type entry points
    template <class Block> static Block* blocks(void* dst) { return static_cast<Block*>(dst); }

    static void q2k(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* qw) {
        const KParams p =
            qw ? KParams{Search::Qkx, Weights::Importance, 3, -0.9f, 0.05f, 36, false, Sigma::SumSq}
               : KParams{Search::Qkx, Weights::Abs, 3, -0.5f, 0.1f, 15, true, Sigma::None};
        superBlocks<16>(src, rowLen, nrows, qw, p,
                        [&](const float* x, const ChunkResults& r, int c, int64_t ib, bool weighted) {
                            auto* y = blocks<BlockQ2K>(dst) + ib;
                            if (weighted)
                                finishQ2KWeighted(x, r.scales + 16 * c, r.mins + 16 * c,
                                                  r.subWeights + 16 * c, r.levels + 256 * c, y, requantize);
                            else
                                finishQ2KRef(x, r.scales + 16 * c, r.mins + 16 * c, r.levels + 256 * c, y,
                                             requantize);
                        });
    }

    static void q3k(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* qw) {
        const KParams p = qw ? KParams{Search::Qx, Weights::Importance, 4, 0, 0, 0, false, Sigma::TwiceSumSq}
                             : KParams{Search::Q3, Weights::Square, 4, 0, 0, 0, false, Sigma::None};
        superBlocks<16>(src, rowLen, nrows, qw, p,
                        [&](const float* x, const ChunkResults& r, int c, int64_t ib, bool weighted) {
                            auto* y = blocks<BlockQ3K>(dst) + ib;
                            if (weighted)
                                finishQ3KWeighted(x, r.scales + 16 * c, r.subWeights + 16 * c,
                                                  r.levels + 256 * c, y, requantize);
                            else
                                finishQ3KRef(x, r.scales + 16 * c, r.levels + 256 * c, y, requantize);
                        });
    }

    static KParams k4Params(bool weighted, int nmax, float rmin, float rdelta, int nstep) {
        return weighted
                   ? KParams{Search::Qkx, Weights::Importance, nmax, -0.9f, 0.05f, 36,
                             false,       Sigma::TwiceSumSq}
                   : KParams{Search::Qkx, Weights::RmsPlusAbs, nmax, rmin, rdelta, nstep, false, Sigma::None};
    }

    static void q4k(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* qw) {
        superBlocks<32>(src, rowLen, nrows, qw, k4Params(qw, 15, -1.f, 0.1f, 20),
                        [&](const float* x, const ChunkResults& r, int c, int64_t ib, bool weighted) {
                            auto* y = blocks<BlockQ4K>(dst) + ib;
                            if (weighted)
                                finishQ4KWeighted(x, r.scales + 8 * c, r.mins + 8 * c, r.subWeights + 8 * c,
                                                  r.levels + 256 * c, y, requantize);
                            else
                                finishQ4KRef(x, r.scales + 8 * c, r.mins + 8 * c, r.levels + 256 * c, y,
                                             requantize);
                        });
    }

    static void q5k(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* qw) {
        superBlocks<32>(src, rowLen, nrows, qw, k4Params(qw, 31, -0.5f, 0.1f, 15),
                        [&](const float* x, const ChunkResults& r, int c, int64_t ib, bool weighted) {
                            auto* y = blocks<BlockQ5K>(dst) + ib;
                            if (weighted)
                                finishQ5KWeighted(x, r.scales + 8 * c, r.mins + 8 * c, r.subWeights + 8 * c,
                                                  r.levels + 256 * c, y, requantize);
                            else
                                finishQ5KRef(x, r.scales + 8 * c, r.mins + 8 * c, r.levels + 256 * c, y,
                                             requantize);
                        });
    }

    static void q6k(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* qw) {
        const KParams p{Search::Qx, qw ? Weights::ImportanceOnly : Weights::Square, 32, 0, 0, 0, false,
                        Sigma::None};
        superBlocks<16>(
            src, rowLen, nrows, qw, p, [&](const float* x, const ChunkResults& r, int c, int64_t ib, bool) {
                finishQ6K(x, r.scales + 16 * c, r.levels + 256 * c, blocks<BlockQ6K>(dst) + ib, requantize);
            });
    }

    static void iq4xs(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* qw) {
        const KParams p{Search::Iq4, qw ? Weights::Importance : Weights::Iq4, 0, 0, 0, 0, false, Sigma::Iq4};
        superBlocks<32>(src, rowLen, nrows, qw, p,
                        [&](const float* x, const ChunkResults& r, int c, int64_t ib, bool) {
                            finishIq4Xs(x, r.scales + 8 * c, blocks<BlockIq4Xs>(dst) + ib, requantize);
                        });
    }

    // ---------------------------------------------------------------- 32-value block formats
    // One block per lane; consecutive lanes are consecutive blocks. iq4: IQ4_NL, whose variance term is
    // 2/32 * sum(x^2) of the block itself (the weighted legacy formats use one per row) and whose search
    // yields no levels.
    template <class Search, class Finish>
    static void smallBlocks(const float* src, int64_t rowLen, int64_t nrows, const float* importance,
                            bool iq4, Search search, Finish finish) {
        const int64_t perRow = rowLen / 32;
        const int64_t total = perRow * nrows;
        alignas(64) float padded[32 * N], chunkImportance[32 * N], levelsOut[32 * N];
        alignas(64) uint8_t levels[32 * N];
        alignas(64) float xs[32 * N], qws[32 * N], ws[32 * N], lv[32 * N];
        alignas(64) float sigma2[N], scale[N], mins[N];
        int64_t cachedRow = -1;
        float cachedSigma2 = 0;
        for (int64_t first = 0; first < total; first += N) {
            const int count = int(total - first < N ? total - first : N);
            const float* base = src + 32 * first;
            if (count < N) {
                std::memset(padded, 0, sizeof(padded));
                std::memcpy(padded, base, sizeof(float) * 32 * size_t(count));
                base = padded;
            }
            toLanes<32>(base, xs);
            if (iq4) {
                F sum = Ops::zero();
                for (int i = 0; i < 32; ++i) {
                    const F xi = Ops::load(xs + i * N);
                    sum = Ops::add(sum, Ops::mul(xi, xi));
                }
                Ops::store(sigma2, Ops::mul(sum, Ops::set1(2.f / 32)));
            } else if (importance) {
                for (int k = 0; k < N; ++k) {
                    const int64_t b = first + k;
                    if (b < total && b / perRow != cachedRow) {
                        cachedRow = b / perRow;
                        cachedSigma2 = rowMeanSquare(src + rowLen * cachedRow, rowLen);
                    }
                    sigma2[k] = cachedSigma2;
                }
            }
            if (importance) {
                for (int k = 0; k < N; ++k)
                    std::memcpy(chunkImportance + 32 * k, importance + 32 * ((first + k) % perRow),
                                32 * sizeof(float));
                toLanes<32>(chunkImportance, qws);
                importanceWeights<32>(xs, qws, sigma2, ws);
            } else {
                plainWeights<32>(Weights::Square, xs, ws);
            }
            search(xs, ws, lv, scale, mins);
            if (!iq4) {
                fromLanes<32>(lv, levelsOut);
                levelBytes(levelsOut, 32 * count, levels);
            }
            for (int k = 0; k < count; ++k)
                finish(src + 32 * (first + k), levels + 32 * k, scale[k], mins[k], first + k);
        }
    }

    static void q4_0(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* qw) {
        if (!qw) return quantizeQ4_0Ref(src, dst, nrows, rowLen, qw);
        smallBlocks(
            src, rowLen, nrows, qw, false,
            [](const float* xs, const float* w, float* lv, float* scale, float*) {
                L::qx(32, 8, xs, w, lv, scale);
            },
            [&](const float*, const uint8_t* levels, float d, float, int64_t b) {
                packQ4_0(d, reinterpret_cast<const int8_t*>(levels), blocks<BlockQ4_0>(dst) + b);
            });
    }

    static void q5_0(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* qw) {
        if (!qw) return quantizeQ5_0Ref(src, dst, nrows, rowLen, qw);
        smallBlocks(
            src, rowLen, nrows, qw, false,
            [](const float* xs, const float* w, float* lv, float* scale, float*) {
                L::qx(32, 16, xs, w, lv, scale);
            },
            [&](const float*, const uint8_t* levels, float d, float, int64_t b) {
                packQ5_0(d, reinterpret_cast<const int8_t*>(levels), blocks<BlockQ5_0>(dst) + b);
            });
    }

    static void q4_1(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* qw) {
        if (!qw) return quantizeQ4_1Ref(src, dst, nrows, rowLen, qw);
        smallBlocks(
            src, rowLen, nrows, qw, false,
            [](const float* xs, const float* w, float* lv, float* scale, float* mins) {
                L::qkx(32, 15, xs, w, -0.9f, 0.05f, 36, false, lv, scale, mins);
            },
            [&](const float*, const uint8_t* levels, float d, float negMin, int64_t b) {
                packQ4_1(d, negMin, levels, blocks<BlockQ4_1>(dst) + b);
            });
    }

    static void q5_1(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* qw) {
        if (!qw) return quantizeQ5_1Ref(src, dst, nrows, rowLen, qw);
        smallBlocks(
            src, rowLen, nrows, qw, false,
            [](const float* xs, const float* w, float* lv, float* scale, float* mins) {
                L::qkx(32, 31, xs, w, -0.9f, 0.05f, 36, false, lv, scale, mins);
            },
            [&](const float*, const uint8_t* levels, float d, float negMin, int64_t b) {
                packQ5_1(d, negMin, levels, blocks<BlockQ5_1>(dst) + b);
            });
    }

    static void iq4nl(const float* src, void* dst, int64_t nrows, int64_t rowLen, const float* qw) {
        smallBlocks(
            src, rowLen, nrows, qw, true,
            [](const float* xs, const float* w, float*, float* scale, float*) { L::iq4(xs, w, 7, scale); },
            [&](const float* x, const uint8_t*, float d, float, int64_t b) {
                finishIq4Nl(x, d, blocks<BlockIq4Nl>(dst) + b, requantize);
            });
    }
};
