#include <cstdio>

#include <fmt/format.h>

#include "cli/cli_args.h"
#include "cli/progress_line.h"
#include "cli/commands.h"
#include "cli/eval_options.h"
#include "qf/eval/evaluation_campaign.h"
#include "qf/eval/kld.h"
#include "qf/eval/llama_logits_file.h"
#include "qf/eval/matmul.h"
#include "qf/json_writer.h"

namespace qf::cli {
namespace {

constexpr const char* kUsage =
    "usage: quantforge-cli kld MODEL --base BASE [-f TEXT] [-c N] [--chunks N] [-t N] [--cache-dir DIR] "
    "[--json]\n"
    "       quantforge-cli kld MODEL --base-logits FILE [--chunks N] [-t N] [--json]\n"
    "  KL divergence of MODEL against BASE (usually the F16 original) over a text, with the statistics\n"
    "  llama-perplexity --kl-divergence reports. The base pass runs once and is cached beside BASE (or in\n"
    "  --cache-dir) as <base>.kld-c<N>-<text>.qfkl; later runs against the same base and text reuse it.\n"
    "  --base-logits FILE: the base log-probabilities saved by llama-perplexity --kl-divergence-base FILE\n"
    "  (its tokens and context are used; -f and -c are ignored).\n";

void printChunk(int chunk, const eval::KldSummary& s) {
    if (chunk == 1)
        fmt::print(
            "chunk             PPL               ln(PPL(Q)/PPL(base))          KL Divergence              "
            "Δp RMS            Same top p\n");
    fmt::print(
        "{:4}    {:9.4f} ± {:9.4f}    {:10.5f} ± {:10.5f}    {:10.5f} ± {:10.5f}    {:6.3f} ± {:6.3f} %    "
        "{:6.3f} ± {:6.3f} %\n",
        chunk, s.perplexity.value, s.perplexity.error, s.lnPerplexityRatio.value, s.lnPerplexityRatio.error,
        s.meanKld.value, s.meanKld.error, 100 * s.rmsDeltaP.value, 100 * s.rmsDeltaP.error,
        100 * s.sameTop.value, 100 * s.sameTop.error);
    std::fflush(stdout);
}

void printText(const eval::KldResult& r) {
    const eval::KldSummary& s = r.summary;
    fmt::print("\n====== Perplexity statistics ======\n");
    fmt::print("Mean PPL(Q)                   : {:10.6f} ± {:10.6f}\n", s.perplexity.value,
               s.perplexity.error);
    fmt::print("Mean PPL(base)                : {:10.6f} ± {:10.6f}\n", s.basePerplexity.value,
               s.basePerplexity.error);
    fmt::print("Cor(ln(PPL(Q)), ln(PPL(base))): {:6.2f}%\n", 100 * s.correlation);
    fmt::print("Mean ln(PPL(Q)/PPL(base))     : {:10.6f} ± {:10.6f}\n", s.lnPerplexityRatio.value,
               s.lnPerplexityRatio.error);
    fmt::print("Mean PPL(Q)/PPL(base)         : {:10.6f} ± {:10.6f}\n", s.perplexityRatio.value,
               s.perplexityRatio.error);
    fmt::print("Mean PPL(Q)-PPL(base)         : {:10.6f} ± {:10.6f}\n", s.perplexityDifference.value,
               s.perplexityDifference.error);
    fmt::print("\n====== KL divergence statistics ======\n");
    fmt::print("Mean    KLD: {:10.6f} ± {:10.6f}\n", s.meanKld.value, s.meanKld.error);
    fmt::print("Maximum KLD: {:10.6f}\n99.9%   KLD: {:10.6f}\n99.0%   KLD: {:10.6f}\n95.0%   KLD: {:10.6f}\n"
               "90.0%   KLD: {:10.6f}\nMedian  KLD: {:10.6f}\n10.0%   KLD: {:10.6f}\n 5.0%   KLD: {:10.6f}\n"
               " 1.0%   KLD: {:10.6f}\nMinimum KLD: {:10.6f}\n",
               s.maxKld, s.kld999, s.kld99, s.kld95, s.kld90, s.medianKld, s.kld10, s.kld5, s.kld1, s.minKld);
    fmt::print("Exact   KLD: {:10.6f} ± {:10.6f}  (whole vocabulary, unrounded base)\n", s.exactMeanKld.value,
               s.exactMeanKld.error);
    fmt::print("\n====== Token probability statistics ======\n");
    fmt::print("Mean    Δp: {:6.3f} ± {:5.3f} %\n", 100 * s.meanDeltaP.value, 100 * s.meanDeltaP.error);
    const std::pair<const char*, double> rows[] = {
        {"Maximum", s.maxDeltaP},    {"99.9%  ", s.deltaP999}, {"99.0%  ", s.deltaP99},
        {"95.0%  ", s.deltaP95},     {"90.0%  ", s.deltaP90},  {"75.0%  ", s.deltaP75},
        {"Median ", s.medianDeltaP}, {"25.0%  ", s.deltaP25},  {"10.0%  ", s.deltaP10},
        {" 5.0%  ", s.deltaP5},      {" 1.0%  ", s.deltaP1},   {" 0.1%  ", s.deltaP01},
        {"Minimum", s.minDeltaP}};
    for (const auto& [label, v] : rows)
        fmt::print("{} Δp: {:6.3f}%\n", label, 100 * v);
    fmt::print("RMS Δp    : {:6.3f} ± {:5.3f} %\n", 100 * s.rmsDeltaP.value, 100 * s.rmsDeltaP.error);
    fmt::print("Same top p: {:6.3f} ± {:5.3f} %\n", 100 * s.sameTop.value, 100 * s.sameTop.error);
    fmt::print("\n{} chunks of {} tokens, {} tokens scored, {:.1f} s; base cache {} ({})\n", r.chunks,
               r.context, s.tokens, r.seconds, r.cachePath.string(), r.cacheReused ? "reused" : "written");
}

void printJson(const std::string& model, const std::string& base, const eval::KldResult& r) {
    const eval::KldSummary& s = r.summary;
    JsonWriter j;
    auto pair = [&](const char* key, const eval::ValueWithError& v) {
        j.key(key).beginObject().field("value", v.value).field("error", v.error).endObject();
    };
    j.beginObject();
    j.field("model", model).field("base", base);
    j.field("context", uint64_t(r.context)).field("chunks", int64_t(r.chunks)).field("tokens", s.tokens);
    pair("ppl", s.perplexity);
    pair("ppl_base", s.basePerplexity);
    j.field("ppl_correlation", s.correlation);
    pair("ln_ppl_ratio", s.lnPerplexityRatio);
    pair("ppl_ratio", s.perplexityRatio);
    pair("ppl_difference", s.perplexityDifference);
    pair("mean_kld", s.meanKld);
    pair("exact_mean_kld", s.exactMeanKld);
    j.field("kld_max", s.maxKld)
        .field("kld_99_9", s.kld999)
        .field("kld_99", s.kld99)
        .field("kld_95", s.kld95);
    j.field("kld_90", s.kld90)
        .field("kld_median", s.medianKld)
        .field("kld_10", s.kld10)
        .field("kld_5", s.kld5);
    j.field("kld_1", s.kld1).field("kld_min", s.minKld);
    pair("mean_delta_p", s.meanDeltaP);
    j.field("delta_p_max", s.maxDeltaP).field("delta_p_99_9", s.deltaP999).field("delta_p_99", s.deltaP99);
    j.field("delta_p_95", s.deltaP95).field("delta_p_90", s.deltaP90).field("delta_p_median", s.medianDeltaP);
    j.field("delta_p_10", s.deltaP10).field("delta_p_5", s.deltaP5).field("delta_p_1", s.deltaP1);
    j.field("delta_p_min", s.minDeltaP);
    pair("rms_delta_p", s.rmsDeltaP);
    pair("same_top_p", s.sameTop);
    j.field("seconds", r.seconds).field("cache", r.cachePath.string()).field("cache_reused", r.cacheReused);
    j.field("kernels", quant::kernelPathName(eval::activeMatmulPath()));
    j.endObject();
    fmt::print("{}\n", j.str());
}

} // namespace

int runKld(const std::vector<std::string>& argv) {
    ArgSpec spec{.flags = {"--json", "--help"}, .valued = {"--base", "--base-logits", "--cache-dir"}};
    addEvalOptions(spec);
    auto args = Args::parse(argv, spec);
    if (!args || args->has("--help") || args->positional().size() != 1 ||
        !args->value("--base") == !args->value("--base-logits")) {
        if (!args)
            fmt::print(stderr, "quantforge-cli kld: {}\n", args.error().message);
        else if (args->positional().size() != 1 && !args->has("--help"))
            fmt::print(stderr, "quantforge-cli kld: give one MODEL (the quantized file), not {}\n",
                       args->positional().size());
        else if (!args->has("--help") && !args->value("--base"))
            fmt::print(stderr, "quantforge-cli kld: --base BASE is missing: the unquantized model to compare "
                               "MODEL against (or --base-logits FILE, llama-perplexity's --kl-divergence-base "
                               "file)\n");
        else if (!args->has("--help"))
            fmt::print(stderr, "quantforge-cli kld: give --base or --base-logits, not both\n");
        fmt::print(stderr, "{}{}", kUsage, kEvalOptionsHelp);
        return args && args->has("--help") ? 0 : 2;
    }
    auto request = evalRequestFrom(*args);
    if (!request) {
        fmt::print(stderr, "quantforge-cli kld: {}\n", request.error().message);
        return 2;
    }
    const std::string& modelPath = args->positional()[0];
    const auto baseLogits = args->value("--base-logits");
    const std::string basePath = baseLogits ? *baseLogits : *args->value("--base");
    auto model = eval::LlamaModel::open(modelPath);
    if (!model) {
        fmt::print(stderr, "error: {}\n", model.error().message);
        return 1;
    }
    std::unique_ptr<eval::LlamaModel> base;
    if (!baseLogits) {
        auto opened = eval::LlamaModel::open(basePath);
        if (!opened) {
            fmt::print(stderr, "error: {}\n", opened.error().message);
            return 1;
        }
        base = std::move(*opened);
    }
    const bool json = args->has("--json");
    eval::KldParams params;
    params.context = contextFor(*request, (base ? *base : **model).params().trainedContext, "kld");
    params.maxChunks = request->chunks;
    params.threads = request->threads;
    params.llamaCppRounding = request->llamaCppRounding;
    params.flashAttention = request->flashAttention;
    if (auto dir = args->value("--cache-dir")) params.cacheFolder = *dir;
    if (!json) params.onChunk = printChunk;
    ProgressLine line;
    auto progress = [&](const Progress& p) {
        if (json || p.stage != "base model") return;
        line.show(fmt::format("base model: chunk {}/{}", p.done + 1, p.total));
        if (p.done + 1 == p.total) line.clear();
    };
    auto result = baseLogits ? eval::computeKldAgainstLlamaLogits(**model, basePath, params, progress)
                             : eval::computeKld(**model, *base, request->text, params, progress);
    if (!result) {
        fmt::print(stderr, "error: {}\n", result.error().message);
        return 1;
    }
    // Stored beside the files, where the app shows it.
    if (auto stored = eval::storeKldResult(modelPath, basePath, request->text, request->textPath.filename().string(),
                                           request->chunks, *result); !stored)
        fmt::print(stderr, "note: the result was not stored: {}\n", stored.error().message);
    if (json)
        printJson(modelPath, basePath, *result);
    else
        printText(*result);
    return 0;
}

} // namespace qf::cli
