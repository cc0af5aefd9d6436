// Byte identity with modern llama-quantize (v0.5.0) on the architecture zoo: quantizes each zoo model
// (../shared/zoo/make_zoo.py writes them) with every preset that has a digest in ../shared/zoo/reference,
// with and without the zoo's imatrix, through the real quantization job, and compares every tensor's type
// and sha256 with llama-quantize's. Prints one line per model x preset and a summary; exits 1 when any
// tensor differs.
//
//   bench_zoo ZOO_DIR [--presets Q4_K_M,Q2_K,IQ4_XS,Q8_0,MXFP4_MOE] [--all] [--threads N]
//             [--reference DIR]... [--imatrix DIR] [--out-dir DIR]
// --all takes every digest (also presets whose types this build cannot write yet: reported as skipped).
// The digests: ../shared/zoo/reference and tests/fixtures/zoo-reference (gpt-oss with MXFP4 experts),
// or the --reference folders given.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "qf/gguf/gguf_file.h"
#include "qf/json_reader.h"
#include "qf/quant/imatrix.h"
#include "qf/quant/kernels.h"
#include "qf/quant/plan.h"
#include "qf/quant/preset.h"
#include "qf/quant/quantize_job.h"
#include "qf/sha256.h"

namespace fs = std::filesystem;
using namespace qf;
using namespace qf::quant;

namespace {

struct Digest {
    std::string model;
    std::string preset;
    bool imatrix = false;
    bool requantize = false;
    fs::path path;
};

// "<model>-<PRESET>[-imat|-requant].json"; preset names never contain '-'.
Digest parseDigestName(const fs::path& path) {
    Digest d;
    d.path = path;
    std::string stem = path.stem().string();
    for (auto [suffix, flag] : {std::pair{"-imat", &d.imatrix}, std::pair{"-requant", &d.requantize}}) {
        const std::string s = suffix;
        if (stem.size() > s.size() && stem.ends_with(s)) {
            stem.resize(stem.size() - s.size());
            *flag = true;
        }
    }
    const size_t dash = stem.rfind('-');
    d.model = stem.substr(0, dash);
    d.preset = dash == std::string::npos ? "" : stem.substr(dash + 1);
    return d;
}

std::optional<Preset> presetNamed(const std::string& name) {
    if (const Preset* p = findPreset(name)) return *p;
    for (uint32_t id = 0; id < 64; ++id) {
        if (llamaFileTypeName(id) != std::optional<std::string_view>(name)) continue;
        if (auto base = llamaFileTypeBaseType(LlamaFileType(id)))
            return Preset{"", LlamaFileType(id), *base, ""};
    }
    return std::nullopt;
}

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

struct Outcome {
    enum class Kind { Compared, Skipped, Failed } kind = Kind::Failed;
    size_t identical = 0;
    size_t total = 0;
    std::string note;
    double seconds = 0;
};

// Types and sha256 of the written file's tensors against the digest's.
Status compareTensors(const fs::path& path, const std::vector<JsonValue>& tensors, size_t& identical,
                      std::vector<std::string>& differ) {
    auto written = gguf::GgufFile::open(path);
    if (!written) return written.error();
    for (const JsonValue& t : tensors) {
        auto text = [&](const char* key) {
            const JsonValue* v = t.find(key);
            return v && v->asString() ? *v->asString() : std::string();
        };
        const std::string name = text("name");
        const gguf::TensorInfo* info = written->findTensor(name);
        if (!info) {
            differ.push_back(name + " (missing)");
            continue;
        }
        const std::string ours(ggmlTypeName(info->type));
        if (ours != text("type"))
            differ.push_back(fmt::format("{} ({} vs {})", name, ours, text("type")));
        else if (sha256Hex(written->tensorData(*info)) != text("sha256"))
            differ.push_back(fmt::format("{} ({} bytes differ)", name, ours));
        else
            ++identical;
    }
    return {};
}

Outcome run(const Digest& digest, const fs::path& zooDir, const fs::path& imatrixDir, const fs::path& outDir,
            unsigned threads, std::map<std::string, Imatrix>& imatrices) {
    Outcome out;
    const fs::path modelPath = zooDir / (digest.model + ".gguf");
    if (!fs::exists(modelPath)) return {Outcome::Kind::Skipped, 0, 0, "no " + modelPath.string(), 0};
    auto reference = readJsonFile(digest.path);
    if (!reference) return {Outcome::Kind::Failed, 0, 0, reference.error().message, 0};
    const auto* tensors = reference->find("tensors") ? reference->find("tensors")->asArray() : nullptr;
    if (!tensors) return {Outcome::Kind::Failed, 0, 0, "the digest has no tensor list", 0};
    out.total = tensors->size();
    const auto preset = presetNamed(digest.preset);
    if (!preset) return {Outcome::Kind::Skipped, 0, out.total, "unknown preset " + digest.preset, 0};

    auto source = gguf::GgufFile::open(modelPath);
    if (!source) return {Outcome::Kind::Failed, 0, out.total, source.error().message, 0};
    PlanOptions options;
    options.allowRequantize = digest.requantize;
    options.writeProvenance = false;
    if (digest.imatrix) {
        auto it = imatrices.find(digest.model);
        if (it == imatrices.end()) {
            auto loaded = loadImatrix(imatrixDir / (digest.model + ".imatrix.gguf"));
            if (!loaded) return {Outcome::Kind::Failed, 0, out.total, loaded.error().message, 0};
            it = imatrices.emplace(digest.model, std::move(*loaded)).first;
        }
        options.imatrix = &it->second;
    }
    auto plan = makeQuantPlan(source->metadata(), source->tensors(), *preset, options);
    if (!plan) return {Outcome::Kind::Failed, 0, out.total, plan.error().message, 0};
    for (const auto& t : plan->tensors)
        if (t.action == TensorAction::Quantize && !canQuantize(t.type))
            return {Outcome::Kind::Skipped, 0, out.total,
                    fmt::format("{} is not implemented in this build", ggmlTypeName(t.type)), 0};

    const fs::path outPath = outDir / (digest.path.stem().string() + ".gguf");
    QuantizeParams params;
    params.source = &*source;
    params.outputs.push_back({std::move(*plan), outPath});
    params.threads = threads;
    const auto started = std::chrono::steady_clock::now();
    auto result = quantize(params);
    out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (!result) return {Outcome::Kind::Failed, 0, out.total, result.error().message, out.seconds};

    std::vector<std::string> differ;
    if (Status compared = compareTensors(outPath, *tensors, out.identical, differ); !compared)
        return {Outcome::Kind::Failed, 0, out.total, compared.error().message, out.seconds};
    std::error_code ignored;
    fs::remove(outPath, ignored);
    out.kind = Outcome::Kind::Compared;
    if (!differ.empty()) {
        out.note = "differ: " + differ.front();
        for (size_t i = 1; i < std::min<size_t>(differ.size(), 4); ++i)
            out.note += ", " + differ[i];
        if (differ.size() > 4) out.note += fmt::format(", ... ({} in all)", differ.size());
    }
    return out;
}

} // namespace

int main(int argc, char** argv) {
    fs::path zooDir;
    std::vector<fs::path> referenceDirs;
    fs::path imatrixDir = fs::path(QF_SHARED_DIR) / "zoo" / "imatrix";
    fs::path outDir = fs::temp_directory_path() / "qf-bench-zoo";
    std::set<std::string> presets = {"Q4_K_M", "Q2_K", "IQ4_XS", "Q8_0", "MXFP4_MOE"};
    bool all = false;
    unsigned threads = 2;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "%s needs a value\n", arg.c_str());
                std::exit(2);
            }
            return argv[++i];
        };
        if (arg == "--presets") {
            const auto list = split(next());
            presets = {list.begin(), list.end()};
        } else if (arg == "--all") {
            all = true;
        } else if (arg == "--threads") {
            threads = unsigned(std::stoul(next()));
        } else if (arg == "--reference") {
            referenceDirs.push_back(next());
        } else if (arg == "--imatrix") {
            imatrixDir = next();
        } else if (arg == "--out-dir") {
            outDir = next();
        } else if (!arg.starts_with("--") && zooDir.empty()) {
            zooDir = arg;
        } else {
            std::fprintf(
                stderr, "usage: bench_zoo ZOO_DIR [--presets A,B] [--all] [--threads N] [--reference DIR]... "
                        "[--imatrix DIR] [--out-dir DIR]\n");
            return 2;
        }
    }
    if (zooDir.empty() || !fs::is_directory(zooDir)) {
        std::fprintf(stderr, "bench_zoo: give the folder make_zoo.py wrote the models to\n");
        return 2;
    }
    std::error_code ec;
    fs::create_directories(outDir, ec);

    if (referenceDirs.empty())
        referenceDirs = {fs::path(QF_SHARED_DIR) / "zoo" / "reference",
                         fs::path(QF_SOURCE_DIR) / "tests" / "fixtures" / "zoo-reference"};
    std::vector<Digest> digests;
    for (const fs::path& dir : referenceDirs) {
        if (!fs::is_directory(dir)) {
            std::fprintf(stderr, "bench_zoo: no digests in %s\n", dir.string().c_str());
            return 2;
        }
        for (const auto& entry : fs::directory_iterator(dir))
            if (entry.path().extension() == ".json") {
                Digest d = parseDigestName(entry.path());
                if (all || presets.count(d.preset)) digests.push_back(std::move(d));
            }
    }
    std::sort(digests.begin(), digests.end(), [](const Digest& a, const Digest& b) {
        return std::tie(a.model, a.preset, a.imatrix, a.requantize) <
               std::tie(b.model, b.preset, b.imatrix, b.requantize);
    });

    std::map<std::string, Imatrix> imatrices;
    size_t identical = 0, total = 0, comparedRuns = 0, perfectRuns = 0, skipped = 0, failed = 0;
    std::printf("%-15s %-10s %-15s %9s %7s  %s\n", "model", "preset", "variant", "identical", "seconds",
                "notes");
    for (const Digest& d : digests) {
        const Outcome o = run(d, zooDir, imatrixDir, outDir, threads, imatrices);
        const char* variant = d.imatrix && d.requantize ? "requant+imatrix"
                              : d.imatrix               ? "imatrix"
                              : d.requantize            ? "requant"
                                                        : "-";
        switch (o.kind) {
        case Outcome::Kind::Compared:
            ++comparedRuns;
            perfectRuns += o.identical == o.total;
            identical += o.identical;
            total += o.total;
            std::printf("%-15s %-10s %-15s %4zu/%-4zu %7.2f  %s\n", d.model.c_str(), d.preset.c_str(),
                        variant, o.identical, o.total, o.seconds, o.note.c_str());
            break;
        case Outcome::Kind::Skipped:
            ++skipped;
            std::printf("%-15s %-10s %-15s %9s %7s  skipped: %s\n", d.model.c_str(), d.preset.c_str(),
                        variant, "", "", o.note.c_str());
            break;
        case Outcome::Kind::Failed:
            ++failed;
            std::printf("%-15s %-10s %-15s %9s %7s  FAILED: %s\n", d.model.c_str(), d.preset.c_str(), variant,
                        "", "", o.note.c_str());
            break;
        }
        std::fflush(stdout);
    }
    std::printf("\n%zu of %zu runs byte-identical (%zu of %zu tensors); %zu skipped, %zu failed\n",
                perfectRuns, comparedRuns, identical, total, skipped, failed);
    return perfectRuns == comparedRuns && failed == 0 ? 0 : 1;
}
