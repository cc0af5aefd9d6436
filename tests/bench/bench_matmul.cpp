// Speed of the forward pass's matrix products on the weight shapes of one layer of a 1.1B llama (the
// TinyLlama shape: hidden 2048, FFN 5632, 4 KV heads of 64), per weight type, for a prompt chunk of many
// tokens and for one token at a time (generation). Prints milliseconds per layer and the tokens per second
// that 22 such layers would allow (attention scores, norms and the output matrix left out).
//
// "int prompt" is the integer GEMM of K-quant weights with Q8_K activations (quantizedGemm(), what
// ggmlMatmul() takes for a chunk; "-" for types without one). "matvec tok/s" is the fused matrix-vector path for one token, which matmul() takes up to
// kMatVecMaxTokens tokens; "gen" is what matmul() does for one token; "int gen" is generation's integer dot
// products (quantizedMatvec(), what the model takes for up to kMatVecMaxTokens tokens; "nan" without one).
// --threshold instead prints, for 1 to 24
// tokens, milliseconds per layer of the GEMM and of the matrix-vector path, to choose kMatVecMaxTokens.
//
//   bench_matmul [--types Q4_0,Q4_K,...] [--threads N] [--tokens N] [--seconds S] [--threshold]
//                [--path reference|avx2|avx512]
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "qf/eval/matmul.h"
#include "qf/parallel.h"
#include "qf/quant/kernels.h"

using namespace qf;
using namespace qf::eval;

namespace {

constexpr int kLayers = 22;

struct Shape {
    int64_t rows, cols;
};
// q, k, v, o, gate, up, down
constexpr Shape kLayerShapes[] = {{2048, 2048}, {256, 2048},  {256, 2048}, {2048, 2048},
                                  {5632, 2048}, {5632, 2048}, {2048, 5632}};

struct Weights {
    std::vector<uint8_t> bytes;
    RowMatrix matrix;
};

Weights makeWeights(GgmlType type, Shape s, uint32_t seed, unsigned threads) {
    std::mt19937 rng(seed);
    std::normal_distribution<float> dist(0.0f, 0.02f);
    std::vector<float> values(size_t(s.rows * s.cols));
    for (float& v : values)
        v = dist(rng);
    Weights w;
    const uint64_t rowBytes = ggmlRowBytes(type, uint64_t(s.cols));
    w.bytes.resize(rowBytes * uint64_t(s.rows));
    constexpr int64_t kRowsPerItem = 64;
    parallelFor((s.rows + kRowsPerItem - 1) / kRowsPerItem, threads, [&](int64_t item) {
        const int64_t r0 = item * kRowsPerItem, n = std::min(kRowsPerItem, s.rows - r0);
        quant::quantizeRows(type, values.data() + r0 * s.cols, w.bytes.data() + uint64_t(r0) * rowBytes, n,
                            s.cols, nullptr);
    });
    w.matrix = {type, w.bytes.data(), rowBytes, s.rows, s.cols};
    return w;
}

double secondsSince(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// Seconds for one pass of all the layer's products with `tokens` tokens (best of repeated passes).
using Product = void (*)(KernelPath, const RowMatrix&, const float*, int64_t, int64_t, float*, int64_t,
                         unsigned);

double layerSeconds(Product product, KernelPath path, const std::vector<Weights>& layer, int64_t tokens,
                    unsigned threads, double budget) {
    std::mt19937 rng(7);
    std::normal_distribution<float> dist(0.0f, 1.0f);
    std::vector<float> x(size_t(tokens * 5632)), y(size_t(tokens * 5632));
    for (float& v : x)
        v = dist(rng);
    double best = 1e30;
    const auto start = std::chrono::steady_clock::now();
    do {
        const auto t0 = std::chrono::steady_clock::now();
        for (const Weights& w : layer)
            product(path, w.matrix, x.data(), w.matrix.cols, tokens, y.data(), w.matrix.rows, threads);
        best = std::min(best, secondsSince(t0));
    } while (secondsSince(start) < budget);
    return best;
}

void integerGemm(KernelPath path, const RowMatrix& w, const float* x, int64_t ldx, int64_t tokens, float* y,
                 int64_t ldy, unsigned threads) {
    quantizedGemm(path, w, x, ldx, tokens, y, ldy, threads);
}

// Generation's integer product (quantizedMatvec(), what ggmlMatmul() takes for up to kMatVecMaxTokens tokens).
void integerMatvec(KernelPath path, const RowMatrix& w, const float* x, int64_t ldx, int64_t tokens, float* y,
                   int64_t ldy, unsigned threads) {
    thread_local std::vector<float> scratch;
    quantizedMatvec(path, w, x, ldx, tokens, y, ldy, threads, scratch);
}

std::vector<std::string> split(const std::string& s) {
    std::vector<std::string> out;
    size_t p = 0;
    while (p <= s.size()) {
        const size_t q = std::min(s.find(',', p), s.size());
        if (q > p) out.push_back(s.substr(p, q - p));
        p = q + 1;
    }
    return out;
}

} // namespace

int main(int argc, char** argv) {
    std::string types = "F16,Q8_0,Q4_0,Q4_1,Q5_0,Q5_1,Q2_K,Q3_K,Q4_K,Q5_K,Q6_K,IQ4_NL,IQ4_XS";
    unsigned threads = 2;
    int64_t promptTokens = 128;
    double seconds = 2.0;
    KernelPath path = activeMatmulPath();
    bool threshold = false;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const bool hasValue = i + 1 < argc;
        if (a == "--types" && hasValue)
            types = argv[++i];
        else if (a == "--threads" && hasValue)
            threads = unsigned(std::stoi(argv[++i]));
        else if (a == "--tokens" && hasValue)
            promptTokens = std::stoll(argv[++i]);
        else if (a == "--seconds" && hasValue)
            seconds = std::stod(argv[++i]);
        else if (a == "--threshold")
            threshold = true;
        else if (a == "--path" && hasValue) {
            const std::string p = argv[++i];
            path = p == "reference" ? KernelPath::Reference
                   : p == "avx2"    ? KernelPath::Avx2
                   : p == "avx512"  ? KernelPath::Avx512
                                    : KernelPath::Neon;
        } else {
            std::fprintf(stderr, "usage: bench_matmul [--types A,B] [--threads N] [--tokens N] [--seconds S] "
                                 "[--threshold] [--path reference|avx2|avx512|neon]\n");
            return 2;
        }
    }
    fmt::print("path {}, {} threads, prompt chunk of {} tokens, {} layers of 2048/5632\n",
               quant::kernelPathName(path), threads, promptTokens, kLayers);
    fmt::print("{:<8} {:>12} {:>12} {:>12} {:>12} {:>12} {:>14} {:>12}\n", "type", "prompt ms/L", "prompt tok/s",
               "int prompt", "gen ms/L", "gen tok/s", "matvec tok/s", "int gen");
    for (const std::string& name : split(types)) {
        const auto type = ggmlTypeFromName(name);
        if (!type || !quant::canQuantize(*type)) {
            fmt::print("{:<8} unknown or not quantizable\n", name);
            continue;
        }
        std::vector<Weights> layer;
        uint32_t seed = 1;
        for (Shape s : kLayerShapes)
            layer.push_back(makeWeights(*type, s, seed++, threads));
        if (threshold) {
            fmt::print("{:<8}", name);
            for (int64_t tokens : {1, 2, 4, 8, 12, 16, 24})
                fmt::print(" {}:{:.1f}/{:.1f}", tokens,
                           layerSeconds(gemm, path, layer, tokens, threads, seconds) * 1e3,
                           layerSeconds(matvec, path, layer, tokens, threads, seconds) * 1e3);
            fmt::print("  (tokens: gemm/matvec ms per layer)\n");
            std::fflush(stdout);
            continue;
        }
        const double prompt = layerSeconds(matmul, path, layer, promptTokens, threads, seconds);
        const double integer = hasQuantizedGemm(path, *type)
                                   ? layerSeconds(integerGemm, path, layer, promptTokens, threads, seconds)
                                   : std::nan("");
        const double gen = layerSeconds(matmul, path, layer, 1, threads, seconds);
        // The matrix-vector path alone (matmul() takes it up to kMatVecMaxTokens tokens).
        const double fused = layerSeconds(matvec, path, layer, 1, threads, seconds);
        const double integerGen = hasQuantizedDot(path, *type)
                                      ? layerSeconds(integerMatvec, path, layer, 1, threads, seconds)
                                      : std::nan("");
        fmt::print("{:<8} {:>12.2f} {:>12.1f} {:>12.1f} {:>12.3f} {:>12.2f} {:>14.2f} {:>12.2f}\n", name, prompt * 1e3,
                   double(promptTokens) / (prompt * kLayers), double(promptTokens) / (integer * kLayers), gen * 1e3, 1.0 / (gen * kLayers),
                   1.0 / (fused * kLayers), 1.0 / (integerGen * kLayers));
        std::fflush(stdout);
    }
    return 0;
}
