#pragma once
// Everything the decoder needs to know about a model's shape and options, read once from the GGUF
// metadata (llama.cpp: llama_hparams, with its keys and per-architecture defaults). Every count is
// bounded before anything is sized from it, so a hostile header yields an error, not an allocation.
#include <cstdint>
#include <string>
#include <vector>

#include "qf/gguf/value.h"
#include "qf/model/architecture.h"
#include "qf/result.h"

namespace qf::model {

// Facts that differ between layers.
struct LayerSpec {
    bool slidingWindow = false; // attends to the last `slidingWindow` positions only
    float ropeFreqBase = 10000.0f;
    float ropeFreqScale = 1.0f;
};

struct ModelSpec {
    std::string architecture;
    const ArchitectureInfo* info = nullptr;

    uint32_t embedding = 0; // n_embd
    uint32_t layers = 0;
    uint32_t heads = 0;
    uint32_t headsKv = 0;
    uint32_t headDim = 0;  // per-head size of Q and K (n_embd_head_k; MLA: n_embd_head_k_mla); V is the same
                           // (checked) except with latent attention
    uint32_t ropeDims = 0; // leading dimensions of each head that are rotated (n_rot)
    uint32_t feedForward = 0;
    uint32_t vocabulary = 0; // rows of token_embd.weight (set by the loader)
    uint32_t trainedContext = 0;
    float rmsEpsilon = 1e-5f;
    float ropeFreqBase = 10000.0f;
    float ropeFreqScale = 1.0f; // 1 / linear scaling factor

    // YaRN (rope.scaling.type yarn), as llama.cpp's context sets it up: extrapolated and interpolated
    // angles mixed over the dimensions between the two correction dimensions, cos/sin scaled.
    float yarnExtFactor = 0.0f; // 0: no YaRN
    float yarnAttnFactor = 1.0f;
    float yarnBetaFast = 32.0f;
    float yarnBetaSlow = 1.0f;
    uint32_t yarnOriginalContext = 0;
    // The context the model was trained at before its rope scaling (llama.cpp's n_ctx_orig_yarn:
    // rope.scaling.original_context_length, else context_length): Phi-3's long rope factors apply to
    // contexts past it.
    uint32_t ropeOriginalContext = 0;
    float yarnLogMultiplier = 0.0f; // rope.scaling.yarn_log_multiplier (DeepSeek-2: without the stored 0.1)

    // Mixture of experts (0 experts: dense FFN).
    uint32_t experts = 0;
    uint32_t expertsUsed = 0;
    uint32_t expertFeedForward = 0;
    bool expertWeightsNorm = true;
    float expertWeightsScale = 1.0f; // the routing weights times this (DeepSeek)
    ExpertGating gating = ExpertGating::Softmax;
    uint32_t sharedExperts = 0;      // a dense FFN of sharedExperts * expertFeedForward beside the routed ones
    uint32_t leadingDenseLayers = 0; // the first layers have a dense FFN instead of experts (DeepSeek)

    // Multi-head latent attention (ArchitectureInfo::latentAttention): Q and K heads are headDim values,
    // the last ropeDims of them rotated; keys and values live in a kvLoraRank-wide latent space.
    uint32_t qLoraRank = 0;   // 0: Q straight from attn_q (the "lite" models)
    uint32_t kvLoraRank = 0;
    uint32_t valueDim = 0;    // per-head value size after attn_v_b (n_embd_head_v_mla)

    uint32_t slidingWindow = 0;
    float attentionLogitSoftcap = 0.0f; // 0: none
    float finalLogitSoftcap = 0.0f;
    float queryScale = 1.0f;     // Q is multiplied by this before attention (archs that scale Q)
    float attentionScale = 1.0f; // softmax(scale * QKᵀ)
    float embeddingScale = 1.0f;

    std::vector<LayerSpec> layerSpecs;

    uint32_t qWidth() const { return heads * headDim; }
    uint32_t kvWidth() const { return headsKv * headDim; }
    // What the key/value cache holds per token and layer: one latent row plus its roped part with latent
    // attention, else the key/value heads.
    uint32_t cacheKeyWidth() const { return info && info->latentAttention ? kvLoraRank + ropeDims : kvWidth(); }
    uint32_t cacheValueWidth() const { return info && info->latentAttention ? kvLoraRank : kvWidth(); }
    // Width of the attention output that attn_output reads.
    uint32_t attentionOutputWidth() const { return info && info->latentAttention ? heads * valueDim : qWidth(); }
    bool denseFfnLayer(uint32_t layer) const { return experts == 0 || layer < leadingDenseLayers; }
    bool hasExperts() const { return experts > 0; }
    bool anySlidingWindow() const;

    // Reads and validates the metadata of an architecture the registry knows (see whyNotEvaluable()).
    static Result<ModelSpec> fromMetadata(const gguf::Metadata& metadata);
};

// Upper bounds a real model stays far below; larger values are taken for a damaged or hostile header.
inline constexpr uint32_t kMaxLayers = 1024;
inline constexpr uint32_t kMaxEmbedding = 1u << 17;
inline constexpr uint32_t kMaxHeads = 1u << 12;
inline constexpr uint32_t kMaxHeadDim = 1u << 12;
inline constexpr uint32_t kMaxFeedForward = 1u << 20;
inline constexpr uint32_t kMaxExperts = 1u << 12;

} // namespace qf::model
