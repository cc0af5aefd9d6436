#include <cstdio>
#include <filesystem>
#include <system_error>

#include <fmt/format.h>

#include "cli/cli_args.h"
#include "cli/commands.h"
#include "qf/eval/imatrix_compute.h"
#include "qf/eval/matmul.h"
#include "qf/io/output_policy.h"
#include "qf/json_writer.h"
#include "qf/quant/kernels.h"

namespace qf::cli {
namespace {
namespace fs = std::filesystem;

constexpr const char* kUsage =
    "usage: quantforge-cli imatrix MODEL [--text FILE] [-o OUT] [--format gguf|dat] [--ctx N] [--chunks N]\n"
    "                              [--batch N] [--threads N] [--process-output] [--cache-dir DIR] "
    "[--no-cache]\n"
    "                              [--json]\n"
    "  Importance matrix of a llama-family GGUF model over calibration text, computed as llama-imatrix does\n"
    "  (per input column of every blk.* weight, the mean of squared activations, with call counts).\n"
    "  --text FILE       calibration text, plain or .zst (default: the bundled books-calibration.txt)\n"
    "  -o, --output OUT  where to write (default: imatrix.gguf, or imatrix.dat with --format dat)\n"
    "  --overwrite       replace OUT if it exists (never the model or the text)\n"
    "  --format F        gguf (default; .dat outputs default to dat) or dat (llama.cpp's legacy format)\n"
    "  -c, --ctx N       tokens per chunk (default 512, as llama-imatrix)\n"
    "  --chunks N        only the first N chunks\n"
    "  -b, --batch N     tokens per evaluation batch (default: the context)\n"
    "  -t, --threads N   threads (default: all)\n"
    "  --process-output  also collect output.weight\n"
    "  --cache-dir DIR   where the cache goes (default: beside the model); --no-cache: always recompute\n";

int usageError(const std::string& message) {
    fmt::print(stderr, "quantforge-cli imatrix: {}\n{}", message, kUsage);
    return 2;
}

} // namespace

int runImatrix(const std::vector<std::string>& argv) {
    ArgSpec spec{
        .flags = {"--json", "--help", "--process-output", "--no-cache", "--reference-kernels", "--overwrite"},
        .valued = {"--text", "--output", "--format", "--ctx", "--chunks", "--batch", "--threads",
                   "--cache-dir"},
        .aliases = {
            {"-o", "--output"}, {"-c", "--ctx"}, {"-b", "--batch"}, {"-t", "--threads"}, {"-f", "--text"}}};
    auto args = Args::parse(argv, spec);
    if (!args) return usageError(args.error().message);
    if (args->has("--help")) {
        fmt::print("{}", kUsage);
        return 0;
    }
    if (args->positional().size() != 1) return usageError("give one MODEL");
    auto context = wholeNumberOption(*args, "--ctx", 512, 1u << 20);
    auto chunks = wholeNumberOption(*args, "--chunks", 0, 1u << 30);
    auto batch = wholeNumberOption(*args, "--batch", 0, 1u << 20);
    auto threads = wholeNumberOption(*args, "--threads", 0, 1024);
    for (const auto* r : {&context, &chunks, &batch, &threads})
        if (!*r) return usageError(r->error().message);
    if (*context == 0) return usageError("--ctx must be positive");

    const fs::path modelPath = args->positional()[0];
    const fs::path textPath =
        args->value("--text") ? fs::path(*args->value("--text")) : bundledDataFile("books-calibration.txt");
    if (textPath.empty()) return usageError("no calibration text: give one with --text FILE");
    const std::string formatName = args->value("--format").value_or("");
    if (!formatName.empty() && formatName != "gguf" && formatName != "dat")
        return usageError(fmt::format("--format is gguf or dat, not '{}'", formatName));
    const auto outOption = args->value("--output");
    const bool legacy = formatName == "dat" ||
                        (formatName.empty() && outOption && fs::path(*outOption).extension() == ".dat");
    const fs::path out = outOption ? fs::path(*outOption) : fs::path(legacy ? "imatrix.dat" : "imatrix.gguf");
    if (args->has("--reference-kernels")) quant::forceReferencePath(true);

    // Refuse a bad output before the long computation, not after it (the write checks again).
    std::vector<fs::path> inputs{textPath};
    inputs.push_back(modelPath);
    const io::OutputPolicy policy = io::commandOutput(args->has("--overwrite"), inputs);
    if (auto allowed = io::checkOutputAllowed(out, policy); !allowed) {
        fmt::print(stderr, "error: {}\n", allowed.error().message);
        return 1;
    }
    announceRemovedTemporaries(out);
    auto text = eval::readCalibrationText(textPath);
    if (!text) {
        fmt::print(stderr, "error: {}\n", text.error().message);
        return 1;
    }
    auto model = eval::LlamaModel::open(modelPath);
    if (!model) {
        fmt::print(stderr, "error: {}\n", model.error().message);
        return 1;
    }
    std::vector<fs::path> allInputs = policy.inputs;
    for (const auto& shard : (*model)->file().shardPaths()) allInputs.push_back(shard);
    const io::OutputPolicy finalPolicy = io::commandOutput(policy.overwrite, allInputs);
    const bool json = args->has("--json");
    eval::ImatrixParams params;
    params.context = uint32_t(*context);
    params.batch = uint32_t(*batch);
    params.maxChunks = args->value("--chunks") ? int(*chunks) : -1;
    params.threads = unsigned(*threads);
    params.includeOutput = args->has("--process-output");
    params.datasetName = textPath.string();
    if (!json) {
        params.onChunk = [](int chunk, double ppl) {
            fmt::print("[{}]{:.4f},", chunk, ppl);
            std::fflush(stdout);
        };
    }
    auto result = args->has("--no-cache")
                      ? eval::computeImatrix(**model, *text, params)
                      : eval::computeImatrixCached(**model, modelPath, *text, params,
                                                   fs::path(args->value("--cache-dir").value_or("")));
    if (!json && !(result && result->fromCache)) fmt::print("\n");
    if (!result) {
        fmt::print(stderr, "error: {}\n", result.error().message);
        return 1;
    }
    auto imatrix = result->toImatrix(legacy ? quant::ImatrixFormat::Legacy : quant::ImatrixFormat::Gguf,
                                     params.datasetName);
    if (!imatrix) {
        fmt::print(stderr, "error: {}\n", imatrix.error().message);
        return 1;
    }
    const Status saved =
        legacy ? quant::saveLegacyImatrix(*imatrix, out, finalPolicy) : quant::saveGgufImatrix(*imatrix, out, finalPolicy);
    if (!saved) {
        fmt::print(stderr, "error: {}\n", saved.error().message);
        return 1;
    }
    if (json) {
        JsonWriter j;
        j.beginObject();
        j.field("model", modelPath.string()).field("text", textPath.string()).field("output", out.string());
        j.field("format", legacy ? "dat" : "gguf");
        j.field("context", uint64_t(result->context)).field("chunks", int64_t(result->chunks));
        j.field("text_tokens", uint64_t(result->textTokens))
            .field("entries", uint64_t(imatrix->entries().size()));
        j.field("perplexity", result->perplexity).field("perplexity_error", result->perplexityError);
        j.field("from_cache", result->fromCache);
        j.field("seconds", result->seconds).field("tokens_per_second", result->tokensPerSecond);
        j.field("kernels", quant::kernelPathName(eval::activeMatmulPath()));
        j.endObject();
        fmt::print("{}\n", j.str());
    } else {
        if (result->fromCache) fmt::print("(from cache)\n");
        fmt::print("Final estimate: PPL = {:.4f} +/- {:.5f}\n", result->perplexity, result->perplexityError);
        fmt::print("{} entries over {} chunks of {} tokens written to {} ({})", imatrix->entries().size(),
                   result->chunks, result->context, out.string(), legacy ? "legacy .dat" : "GGUF");
        fmt::print("; {:.1f} s, {:.0f} tokens/s{}", result->seconds, result->tokensPerSecond,
                   result->fromCache ? " when computed" : "");
        fmt::print("\n");
    }
    return 0;
}

} // namespace qf::cli
