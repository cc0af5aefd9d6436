#include "hf_arch.h"

#include <array>
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

// llama.cpp's converter writes Mistral and Mixtral folders as general.architecture "llama".
constexpr std::array kArchitectures = {
    llama("LlamaForCausalLM"),         llama("MistralForCausalLM"),
    llama("MixtralForCausalLM", true), qwen("Qwen2ForCausalLM", "qwen2"),
    qwen("Qwen3ForCausalLM", "qwen3"), qwen("Qwen3MoeForCausalLM", "qwen3moe", true),
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
    {"input_layernorm", "attn_norm"},
    {"post_attention_layernorm", "ffn_norm"},
    {"mlp.gate", "ffn_gate_inp"},              // Qwen MoE router
    {"block_sparse_moe.gate", "ffn_gate_inp"}, // Mixtral router
};

// Routed experts: "<prefix>.<expert>.<part>" -> the stacked GGUF tensor.
constexpr std::pair<std::string_view, std::string_view> kExpertParts[] = {
    {"mlp.experts.gate_proj", "ffn_gate_exps"},     {"mlp.experts.up_proj", "ffn_up_exps"},
    {"mlp.experts.down_proj", "ffn_down_exps"},     {"block_sparse_moe.experts.w1", "ffn_gate_exps"},
    {"block_sparse_moe.experts.w3", "ffn_up_exps"}, {"block_sparse_moe.experts.w2", "ffn_down_exps"},
};

} // namespace

const HfArchitecture* findHfArchitecture(std::string_view hfClass) {
    for (const HfArchitecture& a : kArchitectures)
        if (a.hfClass == hfClass && model::findArchitecture(a.ggufArch)) return &a;
    return nullptr;
}

std::string supportedHfArchitectures() {
    std::string list;
    for (const HfArchitecture& a : kArchitectures)
        list += (list.empty() ? "" : ", ") + std::string(a.hfClass);
    return list;
}

std::optional<MappedTensor> mapTensorName(const std::string& hfName) {
    if (hfName.ends_with(".rotary_emb.inv_freq") || hfName.ends_with(".attention.masked_bias") ||
        hfName.ends_with(".attention.bias"))
        return MappedTensor{{}, {}, true};
    if (hfName == "model.embed_tokens.weight") return MappedTensor{"token_embd.weight"};
    if (hfName == "model.norm.weight") return MappedTensor{"output_norm.weight"};
    if (hfName == "lm_head.weight") return MappedTensor{"output.weight"};
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
    for (const auto& [from, to] : kLayerParts)
        if (m[2].str() == from) return MappedTensor{fmt::format("blk.{}.{}.{}", m[1].str(), to, m[3].str())};
    return std::nullopt;
}

} // namespace qf::hf::detail
