#include "qf/model/model_spec.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace qf::model {
namespace {

struct Reader {
    const gguf::Metadata& m;
    std::string prefix;

    Result<uint32_t> required(const char* key, uint32_t max) const {
        const auto v = m.getUInt(prefix + key);
        if (!v) return makeError("metadata key {}{} is missing or not an integer", prefix, key);
        return bounded(key, *v, max);
    }
    Result<uint32_t> optional(const char* key, uint32_t fallback, uint32_t max) const {
        const auto v = m.getUInt(prefix + key);
        if (!v) return fallback;
        return bounded(key, *v, max);
    }
    Result<uint32_t> bounded(const char* key, uint64_t v, uint32_t max) const {
        if (v == 0 || v > max)
            return makeError("metadata key {}{} has the implausible value {} (expected 1 to {})", prefix, key, v,
                             max);
        return uint32_t(v);
    }
    Result<float> real(const char* key, float fallback) const {
        const auto v = m.getFloat(prefix + key);
        if (!v) return fallback;
        if (!std::isfinite(*v)) return makeError("metadata key {}{} is not a finite number", prefix, key);
        return float(*v);
    }
};

#define QF_READ(target, expr)                                                                                \
    do {                                                                                                     \
        auto value_ = (expr);                                                                                \
        if (!value_) return value_.error();                                                                  \
        target = *value_;                                                                                    \
    } while (false)

} // namespace

bool ModelSpec::anySlidingWindow() const {
    for (const LayerSpec& l : layerSpecs)
        if (l.slidingWindow) return true;
    return false;
}

Result<ModelSpec> ModelSpec::fromMetadata(const gguf::Metadata& m) {
    ModelSpec s;
    const auto arch = m.getString("general.architecture");
    if (!arch) return makeError("general.architecture is missing");
    s.architecture = *arch;
    if (const std::string_view why = whyNotEvaluable(s.architecture); !why.empty())
        return makeError("not supported yet: {} ({})", s.architecture, why);
    s.info = findArchitecture(s.architecture);
    const ArchitectureInfo& a = *s.info;
    const Reader r{m, s.architecture + "."};

    QF_READ(s.embedding, r.required("embedding_length", kMaxEmbedding));
    QF_READ(s.layers, r.required("block_count", kMaxLayers));
    QF_READ(s.heads, r.required("attention.head_count", kMaxHeads));
    QF_READ(s.headsKv, r.optional("attention.head_count_kv", s.heads, kMaxHeads));
    if (s.heads % s.headsKv != 0)
        return makeError("{} query heads cannot share {} key/value heads", s.heads, s.headsKv);
    QF_READ(s.experts, r.optional("expert_count", 0, kMaxExperts));
    if (m.getUInt(r.prefix + "expert_count").value_or(0) > 0) {
        if (!a.allowsExperts)
            return makeError("not supported yet: {} with mixture-of-experts layers", s.architecture);
        QF_READ(s.experts, r.required("expert_count", kMaxExperts));
        QF_READ(s.expertsUsed, r.required("expert_used_count", s.experts));
        QF_READ(s.expertFeedForward, r.optional("expert_feed_forward_length", 0, kMaxFeedForward));
        s.expertWeightsNorm = m.getBool(r.prefix + "expert_weights_norm").value_or(a.defaultExpertWeightsNorm);
        s.gating = a.defaultGating;
        if (const auto gating = m.getUInt(r.prefix + "expert_gating_func")) {
            // 0 (none): the architecture's default, as llama.cpp does for older DeepSeek-2 files.
            if (*gating > 2) return makeError("not supported yet: expert gating function {}", *gating);
            if (*gating != 0) s.gating = *gating == 2 ? ExpertGating::Sigmoid : ExpertGating::Softmax;
        }
        if (m.getUInt(r.prefix + "expert_shared_count").value_or(0) > 0) {
            if (!a.latentAttention)
                return makeError("not supported yet: {} with shared experts", s.architecture);
            QF_READ(s.sharedExperts, r.required("expert_shared_count", kMaxExperts));
        }
        QF_READ(s.expertWeightsScale, r.real("expert_weights_scale", 1.0f));
        if (s.expertWeightsScale == 0.0f) s.expertWeightsScale = 1.0f;
        if (const auto lead = m.getUInt(r.prefix + "leading_dense_block_count"))
            s.leadingDenseLayers = uint32_t(std::min<uint64_t>(*lead, kMaxLayers));
    } else if (a.requiresExperts) {
        return makeError("metadata key {}expert_count is missing", r.prefix);
    }
    if (s.experts == 0 || a.fusedGateUp || m.getUInt(r.prefix + "feed_forward_length"))
        QF_READ(s.feedForward, r.required("feed_forward_length", kMaxFeedForward));
    if (s.experts > 0 && s.expertFeedForward == 0) s.expertFeedForward = s.feedForward;
    if (s.experts > 0 && s.expertFeedForward == 0)
        return makeError("metadata key {}expert_feed_forward_length is missing", r.prefix);

    QF_READ(s.headDim, r.optional("attention.key_length", s.embedding / s.heads, kMaxHeadDim));
    uint32_t valueLength = 0;
    QF_READ(valueLength, r.optional("attention.value_length", s.headDim, kMaxHeadDim));
    if (a.latentAttention) {
        // Modern converters store the latent sizes as key/value_length and the per-head ones as *_mla.
        QF_READ(s.headDim, r.optional("attention.key_length_mla", s.headDim, kMaxHeadDim));
        QF_READ(s.valueDim, r.optional("attention.value_length_mla", valueLength, kMaxHeadDim));
        QF_READ(s.kvLoraRank, r.required("attention.kv_lora_rank", kMaxEmbedding));
        QF_READ(s.qLoraRank, r.optional("attention.q_lora_rank", 0, kMaxEmbedding));
        valueLength = s.headDim;
        if (s.experts == 0) return makeError("metadata key {}expert_count is missing", r.prefix);
    }
    if (s.headDim == 0 || s.headDim % 2 != 0 || valueLength != s.headDim)
        return makeError("unsupported head size (key {}, value {})", s.headDim, valueLength);
    QF_READ(s.ropeDims, r.optional("rope.dimension_count", s.headDim, kMaxHeadDim));
    if (s.ropeDims > s.headDim || s.ropeDims % 2 != 0)
        return makeError("rope.dimension_count {} does not fit head size {}", s.ropeDims, s.headDim);
    if (a.latentAttention && s.ropeDims >= s.headDim)
        return makeError("rope.dimension_count {} leaves no unrotated part of the {}-value heads", s.ropeDims,
                         s.headDim);
    s.trainedContext = uint32_t(std::min<uint64_t>(m.getUInt(r.prefix + "context_length").value_or(0), 1u << 24));
    QF_READ(s.rmsEpsilon, r.real("attention.layer_norm_rms_epsilon", 1e-5f));
    QF_READ(s.ropeFreqBase, r.real("rope.freq_base", 10000.0f));

    const std::string scaling = m.getString(r.prefix + "rope.scaling.type").value_or("none");
    if (scaling == "linear") {
        float factor = 0.0f;
        QF_READ(factor, r.real("rope.scaling.factor", 0.0f));
        if (factor > 0) s.ropeFreqScale = 1.0f / factor;
    } else if (scaling == "yarn") {
        float factor = 0.0f;
        QF_READ(factor, r.real("rope.scaling.factor", 0.0f));
        if (factor > 0) s.ropeFreqScale = 1.0f / factor;
        QF_READ(s.yarnOriginalContext, r.optional("rope.scaling.original_context_length",
                                                  std::max<uint32_t>(s.trainedContext, 1), 1u << 24));
        QF_READ(s.yarnBetaFast, r.real("rope.scaling.yarn_beta_fast", 32.0f));
        QF_READ(s.yarnBetaSlow, r.real("rope.scaling.yarn_beta_slow", 1.0f));
        float logMultiplier = 0.0f, attnFactor = 1.0f;
        QF_READ(logMultiplier, r.real("rope.scaling.yarn_log_multiplier", 0.0f));
        QF_READ(attnFactor, r.real("rope.scaling.attn_factor", 1.0f));
        // DeepSeek-2's converter stores 0.1 * mscale_all_dim; llama.cpp divides the 0.1 out again.
        if (a.latentAttention) logMultiplier /= 0.1f;
        // llama_context: the attention factor llama.cpp passes to ggml_rope_ext, which cancels the
        // 1 + 0.1 ln(factor) that ggml's rope_yarn multiplies in.
        s.yarnExtFactor = 1.0f;
        const float scale = 1.0f / s.ropeFreqScale;
        auto mscale = [](float sc, float m) { return sc <= 1.0f ? 1.0f : (0.1f * m * std::log(sc) + 1.0f); };
        // DeepSeek-2 takes mscale = mscale_all_dim (the ratio is then 1).
        const float numerator = a.latentAttention && logMultiplier != 1.0f ? logMultiplier : 1.0f;
        s.yarnAttnFactor = logMultiplier != 0.0f ? mscale(scale, numerator) / mscale(scale, logMultiplier)
                                                 : mscale(scale, 1.0f);
        s.yarnAttnFactor *= 1.0f / (1.0f + 0.1f * std::log(scale));
        s.yarnAttnFactor *= attnFactor;
        s.yarnLogMultiplier = logMultiplier;
    } else if (scaling != "none") {
        return makeError("not supported yet: rope scaling '{}'", scaling);
    } else {
        float linear = 0.0f;
        QF_READ(linear, r.real("rope.scale_linear", 0.0f));
        if (linear > 0) s.ropeFreqScale = 1.0f / linear;
    }
    // llama_context multiplies rope.scaling.attn_factor into the rotation's magnitude whatever the scaling
    // (Phi-3's long-context models: sqrt(1 + ln(scale) / ln(original context))); the YaRN branch did.
    if (scaling != "yarn") QF_READ(s.yarnAttnFactor, r.real("rope.scaling.attn_factor", 1.0f));
    QF_READ(s.ropeOriginalContext,
            r.optional("rope.scaling.original_context_length", s.trainedContext, 1u << 24));

    // Sliding-window layers (llama_model_base::load_swa_pattern): an explicit per-layer array, or every
    // layer but each pattern-th one.
    QF_READ(s.attentionLogitSoftcap, r.real("attn_logit_softcapping", 0.0f));
    QF_READ(s.finalLogitSoftcap, r.real("final_logit_softcapping", 0.0f));
    if (s.attentionLogitSoftcap < 0 || s.finalLogitSoftcap < 0) return makeError("negative logit soft-capping");
    if (!a.attentionSoftcap) s.attentionLogitSoftcap = 0.0f; // a key the architecture's graph ignores
    const auto window = m.getUInt(r.prefix + "attention.sliding_window");
    bool windowed = a.defaultSwaPattern > 0 && (!a.swaFromMetadata || (window && *window > 0));
    s.slidingWindow = a.defaultSlidingWindow;
    if (window) s.slidingWindow = uint32_t(std::min<uint64_t>(*window, 1u << 24));
    if (windowed && s.slidingWindow == 0) windowed = false;
    uint32_t pattern = a.defaultSwaPattern;
    const gguf::Array* patternArray = m.getArray(r.prefix + "attention.sliding_window_pattern");
    if (!patternArray && windowed) QF_READ(pattern, r.optional("attention.sliding_window_pattern", pattern, kMaxLayers));
    float swaBase = a.swaRopeBaseFromTrain ? s.ropeFreqBase : 10000.0f;
    QF_READ(swaBase, r.real("rope.freq_base_swa", swaBase));
    const float swaScale = a.swaRopeBaseFromTrain ? s.ropeFreqScale : 1.0f;

    s.layerSpecs.resize(s.layers);
    for (uint32_t i = 0; i < s.layers; ++i) {
        LayerSpec& l = s.layerSpecs[i];
        if (windowed) {
            if (patternArray) {
                const auto v = i < patternArray->size() ? patternArray->intAt(i) : std::nullopt;
                if (!v) return makeError("attention.sliding_window_pattern has no entry for layer {}", i);
                l.slidingWindow = *v != 0;
            } else {
                l.slidingWindow = pattern == 0 || i % pattern < pattern - 1;
            }
        }
        l.ropeFreqBase = l.slidingWindow ? swaBase : s.ropeFreqBase;
        l.ropeFreqScale = l.slidingWindow ? swaScale : s.ropeFreqScale;
    }

    if (a.scaleQueryBeforeAttention) {
        // Gemma 27B scales by n_embd / n_head; every other size, and Phi-3, by the head size.
        const bool gemma27b = a.postNorms && ((a.name == "gemma2" && s.layers == 46) || (a.name == "gemma3" && s.layers == 62));
        s.queryScale = 1.0f / std::sqrt(float(gemma27b ? s.embedding / s.heads : s.headDim));
        s.attentionScale = 1.0f;
    } else if (a.latentAttention) {
        // llama.cpp's deepseek2 graph: kq_scale = mscale² / sqrt(head size), mscale from the YaRN factors
        // (1 without YaRN).
        const float attnFactorOrg = s.yarnAttnFactor * (1.0f + 0.1f * std::log(1.0f / s.ropeFreqScale));
        const float mscale = attnFactorOrg * (1.0f + 0.1f * s.yarnLogMultiplier * std::log(1.0f / s.ropeFreqScale));
        s.attentionScale = mscale * mscale / std::sqrt(float(s.headDim));
    } else {
        s.attentionScale = 1.0f / std::sqrt(float(s.headDim));
    }
    if (a.scaleEmbedding) s.embeddingScale = std::sqrt(float(s.embedding));
    return s;
}

} // namespace qf::model
