// The integer dot products of generation (quantizedMatvec): on every kernel path this CPU can run, for each
// weight type that has one, the result equals a double-precision product of the dequantized weights with
// the activations as roundActivations() leaves them (so exactly ggml's values, up to float summation
// order); results do not depend on threads or on how many tokens share a call.
#include <QTest>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <random>
#include <vector>

#include "qf/cpu_features.h"
#include "qf/eval/matmul.h"
#include "qf/quant/kernels.h"
#include "quant/kernel_table.h"
#include "quantized_dot.h"
#include "quantized_product_fixture.h"

using namespace qf;
using namespace qf::eval;
using qf::test::randomValues;

namespace {

// Types with an integer kernel on every path, and those with only the scalar one (the SIMD paths take the
// F32 product of the rounded activations for them).
constexpr GgmlType kTypes[] = {GgmlType::Q2_K,   GgmlType::Q3_K,   GgmlType::IQ4_XS,  GgmlType::Q4_K,   GgmlType::Q5_K,   GgmlType::Q6_K,    GgmlType::Q8_0,
                               GgmlType::Q4_0,   GgmlType::IQ4_NL, GgmlType::MXFP4,   GgmlType::TQ2_0,
                               GgmlType::Q1_0,   GgmlType::Q2_0,   GgmlType::IQ2_XXS, GgmlType::IQ2_XS,
                               GgmlType::IQ2_S,  GgmlType::IQ3_XXS, GgmlType::IQ3_S,  GgmlType::IQ1_S,
                               GgmlType::IQ1_M,  GgmlType::TQ1_0};
constexpr std::array<GgmlType, 0> kReferenceOnly{}; // none at present

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
            quant::quantizeRows(quant::KernelPath::Reference, t, values.data(), out.bytes.data(), rows, cols,
                                nullptr);
            out.m = {t, out.bytes.data(), rowBytes, rows, cols};
            return out;
        };
        const Matrix a = make(GgmlType::Q4_K, 40, 1), b = make(GgmlType::Q6_K, 24, 2),
                     c = make(GgmlType::Q8_0, 33, 3);
        const std::vector<float> x = randomValues(size_t(2 * tokens * cols), 9, 1.0f);
        const float* x1 = x.data();
        const float* x2 = x.data() + tokens * cols;
        for (KernelPath path : matmulPaths()) {
            std::vector<float> ya(size_t(tokens * 40)), yb(size_t(tokens * 24)), yc(size_t(tokens * 33)),
                scratch;
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
        const MatvecJob mixed[] = {{&a.m, x1, cols, tokens, ya.data(), 40},
                                   {&f32, x1, cols, tokens, yf.data(), 4}};
        QVERIFY(!quantizedMatvecs(KernelPath::Reference, mixed, 1, scratch));
        QCOMPARE(ya[0], -1.0f);
    }

    // The AVX-512 path's own kernels (with and without VNNI) give the AVX2 kernels' results bit for bit, so
    // that generation on either kind of CPU gives the same text. Rows of several blocks, activations with
    // large, small and zero blocks, scales at their extremes (fuzzed block bytes: every code, every scale).
    void avx512KernelsHaveAvx2Bits_data() {
        QTest::addColumn<int>("type");
        QTest::newRow("Q4_K") << int(GgmlType::Q4_K);
        QTest::newRow("Q6_K") << int(GgmlType::Q6_K);
    }

    void avx512KernelsHaveAvx2Bits() {
#if defined(QF_HAVE_X86_KERNELS)
        QFETCH(int, type);
        const auto t = GgmlType(type);
        if (!cpuFeatures().hasAvx512Kernels()) QSKIP("this CPU has no AVX-512");
        const size_t slot = dispatch::typeSlot(t);
        dispatch::ByType<detail::QuantizedDotFn> own{}, vnni{}, avx2Table{};
        dispatch::addAvx512OwnQuantizedDots(own);
        dispatch::addAvx2QuantizedDots(avx2Table);
        std::vector<std::pair<const char*, detail::QuantizedDotFn>> kernels{{"avx512", own[slot]}};
        if (cpuFeatures().avx512vnni) {
            dispatch::addAvx512VnniQuantizedDots(vnni);
            kernels.emplace_back("avx512vnni", vnni[slot]);
        }
        kernels.emplace_back("dispatched", dispatch::kernels(KernelPath::Avx512).quantizedDot(t));
        const detail::QuantizedDotFn avx2 = avx2Table[slot];
        QVERIFY(avx2);

        const int64_t cols = 2048, rows = 64;
        const uint64_t rowBytes = ggmlRowBytes(t, uint64_t(cols));
        // Half the rows quantized from heavy-tailed values, half random bytes (any code, scale and d that
        // is a finite half).
        std::vector<uint8_t> bytes(rowBytes * rows);
        const std::vector<float> values = randomValues(size_t(rows / 2 * cols), 3, 0.02f);
        quant::quantizeRows(quant::KernelPath::Reference, t, values.data(), bytes.data(), rows / 2, cols,
                            nullptr);
        std::mt19937 rng(17);
        for (size_t i = rowBytes * rows / 2; i < bytes.size(); ++i)
            bytes[i] = uint8_t(rng());
        const size_t blockBytes = rowBytes / size_t(cols / 256);
        for (size_t b = rowBytes * rows / 2; b < bytes.size(); b += blockBytes) {
            // Keep the half scales finite and moderate: exponent bits 0x3c00 range.
            auto fix = [&](size_t at) { bytes[at + 1] = uint8_t(0x20 + (bytes[at + 1] & 0x1f)); };
            if (t == GgmlType::Q4_K) {
                fix(b);
                fix(b + 2);
            } else {
                fix(b + blockBytes - 2);
            }
        }
        std::vector<float> x = randomValues(size_t(3 * cols), 5, 1.0f);
        std::fill(x.begin() + cols, x.begin() + cols + 256, 0.0f); // a zero block
        for (int64_t c = 2 * cols; c < 2 * cols + 256; ++c)        // a block of one large value
            x[size_t(c)] = c == 2 * cols + 7 ? -1e4f : 1e-3f;
        std::vector<detail::ActivationQ8K> act(size_t(3 * cols / 256));
        for (int k = 0; k < 3; ++k)
            detail::quantizeActivationsQ8K(x.data() + k * cols, act.data() + k * (cols / 256), cols);
        for (const auto& [name, fn] : kernels) {
            QVERIFY2(fn, name);
            for (int k = 0; k < 3; ++k)
                for (int64_t r = 0; r < rows; ++r) {
                    const uint8_t* row = bytes.data() + uint64_t(r) * rowBytes;
                    for (int64_t n : {int64_t(256), cols}) {
                        const float expected = avx2(row, act.data() + k * (cols / 256), n);
                        const float got = fn(row, act.data() + k * (cols / 256), n);
                        if (std::memcmp(&expected, &got, sizeof got) != 0)
                            QFAIL(qPrintable(QStringLiteral("%1 token %2 row %3 (%4 values): %5, AVX2 %6")
                                                 .arg(QLatin1String(name))
                                                 .arg(k)
                                                 .arg(r)
                                                 .arg(n)
                                                 .arg(double(got), 0, 'g', 9)
                                                 .arg(double(expected), 0, 'g', 9)));
                    }
                }
        }
#else
        QSKIP("no x86 kernels in this build");
#endif
    }

    // The AVX-512 Q8_K activation quantizer writes the scalar one's bytes: heavy-tailed blocks, an all-zero
    // block, a block whose largest magnitude appears with both signs (the first sets the scale), values on
    // rounding ties (exact and after an inexact scale), blocks with NaN and infinity.
    void activationQuantizersAgree() {
#if defined(QF_HAVE_X86_KERNELS)
        if (!cpuFeatures().hasAvx512Kernels()) QSKIP("this CPU has no AVX-512");
        const int64_t blocks = 40;
        std::vector<float> x = randomValues(size_t(256 * blocks), 23, 1.0f);
        std::fill(x.begin() + 256, x.begin() + 512, 0.0f);
        x[512 + 3] = -2.5f;
        x[512 + 200] = 2.5f;
        x[768 + 10] = 127.0f; // scale 1: the others land on .5 ties
        for (int j = 0; j < 256; ++j)
            if (j != 10) x[size_t(768 + j)] = float(j % 64) - 31.5f;
        x[1024 + 5] = std::nanf("");
        x[1280 + 7] = INFINITY;
        for (int j = 0; j < 256; ++j)
            x[size_t(1536 + j)] = std::nanf(""); // all NaN: a zero block, as the scalar one's
        x[1792 + 100] = -0.0f;
        // Scale -127 / 381 is inexact: its products with 3 (k + 1/2) round to the tie k + 1/2 only when the
        // multiply is rounded before the add (a fused multiply-add rounds them away from it).
        x[2048] = 381.0f;
        for (int j = 1; j < 256; ++j)
            x[size_t(2048 + j)] = (j % 2 ? 3.0f : -3.0f) * (float(j % 40) + 0.5f);
        std::vector<detail::ActivationQ8K> expected(blocks), got(blocks);
        detail::referenceQuantizeActivationsQ8K(x.data(), expected.data(), 256 * blocks);
        detail::avx512QuantizeActivationsQ8K(x.data(), got.data(), 256 * blocks);
        for (int64_t b = 0; b < blocks; ++b) {
            const auto& e = expected[size_t(b)];
            const auto& g = got[size_t(b)];
            QVERIFY2(std::memcmp(&e.d, &g.d, sizeof e.d) == 0,
                     qPrintable(QStringLiteral("block %1: d").arg(b)));
            QVERIFY2(std::memcmp(e.qs, g.qs, sizeof e.qs) == 0,
                     qPrintable(QStringLiteral("block %1: qs").arg(b)));
            QVERIFY2(std::memcmp(e.bsums, g.bsums, sizeof e.bsums) == 0,
                     qPrintable(QStringLiteral("block %1: bsums").arg(b)));
        }
#else
        QSKIP("no x86 kernels in this build");
#endif
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
