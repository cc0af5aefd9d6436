#pragma once
// The element-wise blocks the decoder composes (llama.cpp: build_norm, ggml_rope_ext, the GLU ops,
// build_moe_ffn's router), each computing what ggml's CPU backend computes, in its order of operations.
#include <cstdint>
#include <span>
#include <vector>

#include "qf/model/architecture.h"

namespace qf::model {

// ggml_rms_norm followed by the multiplication with the norm weight: the sum of squares in double, the
// scale in float.
void rmsNorm(const float* x, const float* weight, float* out, int64_t n, float eps);

// The same over `groups` consecutive groups of `n` values each (per-head Q/K norm), in place.
void rmsNormGroups(float* x, const float* weight, int64_t groups, int64_t n, float eps);

// ggml's rope cache for positions first .. first + tokens - 1: per pair i, theta_i = pos * base^(-2i/dims),
// multiplied in float from pair to pair, divided by the frequency factor of the pair (rope_freqs) and
// scaled by freqScale. Writes cos, sin per pair (dims values per token).
// YaRN (ggml's rope_yarn): extFactor 0 leaves plain scaled rotation (times attnFactor).
struct RopeYarn {
    float extFactor = 0.0f;
    float attnFactor = 1.0f;
    float betaFast = 32.0f;
    float betaSlow = 1.0f;
    uint32_t originalContext = 0;
};
void ropeCache(int64_t first, int64_t tokens, uint32_t dims, float freqBase, float freqScale,
               const std::vector<float>& factors, std::vector<float>& out, const RopeYarn& yarn = {});

// Rotates the first `dims` values of each head of `tokens` rows by the cache of ropeCache().
void applyRope(RopeKind kind, float* rows, int64_t tokens, int64_t stride, uint32_t heads, uint32_t headDim,
               uint32_t dims, const float* cosSin);

// gate[i] = act(gate[i]) * up[i], as ggml_swiglu_split / ggml_geglu_split (GELU through ggml's F16 table)
// / ggml_swiglu_oai (alpha 1.702, limit 7), over rows of `width` values (0: one row of n), as ggml's row
// by row operations.
void gatedActivation(Activation act, float* gate, const float* up, int64_t n, int64_t width = 0);

// x = cap * tanh(x / cap), as ggml_scale + ggml_tanh + ggml_scale.
void softcap(float* x, int64_t n, float cap);

// The experts a token goes to and their weights (llama.cpp build_moe_ffn): probabilities from the router
// logits, the top `used` by probability (descending), their probabilities renormalized when `normalize`;
// SoftmaxWeight: the top `used` logits, weighted by their softmax.
struct ExpertChoice {
    std::vector<int32_t> experts;
    std::vector<float> weights;
};
// `selectionBias` (DeepSeek's exp_probs_b) shifts the probabilities for the choice only; the weights are
// finally multiplied by `scale` (expert_weights_scale).
void routeExperts(std::span<const float> logits, ExpertGating gating, uint32_t used, bool normalize,
                  ExpertChoice& out, std::span<const float> selectionBias = {}, float scale = 1.0f);

} // namespace qf::model
