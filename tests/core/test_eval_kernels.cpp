// The matrix products of the forward pass: every kernel path this CPU can run (reference, AVX2, AVX-512)
// against a plain double-precision product of the dequantized weights, for each weight type, edge-sized
// tiles, several depth blocks and thread counts; and the activation rounding that mirrors ggml's.
#include <QTest>

#include <cmath>
#include <random>
#include <vector>

#include "qf/eval/matmul.h"
#include "quant/kernel_table.h"
#include "qf/fp16.h"
#include "qf/quant/kernels.h"

using namespace qf;
using namespace qf::eval;

namespace {

std::vector<float> randomValues(size_t n, uint32_t seed) {
    std::mt19937 rng(seed);
    std::normal_distribution<float> dist(0.0f, 1.0f);
    std::vector<float> v(n);
    for (float& x : v)
        x = dist(rng);
    return v;
}

struct QuantizedWeights {
    std::vector<uint8_t> bytes;
    std::vector<float> dequantized; // what the kernels must multiply with
    RowMatrix matrix;
};

QuantizedWeights makeWeights(GgmlType type, int64_t rows, int64_t cols, uint32_t seed) {
    QuantizedWeights w;
    const std::vector<float> values = randomValues(size_t(rows * cols), seed);
    const uint64_t rowBytes = ggmlRowBytes(type, uint64_t(cols));
    w.bytes.resize(rowBytes * uint64_t(rows));
    quant::quantizeRows(quant::KernelPath::Reference, type, values.data(), w.bytes.data(), rows, cols,
                        nullptr);
    w.dequantized.resize(values.size());
    for (int64_t r = 0; r < rows; ++r)
        quant::dequantizeRow(type, w.bytes.data() + uint64_t(r) * rowBytes, w.dequantized.data() + r * cols,
                             cols);
    w.matrix = {type, w.bytes.data(), rowBytes, rows, cols};
    return w;
}

// y = x · wᵀ in double.
std::vector<double> naiveProduct(const std::vector<float>& x, int64_t tokens, const std::vector<float>& w,
                                 int64_t rows, int64_t cols) {
    std::vector<double> y(size_t(tokens * rows));
    for (int64_t t = 0; t < tokens; ++t)
        for (int64_t r = 0; r < rows; ++r) {
            double s = 0.0;
            for (int64_t k = 0; k < cols; ++k)
                s += double(x[size_t(t * cols + k)]) * w[size_t(r * cols + k)];
            y[size_t(t * rows + r)] = s;
        }
    return y;
}

QString pathName(KernelPath p) {
    return QString::fromLatin1(quant::kernelPathName(p).data());
}

} // namespace

class TestEvalKernels : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        const auto paths = matmulPaths();
        QVERIFY(!paths.empty());
        QCOMPARE(paths.front(), KernelPath::Reference);
        QString names;
        for (KernelPath p : paths)
            names += pathName(p) + QLatin1Char(' ');
        qInfo("matmul paths on this CPU: %s", qPrintable(names));
    }

    void productsMatchDoublePrecision_data() {
        QTest::addColumn<int>("type");
        QTest::addColumn<int>("tokens");
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("cols");
        struct Case {
            GgmlType type;
            int tokens, rows, cols;
        };
        // Token counts around the tile heights (4, 6, 12), row counts around the tile widths (8, 16, 32),
        // depths of one, two and a partial block of 512.
        const Case cases[] = {
            {GgmlType::F32, 1, 1, 32},      {GgmlType::F32, 13, 37, 96},     {GgmlType::F16, 12, 32, 512},
            {GgmlType::F16, 25, 70, 1280},  {GgmlType::BF16, 7, 33, 256},    {GgmlType::Q8_0, 30, 65, 1056},
            {GgmlType::Q4_0, 5, 17, 64},    {GgmlType::Q4_1, 11, 40, 128},   {GgmlType::Q5_0, 6, 16, 96},
            {GgmlType::Q5_1, 3, 9, 32},     {GgmlType::Q2_K, 9, 24, 512},    {GgmlType::Q3_K, 4, 31, 256},
            {GgmlType::Q4_K, 49, 100, 768}, {GgmlType::Q5_K, 2, 64, 1024},   {GgmlType::Q6_K, 17, 48, 1280},
            {GgmlType::IQ4_NL, 8, 20, 160}, {GgmlType::IQ4_XS, 13, 45, 512},
        };
        for (const Case& c : cases)
            for (KernelPath p : matmulPaths())
                QTest::addRow("%s %dx%dx%d %s", ggmlTypeName(c.type).data(), c.tokens, c.rows, c.cols,
                              qPrintable(pathName(p)))
                    << int(c.type) << c.tokens << c.rows << c.cols;
    }
    void productsMatchDoublePrecision() {
        QFETCH(int, type);
        QFETCH(int, tokens);
        QFETCH(int, rows);
        QFETCH(int, cols);
        const QuantizedWeights w = makeWeights(GgmlType(type), rows, cols, uint32_t(rows * 7 + cols));
        const std::vector<float> x = randomValues(size_t(tokens * cols), uint32_t(tokens + 99));
        const std::vector<double> expected = naiveProduct(x, tokens, w.dequantized, rows, cols);
        for (KernelPath path : matmulPaths()) {
            for (unsigned threads : {1u, 3u}) {
                // Outputs land in a wider matrix (ldy > rows) to check that strides are respected.
                const int64_t ldy = rows + 5;
                std::vector<float> y(size_t(tokens * ldy), -7.0f);
                matmul(path, w.matrix, x.data(), cols, tokens, y.data(), ldy, threads);
                for (int64_t t = 0; t < tokens; ++t) {
                    for (int64_t r = 0; r < rows; ++r) {
                        const double want = expected[size_t(t * rows + r)];
                        // F32 sums of `cols` unit-variance products: error grows like sqrt(cols) ulps.
                        const double tolerance = 2e-6 * std::sqrt(double(cols)) * (1.0 + std::fabs(want));
                        const float got = y[size_t(t * ldy + r)];
                        if (std::fabs(got - want) > tolerance)
                            QFAIL(qPrintable(QStringLiteral("%1 threads %2: y[%3][%4] = %5, expected %6")
                                                 .arg(pathName(path))
                                                 .arg(threads)
                                                 .arg(t)
                                                 .arg(r)
                                                 .arg(got)
                                                 .arg(want)));
                    }
                    for (int64_t r = rows; r < ldy; ++r)
                        QCOMPARE(y[size_t(t * ldy + r)], -7.0f);
                }
            }
        }
    }

    // Multiplying by the identity returns the unpacked weights: every path's row unpacking (its SIMD
    // dequantizers included) gives exactly the quantization core's values.
    void unpackingIsExact() {
        for (GgmlType type : {GgmlType::F16, GgmlType::BF16, GgmlType::Q8_0, GgmlType::Q4_0, GgmlType::Q4_K,
                              GgmlType::Q5_K, GgmlType::Q6_K, GgmlType::Q2_K, GgmlType::IQ4_XS}) {
            const int64_t rows = 40, cols = 768;
            const QuantizedWeights w = makeWeights(type, rows, cols, 21);
            std::vector<float> identity(size_t(cols * cols), 0.0f);
            for (int64_t i = 0; i < cols; ++i)
                identity[size_t(i * cols + i)] = 1.0f;
            for (KernelPath path : matmulPaths()) {
                std::vector<float> y(size_t(cols * rows));
                matmul(path, w.matrix, identity.data(), cols, cols, y.data(), rows, 2);
                for (int64_t r = 0; r < rows; ++r)
                    for (int64_t k = 0; k < cols; ++k)
                        if (y[size_t(k * rows + r)] != w.dequantized[size_t(r * cols + k)])
                            QFAIL(qPrintable(QStringLiteral("%1 %2: w[%3][%4] unpacked as %5, expected %6")
                                                 .arg(QLatin1String(ggmlTypeName(type).data()))
                                                 .arg(pathName(path))
                                                 .arg(r)
                                                 .arg(k)
                                                 .arg(y[size_t(k * rows + r)])
                                                 .arg(w.dequantized[size_t(r * cols + k)])));
            }
        }
    }

    // The result does not depend on the thread count (each output is computed by one thread, in one order).
    void threadCountDoesNotChangeBits() {
        const QuantizedWeights w = makeWeights(GgmlType::Q4_K, 200, 512, 5);
        const std::vector<float> x = randomValues(size_t(40 * 512), 6);
        std::vector<float> one(size_t(40 * 200)), four(size_t(40 * 200));
        matmul(w.matrix, x.data(), 512, 40, one.data(), 200, 1);
        matmul(w.matrix, x.data(), 512, 40, four.data(), 200, 4);
        QVERIFY(one == four);
    }

    // Every path's element-wise helpers against the reference set, over lengths that exercise the tails.
    void vectorOpsMatchReference() {
        const VectorOps& ref = dispatch::kernels(KernelPath::Reference).vector;
        for (KernelPath path : matmulPaths()) {
            const VectorOps& ops = dispatch::kernels(path).vector;
            for (int64_t n : {1, 7, 8, 15, 16, 17, 33, 1000}) {
                std::vector<float> x = randomValues(size_t(n), uint32_t(n));
                for (float& v : x)
                    v *= 12.0f; // exp arguments down to about -90 after the shift
                QCOMPARE(ops.maxOf(x.data(), n), ref.maxOf(x.data(), n));

                const float shift = ref.maxOf(x.data(), n);
                std::vector<float> want(static_cast<size_t>(n)), got(static_cast<size_t>(n));
                const double wantSum = ref.expShifted(x.data(), shift, want.data(), n);
                const double gotSum = ops.expShifted(x.data(), shift, got.data(), n);
                for (int64_t i = 0; i < n; ++i) {
                    if (x[size_t(i)] - shift < -86.0f) continue; // the cut-off may fall either side
                    QVERIFY2(std::fabs(got[size_t(i)] - want[size_t(i)]) <= 3e-7f * want[size_t(i)],
                             qPrintable(QStringLiteral("%1 exp(%2) = %3, expected %4")
                                            .arg(pathName(path))
                                            .arg(x[size_t(i)] - shift)
                                            .arg(got[size_t(i)])
                                            .arg(want[size_t(i)])));
                }
                QVERIFY(std::fabs(gotSum - wantSum) <= 1e-6 * wantSum);
                // In place gives the same values.
                std::vector<float> inPlace = x;
                ops.expShifted(inPlace.data(), shift, inPlace.data(), n);
                QVERIFY(inPlace == got);

                std::vector<float> a = x, b = x;
                for (float& v : a)
                    v *= 1e3f; // past the half range too
                b = a;
                ref.roundToHalf(a.data(), n);
                ops.roundToHalf(b.data(), n);
                QVERIFY(a == b);
            }
        }
    }

    void activationTypesFollowGgml() {
        QCOMPARE(ggmlActivationType(GgmlType::F32), GgmlType::F32);
        QCOMPARE(ggmlActivationType(GgmlType::F16), GgmlType::F16);
        QCOMPARE(ggmlActivationType(GgmlType::BF16), GgmlType::BF16);
        QCOMPARE(ggmlActivationType(GgmlType::Q4_0), GgmlType::Q8_0);
        QCOMPARE(ggmlActivationType(GgmlType::Q8_0), GgmlType::Q8_0);
        QCOMPARE(ggmlActivationType(GgmlType::IQ4_NL), GgmlType::Q8_0);
        QCOMPARE(ggmlActivationType(GgmlType::Q5_1), GgmlType::Q8_1);
        QCOMPARE(ggmlActivationType(GgmlType::Q4_K), GgmlType::Q8_K);
        QCOMPARE(ggmlActivationType(GgmlType::IQ4_XS), GgmlType::Q8_K);
    }

    void roundingToQ8K() {
        std::vector<float> x = randomValues(512, 11);
        x[3] = -9.0f; // the largest magnitude of the first block, negative
        std::vector<float> out(512);
        roundActivations(GgmlType::Q4_K, x.data(), 512, 1, 512, out.data(), 512);
        // Block 0: scale d = -9 / -127, the extreme element maps to -127 steps... but q is clamped at 127
        // only upward: -9 * (-127/-9) = -127 exactly.
        const float d = 1 / (-127.0f / -9.0f);
        QCOMPARE(out[3], -127 * d);
        for (int i = 0; i < 256; ++i) {
            const float steps = out[size_t(i)] / d;
            QVERIFY(std::fabs(steps - std::nearbyint(steps)) < 1e-3f);
            QVERIFY(std::fabs(out[size_t(i)] - x[size_t(i)]) <= 0.5f * d * 1.0001f);
        }
        // An all-zero block stays zero.
        std::vector<float> zeros(256, 0.0f), z(256, 1.0f);
        roundActivations(GgmlType::Q6_K, zeros.data(), 256, 1, 256, z.data(), 256);
        QVERIFY(std::all_of(z.begin(), z.end(), [](float v) { return v == 0.0f; }));
    }

    void roundingToQ8_0AndHalf() {
        std::vector<float> x = randomValues(64, 12);
        std::vector<float> out(64);
        roundActivations(GgmlType::Q8_0, x.data(), 64, 1, 64, out.data(), 64);
        for (int b = 0; b < 2; ++b) {
            float maxAbs = 0;
            for (int j = 0; j < 32; ++j)
                maxAbs = std::max(maxAbs, std::fabs(x[size_t(b * 32 + j)]));
            const float d = fp16ToFp32(fp32ToFp16(maxAbs / 127.0f)); // the scale is stored as F16
            for (int j = 0; j < 32; ++j) {
                const float steps = out[size_t(b * 32 + j)] / d;
                QVERIFY(std::fabs(steps - std::nearbyint(steps)) < 1e-3f);
                QVERIFY(std::fabs(steps) <= 127.0f);
            }
        }
        roundActivations(GgmlType::F16, x.data(), 64, 1, 64, out.data(), 64);
        for (int i = 0; i < 64; ++i)
            QCOMPARE(out[size_t(i)], fp16ToFp32(fp32ToFp16(x[size_t(i)])));
        // In place, with rows apart.
        std::vector<float> two = randomValues(2 * 40, 13), copy = two;
        roundActivations(GgmlType::F32, two.data(), 40, 2, 32, two.data(), 40);
        QVERIFY(two == copy);
    }
};

QTEST_GUILESS_MAIN(TestEvalKernels)
#include "test_eval_kernels.moc"
