// The integer GEMM of many tokens (quantizedGemm): on every kernel path this CPU can run, for each K-quant,
// codebook (IQ1-IQ3) and ternary type it has, the result equals a double-precision product of the
// dequantized weights with the activations as roundActivations() leaves them (ggml's values, up to float
// rounding); results do not depend on the thread count, and ggmlMatmul() gives the same bits for more than
// kMatVecMaxTokens tokens.
#include <QTest>

#include <cmath>
#include <cstring>
#include <random>
#include <vector>

#include "matmul_kernels.h"
#include "qf/cpu_features.h"
#include "qf/eval/matmul.h"
#include "qf/quant/kernels.h"
#include "quantized_product_fixture.h"
#include "quant/kernel_table.h"
#include "quantized_dot.h"

using namespace qf;
using namespace qf::eval;
using qf::test::randomValues;

namespace {


constexpr GgmlType kTypes[] = {GgmlType::Q4_K,    GgmlType::Q5_K,  GgmlType::Q6_K,   GgmlType::IQ1_S,
                               GgmlType::IQ1_M,   GgmlType::IQ2_XXS, GgmlType::IQ2_XS, GgmlType::IQ2_S,
                               GgmlType::IQ3_XXS, GgmlType::IQ3_S, GgmlType::TQ1_0,  GgmlType::TQ2_0};

// Random activations of `tokens` rows in the GEMM's Q8_K form, and random weights of one type as the scalar
// code quantizes and prepares them (the inputs of the kernel-level checks).
struct PreparedCase {
    int64_t blocks;
    std::vector<detail::GemmActivationQ8K> act;
    uint64_t rowBytes;
    std::vector<uint8_t> bytes;
    std::vector<detail::PreparedBlockK> prepared;

    PreparedCase(GgmlType t, int64_t rows, int64_t cols, int64_t tokens, unsigned activationSeed,
                 unsigned weightSeed)
        : blocks(cols / 256), act(size_t(tokens * blocks)), rowBytes(ggmlRowBytes(t, uint64_t(cols))),
          bytes(rowBytes * uint64_t(rows)), prepared(size_t(rows * blocks)) {
        const std::vector<float> x = randomValues(size_t(tokens * cols), activationSeed, 1.0f);
        for (int64_t k = 0; k < tokens; ++k)
            detail::quantizeGemmActivationsQ8K(x.data() + k * cols, act.data() + k * blocks, cols);
        const std::vector<float> values = randomValues(size_t(rows * cols), weightSeed, 0.02f);
        quant::quantizeRows(quant::KernelPath::Reference, t, values.data(), bytes.data(), rows, cols, nullptr);
        for (int64_t r = 0; r < rows; ++r)
            dispatch::typeKernels(t).prepareRow(bytes.data() + uint64_t(r) * rowBytes, cols, prepared.data() + r * blocks);
    }
};

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
        const test::QuantizedProductCase c(t, 21);
        const int64_t rows = c.rows, tokens = c.tokens, ldx = c.ldx, ldy = c.ldy;
        const std::vector<float>& x = c.x;
        const RowMatrix m = c.matrix();

        QVERIFY(hasQuantizedGemm(KernelPath::Reference, t));
        int pathsRun = 0;
        for (KernelPath path : matmulPaths()) {
            // The AVX-512 path unpacks Q4_K and Q6_K rows with vector instructions and has the GEMM for them
            // and for the codebook and ternary types.
            if (path == KernelPath::Avx512 && t != GgmlType::Q5_K) QVERIFY(hasQuantizedGemm(path, t));
            if (!hasQuantizedGemm(path, t)) continue;
            ++pathsRun;
            const std::string pathName(quant::kernelPathName(path));
            std::vector<float> y(size_t(tokens * ldy), -1.0f);
            QVERIFY(quantizedGemm(path, m, x.data(), ldx, tokens, y.data(), ldy, 2));
            const QString inexact = c.firstInexact(y, pathName);
            QVERIFY2(inexact.isEmpty(), qPrintable(inexact));
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

    // Below the public API: every compiled-in row preparer writes the scalar one's bytes, and every kernel
    // (AVX-512 with and without VNNI where the CPU runs them) gives the scalar kernel's sums for 1 to 8 tokens.
    void everyKernelMatchesTheReference() {
        using namespace qf::eval::detail;
        const int64_t rows = 3, cols = 768, tokens = 8;
        for (GgmlType t : kTypes) {
            const PreparedCase c(t, rows, cols, tokens, 5, 3);
            const auto& [blocks, act, rowBytes, bytes, prepared] = c;
            std::vector<QuantizedGemmFn> kernels;
            std::vector<PrepareRowFn> preparers;
#if defined(QF_HAVE_X86_KERNELS)
            if (cpuFeatures().hasAvx512Kernels()) {
                kernels.push_back(avx512QuantizedGemm);
                if (cpuFeatures().avx512vnni) kernels.push_back(avx512VnniQuantizedGemm);
                dispatch::ByType<PrepareRowFn> avx512Preparers{};
                dispatch::addAvx512Preparers(avx512Preparers);
                if (PrepareRowFn p = avx512Preparers[dispatch::typeSlot(t)]) preparers.push_back(p);
            }
#endif
            for (PrepareRowFn prepare : preparers) {
                std::vector<PreparedBlockK> mine(prepared.size());
                for (int64_t r = 0; r < rows; ++r)
                    prepare(bytes.data() + uint64_t(r) * rowBytes, cols, mine.data() + r * blocks);
                QVERIFY(std::memcmp(mine.data(), prepared.data(), mine.size() * sizeof(PreparedBlockK)) == 0);
            }
            for (QuantizedGemmFn kernel : kernels)
                for (int64_t n = 1; n <= tokens; ++n)
                    for (int64_t r = 0; r < rows; ++r) {
                        std::vector<float> expected(static_cast<size_t>(n)), got(static_cast<size_t>(n));
                        referenceQuantizedGemm(prepared.data() + r * blocks, blocks, act.data(), n, expected.data(), 1);
                        kernel(prepared.data() + r * blocks, blocks, act.data(), n, got.data(), 1);
                        for (int64_t k = 0; k < n; ++k)
                            QVERIFY2(std::fabs(got[size_t(k)] - expected[size_t(k)]) <= 1e-5f * (1.0f + std::fabs(expected[size_t(k)])),
                                     qPrintable(QStringLiteral("%1 tokens %2 row %3: %4 vs %5")
                                                    .arg(QString::fromLatin1(ggmlTypeName(t).data())).arg(n).arg(r)
                                                    .arg(got[size_t(k)]).arg(expected[size_t(k)])));
                    }
        }
    }

    // The two-row kernels (activations loaded once for two rows) give each output the one-row kernel's bits,
    // so that perplexity does not depend on which rows happen to be paired.
    void pairKernelsHaveTheOneRowBits() {
#if defined(QF_HAVE_X86_KERNELS)
        using namespace qf::eval::detail;
        if (!cpuFeatures().hasAvx512Kernels()) QSKIP("this CPU has no AVX-512");
        const int64_t rows = 6, cols = 1024, tokens = 8;
        std::vector<std::pair<QuantizedGemmFn, QuantizedGemmFn>> kernels{{avx512QuantizedGemm, avx512QuantizedGemmPair}};
        if (cpuFeatures().avx512vnni) kernels.emplace_back(avx512VnniQuantizedGemm, avx512VnniQuantizedGemmPair);
        QVERIFY(dispatch::kernels(KernelPath::Avx512).quantizedGemmPair == kernels.back().second);
        for (GgmlType t : kTypes) {
            const PreparedCase c(t, rows, cols, tokens, 7, 11);
            const auto& [blocks, act, rowBytes, bytes, prepared] = c;
            for (const auto& [one, pair] : kernels)
                for (int64_t n = 1; n <= tokens; ++n) {
                    // Outputs token-major with a stride of `rows`, as the GEMM driver writes them.
                    std::vector<float> expected(size_t(n * rows)), got(size_t(n * rows));
                    for (int64_t r = 0; r < rows; ++r)
                        one(prepared.data() + r * blocks, blocks, act.data(), n, expected.data() + r, rows);
                    for (int64_t r = 0; r < rows; r += 2)
                        pair(prepared.data() + r * blocks, blocks, act.data(), n, got.data() + r, rows);
                    QVERIFY2(std::memcmp(got.data(), expected.data(), got.size() * sizeof(float)) == 0,
                             qPrintable(QStringLiteral("%1, %2 tokens").arg(QString::fromLatin1(ggmlTypeName(t).data())).arg(n)));
                }
        }
#else
        QSKIP("no x86 kernels in this build");
#endif
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
