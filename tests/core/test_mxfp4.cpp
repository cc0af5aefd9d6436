// MXFP4 (ggml type 39): the quantizer and dequantizer give ggml's bytes and values (digests taken from
// llama.cpp v0.5.0's quantize_row_mxfp4_ref / dequantize_row_mxfp4 on the inputs generated below), on
// every kernel path; the forward pass's unpacking gives the same bits on every path; MXFP4 weights
// multiply like their F32 values.
#include <QTest>

#include <cmath>
#include <cstring>
#include <vector>

#include "qf/eval/matmul.h"
#include "qf/eval/mxfp4_unpack.h"
#include "qf/ggml_type.h"
#include "qf/quant/kernels.h"
#include "qf/sha256.h"

using namespace qf;
using namespace qf::quant;

namespace {

// Blocks of zeros, subnormal-range scales, exact powers of two, maxima just below a power of two,
// values halfway between two codes, and ordinary random values over 30 octaves.
std::vector<float> testInput(int n) {
    std::vector<float> x(size_t(n), 0.0f);
    uint32_t s = 12345u;
    for (int i = 0; i < n; ++i) {
        s = s * 1664525u + 1013904223u;
        const int block = i / 32;
        const float u = float(int32_t(s >> 8) - (1 << 23)) / float(1 << 23); // [-1, 1)
        float v;
        switch (block % 8) {
        case 0:
            v = 0.0f;
            break;
        case 1:
            v = std::ldexp(u, (block / 8) % 40 - 130);
            break;
        case 2:
            v = std::ldexp(1.0f, (i % 7) - 3) * (u < 0 ? -1.0f : 1.0f);
            break;
        case 3:
            v = std::nextafter(std::ldexp(1.0f, (block / 8) % 20 - 10), 0.0f) * u;
            break;
        case 4:
            v = std::ldexp(float((i % 25) - 12) * 0.25f, (block / 8) % 6 - 3);
            break;
        default:
            v = u * std::ldexp(1.0f, (block / 8) % 30 - 15);
            break;
        }
        x[size_t(i)] = v;
    }
    x[33] = std::nextafter(8.0f, 0.0f);
    return x;
}

// Blocks with every exponent byte (but 255, which ggml rejects) and assorted codes.
std::vector<uint8_t> testBlocks() {
    std::vector<uint8_t> b(256 * 17);
    for (int i = 0; i < 256; ++i) {
        b[size_t(i) * 17] = uint8_t(i == 255 ? 254 : i);
        for (int j = 1; j < 17; ++j)
            b[size_t(i) * 17 + size_t(j)] = uint8_t(i * 31 + j * 17);
    }
    return b;
}

template <class T> std::string digest(const std::vector<T>& v) {
    return sha256Hex(
        std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(v.data()), v.size() * sizeof(T)));
}

} // namespace

class TestMxfp4 : public QObject {
    Q_OBJECT

private slots:
    void layout() {
        const auto& traits = ggmlTypeTraits(GgmlType::MXFP4);
        QCOMPARE(traits.blockSize, 32u);
        QCOMPARE(traits.blockBytes, 17u);
        QVERIFY(canQuantize(GgmlType::MXFP4));
        QVERIFY(canDequantize(GgmlType::MXFP4));
    }

    void quantizeMatchesGgml() {
        const int n = 32 * 4096;
        const std::vector<float> x = testInput(n);
        for (KernelPath path : availablePaths()) {
            std::vector<uint8_t> bytes(size_t(n / 32 * 17));
            // as rows of 256 and as rows of 32: the same blocks
            QCOMPARE(quantizeRows(path, GgmlType::MXFP4, x.data(), bytes.data(), n / 256, 256, nullptr),
                     bytes.size());
            QCOMPARE(digest(bytes),
                     std::string("5b73663af4089ae4c2c7828e844f4d01a33be498664bf2cbfd44f45b1e229224"));
            // importance weights are ignored, as in ggml
            std::vector<float> importance(256, 0.5f);
            importance[3] = 100.0f;
            std::vector<uint8_t> weighted(bytes.size());
            quantizeRows(path, GgmlType::MXFP4, x.data(), weighted.data(), n / 256, 256, importance.data());
            QCOMPARE(weighted, bytes);
        }
    }

    void dequantizeMatchesGgml() {
        const std::vector<uint8_t> blocks = testBlocks();
        std::vector<float> values(256 * 32);
        dequantizeRow(GgmlType::MXFP4, blocks.data(), values.data(), int64_t(values.size()));
        QCOMPARE(digest(values),
                 std::string("8210fc81034ccc2e9505b5eebbd00577bf2c66dd78f8968ec6680e79e3a67598"));
    }

    void roundTrip() {
        // Values on the grid come back exactly; a zero block stores exponent 0 and +0 codes.
        std::vector<float> x(64, 0.0f);
        const float codes[8] = {0.0f, 0.5f, 1.0f, 1.5f, 2.0f, 3.0f, 4.0f, 6.0f};
        for (int j = 0; j < 32; ++j)
            x[size_t(32 + j)] = codes[j % 8] * (j % 2 ? -0.25f : 0.25f);
        std::vector<uint8_t> bytes(2 * 17);
        quantizeRows(GgmlType::MXFP4, x.data(), bytes.data(), 1, 64, nullptr);
        QCOMPARE(int(bytes[0]), 0);
        for (int j = 1; j < 17; ++j)
            QCOMPARE(int(bytes[size_t(j)]), 0);
        QCOMPARE(int(bytes[17]), 127 - 2 + int(std::floor(std::log2(1.5f)))); // max |x| = 6 * 0.25
        std::vector<float> back(64);
        dequantizeRow(GgmlType::MXFP4, bytes.data(), back.data(), 64);
        for (size_t j = 0; j < 64; ++j)
            QCOMPARE(back[j], x[j] == 0.0f ? 0.0f : x[j]);
    }

    // llama.cpp's CPU backend multiplies MXFP4 weights with Q8_0-rounded activations.
    void activationType() { QCOMPARE(eval::ggmlActivationType(GgmlType::MXFP4), GgmlType::Q8_0); }

    // The forward pass's unpacking: the reference's bits on every path.
    void unpackPaths() {
        const std::vector<uint8_t> blocks = testBlocks();
        const int64_t n = 256 * 32;
        std::vector<float> reference(static_cast<size_t>(n));
        dequantizeRow(GgmlType::MXFP4, blocks.data(), reference.data(), n);
        for (KernelPath path : eval::matmulPaths()) {
            std::vector<float> values(size_t(n), -1.0f);
            eval::unpackMxfp4(path, blocks.data(), values.data(), n);
            QVERIFY2(std::memcmp(values.data(), reference.data(), values.size() * 4) == 0,
                     std::string(kernelPathName(path)).c_str());
        }
    }

    // A product with MXFP4 weights equals the product with their F32 values, for generation (matvec) and
    // prompt (gemm) shapes, on every path.
    void matmulWithMxfp4Weights() {
        const int64_t rows = 48, cols = 256, tokens = 9;
        const std::vector<float> source = testInput(int(rows * cols) + 32 * 8);
        std::vector<float> w(source.begin() + 32 * 8, source.end()); // from the ordinary random blocks on
        std::vector<uint8_t> packed(size_t(rows * cols / 32 * 17));
        quantizeRows(GgmlType::MXFP4, w.data(), packed.data(), rows, cols, nullptr);
        std::vector<float> unpacked(size_t(rows * cols));
        dequantizeRow(GgmlType::MXFP4, packed.data(), unpacked.data(), rows * cols);
        std::vector<float> x(size_t(tokens * cols));
        for (size_t i = 0; i < x.size(); ++i)
            x[i] = float(int(i * 37 % 101) - 50) / 64.0f;
        const eval::RowMatrix mx{GgmlType::MXFP4, packed.data(), ggmlRowBytes(GgmlType::MXFP4, cols), rows,
                                 cols};
        const eval::RowMatrix f32 = eval::RowMatrix::f32(unpacked.data(), rows, cols, cols);
        for (KernelPath path : eval::matmulPaths()) {
            for (int64_t t : {int64_t(1), tokens}) {
                std::vector<float> y1(size_t(t * rows)), y2(size_t(t * rows));
                eval::matmul(path, mx, x.data(), cols, t, y1.data(), rows, 1);
                eval::matmul(path, f32, x.data(), cols, t, y2.data(), rows, 1);
                for (size_t i = 0; i < y1.size(); ++i)
                    QVERIFY2(std::fabs(y1[i] - y2[i]) <= 1e-5f * (1.0f + std::fabs(y2[i])),
                             qPrintable(QStringLiteral("%1 tokens on %2: %3 vs %4")
                                            .arg(t)
                                            .arg(QString::fromStdString(std::string(kernelPathName(path))))
                                            .arg(y1[i])
                                            .arg(y2[i])));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestMxfp4)
#include "test_mxfp4.moc"
