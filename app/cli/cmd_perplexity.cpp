#include <cmath>
#include <cstdio>

#include <fmt/format.h>

#include "cli/cli_args.h"
#include "cli/commands.h"
#include "cli/eval_options.h"
#include "qf/eval/matmul.h"
#include "qf/eval/evaluation_campaign.h"
#include "qf/eval/perplexity.h"
#include "qf/json_writer.h"

namespace qf::cli {
namespace {

constexpr const char* kUsage =
    "usage: quantforge-cli perplexity MODEL [-f TEXT] [-c N] [--chunks N] [-t N] [--json]\n"
    "  Perplexity of a llama-family GGUF model over a text, computed as llama-perplexity does: chunks of\n"
    "  N tokens, each starting with BOS, the second half of each scored. Prints the running value per\n"
    "  chunk ([1]150.3235,...) and the final estimate with its uncertainty.\n";

void printJson(const std::string& model, const EvalRequest& request, const eval::PerplexityResult& r) {
    JsonWriter j;
    j.beginObject();
    j.field("model", model).field("text", request.textPath.string());
    j.field("context", uint64_t(r.context)).field("chunks", int64_t(r.chunks));
    j.field("text_tokens", uint64_t(r.textTokens)).field("scored_tokens", r.scoredTokens);
    j.field("perplexity", r.perplexity).field("perplexity_error", r.error);
    j.key("running_perplexity").beginArray();
    for (double v : r.runningPerplexity)
        j.value(v);
    j.endArray();
    j.field("seconds", r.seconds).field("tokens_per_second", r.tokensPerSecond);
    j.field("kernels", quant::kernelPathName(eval::activeMatmulPath()));
    j.endObject();
    fmt::print("{}\n", j.str());
}

} // namespace

int runPerplexity(const std::vector<std::string>& argv) {
    ArgSpec spec{.flags = {"--json", "--help"}};
    addEvalOptions(spec);
    auto args = Args::parse(argv, spec);
    if (!args || args->has("--help") || args->positional().size() != 1) {
        if (!args) fmt::print(stderr, "quantforge-cli perplexity: {}\n", args.error().message);
        fmt::print(stderr, "{}{}", kUsage, kEvalOptionsHelp);
        return args && args->has("--help") ? 0 : 2;
    }
    auto request = evalRequestFrom(*args);
    if (!request) {
        fmt::print(stderr, "quantforge-cli perplexity: {}\n", request.error().message);
        return 2;
    }
    const std::string& modelPath = args->positional()[0];
    auto model = eval::LlamaModel::open(modelPath);
    if (!model) {
        fmt::print(stderr, "error: {}\n", model.error().message);
        return 1;
    }
    const bool json = args->has("--json");
    eval::PerplexityParams params;
    params.context = contextFor(*request, (*model)->params().trainedContext, "perplexity");
    params.maxChunks = request->chunks;
    params.threads = request->threads;
    params.llamaCppRounding = request->llamaCppRounding;
    params.flashAttention = request->flashAttention;
    if (!json) {
        params.onChunk = [](int chunk, double ppl) {
            fmt::print("[{}]{:.4f},", chunk, ppl);
            std::fflush(stdout);
        };
    }
    auto result = eval::computePerplexity(**model, request->text, params);
    if (!json) fmt::print("\n");
    if (!result) {
        fmt::print(stderr, "error: {}\n", result.error().message);
        return 1;
    }
    if (!std::isfinite(result->perplexity) || !std::isfinite(result->error)) {
        fmt::print(stderr, "error: the perplexity is {} (not a finite number): the model's weights or the text give "
                           "invalid probabilities\n", result->perplexity);
        return 1;
    }
    // Stored beside the file, where the app shows it.
    if (auto stored = eval::storePerplexityResult(modelPath, request->text, request->textPath.filename().string(),
                                                  request->chunks, *result); !stored)
        fmt::print(stderr, "note: the result was not stored: {}\n", stored.error().message);
    if (json) {
        printJson(modelPath, *request, *result);
    } else {
        fmt::print("Final estimate: PPL = {:.4f} +/- {:.5f}\n", result->perplexity, result->error);
        fmt::print("{} chunks of {} tokens ({} of {} text tokens scored), {:.1f} s, {:.1f} tokens/s\n",
                   result->chunks, result->context, result->scoredTokens, result->textTokens, result->seconds,
                   result->tokensPerSecond);
    }
    return 0;
}

} // namespace qf::cli
