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

    static void f16Rows(GgmlDotOrder order, const RowMatrix& w, int64_t r0, int64_t r1, const float* x, int64_t ldx,
                        int64_t tokens, float* y, int64_t ldy, bool zeroPadded) {
        constexpr int kTokens = 4;
        const int64_t depth = w.cols;
        for (int64_t r = r0; r < r1; ++r) {
            const uint8_t* row = w.data + uint64_t(r) * w.rowBytes;
            for (int64_t t0 = 0; t0 < tokens; t0 += kTokens) {
                const int nt = int(std::min<int64_t>(kTokens, tokens - t0));
                if (order == GgmlDotOrder::TinyBlas) {
                    V acc[kTokens];
                    for (int i = 0; i < nt; ++i)
                        acc[i] = Ops::zero();
                    for (int64_t k = 0; k < depth; k += 16) {
                        const int valid = int(std::min<int64_t>(16, depth - k));
                        const V wv = loadRow(w, row, k, valid);
                        for (int i = 0; i < nt; ++i)
                            acc[i] = Ops::fma(wv, Ops::loadF32(x + (t0 + i) * ldx + k, valid), acc[i]);
                    }
                    for (int i = 0; i < nt; ++i)
                        y[(t0 + i) * ldy + r] = Ops::hsum(acc[i]);
                    continue;
                }
                V acc[kTokens][4];
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
