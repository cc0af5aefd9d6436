// The budget mix against llama.cpp's presets (issue 16), measured: on the shared model, sensitivity from
// books-calibration.txt, then at the exact file size of each target preset the mix is solved, produced and
// its KL divergence measured on books-eval.txt at -c 256 (all 301 chunks), beside the preset's and the
// best preset's at or below that size, every file made with the same importance matrix.
//   bench_mix [--targets Q2_K,Q3_K_M,...] [--chunks N] [--sens-chunks N] [--probe T,T] [--threads N]
//             [--presets P,P,...]  (compare only with these presets besides the targets; default: every
//             preset up to the largest target's size)
//             [--keep DIR]   (keep the files, the caches and the recipes there)
//             [--llamacpp-rounding 0|1]  (sensitivity with llama.cpp's activation rounding; default 0)
//             [--help]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "qf/eval/imatrix_compute.h"
#include "qf/eval/kld.h"
#include "qf/eval/llama_model.h"
#include "qf/gguf/gguf_file.h"
#include "qf/mix/mix_plan.h"
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

std::vector<std::string> split(const std::string& list) {
    std::vector<std::string> out;
    std::stringstream s(list);
    for (std::string p; std::getline(s, p, ',');)
        if (!p.empty()) out.push_back(p);
    return out;
}

Result<double> produceAndMeasure(const gguf::GgufFile& source, const eval::LlamaModel& base,
                                 const std::string& text, const quant::QuantPlan& plan, const fs::path& out,
                                 const eval::KldParams& kp, uint64_t* bytes) {
    quant::QuantizeParams qp;
    qp.source = &source;
    qp.threads = kp.threads;
    qp.outputs = {{plan, out}};
    auto written = quant::quantize(qp);
    if (!written) return written.error();
    *bytes = written->files.front().bytes;
    auto model = eval::LlamaModel::open(out);
    if (!model) return model.error();
    auto kld = eval::computeKld(**model, base, text, kp);
    if (!kld) return kld.error();
    return kld->summary.meanKld.value;
}

} // namespace

int main(int argc, char** argv) {
    std::vector<std::string> targets = {"Q2_K", "Q3_K_M", "Q4_K_M", "IQ2_M", "IQ3_XXS"};
    int chunks = -1;
    int sensChunks = 8;
    unsigned threads = 2;
    std::vector<GgmlType> probes;
    std::vector<std::string> compared;
    fs::path keep;
    bool rounding = false;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--help" || a == "-h") {
            std::fputs("bench_mix [--targets Q2_K,Q3_K_M,...] [--chunks N] [--sens-chunks N] [--probe T,T]\n"
                       "          [--threads N] [--presets P,P,...] [--keep DIR] [--llamacpp-rounding 0|1]\n"
                       "Solves, produces and measures the budget mix at the size of each target preset on the\n"
                       "shared model (calibration: books-calibration.txt; evaluation: books-eval.txt, c256).\n"
                       "  --chunks N         evaluation chunks (default: all 301)\n"
                       "  --sens-chunks N    sensitivity chunks (default: the library's, 8)\n"
                       "  --presets P,...    compare only with these presets besides the targets\n"
                       "                     (default: every preset up to the largest target's size)\n"
                       "  --keep DIR         keep files, caches and recipes in DIR\n",
                       stdout);
            return 0;
        }
        if (a.rfind("--", 0) == 0 && i + 1 >= argc) {
            std::fprintf(stderr, "%s needs a value (see --help)\n", a.c_str());
            return 2;
        }
    }
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i], v = argv[i + 1];
        if (a == "--targets") targets = split(v);
        else if (a == "--chunks") chunks = std::atoi(v.c_str());
        else if (a == "--sens-chunks") sensChunks = std::atoi(v.c_str());
        else if (a == "--threads") threads = unsigned(std::atoi(v.c_str()));
        else if (a == "--keep") keep = v;
        else if (a == "--llamacpp-rounding") rounding = v == "1";
        else if (a == "--presets") compared = split(v);
        else if (a == "--probe") {
            for (const auto& name : split(v))
                if (auto t = ggmlTypeFromName(name)) probes.push_back(*t);
        } else {
            std::fprintf(stderr, "unknown option %s (see --help)\n", a.c_str());
            return 2;
        }
    }
    const fs::path shared = sharedDir();
    const fs::path modelPath = shared / "models/qf-books-22m-f16.gguf";
    auto source = gguf::GgufFile::open(modelPath);
    auto base = eval::LlamaModel::open(modelPath);
    auto calibration = eval::readCalibrationText(shared / "data/books-calibration.txt");
    auto evalText = eval::readCalibrationText(shared / "data/books-eval.txt");
    auto imatrix = quant::loadImatrix(shared / "reference/imatrix-books-calibration.dat");
    if (!source || !base || !calibration || !evalText || !imatrix) {
        fmt::print(stderr, "cannot open the shared files\n");
        return 1;
    }
    const fs::path work = keep.empty() ? fs::temp_directory_path() / "qf-bench-mix" : keep;
    fs::create_directories(work);

    // Sensitivity (calibration text only).
    mix::SensitivityParams sp;
    sp.context = 256;
    sp.chunks = sensChunks;
    sp.threads = threads;
    sp.imatrix = &*imatrix;
    sp.cacheFolder = work;
    sp.probeTypes = probes;
    sp.llamaCppRounding = rounding;
    auto table = mix::measureSensitivity(**base, *calibration, sp);
    if (!table) {
        fmt::print(stderr, "sensitivity: {}\n", table.error().message);
        return 1;
    }
    fmt::print("sensitivity: {} tensors x {} types, {} chunks x {} scored tokens, {:.1f} s{}\n",
               table->tensors.size(), table->candidates.size(), table->chunks, table->scoredTokens / table->chunks,
               table->seconds, table->fromCache ? " (from cache)" : "");

    // Every preset that can be made with the imatrix, by size.
    quant::PlanOptions presetOptions;
    presetOptions.imatrix = &*imatrix;
    std::map<std::string, quant::QuantPlan> presetPlans;
    for (const quant::Preset& p : quant::allPresets()) {
        if (!ggmlTypeTraits(p.baseType).quantized) continue;
        auto plan = quant::makeQuantPlan(source->metadata(), source->tensors(), p, presetOptions);
        if (!plan) continue;
        presetPlans.emplace(std::string(p.name), std::move(*plan));
    }
    for (const auto& t : targets) {
        auto it = presetPlans.find(t);
        if (it == presetPlans.end()) {
            fmt::print(stderr, "unknown or unavailable target preset {}\n", t);
            return 1;
        }
    }

    eval::KldParams kp;
    kp.context = 256;
    kp.maxChunks = chunks;
    kp.threads = threads;
    kp.cacheFolder = work;
    std::map<std::string, double> presetKld;
    std::map<std::string, uint64_t> presetBytes;
    // Measures the presets (the compared ones and the targets) of at most `size` bytes not measured yet.
    auto measurePresetsUpTo = [&](uint64_t size) -> bool {
        for (const auto& [name, plan] : presetPlans) {
            if (plan.fileBytes > size || presetKld.count(name)) continue;
            if (!compared.empty() && std::find(compared.begin(), compared.end(), name) == compared.end() &&
                std::find(targets.begin(), targets.end(), name) == targets.end())
                continue;
            uint64_t bytes = 0;
            auto kld = produceAndMeasure(*source, **base, *evalText, plan, work / "preset.gguf", kp, &bytes);
            if (!kld) {
                fmt::print(stderr, "{}: {}\n", name, kld.error().message);
                return false;
            }
            presetKld[name] = *kld;
            presetBytes[name] = bytes;
            fmt::print("preset {:<8} {:>10} bytes  KLD {:.6f}\n", name, bytes, *kld);
            std::fflush(stdout);
        }
        return true;
    };

    fmt::print("{:<8} {:>10} {:>10} {:>7} {:>10} {:>17} {:>10} {:>10} {:>7}  {}\n", "target", "size", "mix size",
               "diff %", "preset KLD", "best <= size", "mix KLD", "predicted", "gain %", "verdict");
    int failures = 0;
    for (const auto& target : targets) {
        if (!measurePresetsUpTo(presetPlans.at(target).fileBytes)) return 1;
        const uint64_t size = presetBytes[target];
        std::string bestName;
        double best = 1e30;
        for (const auto& [name, kld] : presetKld)
            if (presetBytes[name] <= size && kld < best) {
                best = kld;
                bestName = name;
            }
        mix::MixRequest request;
        request.budgetBytes = size;
        request.imatrix = &*imatrix;
        request.imatrixLabel = "imatrix-books-calibration.dat";
        auto mixed = mix::planMix(source->metadata(), source->tensors(), *table, request);
        if (!mixed) {
            fmt::print(stderr, "{}: {}\n", target, mixed.error().message);
            return 1;
        }
        const fs::path out = work / fmt::format("mix-{}.gguf", target);
        uint64_t bytes = 0;
        auto kld = produceAndMeasure(*source, **base, *evalText, mixed->plan, out, kp, &bytes);
        if (!kld) {
            fmt::print(stderr, "{} mix: {}\n", target, kld.error().message);
            return 1;
        }
        if (!keep.empty()) {
            std::FILE* f = std::fopen((work / fmt::format("mix-{}.recipe.txt", target)).c_str(), "w");
            if (f) {
                const std::string recipe = mix::recipeText(mixed->plan);
                std::fwrite(recipe.data(), 1, recipe.size(), f);
                std::fclose(f);
            }
        }
        const double sizeDiff = (double(bytes) / double(size) - 1) * 100;
        const double gain = (1 - *kld / presetKld[target]) * 100;
        const bool ok = std::abs(sizeDiff) <= 0.5 && gain >= 10.0 && *kld <= best && bytes == mixed->plan.fileBytes;
        failures += ok ? 0 : 1;
        fmt::print("{:<8} {:>10} {:>10} {:>+7.3f} {:>10.6f} {:>8} {:.6f} {:>10.6f} {:>10.6f} {:>7.1f}  {}\n", target,
                   size, bytes, sizeDiff, presetKld[target], bestName, best, *kld, mixed->predictedKld, gain,
                   ok ? "ok" : "FAIL");
        std::fflush(stdout);
    }
    if (keep.empty()) fs::remove_all(work);
    fmt::print("targets met: {} of {}\n", int(targets.size()) - failures, int(targets.size()));
    return failures ? 1 : 0;
}
