#pragma once
// The architectures the decoder knows, as data: which blocks and options each one's llama.cpp graph
// (src/models/<arch>.cpp) uses. Adding an architecture whose graph is made of known blocks is a table
// entry in architecture.cpp; the decoder reads these flags and never tests an architecture's name.
#include <cstdint>
#include <span>
#include <string_view>

namespace qf::model {

// Which values of a head the rotary embedding pairs: ggml rope mode 0 rotates adjacent values (2i, 2i+1),
// NEOX mode the halves (i, i + n_rot/2).
enum class RopeKind { Normal, Neox };

// The FFN's gated activation: SiLU (SwiGLU), GELU with the tanh approximation (GeGLU), or gpt-oss's
// clamped SwiGLU (x·σ(1.702x)·(y+1), x ≤ 7, |y| ≤ 7).
enum class Activation { Silu, GeluTanh, SwigluOai };

// How a mixture-of-experts router turns its logits into expert probabilities.
// SoftmaxWeight (gpt-oss): the top-k by raw logit, their weights the softmax over those k.
enum class ExpertGating { Softmax, Sigmoid, SoftmaxWeight };

struct ArchitectureInfo {
    std::string_view name;           // general.architecture
    bool evaluable = false;          // the decoder runs it
    std::string_view notEvaluableWhy; // for the others: what is missing, in a sentence
    RopeKind rope = RopeKind::Normal;
    Activation activation = Activation::Silu;
    bool queryKeyNorm = false;       // per-head RMSNorm of Q and K before rope (attn_q_norm, attn_k_norm)
    bool postNorms = false;          // Gemma: post_attention_norm and post_ffw_norm after each block
    bool scaleEmbedding = false;     // Gemma: embeddings times sqrt(n_embd)
    bool scaleQueryBeforeAttention = false; // Q scaled by attention_scale, then attention scale 1 (Gemma, Phi-3)
    bool attentionSoftcap = false;   // the graph caps attention logits (attn_logit_softcapping; Gemma 2)
    bool fusedQkv = false;           // attn_qkv.weight instead of attn_q/k/v (Phi-3; optional elsewhere)
    bool fusedGateUp = false;        // ffn_up.weight holds gate and up (Phi-3)
    bool defaultExpertWeightsNorm = true; // MoE: renormalize the top-k weights (expert_weights_norm)
    uint32_t defaultSwaPattern = 0;  // 0: no sliding-window layers unless the metadata says so
    uint32_t defaultSlidingWindow = 0;
    bool swaFromMetadata = false;    // sliding_window in the metadata switches windowed layers on
    bool swaRopeBaseFromTrain = false; // rope.freq_base_swa defaults to rope.freq_base (Gemma 2), else 10000
    bool attentionSinks = false;     // attn_sinks.weight: a per-head logit in every softmax (gpt-oss)
    // Multi-head latent attention (DeepSeek-2, llama.cpp's absorbed form): Q through a low-rank pair
    // (attn_q_a, attn_q_a_norm, attn_q_b), one shared compressed key/value row per token (attn_kv_a_mqa,
    // attn_kv_a_norm) plus a roped part, per-head attn_k_b / attn_v_b to move in and out of the latent space.
    bool latentAttention = false;
    std::string_view ffnNormName = "ffn_norm"; // gpt-oss names the FFN's input norm post_attention_norm
    ExpertGating defaultGating = ExpertGating::Softmax;
    bool allowsExperts = false;      // expert_count > 0 is valid (llama as Mixtral, qwen3moe)
    bool requiresExperts = false;
};

// The entry for `name`, or nullptr for an architecture the registry does not know.
const ArchitectureInfo* findArchitecture(std::string_view name);
std::span<const ArchitectureInfo> architectures();

// Why a model of `name` cannot be evaluated ("" when it can): unknown architectures and known ones the
// decoder lacks blocks for.
std::string_view whyNotEvaluable(std::string_view name);

} // namespace qf::model
