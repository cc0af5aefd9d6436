// Evaluation parity with llama.cpp on the architecture zoo (../shared/zoo/make_zoo.py, ZOO_STD=0.06 so that
// every layer moves the logits). For each zoo model: llama-perplexity writes its --kl-divergence-base file
// (-fa off, see below), our decoder's logits are compared with it (mean KLD, same top token, PPL against
// llama-perplexity's final estimate); then the model's Q4_K_M (made by llama-quantize) is measured against
// that base by both: llama-perplexity --kl-divergence and ours, and the ratio of the two mean KLDs printed.
// Targets (issue 11): KLD <= 1e-4, same top >= 99.5 %, |PPL diff| <= 0.05 %, Q4_K_M KLD ratio within 2 %.
//
//   bench_arch_parity ZOO_DIR --llama-bin DIR --text FILE [--work-dir DIR] [--context 256] [--chunks 4]
//                     [--threads 2] [--models a,b,...] [--no-quant] [--no-llama-fa] [--fa]
//
// The "llama FA" columns are llama.cpp against itself: the same model with -fa on, measured against the
// -fa off base. Two valid roundings of one computation: what the zoo's mixture-of-experts models (random,
// undecided routers) do under any change of rounding, and so the floor for any other implementation.
//
// llama.cpp's outputs are cached in the work dir (default ZOO_DIR/parity) and reused on the next run.
// -fa off by default: llama-perplexity's default (-fa auto) turns flash attention on for the CPU, whose
// tiled kernel rounds elsewhere (F32 queries, KV tiles of 64 with an online softmax, F32 probabilities).
// --fa: the base is written with -fa on and our decoder computes attention as that kernel does
// (SessionOptions::flashAttention). Either way the decoder follows ggml's order of operations where the
// zoo's mixture-of-experts models amplify rounding (eval/kernels/ggml_order.h), so their logits match.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "qf/eval/llama_logits_file.h"

namespace fs = std::filesystem;
using namespace qf;

namespace {

struct Options {
    fs::path zoo, llamaBin, text, work;
    int context = 256, chunks = 4;
    unsigned threads = 2;
    std::vector<std::string> models;
    bool quant = true;
    bool llamaFa = true;
    bool fa = false; // base with -fa on, ours with flash attention
};

std::string quoted(const fs::path& p) {
    std::string s = "'";
    for (char c : p.string())
        s += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return s + "'";
}

std::string readText(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// The number after `pattern` in a llama.cpp log, NaN when absent.
double logNumber(const fs::path& log, const char* pattern) {
    const std::string text = readText(log);
    std::smatch m;
    if (std::regex_search(text, m, std::regex(pattern))) return std::stod(m[1].str());
    return std::nan("");
}

bool run(const std::string& command) {
    std::fprintf(stderr, "  $ %s\n", command.c_str());
    return std::system(command.c_str()) == 0;
}

std::string perplexityCommand(const Options& o, const fs::path& model) {
    return fmt::format("{} -m {} -f {} -c {} --chunks {} -t {} -fa {}", quoted(o.llamaBin / "llama-perplexity"),
                       quoted(model), quoted(o.text), o.context, o.chunks, o.threads, o.fa ? "on" : "off");
}

struct Row {
    std::string model;
    std::string error, quantNote;
    double kld = NAN, sameTop = NAN, ppl = NAN, llamaPpl = NAN, oursQ4 = NAN, llamaQ4 = NAN;
    double faKld = NAN, faSameTop = NAN; // llama.cpp -fa on against its -fa off base
};

Result<eval::KldSummary> ours(const fs::path& model, const fs::path& base, unsigned threads, bool fa) {
    auto opened = eval::LlamaModel::open(model);
    if (!opened) return opened.error();
    eval::KldParams params;
    params.threads = threads;
    params.flashAttention = fa;
    auto result = eval::computeKldAgainstLlamaLogits(**opened, base, params);
    if (!result) return result.error();
    return result->summary;
}

Row measure(const Options& o, const std::string& name) {
    Row row{.model = name};
    const fs::path model = o.zoo / (name + ".gguf");
    const std::string stem = o.fa ? name + "-fa" : name;
    const fs::path base = o.work / (stem + ".kld"), baseLog = o.work / (stem + ".log");
    if (!fs::exists(base) &&
        !run(perplexityCommand(o, model) + " --kl-divergence-base " + quoted(base) + " > " + quoted(baseLog) + " 2>&1")) {
        row.error = "llama-perplexity failed, see " + baseLog.string();
        return row;
    }
    row.llamaPpl = logNumber(baseLog, R"(Final estimate: PPL = ([0-9.]+))");
    auto summary = ours(model, base, o.threads, o.fa);
    if (!summary) {
        row.error = summary.error().message;
        return row;
    }
    row.kld = summary->meanKld.value;
    row.sameTop = summary->sameTop.value;
    row.ppl = summary->perplexity.value;
    if (o.llamaFa && !o.fa) {
        const fs::path faLog = o.work / (name + "-fa-on.log");
        if (!fs::exists(faLog) || std::isnan(logNumber(faLog, R"(Mean +KLD: +([0-9.]+))"))) {
            std::string command = perplexityCommand(o, model);
            command.replace(command.find("-fa off"), 7, "-fa on");
            run(command + " --kl-divergence-base " + quoted(base) + " --kl-divergence > " + quoted(faLog) + " 2>&1");
        }
        row.faKld = logNumber(faLog, R"(Mean +KLD: +([0-9.]+))");
        row.faSameTop = logNumber(faLog, R"(Same top p: +([0-9.]+))") / 100;
    }
    if (!o.quant) return row;

    const fs::path q4 = o.work / (name + "-Q4_K_M.gguf"), q4Log = o.work / (stem + "-Q4_K_M.log");
    if (!fs::exists(q4) && !run(fmt::format("{} {} {} Q4_K_M {} > {} 2>&1", quoted(o.llamaBin / "llama-quantize"),
                                            quoted(model), quoted(q4), o.threads, quoted(o.work / (name + "-quantize.log"))))) {
        std::error_code ignored;
        fs::remove(q4, ignored); // llama-quantize may leave a partial file
        // e.g. MXFP4 experts: llama-quantize refuses to requantize them; the base comparison still stands.
        row.quantNote = "Q4_K_M: llama-quantize failed, see " + (o.work / (name + "-quantize.log")).string();
        return row;
    }
    if (!fs::exists(q4Log) || std::isnan(logNumber(q4Log, R"(Mean +KLD: +([0-9.]+))")))
        run(perplexityCommand(o, q4) + " --kl-divergence-base " + quoted(base) + " --kl-divergence > " +
            quoted(q4Log) + " 2>&1");
    row.llamaQ4 = logNumber(q4Log, R"(Mean +KLD: +([0-9.]+))");
    auto q4Summary = ours(q4, base, o.threads, o.fa);
    if (!q4Summary) {
        row.error = q4Summary.error().message;
        return row;
    }
    row.oursQ4 = q4Summary->meanKld.value;
    return row;
}

std::vector<std::string> split(const std::string& s) {
    std::vector<std::string> out;
    std::stringstream ss(s);
    for (std::string item; std::getline(ss, item, ',');)
        if (!item.empty()) out.push_back(item);
    return out;
}

} // namespace

int main(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "%s needs a value\n", a.c_str());
                std::exit(2);
            }
            return argv[++i];
        };
        if (a == "--llama-bin") o.llamaBin = value();
        else if (a == "--text") o.text = value();
        else if (a == "--work-dir") o.work = value();
        else if (a == "--context") o.context = std::stoi(value());
        else if (a == "--chunks") o.chunks = std::stoi(value());
        else if (a == "--threads") o.threads = unsigned(std::stoul(value()));
        else if (a == "--models") o.models = split(value());
        else if (a == "--no-quant") o.quant = false;
        else if (a == "--no-llama-fa") o.llamaFa = false;
        else if (a == "--fa") o.fa = true;
        else if (o.zoo.empty()) o.zoo = a;
        else {
            std::fprintf(stderr, "unexpected argument %s\n", a.c_str());
            return 2;
        }
    }
    if (o.zoo.empty() || o.llamaBin.empty() || o.text.empty()) {
        std::fprintf(stderr, "usage: bench_arch_parity ZOO_DIR --llama-bin DIR --text FILE [--work-dir DIR] "
                             "[--context 256] [--chunks 4] [--threads 2] [--models a,b] [--no-quant]\n");
        return 2;
    }
    if (o.work.empty()) o.work = o.zoo / "parity";
    fs::create_directories(o.work);
    if (o.models.empty())
        for (const auto& entry : fs::directory_iterator(o.zoo)) {
            const std::string stem = entry.path().stem().string();
            if (entry.path().extension() == ".gguf" && stem.find("-Q") == std::string::npos) o.models.push_back(stem);
        }
    std::sort(o.models.begin(), o.models.end());

    std::printf("%-14s %10s %8s %14s %14s %8s %10s %10s %7s %12s %10s\n", "model", "mean KLD", "top %",
                "PPL ours", "PPL llama.cpp", "diff %", "Q4 ours", "Q4 llama", "ratio", "llama FA KLD",
                "FA top %");
    int failures = 0;
    for (const std::string& name : o.models) {
        const Row r = measure(o, name);
        if (!r.error.empty()) {
            std::printf("%-14s %s\n", name.c_str(), r.error.c_str());
            ++failures;
            continue;
        }
        const double diff = 100 * (r.ppl / r.llamaPpl - 1);
        const double ratio = r.oursQ4 / r.llamaQ4;
        const bool quantMeasured = o.quant && r.quantNote.empty();
        const bool ok = r.kld <= 1e-4 && r.sameTop >= 0.995 && std::abs(diff) <= 0.05 &&
                        (!quantMeasured || std::abs(ratio - 1) <= 0.02);
        std::printf("%-14s %10.3g %8.2f %14.4f %14.4f %8.4f %10.6f %10.6f %7.4f %12.3g %10.2f %s\n", name.c_str(),
                    r.kld, 100 * r.sameTop, r.ppl, r.llamaPpl, diff, r.oursQ4, r.llamaQ4, ratio, r.faKld,
                    100 * r.faSameTop, ok ? "ok" : "MISSED");
        if (!r.quantNote.empty()) std::printf("%-14s %s\n", "", r.quantNote.c_str());
        std::fflush(stdout);
        if (!ok) ++failures;
    }
    return failures == 0 ? 0 : 1;
}
