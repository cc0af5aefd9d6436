// What our importance matrix buys, beside llama-imatrix's: quantizes the shared model with each imatrix
// (ours, computed here from books-calibration at -c 256, and the reference .dat) and measures the KL
// divergence of both against the F16 model on books-eval at -c 256, as the reference logs were made.
//   bench_imatrix_kld [--presets Q4_K_M,Q3_K_S,...] [--chunks N] [--threads N]
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "qf/eval/imatrix_compute.h"
#include "qf/eval/kld.h"
#include "qf/gguf/gguf_file.h"
#include "qf/quant/imatrix.h"
#include "qf/quant/plan.h"
#include "qf/quant/preset.h"
#include "qf/quant/quantize_job.h"

using namespace qf;
namespace fs = std::filesystem;

namespace {

fs::path sharedDir() {
    if (const char* env = std::getenv("QF_SHARED_DIR")) return env;
    return QF_SHARED_DIR;
}

// "Mean    KLD:   0.001791 ±   0.000012" from a llama-perplexity log; 0 if absent.
double referenceKld(const fs::path& log) {
    std::ifstream f(log);
    std::string line;
    while (std::getline(f, line))
        if (line.starts_with("Mean    KLD:")) return std::atof(line.c_str() + 12);
    return 0.0;
}

Result<double> quantizeAndMeasure(const gguf::GgufFile& source, const eval::LlamaModel& base,
                                  const std::string& text, const char* preset, const quant::Imatrix* imatrix,
                                  const fs::path& out, const eval::KldParams& kldParams) {
    quant::PlanOptions options;
    options.imatrix = imatrix;
    auto plan =
        quant::makeQuantPlan(source.metadata(), source.tensors(), *quant::findPreset(preset), options);
    if (!plan) return plan.error();
    quant::QuantizeParams qp;
    qp.source = &source;
    qp.threads = kldParams.threads;
    qp.outputs = {{*plan, out}};
    if (auto r = quant::quantize(qp); !r) return r.error();
    auto model = eval::LlamaModel::open(out);
    if (!model) return model.error();
    auto kld = eval::computeKld(**model, base, text, kldParams);
    if (!kld) return kld.error();
    return kld->summary.meanKld.value;
}

} // namespace

int main(int argc, char** argv) {
    std::vector<std::string> presets = {"Q4_K_M", "Q3_K_S", "Q2_K", "IQ4_XS"};
    int chunks = -1;
    unsigned threads = 2;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const std::string v = i + 1 < argc ? argv[i + 1] : "";
        if (a == "--presets") {
            presets.clear();
            std::stringstream s(v);
            for (std::string p; std::getline(s, p, ',');)
                presets.push_back(p);
            ++i;
        } else if (a == "--chunks") {
            chunks = std::atoi(v.c_str());
            ++i;
        } else if (a == "--threads") {
            threads = unsigned(std::atoi(v.c_str()));
            ++i;
        }
    }
    const fs::path shared = sharedDir();
    const fs::path modelPath = shared / "models/qf-books-22m-f16.gguf";
    auto source = gguf::GgufFile::open(modelPath);
    auto base = eval::LlamaModel::open(modelPath);
    auto calibration = eval::readCalibrationText(shared / "data/books-calibration.txt");
    auto evalText = eval::readCalibrationText(shared / "data/books-eval.txt");
    auto reference = quant::loadImatrix(shared / "reference/imatrix-books-calibration.dat");
    if (!source || !base || !calibration || !evalText || !reference) {
        fmt::print(stderr, "cannot open the shared files\n");
        return 1;
    }
    const fs::path work = fs::temp_directory_path() / "qf-bench-imatrix-kld";
    fs::create_directories(work);

    eval::ImatrixParams ip;
    ip.context = 256;
    ip.threads = threads;
    auto computed = eval::computeImatrix(**base, *calibration, ip);
    if (!computed) {
        fmt::print(stderr, "imatrix: {}\n", computed.error().message);
        return 1;
    }
    auto ours = computed->toImatrix(quant::ImatrixFormat::Legacy, "books-calibration.txt");
    if (!ours) return 1;
    fmt::print("imatrix: {} chunks, PPL {:.4f}, {:.1f} s, {:.0f} tokens/s\n", computed->chunks,
               computed->perplexity, computed->seconds, computed->tokensPerSecond);

    eval::KldParams kp;
    kp.context = 256;
    kp.maxChunks = chunks;
    kp.threads = threads;
    kp.cacheFolder = work;
    fmt::print("{:<8} {:>12} {:>12} {:>10} {:>14} {:>14}\n", "preset", "KLD ours", "KLD ref-imat", "diff %",
               "llama.cpp log", "no-imat log");
    for (const std::string& preset : presets) {
        if (!quant::findPreset(preset)) continue;
        auto a =
            quantizeAndMeasure(*source, **base, *evalText, preset.c_str(), &*ours, work / "ours.gguf", kp);
        auto b = quantizeAndMeasure(*source, **base, *evalText, preset.c_str(), &*reference,
                                    work / "ref.gguf", kp);
        if (!a || !b) {
            fmt::print(stderr, "{}: {}\n", preset, !a ? a.error().message : b.error().message);
            continue;
        }
        fmt::print("{:<8} {:>12.6f} {:>12.6f} {:>+10.2f} {:>14.6f} {:>14.6f}\n", preset, *a, *b,
                   (*a / *b - 1) * 100, referenceKld(shared / ("reference/kld-" + preset + "-imatrix.log")),
                   referenceKld(shared / ("reference/kld-" + preset + ".log")));
        std::fflush(stdout);
    }
    fs::remove_all(work);
    return 0;
}
