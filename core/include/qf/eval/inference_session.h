#pragma once
// The decoder's forward pass over a batch of tokens, with a key/value cache so that a long sequence can be
// fed in pieces (a whole perplexity chunk at once, or one token at a time when generating).
//
// One graph composed of blocks, driven by the model's ModelSpec and architecture entry (llama.cpp's
// llm_build_* over build_norm/build_attn/build_ffn/build_moe_ffn): per layer RMSNorm -> Q/K/V (separate or
// fused, optional biases, optional per-head Q/K RMSNorm) -> rotary embedding (NORM or NEOX pairs, per-layer
// base for sliding-window layers) -> causal grouped-query attention (optional sliding window and logit
// soft-capping) -> output projection (+ Gemma post-norm) + residual -> RMSNorm -> gated FFN (SwiGLU or
// GeGLU, fused gate_up, or top-k mixture of experts) (+ post-norm) + residual; then the output RMSNorm,
// projection and optional final soft-capping. Arithmetic is F32; values are rounded where llama.cpp rounds them
// (SessionOptions::llamaCppRounding).
#include <cstdint>
#include <functional>
#include <span>
#include <stop_token>
#include <vector>

#include "qf/eval/llama_model.h"
#include "qf/job.h"
#include "qf/result.h"

namespace qf::eval {

// What a matrix product is about to read: `tokens` rows of `width` activations, `stride` floats apart.
// Hooks see every weight product (imatrix collection squares and sums these columns per weight).
struct MatmulInput {
    int layer = -1;  // -1 for the output projection
    int expert = -1; // the expert of a FfnGateExps/FfnUpExps/FfnDownExps product
    int expertCount = 0; // experts in that product's 3-D tensor
    MatrixKind kind = MatrixKind::Output;
    const WeightMatrix* weight = nullptr;
    const float* activations = nullptr;
    int64_t tokens = 0;
    int64_t width = 0;
    int64_t stride = 0;
};
using MatmulHook = std::function<void(const MatmulInput&)>;

// What decode() writes for each output token.
enum class DecodeOutput {
    Logits, // vocabulary-wide rows
    Hidden, // the final hidden states after the output norm: what the output projection reads
};

struct SessionOptions {
    uint32_t contextLength = 0; // key/value cache capacity in tokens; 0 = the model's trained context
    unsigned threads = 0;       // 0 = all hardware threads
    // Round values where llama.cpp's CPU backend rounds them: activations to each weight's vec_dot_type
    // (see roundActivations), keys and values to the F16 of its cache, queries and attention weights to
    // F16 for their half-precision products. Off: F32 throughout (closer to the real model, further
    // from llama-perplexity's numbers).
    bool llamaCppRounding = true;
    // With llamaCppRounding: attention as llama.cpp computes it with flash attention on (llama-perplexity's
    // default, -fa auto on a CPU) for batches of 64 or more tokens: F32 queries, KV tiles of 64 with an
    // online softmax, F32 probabilities. Off: as with -fa off.
    bool flashAttention = false;
};

// The shape of one attention call: `heads` query heads of keyDim values (queryStride apart per token),
// each reading key/value head h / group of the layer's cache (keyStride values per token; values
// transposed, valueDim rows per head), writing valueDim values per head (outStride apart per token).
struct AttentionShape {
    uint32_t heads = 0, group = 1, keyDim = 0, valueDim = 0;
    int64_t keyStride = 0, queryStride = 0, outStride = 0;
    const float* queries = nullptr;
    float* out = nullptr;
};

class InferenceSession {
public:
    InferenceSession(const LlamaModel& model, const SessionOptions& options);

    // Runs `tokens` at positions position() .. position() + tokens.size() - 1, appends their keys and
    // values to the cache and writes the outputs of tokens [firstOutput, tokens.size()) to `out`, one
    // row per token. Fails when the cache would overflow; returns cancelledError() when `stop` is
    // requested (checked between layers; the cache is then left as it was before the call).
    Status decode(std::span<const Token> tokens, size_t firstOutput, std::vector<float>& out,
                  std::stop_token stop = {}, DecodeOutput what = DecodeOutput::Logits);

    // Re-running only what a changed weight affects (qf/mix/sensitivity.h): while `residuals` is set,
    // decode() stores the residual stream entering each layer and, last, the one leaving the final layer
    // (layers + 1 entries of tokens x embedding values). decodeFrom() then starts at layer `firstLayer`
    // from such a stored stream (firstLayer == layers: only the output norm and projection run).
    void setResidualCapture(std::vector<std::vector<float>>* residuals) { m_capture = residuals; }
    Status decodeFrom(uint32_t firstLayer, std::span<const float> residual, size_t tokens, size_t firstOutput,
                      std::vector<float>& out, std::stop_token stop = {},
                      DecodeOutput what = DecodeOutput::Logits);

    // Forgets the cached sequence.
    void reset() { m_position = 0; }
    int64_t position() const { return m_position; }
    uint32_t contextLength() const { return m_capacity; }
    const LlamaModel& model() const { return m_model; }

    void setMatmulHook(MatmulHook hook) { m_hook = std::move(hook); }

private:
    void project(int layer, MatrixKind kind, const WeightMatrix& w, const float* x, int64_t tokens,
                 int64_t ldx, float* y, int64_t ldy, int expert = -1, int slices = 0);
    // Products of a few tokens handed to the threads at once (quantizedMatvecs) when the integer kernels
    // take them all (llama.cpp's rounding, no hook); otherwise one project() each. Same bits either way.
    struct Projection {
        MatrixKind kind;
        const WeightMatrix* w;
        const float* x;
        int64_t tokens, ldx;
        float* y;
        int64_t ldy;
        int expert = -1;
    };
    void projectMany(int layer, std::span<const Projection> products);
    AttentionShape standardAttentionShape();
    bool flashAttentionFor(int64_t tokens) const;
    void attention(int layer, int64_t tokens, const AttentionShape& shape);
    void attentionBlock(int layer, int64_t tokens);
    void latentAttentionBlock(int layer, int64_t tokens); // latent_attention.cpp
    void ffnBlock(int layer, int64_t tokens);
    void moeBlock(int layer, int64_t tokens);
    void prepareBuffers(int64_t tokens);
    Status runLayers(uint32_t firstLayer, int64_t tokens, size_t firstOutput, std::vector<float>& out,
                     std::stop_token stop, DecodeOutput what);

    const LlamaModel& m_model;
    const LlamaHyperParams& m_p;
    unsigned m_threads;
    uint32_t m_capacity;
    bool m_llamaCppRounding;
    bool m_flashAttention;
    int64_t m_position = 0;
    MatmulHook m_hook;
    std::vector<std::vector<float>>* m_capture = nullptr;

    // Caches per layer: keys [position][kvWidth]; values transposed, [kvWidth][capacity], so that the
    // attention-weighted sum of values is a product of the same form as every other one.
    std::vector<std::vector<float>> m_keys;
    std::vector<std::vector<float>> m_values;

    // Work buffers for the current batch.
    std::vector<float> m_x, m_norm, m_q, m_k, m_v, m_qkv, m_attn, m_gate, m_up, m_rope, m_ropeSwa, m_rounded;
    // Mixture of experts: router logits, each token's chosen experts' outputs, gathered rows.
    std::vector<float> m_routerLogits, m_expertOut, m_gathered, m_gatheredOut, m_shared;
    // Latent attention: Q heads, absorbed queries, the latent row with its roped key, latent outputs.
    std::vector<float> m_latentQ, m_latentQueries, m_latentKv, m_latentOut;
};

} // namespace qf::eval
