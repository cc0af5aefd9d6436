// Single-threaded speed of every quantization kernel on every kernel path this CPU supports, with and
// without importance weights. Prints input throughput (MB of float32 per second) and the speed-up of
// each SIMD path over the scalar reference, which performs ggml's operations in ggml's order and so
// runs at about llama.cpp's per-thread speed.
//
//   bench_kernels [--model F16.gguf] [--imatrix FILE.dat] [--types Q4_K,IQ4_XS,...] [--seconds S]
//                 [--paths reference,avx2,...]
// Without --model: 2 MB of synthetic heavy-tailed rows of 768 values. Speed-ups need the reference path.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <random>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "qf/cpu_features.h"
#include "qf/gguf/gguf_file.h"
#include "qf/quant/imatrix.h"
#include "qf/quant/kernels.h"

using namespace qf;
using namespace qf::quant;

namespace {

struct Workload {
    std::vector<float> values;
    std::vector<float> importance; // one row's worth
    int64_t rowLen = 768;
};

Workload synthetic() {
    Workload w;
    std::mt19937 rng(42);
    std::student_t_distribution<float> t(3.f);
    std::lognormal_distribution<float> imp(0.f, 1.5f);
    w.values.resize(size_t(w.rowLen) * 683);
    for (auto& v : w.values)
        v = 0.02f * t(rng);
    w.importance.resize(size_t(w.rowLen));
    for (auto& v : w.importance)
        v = imp(rng);
    return w;
}

// The first tensors with 768-value rows (ffn_down) of the model, up to about 4 MB of floats.
bool fromModel(const std::string& model, const std::string& imatrixPath, Workload& w) {
    auto file = gguf::GgufFile::open(model);
    if (!file) {
        fmt::print(stderr, "{}\n", file.error().message);
        return false;
    }
    for (const auto& t : file->tensors()) {
        if (t.shape.size() != 2 || t.rowLength() % 256 != 0 || t.name.find("ffn_down") == std::string::npos)
            continue;
        w.rowLen = int64_t(t.rowLength());
        w.values.resize(t.elementCount());
        dequantizeRow(t.type, file->tensorData(t).data(), w.values.data(), int64_t(w.values.size()));
        w.importance.assign(size_t(w.rowLen), 1.f);
        if (!imatrixPath.empty()) {
            auto im = loadImatrix(imatrixPath);
            if (im)
                if (const auto* e = im->find(t.name)) w.importance = im->importance(*e);
        }
        return true;
    }
    fmt::print(stderr, "{}: no ffn_down tensor\n", model);
    return false;
}

double threadSeconds() {
#if defined(CLOCK_THREAD_CPUTIME_ID)
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
#else
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
#endif
}

double megabytesPerSecond(KernelPath path, GgmlType type, const Workload& w, bool weighted,
                          double minSeconds) {
    const int64_t rows = int64_t(w.values.size()) / w.rowLen;
    std::vector<uint8_t> out(ggmlRowBytes(type, uint64_t(w.rowLen)) * uint64_t(rows));
    const float* importance = weighted ? w.importance.data() : nullptr;
    // Thread CPU time, not wall time: the numbers hold on a machine shared with other work.
    int runs = 0;
    const double start = threadSeconds();
    double elapsed = 0;
    do {
        quantizeRows(path, type, w.values.data(), out.data(), rows, w.rowLen, importance);
        ++runs;
        elapsed = threadSeconds() - start;
    } while (elapsed < minSeconds);
    return double(w.values.size()) * sizeof(float) * runs / elapsed / 1e6;
}

std::vector<std::string> split(const std::string& list) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start < list.size()) {
        const size_t comma = std::min(list.find(',', start), list.size());
        if (comma > start) out.push_back(list.substr(start, comma - start));
        start = comma + 1;
    }
    return out;
}

} // namespace

int main(int argc, char** argv) {
    std::string model, imatrix, types = "Q4_0,Q4_1,Q5_0,Q5_1,Q8_0,Q2_K,Q3_K,Q4_K,Q5_K,Q6_K,IQ4_NL,IQ4_XS";
    std::string pathNames;
    double seconds = 0.5;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string arg = argv[i];
        if (arg == "--model")
            model = argv[i + 1];
        else if (arg == "--imatrix")
            imatrix = argv[i + 1];
        else if (arg == "--types")
            types = argv[i + 1];
        else if (arg == "--seconds")
            seconds = std::atof(argv[i + 1]);
        else if (arg == "--paths")
            pathNames = argv[i + 1];
        else {
            fmt::print(stderr, "unknown option {}\n", arg);
            return 2;
        }
    }
    Workload w;
    if (model.empty())
        w = synthetic();
    else if (!fromModel(model, imatrix, w))
        return 1;

    std::vector<KernelPath> paths;
    for (KernelPath p : availablePaths()) {
        const auto wanted = split(pathNames);
        if (wanted.empty() ||
            std::find(wanted.begin(), wanted.end(), std::string(kernelPathName(p))) != wanted.end())
            paths.push_back(p);
    }
    const bool ratios = !paths.empty() && paths.front() == KernelPath::Reference;
    fmt::print("cpu: {}\nworkload: {} rows of {} values ({:.1f} MB float32), 1 thread\n\n",
               cpuFeatures().describe(), w.values.size() / size_t(w.rowLen), w.rowLen,
               double(w.values.size()) * 4 / 1e6);
    fmt::print("{:<8} {:<9}", "type", "weights");
    for (KernelPath p : paths)
        fmt::print(" {:>10}", fmt::format("{} MB/s", kernelPathName(p)));
    if (ratios)
        for (size_t i = 1; i < paths.size(); ++i)
            fmt::print(" {:>9}", fmt::format("x{}", kernelPathName(paths[i])));
    fmt::print("\n");
    for (const std::string& name : split(types)) {
        const auto type = ggmlTypeFromName(name);
        if (!type || !canQuantize(*type)) {
            fmt::print(stderr, "skipping {}\n", name);
            continue;
        }
        for (bool weighted : {false, true}) {
            fmt::print("{:<8} {:<9}", name, weighted ? "imatrix" : "none");
            std::vector<double> speed;
            for (KernelPath p : paths) {
                speed.push_back(megabytesPerSecond(p, *type, w, weighted, seconds));
                fmt::print(" {:>10.1f}", speed.back());
            }
            if (ratios)
                for (size_t i = 1; i < speed.size(); ++i)
                    fmt::print(" {:>8.2f}x", speed[i] / speed[0]);
            fmt::print("\n");
            std::fflush(stdout);
        }
    }
    return 0;
}
