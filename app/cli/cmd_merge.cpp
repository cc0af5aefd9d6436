#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>

#include <fmt/format.h>

#include "cli/cli_args.h"
#include "cli/commands.h"
#include "cli/plan_options.h"
#include "cli/progress_line.h"
#include "qf/hf/hf_tensor_source.h"
#include "qf/hf/lora_merge.h"
#include "qf/hf/lora_merge_write.h"
#include "qf/quant/quantize_job.h"

namespace qf::cli {
namespace fs = std::filesystem;

namespace {

constexpr const char* kUsage =
    "usage: quantforge-cli merge BASE ADAPTER [-o FILE] [--types PRESET] [--dequantize] [--base DIR]\n"
    "                            [--threads N] [--overwrite] [plan options with --types]\n"
    "  Merges a LoRA adapter into its base model: W + B*A*alpha/r for every adapted weight (PEFT's\n"
    "  merge_and_unload), with the rotary Q/K row order the converter gives the base.\n"
    "  BASE     an F16/BF16/F32 GGUF, or a Hugging Face folder (converted on the fly)\n"
    "  ADAPTER  a PEFT adapter folder (adapter_config.json + adapter_model.safetensors) or a GGUF LoRA\n"
    "  --types PRESET  quantize the merged model straight into PRESET (e.g. Q4_K_M); without it the merged\n"
    "                  model keeps the base's float types. Output: <base>-lora-merged[-PRESET].gguf\n"
    "  --dequantize    the base is block-quantized: widen it to F16 first, merge, then (with --types)\n"
    "                  quantize once. Without it a quantized base is refused, and an adapter trained with\n"
    "                  QLoRA is never merged into a quantized model\n"
    "  --base DIR      a PEFT adapter's base folder (its config.json), when BASE is a GGUF and the\n"
    "                  adapter's base_model_name_or_path is not a local folder\n";

} // namespace

int runMerge(const std::vector<std::string>& argv) {
    ArgSpec spec{.flags = {"--dequantize", "--overwrite", "--help"},
                 .valued = {"--output", "--base", "--threads"},
                 .aliases = {{"-o", "--output"}}};
    addPlanOptions(spec);
    auto args = Args::parse(argv, spec);
    if (!args || args->has("--help") || args->positional().size() != 2) {
        if (!args) fmt::print(stderr, "quantforge-cli merge: {}\n", args.error().message);
        fmt::print(stderr, "{}", kUsage);
        return args && args->has("--help") ? 0 : 2;
    }
    std::optional<PlanRequest> request;
    if (args->value("--types")) {
        auto made = planRequestFrom(*args);
        if (!made) {
            fmt::print(stderr, "quantforge-cli merge: {}\n", made.error().message);
            return 2;
        }
        if (made->presets.size() != 1) {
            fmt::print(stderr, "quantforge-cli merge: --types takes one preset here\n");
            return 2;
        }
        request = std::move(*made);
    }
    auto threadCount = wholeNumberOption(*args, "--threads", 0, 1024);
    if (!threadCount) {
        fmt::print(stderr, "quantforge-cli merge: {}\n", threadCount.error().message);
        return 2;
    }
    const fs::path basePath = args->positional()[0], adapterPath = args->positional()[1];

    std::optional<gguf::GgufFile> file;
    std::optional<hf::HfConversion> conversion;
    std::unique_ptr<quant::TensorSource> baseSource;
    fs::path adapterBase = args->value("--base").value_or("");
    if (hf::looksLikeHfFolder(basePath)) {
        auto opened = hf::HfConversion::open(basePath);
        if (!opened) {
            fmt::print(stderr, "error: {}\n", opened.error().message);
            return 1;
        }
        conversion.emplace(std::move(*opened));
        baseSource = std::make_unique<hf::HfTensorSource>(*conversion);
        if (adapterBase.empty()) adapterBase = conversion->folder();
    } else {
        auto opened = gguf::GgufFile::open(basePath);
        if (!opened) {
            fmt::print(stderr, "error: {}\n", opened.error().message);
            return 1;
        }
        file.emplace(std::move(*opened));
        baseSource = std::make_unique<quant::GgufTensorSource>(*file);
    }
    auto updates = hf::loadLoraUpdates(adapterPath, adapterBase);
    if (!updates) {
        fmt::print(stderr, "error: {}\n", updates.error().message);
        return 1;
    }
    hf::MergeOptions options;
    options.dequantize = args->has("--dequantize");
    auto merged = hf::LoraMergeSource::create(*baseSource, std::move(*updates), options);
    if (!merged) {
        fmt::print(stderr, "error: {}\n", merged.error().message);
        return 1;
    }
    hf::LoraMergeSource& source = **merged;

    const fs::path named = hf::mergedOutputName(basePath);
    const fs::path out = args->value("--output")
                             ? fs::path(*args->value("--output"))
                             : request ? quant::defaultOutputPath(named, request->presets[0]->name) : named;
    hf::MergeWriteParams params;
    params.outputs = {out};
    params.overwrite = args->has("--overwrite");
    params.threads = unsigned(*threadCount);
    if (request) {
        params.presets = {request->presets[0]};
        params.planOptions = request->options;
        if (request->imatrix && !request->imatrix->sourcePath.empty())
            params.protectedInputs.push_back(request->imatrix->sourcePath);
    }

    const auto started = std::chrono::steady_clock::now();
    ProgressLine line;
    auto written = hf::writeMerged(source, params, [&](const Progress& p) {
        line.show(fmt::format("{:5.1f}%  {}", 100.0 * p.fraction(), p.stage));
    });
    line.clear();
    if (!written) {
        fmt::print(stderr, "error: {}\n", written.error().message);
        return 1;
    }
    const uint64_t bytes = written->bytes[0];
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    fmt::print("{} + {} -> {} ({} weights merged{}, {} bytes, {:.2f} s)\n", basePath.string(), adapterPath.string(),
               out.string(), source.mergedCount(),
               source.widenedCount() ? fmt::format(", {} quantized tensors widened to F16", source.widenedCount())
                                     : std::string(),
               bytes, seconds);
    return 0;
}

} // namespace qf::cli
