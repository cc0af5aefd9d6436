#include <chrono>
#include <cstdio>
#include <filesystem>

#include <fmt/format.h>

#include "cli/cli_args.h"
#include "cli/progress_line.h"
#include "qf/io/output_policy.h"
#include "cli/commands.h"
#include "qf/hf/hf_convert.h"
#include "qf/hf/lora_adapter.h"

namespace qf::cli {
namespace fs = std::filesystem;

namespace {

constexpr const char* kUsage =
    "usage: quantforge-cli convert HF_DIR [-o OUT.gguf] [--outtype auto|f16|bf16|f32] [--name NAME] "
    "[--overwrite]\n"
    "  Converts a Hugging Face model folder (config.json, *.safetensors, tokenizer.json or tokenizer.model)\n"
    "  to GGUF as llama.cpp's convert_hf_to_gguf.py does. Supported: Llama, Mistral, Mixtral, Qwen2, Qwen3,\n"
    "  Qwen3-MoE, Gemma 2, Gemma 3, Phi-3, gpt-oss, DeepSeek-V2/V3 (F32/F16/BF16, FP8 with block scales,\n"
    "  MXFP4 experts).\n"
    "  -o FILE        output (default: <folder>-<outtype>.gguf beside the folder)\n"
    "  --outtype T    auto (default: bf16 for a BF16 checkpoint, else f16, as llama.cpp's converter decides),\n"
    "                 f16, bf16 or f32; 1-D tensors and norms stay f32\n"
    "  --name NAME    general.name (default: from the folder's name, as llama.cpp's --model-name default)\n"
    "  A PEFT LoRA adapter folder (adapter_config.json + adapter_model.safetensors) converts to a GGUF LoRA as\n"
    "  llama.cpp's convert_lora_to_gguf.py writes it (default --outtype f32, output <folder>-lora-f32.gguf;\n"
    "  auto as for a model):\n"
    "  --base DIR     the base model's folder (only its config.json is read); default: the adapter's\n"
    "                 base_model_name_or_path when that is a local folder\n";

int convertLora(const Args& args, const fs::path& input) {
    hf::LoraOptions options;
    if (auto t = args.value("--outtype")) {
        const auto type = hf::parseOutType(*t);
        if (!type) {
            fmt::print(stderr, "quantforge-cli convert: --outtype must be f32, f16, bf16 or auto, not '{}'\n", *t);
            return 2;
        }
        options.outType = *type;
    }
    options.base = args.value("--base").value_or("");
    auto adapter = hf::LoraAdapter::open(input, options);
    if (!adapter) {
        fmt::print(stderr, "error: {}\n", adapter.error().message);
        return 1;
    }
    const fs::path out = args.value("--output") ? fs::path(*args.value("--output"))
                                                : hf::defaultAdapterPath(adapter->folder(), adapter->outType());
    const bool overwrite = args.has("--overwrite");
    auto status = adapter->write(out, {}, {}, overwrite);
    if (!status) {
        fmt::print(stderr, "error: {}\n", status.error().message);
        return 1;
    }
    std::error_code ec;
    fmt::print("{} -> {} (LoRA adapter, {} tensors, rank {}, alpha {}, {}, {} bytes)\n", adapter->folder().string(),
               out.string(), adapter->tensors().size(), adapter->rank(), adapter->alpha(),
               hf::outTypeName(adapter->outType()), fs::file_size(out, ec));
    if (!adapter->quantizedBaseEvidence().empty())
        fmt::print("note: trained on a 4-bit base ({}): ship it beside the base (Ollama: FROM base + ADAPTER; "
                   "llama.cpp: --lora) rather than merging it into a quantized model\n",
                   adapter->quantizedBaseEvidence());
    return 0;
}

} // namespace

int runConvert(const std::vector<std::string>& argv) {
    ArgSpec spec{.flags = {"--overwrite", "--help"},
                 .valued = {"--output", "--outtype", "--name", "--base"},
                 .aliases = {{"-o", "--output"}}};
    auto args = Args::parse(argv, spec);
    if (!args || args->has("--help") || args->positional().size() != 1) {
        if (!args) fmt::print(stderr, "quantforge-cli convert: {}\n", args.error().message);
        fmt::print(stderr, "{}", kUsage);
        return args && args->has("--help") ? 0 : 2;
    }
    if (hf::isLoraAdapterFolder(args->positional()[0])) return convertLora(*args, args->positional()[0]);
    hf::ConvertOptions options;
    if (auto t = args->value("--outtype")) {
        const auto type = hf::parseOutType(*t);
        if (!type) {
            fmt::print(stderr, "quantforge-cli convert: --outtype must be auto, f16, bf16 or f32, not '{}'\n", *t);
            return 2;
        }
        options.outType = *type;
    }
    options.modelName = args->value("--name").value_or("");

    const fs::path input = args->positional()[0];
    auto conversion = hf::HfConversion::open(input, options);
    if (!conversion) {
        fmt::print(stderr, "error: {}\n", conversion.error().message);
        return 1;
    }
    const fs::path out = args->value("--output")
                             ? fs::path(*args->value("--output"))
                             : hf::defaultConvertedPath(conversion->folder(), conversion->outType());
    std::error_code ec;
    const bool overwrite = args->has("--overwrite");
    if (auto allowed = io::checkOutputAllowed(out, io::commandOutput(overwrite, conversion->inputPaths())); !allowed) {
        fmt::print(stderr, "error: {}\n", allowed.error().message);
        return 1;
    }
    announceRemovedTemporaries(out);

    ProgressLine line;
    auto progress = [&](const Progress& p) { line.show(fmt::format("{:5.1f}%  {}", 100.0 * p.fraction(), p.stage)); };
    const auto started = std::chrono::steady_clock::now();
    auto status = conversion->write(out, progress, {}, overwrite);
    line.clear();
    if (!status) {
        fmt::print(stderr, "error: {}\n", status.error().message);
        return 1;
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    fmt::print("{} -> {} ({} tensors, {}, {} bytes, {:.1f} s)\n", conversion->folder().string(), out.string(),
               conversion->tensors().size(), hf::outTypeName(conversion->outType()), fs::file_size(out, ec),
               seconds);
    return 0;
}

} // namespace qf::cli
