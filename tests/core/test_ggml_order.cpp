// Arithmetic in ggml's order (eval/kernels/ggml_order.h): each product, softmax and SwiGLU is checked
// against a plain scalar transcription of ggml's order written here (lanes of fused multiply-adds, the
// reduction tree), bit for bit, on every kernel path this CPU runs; the paths give the same bits.
#include <QTest>

#include <cmath>
#include <cstring>
#include <random>
#include <vector>

#include "eval/kernels/ggml_exp_scalar.h"
#include "eval/kernels/ggml_order.h"
#include "qf/eval/matmul.h"
#include "qf/fp16.h"
#include "qf/quant/kernels.h"

using namespace qf;
using namespace qf::eval;

namespace {

std::vector<float> randomValues(size_t n, uint32_t seed, float scale) {
    std::mt19937 rng(seed);
    std::normal_distribution<float> dist(0.0f, scale);
    std::vector<float> v(n);
    for (float& x : v)
        x = dist(rng);
    return v;
}

std::vector<const detail::GgmlOrderKernels*> kernelSets() {
    std::vector<const detail::GgmlOrderKernels*> sets;
    for (KernelPath path : matmulPaths()) {
        if (path == KernelPath::Reference) sets.push_back(&detail::referenceGgmlOrderKernels());
#if defined(QF_HAVE_X86_KERNELS)
        if (path == KernelPath::Avx2) sets.push_back(&detail::avx2GgmlOrderKernels());
        if (path == KernelPath::Avx512) sets.push_back(&detail::avx512GgmlOrderKernels());
#endif
    }
    return sets;
}

// _mm512_reduce_add_ps: upper half onto lower, again, then (0 + 2) + (1 + 3).
float tree(const float* lane) {
    float t[8], u[4];
    for (int i = 0; i < 8; ++i)
        t[i] = lane[i] + lane[i + 8];
    for (int i = 0; i < 4; ++i)
        u[i] = t[i] + t[i + 4];
    return (u[0] + u[2]) + (u[1] + u[3]);
}

// llamafile's tinyBLAS<16>: lane l sums depths l, l + 16, ... with fused multiply-adds.
float tinyBlasDot(const float* w, const float* x, int64_t n) {
    float lane[16] = {};
    for (int64_t k = 0; k < n; ++k)
        lane[k % 16] = std::fma(w[k], x[k], lane[k % 16]);
    return tree(lane);
}

// ggml_vec_dot_f16 (AVX-512): accumulator j of four takes depths 64i + 16j + l; 0+2, 1+3, then the two;
// the tree into a double; the depths past the last multiple of 64 one by one in double.
float vecDot(const float* w, const float* x, int64_t n) {
    float acc[4][16] = {};
    const int64_t whole = n / 64 * 64;
    for (int64_t k = 0; k < whole; ++k)
        acc[(k % 64) / 16][k % 16] = std::fma(w[k], x[k], acc[(k % 64) / 16][k % 16]);
    float sum[16];
    for (int l = 0; l < 16; ++l)
        sum[l] = (acc[0][l] + acc[2][l]) + (acc[1][l] + acc[3][l]);
    double s = tree(sum);
    for (int64_t k = whole; k < n; ++k)
        s += double(w[k] * x[k]);
    return float(s);
}

bool sameBits(float a, float b) {
    return std::memcmp(&a, &b, sizeof a) == 0;
}

} // namespace

class TestGgmlOrder : public QObject {
    Q_OBJECT

private slots:
    void productsFollowGgmlsOrder_data() {
        QTest::addColumn<int>("depth");
        QTest::addColumn<int>("tokens");
        QTest::addColumn<bool>("f16Rows");
        QTest::newRow("256 deep, 1 token, F16") << 256 << 1 << true;
        QTest::newRow("256 deep, 7 tokens, F16") << 256 << 7 << true;
        QTest::newRow("200 deep (tail), 5 tokens, F16") << 200 << 5 << true;
        QTest::newRow("64 deep, 9 tokens, F32 rows") << 64 << 9 << false;
    }

    void productsFollowGgmlsOrder() {
        QFETCH(int, depth);
        QFETCH(int, tokens);
        QFETCH(bool, f16Rows);
        const int64_t rows = 13, ldx = depth + 3, ldy = rows + 2;
        std::vector<float> w = randomValues(size_t(rows * depth), 3, 0.06f);
        std::vector<uint16_t> half(w.size());
        for (size_t i = 0; i < w.size(); ++i) {
            half[i] = fp32ToFp16(w[i]);
            w[i] = fp16ToFp32(half[i]);
        }
        std::vector<float> x = randomValues(size_t(tokens * ldx), 5, 1.0f);
        for (float& v : x)
            v = fp16ToFp32(fp32ToFp16(v));
        const RowMatrix m = f16Rows ? RowMatrix{GgmlType::F16, reinterpret_cast<const uint8_t*>(half.data()),
                                                uint64_t(depth) * 2, rows, depth}
                                    : RowMatrix::f32(w.data(), rows, depth, depth);
        for (const GgmlDotOrder order : {GgmlDotOrder::TinyBlas, GgmlDotOrder::VecDot}) {
            for (const bool padded : {false, true}) {
                if (order == GgmlDotOrder::TinyBlas && !padded && depth % 16 != 0) continue; // not ggml's
                for (const detail::GgmlOrderKernels* ks : kernelSets()) {
                    std::vector<float> y(size_t(tokens * ldy), -7.0f);
                    ks->f16Rows(order, m, 0, rows, x.data(), ldx, tokens, y.data(), ldy, padded);
                    for (int t = 0; t < tokens; ++t)
                        for (int64_t r = 0; r < rows; ++r) {
                            std::vector<float> wr(w.begin() + r * depth, w.begin() + (r + 1) * depth);
                            std::vector<float> xt(x.begin() + t * ldx, x.begin() + t * ldx + depth);
                            if (padded) { // zero products up to a whole accumulator width
                                const int64_t width = order == GgmlDotOrder::TinyBlas ? 16 : 64;
                                wr.resize(size_t((depth + width - 1) / width * width), 0.0f);
                                xt.resize(wr.size(), 0.0f);
                            }
                            const float expected = order == GgmlDotOrder::TinyBlas
                                                       ? tinyBlasDot(wr.data(), xt.data(), int64_t(wr.size()))
                                                       : vecDot(wr.data(), xt.data(), int64_t(wr.size()));
                            QVERIFY2(sameBits(y[size_t(t * ldy + r)], expected),
                                     qPrintable(QStringLiteral("order %1 padded %2 token %3 row %4: %5 vs %6")
                                                    .arg(int(order))
                                                    .arg(padded)
                                                    .arg(t)
                                                    .arg(r)
                                                    .arg(double(y[size_t(t * ldy + r)]), 0, 'g', 9)
                                                    .arg(double(expected), 0, 'g', 9)));
                        }
                }
            }
        }
        // The public entry point splits rows across threads without changing any output.
        std::vector<float> one(size_t(tokens * ldy)), two(size_t(tokens * ldy));
        ggmlF16Product(GgmlDotOrder::VecDot, m, x.data(), ldx, tokens, one.data(), ldy, 1);
        ggmlF16Product(GgmlDotOrder::VecDot, m, x.data(), ldx, tokens, two.data(), ldy, 3);
        QCOMPARE(std::memcmp(one.data(), two.data(), one.size() * sizeof(float)), 0);
    }

    // ggml_v_expf: within 2 ulp of expf where the result is a normal float, 1 at 0, 0 below e^-192 and
    // at -inf (a masked attention cell), infinity above.
    void vectorExp() {
        QVERIFY(detail::ggmlExp(0.0f) == 1.0f);
        QVERIFY(detail::ggmlExp(-INFINITY) == 0.0f);
        QVERIFY(detail::ggmlExp(-200.0f) == 0.0f);
        QVERIFY(std::isinf(detail::ggmlExp(200.0f)));
        for (float x = -80.0f; x < 80.0f; x += 0.0137f) {
            const float e = detail::ggmlExp(x), ref = std::exp(x);
            QVERIFY2(std::fabs(e - ref) <= 2.5f * (std::nextafter(ref, INFINITY) - ref),
                     qPrintable(QStringLiteral("exp(%1) = %2 vs %3").arg(double(x)).arg(double(e)).arg(double(ref))));
        }
    }

    // ggml_vec_soft_max_f32 (groups of 16 by the vector exp, each summed by the tree into a double, the tail
    // through expf) and ggml_vec_swiglu_f32, on every path.
    void softmaxAndSwiglu() {
        for (const int n : {8, 40, 256}) {
            std::vector<float> x = randomValues(size_t(n), uint32_t(n), 3.0f);
            for (int i = 0; i < n; i += 5)
                x[size_t(i)] = -INFINITY;
            x[1] = -100.0f; // e^-100 is not a normal float
            const float max = 2.5f;
            std::vector<float> expected(static_cast<size_t>(n));
            double sum = 0.0;
            int i = 0;
            for (; i + 16 <= n; i += 16) {
                for (int l = 0; l < 16; ++l)
                    expected[size_t(i + l)] = detail::ggmlExp(x[size_t(i + l)] - max);
                sum += double(tree(expected.data() + i));
            }
            for (; i < n; ++i) {
                expected[size_t(i)] = std::exp(x[size_t(i)] - max);
                sum += double(expected[size_t(i)]);
            }
            for (const detail::GgmlOrderKernels* ks : kernelSets()) {
                std::vector<float> out(static_cast<size_t>(n));
                const double s = ks->softmaxExp(x.data(), max, out.data(), n);
                QCOMPARE(s, sum);
                QCOMPARE(std::memcmp(out.data(), expected.data(), out.size() * sizeof(float)), 0);
            }

            const std::vector<float> g = randomValues(size_t(n), 99, 1.0f);
            std::vector<float> gate = randomValues(size_t(n), 98, 4.0f), silu(static_cast<size_t>(n));
            for (int k = 0; k < n; ++k) {
                const bool vector = k < n / 16 * 16;
                const float e = vector ? detail::ggmlExp(0.0f - gate[size_t(k)]) : std::exp(-gate[size_t(k)]);
                silu[size_t(k)] = gate[size_t(k)] / (1.0f + e) * g[size_t(k)];
            }
            for (const detail::GgmlOrderKernels* ks : kernelSets()) {
                std::vector<float> out(static_cast<size_t>(n));
                ks->swiglu(gate.data(), g.data(), out.data(), n);
                QCOMPARE(std::memcmp(out.data(), silu.data(), out.size() * sizeof(float)), 0);
            }
        }
    }

    // Flash attention (ggml's tiled CPU kernel) for a row whose keys fit one tile of 64: F32 query, fused
    // chains over the head for the scores, ggml's softmax of the scaled scores, fused chains over the keys
    // for the values, then 1 / sum; a second tile rescales by expf of the change of maximum.
    void flashAttentionRow() {
        const int64_t dk = 32, dv = 16, keys = 100;
        const std::vector<float> q = randomValues(size_t(dk), 31, 1.0f);
        std::vector<float> k = randomValues(size_t(keys * dk), 32, 1.0f), vT = randomValues(size_t(dv * keys), 33, 1.0f);
        for (float& x : k)
            x = fp16ToFp32(fp32ToFp16(x));
        for (float& x : vT)
            x = fp16ToFp32(fp32ToFp16(x));
        const float scale = 0.2f;
        for (const int64_t visible : {int64_t(40), keys}) {
            FlashAttentionRow row{q.data(), k.data(), dk, vT.data(), keys, dk, dv, 0, visible, scale, 0.0f, nullptr};
            std::vector<float> out(static_cast<size_t>(dv));
            ggmlFlashAttentionRow(row, out.data());
            float m = -INFINITY, sum = 0.0f;
            std::vector<float> acc(static_cast<size_t>(dv), 0.0f);
            for (int64_t ic = 0; ic < visible; ic += 64) {
                std::vector<float> e(64, -INFINITY);
                for (int64_t j = ic; j < std::min(ic + 64, visible); ++j) {
                    float dot = 0.0f;
                    for (int64_t d = 0; d < dk; ++d)
                        dot = std::fma(q[size_t(d)], k[size_t(j * dk + d)], dot);
                    e[size_t(j - ic)] = dot * scale;
                }
                const float mNew = std::max(m, *std::max_element(e.begin(), e.end()));
                const float ms = std::exp(m - mNew);
                for (float& a : acc)
                    a *= ms;
                sum *= ms;
                m = mNew;
                double tileSum = 0.0;
                for (int g = 0; g < 64; g += 16) {
                    for (int l = 0; l < 16; ++l)
                        e[size_t(g + l)] = detail::ggmlExp(e[size_t(g + l)] - m);
                    tileSum += double(tree(e.data() + g));
                }
                sum = float(double(sum) + tileSum);
                for (int64_t c = 0; c < dv; ++c)
                    for (int64_t j = ic; j < std::min(ic + 64, visible); ++j)
                        acc[size_t(c)] = std::fma(e[size_t(j - ic)], vT[size_t(c * keys + j)], acc[size_t(c)]);
            }
            for (int64_t c = 0; c < dv; ++c)
                QVERIFY(sameBits(out[size_t(c)], acc[size_t(c)] * (1.0f / sum)));
        }
    }

    // MXFP4 experts in the repacked order: block sums in integers, each added with one fused multiply-add of
    // (weight scale x activation scale); the same bits whatever the thread count, close to the exact product.
    void mxfp4RepackedOrder() {
        const int64_t rows = 16, cols = 256, tokens = 3;
        const std::vector<float> values = randomValues(size_t(rows * cols), 21, 0.06f);
        const uint64_t rowBytes = ggmlRowBytes(GgmlType::MXFP4, uint64_t(cols));
        std::vector<uint8_t> bytes(rowBytes * uint64_t(rows));
        quant::quantizeRows(KernelPath::Reference, GgmlType::MXFP4, values.data(), bytes.data(), rows, cols, nullptr);
        std::vector<float> w(values.size());
        for (int64_t r = 0; r < rows; ++r)
            quant::dequantizeRow(GgmlType::MXFP4, bytes.data() + uint64_t(r) * rowBytes, w.data() + r * cols, cols);
        const RowMatrix m{GgmlType::MXFP4, bytes.data(), rowBytes, rows, cols};
        const std::vector<float> x = randomValues(size_t(tokens * cols), 22, 1.0f);
        std::vector<float> rounded(x.size());
        roundActivations(GgmlType::MXFP4, x.data(), cols, tokens, cols, rounded.data(), cols);
        std::vector<float> one(size_t(tokens * rows)), two(size_t(tokens * rows));
        ggmlMxfp4RepackedProduct(m, x.data(), cols, tokens, one.data(), rows, 1);
        ggmlMxfp4RepackedProduct(m, x.data(), cols, tokens, two.data(), rows, 2);
        QCOMPARE(std::memcmp(one.data(), two.data(), one.size() * sizeof(float)), 0);
        for (int64_t t = 0; t < tokens; ++t)
            for (int64_t r = 0; r < rows; ++r) {
                float expected = 0.0f;
                for (int64_t b = 0; b < cols / 32; ++b) {
                    // Products of the block in double are exact; their sum is the integer block sum times
                    // the two scales, which the fused step adds with one rounding.
                    double block = 0.0;
                    for (int64_t c = 32 * b; c < 32 * b + 32; ++c)
                        block += double(w[size_t(r * cols + c)]) * rounded[size_t(t * cols + c)];
                    expected = float(double(expected) + block);
                }
                QVERIFY2(sameBits(one[size_t(t * rows + r)], expected),
                         qPrintable(QStringLiteral("token %1 row %2: %3 vs %4")
                                        .arg(t)
                                        .arg(r)
                                        .arg(double(one[size_t(t * rows + r)]), 0, 'g', 9)
                                        .arg(double(expected), 0, 'g', 9)));
            }
        QVERIFY(ggmlRepacksMxfp4(rows, cols));
        QVERIFY(!ggmlRepacksMxfp4(12, cols));
    }
};

QTEST_GUILESS_MAIN(TestGgmlOrder)
#include "test_ggml_order.moc"
