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
#include "qf/gguf/gguf_writer.h"
#include "qf/hf/hf_tensor_source.h"
#include "qf/hf/lora_merge.h"
#include "qf/io/output_policy.h"
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

fs::path stemOf(const fs::path& input) {
    fs::path clean = input;
    if (!clean.has_filename()) clean = clean.parent_path();
    std::string name = clean.filename().string();
    if (name.ends_with(".gguf")) name.resize(name.size() - 5);
    return clean.parent_path() / name;
}

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

    const fs::path named = fs::path(stemOf(basePath).string() + "-lora-merged.gguf");
    const fs::path out = args->value("--output")
                             ? fs::path(*args->value("--output"))
                             : request ? quant::defaultOutputPath(named, request->presets[0]->name) : named;
    const bool overwrite = args->has("--overwrite");
    std::vector<fs::path> inputs = source.inputPaths();
    if (request && request->imatrix && !request->imatrix->sourcePath.empty())
        inputs.push_back(request->imatrix->sourcePath);
    if (auto allowed = io::checkOutputAllowed(out, io::commandOutput(overwrite, inputs)); !allowed) {
        fmt::print(stderr, "error: {}\n", allowed.error().message);
        return 1;
    }

    const auto started = std::chrono::steady_clock::now();
    ProgressLine line;
    uint64_t bytes = 0;
    if (request) {
        auto plan = quant::makeQuantPlan(source.metadata(), source.tensors(), *request->presets[0], request->options);
        if (!plan) {
            fmt::print(stderr, "error: {}: {}\n", request->presets[0]->name, plan.error().message);
            return 1;
        }
        quant::QuantizeParams params;
        params.tensorSource = &source;
        params.threads = unsigned(*threadCount);
        params.overwrite = overwrite;
        params.outputs.push_back({std::move(*plan), out, {}});
        auto result = quant::quantize(params, [&](const Progress& p) {
            line.show(fmt::format("{:5.1f}%  {}", 100.0 * p.fraction(), p.stage));
        });
        line.clear();
        if (!result) {
            fmt::print(stderr, "error: {}\n", result.error().message);
            return 1;
        }
        bytes = result->files[0].bytes;
    } else {
        gguf::WriteParams params;
        params.output = out;
        params.metadata = source.metadata();
        for (const auto& t : source.tensors()) params.tensors.push_back({t.name, t.shape, t.type});
        params.protectedInputs = inputs;
        params.overwrite = overwrite;
        auto data = [&](size_t index, std::span<uint8_t> dst) -> Status {
            line.show(fmt::format("{:5.1f}%  {}", 100.0 * double(index) / double(source.tensors().size()),
                                  source.tensors()[index].name));
            auto got = source.tensorBytes(index);
            if (!got) return got.error();
            if (got->size() != dst.size())
                return makeError("tensor {} has {} bytes, expected {}", source.tensors()[index].name, got->size(),
                                 dst.size());
            std::copy(got->begin(), got->end(), dst.begin());
            source.releaseTensor(index);
            return {};
        };
        Status written = gguf::writeGguf(params, data);
        line.clear();
        if (!written) {
            fmt::print(stderr, "error: {}\n", written.error().message);
            return 1;
        }
        std::error_code ec;
        bytes = fs::file_size(out, ec);
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    fmt::print("{} + {} -> {} ({} weights merged{}, {} bytes, {:.2f} s)\n", basePath.string(), adapterPath.string(),
               out.string(), source.mergedCount(),
               source.widenedCount() ? fmt::format(", {} quantized tensors widened to F16", source.widenedCount())
                                     : std::string(),
               bytes, seconds);
    return 0;
}

} // namespace qf::cli
