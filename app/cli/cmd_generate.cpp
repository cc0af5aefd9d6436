#include <cstdint>
#include <cmath>
#include <cstdio>
#include <string>

#include <fmt/format.h>

#include "cli/cli_args.h"
#include "cli/commands.h"
#include "qf/eval/generation.h"
#include "qf/eval/matmul.h"
#include "qf/json_writer.h"
#include "qf/quant/kernels.h"

namespace qf::cli {
namespace {

constexpr const char* kUsage =
    "usage: quantforge-cli generate MODEL --prompt TEXT [--max-tokens N] [--temperature T] [--top-p P]\n"
    "                               [--top-k K] [--seed S] [--ctx N] [--threads N] [--json]\n"
    "  Continues a prompt with a llama-family GGUF model, printing tokens as they come. Temperature 0\n"
    "  (the default) is greedy; otherwise temperature, top-k and top-p (nucleus) sampling with a seeded\n"
    "  generator: the same seed gives the same text.\n"
    "  --max-tokens N    tokens to generate at most (default 128)\n"
    "  --temperature T   default 0 (greedy)\n"
    "  --top-p P         default 1 (off); --top-k K: default 0 (off)\n"
    "  --seed S          default 0\n"
    "  -c, --ctx N       context size (default: the model's)\n"
    "  -t, --threads N   threads (default: all)\n";

int usageError(const std::string& message) {
    fmt::print(stderr, "quantforge-cli generate: {}\n{}", message, kUsage);
    return 2;
}

// A decimal option (temperature, top-p); `out` keeps its default when the option is absent.
bool parseDecimal(const Args& args, const char* option, float& out) {
    const auto v = args.value(option);
    if (!v) return true;
    try {
        size_t used = 0;
        out = std::stof(*v, &used);
        return used == v->size();
    } catch (...) {
        return false;
    }
}

} // namespace

int runGenerate(const std::vector<std::string>& argv) {
    ArgSpec spec{
        .flags = {"--json", "--help", "--reference-kernels"},
        .valued = {"--prompt", "--max-tokens", "--temperature", "--top-p", "--top-k", "--seed", "--ctx",
                   "--threads"},
        .aliases = {{"-p", "--prompt"}, {"-n", "--max-tokens"}, {"-c", "--ctx"}, {"-t", "--threads"}}};
    auto args = Args::parse(argv, spec);
    if (!args) return usageError(args.error().message);
    if (args->has("--help")) {
        fmt::print("{}", kUsage);
        return 0;
    }
    if (args->positional().size() != 1) return usageError("give one MODEL");
    const auto prompt = args->value("--prompt");
    if (!prompt) return usageError("--prompt is required");
    eval::GenerationParams params;
    auto maxTokens = wholeNumberOption(*args, "--max-tokens", 128, 1u << 20);
    if (!maxTokens) return usageError(maxTokens.error().message);
    if (!parseDecimal(*args, "--temperature", params.sampling.temperature) ||
        !std::isfinite(params.sampling.temperature) || params.sampling.temperature < 0)
        return usageError("--temperature needs a finite number >= 0");
    if (!parseDecimal(*args, "--top-p", params.sampling.topP) || !(params.sampling.topP > 0) ||
        params.sampling.topP > 1)
        return usageError("--top-p needs a number in (0, 1]");
    auto topK = wholeNumberOption(*args, "--top-k", 0, 1u << 30);
    if (!topK) return usageError(topK.error().message);
    auto seed = wholeNumberOption(*args, "--seed", params.sampling.seed, UINT64_MAX);
    if (!seed) return usageError(seed.error().message);
    params.sampling.seed = decltype(params.sampling.seed)(*seed);
    auto ctx = wholeNumberOption(*args, "--ctx", 0, 1u << 20);
    if (!ctx) return usageError(ctx.error().message);
    auto threads = wholeNumberOption(*args, "--threads", 0, 1024);
    if (!threads) return usageError(threads.error().message);
    params.maxTokens = int(*maxTokens);
    params.sampling.topK = int(*topK);
    params.context = uint32_t(*ctx);
    params.threads = unsigned(*threads);
    if (args->has("--reference-kernels")) quant::forceReferencePath(true);

    const std::string& modelPath = args->positional()[0];
    auto model = eval::LlamaModel::open(modelPath);
    if (!model) {
        fmt::print(stderr, "error: {}\n", model.error().message);
        return 1;
    }
    const bool json = args->has("--json");
    eval::TokenCallback stream;
    if (!json) {
        fmt::print("{}", *prompt);
        std::fflush(stdout);
        stream = [](eval::Token, std::string_view piece) {
            fmt::print("{}", piece);
            std::fflush(stdout);
            return true;
        };
    }
    auto result = eval::generate(**model, *prompt, params, stream);
    if (!result) {
        if (!json) fmt::print("\n");
        fmt::print(stderr, "error: {}\n", result.error().message);
        return 1;
    }
    if (json) {
        JsonWriter j;
        j.beginObject();
        j.field("model", modelPath).field("prompt", *prompt).field("text", result->text);
        j.key("tokens").beginArray();
        for (eval::Token t : result->tokens)
            j.value(int64_t(t));
        j.endArray();
        j.field("prompt_tokens", uint64_t(result->promptTokens.size()));
        j.field("generated_tokens", uint64_t(result->tokens.size()));
        j.field("stop_reason", eval::stopReasonName(result->stopReason));
        j.field("temperature", double(params.sampling.temperature))
            .field("top_p", double(params.sampling.topP));
        j.field("top_k", int64_t(params.sampling.topK)).field("seed", uint64_t(params.sampling.seed));
        j.field("prompt_tokens_per_second", result->promptTokensPerSecond);
        j.field("generation_tokens_per_second", result->generationTokensPerSecond);
        j.field("kernels", quant::kernelPathName(eval::activeMatmulPath()));
        j.endObject();
        fmt::print("{}\n", j.str());
    } else {
        fmt::print("\n\n[{} prompt tokens, {:.1f} tokens/s; {} generated, {:.1f} tokens/s; stop: {}]\n",
                   result->promptTokens.size(), result->promptTokensPerSecond, result->tokens.size(),
                   result->generationTokensPerSecond, eval::stopReasonName(result->stopReason));
    }
    return 0;
}

} // namespace qf::cli
