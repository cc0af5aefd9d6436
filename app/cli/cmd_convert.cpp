#include <chrono>
#include <cstdio>
#include <filesystem>

#include <fmt/format.h>

#include "cli/cli_args.h"
#include "cli/progress_line.h"
#include "qf/io/output_policy.h"
#include "cli/commands.h"
#include "qf/hf/hf_convert.h"

namespace qf::cli {
namespace fs = std::filesystem;

namespace {

constexpr const char* kUsage =
    "usage: quantforge-cli convert HF_DIR [-o OUT.gguf] [--outtype f16|bf16|f32] [--name NAME] "
    "[--overwrite]\n"
    "  Converts a Hugging Face model folder (config.json, *.safetensors, tokenizer.model) to GGUF as "
    "llama.cpp's\n"
    "  convert_hf_to_gguf.py does. Supported: LlamaForCausalLM, MistralForCausalLM.\n"
    "  -o FILE        output (default: <folder>-<outtype>.gguf beside the folder)\n"
    "  --outtype T    f16 (default), bf16 or f32; 1-D tensors and norms stay f32\n"
    "  --name NAME    general.name (default: from the folder's name, as llama.cpp's --model-name default)\n";

} // namespace

int runConvert(const std::vector<std::string>& argv) {
    ArgSpec spec{.flags = {"--overwrite", "--help"},
                 .valued = {"--output", "--outtype", "--name"},
                 .aliases = {{"-o", "--output"}}};
    auto args = Args::parse(argv, spec);
    if (!args || args->has("--help") || args->positional().size() != 1) {
        if (!args) fmt::print(stderr, "quantforge-cli convert: {}\n", args.error().message);
        fmt::print(stderr, "{}", kUsage);
        return args && args->has("--help") ? 0 : 2;
    }
    hf::ConvertOptions options;
    if (auto t = args->value("--outtype")) {
        const auto type = hf::parseOutType(*t);
        if (!type) {
            fmt::print(stderr, "quantforge-cli convert: --outtype must be f16, bf16 or f32, not '{}'\n", *t);
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
                             : hf::defaultConvertedPath(conversion->folder(), options.outType);
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
               conversion->tensors().size(), hf::outTypeName(options.outType), fs::file_size(out, ec),
               seconds);
    return 0;
}

} // namespace qf::cli
