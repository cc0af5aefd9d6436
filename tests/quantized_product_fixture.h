#pragma once
// Shared by the integer product tests (test_quantized_dot, test_quantized_gemm): a weight matrix quantized
// to a type, its dequantized values, activations with an all-zero block and what roundActivations() makes of
// them, and the check of a product against the double-precision one of those two.
#include <cmath>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include <QString>

#include "qf/eval/matmul.h"
#include "qf/quant/kernels.h"

namespace qf::test {

inline std::vector<float> randomValues(size_t n, uint32_t seed, float scale) {
    std::mt19937 rng(seed);
    std::student_t_distribution<float> dist(4.0f); // heavy tails, as real weights and activations have
    std::vector<float> v(n);
    for (float& x : v)
        x = scale * dist(rng);
    return v;
}

struct QuantizedProductCase {
    GgmlType type;
    int64_t rows = 37, cols = 1024, tokens, ldx = 1030, ldy = 41;
    uint64_t rowBytes = 0;
    std::vector<uint8_t> bytes;
    std::vector<float> w;       // the weights as stored, dequantized
    std::vector<float> x;       // tokens rows of ldx
    std::vector<float> rounded; // x as ggml rounds it for the type's dot product, tokens rows of cols

    QuantizedProductCase(GgmlType t, int64_t tokenCount) : type(t), tokens(tokenCount) {
        const std::vector<float> values = randomValues(size_t(rows * cols), 7, 0.02f);
        rowBytes = ggmlRowBytes(t, uint64_t(cols));
        bytes.resize(rowBytes * uint64_t(rows));
        quant::quantizeRows(quant::KernelPath::Reference, t, values.data(), bytes.data(), rows, cols, nullptr);
        w.resize(values.size());
        for (int64_t r = 0; r < rows; ++r)
            quant::dequantizeRow(t, bytes.data() + uint64_t(r) * rowBytes, w.data() + r * cols, cols);
        x = randomValues(size_t(tokens * ldx), 11, 1.0f);
        std::fill(x.begin() + 3 * ldx, x.begin() + 3 * ldx + 256, 0.0f); // an all-zero activation block
        rounded.resize(size_t(tokens * cols));
        eval::roundActivations(t, x.data(), ldx, tokens, cols, rounded.data(), cols);
    }
    eval::RowMatrix matrix() const { return {type, bytes.data(), rowBytes, rows, cols}; }

    // The first output (tokens × rows at stride ldy) farther from the exact product than float summation
    // explains, described; empty when there is none.
    QString firstInexact(const std::vector<float>& y, const std::string& pathName) const {
        for (int64_t k = 0; k < tokens; ++k)
            for (int64_t r = 0; r < rows; ++r) {
                double exact = 0.0, magnitude = 0.0;
                for (int64_t c = 0; c < cols; ++c) {
                    const double p = double(w[size_t(r * cols + c)]) * rounded[size_t(k * cols + c)];
                    exact += p;
                    magnitude += std::fabs(p);
                }
                const double err = std::fabs(double(y[size_t(k * ldy + r)]) - exact);
                if (!(err <= 1e-5 * magnitude + 1e-30))
                    return QStringLiteral("%1 token %2 row %3: %4 vs %5")
                        .arg(QString::fromStdString(pathName))
                        .arg(k)
                        .arg(r)
                        .arg(y[size_t(k * ldy + r)])
                        .arg(exact);
            }
        return {};
    }
};

} // namespace qf::test
