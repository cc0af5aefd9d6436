// The evaluation engine against llama.cpp, in full:
//  --accuracy (default): perplexity of the shared F16 model over all 301 chunks of books-eval at -c 256,
//      and the KL divergence of the reference Q4_K_M / Q6_K files (and of any --kld FILE), each against
//      ../shared/reference (llama-perplexity's numbers). Limits: PPL 0.1% for F16/Q8_0, 0.5% otherwise;
//      mean KLD 2%. Files of the types llama.cpp v0.5.0 added (name them qf-books-22m-<PRESET>[-imatrix].gguf)
//      are held to ../shared/reference-2026/logs, PPL within 0.05 %.
//  --speed: tokens per second of perplexity at -c 512 on a synthetic 1.1B llama (the TinyLlama shape) in
//      F16 and eight quant types, next to llama-perplexity's on this machine kind where the issue gives it
//      (F16 19.2, Q8_0 23.2, Q4_K_M 17.6 tok/s with 2 threads), and generation tokens per second (64
//      tokens after a short prompt, greedy). The model and its quants are written to --work-dir first
//      (about 8 GB).
//
//      With --llama-cpp DIR (a folder holding llama-perplexity and llama-bench) the same files are run
//      through llama.cpp in the same run, right after ours, so both see the same machine load.
//  --versus DIR: our generation and perplexity against llama.cpp's tools from DIR (llama-bench, llama-perplexity)
//      on each --model FILE, in the same run, interleaved (ours, theirs, ours, ...) --repeat times: tg64 as
//      `llama-bench -n 64 -p 0 -t N` and perplexity at -c 512 over --chunks chunks of books-eval as
//      `llama-perplexity -c 512 --chunks N -t N` (its first pass). Prints the medians, the ratios and the load average (other
//      programs on the machine slow both, llama.cpp's spinning threads more).
//
//   bench_eval [--accuracy] [--speed] [--threads N] [--chunks N] [--work-dir DIR] [--kld FILE]...
//              [--types F16,Q8_0,...] [--llama-cpp DIR]
//   bench_eval --versus DIR --model FILE... [--threads N] [--chunks N] [--repeat N]
#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "qf/eval/generation.h"
#include "qf/eval/kld.h"
#include "qf/eval/matmul.h"
#include "qf/eval/perplexity.h"
#include "qf/quant/plan.h"
#include "qf/quant/preset.h"
#include "qf/quant/quantize_job.h"
#include "qf/synthetic_model.h"

namespace fs = std::filesystem;
using namespace qf;

namespace {

// ../shared/reference/reference.json (llama.cpp c392e509, -c 256, books-eval).
struct KldReference {
    double ppl;
    double meanKld;
    double kld99;
    double sameTop; // percent
    double rmsDp;   // percent
};
const std::map<std::string, KldReference> kKldReference = {
    {"BF16", {141.438813, 4e-6, 3.4e-5, 99.785, 0.042}},
    {"IQ4_NL", {141.921663, 0.001878, 0.01182, 96.581, 0.815}},
    {"IQ4_XS", {141.962361, 0.001964, 0.012308, 96.471, 0.818}},
    {"Q2_K", {143.914, 0.027969, 0.184964, 87.038, 3.372}},
    {"Q3_K_M", {141.829, 0.006151, 0.043669, 93.947, 1.443}},
    {"Q4_0", {142.183, 0.002429, 0.015604, 95.964, 0.982}},
    {"Q4_1", {141.593, 0.001958, 0.012198, 96.518, 0.822}},
    {"Q4_K_M", {141.530137, 0.001821, 0.011778, 96.544, 0.771}},
    {"Q4_K_M-imatrix", {141.435, 0.001791, 0.011504, 96.633, 0.791}},
    {"Q5_0", {141.518, 0.000704, 0.004243, 97.792, 0.492}},
    {"Q5_1", {141.577, 0.000563, 0.00339, 97.92, 0.428}},
    {"Q5_K_M", {141.345, 0.000626, 0.003437, 97.876, 0.476}},
    {"Q6_K", {141.461964, 0.000309, 0.001368, 98.417, 0.333}},
    {"Q8_0", {141.48, 5.2e-5, 0.000255, 99.427, 0.139}},
};
constexpr double kF16Ppl = 141.4299, kF16PplError = 2.53399;

// tokens/s of llama-perplexity -c 512, 2 threads, on the synthetic 1.1B model (issue "Evaluation engine").
const std::map<std::string, double> kLlamaSpeed = {{"F16", 19.2}, {"Q8_0", 23.2}, {"Q4_K_M", 17.6}};

// ../shared beside the repository (or $QF_SHARED_DIR).
fs::path sharedDir() {
    if (const char* env = std::getenv("QF_SHARED_DIR")) return env;
    return QF_SHARED_DIR; // not __FILE__: a compiler cache may record the source path relative to the build
}

std::string readFile(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// The numbers llama-perplexity printed for the types modern llama.cpp added:
// ../shared/reference-2026/logs/kld-<PRESET>[-imatrix].log (llama.cpp v0.5.0, -c 256, books-eval).
std::optional<KldReference> kldReferenceFromLog(const std::string& preset) {
    std::ifstream in(sharedDir() / "reference-2026/logs" / ("kld-" + preset + ".log"));
    if (!in) return std::nullopt;
    KldReference k{};
    int found = 0;
    std::string line;
    auto valueAfter = [](const std::string& l, const std::string& label, double& out) {
        // The label, then only spaces up to the colon ("Mean PPL(Q)/PPL(base)" is another line).
        if (l.rfind(label, 0) != 0) return false;
        size_t at = l.find(':', label.size());
        if (at == std::string::npos || l.find_first_not_of(' ', label.size()) != at) return false;
        out = std::strtod(l.c_str() + at + 1, nullptr);
        return true;
    };
    while (std::getline(in, line)) {
        found += valueAfter(line, "Mean PPL(Q)", k.ppl) + valueAfter(line, "Mean    KLD", k.meanKld) +
                 valueAfter(line, "99.0%   KLD", k.kld99) + valueAfter(line, "Same top p", k.sameTop) +
                 valueAfter(line, "RMS \u0394p", k.rmsDp);
    }
    if (found < 4) return std::nullopt;
    return k;
}

// "qf-books-22m-Q4_K_M-imatrix.gguf" -> "Q4_K_M-imatrix"
std::string presetOf(const fs::path& file) {
    std::string stem = file.stem().string();
    const std::string prefix = "qf-books-22m-";
    return stem.rfind(prefix, 0) == 0 ? stem.substr(prefix.size()) : stem;
}

std::unique_ptr<eval::LlamaModel> open(const fs::path& p) {
    auto m = eval::LlamaModel::open(p);
    if (!m) {
        fmt::print(stderr, "error: {}\n", m.error().message);
        std::exit(1);
    }
    return std::move(*m);
}

const char* verdict(bool ok) {
    return ok ? "ok" : "OUT OF LIMIT";
}

bool accuracy(unsigned threads, int chunks, const std::vector<fs::path>& kldFiles, const fs::path& workDir) {
    const std::string text = readFile(sharedDir() / "data/books-eval.txt");
    const auto f16 = open(sharedDir() / "models/qf-books-22m-f16.gguf");
    bool allOk = true;

    eval::PerplexityParams pp;
    pp.context = 256;
    pp.maxChunks = chunks;
    pp.threads = threads;
    auto ppl = eval::computePerplexity(*f16, text, pp);
    if (!ppl) {
        fmt::print(stderr, "error: {}\n", ppl.error().message);
        return false;
    }
    const double pplDiff = ppl->perplexity / kF16Ppl - 1;
    const bool full = ppl->chunks == 301;
    allOk &= !full || std::fabs(pplDiff) < 1e-3;
    fmt::print("F16 perplexity, {} chunks: {:.4f} ± {:.5f}   llama.cpp {:.4f} ± {:.5f}   {:+.4f}% {}   "
               "({:.0f} tok/s)\n\n",
               ppl->chunks, ppl->perplexity, ppl->error, kF16Ppl, kF16PplError, 100 * pplDiff,
               full ? verdict(std::fabs(pplDiff) < 1e-3) : "(partial run)", ppl->tokensPerSecond);

    fmt::print("{:<16} {:>11} {:>11} {:>8}   {:>10} {:>10} {:>8}   {:>9} {:>9} {:>8} {:>8}  {}\n",
               "KLD vs F16", "PPL(Q)", "llama.cpp", "diff", "mean KLD", "llama.cpp", "diff", "99% KLD",
               "llama.cpp", "same top", "RMS dp", "verdict");
    for (const fs::path& file : kldFiles) {
        const std::string preset = presetOf(file);
        const auto model = open(file);
        eval::KldParams kp;
        kp.context = 256;
        kp.maxChunks = chunks;
        kp.threads = threads;
        kp.cacheFolder = workDir;
        auto r = eval::computeKld(*model, *f16, text, kp);
        if (!r) {
            fmt::print(stderr, "error: {}: {}\n", file.string(), r.error().message);
            allOk = false;
            continue;
        }
        const eval::KldSummary& s = r->summary;
        std::optional<KldReference> ref;
        bool modern = false;
        if (const auto known = kKldReference.find(preset); known != kKldReference.end())
            ref = known->second;
        else if ((ref = kldReferenceFromLog(preset)))
            modern = true;
        if (!ref) {
            fmt::print("{:<16} {:>11.4f} {:>11} {:>8}   {:>10.6f}\n", preset, s.perplexity.value, "-", "-",
                       s.meanKld.value);
            continue;
        }
        const KldReference& k = *ref;
        const double pplDiffQ = s.perplexity.value / k.ppl - 1, kldDiff = s.meanKld.value / k.meanKld - 1;
        // The modern types' issue asks for 0.05 %.
        const double pplLimit = modern ? 5e-4 : preset == "Q8_0" || preset == "BF16" ? 1e-3 : 5e-3;
        // The reference prints 6 decimals: a mean KLD of 4e-6 is known to +-5e-7 only.
        const bool ok = std::fabs(pplDiffQ) < pplLimit &&
                        (std::fabs(kldDiff) < 0.02 || std::fabs(s.meanKld.value - k.meanKld) < 5e-7);
        if (r->chunks == 301) allOk &= ok;
        fmt::print("{:<16} {:>11.4f} {:>11.4f} {:>+7.3f}%   {:>10.6f} {:>10.6f} {:>+7.2f}%   {:>9.6f} "
                   "{:>9.6f} {:>7.3f}% "
                   "{:>7.3f}%  {}\n",
                   preset, s.perplexity.value, k.ppl, 100 * pplDiffQ, s.meanKld.value, k.meanKld,
                   100 * kldDiff, s.kld99, k.kld99, 100 * s.sameTop.value, 100 * s.rmsDeltaP.value,
                   r->chunks == 301 ? verdict(ok) : "(partial)");
        std::fflush(stdout);
    }
    return allOk;
}

// A program's standard output and error, or nothing when it could not be run or failed.
std::optional<std::string> runCapture(const std::string& command) {
    FILE* pipe = popen((command + " 2>&1").c_str(), "r");
    if (!pipe) return std::nullopt;
    std::string output;
    char buffer[4096];
    while (size_t n = std::fread(buffer, 1, sizeof buffer, pipe))
        output.append(buffer, n);
    if (pclose(pipe) != 0) return std::nullopt;
    return output;
}

// The number before `suffix` on the last line containing `marker`.
std::optional<double> numberBefore(const std::string& text, const std::string& marker, const std::string& suffix) {
    const size_t line = text.rfind(marker);
    if (line == std::string::npos) return std::nullopt;
    const size_t end = text.find(suffix, line);
    if (end == std::string::npos) return std::nullopt;
    size_t begin = text.find_last_not_of(' ', end - 1);
    if (begin == std::string::npos) return std::nullopt;
    const size_t numberEnd = begin + 1;
    while (begin > 0 && (std::isdigit(static_cast<unsigned char>(text[begin - 1])) || text[begin - 1] == '.'))
        --begin;
    return std::atof(text.substr(begin, numberEnd - begin).c_str());
}

struct LlamaSpeed {
    std::optional<double> prompt;   // llama-perplexity's prompt eval tokens/s
    std::optional<double> generate; // llama-bench's tg tokens/s
};

LlamaSpeed llamaSpeed(const fs::path& llamaDir, const fs::path& model, const fs::path& text, unsigned threads,
                      int chunks) {
    LlamaSpeed speed;
    const auto ppl = runCapture(fmt::format("'{}' -m '{}' -f '{}' -c 512 --chunks {} -t {} -b 512",
                                            (llamaDir / "llama-perplexity").string(), model.string(),
                                            text.string(), chunks, threads));
    if (ppl) speed.prompt = numberBefore(*ppl, "prompt eval time", " tokens per second");
    const auto bench = runCapture(fmt::format("'{}' -m '{}' -p 0 -n 64 -r 1 -t {} -o csv",
                                              (llamaDir / "llama-bench").string(), model.string(), threads));
    if (bench) {
        // The last CSV field but one is avg_ts: "...,\"avg_ts\",\"stddev_ts\"".
        const size_t last = bench->find_last_of('\n', bench->size() - 2);
        std::string row = bench->substr(last == std::string::npos ? 0 : last + 1);
        std::vector<std::string> fields;
        std::stringstream stream(row);
        for (std::string field; std::getline(stream, field, ',');)
            fields.push_back(field);
        if (fields.size() >= 2) {
            std::string avg = fields[fields.size() - 2];
            avg.erase(std::remove(avg.begin(), avg.end(), '"'), avg.end());
            if (double v = std::atof(avg.c_str()); v > 0) speed.generate = v;
        }
    }
    return speed;
}

bool speed(unsigned threads, int chunks, const fs::path& workDir, std::vector<std::string> types,
           const fs::path& llamaDir) {
    fs::create_directories(workDir);
    const fs::path f16Path = workDir / "synthetic-1.1b-f16.gguf";
    if (!fs::exists(f16Path)) {
        fmt::print("writing the synthetic 1.1B model to {} ...\n", f16Path.string());
        SyntheticLlamaParams p = SyntheticLlamaParams::tinyLlama1B();
        p.tokenizerFrom = sharedDir() / "models/qf-books-22m-f16.gguf"; // a real vocabulary for the text
        p.context = 2048;
        if (auto w = writeSyntheticLlama(p, f16Path); !w) {
            fmt::print(stderr, "error: {}\n", w.error().message);
            return false;
        }
    }
    std::map<std::string, fs::path> files = {{"F16", f16Path}};
    auto source = gguf::GgufFile::open(f16Path);
    if (!source) {
        fmt::print(stderr, "error: {}\n", source.error().message);
        return false;
    }
    if (types.empty())
        types = {"F16", "Q8_0", "Q6_K", "Q5_K_M", "Q4_K_M", "Q4_0", "IQ4_XS", "Q3_K_M", "Q2_K"};
    for (const std::string& name : types) {
        if (name == "F16") continue;
        const fs::path out = workDir / fmt::format("synthetic-1.1b-{}.gguf", name);
        files[name] = out;
        if (fs::exists(out)) continue;
        fmt::print("quantizing {} ...\n", name);
        auto plan = quant::makeQuantPlan(source->metadata(), source->tensors(), *quant::findPreset(name));
        if (!plan) {
            fmt::print(stderr, "error: {}\n", plan.error().message);
            return false;
        }
        quant::QuantizeParams qp;
        qp.source = &*source;
        qp.threads = threads;
        qp.outputs.push_back({std::move(*plan), out});
        if (auto r = quant::quantize(qp); !r) {
            fmt::print(stderr, "error: {}\n", r.error().message);
            return false;
        }
    }
    const std::string text = readFile(sharedDir() / "data/books-eval.txt");
    fmt::print("\nperplexity speed, synthetic 1.1B, -c 512, {} chunks, {} threads, kernels {}\n", chunks,
               threads, quant::kernelPathName(eval::activeMatmulPath()));
    const fs::path textPath = sharedDir() / "data/books-eval.txt";
    const bool sideBySide = !llamaDir.empty();
    if (sideBySide)
        fmt::print("{:<8} {:>12} {:>14} {:>8} {:>14} {:>14} {:>8}\n", "type", "prompt tok/s", "llama.cpp",
                   "ratio", "generate tok/s", "llama.cpp", "ratio");
    else
        fmt::print("{:<8} {:>12} {:>14} {:>8} {:>14}\n", "type", "prompt tok/s", "llama.cpp", "ratio",
                   "generate tok/s");
    for (const std::string& name : types) {
        const auto model = open(files[name]);
        eval::PerplexityParams pp;
        pp.context = 512;
        pp.maxChunks = chunks;
        pp.threads = threads;
        auto r = eval::computePerplexity(*model, text, pp);
        if (!r) {
            fmt::print(stderr, "error: {}\n", r.error().message);
            return false;
        }
        eval::GenerationParams gp;
        gp.maxTokens = 64;
        gp.context = 512;
        gp.threads = threads;
        auto g = eval::generate(*model, "The old house at the end of the lane", gp);
        if (!g) {
            fmt::print(stderr, "error: {}\n", g.error().message);
            return false;
        }
        if (sideBySide) {
            const LlamaSpeed theirs = llamaSpeed(llamaDir, files[name], textPath, threads, chunks);
            auto cell = [](std::optional<double> v) { return v ? fmt::format("{:.1f}", *v) : std::string("-"); };
            auto ratio = [](double ours, std::optional<double> v) {
                return v && *v > 0 ? fmt::format("{:.2f}x", ours / *v) : std::string("-");
            };
            fmt::print("{:<8} {:>12.1f} {:>14} {:>8} {:>14.1f} {:>14} {:>8}\n", name, r->tokensPerSecond,
                       cell(theirs.prompt), ratio(r->tokensPerSecond, theirs.prompt),
                       g->generationTokensPerSecond, cell(theirs.generate),
                       ratio(g->generationTokensPerSecond, theirs.generate));
            std::fflush(stdout);
            continue;
        }
        const auto theirs = kLlamaSpeed.find(name);
        if (theirs != kLlamaSpeed.end())
            fmt::print("{:<8} {:>12.1f} {:>14.1f} {:>7.2f}x {:>14.1f}\n", name, r->tokensPerSecond,
                       theirs->second, r->tokensPerSecond / theirs->second, g->generationTokensPerSecond);
        else
            fmt::print("{:<8} {:>12.1f} {:>14} {:>8} {:>14.1f}\n", name, r->tokensPerSecond, "-", "",
                       g->generationTokensPerSecond);
        std::fflush(stdout);
    }
    return true;
}


std::string loadAverage() {
    std::string l = readFile("/proc/loadavg");
    return l.substr(0, l.find(' ', l.find(' ', l.find(' ') + 1) + 1));
}

// Runs a command, returns what it printed (stdout and stderr).
std::string capture(const std::string& command) {
    std::string out;
    if (FILE* p = popen((command + " 2>&1").c_str(), "r")) {
        char buf[4096];
        size_t n;
        while ((n = std::fread(buf, 1, sizeof buf, p)) > 0)
            out.append(buf, n);
        pclose(p);
    }
    return out;
}

// The number after the last occurrence of `key` in `text` (NaN when missing).
double numberAfter(const std::string& text, const std::string& key) {
    const size_t at = text.rfind(key);
    return at == std::string::npos ? std::nan("") : std::strtod(text.c_str() + at + key.size(), nullptr);
}

double median(std::vector<double> v) {
    if (v.empty()) return std::nan("");
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : 0.5 * (v[v.size() / 2 - 1] + v[v.size() / 2]);
}

std::string quoted(const fs::path& p) {
    std::string s = "'";
    s += p.string();
    s += '\'';
    return s;
}

bool versus(const fs::path& llamaBin, const std::vector<fs::path>& models, unsigned threads, int chunks,
            int repeat) {
    const fs::path textPath = sharedDir() / "data/books-eval.txt";
    const std::string text = readFile(textPath);
    fmt::print("ours vs llama.cpp ({}), {} threads, {} runs each (medians), kernels {}\n", llamaBin.string(), threads,
               repeat, quant::kernelPathName(eval::activeMatmulPath()));
    fmt::print("{:<28} {:>9} {:>9} {:>6}   {:>9} {:>9} {:>6}   {}\n", "model", "tg64 ours", "llama", "ratio",
               "ppl ours", "llama", "ratio", "load before / after");
    bool ok = true;
    for (const fs::path& file : models) {
        const std::string before = loadAverage();
        const auto model = open(file);
        std::vector<double> ourGen, theirGen, ourPpl, theirPpl;
        for (int r = 0; r < repeat; ++r) {
            eval::GenerationParams gp;
            gp.maxTokens = 64;
            gp.context = 512;
            gp.threads = threads;
            if (auto g = eval::generate(*model, "The old house at the end of the lane", gp))
                ourGen.push_back(g->generationTokensPerSecond);
            const std::string bench = capture(fmt::format("{} -m {} -n 64 -p 0 -t {} -r 1 -o json",
                                                          quoted(llamaBin / "llama-bench"), quoted(file), threads));
            theirGen.push_back(numberAfter(bench, "\"avg_ts\":"));
            eval::PerplexityParams pp;
            pp.context = 512;
            pp.maxChunks = chunks;
            pp.threads = threads;
            if (auto p = eval::computePerplexity(*model, text, pp)) ourPpl.push_back(p->tokensPerSecond);
            const std::string ppl =
                capture(fmt::format("{} -m {} -f {} -c 512 --chunks {} -t {}", quoted(llamaBin / "llama-perplexity"),
                                    quoted(file), quoted(textPath), chunks, threads));
            // "perplexity: S seconds per pass": the first pass evaluates min(4, chunks) chunks of 512 tokens
            // (its default batch of 2048 tokens).
            const size_t at = ppl.find(" seconds per pass");
            const size_t from = ppl.rfind(": ", at);
            const double seconds = at == std::string::npos || from == std::string::npos
                                       ? std::nan("")
                                       : std::strtod(ppl.c_str() + from + 2, nullptr);
            theirPpl.push_back(std::min(4, chunks) * 512 / seconds);
        }
        const double og = median(ourGen), tg = median(theirGen), op = median(ourPpl), tp = median(theirPpl);
        fmt::print("{:<28} {:>9.2f} {:>9.2f} {:>5.2f}x   {:>9.1f} {:>9.1f} {:>5.2f}x   {} / {}\n",
                   file.filename().string(), og, tg, og / tg, op, tp, op / tp, before, loadAverage());
        std::fflush(stdout);
        ok &= std::isfinite(og / tg) && std::isfinite(op / tp);
    }
    return ok;
}

} // namespace

int main(int argc, char** argv) {
    bool runAccuracy = false, runSpeed = false;
    fs::path llamaBin;
    std::vector<fs::path> models;
    int repeat = 3;
    unsigned threads = 2;
    int chunks = -1;
    fs::path workDir = fs::temp_directory_path() / "quantforge-bench-eval";
    fs::path llamaDir;
    std::vector<std::string> types;
    std::vector<fs::path> kldFiles = {sharedDir() / "reference/qf-books-22m-Q4_K_M.gguf",
                                      sharedDir() / "reference/qf-books-22m-Q6_K.gguf"};
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
        if (a == "--accuracy")
            runAccuracy = true;
        else if (a == "--speed")
            runSpeed = true;
        else if (a == "--threads")
            threads = unsigned(std::atoi(next().c_str()));
        else if (a == "--chunks")
            chunks = std::atoi(next().c_str());
        else if (a == "--work-dir")
            workDir = next();
        else if (a == "--versus")
            llamaBin = next();
        else if (a == "--model")
            models.push_back(next());
        else if (a == "--repeat")
            repeat = std::max(1, std::atoi(next().c_str()));
        else if (a == "--kld")
            kldFiles.push_back(next());
        else if (a == "--llama-cpp")
            llamaDir = next();
        else if (a == "--types") {
            std::stringstream list(next());
            for (std::string t; std::getline(list, t, ',');)
                types.push_back(t);
        }
        else {
            fmt::print(stderr, "unknown argument {}\n", a);
            return 2;
        }
    }
    if (!llamaBin.empty()) return versus(llamaBin, models, threads, chunks < 0 ? 4 : chunks, repeat) ? 0 : 1;
    if (!runAccuracy && !runSpeed) runAccuracy = true;
    fs::create_directories(workDir);
    bool ok = true;
    if (runAccuracy) ok &= accuracy(threads, chunks, kldFiles, workDir);
    if (runSpeed) ok &= speed(threads, chunks < 0 ? 2 : chunks, workDir, types, llamaDir);
    return ok ? 0 : 1;
}
