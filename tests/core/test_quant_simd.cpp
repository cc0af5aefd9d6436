// Every SIMD path this CPU supports against the scalar reference, byte for byte, for every type, with
// and without importance weights: on random heavy-tailed rows built to hit the searches' corner cases
// (outliers, zero and constant groups, one-signed groups, mixed magnitudes, zero weights), and on real
// weights with the real imatrix. Row counts vary so that lane groups end part-filled.
#include <QTest>

#include <cmath>
#include <random>
#include <vector>

#include "qf/gguf/gguf_file.h"
#include "qf/quant/imatrix.h"
#include "qf/quant/kernels.h"
#include "test_support.h"

using namespace qf;
using namespace qf::quant;

namespace {

const GgmlType kTypes[] = {GgmlType::F32, GgmlType::F16, GgmlType::BF16, GgmlType::Q4_0, GgmlType::Q4_1,
                           GgmlType::Q5_0, GgmlType::Q5_1, GgmlType::Q8_0, GgmlType::Q2_K, GgmlType::Q3_K,
                           GgmlType::Q4_K, GgmlType::Q5_K, GgmlType::Q6_K, GgmlType::IQ4_NL, GgmlType::IQ4_XS,
                           // the codebook types: their SIMD neighbour searches and trial-scale fits
                           // (simd_iq_search.h), IQ1_S's split search, IQ1_M's (simd_iq1_search.h)
                           GgmlType::IQ2_XXS, GgmlType::IQ2_XS, GgmlType::IQ2_S, GgmlType::IQ3_XXS,
                           GgmlType::IQ3_S, GgmlType::IQ1_S, GgmlType::IQ1_M};

// Rows whose 16- and 32-value groups each get a character of their own.
std::vector<float> heavyTailedRows(std::mt19937& rng, int64_t rows, int64_t rowLen) {
    std::normal_distribution<float> normal;
    std::uniform_real_distribution<float> uniform;
    std::vector<float> x(size_t(rows * rowLen));
    for (int64_t g = 0; g < rows * rowLen / 16; ++g) {
        float* v = x.data() + 16 * g;
        const float scale = std::exp(2.5f * normal(rng)) * 0.01f;
        const float kind = uniform(rng);
        for (int i = 0; i < 16; ++i) {
            // Student-t with 3 degrees of freedom: heavy tails like trained weights.
            const float a = normal(rng), b = normal(rng), c = normal(rng);
            float t = normal(rng) / std::sqrt((a * a + b * b + c * c) / 3 + 1e-6f);
            if (uniform(rng) < 0.02f) t *= 40; // outliers
            v[i] = scale * t;
        }
        if (kind < 0.05f) {
            for (int i = 0; i < 16; ++i)
                v[i] = 0;
        } else if (kind < 0.08f) {
            for (int i = 0; i < 16; ++i)
                v[i] = scale;
        } else if (kind < 0.14f) {
            for (int i = 0; i < 16; ++i)
                v[i] = std::fabs(v[i]);
        } else if (kind < 0.20f) {
            for (int i = 0; i < 16; ++i)
                v[i] = -std::fabs(v[i]);
        } else if (kind < 0.23f) {
            for (int i = 0; i < 16; ++i)
                v[i] = i == 5 ? scale : 0.f; // single spike
        } else if (kind < 0.26f) {
            for (int i = 0; i < 16; ++i)
                v[i] = std::round(v[i] / scale) * scale; // already on a grid
        } else if (kind < 0.27f) {
            for (int i = 0; i < 16; ++i)
                v[i] *= 1e-12f; // near the all-zero threshold
        }
    }
    return x;
}

std::vector<float> randomImportance(std::mt19937& rng, int64_t rowLen) {
    std::normal_distribution<float> normal;
    std::uniform_real_distribution<float> uniform;
    std::vector<float> w(static_cast<size_t>(rowLen));
    for (auto& v : w)
        v = uniform(rng) < 0.1f ? 0.f : std::exp(2.f * normal(rng));
    // A whole 32-group of zero weights and one of equal weights.
    for (int i = 0; i < 32 && i < rowLen; ++i)
        w[size_t(i)] = 0.f;
    for (int64_t i = 64; i < 96 && i < rowLen; ++i)
        w[size_t(i)] = 1.f;
    return w;
}

// Index of the first differing block, or -1.
int64_t firstDifferentBlock(const std::vector<uint8_t>& a, const std::vector<uint8_t>& b, GgmlType type) {
    const size_t blockBytes = ggmlTypeTraits(type).blockBytes;
    for (size_t i = 0; i < a.size(); ++i)
        if (a[i] != b[i]) return int64_t(i / blockBytes);
    return -1;
}

std::vector<uint8_t> quantize(KernelPath path, GgmlType type, const std::vector<float>& x, int64_t rowLen,
                              const float* importance) {
    const int64_t rows = int64_t(x.size()) / rowLen;
    std::vector<uint8_t> out(ggmlRowBytes(type, uint64_t(rowLen)) * uint64_t(rows), 0xcd);
    quantizeRows(path, type, x.data(), out.data(), rows, rowLen, importance);
    return out;
}

void compareAllPaths(GgmlType type, const std::vector<float>& x, int64_t rowLen, const float* importance,
                     const char* what) {
    const auto reference = quantize(KernelPath::Reference, type, x, rowLen, importance);
    for (KernelPath path : availablePaths()) {
        if (path == KernelPath::Reference) continue;
        const auto got = quantize(path, type, x, rowLen, importance);
        const int64_t block = firstDifferentBlock(reference, got, type);
        QVERIFY2(block < 0,
                 qPrintable(QStringLiteral("%1 %2 on %3 (row length %4, importance %5): block %6 differs")
                                .arg(QLatin1String(ggmlTypeName(type).data()), QLatin1String(what),
                                     QLatin1String(kernelPathName(path).data()))
                                .arg(rowLen)
                                .arg(importance != nullptr)
                                .arg(block)));
    }
}

} // namespace

class TestQuantSimd : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QString names;
        for (KernelPath p : availablePaths())
            names += QLatin1String(kernelPathName(p).data()) + QLatin1Char(' ');
        qInfo("kernel paths on this machine: %s", qPrintable(names));
        if (availablePaths().size() == 1)
            qWarning("no SIMD path available here: only the reference is tested");
    }

    void randomRows_data() {
        QTest::addColumn<int>("type");
        for (GgmlType t : kTypes)
            QTest::newRow(ggmlTypeName(t).data()) << int(t);
    }

    void randomRows() {
        QFETCH(int, type);
        const GgmlType t = GgmlType(type);
        std::mt19937 rng(1234u + uint32_t(type));
        const bool kQuant = ggmlTypeTraits(t).blockSize == 256;
        struct Shape {
            int64_t rows, rowLen;
        };
        const Shape shapes[] = {{1, 256},  {3, 512},  {7, 768},  {17, 256},
                                {5, 1024}, {2, 2816}, {96, 256}, {40, 768}};
        for (const Shape& s : shapes) {
            const auto x = heavyTailedRows(rng, s.rows, s.rowLen);
            const auto importance = randomImportance(rng, s.rowLen);
            compareAllPaths(t, x, s.rowLen, nullptr, "random");
            compareAllPaths(t, x, s.rowLen, importance.data(), "random");
        }
        if (!kQuant) { // 32-value formats also take rows that are not a multiple of 256
            for (int64_t rowLen : {32, 96, 160}) {
                const auto x = heavyTailedRows(rng, 9, rowLen);
                const auto importance = randomImportance(rng, rowLen);
                compareAllPaths(t, x, rowLen, nullptr, "short rows");
                compareAllPaths(t, x, rowLen, importance.data(), "short rows");
            }
        }
    }

    // Codebook searches on values from a few equally spaced magnitudes with equal weights: neighbours at
    // equal distance (ties, which the first listed must win in every lane) and trials sharing keys.
    void tiedRows_data() {
        QTest::addColumn<int>("type");
        for (GgmlType t : {GgmlType::IQ2_XXS, GgmlType::IQ2_XS, GgmlType::IQ2_S, GgmlType::IQ3_XXS,
                           GgmlType::IQ3_S})
            QTest::newRow(ggmlTypeName(t).data()) << int(t);
    }

    void tiedRows() {
        QFETCH(int, type);
        const GgmlType t = GgmlType(type);
        std::mt19937 rng(77u + uint32_t(type));
        std::uniform_int_distribution<int> level(0, 7), sign(0, 1);
        const int64_t rows = 24, rowLen = 512;
        std::vector<float> x(size_t(rows * rowLen));
        for (size_t i = 0; i < x.size(); ++i) {
            const int spread = 2 + int(i / 32 % 6); // 2..7 magnitudes per 32-group
            x[i] = float(level(rng) % spread) * (sign(rng) ? 0.25f : -0.25f);
        }
        const std::vector<float> ones(size_t(rowLen), 1.f);
        compareAllPaths(t, x, rowLen, nullptr, "tied");
        compareAllPaths(t, x, rowLen, ones.data(), "tied");
    }

    void realRows_data() { randomRows_data(); }

    void realRows() {
        QFETCH(int, type);
        const GgmlType t = GgmlType(type);
        auto file = gguf::GgufFile::open(test::sharedModel());
        QVERIFY(file.ok());
        auto imatrix = loadImatrix(test::sharedPath("reference/imatrix-books-calibration.dat"));
        QVERIFY(imatrix.ok());
        for (const char* name : {"blk.2.attn_v.weight", "blk.4.ffn_down.weight", "blk.5.ffn_up.weight"}) {
            const gguf::TensorInfo* info = file->findTensor(name);
            QVERIFY(info);
            const int64_t rowLen = int64_t(info->rowLength());
            const int64_t rows = std::min<int64_t>(int64_t(info->rowCount()), 61);
            std::vector<float> x(size_t(rows * rowLen));
            dequantizeRow(info->type, file->tensorData(*info).data(), x.data(), rows * rowLen);
            const auto importance = imatrix->importance(*imatrix->find(name));
            compareAllPaths(t, x, rowLen, nullptr, name);
            compareAllPaths(t, x, rowLen, importance.data(), name);
        }
    }
};

QTEST_GUILESS_MAIN(TestQuantSimd)
#include "test_quant_simd.moc"
