// The integer GEMM of many tokens (quantizedGemm): on every kernel path this CPU can run, for each K-quant
// type it has, the result equals a double-precision product of the dequantized weights with the activations
// as roundActivations() leaves them (ggml's values, up to float rounding); results do not depend on the
// thread count, and ggmlMatmul() gives the same bits for more than kMatVecMaxTokens tokens.
#include <QTest>

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

constexpr GgmlType kTypes[] = {GgmlType::Q4_K, GgmlType::Q5_K, GgmlType::Q6_K};

} // namespace

class TestQuantizedGemm : public QObject {
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
        // 21 tokens: two full groups of eight and a partial one; 37 rows: two items of 16 and a partial one.
        const int64_t rows = 37, cols = 1024, tokens = 21, ldx = 1030, ldy = 41;
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

        QVERIFY(hasQuantizedGemm(KernelPath::Reference, t));
        int pathsRun = 0;
        for (KernelPath path : matmulPaths()) {
            // The AVX-512 path unpacks Q4_K and Q6_K rows with vector instructions and has the GEMM for them.
            if (path == KernelPath::Avx512 && t != GgmlType::Q5_K) QVERIFY(hasQuantizedGemm(path, t));
            if (!hasQuantizedGemm(path, t)) continue;
            ++pathsRun;
            const std::string pathName(quant::kernelPathName(path));
            std::vector<float> y(size_t(tokens * ldy), -1.0f);
            QVERIFY(quantizedGemm(path, m, x.data(), ldx, tokens, y.data(), ldy, 2));
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
            QCOMPARE(y[size_t(rows)], -1.0f); // outputs outside the product are untouched

            std::vector<float> one(size_t(tokens * ldy), -1.0f);
            QVERIFY(quantizedGemm(path, m, x.data(), ldx, tokens, one.data(), ldy, 1));
            QCOMPARE(one, y);
            if (path == activeMatmulPath()) {
                std::vector<float> viaMatmul(size_t(tokens * ldy), -1.0f), scratch;
                ggmlMatmul(m, x.data(), ldx, tokens, viaMatmul.data(), ldy, 2, scratch);
                QCOMPARE(viaMatmul, y);
            }
        }
        QVERIFY(pathsRun >= 1);
    }

    void refusesWhatItCannotDo() {
        std::vector<float> y(4, -1.0f);
        const std::vector<float> x(600, 1.0f);
        const RowMatrix f32 = RowMatrix::f32(x.data(), 1, 256, 256);
        QVERIFY(!hasQuantizedGemm(KernelPath::Reference, GgmlType::F32));
        QVERIFY(!quantizedGemm(KernelPath::Reference, f32, x.data(), 256, 2, y.data(), 1, 1));
        std::vector<uint8_t> bytes(ggmlRowBytes(GgmlType::Q8_0, 64));
        const RowMatrix odd{GgmlType::Q4_K, bytes.data(), bytes.size(), 1, 64};
        QVERIFY(!quantizedGemm(KernelPath::Reference, odd, x.data(), 64, 2, y.data(), 1, 1));
        QCOMPARE(y[0], -1.0f);
    }
};

QTEST_GUILESS_MAIN(TestQuantizedGemm)
#include "test_quantized_gemm.moc"
