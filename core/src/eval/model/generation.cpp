#include "qf/eval/generation.h"

#include <algorithm>
#include <chrono>

#include "qf/eval/inference_session.h"

namespace qf::eval {

namespace {
double secondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}
} // namespace

const char* stopReasonName(StopReason reason) {
    switch (reason) {
    case StopReason::EndOfSequence:
        return "eos";
    case StopReason::MaxTokens:
        return "max_tokens";
    case StopReason::ContextFull:
        return "context_full";
    case StopReason::Callback:
        return "stopped";
    }
    return "?";
}

Result<GenerationResult> generate(const LlamaModel& model, std::string_view prompt,
                                  const GenerationParams& params, const TokenCallback& onToken,
                                  std::stop_token stop) {
    GenerationResult result;
    const Tokenizer& vocab = model.tokenizer();
    result.promptTokens = vocab.tokenize(prompt, false);
    if (vocab.addsBos()) result.promptTokens.insert(result.promptTokens.begin(), vocab.bos());
    if (result.promptTokens.empty()) return makeError("the prompt is empty");

    SessionOptions options;
    // Without an explicit context, size the key/value cache by what this call can use (prompt plus new
    // tokens), never more than the trained context: the context_length a file declares is not trusted to
    // size an allocation (2^32 would ask for terabytes).
    const uint64_t needed = uint64_t(result.promptTokens.size()) + uint64_t(std::max(params.maxTokens, 0)) + 1;
    const uint64_t trained = model.params().trainedContext ? model.params().trainedContext : needed;
    options.contextLength = params.context ? params.context : uint32_t(std::min(needed, trained));
    options.threads = params.threads;
    options.llamaCppRounding = params.llamaCppRounding;
    InferenceSession session(model, options);
    if (result.promptTokens.size() >= session.contextLength())
        return makeError("the prompt has {} tokens; the context holds {}", result.promptTokens.size(),
                         session.contextLength());

    std::vector<float> logits;
    auto start = std::chrono::steady_clock::now();
    // Only the last prompt token's logits are needed.
    if (auto s = session.decode(result.promptTokens, result.promptTokens.size() - 1, logits, stop); !s)
        return s.error();
    result.promptSeconds = secondsSince(start);
    result.promptTokensPerSecond =
        result.promptSeconds > 0 ? double(result.promptTokens.size()) / result.promptSeconds : 0.0;

    Sampler sampler(params.sampling);
    Utf8Assembler utf8;
    start = std::chrono::steady_clock::now();
    result.stopReason = StopReason::MaxTokens;
    for (int i = 0; i < params.maxTokens; ++i) {
        if (stop.stop_requested()) return cancelledError();
        const Token next = sampler.sample(logits);
        if (next == vocab.eos()) {
            result.stopReason = StopReason::EndOfSequence;
            break;
        }
        result.tokens.push_back(next);
        // Control tokens (<s>, </s>) have no text in the output, as llama.cpp's token_to_piece without
        // special tokens.
        const bool control = vocab.tokenType(next) == TokenType::Control;
        const std::string piece = utf8.push(control ? std::string() : vocab.tokenToPiece(next));
        result.text += piece;
        if (onToken && !onToken(next, piece)) {
            result.stopReason = StopReason::Callback;
            break;
        }
        if (i + 1 == params.maxTokens) break; // no need to evaluate a token nobody samples after
        if (session.position() + 1 > int64_t(session.contextLength())) {
            result.stopReason = StopReason::ContextFull;
            break;
        }
        const Token one[] = {next};
        if (auto s = session.decode(one, 0, logits, stop); !s) return s.error();
    }
    const std::string rest = utf8.flush();
    if (!rest.empty()) {
        result.text += rest;
        if (onToken) onToken(result.tokens.empty() ? vocab.eos() : result.tokens.back(), rest);
    }
    result.generationSeconds = secondsSince(start);
    result.generationTokensPerSecond =
        result.generationSeconds > 0 ? double(result.tokens.size()) / result.generationSeconds : 0.0;
    return result;
}

} // namespace qf::eval
