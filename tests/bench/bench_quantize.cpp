// Quantization speed against the anchors: llama.cpp's llama-quantize with 2 threads on the
// synthetic 1.1B llama-shaped F16 model, on this 2-core machine kind. Prints seconds per preset and the
// speed-up over the anchor; with --llama-quantize PATH it also times that program on the same file in the
// same run, which is the comparison that counts (the anchors are from another run).
//
//   bench_quantize [--model FILE] [--threads N] [--types Q8_0,Q4_K_M,...] [--out-dir DIR]
//                  [--llama-quantize PATH] [--multi]
// Without --model, a synthetic 1.1B model is written to the output folder first (about 2.2 GB).
#include <chrono>
#include <sys/resource.h>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "qf/parallel.h"
#include "qf/quant/kernels.h"
#include "qf/quant/plan.h"
#include "qf/quant/quantize_job.h"
#include "qf/synthetic_model.h"

namespace fs = std::filesystem;
using namespace qf;

namespace {

// Seconds llama-quantize took on the synthetic 1.1B model, 2 threads (issue "Quantization core").
const std::map<std::string, double> kAnchorSeconds = {
    {"Q8_0", 8.9}, {"Q4_0", 6.2}, {"Q6_K", 35}, {"Q4_K_M", 42}, {"Q3_K_M", 36}, {"Q2_K", 46}, {"Q5_K_M", 58},
    {"IQ4_XS", 187}};

std::vector<std::string> split(const std::string& s) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= s.size()) {
        const size_t comma = std::min(s.find(',', start), s.size());
        if (comma > start) out.push_back(s.substr(start, comma - start));
        start = comma + 1;
    }
    return out;
}

// CPU seconds (user + system) of this process so far: with other work on the machine, wall time grows but
// this does not, so both are printed.
double cpuSeconds() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

double secondsOf(const std::function<bool()>& fn, bool& ok) {
    const auto t0 = std::chrono::steady_clock::now();
    ok = fn();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

} // namespace

int main(int argc, char** argv) {
    std::string model, outDir = fs::temp_directory_path().string() + "/quantforge-bench", llamaQuantize;
    std::string types = "Q8_0,Q4_0,Q6_K,Q4_K_M,Q3_K_M,Q2_K,Q5_K_M,IQ4_XS";
    unsigned threads = 2;
    bool multi = false;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
        if (a == "--model") model = next();
        else if (a == "--threads") threads = unsigned(std::atoi(next().c_str()));
        else if (a == "--types") types = next();
        else if (a == "--out-dir") outDir = next();
        else if (a == "--llama-quantize") llamaQuantize = next();
        else if (a == "--multi") multi = true;
        else {
            fmt::print(stderr, "unknown argument {}\n", a);
            return 2;
        }
    }
    fs::create_directories(outDir);
    if (model.empty()) {
        model = outDir + "/synthetic-1.1b-f16.gguf";
        if (!fs::exists(model)) {
            fmt::print("writing the synthetic 1.1B model to {} ...\n", model);
            auto w = writeSyntheticLlama(SyntheticLlamaParams::tinyLlama1B(), model);
            if (!w) {
                fmt::print(stderr, "error: {}\n", w.error().message);
                return 1;
            }
        }
    }
    auto source = gguf::GgufFile::open(model);
    if (!source) {
        fmt::print(stderr, "error: {}\n", source.error().message);
        return 1;
    }
    // Read the whole source once first, so that no preset pays for loading it from disk into the page
    // cache (run llama-quantize after this too, for the same reason).
    uint64_t checksum = 0;
    for (const auto& t : source->tensors())
        for (const auto b : source->tensorData(t)) checksum += b;
    fmt::print("model {} ({:.2f} GB), {} threads, kernels: {} (source read once: {:x})\n\n", model, double(source->totalFileBytes()) / 1e9,
               threads, quant::kernelPathName(quant::activePath()), checksum & 0xffff);
    fmt::print("{:<8} {:>10} {:>9} {:>12} {:>10} {:>14} {:>10}\n", "preset", "ours (s)", "cpu (s)", "anchor (s)",
               "vs anchor", "llama.cpp (s)", "vs llama");

    quant::QuantizeParams all;
    all.source = &*source;
    all.threads = threads;
    double sum = 0;
    for (const auto& name : split(types)) {
        const auto* preset = quant::findPreset(name);
        if (!preset) {
            fmt::print(stderr, "unknown preset {}\n", name);
            return 2;
        }
        auto plan = quant::makeQuantPlan(source->metadata(), source->tensors(), *preset);
        if (!plan) {
            fmt::print(stderr, "error: {}\n", plan.error().message);
            return 1;
        }
        const fs::path out = fs::path(outDir) / fmt::format("ours-{}.gguf", name);
        quant::QuantizeParams params;
        params.source = &*source;
        params.threads = threads;
        params.outputs.push_back({*plan, out});
        all.outputs.push_back({std::move(*plan), fs::path(outDir) / fmt::format("multi-{}.gguf", name)});
        bool ok = false;
        std::string error;
        const double cpuBefore = cpuSeconds();
        const double ours = secondsOf([&] {
            auto r = quant::quantize(params);
            if (!r) error = r.error().message;
            return r.ok();
        }, ok);
        if (!ok) {
            fmt::print(stderr, "error: {}\n", error);
            return 1;
        }
        const double cpu = cpuSeconds() - cpuBefore;
        sum += ours;
        std::string anchorText = "-", ratioText = "-", llamaText = "-", llamaRatio = "-";
        if (auto a = kAnchorSeconds.find(name); a != kAnchorSeconds.end()) {
            anchorText = fmt::format("{:.1f}", a->second);
            ratioText = fmt::format("{:.2f}x", a->second / ours);
        }
        if (!llamaQuantize.empty()) {
            const auto theirs = fs::path(outDir) / fmt::format("llama-{}.gguf", name);
            const auto cmd = fmt::format("'{}' '{}' '{}' {} {} > /dev/null 2>&1", llamaQuantize, model, theirs.string(),
                                         name, threads);
            bool llamaOk = false;
            const double t = secondsOf([&] { return std::system(cmd.c_str()) == 0; }, llamaOk);
            if (llamaOk) {
                llamaText = fmt::format("{:.1f}", t);
                llamaRatio = fmt::format("{:.2f}x", t / ours);
            }
            fs::remove(theirs);
        }
        fmt::print("{:<8} {:>10.2f} {:>9.2f} {:>12} {:>10} {:>14} {:>10}\n", name, ours, cpu, anchorText, ratioText,
                   llamaText, llamaRatio);
        std::fflush(stdout);
        fs::remove(out);
    }
    if (multi && all.outputs.size() > 1) {
        bool ok = false;
        const double t = secondsOf([&] { return quant::quantize(all).ok(); }, ok);
        fmt::print("\nall {} presets in one pass: {:.2f} s (separately: {:.2f} s, {:.2f}x)\n", all.outputs.size(), t,
                   sum, sum / t);
        for (const auto& o : all.outputs) fs::remove(o.path);
    }
    return 0;
}
