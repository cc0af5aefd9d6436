#include "qf/eval/perplexity.h"

#include <chrono>
#include <cmath>

#include "eval/kernels/matmul_kernels.h"
#include "qf/eval/inference_session.h"
#include "quant/kernel_table.h"

namespace qf::eval {

Result<ChunkPlan> planChunks(size_t tokenCount, uint32_t context, int maxChunks) {
    if (context < 4) return makeError("a context of {} tokens is too small (at least 4)", context);
    if (tokenCount < 2 * size_t(context))
        return makeError("the text tokenizes to only {} tokens; a context of {} needs at least {}",
                         tokenCount, context, 2 * size_t(context));
    ChunkPlan plan;
    plan.context = context;
    plan.chunks = int(tokenCount / context);
    if (maxChunks >= 0 && maxChunks < plan.chunks) plan.chunks = maxChunks;
    plan.firstScored = context / 2;
    plan.scoredPerChunk = context - plan.firstScored - 1;
    return plan;
}

double NllAccumulator::perplexity() const {
    return count ? std::exp(sum / double(count)) : 0.0;
}

double NllAccumulator::perplexityError() const {
    if (count < 2) return 0.0;
    const double mean = sum / double(count);
    const double variance = sumSquares / double(count) - mean * mean;
    return variance > 0 ? std::sqrt(variance / double(count - 1)) * std::exp(mean) : 0.0;
}

double negativeLogLikelihood(std::span<const float> logits, Token token) {
    const VectorOps& ops = dispatch::kernels().vector;
    thread_local std::vector<float> scratch;
    if (scratch.size() < logits.size()) scratch.resize(logits.size());
    const float maxLogit = ops.maxOf(logits.data(), int64_t(logits.size()));
    const double sumExp = ops.expShifted(logits.data(), maxLogit, scratch.data(), int64_t(logits.size()));
    return -(double(logits[size_t(token)] - maxLogit) - std::log(sumExp));
}

std::vector<Token> chunkTokens(const LlamaModel& model, std::span<const Token> text, const ChunkPlan& plan,
                               int index) {
    const auto start = text.begin() + ptrdiff_t(size_t(index) * plan.context);
    std::vector<Token> chunk(start, start + plan.context);
    if (model.tokenizer().addsBos()) chunk[0] = model.tokenizer().bos();
    return chunk;
}

Result<PerplexityResult> computePerplexity(const LlamaModel& model, std::string_view text,
                                           const PerplexityParams& params, const ProgressFn& progress,
                                           std::stop_token stop) {
    if (progress) progress({"tokenizing", 0, 0, "chunks"});
    const std::vector<Token> tokens = model.tokenizer().tokenize(text, true);
    auto plan = planChunks(tokens.size(), params.context, params.maxChunks);
    if (!plan) return plan.error();

    InferenceSession session(model, {params.context, params.threads, params.llamaCppRounding, params.flashAttention});
    PerplexityResult result;
    result.context = plan->context;
    result.textTokens = tokens.size();
    NllAccumulator nll;
    std::vector<float> logits;
    const uint32_t vocab = model.params().vocabulary;
    const auto started = std::chrono::steady_clock::now();

    for (int c = 0; c < plan->chunks; ++c) {
        if (stop.stop_requested()) return cancelledError();
        if (progress) progress({"perplexity", uint64_t(c), uint64_t(plan->chunks), "chunks"});
        const std::vector<Token> chunk = chunkTokens(model, tokens, *plan, c);
        session.reset();
        QF_TRY(session.decode(chunk, plan->firstScored, logits, stop));
        const size_t chunkStart = size_t(c) * plan->context;
        for (uint32_t j = 0; j < plan->scoredPerChunk; ++j) {
            const Token next = tokens[chunkStart + plan->firstScored + j + 1];
            nll.add(negativeLogLikelihood({logits.data() + size_t(j) * vocab, vocab}, next));
        }
        result.runningPerplexity.push_back(nll.perplexity());
        if (params.onChunk) params.onChunk(c + 1, nll.perplexity());
    }

    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    result.chunks = plan->chunks;
    result.scoredTokens = nll.count;
    result.perplexity = nll.perplexity();
    result.error = nll.perplexityError();
    result.tokensPerSecond = result.seconds > 0 ? double(plan->chunks) * plan->context / result.seconds : 0.0;
    if (progress) progress({"perplexity", uint64_t(plan->chunks), uint64_t(plan->chunks), "chunks"});
    return result;
}

} // namespace qf::eval
