#include <chrono>
#include <cstdio>
#include <filesystem>
#include <optional>

#include <fmt/format.h>

#include "cli/cli_args.h"
#include "cli/progress_line.h"
#include "qf/io/output_policy.h"
#include "cli/commands.h"
#include "cli/plan_options.h"
#include "qf/hf/hf_tensor_source.h"
#include "qf/json_writer.h"
#include "qf/parallel.h"
#include "qf/quant/kernels.h"
#include "qf/quant/plan_fallbacks.h"
#include "qf/quant/quant_lock.h"
#include "qf/quant/quantize_job.h"

namespace qf::cli {
namespace fs = std::filesystem;

namespace {

constexpr const char* kUsage =
    "usage: quantforge-cli quantize IN [--types LIST] [--out-dir DIR | -o FILE] [--imatrix F] [--threads N]\n"
    "                               [--dry-run] [--overwrite] [--json] [options]\n"
    "  Produces one GGUF file per preset, reading the source once. Outputs are named <model>-<PRESET>.gguf\n"
    "  beside the source (or in --out-dir); -o names the file when there is one preset.\n"
    "  IN may be a Hugging Face folder (config.json + safetensors): it is converted on the fly, with no\n"
    "  intermediate file, in the checkpoint's own type (BF16 stays BF16, as convert_hf_to_gguf.py's\n"
    "  --outtype auto).\n"
    "  --threads N         worker threads (default: all)        --dry-run   plan only, write nothing\n"
    "  --overwrite         replace existing output files        --reference-kernels  force the scalar path\n"
    "  --sync              wait until each file is on disk before naming it (slower; safe across power loss)\n"
    "  --split-max-size S  write each output as <name>-00001-of-0000N.gguf shards of at most S tensor bytes\n"
    "                      (50G = 50*10^9, 500M), as llama.cpp's gguf-split; the shards open as one model\n"
    "  --split-max-tensors N  the same, N tensors per shard\n"
    "  --no-lock           do not write <output>.lock (the reproducibility record: source, imatrix and output\n"
    "                      sha256, preset, options, per-tensor types, version; check it with `verify-lock`),\n"
    "                      nor the source/imatrix digests into the GGUF (saves reading the source twice)\n";

} // namespace

int runQuantize(const std::vector<std::string>& argv) {
    ArgSpec spec{.flags = {"--json", "--dry-run", "--overwrite", "--reference-kernels", "--sync", "--no-lock", "--help"},
                 .valued = {"--out-dir", "--output", "--threads", "--split-max-size", "--split-max-tensors"},
                 .aliases = {{"-o", "--output"}}};
    addPlanOptions(spec);
    auto args = Args::parse(argv, spec);
    if (!args || args->has("--help") || args->positional().size() != 1) {
        if (!args) fmt::print(stderr, "quantforge-cli quantize: {}\n", args.error().message);
        fmt::print(stderr, "{}{}", kUsage, kPlanOptionsHelp);
        return args && args->has("--help") ? 0 : 2;
    }
    auto request = planRequestFrom(*args);
    if (!request) {
        fmt::print(stderr, "quantforge-cli quantize: {}\n", request.error().message);
        return 2;
    }
    if (args->value("--output") && (request->presets.size() != 1 || args->value("--out-dir"))) {
        fmt::print(stderr, "quantforge-cli quantize: -o names one file: use it with one preset and without --out-dir\n");
        return 2;
    }
    auto threadCount = wholeNumberOption(*args, "--threads", 0, 1024);
    if (!threadCount) {
        fmt::print(stderr, "quantforge-cli quantize: {}\n", threadCount.error().message);
        return 2;
    }
    const unsigned threads = unsigned(*threadCount);
    if (args->has("--reference-kernels")) quant::forceReferencePath(true);

    const fs::path input = args->positional()[0];
    // A Hugging Face folder is converted tensor by tensor as the job reads it.
    std::optional<gguf::GgufFile> file;
    std::optional<hf::HfConversion> conversion;
    std::optional<hf::HfTensorSource> hfSource;
    std::optional<quant::GgufTensorSource> fileSource;
    fs::path namedAfter = input;
    if (hf::looksLikeHfFolder(input)) {
        auto opened = hf::HfConversion::open(input);
        if (!opened) {
            fmt::print(stderr, "error: {}\n", opened.error().message);
            return 1;
        }
        conversion.emplace(std::move(*opened));
        hfSource.emplace(*conversion);
        fs::path folder = conversion->folder();
        if (!folder.has_filename()) folder = folder.parent_path();
        // Outputs go beside the folder, named after it ("Llama-3.1-8B" must keep ".1-8B").
        namedAfter = folder.parent_path() / (folder.filename().string() + ".gguf");
    } else {
        auto opened = gguf::GgufFile::open(input);
        if (!opened) {
            fmt::print(stderr, "error: {}\n", opened.error().message);
            return 1;
        }
        file.emplace(std::move(*opened));
        fileSource.emplace(*file);
    }
    const quant::TensorSource& source = hfSource ? static_cast<const quant::TensorSource&>(*hfSource) : *fileSource;
    quant::QuantizeParams params;
    params.source = file ? &*file : nullptr;
    params.tensorSource = hfSource ? &*hfSource : nullptr;
    params.threads = threads;
    params.durable = args->has("--sync");
    params.overwrite = args->has("--overwrite");
    gguf::SplitOptions split;
    if (args->value("--split-max-size") && args->value("--split-max-tensors")) {
        fmt::print(stderr, "error: --split-max-size and --split-max-tensors cannot be combined\n");
        return 2;
    }
    if (auto size = args->value("--split-max-size")) {
        auto bytes = gguf::parseSplitSize(*size);
        if (!bytes) {
            fmt::print(stderr, "error: --split-max-size: {}\n", bytes.error().message);
            return 2;
        }
        split.maxBytes = *bytes;
    }
    if (args->value("--split-max-tensors")) {
        auto n = wholeNumberOption(*args, "--split-max-tensors", 0, 1u << 20);
        if (!n || *n == 0) {
            fmt::print(stderr, "error: --split-max-tensors needs a whole number from 1\n");
            return 2;
        }
        split.maxTensors = uint32_t(*n);
    }
    // The reproducibility record: digests of the inputs first, so that they go into the GGUF too.
    const bool writeLock = !args->has("--no-lock") && !args->has("--dry-run");
    fs::path lockSource = conversion ? conversion->folder() : input;
    quant::FileDigest sourceDigest;
    std::optional<quant::FileDigest> imatrixDigest;
    if (writeLock) {
        // The source is hashed by the quantize job while it reads the tensors (one pass over the files); the
        // digest goes into each GGUF in the place of kPendingSha256.
        auto files = quant::sourceFilesOf(lockSource);
        Status ready = files ? Status{} : Status(files.error());
        if (ready && request->imatrix) {
            auto im = quant::digestFiles({request->imatrix->sourcePath}, request->imatrix->sourcePath.parent_path());
            if (!im) ready = im.error();
            else imatrixDigest = std::move(*im);
        }
        if (!ready) {
            fmt::print(stderr, "error: {} (pass --no-lock to quantize without a reproducibility record)\n",
                       ready.error().message);
            return 1;
        }
        params.hashSource = std::move(*files);
        request->options.sourceSha256 = std::string(quant::kPendingSha256);
        if (imatrixDigest) request->options.imatrixSha256 = imatrixDigest->sha256;
    }
    std::vector<fs::path> inputs = source.inputPaths();
    if (request->imatrix && !request->imatrix->sourcePath.empty()) inputs.push_back(request->imatrix->sourcePath);
    const io::OutputPolicy policy = io::commandOutput(params.overwrite, inputs);
    for (const auto* preset : request->presets) {
        auto plan = quant::makeQuantPlan(source.metadata(), source.tensors(), *preset, request->options);
        if (!plan) {
            fmt::print(stderr, "error: {}: {}{}\n", preset->name, plan.error().message,
                       request->options.allowRequantize ? "" : requantizeHint(plan.error()));
            return 1;
        }
        for (const auto& w : plan->warnings) fmt::print(stderr, "note: {}: {}\n", preset->name, w);
        fs::path out = args->value("--output") ? fs::path(*args->value("--output"))
                                               : quant::defaultOutputPath(namedAfter, preset->name,
                                                                          args->value("--out-dir").value_or(""));
        // Checked now so that a refusal comes before the work; the write checks again at the end, and its
        // link-into-place fails if another run took the name meanwhile.
        // A split output writes the shards, not `out`: those are the names that must be free.
        auto written = gguf::splitOutputPaths(plan->writeParams(out), split);
        if (!written) {
            fmt::print(stderr, "error: {}: {}\n", preset->name, written.error().message);
            return 1;
        }
        for (const fs::path& path : *written)
            if (auto allowed = io::checkOutputAllowed(path, policy); !args->has("--dry-run") && !allowed) {
                fmt::print(stderr, "error: {}\n", allowed.error().message);
                return 1;
            }
        if (plan->fallbackCount) fmt::print(stderr, "note: {}: {}\n", preset->name, quant::describeFallbacks(*plan));
        for (const auto& o : params.outputs)
            if (quant::sameTensorTypes(o.plan, *plan))
                fmt::print(stderr, "note: {} gives the same tensors as {} on this model\n", preset->name, o.plan.preset.name);
        params.outputs.push_back({std::move(*plan), out, split});
    }

    const bool json = args->has("--json");
    if (args->has("--dry-run")) {
        JsonWriter j;
        if (json) j.beginArray();
        for (const auto& o : params.outputs) {
            if (json)
                j.beginObject().field("preset", o.plan.preset.name).field("path", o.path.string())
                    .field("file_bytes", o.plan.fileBytes).endObject();
            else
                fmt::print("{:<8} -> {} ({} bytes, {})\n", o.plan.preset.name, o.path.string(), o.plan.fileBytes,
                           humanBytes(o.plan.fileBytes));
        }
        if (json) fmt::print("{}\n", j.endArray().str());
        return 0;
    }

    for (const auto& o : params.outputs) announceRemovedTemporaries(o.path);
    const auto started = std::chrono::steady_clock::now();
    ProgressLine line;
    auto progress = [&](const Progress& p) {
        if (json) return;
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        const double rate = seconds > 0 ? double(p.done) / seconds : 0;
        line.show(fmt::format("{:5.1f}%  {:>8}/s  {}", 100.0 * p.fraction(), humanBytes(uint64_t(rate)), p.stage));
    };
    auto result = quant::quantize(params, progress);
    line.clear();
    if (!result) {
        fmt::print(stderr, "error: {}\n", result.error().message);
        return 1;
    }
    if (writeLock) sourceDigest = std::move(*result->sourceDigest);
    std::vector<fs::path> locks;
    for (size_t i = 0; writeLock && i < result->files.size(); ++i) {
        const fs::path lockPath = quant::lockPathFor(result->files[i].path);
        auto lock = quant::makeLock(params.outputs[i].plan, lockPath, lockSource, sourceDigest, imatrixDigest, split,
                                    result->files[i].shards);
        Status saved = lock ? quant::saveLock(*lock, lockPath) : Status(lock.error());
        if (!saved) {
            fmt::print(stderr, "error: the quant was written but its lock was not: {}\n", saved.error().message);
            return 1;
        }
        locks.push_back(lockPath);
    }
    // A lock left by an earlier run describes another file now.
    for (size_t i = 0; !writeLock && i < result->files.size(); ++i) {
        std::error_code ec;
        if (fs::remove(quant::lockPathFor(result->files[i].path), ec))
            fmt::print(stderr, "note: removed {}, which described the file replaced\n",
                       quant::lockPathFor(result->files[i].path).string());
    }
    if (json) {
        JsonWriter j;
        j.beginObject().field("source", input.string()).field("seconds", result->seconds);
        j.field("kernels", quant::kernelPathName(quant::activePath())).key("files").beginArray();
        for (size_t i = 0; i < result->files.size(); ++i)
        {
            j.beginObject().field("preset", params.outputs[i].plan.preset.name)
                .field("path", result->files[i].path.string()).field("bytes", result->files[i].bytes);
            if (writeLock) j.field("lock", locks[i].string());
            if (split.enabled()) {
                j.key("shards").beginArray();
                for (const auto& shard : result->files[i].shards) j.value(shard.string());
                j.endArray();
            }
            j.endObject();
        }
        fmt::print("{}\n", j.endArray().endObject().str());
    } else {
        for (size_t i = 0; i < result->files.size(); ++i)
            fmt::print("{:<8} {} ({}{})\n", params.outputs[i].plan.preset.name, result->files[i].path.string(),
                       humanBytes(result->files[i].bytes),
                       split.enabled() ? fmt::format(", {} shards", result->files[i].shards.size()) : std::string());
        for (const auto& l : locks) fmt::print("lock     {}\n", l.string());
        fmt::print("done in {:.2f} s ({} kernels, {} threads)\n", result->seconds,
                   quant::kernelPathName(quant::activePath()), threads ? threads : qf::hardwareThreads());
    }
    return 0;
}

} // namespace qf::cli
