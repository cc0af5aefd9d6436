#pragma once
// Picking the next token from a row of logits: greedy (temperature 0) or temperature + top-k + top-p
// (nucleus) sampling with a seeded generator, so that a seed always gives the same text.
#include <cstdint>
#include <random>
#include <span>
#include <vector>

#include "qf/eval/tokenizer.h"

namespace qf::eval {

struct SamplerParams {
    float temperature = 0.0f; // <= 0: greedy (the most likely token)
    float topP = 1.0f;        // keep the smallest set of most likely tokens whose probability reaches topP
    int topK = 0;             // keep only the topK most likely tokens first; 0 = all
    uint64_t seed = 0;
};

class Sampler {
public:
    explicit Sampler(const SamplerParams& params) : m_params(params), m_rng(params.seed) {}

    Token sample(std::span<const float> logits);
    const SamplerParams& params() const { return m_params; }

private:
    double uniform(); // [0, 1), from the standard-specified mt19937_64 output alone (portable)

    SamplerParams m_params;
    std::mt19937_64 m_rng;
    std::vector<std::pair<float, Token>> m_candidates;
};

// Joins streamed token pieces into whole UTF-8 characters: byte-fallback tokens split a character over
// several tokens, and a UI must not show half of one.
class Utf8Assembler {
public:
    // Appends `piece` and returns the longest prefix of pending bytes that ends on a character boundary.
    std::string push(std::string_view piece);
    // What is left (an incomplete sequence at the very end), as is.
    std::string flush();

private:
    std::string m_pending;
};

} // namespace qf::eval
