// The two ways the forward pass multiplies by weights (the blocked GEMM and the matrix-vector path for a
// few tokens), on every kernel path this CPU can run, for every weight type the quantization core can
// dequantize: each path's row unpacking gives exactly the core's values, each path's products agree with
// the reference path's, odd row counts, depth tails and strides included, the rows unpacked straight into
// registers give the bits of the buffered ones, and no result depends on the thread count.
#include <QTest>

#include <cmath>
#include <random>
#include <vector>

#include "qf/eval/matmul.h"
#include "qf/quant/kernels.h"

using namespace qf;
using namespace qf::eval;

namespace {

const GgmlType kTypes[] = {GgmlType::F32,  GgmlType::F16,    GgmlType::BF16,  GgmlType::Q4_0,
                           GgmlType::Q4_1, GgmlType::Q5_0,   GgmlType::Q5_1,  GgmlType::Q8_0,
                           GgmlType::Q2_K, GgmlType::Q3_K,   GgmlType::Q4_K,  GgmlType::Q5_K,
                           GgmlType::Q6_K, GgmlType::IQ4_NL, GgmlType::IQ4_XS};

std::vector<float> randomValues(size_t n, uint32_t seed) {
    std::mt19937 rng(seed);
    std::normal_distribution<float> dist(0.0f, 1.0f);
    std::vector<float> v(n);
    for (float& x : v)
        x = dist(rng);
    return v;
}

struct Weights {
    std::vector<uint8_t> bytes;
    std::vector<float> dequantized;
    RowMatrix matrix;
};

Weights makeWeights(GgmlType type, int64_t rows, int64_t cols, uint32_t seed) {
    Weights w;
    const std::vector<float> values = randomValues(size_t(rows * cols), seed);
    const uint64_t rowBytes = ggmlRowBytes(type, uint64_t(cols));
    w.bytes.resize(rowBytes * uint64_t(rows));
    quant::quantizeRows(type, values.data(), w.bytes.data(), rows, cols, nullptr);
    w.dequantized.resize(values.size());
    for (int64_t r = 0; r < rows; ++r)
        quant::dequantizeRow(type, w.bytes.data() + uint64_t(r) * rowBytes, w.dequantized.data() + r * cols,
                             cols);
    w.matrix = {type, w.bytes.data(), rowBytes, rows, cols};
    return w;
}

QString name(GgmlType type) {
    return QLatin1String(ggmlTypeName(type).data());
}
QString name(KernelPath path) {
    return QLatin1String(quant::kernelPathName(path).data());
}

// Depths with a partial 512-value chunk and, for types with 1-value blocks, a tail below every vector
// width.
int64_t depthFor(GgmlType type) {
    const uint64_t block = ggmlTypeTraits(type).blockSize;
    if (block == 1) return 613;
    if (block == 32) return 32 * 23; // 736: one chunk of 512 and one of 224
    return 256 * 3;
}

using Product = void (*)(KernelPath, const RowMatrix&, const float*, int64_t, int64_t, float*, int64_t,
                         unsigned);

} // namespace

class TestMatmulPaths : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QString names;
        for (KernelPath p : matmulPaths())
            names += name(p) + QLatin1Char(' ');
        qInfo("matmul paths on this CPU: %s", qPrintable(names));
        for (GgmlType type : kTypes)
            QVERIFY(quant::canDequantize(type));
    }

    // Multiplying by the identity returns the unpacked weights exactly, on both product paths (a product
    // with a unit vector adds only zeros to the one weight): every path's unpacking gives the quantization
    // core's values bit for bit.
    void unpackingIsExact_data() {
        QTest::addColumn<int>("type");
        for (GgmlType type : kTypes)
            QTest::newRow(ggmlTypeName(type).data()) << int(type);
    }
    void unpackingIsExact() {
        QFETCH(int, type);
        const auto t = GgmlType(type);
        const int64_t rows = 19, cols = depthFor(t);
        const Weights w = makeWeights(t, rows, cols, 21);
        std::vector<float> identity(size_t(cols * cols), 0.0f);
        for (int64_t i = 0; i < cols; ++i)
            identity[size_t(i * cols + i)] = 1.0f;
        for (KernelPath path : matmulPaths()) {
            for (Product product : {Product(gemm), Product(matvec)}) {
                std::vector<float> y(size_t(cols * rows));
                product(path, w.matrix, identity.data(), cols, cols, y.data(), rows, 2);
                for (int64_t r = 0; r < rows; ++r)
                    for (int64_t k = 0; k < cols; ++k)
                        if (y[size_t(k * rows + r)] != w.dequantized[size_t(r * cols + k)])
                            QFAIL(qPrintable(QStringLiteral("%1 %2 %3: w[%4][%5] unpacked as %6, expected %7")
                                                 .arg(name(t), name(path))
                                                 .arg(product == Product(gemm) ? QStringLiteral("gemm")
                                                                               : QStringLiteral("matvec"))
                                                 .arg(r)
                                                 .arg(k)
                                                 .arg(y[size_t(k * rows + r)])
                                                 .arg(w.dequantized[size_t(r * cols + k)])));
            }
        }
    }

    // Both products on every path against the reference path's GEMM, to 1e-5 of the sum of |x * w|.
    void pathsAgreeWithReference_data() {
        QTest::addColumn<int>("type");
        QTest::addColumn<int>("tokens");
        QTest::addColumn<int>("rows");
        for (GgmlType type : kTypes)
            for (int tokens : {1, 2, 3, 4, 5, 7, 13})
                for (int rows : {1, 7, 33})
                    QTest::addRow("%s t%d r%d", ggmlTypeName(type).data(), tokens, rows)
                        << int(type) << tokens << rows;
    }
    void pathsAgreeWithReference() {
        QFETCH(int, type);
        QFETCH(int, tokens);
        QFETCH(int, rows);
        const auto t = GgmlType(type);
        const int64_t cols = depthFor(t);
        const Weights w = makeWeights(t, rows, cols, uint32_t(rows * 3 + tokens));
        // Activations and outputs in wider matrices: strides must be respected.
        const int64_t ldx = cols + 3, ldy = rows + 5;
        const std::vector<float> x = randomValues(size_t(tokens * ldx), uint32_t(tokens + 50));
        std::vector<float> want(size_t(tokens * ldy));
        gemm(KernelPath::Reference, w.matrix, x.data(), ldx, tokens, want.data(), ldy, 1);
        for (KernelPath path : matmulPaths()) {
            for (Product product : {Product(gemm), Product(matvec)}) {
                std::vector<float> y(size_t(tokens * ldy), -7.0f);
                product(path, w.matrix, x.data(), ldx, tokens, y.data(), ldy, 3);
                for (int64_t i = 0; i < tokens; ++i) {
                    for (int64_t r = 0; r < rows; ++r) {
                        double magnitude = 0.0;
                        for (int64_t k = 0; k < cols; ++k)
                            magnitude += std::fabs(double(x[size_t(i * ldx + k)]) *
                                                   w.dequantized[size_t(r * cols + k)]);
                        const float got = y[size_t(i * ldy + r)], expected = want[size_t(i * ldy + r)];
                        if (!(std::fabs(double(got) - expected) <= 1e-5 * magnitude + 1e-30))
                            QFAIL(qPrintable(QStringLiteral("%1 %2: y[%3][%4] = %5, reference %6")
                                                 .arg(name(path))
                                                 .arg(product == Product(gemm) ? QStringLiteral("gemm")
                                                                               : QStringLiteral("matvec"))
                                                 .arg(i)
                                                 .arg(r)
                                                 .arg(got)
                                                 .arg(expected)));
                    }
                    for (int64_t r = rows; r < ldy; ++r)
                        QCOMPARE(y[size_t(i * ldy + r)], -7.0f);
                }
            }
        }
    }

    // AVX2 and AVX-512 unpack Q4_K and Q6_K rows straight into registers on the matrix-vector path; the
    // others go through a buffer. Both give the same bits: the fused path against an F32 copy of the
    // unpacked weights (which takes the buffer), then the reference to 1e-5 and any thread count.
    void fusedMatVecMatchesBufferedPath_data() {
        QTest::addColumn<int>("type");
        QTest::addColumn<int>("tokens");
        for (GgmlType type : {GgmlType::Q4_K, GgmlType::Q6_K})
            for (int tokens : {1, 2, 3, 4, 5, 9})
                QTest::addRow("%s t%d", ggmlTypeName(type).data(), tokens) << int(type) << tokens;
    }
    void fusedMatVecMatchesBufferedPath() {
        QFETCH(int, type);
        QFETCH(int, tokens);
        const int64_t rows = 203, cols = 256 * 7; // 3.5 chunks of 512
        const Weights w = makeWeights(GgmlType(type), rows, cols, uint32_t(type * 10 + tokens));
        const RowMatrix unpacked = RowMatrix::f32(w.dequantized.data(), rows, cols, cols);
        const int64_t ldx = cols + 1, ldy = rows + 2;
        const std::vector<float> x = randomValues(size_t(tokens * ldx), uint32_t(tokens));
        std::vector<float> want(size_t(tokens * ldy));
        gemm(KernelPath::Reference, w.matrix, x.data(), ldx, tokens, want.data(), ldy, 1);
        for (KernelPath path : matmulPaths()) {
            std::vector<float> fused(want.size()), buffered(want.size());
            matvec(path, w.matrix, x.data(), ldx, tokens, fused.data(), ldy, 1);
            matvec(path, unpacked, x.data(), ldx, tokens, buffered.data(), ldy, 1);
            QVERIFY2(fused == buffered, qPrintable(name(path)));
            for (int64_t i = 0; i < tokens; ++i)
                for (int64_t r = 0; r < rows; ++r) {
                    double magnitude = 0.0;
                    for (int64_t k = 0; k < cols; ++k)
                        magnitude +=
                            std::fabs(double(x[size_t(i * ldx + k)]) * w.dequantized[size_t(r * cols + k)]);
                    const double diff =
                        std::fabs(double(fused[size_t(i * ldy + r)]) - want[size_t(i * ldy + r)]);
                    QVERIFY2(diff <= 1e-5 * magnitude,
                             qPrintable(QStringLiteral("%1 y[%2][%3]").arg(name(path)).arg(i).arg(r)));
                }
            for (unsigned threads : {2u, 3u, 7u}) {
                std::vector<float> y(want.size());
                matvec(path, w.matrix, x.data(), ldx, tokens, y.data(), ldy, threads);
                QVERIFY2(y == fused,
                         qPrintable(QStringLiteral("%1, %2 threads").arg(name(path)).arg(threads)));
            }
        }
    }

    // The matrix-vector path gives the same bits for any thread count and however the tokens are grouped
    // into calls; so does the GEMM, whose few-token kernel computes each output as its full kernel does;
    // matmul() takes the matrix-vector path up to kMatVecMaxTokens tokens and the GEMM beyond.
    void fewTokensAreDeterministic() {
        const Weights w = makeWeights(GgmlType::Q4_K, 1031, 1024, 5);
        const int64_t tokens = 6;
        const std::vector<float> x = randomValues(size_t(tokens * 1024), 6);
        for (KernelPath path : matmulPaths()) {
            std::vector<float> one(size_t(tokens * 1031)), three(one.size()), single(one.size());
            matvec(path, w.matrix, x.data(), 1024, tokens, one.data(), 1031, 1);
            matvec(path, w.matrix, x.data(), 1024, tokens, three.data(), 1031, 3);
            QVERIFY(one == three);
            for (int64_t i = 0; i < tokens; ++i)
                matvec(path, w.matrix, x.data() + i * 1024, 1024, 1, single.data() + i * 1031, 1031, 2);
            QVERIFY(one == single);

            // GEMM: a whole chunk (full micro-kernel) against tokens one to four at a time (small kernel).
            std::vector<float> chunk(one.size()), pieces(one.size());
            gemm(path, w.matrix, x.data(), 1024, tokens, chunk.data(), 1031, 2);
            gemm(path, w.matrix, x.data(), 1024, 1, pieces.data(), 1031, 1);
            gemm(path, w.matrix, x.data() + 1024, 1024, 4, pieces.data() + 1031, 1031, 3);
            gemm(path, w.matrix, x.data() + 5 * 1024, 1024, 1, pieces.data() + 5 * 1031, 1031, 1);
            QVERIFY(chunk == pieces);

            std::vector<float> routed(one.size()), direct(one.size());
            for (int64_t n : {kMatVecMaxTokens, kMatVecMaxTokens + 1}) {
                matmul(path, w.matrix, x.data(), 1024, n, routed.data(), 1031, 2);
                if (n <= kMatVecMaxTokens)
                    matvec(path, w.matrix, x.data(), 1024, n, direct.data(), 1031, 1);
                else
                    gemm(path, w.matrix, x.data(), 1024, n, direct.data(), 1031, 1);
                QVERIFY(routed == direct);
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestMatmulPaths)
#include "test_matmul_paths.moc"
