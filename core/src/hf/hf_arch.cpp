#include "hf_arch.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <regex>

#include <fmt/format.h>

#include "qf/model/architecture.h"

namespace qf::hf::detail {
namespace {

constexpr HfArchitecture llama(std::string_view hfClass, bool experts = false) {
    HfArchitecture a;
    a.hfClass = hfClass;
    a.ggufArch = "llama";
    a.permuteQk = true;
    a.llamaKeys = true;
    a.experts = experts;
    return a;
}

constexpr HfArchitecture qwen(std::string_view hfClass, std::string_view ggufArch, bool experts = false) {
    HfArchitecture a;
    a.hfClass = hfClass;
    a.ggufArch = ggufArch;
    a.expertFeedForwardKey = experts;
    a.experts = experts;
    return a;
}

constexpr HfArchitecture gemma(std::string_view hfClass, std::string_view ggufArch, HfParameters parameters) {
    HfArchitecture a;
    a.hfClass = hfClass;
    a.ggufArch = ggufArch;
    a.parameters = parameters;
    a.normShift = 1.0f;
    a.skipLmHead = parameters == HfParameters::Gemma2;
    a.noSpacePrefix = true;
    a.trimEmbeddingToVocab = parameters == HfParameters::Gemma3;
    return a;
}

constexpr HfArchitecture phi3() {
    HfArchitecture a;
    a.hfClass = "Phi3ForCausalLM";
    a.ggufArch = "phi3";
    a.parameters = HfParameters::Phi3;
    return a;
}

constexpr HfArchitecture gptOss() {
    HfArchitecture a;
    a.hfClass = "GptOssForCausalLM";
    a.ggufArch = "gpt-oss";
    a.parameters = HfParameters::GptOss;
    a.experts = true;
    a.fusedExperts = true;
    return a;
}

constexpr HfArchitecture deepseek2(std::string_view hfClass) {
    HfArchitecture a;
    a.hfClass = hfClass;
    a.ggufArch = "deepseek2";
    a.parameters = HfParameters::DeepSeek2;
    a.experts = true;
    a.latentAttention = true;
    return a;
}

// llama.cpp's converter writes Mistral and Mixtral folders as general.architecture "llama".
constexpr std::array kArchitectures = {
    llama("LlamaForCausalLM"),
    llama("MistralForCausalLM"),
    llama("MixtralForCausalLM", true),
    qwen("Qwen2ForCausalLM", "qwen2"),
    qwen("Qwen3ForCausalLM", "qwen3"),
    qwen("Qwen3MoeForCausalLM", "qwen3moe", true),
    gemma("Gemma2ForCausalLM", "gemma2", HfParameters::Gemma2),
    gemma("Gemma3ForCausalLM", "gemma3", HfParameters::Gemma3),
    phi3(),
    gptOss(),
    deepseek2("DeepseekV2ForCausalLM"),
    deepseek2("DeepseekV3ForCausalLM"),
};

// Per-layer parts: the Hugging Face name after "model.layers.N." (without .weight/.bias) -> GGUF's.
constexpr std::pair<std::string_view, std::string_view> kLayerParts[] = {
    {"self_attn.q_proj", "attn_q"},
    {"self_attn.k_proj", "attn_k"},
    {"self_attn.v_proj", "attn_v"},
    {"self_attn.o_proj", "attn_output"},
    {"self_attn.q_norm", "attn_q_norm"},
    {"self_attn.k_norm", "attn_k_norm"},
    {"mlp.gate_proj", "ffn_gate"},
    {"mlp.up_proj", "ffn_up"},
    {"mlp.down_proj", "ffn_down"},
    {"self_attn.qkv_proj", "attn_qkv"}, // Phi-3's fused Q, K, V
    {"mlp.gate_up_proj", "ffn_up"},     // Phi-3's fused gate and up: GGUF keeps them as one ffn_up
    {"input_layernorm", "attn_norm"},
    {"pre_feedforward_layernorm", "ffn_norm"},
    {"post_feedforward_layernorm", "post_ffw_norm"},
    {"mlp.gate", "ffn_gate_inp"},              // Qwen MoE router
    {"block_sparse_moe.gate", "ffn_gate_inp"}, // Mixtral router
    {"mlp.router", "ffn_gate_inp"},            // gpt-oss router (weight and bias)
    {"self_attn.q_a_proj", "attn_q_a"},        // DeepSeek's latent attention
    {"self_attn.q_a_layernorm", "attn_q_a_norm"},
    {"self_attn.q_b_proj", "attn_q_b"},
    {"self_attn.kv_a_proj_with_mqa", "attn_kv_a_mqa"},
    {"self_attn.kv_a_layernorm", "attn_kv_a_norm"},
    {"mlp.shared_experts.gate_proj", "ffn_gate_shexp"},
    {"mlp.shared_experts.up_proj", "ffn_up_shexp"},
    {"mlp.shared_experts.down_proj", "ffn_down_shexp"},
};

// Routed experts: "<prefix>.<expert>.<part>" -> the stacked GGUF tensor.
constexpr std::pair<std::string_view, std::string_view> kExpertParts[] = {
    {"mlp.experts.gate_proj", "ffn_gate_exps"},     {"mlp.experts.up_proj", "ffn_up_exps"},
    {"mlp.experts.down_proj", "ffn_down_exps"},     {"block_sparse_moe.experts.w1", "ffn_gate_exps"},
    {"block_sparse_moe.experts.w3", "ffn_up_exps"}, {"block_sparse_moe.experts.w2", "ffn_down_exps"},
};

} // namespace

const HfArchitecture* findHfArchitecture(std::string_view hfClass) {
    static const auto table = [] {
        std::array<HfArchitecture, kArchitectures.size()> t = kArchitectures;
        for (HfArchitecture& a : t)
            if (const auto* info = model::findArchitecture(a.ggufArch))
                a.postAttentionNorm = info->postNorms || info->ffnNormName == "post_attention_norm";
        return t;
    }();
    for (const HfArchitecture& a : table)
        if (a.hfClass == hfClass && model::findArchitecture(a.ggufArch)) return &a;
    return nullptr;
}

std::string supportedHfArchitectures() {
    std::string list;
    for (const HfArchitecture& a : kArchitectures)
        list += (list.empty() ? "" : ", ") + std::string(a.hfClass);
    return list;
}

std::optional<MappedTensor> mapTensorName(const std::string& hfName, const HfArchitecture& arch) {
    if (hfName.ends_with(".rotary_emb.inv_freq") || hfName.ends_with(".attention.masked_bias") ||
        hfName.ends_with(".attention.bias"))
        return MappedTensor{{}, {}, true};
    if (hfName == "model.embed_tokens.weight") return MappedTensor{"token_embd.weight"};
    if (hfName == "model.norm.weight") return MappedTensor{"output_norm.weight"};
    if (hfName == "lm_head.weight") return MappedTensor{"output.weight"};
    if (hfName.ends_with(".mlp.gate.e_score_correction_bias")) { // DeepSeek-V3's router bias
        static const std::regex bias(R"(model\.layers\.(\d+)\..*)");
        std::smatch b;
        if (std::regex_match(hfName, b, bias))
            return MappedTensor{fmt::format("blk.{}.exp_probs_b.bias", b[1].str())};
    }
    static const std::regex sinks(R"(model\.layers\.(\d+)\.self_attn\.sinks)");
    std::smatch s;
    if (std::regex_match(hfName, s, sinks))
        return MappedTensor{fmt::format("blk.{}.attn_sinks.weight", s[1].str())};
    static const std::regex expert(R"(model\.layers\.(\d+)\.(.+)\.(\d+)\.([a-z0-9_]+)\.weight)");
    static const std::regex layer(R"(model\.layers\.(\d+)\.(.+)\.(weight|bias))");
    std::smatch m;
    if (std::regex_match(hfName, m, expert)) {
        const std::string part = m[2].str() + "." + m[4].str();
        for (const auto& [from, to] : kExpertParts)
            if (part == from) {
                const unsigned long index = std::stoul(m[3].str());
                if (index >= (1u << 16)) return std::nullopt;
                return MappedTensor{fmt::format("blk.{}.{}.weight", m[1].str(), to), uint32_t(index)};
            }
    }
    if (!std::regex_match(hfName, m, layer)) return std::nullopt;
    if (m[2].str() == "post_attention_layernorm")
        return MappedTensor{fmt::format("blk.{}.{}.{}", m[1].str(),
                                        arch.postAttentionNorm ? "post_attention_norm" : "ffn_norm",
                                        m[3].str())};
    for (const auto& [from, to] : kLayerParts)
        if (m[2].str() == from) return MappedTensor{fmt::format("blk.{}.{}.{}", m[1].str(), to, m[3].str())};
    return std::nullopt;
}

} // namespace qf::hf::detail

namespace qf::hf::detail {
namespace {

const JsonValue* present(const JsonValue& config, std::string_view key) {
    const JsonValue* v = config.find(key);
    return v && !v->isNull() ? v : nullptr;
}

Result<uint32_t> countOf(const JsonValue& config, std::string_view key,
                         std::optional<uint32_t> fallback = {}) {
    const JsonValue* v = present(config, key);
    if (!v) {
        if (fallback) return *fallback;
        return makeError("config.json: missing \"{}\"", key);
    }
    if (!v->asUInt() || *v->asUInt() > (1u << 30))
        return makeError("config.json: \"{}\" is not a count", key);
    return uint32_t(*v->asUInt());
}

Result<float> realOf(const JsonValue& config, std::string_view key, std::optional<double> fallback = {}) {
    const JsonValue* v = present(config, key);
    if (!v) {
        if (fallback) return float(*fallback);
        return makeError("config.json: missing \"{}\"", key);
    }
    if (!v->asDouble()) return makeError("config.json: \"{}\" is not a number", key);
    return float(*v->asDouble());
}

// Phi3MiniModel.generate_extra_tensors: a long-context (longrope, formerly "su") checkpoint's per-pair
// rope divisors as rope_factors_long/short.weight, and the attention factor that compensates the longer
// context. No long_factor: nothing (a 4k model).
Status addPhi3LongRope(const JsonValue& config, const JsonValue* scaling, uint64_t original,
                       uint32_t ropeDims, gguf::Metadata& md, const std::string& attnFactorKey,
                       std::vector<GeneratedTensor>& generated) {
    const JsonValue* longFactors = scaling ? present(*scaling, "long_factor") : nullptr;
    if (!longFactors || (longFactors->asArray() && longFactors->asArray()->empty())) return {};
    const JsonValue* context = present(config, "n_positions");
    if (!context) context = present(config, "max_position_embeddings");
    if (!context || !context->asUInt())
        return makeError("config.json: Phi-3 long-context rope needs \"max_position_embeddings\"");
    const double scale = double(*context->asUInt()) / double(original);
    const JsonValue* typeValue = present(*scaling, "rope_type");
    if (!typeValue) typeValue = present(*scaling, "type");
    std::string type = typeValue && typeValue->asString() ? *typeValue->asString() : std::string();
    std::transform(type.begin(), type.end(), type.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    if (type.empty()) return makeError("config.json: rope_scaling has long_factor but no \"type\"");
    double attnFactor = 1.0;
    if (type == "su" || type == "longrope")
        attnFactor = scale > 1.0 ? std::sqrt(1.0 + std::log(scale) / std::log(double(original))) : 1.0;
    else if (type == "yarn")
        attnFactor = scale > 1.0 ? 0.1 * std::log(scale) + 1.0 : 1.0;
    else
        return makeError(
            "config.json: Phi-3 rope scaling \"{}\" is not supported (su, longrope and yarn are)", type);
    md.set(attnFactorKey, gguf::Value::f32(float(attnFactor)));
    const JsonValue* shortFactors = present(*scaling, "short_factor");
    if (!shortFactors) return makeError("config.json: rope_scaling has long_factor but no short_factor");
    const auto* longs = longFactors->asArray();
    const auto* shorts = shortFactors->asArray();
    if (!longs || !shorts || longs->size() != shorts->size() || 2 * longs->size() != ropeDims)
        return makeError("config.json: rope_scaling's long_factor and short_factor must have {} values each "
                         "(half the {} rotated dimensions), not {} and {}",
                         ropeDims / 2.0, ropeDims, longs ? longs->size() : 0, shorts ? shorts->size() : 0);
    for (const auto& [name, list] :
         {std::pair{"rope_factors_long.weight", longs}, {"rope_factors_short.weight", shorts}}) {
        GeneratedTensor t{name, {}};
        for (const JsonValue& v : *list) {
            if (!v.asDouble()) return makeError("config.json: rope_scaling's factors must be numbers");
            t.values.push_back(float(*v.asDouble()));
        }
        generated.push_back(std::move(t));
    }
    return {};
}

} // namespace

Status addArchitectureParameters(const HfArchitecture& arch, const JsonValue& config, gguf::Metadata& md,
                                 uint32_t embd, uint32_t heads, std::vector<GeneratedTensor>& generated) {
    const std::string a(arch.ggufArch);
    auto key = [&a](std::string_view k) { return a + "." + std::string(k); };
    switch (arch.parameters) {
    case HfParameters::Base:
        return {};
    case HfParameters::Gemma2: {
        // Gemma2Model's own list: no rope keys; head_count_kv always; head_dim required.
        md.remove(key("rope.freq_base"));
        auto headDim = countOf(config, "head_dim");
        auto kv = countOf(config, "num_key_value_heads", heads);
        auto attnCap = realOf(config, "attn_logit_softcapping");
        auto finalCap = realOf(config, "final_logit_softcapping");
        auto window = countOf(config, "sliding_window");
        for (const Status& s :
             {headDim ? Status() : Status(headDim.error()), kv ? Status() : Status(kv.error()),
              attnCap ? Status() : Status(attnCap.error()), finalCap ? Status() : Status(finalCap.error()),
              window ? Status() : Status(window.error())})
            QF_TRY(s);
        md.set(key("attention.head_count_kv"), gguf::Value::u32(*kv));
        md.set(key("attention.key_length"), gguf::Value::u32(*headDim));
        md.set(key("attention.value_length"), gguf::Value::u32(*headDim));
        md.set(key("attn_logit_softcapping"), gguf::Value::f32(*attnCap));
        md.set(key("final_logit_softcapping"), gguf::Value::f32(*finalCap));
        md.set(key("attention.sliding_window"), gguf::Value::u32(*window));
        return {};
    }
    case HfParameters::Gemma3: {
        // Gemma3Model: TextModel's keys, then its defaults for what the config leaves out.
        auto context = countOf(config, "max_position_embeddings", 131072);
        auto headCount = countOf(config, "num_attention_heads", 8);
        auto eps = realOf(config, "rms_norm_eps", 1e-6);
        auto headDim = countOf(config, "head_dim", 256);
        auto theta = realOf(config, "rope_theta", 1000000.0);
        auto kv = countOf(config, "num_key_value_heads", 4);
        for (const Status& s :
             {context ? Status() : Status(context.error()), headCount ? Status() : Status(headCount.error()),
              eps ? Status() : Status(eps.error()), headDim ? Status() : Status(headDim.error()),
              theta ? Status() : Status(theta.error()), kv ? Status() : Status(kv.error())})
            QF_TRY(s);
        if (present(config, "attn_logit_softcapping"))
            return makeError(
                "config.json: Gemma 3 has no attention logit soft-capping, but the config sets one");
        md.set(key("context_length"), gguf::Value::u32(*context));
        md.set(key("attention.head_count"), gguf::Value::u32(*headCount));
        md.set(key("attention.layer_norm_rms_epsilon"), gguf::Value::f32(*eps));
        md.set(key("attention.key_length"), gguf::Value::u32(*headDim));
        md.set(key("attention.value_length"), gguf::Value::u32(*headDim));
        md.set(key("rope.freq_base"), gguf::Value::f32(*theta));
        if (const auto* cap = present(config, "final_logit_softcapping");
            cap && cap->asDouble() && *cap->asDouble())
            md.set(key("final_logit_softcapping"), gguf::Value::f32(float(*cap->asDouble())));
        const auto* pattern = present(config, "sliding_window_pattern");
        if (!pattern || pattern->asUInt() != std::optional<uint64_t>(1)) {
            auto window = countOf(config, "sliding_window");
            QF_TRY(window ? Status() : Status(window.error()));
            md.set(key("attention.sliding_window"), gguf::Value::u32(*window));
        }
        md.set(key("attention.head_count_kv"), gguf::Value::u32(*kv));
        return {};
    }
    case HfParameters::GptOss: {
        // GptOssModel: TextModel's keys, the sliding window, and intermediate_size as the experts' length.
        auto window = countOf(config, "sliding_window");
        auto ff = countOf(config, "intermediate_size");
        QF_TRY(window ? Status() : Status(window.error()));
        QF_TRY(ff ? Status() : Status(ff.error()));
        md.set(key("attention.sliding_window"), gguf::Value::u32(*window));
        md.set(key("expert_feed_forward_length"), gguf::Value::u32(*ff));
        return {};
    }
    case HfParameters::DeepSeek2: {
        // DeepseekV2Model: MLA becomes MQA (one KV head) with larger heads, then decompresses.
        md.set(key("attention.head_count_kv"), gguf::Value::u32(1));
        if (!present(config, "rms_norm_eps"))
            md.set(key("attention.layer_norm_rms_epsilon"), gguf::Value::f32(1e-6f));
        const bool moe = present(config, "n_routed_experts") != nullptr;
        auto layers = countOf(config, "num_hidden_layers");
        QF_TRY(layers ? Status() : Status(layers.error()));
        auto dense = countOf(config, "first_k_dense_replace", moe ? 0u : *layers);
        auto vocab = countOf(config, "vocab_size");
        auto kvRank = countOf(config, "kv_lora_rank", 512);
        auto rope = countOf(config, "qk_rope_head_dim");
        auto nope = countOf(config, "qk_nope_head_dim");
        auto v = countOf(config, "v_head_dim");
        auto shared = countOf(config, "n_shared_experts", 0);
        for (const Status& s :
             {dense ? Status() : Status(dense.error()), vocab ? Status() : Status(vocab.error()),
              kvRank ? Status() : Status(kvRank.error()), rope ? Status() : Status(rope.error()),
              nope ? Status() : Status(nope.error()), v ? Status() : Status(v.error()),
              shared ? Status() : Status(shared.error())})
            QF_TRY(s);
        const JsonValue* expertFf = present(config, "moe_intermediate_size");
        if (!expertFf) expertFf = present(config, "intermediate_size");
        if (!expertFf || !expertFf->asUInt())
            return makeError("config.json: missing \"moe_intermediate_size\"");
        md.set(key("leading_dense_block_count"), gguf::Value::u32(*dense));
        md.set(key("vocab_size"), gguf::Value::u32(*vocab));
        if (const auto* q = present(config, "q_lora_rank")) {
            if (!q->asUInt()) return makeError("config.json: \"q_lora_rank\" is not a count");
            md.set(key("attention.q_lora_rank"), gguf::Value::u32(uint32_t(*q->asUInt())));
        }
        md.set(key("attention.kv_lora_rank"), gguf::Value::u32(*kvRank));
        md.set(key("attention.key_length"), gguf::Value::u32(*kvRank + *rope));
        md.set(key("attention.value_length"), gguf::Value::u32(*kvRank));
        md.set(key("attention.key_length_mla"), gguf::Value::u32(*nope + *rope));
        md.set(key("attention.value_length_mla"), gguf::Value::u32(*v));
        md.set(key("expert_feed_forward_length"), gguf::Value::u32(uint32_t(*expertFf->asUInt())));
        md.set(key("expert_shared_count"), gguf::Value::u32(*shared));
        if (const auto* scale = present(config, "routed_scaling_factor")) {
            if (!scale->asDouble())
                return makeError("config.json: \"routed_scaling_factor\" is not a number");
            md.set(key("expert_weights_scale"), gguf::Value::f32(float(*scale->asDouble())));
        }
        if (const auto* norm = present(config, "norm_topk_prob"); norm && norm->asBool() && *norm->asBool())
            md.set(key("expert_weights_norm"), gguf::Value::boolean(true));
        md.set(key("rope.dimension_count"), gguf::Value::u32(*rope));
        const JsonValue* scaling = present(config, "rope_scaling");
        if (const JsonValue* mscale = scaling ? present(*scaling, "mscale_all_dim") : nullptr) {
            if (!mscale->asDouble())
                return makeError("config.json: rope_scaling.mscale_all_dim is not a number");
            md.set(key("rope.scaling.yarn_log_multiplier"),
                   gguf::Value::f32(float(0.1 * *mscale->asDouble())));
        }
        return {};
    }
    case HfParameters::Phi3: {
        // Phi3MiniModel's own list: the original context, rope dimensions from partial_rotary_factor.
        const JsonValue* scaling = present(config, "rope_scaling");
        const JsonValue* original = scaling ? present(*scaling, "original_max_position_embeddings") : nullptr;
        if (!original) original = present(config, "original_max_position_embeddings");
        if (!original || !original->asUInt())
            return makeError("config.json: Phi-3 needs \"original_max_position_embeddings\"");
        double fraction = 1.0;
        const JsonValue* f = scaling ? present(*scaling, "partial_rotary_factor") : nullptr;
        if (!f) f = present(config, "partial_rotary_factor");
        if (f) {
            if (!f->asDouble() || *f->asDouble() <= 0 || *f->asDouble() > 1)
                return makeError("config.json: \"partial_rotary_factor\" must be in (0, 1]");
            fraction = *f->asDouble();
        }
        if (!present(config, "rope_theta")) return makeError("config.json: Phi-3 needs \"rope_theta\"");
        const uint32_t ropeDims = uint32_t(int64_t(fraction * embd)) / heads;
        QF_TRY(addPhi3LongRope(config, scaling, *original->asUInt(), ropeDims, md,
                               key("rope.scaling.attn_factor"), generated));
        md.set(key("rope.scaling.original_context_length"), gguf::Value::u32(uint32_t(*original->asUInt())));
        md.set(key("rope.dimension_count"), gguf::Value::u32(ropeDims));
        uint32_t window = 0; // Phi-4 has none: 0 tells it apart
        if (const auto* w = present(config, "sliding_window")) {
            if (!w->asUInt()) return makeError("config.json: \"sliding_window\" is not a count");
            window = uint32_t(*w->asUInt());
        }
        md.set(key("attention.sliding_window"), gguf::Value::u32(window));
        return {};
    }
    }
    return {};
}

} // namespace qf::hf::detail
