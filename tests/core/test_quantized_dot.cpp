// The integer dot products of generation (quantizedMatvec): on every kernel path this CPU can run, for each
// weight type that has one, the result equals a double-precision product of the dequantized weights with
// the activations as roundActivations() leaves them (so exactly ggml's values, up to float summation
// order); results do not depend on threads or on how many tokens share a call.
#include <QTest>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include "qf/eval/matmul.h"
#include "qf/quant/kernels.h"

using namespace qf;
using namespace qf::eval;

namespace {

std::vector<float> randomValues(size_t n, uint32_t seed, float scale) {
    std::mt19937 rng(seed);
    std::student_t_distribution<float> dist(4.0f); // heavy tails, as real weights and activations have
    std::vector<float> v(n);
    for (float& x : v)
        x = scale * dist(rng);
    return v;
}

// Types with an integer kernel on every path, and those with only the scalar one (the SIMD paths take the
// F32 product of the rounded activations for them).
constexpr GgmlType kTypes[] = {GgmlType::Q4_K,   GgmlType::Q5_K,  GgmlType::Q6_K,  GgmlType::Q8_0,
                               GgmlType::Q4_0,   GgmlType::IQ4_NL, GgmlType::MXFP4, GgmlType::TQ2_0,
                               GgmlType::Q1_0,   GgmlType::Q2_0};
constexpr GgmlType kReferenceOnly[] = {GgmlType::Q1_0, GgmlType::Q2_0};

} // namespace

class TestQuantizedDot : public QObject {
    Q_OBJECT

private slots:
    void matchesRoundedProduct_data() {
        QTest::addColumn<int>("type");
        for (GgmlType t : kTypes)
            QTest::newRow(ggmlTypeName(t).data()) << int(t);
    }

    void matchesRoundedProduct() {
        QFETCH(int, type);
        const auto t = GgmlType(type);
        const int64_t rows = 37, cols = 1024, tokens = 4, ldx = 1030, ldy = 41;
        const std::vector<float> values = randomValues(size_t(rows * cols), 7, 0.02f);
        const uint64_t rowBytes = ggmlRowBytes(t, uint64_t(cols));
        std::vector<uint8_t> bytes(rowBytes * uint64_t(rows));
        quant::quantizeRows(quant::KernelPath::Reference, t, values.data(), bytes.data(), rows, cols, nullptr);
        std::vector<float> w(values.size());
        for (int64_t r = 0; r < rows; ++r)
            quant::dequantizeRow(t, bytes.data() + uint64_t(r) * rowBytes, w.data() + r * cols, cols);
        const RowMatrix m{t, bytes.data(), rowBytes, rows, cols};

        std::vector<float> x = randomValues(size_t(tokens * ldx), 11, 1.0f);
        std::fill(x.begin() + 3 * ldx, x.begin() + 3 * ldx + 256, 0.0f); // an all-zero activation block
        std::vector<float> rounded(size_t(tokens * cols));
        roundActivations(t, x.data(), ldx, tokens, cols, rounded.data(), cols);

        for (KernelPath path : matmulPaths()) {
            const std::string pathName(quant::kernelPathName(path));
            const bool referenceOnly = std::find(std::begin(kReferenceOnly), std::end(kReferenceOnly), t) !=
                                       std::end(kReferenceOnly);
            if (path != KernelPath::Reference && referenceOnly) {
                QVERIFY(!hasQuantizedDot(path, t));
                continue;
            }
            QVERIFY2(hasQuantizedDot(path, t), pathName.c_str());
            std::vector<float> y(size_t(tokens * ldy), -1.0f), scratch;
            QVERIFY(quantizedMatvec(path, m, x.data(), ldx, tokens, y.data(), ldy, 2, scratch));
            for (int64_t k = 0; k < tokens; ++k)
                for (int64_t r = 0; r < rows; ++r) {
                    double exact = 0.0, magnitude = 0.0;
                    for (int64_t c = 0; c < cols; ++c) {
                        const double p = double(w[size_t(r * cols + c)]) * rounded[size_t(k * cols + c)];
                        exact += p;
                        magnitude += std::fabs(p);
                    }
                    const double err = std::fabs(double(y[size_t(k * ldy + r)]) - exact);
                    QVERIFY2(err <= 1e-5 * magnitude + 1e-30,
                             qPrintable(QStringLiteral("%1 token %2 row %3: %4 vs %5")
                                            .arg(QString::fromStdString(pathName))
                                            .arg(k)
                                            .arg(r)
                                            .arg(y[size_t(k * ldy + r)])
                                            .arg(exact)));
                }
            // Outputs outside the product are untouched.
            QCOMPARE(y[size_t(rows)], -1.0f);

            // One token at a time and one thread give the same bits.
            for (int64_t k = 0; k < tokens; ++k) {
                std::vector<float> one(static_cast<size_t>(rows));
                QVERIFY(quantizedMatvec(path, m, x.data() + k * ldx, ldx, 1, one.data(), 1, 1, scratch));
                for (int64_t r = 0; r < rows; ++r)
                    QCOMPARE(one[size_t(r)], y[size_t(k * ldy + r)]);
            }
        }
    }

    // Several products at once (quantizedMatvecs): each output has quantizedMatvec()'s bits, whether or not
    // the products share activations; a product without an integer kernel refuses the whole batch.
    void batchesMatchSingleProducts() {
        const int64_t cols = 512, tokens = 2;
        struct Matrix {
            std::vector<uint8_t> bytes;
            RowMatrix m;
        };
        auto make = [&](GgmlType t, int64_t rows, uint32_t seed) {
            const std::vector<float> values = randomValues(size_t(rows * cols), seed, 0.02f);
            Matrix out;
            const uint64_t rowBytes = ggmlRowBytes(t, uint64_t(cols));
            out.bytes.resize(rowBytes * uint64_t(rows));
            quant::quantizeRows(quant::KernelPath::Reference, t, values.data(), out.bytes.data(), rows, cols, nullptr);
            out.m = {t, out.bytes.data(), rowBytes, rows, cols};
            return out;
        };
        const Matrix a = make(GgmlType::Q4_K, 40, 1), b = make(GgmlType::Q6_K, 24, 2), c = make(GgmlType::Q8_0, 33, 3);
        const std::vector<float> x = randomValues(size_t(2 * tokens * cols), 9, 1.0f);
        const float* x1 = x.data();
        const float* x2 = x.data() + tokens * cols;
        for (KernelPath path : matmulPaths()) {
            std::vector<float> ya(size_t(tokens * 40)), yb(size_t(tokens * 24)), yc(size_t(tokens * 33)), scratch;
            const MatvecJob jobs[] = {{&a.m, x1, cols, tokens, ya.data(), 40},
                                      {&b.m, x1, cols, tokens, yb.data(), 24},
                                      {&c.m, x2, cols, tokens, yc.data(), 33}};
            QVERIFY(quantizedMatvecs(path, jobs, 2, scratch));
            auto single = [&](const RowMatrix& m, const float* xs) {
                std::vector<float> y(size_t(tokens * m.rows));
                std::vector<float> s;
                if (!quantizedMatvec(path, m, xs, cols, tokens, y.data(), m.rows, 1, s)) y.clear();
                return y;
            };
            QCOMPARE(ya, single(a.m, x1));
            QCOMPARE(yb, single(b.m, x1));
            QCOMPARE(yc, single(c.m, x2));
        }
        const std::vector<float> f16Weights(size_t(4 * cols), 0.5f);
        const RowMatrix f32 = RowMatrix::f32(f16Weights.data(), 4, cols, cols);
        std::vector<float> ya(size_t(tokens * 40), -1.0f), yf(size_t(tokens * 4), -1.0f), scratch;
        const MatvecJob mixed[] = {{&a.m, x1, cols, tokens, ya.data(), 40}, {&f32, x1, cols, tokens, yf.data(), 4}};
        QVERIFY(!quantizedMatvecs(KernelPath::Reference, mixed, 1, scratch));
        QCOMPARE(ya[0], -1.0f);
    }

    void refusesWhatItCannotDo() {
        std::vector<float> scratch, y(4);
        const std::vector<float> x(300, 1.0f);
        // F32 weights have no integer kernel; rows that are not whole blocks are not ggml products.
        const RowMatrix f32 = RowMatrix::f32(x.data(), 1, 256, 256);
        QVERIFY(!quantizedMatvec(KernelPath::Reference, f32, x.data(), 256, 1, y.data(), 1, 1, scratch));
        QVERIFY(!hasQuantizedDot(KernelPath::Reference, GgmlType::F16));
        std::vector<uint8_t> bytes(ggmlRowBytes(GgmlType::Q8_0, 64));
        const RowMatrix odd{GgmlType::Q4_K, bytes.data(), bytes.size(), 1, 64};
        QVERIFY(!quantizedMatvec(KernelPath::Reference, odd, x.data(), 64, 1, y.data(), 1, 1, scratch));
        QCOMPARE(y[0], 0.0f);
    }
};

QTEST_GUILESS_MAIN(TestQuantizedDot)
#include "test_quantized_dot.moc"
