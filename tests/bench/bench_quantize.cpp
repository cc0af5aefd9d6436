// Quantization speed against the anchors: llama.cpp's llama-quantize with 2 threads on the
// synthetic 1.1B llama-shaped F16 model, on this 2-core machine kind. Prints seconds per preset and the
// speed-up over the anchor; with --llama-quantize PATH it also times that program on the same file in the
// same run, which is the comparison that counts (the anchors are from another run).
//
//   bench_quantize [--model FILE] [--threads N] [--types Q8_0,Q4_K_M,...] [--out-dir DIR]
//                  [--llama-quantize PATH] [--imatrix FILE] [--repeat N] [--compare] [--multi]
// Without --model, a synthetic 1.1B model is written to the output folder first (about 2.2 GB).
// Each of our runs is a child process, so its peak resident memory is measured alone (wait4's maxrss),
// and so is llama-quantize's. --repeat N runs every preset N times, ours and llama-quantize's interleaved
// (which goes first alternates), and prints medians: other work on the machine slows both alike.
// --imatrix gives both tools the same importance matrix (GGUF or .dat). --compare checks the first
// run's outputs tensor by tensor (type and sha256): the count of identical tensors is printed.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <functional>
#include <map>
#include <spawn.h>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "qf/gguf/gguf_file.h"
#include "qf/parallel.h"
#include "qf/quant/imatrix.h"
#include "qf/quant/kernels.h"
#include "qf/quant/plan.h"
#include "qf/quant/quantize_job.h"
#include "qf/sha256.h"
#include "qf/synthetic_model.h"

namespace fs = std::filesystem;
using namespace qf;

namespace {

// Seconds llama-quantize took on the synthetic 1.1B model, 2 threads (issue "Quantization core").
const std::map<std::string, double> kAnchorSeconds = {{"Q8_0", 8.9},  {"Q4_0", 6.2},  {"Q6_K", 35},
                                                      {"Q4_K_M", 42}, {"Q3_K_M", 36}, {"Q2_K", 46},
                                                      {"Q5_K_M", 58}, {"IQ4_XS", 187}};

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

// Wall seconds and peak resident memory of one child process.
struct ChildRun {
    bool ok = false;
    double seconds = 0;
    double cpuSeconds = 0;
    double maxRssMb = 0;
};

ChildRun waitChild(pid_t pid, std::chrono::steady_clock::time_point t0) {
    ChildRun run;
    int status = 0;
    rusage usage{};
    if (pid <= 0 || wait4(pid, &status, 0, &usage) != pid) return run;
    run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    run.ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    run.cpuSeconds = double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                     double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
    run.maxRssMb = double(usage.ru_maxrss) / 1024.0; // KiB on Linux
    return run;
}

// Runs fn in a forked child (exit status 0 when it returns true).
ChildRun inChild(const std::function<bool()>& fn) {
    std::fflush(stdout);
    const auto t0 = std::chrono::steady_clock::now();
    const pid_t pid = fork();
    if (pid == 0) _exit(fn() ? 0 : 1);
    return waitChild(pid, t0);
}

// Runs a program with its output sent to /dev/null.
ChildRun program(const std::vector<std::string>& argv) {
    std::vector<char*> args;
    for (const auto& a : argv)
        args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    std::fflush(stdout);
    const auto t0 = std::chrono::steady_clock::now();
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) return {};
    return waitChild(pid, t0);
}

double median(std::vector<double> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

// Tensors of `ours` whose type and bytes equal the same-named tensor of `theirs`, and the tensor count.
std::pair<size_t, size_t> identicalTensors(const fs::path& ours, const fs::path& theirs) {
    auto a = gguf::GgufFile::open(ours);
    auto b = gguf::GgufFile::open(theirs);
    if (!a || !b) return {0, 0};
    size_t same = 0;
    for (const auto& t : b->tensors()) {
        const auto* mine = a->findTensor(t.name);
        if (mine && mine->type == t.type && sha256Hex(a->tensorData(*mine)) == sha256Hex(b->tensorData(t)))
            ++same;
    }
    return {same, std::max(a->tensors().size(), b->tensors().size())};
}

double secondsOf(const std::function<bool()>& fn, bool& ok) {
    const auto t0 = std::chrono::steady_clock::now();
    ok = fn();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

} // namespace

int main(int argc, char** argv) {
    std::string model, outDir = fs::temp_directory_path().string() + "/quantforge-bench", llamaQuantize,
                       imatrixPath;
    std::string types = "Q8_0,Q4_0,Q6_K,Q4_K_M,Q3_K_M,Q2_K,Q5_K_M,IQ4_XS";
    unsigned threads = 2;
    int repeat = 1;
    bool multi = false, compare = false;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
        if (a == "--model")
            model = next();
        else if (a == "--threads")
            threads = unsigned(std::atoi(next().c_str()));
        else if (a == "--types")
            types = next();
        else if (a == "--out-dir")
            outDir = next();
        else if (a == "--llama-quantize")
            llamaQuantize = next();
        else if (a == "--imatrix")
            imatrixPath = next();
        else if (a == "--repeat")
            repeat = std::max(1, std::atoi(next().c_str()));
        else if (a == "--compare")
            compare = true;
        else if (a == "--multi")
            multi = true;
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
    std::optional<quant::Imatrix> imatrix;
    if (!imatrixPath.empty()) {
        auto loaded = quant::loadImatrix(imatrixPath);
        if (!loaded) {
            fmt::print(stderr, "error: {}\n", loaded.error().message);
            return 1;
        }
        imatrix = std::move(*loaded);
    }
    // Read the whole source once first, so that no preset pays for loading it from disk into the page
    // cache (run llama-quantize after this too, for the same reason).
    uint64_t checksum = 0;
    for (const auto& t : source->tensors())
        for (const auto b : source->tensorData(t))
            checksum += b;
    fmt::print("model {} ({:.2f} GB), {} threads, kernels: {}, imatrix: {}, {} run(s) each (source read "
               "once: {:x})\n\n",
               model, double(source->totalFileBytes()) / 1e9, threads,
               quant::kernelPathName(quant::activePath()), imatrixPath.empty() ? "none" : imatrixPath, repeat,
               checksum & 0xffff);
    fmt::print("{:<9} {:>9} {:>8} {:>9} {:>10} {:>9} {:>9} {:>9} {:>9} {:>11}\n", "preset", "ours (s)",
               "cpu (s)", "ours MB", "anchor (s)", "llama (s)", "cpu (s)", "llama MB", "vs llama",
               "identical");

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
        quant::PlanOptions options;
        options.imatrix = imatrix ? &*imatrix : nullptr;
        options.writeProvenance = false;
        auto plan = quant::makeQuantPlan(source->metadata(), source->tensors(), *preset, options);
        if (!plan) {
            fmt::print(stderr, "error: {}\n", plan.error().message);
            return 1;
        }
        const fs::path out = fs::path(outDir) / fmt::format("ours-{}.gguf", name);
        const fs::path theirs = fs::path(outDir) / fmt::format("llama-{}.gguf", name);
        quant::QuantizeParams params;
        params.source = &*source;
        params.threads = threads;
        params.outputs.push_back({*plan, out});
        all.outputs.push_back({std::move(*plan), fs::path(outDir) / fmt::format("multi-{}.gguf", name)});
        std::vector<std::string> llamaArgs{llamaQuantize};
        if (!imatrixPath.empty()) llamaArgs.insert(llamaArgs.end(), {"--imatrix", imatrixPath});
        llamaArgs.insert(llamaArgs.end(), {model, theirs.string(), name, std::to_string(threads)});

        std::vector<double> ourSeconds, ourCpu, ourRss, llamaSeconds, llamaCpu, llamaRss;
        std::string identical = "-";
        for (int r = 0; r < repeat; ++r) {
            auto runOurs = [&] {
                const ChildRun run = inChild([&] { return quant::quantize(params).ok(); });
                if (!run.ok) return false;
                ourSeconds.push_back(run.seconds);
                ourCpu.push_back(run.cpuSeconds);
                ourRss.push_back(run.maxRssMb);
                return true;
            };
            auto runLlama = [&] {
                if (llamaQuantize.empty()) return true;
                const ChildRun run = program(llamaArgs);
                if (!run.ok) return false;
                llamaSeconds.push_back(run.seconds);
                llamaCpu.push_back(run.cpuSeconds);
                llamaRss.push_back(run.maxRssMb);
                return true;
            };
            const bool ok = r % 2 == 0 ? runOurs() && runLlama() : runLlama() && runOurs();
            if (!ok) {
                fmt::print(stderr, "error: {} failed (run {})\n", name, r + 1);
                return 1;
            }
            if (r == 0 && compare && !llamaQuantize.empty()) {
                const auto [same, total] = identicalTensors(out, theirs);
                identical = fmt::format("{}/{}", same, total);
            }
            fs::remove(out);
            fs::remove(theirs);
        }
        const double ours = median(ourSeconds);
        sum += ours;
        std::string anchorText = "-", llamaText = "-", llamaCpuText = "-", llamaRatio = "-", llamaMb = "-";
        if (auto a = kAnchorSeconds.find(name); a != kAnchorSeconds.end())
            anchorText = fmt::format("{:.1f}", a->second);
        if (!llamaSeconds.empty()) {
            llamaText = fmt::format("{:.1f}", median(llamaSeconds));
            llamaCpuText = fmt::format("{:.1f}", median(llamaCpu));
            llamaRatio = fmt::format("{:.2f}x", median(llamaSeconds) / ours);
            llamaMb = fmt::format("{:.0f}", median(llamaRss));
        }
        fmt::print("{:<9} {:>9.2f} {:>8.2f} {:>9.0f} {:>10} {:>9} {:>9} {:>9} {:>9} {:>11}\n", name, ours,
                   median(ourCpu), *std::max_element(ourRss.begin(), ourRss.end()), anchorText, llamaText,
                   llamaCpuText, llamaMb, llamaRatio, identical);
        if (repeat > 1) {
            fmt::print("          ours: {:.2f}", fmt::join(ourSeconds, " "));
            if (!llamaSeconds.empty()) fmt::print("; llama-quantize: {:.1f}", fmt::join(llamaSeconds, " "));
            fmt::print("\n");
        }
        std::fflush(stdout);
    }
    if (multi && all.outputs.size() > 1) {
        bool ok = false;
        const double t = secondsOf([&] { return quant::quantize(all).ok(); }, ok);
        fmt::print("\nall {} presets in one pass: {:.2f} s (separately: {:.2f} s, {:.2f}x)\n",
                   all.outputs.size(), t, sum, sum / t);
        for (const auto& o : all.outputs)
            fs::remove(o.path);
    }
    return 0;
}
