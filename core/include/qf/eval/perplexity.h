#pragma once
// Perplexity exactly as llama.cpp's llama-perplexity computes it (its perplexity() with the default
// --ppl-stride 0):
//  - the whole text is tokenized once, with BOS when the vocabulary adds one;
//  - it is cut into n_chunk = n_tokens / n_ctx chunks of n_ctx tokens (the rest is dropped); the first
//    token of every chunk is replaced by BOS (when the vocabulary adds one) and the chunk is evaluated
//    alone, from an empty cache;
//  - only the second half is scored: the logits at positions n_ctx/2 .. n_ctx-2 predict the tokens after
//    them (n_ctx - n_ctx/2 - 1 tokens per chunk);
//  - PPL = exp(mean NLL); its ± is PPL * sqrt((E[NLL²] - E[NLL]²) / (count - 1)).
#include <cstdint>
#include <functional>
#include <span>
#include <stop_token>
#include <string_view>
#include <vector>

#include "qf/eval/llama_model.h"
#include "qf/job.h"
#include "qf/result.h"

namespace qf::eval {

// The chunking shared by perplexity and KL divergence.
struct ChunkPlan {
    uint32_t context = 0;
    int chunks = 0;
    uint32_t firstScored = 0;    // n_ctx / 2
    uint32_t scoredPerChunk = 0; // n_ctx - n_ctx/2 - 1
};
// Fails like llama-perplexity when the text has fewer than 2 * context tokens. maxChunks < 0: all.
Result<ChunkPlan> planChunks(size_t tokenCount, uint32_t context, int maxChunks);

// Running sums of negative log-likelihoods, in llama.cpp's order of operations.
struct NllAccumulator {
    double sum = 0.0;
    double sumSquares = 0.0;
    int64_t count = 0;

    void add(double nll) {
        sum += nll;
        sumSquares += nll * nll;
        ++count;
    }
    double perplexity() const;
    double perplexityError() const; // the ± of llama-perplexity's final estimate; 0 when undefined
};

// -log softmax(logits)[token], as llama-perplexity: max in float, the sum of expf in double.
double negativeLogLikelihood(std::span<const float> logits, Token token);

struct PerplexityParams {
    uint32_t context = 512;       // llama-perplexity's -c
    int maxChunks = -1;           // --chunks; < 0 = all
    unsigned threads = 0;         // 0 = all hardware threads
    bool llamaCppRounding = true; // see SessionOptions
    bool flashAttention = false;  // see SessionOptions
    // Called after every chunk with its 1-based number and the running perplexity ("[1]150.3235,").
    std::function<void(int chunk, double runningPerplexity)> onChunk;
};

struct PerplexityResult {
    double perplexity = 0.0;
    double error = 0.0; // ±
    int chunks = 0;
    uint32_t context = 0;
    size_t textTokens = 0; // tokens of the whole text, BOS included
    int64_t scoredTokens = 0;
    std::vector<double> runningPerplexity; // after each chunk
    double seconds = 0.0;                  // evaluation time (tokenizing excluded)
    double tokensPerSecond = 0.0;          // evaluated tokens (chunks * context) per second
};

Result<PerplexityResult> computePerplexity(const LlamaModel& model, std::string_view text,
                                           const PerplexityParams& params, const ProgressFn& progress = {},
                                           std::stop_token stop = {});

// The tokens of chunk `index` as they are evaluated (first token replaced by BOS when the vocabulary
// adds one).
std::vector<Token> chunkTokens(const LlamaModel& model, std::span<const Token> text, const ChunkPlan& plan,
                               int index);

} // namespace qf::eval
