// The kernels of ggml_order.h written once over a 16-lane type; included by the reference, AVX2 and
// AVX-512 sets inside their own anonymous namespace, after defining `Ops`:
//   V zero(); V set1(float); V loadF16(const uint16_t*, int valid); V loadF32(const float*, int valid)
//   (valid < 16: the other lanes are 0); void store(float*, V); V fma(V a, V b, V c) (a*b + c, fused);
//   V add(V, V); V sub(V, V); V mul(V, V); V div(V, V); float hsum(V) (_mm512_reduce_add_ps's tree);
//   V exp(V) (ggml_v_expf, see ggml_exp_scalar.h).
// Needs <algorithm>, <cmath>, "qf/fp16.h", "ggml_order.h".

template <class Ops> struct GgmlOrderLanes {
    using V = typename Ops::V;

    static V loadRow(const RowMatrix& w, const uint8_t* row, int64_t k, int valid) {
        if (w.type == GgmlType::F16) return Ops::loadF16(reinterpret_cast<const uint16_t*>(row) + k, valid);
        return Ops::loadF32(reinterpret_cast<const float*>(row) + k, valid);
    }

    static float element(const RowMatrix& w, const uint8_t* row, int64_t k) {
        if (w.type == GgmlType::F16) return fp16ToFp32(reinterpret_cast<const uint16_t*>(row)[k]);
        return reinterpret_cast<const float*>(row)[k];
    }

    // One tile of NR rows x NT tokens in tinyBLAS's order (each output its own 16-lane accumulator).
    template <int NR, int NT>
    static void tinyBlasTile(const RowMatrix& w, int64_t r, int nr, const float* x, int64_t ldx, int64_t t0, int nt,
                             float* y, int64_t ldy) {
        const int64_t depth = w.cols;
        const int rows = NR > 0 ? NR : nr, toks = NT > 0 ? NT : nt;
        V acc[4][4];
        for (int i = 0; i < rows; ++i)
            for (int t = 0; t < toks; ++t)
                acc[i][t] = Ops::zero();
        for (int64_t k = 0; k < depth; k += 16) {
            const int valid = int(std::min<int64_t>(16, depth - k));
            V xv[4];
            for (int t = 0; t < toks; ++t)
                xv[t] = Ops::loadF32(x + (t0 + t) * ldx + k, valid);
            for (int i = 0; i < rows; ++i) {
                const V wv = loadRow(w, w.data + uint64_t(r + i) * w.rowBytes, k, valid);
                for (int t = 0; t < toks; ++t)
                    acc[i][t] = Ops::fma(wv, xv[t], acc[i][t]);
            }
        }
        for (int i = 0; i < rows; ++i)
            for (int t = 0; t < toks; ++t)
                y[(t0 + t) * ldy + r + i] = Ops::hsum(acc[i][t]);
    }

    // The full 4 x 4 tile, branch-free so that the 16 accumulators stay in registers.
    template <bool Half>
    static void fullTile(const RowMatrix& w, int64_t r, const float* x, int64_t ldx, int64_t t0, float* y, int64_t ldy) {
        const int64_t depth = w.cols;
        const uint8_t* rows[4];
        const float* xs[4];
        for (int i = 0; i < 4; ++i) {
            rows[i] = w.data + uint64_t(r + i) * w.rowBytes;
            xs[i] = x + (t0 + i) * ldx;
        }
        auto load = [&](int i, int64_t k, int valid) {
            if constexpr (Half) return Ops::loadF16(reinterpret_cast<const uint16_t*>(rows[i]) + k, valid);
            else return Ops::loadF32(reinterpret_cast<const float*>(rows[i]) + k, valid);
        };
        V acc[4][4];
        for (int i = 0; i < 4; ++i)
            for (int t = 0; t < 4; ++t)
                acc[i][t] = Ops::zero();
        int64_t k = 0;
        for (; k + 16 <= depth; k += 16) {
            const V x0 = Ops::loadF32(xs[0] + k, 16), x1 = Ops::loadF32(xs[1] + k, 16);
            const V x2 = Ops::loadF32(xs[2] + k, 16), x3 = Ops::loadF32(xs[3] + k, 16);
            for (int i = 0; i < 4; ++i) {
                const V wv = load(i, k, 16);
                acc[i][0] = Ops::fma(wv, x0, acc[i][0]);
                acc[i][1] = Ops::fma(wv, x1, acc[i][1]);
                acc[i][2] = Ops::fma(wv, x2, acc[i][2]);
                acc[i][3] = Ops::fma(wv, x3, acc[i][3]);
            }
        }
        if (k < depth) {
            const int valid = int(depth - k);
            for (int t = 0; t < 4; ++t) {
                const V xv = Ops::loadF32(xs[t] + k, valid);
                for (int i = 0; i < 4; ++i)
                    acc[i][t] = Ops::fma(load(i, k, valid), xv, acc[i][t]);
            }
        }
        for (int i = 0; i < 4; ++i)
            for (int t = 0; t < 4; ++t)
                y[(t0 + t) * ldy + r + i] = Ops::hsum(acc[i][t]);
    }

    // One row x up to 4 tokens in ggml_vec_dot_f16's order.
    static void vecDotRow(const RowMatrix& w, int64_t r, const float* x, int64_t ldx, int64_t t0, int nt, float* y,
                          int64_t ldy, bool zeroPadded) {
        const int64_t depth = w.cols;
        const uint8_t* row = w.data + uint64_t(r) * w.rowBytes;
        V acc[4][4];
        for (int i = 0; i < nt; ++i)
            for (int j = 0; j < 4; ++j)
                acc[i][j] = Ops::zero();
        const int64_t whole = depth & ~int64_t(63);
        for (int64_t k = 0; k < whole; k += 64)
            for (int j = 0; j < 4; ++j) {
                const V wv = loadRow(w, row, k + 16 * j, 16);
                for (int i = 0; i < nt; ++i)
                    acc[i][j] = Ops::fma(wv, Ops::loadF32(x + (t0 + i) * ldx + k + 16 * j, 16), acc[i][j]);
            }
        if (zeroPadded)
            for (int j = 0; j < 4 && whole + 16 * j < depth; ++j) {
                const int64_t k = whole + 16 * j;
                const int valid = int(std::min<int64_t>(16, depth - k));
                const V wv = loadRow(w, row, k, valid);
                for (int i = 0; i < nt; ++i)
                    acc[i][j] = Ops::fma(wv, Ops::loadF32(x + (t0 + i) * ldx + k, valid), acc[i][j]);
            }
        for (int i = 0; i < nt; ++i) {
            const V sum = Ops::add(Ops::add(acc[i][0], acc[i][2]), Ops::add(acc[i][1], acc[i][3]));
            double s = double(Ops::hsum(sum));
            if (!zeroPadded) {
                const float* xt = x + (t0 + i) * ldx;
                for (int64_t k = whole; k < depth; ++k)
                    s += double(element(w, row, k) * xt[k]);
            }
            y[(t0 + i) * ldy + r] = float(s);
        }
    }

    // Rows in blocks that stay in cache while every group of 4 tokens passes over them.
    static void f16Rows(GgmlDotOrder order, const RowMatrix& w, int64_t r0, int64_t r1, const float* x, int64_t ldx,
                        int64_t tokens, float* y, int64_t ldy, bool zeroPadded) {
        constexpr int64_t kRowBlock = 64;
        for (int64_t rb = r0; rb < r1; rb += kRowBlock) {
            const int64_t rEnd = std::min(rb + kRowBlock, r1);
            for (int64_t t0 = 0; t0 < tokens; t0 += 4) {
                const int nt = int(std::min<int64_t>(4, tokens - t0));
                if (order == GgmlDotOrder::VecDot) {
                    for (int64_t r = rb; r < rEnd; ++r)
                        vecDotRow(w, r, x, ldx, t0, nt, y, ldy, zeroPadded);
                    continue;
                }
                int64_t r = rb;
                if (nt == 4)
                    for (; r + 4 <= rEnd; r += 4) {
                        if (w.type == GgmlType::F16)
                            fullTile<true>(w, r, x, ldx, t0, y, ldy);
                        else
                            fullTile<false>(w, r, x, ldx, t0, y, ldy);
                    }
                for (; r < rEnd; r += 4)
                    tinyBlasTile<0, 0>(w, r, int(std::min<int64_t>(4, rEnd - r)), x, ldx, t0, nt, y, ldy);
            }
        }
    }

    static double softmaxExp(const float* x, float max, float* out, int64_t n) {
        double sum = 0.0;
        int64_t i = 0;
        for (; i + 16 <= n; i += 16) {
            const V e = Ops::exp(Ops::sub(Ops::loadF32(x + i, 16), Ops::set1(max)));
            Ops::store(out + i, e);
            sum += double(Ops::hsum(e));
        }
        for (; i < n; ++i) {
            const float e = std::exp(x[i] - max);
            out[i] = e;
            sum += double(e);
        }
        return sum;
    }

    static void swiglu(const float* x, const float* g, float* y, int64_t n) {
        int64_t i = 0;
        for (; i + 16 <= n; i += 16) {
            const V v = Ops::loadF32(x + i, 16);
            const V silu = Ops::div(v, Ops::add(Ops::set1(1.0f), Ops::exp(Ops::sub(Ops::zero(), v))));
            Ops::store(y + i, Ops::mul(silu, Ops::loadF32(g + i, 16)));
        }
        for (; i < n; ++i)
            y[i] = x[i] / (1.0f + std::exp(-x[i])) * g[i];
    }

    static void faKq(const float* q, const float* kT, int64_t dk, float* kq) {
        for (int jb = 0; jb < 64; jb += 16) {
            V acc = Ops::zero();
            for (int64_t d = 0; d < dk; ++d)
                acc = Ops::fma(Ops::set1(q[d]), Ops::loadF32(kT + d * 64 + jb, 16), acc);
            Ops::store(kq + jb, acc);
        }
    }

    static void faVkq(const float* kq, const float* v, int64_t dv, float* vkq) {
        for (int64_t c = 0; c < dv; c += 16) {
            V acc = Ops::loadF32(vkq + c, 16);
            for (int j = 0; j < 64; ++j)
                acc = Ops::fma(Ops::set1(kq[j]), Ops::loadF32(v + j * dv + c, 16), acc);
            Ops::store(vkq + c, acc);
        }
    }

    static const GgmlOrderKernels& kernels() {
        static const GgmlOrderKernels set{f16Rows, softmaxExp, swiglu, faKq, faVkq};
        return set;
    }
};
