// Evaluation parity with llama.cpp on the architecture zoo (../shared/zoo/make_zoo.py, ZOO_STD=0.06 so that
// every layer moves the logits). For each zoo model: llama-perplexity writes its --kl-divergence-base file
// (-fa off, see below), our decoder's logits are compared with it (mean KLD, same top token, PPL against
// llama-perplexity's final estimate); then the model's Q4_K_M (made by llama-quantize) is measured against
// that base by both: llama-perplexity --kl-divergence and ours, and the ratio of the two mean KLDs printed.
// Targets (issue 11): KLD <= 1e-4, same top >= 99.5 %, |PPL diff| <= 0.05 %, Q4_K_M KLD ratio within 2 %.
// Then (unless --no-identity) quantization identity: each model x {Q4_K_M, Q2_K, IQ4_XS, Q8_0, and
// MXFP4_MOE for mixture-of-experts models}, without and with the zoo's imatrix (../shared/zoo/imatrix),
// quantized by llama-quantize and by our quantization job; every tensor's type and bytes compared
// (models stored with MXFP4 experts are requantized, --allow-requantize, except to MXFP4_MOE).
//
//   bench_arch_parity ZOO_DIR --llama-bin DIR --text FILE [--work-dir DIR] [--context 256] [--chunks 4]
//                     [--threads 2] [--models a,b,...] [--no-quant] [--no-llama-fa] [--fa] [--both-fa]
//                     [--no-identity | --no-eval] [--presets A,B,...] [--imatrix-dir DIR]
//
// --both-fa: every model measured with -fa off and then with -fa on (two rows each).
// To reproduce issue 11's table: make the zoo with ZOO_STD=0.06, then
//   bench_arch_parity ZOO_DIR --llama-bin LLAMA_CPP/build/bin --text ../shared/data/books-eval.txt --both-fa
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
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "qf/eval/llama_logits_file.h"
#include "qf/gguf/gguf_file.h"
#include "qf/quant/imatrix.h"
#include "qf/quant/plan.h"
#include "qf/quant/preset.h"
#include "qf/quant/quantize_job.h"
#include "qf/sha256.h"

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
    bool bothFa = false;
    bool identity = true;
    bool eval = true;
    std::vector<std::string> presets = {"Q4_K_M", "Q2_K", "IQ4_XS", "Q8_0", "MXFP4_MOE"};
    fs::path imatrixDir = fs::path(QF_SHARED_DIR) / "zoo" / "imatrix";
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

bool hasMxfp4Tensors(const fs::path& model) {
    auto file = gguf::GgufFile::open(model);
    if (!file) return false;
    for (const gguf::TensorInfo& t : file->tensors())
        if (t.type == GgmlType::MXFP4) return true;
    return false;
}

Row measure(const Options& o, const std::string& name) {
    Row row{.model = name + (o.fa ? " -fa on" : "")};
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
    // Experts stored as MXFP4 (published gpt-oss files) are requantized, as a person asks llama-quantize to.
    const char* requantize = hasMxfp4Tensors(model) ? " --allow-requantize" : "";
    if (!fs::exists(q4) && !run(fmt::format("{}{} {} {} Q4_K_M {} > {} 2>&1", quoted(o.llamaBin / "llama-quantize"),
                                            requantize, quoted(model), quoted(q4), o.threads,
                                            quoted(o.work / (name + "-quantize.log"))))) {
        std::error_code ignored;
        fs::remove(q4, ignored); // llama-quantize may leave a partial file
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

// Tensor name -> "type sha256" of a GGUF file.
using Digest = std::map<std::string, std::string>;

Result<Digest> digestOf(const fs::path& path) {
    auto file = gguf::GgufFile::open(path);
    if (!file) return file.error();
    Digest d;
    for (const gguf::TensorInfo& t : file->tensors())
        d[t.name] = std::string(ggmlTypeName(t.type)) + " " + sha256Hex(file->tensorData(t));
    return d;
}

// A digest cached as text ("name type sha256" lines), so that llama-quantize's outputs need not be kept.
Result<Digest> cachedDigest(const fs::path& cache) {
    std::ifstream in(cache);
    if (!in) return makeError("no digest at {}", cache.string());
    Digest d;
    for (std::string name, type, sha; in >> name >> type >> sha;)
        d[name] = type + " " + sha;
    return d;
}

void writeDigest(const fs::path& cache, const Digest& d) {
    std::ofstream out(cache);
    for (const auto& [name, value] : d)
        out << name << ' ' << value << '\n';
}

struct Identity {
    std::string preset;
    bool imatrix = false;
    size_t identical = 0, total = 0;
    std::string note; // why not compared, or the first tensors that differ
};

// One model x preset x imatrix: llama-quantize's tensors against ours.
Identity compareQuantization(const Options& o, const std::string& name, const std::string& presetName, bool withImatrix,
                             std::map<std::string, quant::Imatrix>& imatrices) {
    Identity id{.preset = presetName, .imatrix = withImatrix};
    const fs::path model = o.zoo / (name + ".gguf");
    auto source = gguf::GgufFile::open(model);
    if (!source) return id.note = source.error().message, id;
    const quant::Preset* preset = quant::findPreset(presetName);
    if (!preset) return id.note = "unknown preset", id;
    const bool requantize = hasMxfp4Tensors(model) && presetName != "MXFP4_MOE";
    const fs::path imatrixFile = o.imatrixDir / (name + ".imatrix.gguf");
    if (withImatrix && !fs::exists(imatrixFile)) return id.note = "no " + imatrixFile.string(), id;

    const std::string stem = fmt::format("{}-{}{}", name, presetName, withImatrix ? "-imat" : "");
    const fs::path theirsCache = o.work / "identity" / (stem + ".digest");
    fs::create_directories(theirsCache.parent_path());
    auto theirs = cachedDigest(theirsCache);
    if (!theirs) {
        const fs::path out = o.work / "identity" / (stem + ".gguf"), log = o.work / "identity" / (stem + ".log");
        std::string command = quoted(o.llamaBin / "llama-quantize");
        if (requantize) command += " --allow-requantize";
        if (withImatrix) command += " --imatrix " + quoted(imatrixFile);
        command += fmt::format(" {} {} {} {} > {} 2>&1", quoted(model), quoted(out), presetName, o.threads, quoted(log));
        if (!run(command)) return id.note = "llama-quantize failed, see " + log.string(), id;
        theirs = digestOf(out);
        if (!theirs) return id.note = theirs.error().message, id;
        writeDigest(theirsCache, *theirs);
        std::error_code ignored;
        fs::remove(out, ignored);
    }

    quant::PlanOptions options;
    options.allowRequantize = requantize;
    options.writeProvenance = false;
    if (withImatrix) {
        auto it = imatrices.find(name);
        if (it == imatrices.end()) {
            auto loaded = quant::loadImatrix(imatrixFile);
            if (!loaded) return id.note = loaded.error().message, id;
            it = imatrices.emplace(name, std::move(*loaded)).first;
        }
        options.imatrix = &it->second;
    }
    auto plan = quant::makeQuantPlan(source->metadata(), source->tensors(), *preset, options);
    if (!plan) return id.note = "ours: " + plan.error().message, id;
    const fs::path oursPath = o.work / "identity" / (stem + "-ours.gguf");
    quant::QuantizeParams params;
    params.source = &*source;
    params.outputs.push_back({std::move(*plan), oursPath});
    params.threads = o.threads;
    if (auto done = quant::quantize(params); !done) return id.note = "ours: " + done.error().message, id;
    auto ours = digestOf(oursPath);
    std::error_code ignored;
    fs::remove(oursPath, ignored);
    if (!ours) return id.note = ours.error().message, id;

    std::vector<std::string> differ;
    for (const auto& [tensor, value] : *theirs) {
        ++id.total;
        const auto found = ours->find(tensor);
        if (found == ours->end()) differ.push_back(tensor + " (missing)");
        else if (found->second != value)
            differ.push_back(fmt::format("{} ({} vs {})", tensor, found->second.substr(0, found->second.find(' ')),
                                         value.substr(0, value.find(' '))));
        else ++id.identical;
    }
    if (ours->size() != theirs->size()) differ.push_back(fmt::format("{} tensors vs {}", ours->size(), theirs->size()));
    for (size_t i = 0; i < std::min<size_t>(differ.size(), 3); ++i)
        id.note += (i ? ", " : "differ: ") + differ[i];
    return id;
}

bool isMixtureOfExperts(const fs::path& model) {
    auto file = gguf::GgufFile::open(model);
    if (!file) return false;
    for (const gguf::TensorInfo& t : file->tensors())
        if (t.name.find("_exps.") != std::string::npos) return true;
    return false;
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
        else if (a == "--both-fa") o.bothFa = true;
        else if (a == "--no-identity") o.identity = false;
        else if (a == "--no-eval") o.eval = false;
        else if (a == "--presets") o.presets = split(value());
        else if (a == "--imatrix-dir") o.imatrixDir = value();
        else if (o.zoo.empty()) o.zoo = a;
        else {
            std::fprintf(stderr, "unexpected argument %s\n", a.c_str());
            return 2;
        }
    }
    if (o.zoo.empty() || o.llamaBin.empty() || o.text.empty()) {
        std::fprintf(stderr, "usage: bench_arch_parity ZOO_DIR --llama-bin DIR --text FILE [--work-dir DIR] "
                             "[--context 256] [--chunks 4] [--threads 2] [--models a,b] [--no-quant] [--no-llama-fa] "
                             "[--fa | --both-fa] [--no-identity | --no-eval] [--presets A,B] [--imatrix-dir DIR]\n");
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

    if (o.eval)
        std::printf("%-20s %10s %8s %14s %14s %8s %10s %10s %7s %12s %10s\n", "model", "mean KLD", "top %",
                "PPL ours", "PPL llama.cpp", "diff %", "Q4 ours", "Q4 llama", "ratio", "llama FA KLD",
                "FA top %");
    int failures = 0;
    std::vector<bool> faModes = {o.fa};
    if (o.bothFa) faModes = {false, true};
    if (!o.eval) faModes.clear();
    for (const std::string& name : o.models) {
        for (bool fa : faModes) {
            Options mode = o;
            mode.fa = fa;
            const Row r = measure(mode, name);
            if (!r.error.empty()) {
                std::printf("%-20s %s\n", r.model.c_str(), r.error.c_str());
                ++failures;
                continue;
            }
            const double diff = 100 * (r.ppl / r.llamaPpl - 1);
            const double ratio = r.oursQ4 / r.llamaQ4;
            const bool quantMeasured = o.quant && r.quantNote.empty();
            const bool ok = r.kld <= 1e-4 && r.sameTop >= 0.995 && std::abs(diff) <= 0.05 &&
                            (!quantMeasured || std::abs(ratio - 1) <= 0.02);
            std::printf("%-20s %10.3g %8.2f %14.4f %14.4f %8.4f %10.6f %10.6f %7.4f %12.3g %10.2f %s\n", r.model.c_str(),
                        r.kld, 100 * r.sameTop, r.ppl, r.llamaPpl, diff, r.oursQ4, r.llamaQ4, ratio, r.faKld,
                        100 * r.faSameTop, ok ? "ok" : "MISSED");
            if (!r.quantNote.empty()) std::printf("%-20s %s\n", "", r.quantNote.c_str());
            std::fflush(stdout);
            if (!ok) ++failures;
        }
    }
    if (!o.identity) return failures == 0 ? 0 : 1;

    // Quantization identity with llama-quantize.
    std::printf("\n%-20s %-10s %14s %14s  %s\n", "model", "preset", "identical", "with imatrix", "notes");
    std::map<std::string, quant::Imatrix> imatrices;
    size_t identical = 0, total = 0, runs = 0, perfect = 0;
    for (const std::string& name : o.models) {
        const bool moe = isMixtureOfExperts(o.zoo / (name + ".gguf"));
        for (const std::string& preset : o.presets) {
            if (preset == "MXFP4_MOE" && !moe) continue;
            std::string cells[2], notes;
            for (bool withImatrix : {false, true}) {
                const Identity id = compareQuantization(o, name, preset, withImatrix, imatrices);
                if (id.total == 0) {
                    cells[withImatrix] = "-";
                    ++failures;
                } else {
                    cells[withImatrix] = fmt::format("{}/{}", id.identical, id.total);
                    identical += id.identical;
                    total += id.total;
                    ++runs;
                    perfect += id.identical == id.total;
                    failures += id.identical != id.total;
                }
                if (!id.note.empty()) notes += (notes.empty() ? "" : "; ") + std::string(withImatrix ? "imatrix: " : "") + id.note;
            }
            std::printf("%-20s %-10s %14s %14s  %s\n", name.c_str(), preset.c_str(), cells[0].c_str(), cells[1].c_str(),
                        notes.c_str());
            std::fflush(stdout);
        }
    }
    std::printf("\n%zu of %zu quantizations identical to llama-quantize (%zu of %zu tensors)\n", perfect, runs,
                identical, total);
    return failures == 0 ? 0 : 1;
}
