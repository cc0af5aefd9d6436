#pragma once
// Text generation for a prompt: the prompt is evaluated in one batch, then tokens are sampled one at a
// time (greedy or temperature/top-p, see sampler.h) and streamed to a callback as whole UTF-8 text pieces.
// Generation ends at the end-of-sequence token, after maxTokens, when the context is full, when the
// callback returns false, or on cancel (which returns cancelledError()).
#include <cstdint>
#include <functional>
#include <stop_token>
#include <string>
#include <string_view>
#include <vector>

#include "qf/eval/llama_model.h"
#include "qf/eval/sampler.h"
#include "qf/result.h"

namespace qf::eval {

struct GenerationParams {
    int maxTokens = 128;
    SamplerParams sampling;       // temperature 0 = greedy
    uint32_t context = 0;         // key/value cache size; 0 = the model's trained context
    unsigned threads = 0;         // 0 = all hardware threads
    bool llamaCppRounding = true; // see SessionOptions
};

enum class StopReason { EndOfSequence, MaxTokens, ContextFull, Callback };

struct GenerationResult {
    std::vector<Token> promptTokens; // BOS included
    std::vector<Token> tokens;       // generated, the end-of-sequence token excluded
    std::string text;                // the generated text
    StopReason stopReason = StopReason::MaxTokens;
    double promptSeconds = 0.0;
    double promptTokensPerSecond = 0.0;
    double generationSeconds = 0.0;
    double generationTokensPerSecond = 0.0; // sampled tokens per second, sampling included
};

// Called per generated token with the text it completes (may be empty while a multi-byte character is
// still incomplete); return false to stop.
using TokenCallback = std::function<bool(Token token, std::string_view piece)>;

Result<GenerationResult> generate(const LlamaModel& model, std::string_view prompt,
                                  const GenerationParams& params, const TokenCallback& onToken = {},
                                  std::stop_token stop = {});

const char* stopReasonName(StopReason reason);

} // namespace qf::eval
