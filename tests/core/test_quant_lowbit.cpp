// The 1-3-bit and ternary/binary types (IQ2_XXS ... IQ1_M, TQ1_0, TQ2_0, Q1_0, Q2_0) on hostile inputs:
// every compiled-in kernel path must write llama.cpp's bytes and decode them to llama.cpp's floats
// (digests in lowbit_fixtures.h); the codebook tables built lazily from several threads at once must give
// the same bytes; types that need importance refuse to quantize without it; thread count never changes
// a result. Whole-model identity is in test_quant_reference.
#include <QTest>

#include <algorithm>
#include <thread>
#include <vector>

#include "lowbit_fixtures.h"
#include "qf/quant/kernels.h"
#include "qf/sha256.h"

using namespace qf;
using namespace qf::quant;

namespace {

constexpr int kRows = 4, kCols = 512, kN = kRows * kCols;

struct Case {
    std::vector<float> x = std::vector<float>(kN);
    std::vector<float> w = std::vector<float>(kN);
};

Case makeCase(int kind) {
    Case c;
    test::lowBitTestCase(kind, c.x.data(), c.w.data(), kN);
    return c;
}

std::vector<uint8_t> quantize(KernelPath path, GgmlType type, const Case& c, bool withImportance) {
    std::vector<uint8_t> out(ggmlRowBytes(type, kCols) * kRows);
    const size_t written =
        quantizeRows(path, type, c.x.data(), out.data(), kRows, kCols, withImportance ? c.w.data() : nullptr);
    if (written != out.size()) out.clear();
    return out;
}

std::string floatDigest(GgmlType type, const std::vector<uint8_t>& q) {
    std::vector<float> back(kN);
    dequantizeRow(type, q.data(), back.data(), kN);
    return sha256Hex(std::span(reinterpret_cast<const uint8_t*>(back.data()), back.size() * sizeof(float)));
}

} // namespace

class TestQuantLowBit : public QObject {
    Q_OBJECT

private slots:
    // First, so that the tables are built here: four threads race to build every codebook at once.
    void lazyTablesUnderConcurrency() {
        const Case c = makeCase(0);
        const GgmlType types[] = {GgmlType::IQ2_XXS, GgmlType::IQ2_XS, GgmlType::IQ2_S, GgmlType::IQ3_XXS,
                                  GgmlType::IQ3_S,   GgmlType::IQ1_S,  GgmlType::IQ1_M};
        std::vector<std::vector<std::vector<uint8_t>>> results(4);
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t)
            threads.emplace_back([&, t] {
                for (GgmlType type : types)
                    results[size_t(t)].push_back(quantize(KernelPath::Reference, type, c, true));
            });
        for (auto& thread : threads)
            thread.join();
        for (int t = 1; t < 4; ++t)
            QVERIFY(results[size_t(t)] == results[0]);
        for (const auto& bytes : results[0])
            QVERIFY(!bytes.empty());
    }

    void matchesLlamaCpp_data() {
        QTest::addColumn<int>("index");
        QTest::addColumn<int>("path");
        for (KernelPath path : availablePaths())
            for (size_t i = 0; i < std::size(test::kLowBitExpected); ++i) {
                const auto& e = test::kLowBitExpected[i];
                const std::string name =
                    std::string(ggmlTypeName(e.type)) + "/kind" + std::to_string(e.kind) +
                    (e.withImportance ? "/imatrix/" : "/plain/") + std::string(kernelPathName(path));
                QTest::newRow(name.c_str()) << int(i) << int(path);
            }
    }

    void matchesLlamaCpp() {
        QFETCH(int, index);
        QFETCH(int, path);
        const auto& e = test::kLowBitExpected[index];
        const auto bytes = quantize(KernelPath(path), e.type, makeCase(e.kind), e.withImportance);
        QVERIFY(!bytes.empty());
        QCOMPARE(QString::fromStdString(sha256Hex(bytes)),
                 QString::fromUtf8(e.quantSha256.data(), qsizetype(e.quantSha256.size())));
        QCOMPARE(QString::fromStdString(floatDigest(e.type, bytes)),
                 QString::fromUtf8(e.floatSha256.data(), qsizetype(e.floatSha256.size())));
    }

    void refusesWithoutImportance() {
        const Case c = makeCase(0);
        for (GgmlType type : {GgmlType::IQ2_XXS, GgmlType::IQ2_XS, GgmlType::IQ1_S}) {
            QVERIFY(requiresImportance(type));
            std::vector<uint8_t> out(ggmlRowBytes(type, kCols) * kRows, 0xAB);
            QCOMPARE(quantizeRows(type, c.x.data(), out.data(), kRows, kCols, nullptr), size_t(0));
            QVERIFY(std::all_of(out.begin(), out.end(), [](uint8_t b) { return b == 0xAB; })); // untouched
        }
        for (GgmlType type : {GgmlType::IQ2_S, GgmlType::IQ3_XXS, GgmlType::IQ3_S, GgmlType::IQ1_M,
                              GgmlType::TQ1_0, GgmlType::TQ2_0, GgmlType::Q1_0, GgmlType::Q2_0})
            QVERIFY(!requiresImportance(type));
    }

    // Rows split across threads give the same bytes as one call (each row depends only on itself).
    void threadCountDoesNotMatter() {
        const Case c = makeCase(0);
        for (GgmlType type : {GgmlType::IQ2_S, GgmlType::IQ3_XXS, GgmlType::IQ1_M}) {
            const auto whole = quantize(activePath(), type, c, true);
            const size_t rowBytes = ggmlRowBytes(type, kCols);
            std::vector<uint8_t> split(whole.size());
            std::vector<std::thread> threads;
            for (int r = 0; r < kRows; ++r)
                threads.emplace_back([&, r] {
                    quantizeRows(type, c.x.data() + r * kCols, split.data() + size_t(r) * rowBytes, 1, kCols,
                                 c.w.data());
                });
            for (auto& thread : threads)
                thread.join();
            QVERIFY(split == whole);
        }
    }
};

QTEST_GUILESS_MAIN(TestQuantLowBit)
#include "test_quant_lowbit.moc"
