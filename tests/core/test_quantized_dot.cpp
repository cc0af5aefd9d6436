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
#include "quantized_product_fixture.h"

using namespace qf;
using namespace qf::eval;
using qf::test::randomValues;

namespace {


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
        const test::QuantizedProductCase c(t, 4);
        const int64_t rows = c.rows, tokens = c.tokens, ldx = c.ldx, ldy = c.ldy;
        const std::vector<float>& x = c.x;
        const RowMatrix m = c.matrix();

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
            const QString inexact = c.firstInexact(y, pathName);
            QVERIFY2(inexact.isEmpty(), qPrintable(inexact));
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
