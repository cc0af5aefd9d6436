#include "tensor_rules.h"

#include <algorithm>
#include <array>

namespace qf::quant::detail {
namespace {

using FT = LlamaFileType;
using T = GgmlType;

bool contains(std::string_view name, std::string_view part) {
    return name.find(part) != std::string_view::npos;
}

uint64_t blockSizeOf(GgmlType type) {
    return ggmlTypeTraits(type).blockSize;
}

// A scalar or the first element of a per-layer array, as llama.cpp's get_key_or_arr reads layer 0.
std::optional<uint64_t> firstUInt(const gguf::Metadata& metadata, const std::string& key) {
    const gguf::Value* value = metadata.find(key);
    if (!value) return std::nullopt;
    if (auto v = value->asUInt()) return v;
    if (const auto* array = value->asArray(); array && array->size() > 0)
        if (auto v = array->intAt(0); v && *v >= 0) return uint64_t(*v);
    return std::nullopt;
}

uint32_t clampToU32(std::optional<uint64_t> v) {
    return v ? uint32_t(std::min<uint64_t>(*v, UINT32_MAX)) : 0;
}

} // namespace

ModelFacts readModelFacts(const gguf::Metadata& metadata) {
    ModelFacts facts;
    facts.architecture = metadata.getString("general.architecture").value_or("");
    const std::string& arch = facts.architecture;
    facts.layerCount = clampToU32(firstUInt(metadata, arch + ".block_count"));
    facts.headCount = clampToU32(firstUInt(metadata, arch + ".attention.head_count"));
    const auto kv = firstUInt(metadata, arch + ".attention.head_count_kv");
    facts.headCountKv = kv ? clampToU32(kv) : facts.headCount;
    facts.expertCount = clampToU32(firstUInt(metadata, arch + ".expert_count"));

    // llama.cpp's model-size guess, of which only "70B" changes quantization (llama_model::load_hparams).
    if (facts.layerCount == 80) {
        if (arch == "llama")
            facts.is70B = facts.expertCount != 8 && facts.headCount != facts.headCountKv;
        else
            facts.is70B = arch == "deci" || arch == "qwen2" || arch == "olmo";
    }
    return facts;
}

size_t effectiveDims(const std::vector<uint64_t>& shape) {
    size_t dims = shape.size();
    while (dims > 1 && shape[dims - 1] == 1)
        --dims;
    return std::max<size_t>(dims, 1);
}

std::optional<int64_t> blockIndex(std::string_view name) {
    // Like sscanf(name, "blk.%d.", &i): the number after "blk." (with an optional sign) counts even when
    // the '.' after it is missing.
    constexpr std::string_view prefix = "blk.";
    if (!name.starts_with(prefix)) return std::nullopt;
    size_t at = prefix.size();
    bool negative = false;
    if (at < name.size() && (name[at] == '+' || name[at] == '-')) negative = name[at++] == '-';
    const size_t digitsStart = at;
    int64_t value = 0;
    while (at < name.size() && name[at] >= '0' && name[at] <= '9') {
        value = std::min<int64_t>(value * 10 + (name[at] - '0'), INT32_MAX);
        ++at;
    }
    if (at == digitsStart) return std::nullopt;
    return negative ? -value : value;
}

bool llamaTensorOrder(const std::string& a, const std::string& b) {
    const int64_t la = blockIndex(a).value_or(-1);
    const int64_t lb = blockIndex(b).value_or(-1);
    if (la != lb) return la < lb;
    return a < b;
}

bool allowsQuantization(std::string_view name, size_t dims, bool quantizeOutput) {
    // llama.cpp tests `name.rfind("weight") == name.size() - 6`, which is also true for every name of
    // exactly five characters (both sides are npos); kept so that the same tensors are quantized.
    bool quantize = name.ends_with("weight") || name.size() == 5;
    quantize = quantize && dims >= 2; // 1-D tensors (norms, biases, scales) stay as they are
    quantize = quantize && !contains(name, "_norm.weight");
    quantize = quantize && (quantizeOutput || name != "output.weight");
    quantize = quantize && !contains(name, "ffn_gate_inp.weight"); // MoE router
    quantize = quantize && name != "position_embd.weight" && name != "token_types.weight";
    quantize = quantize && !contains(name, "ssm_conv1d.weight"); // Mamba
    // RWKV's small 2-D weights. c392e509 lists the first, w1/w2, decay and lerp tensors; the others are
    // RWKV7's, which that version cannot load, so listing them cannot change a file it produces.
    static constexpr std::array kRwkv = {
        "time_mix_first.weight",    "time_mix_w0.weight",       "time_mix_w1.weight",
        "time_mix_w2.weight",       "time_mix_v0.weight",       "time_mix_v1.weight",
        "time_mix_v2.weight",       "time_mix_a0.weight",       "time_mix_a1.weight",
        "time_mix_a2.weight",       "time_mix_g1.weight",       "time_mix_g2.weight",
        "time_mix_decay_w1.weight", "time_mix_decay_w2.weight", "time_mix_lerp_fused.weight",
    };
    for (const char* part : kRwkv)
        quantize = quantize && !contains(name, part);
    quantize = quantize && !contains(name, "attn_rel_b.weight"); // T5 relative position bias
    return quantize;
}

GgmlType fallbackType(GgmlType wanted, uint64_t rowLength) {
    if (rowLength % blockSizeOf(wanted) == 0) return wanted;
    GgmlType type;
    // llama.cpp v0.5.0's tensor_type_fallback.
    switch (wanted) {
    case T::IQ1_S:
    case T::IQ1_M:
    case T::IQ2_XXS:
    case T::IQ2_XS:
    case T::IQ2_S:
    case T::IQ3_XXS:
    case T::IQ3_S:
    case T::IQ4_XS:
        type = T::IQ4_NL;
        break;
    case T::Q2_0:
    case T::Q2_K:
    case T::Q3_K:
    case T::TQ1_0:
    case T::TQ2_0:
        type = T::Q4_0;
        break;
    case T::Q4_K:
        type = T::Q5_0;
        break;
    case T::Q5_K:
        type = T::Q5_1;
        break;
    case T::Q6_K:
        type = T::Q8_0;
        break;
    // A 32-block type (or Q1_0's 128, which llama-quantize refuses with "no tensor type fallback is
    // defined"; see fallbackIsRefused) ends up F16 below.
    default:
        type = wanted;
        break;
    }
    if (rowLength % blockSizeOf(type) != 0) type = T::F16;
    return type;
}

bool fallbackIsRefused(GgmlType wanted, uint64_t rowLength) {
    return rowLength % blockSizeOf(wanted) != 0 && wanted == T::Q1_0;
}

bool typeRequiresImatrix(GgmlType type, std::string_view tensorName, LlamaFileType fileType) {
    // llama.cpp v0.5.0's tensor_requires_imatrix: never the embeddings or the output.
    if (tensorName == "token_embd.weight" || tensorName == "per_layer_token_embd.weight" ||
        tensorName == "output.weight")
        return false;
    switch (type) {
    case T::IQ3_XXS:
    case T::IQ2_XXS:
    case T::IQ2_XS:
    case T::IQ2_S:
    case T::IQ1_M:
    case T::IQ1_S:
        return true;
    case T::Q2_K:
        return fileType == FT::MostlyQ2_K_S;
    default:
        return false;
    }
}

MixRules::MixRules(ModelFacts facts, LlamaFileType fileType, bool hasImatrix,
                   const std::vector<std::string>& allNames, std::optional<GgmlType> outputTensorType,
                   std::optional<GgmlType> tokenEmbeddingType)
    : m_facts(std::move(facts)), m_fileType(fileType), m_hasImatrix(hasImatrix),
      m_outputTensorType(outputTensorType), m_tokenEmbeddingType(tokenEmbeddingType) {
    for (const auto& name : allNames) {
        if (contains(name, "attn_v.weight") || contains(name, "attn_qkv.weight") ||
            contains(name, "attn_kv_b.weight"))
            ++m_attentionVCount;
        else if (name == "output.weight")
            m_hasOutput = true;
    }
}

bool MixRules::isAny(std::initializer_list<LlamaFileType> types) const {
    return std::find(types.begin(), types.end(), m_fileType) != types.end();
}

// The layer a tensor belongs to: with experts, parsed from the name (expert tensors are not in layer
// order in some models); otherwise the running count of tensors of the same kind.
Result<int> MixRules::layerOf(const std::string& name, int counter) const {
    if (std::max<uint32_t>(1, m_facts.expertCount) <= 1) return counter;
    const auto layer = blockIndex(name);
    if (!layer) return makeError("cannot tell the layer of tensor {} (expected a name like blk.N....)", name);
    if (*layer < 0 || *layer >= int64_t(m_facts.layerCount))
        return makeError("tensor {} is in layer {}, but the model has {} layers", name, *layer,
                         m_facts.layerCount);
    return int(*layer);
}

namespace {
// Layers that get more bits in the _M mixes: the first and last eighth, and every third in between.
bool useMoreBits(int layer, int layers) {
    return layer < layers / 8 || layer >= 7 * layers / 8 || (layer - layers / 8) % 3 == 2;
}
} // namespace

GgmlType MixRules::attentionV(GgmlType type) {
    const uint32_t gqa = m_facts.gqa();
    if (m_fileType == FT::MostlyQ2_K)
        type = gqa >= 4 ? T::Q4_K : T::Q3_K;
    else if (m_fileType == FT::MostlyQ2_K_S && gqa >= 4)
        type = T::Q4_K;
    else if (m_fileType == FT::MostlyIQ3_XXS)
        type = gqa >= 4 ? T::Q4_K : !m_hasImatrix ? T::IQ3_S : T::IQ3_XXS;
    else if (isAny({FT::MostlyIQ3_XS, FT::MostlyIQ3_S}) && gqa >= 4)
        type = T::Q4_K;
    else if (m_fileType == FT::MostlyIQ3_M)
        type = T::Q4_K;
    else if (m_fileType == FT::MostlyQ3_K_M)
        type = m_attentionVIndex < 2 ? T::Q5_K : T::Q4_K;
    else if (m_fileType == FT::MostlyQ3_K_L)
        type = T::Q5_K;
    else if (isAny({FT::MostlyIQ4_NL, FT::MostlyIQ4_XS}) && gqa >= 4)
        type = T::Q5_K;
    else if (isAny({FT::MostlyQ4_K_M, FT::MostlyQ5_K_M}) && useMoreBits(m_attentionVIndex, m_attentionVCount))
        type = T::Q6_K;
    else if (m_fileType == FT::MostlyQ4_K_S && m_attentionVIndex < 4)
        type = T::Q5_K;
    // 70B models share each attn_v among 8 heads, so it is 8x smaller than attn_q: more bits are cheap.
    if (m_facts.is70B && (type == T::Q3_K || type == T::Q4_K)) type = T::Q5_K;
    if (m_facts.expertCount == 8) type = T::Q8_0;
    ++m_attentionVIndex;
    return type;
}

Result<GgmlType> MixRules::ffnDown(const std::string& name, GgmlType type) {
    auto layerResult = layerOf(name, m_ffnDownIndex);
    if (!layerResult) return layerResult.error();
    const int layer = *layerResult;
    const int layers = int(m_facts.layerCount);
    const bool falcon = m_facts.isFalcon();
    if (m_fileType == FT::MostlyQ2_K)
        type = T::Q3_K;
    else if (m_fileType == FT::MostlyQ2_K_S) {
        if (layer < layers / 8) type = T::Q4_K;
    } else if (m_fileType == FT::MostlyIQ3_XXS && !m_hasImatrix)
        type = layer < layers / 8 ? T::Q4_K : T::Q3_K;
    else if (m_fileType == FT::MostlyQ3_K_M)
        type = layer < layers / 16 ? T::Q5_K : !falcon || useMoreBits(layer, layers) ? T::Q4_K : T::Q3_K;
    else if (m_fileType == FT::MostlyIQ3_M &&
             (layer < layers / 8 || (m_facts.expertCount == 8 && useMoreBits(layer, layers))))
        type = T::Q4_K;
    else if (m_fileType == FT::MostlyQ3_K_L)
        type = falcon ? T::Q4_K : T::Q5_K;
    else if (m_fileType == FT::MostlyQ4_K_M) {
        if (falcon)
            type = layer < layers / 16 ? T::Q6_K : useMoreBits(layer, layers) ? T::Q5_K : T::Q4_K;
        else if (useMoreBits(layer, layers))
            type = T::Q6_K;
    } else if (layer < layers / 8 && isAny({FT::MostlyIQ4_NL, FT::MostlyIQ4_XS}) && !m_hasImatrix)
        type = T::Q5_K;
    else if (m_fileType == FT::MostlyQ5_K_M && useMoreBits(layer, layers))
        type = T::Q6_K;
    else if (m_fileType == FT::MostlyQ4_K_S && !falcon && layer < layers / 8)
        type = T::Q5_K;
    else if (isAny({FT::MostlyQ4_0, FT::MostlyQ5_0}) && m_hasImatrix && layer < layers / 8)
        // Guards the first ffn_down layers, which can go wrong even with an imatrix in these types.
        type = m_fileType == FT::MostlyQ4_0 ? T::Q4_1 : T::Q5_1;
    ++m_ffnDownIndex;
    return type;
}

GgmlType MixRules::attentionOutput(GgmlType type) const {
    if (m_facts.isFalcon()) return m_fileType == FT::MostlyQ3_K_L ? T::Q4_K : type;
    if (m_facts.expertCount == 8) {
        if (isAny({FT::MostlyQ2_K, FT::MostlyIQ3_XS, FT::MostlyIQ3_XXS, FT::MostlyQ3_K_S, FT::MostlyQ3_K_M,
                   FT::MostlyIQ4_NL, FT::MostlyQ4_K_S, FT::MostlyQ4_K_M, FT::MostlyIQ3_S, FT::MostlyIQ3_M,
                   FT::MostlyIQ4_XS}))
            type = T::Q5_K;
        return type;
    }
    if (m_fileType == FT::MostlyQ2_K) return T::Q3_K;
    if (m_fileType == FT::MostlyIQ3_XXS) return T::IQ3_S;
    if (m_fileType == FT::MostlyQ3_K_M) return T::Q4_K;
    if (m_fileType == FT::MostlyQ3_K_L) return T::Q5_K;
    if (m_fileType == FT::MostlyIQ3_M) return T::Q4_K;
    return type;
}

Result<GgmlType> MixRules::typeFor(const std::string& name, const std::vector<uint64_t>& shape,
                                   GgmlType defaultType) {
    GgmlType type = defaultType;
    const uint64_t rowLength = shape.empty() ? 1 : shape[0];
    const bool lowBitIq = isAny({FT::MostlyIQ2_XXS, FT::MostlyIQ2_XS, FT::MostlyIQ1_S, FT::MostlyIQ2_S,
                                 FT::MostlyIQ2_M, FT::MostlyIQ1_M});

    // With tied embeddings token_embd is also the output projection, so it follows the output's rules.
    if (name == "output.weight" || (!m_hasOutput && name == "token_embd.weight")) {
        if (m_outputTensorType) {
            type = *m_outputTensorType;
        } else if (m_fileType == FT::MostlyMXFP4_MoE || m_facts.isFalcon() ||
                   rowLength % blockSizeOf(type) != 0) {
            type = T::Q8_0;
        } else if (isAny({FT::MostlyIQ2_XXS, FT::MostlyIQ2_XS, FT::MostlyIQ3_XXS, FT::MostlyIQ1_S,
                          FT::MostlyIQ2_S, FT::MostlyIQ2_M, FT::MostlyIQ1_M})) {
            type = T::Q5_K;
        } else if (type != T::Q8_0) {
            type = T::Q6_K;
        }
    } else if (m_fileType == FT::MostlyMXFP4_MoE) {
        // A later llama.cpp file type (absent from c392e509): experts MXFP4, everything else Q8_0.
        type = shape.size() > 2 && shape[2] > 1 ? T::MXFP4 : T::Q8_0;
    } else if (name == "token_embd.weight") {
        if (m_tokenEmbeddingType)
            type = *m_tokenEmbeddingType;
        else if (isAny({FT::MostlyIQ2_XXS, FT::MostlyIQ2_XS, FT::MostlyIQ1_S, FT::MostlyIQ1_M}))
            type = T::Q2_K;
        else if (isAny({FT::MostlyIQ2_S, FT::MostlyIQ2_M, FT::MostlyIQ3_XXS}))
            type = T::IQ3_S;
        else if (isAny({FT::MostlyTQ1_0, FT::MostlyTQ2_0, FT::MostlyQ2_0}))
            type = T::Q4_K;
    } else if (lowBitIq) {
        const bool iq2sm = isAny({FT::MostlyIQ2_S, FT::MostlyIQ2_M});
        if (contains(name, "attn_v.weight")) {
            if (m_facts.gqa() >= 4 || m_facts.expertCount >= 4)
                type = T::Q4_K;
            else
                type = iq2sm ? T::IQ3_S : T::Q2_K;
            ++m_attentionVIndex;
        } else if (m_facts.expertCount == 8 && contains(name, "attn_k.weight")) {
            type = T::Q4_K;
        } else if (contains(name, "ffn_down")) {
            if (m_ffnDownIndex < int(m_facts.layerCount) / 8) type = iq2sm ? T::IQ3_S : T::Q2_K;
            ++m_ffnDownIndex;
        } else if (contains(name, "attn_output.weight")) {
            if (m_facts.expertCount == 8)
                type = T::Q5_K;
            else if (isAny({FT::MostlyIQ1_S, FT::MostlyIQ1_M}))
                type = T::IQ2_XXS;
            else if (iq2sm)
                type = T::IQ3_S;
        }
    } else if (contains(name, "attn_v.weight")) {
        type = attentionV(type);
    } else if (contains(name, "attn_k.weight")) {
        if (m_facts.expertCount == 8)
            type = T::Q8_0; // 8 experts: the attention is a small part of the model
        else if (m_fileType == FT::MostlyIQ3_XS)
            type = T::IQ3_XXS;
        else if (m_fileType == FT::MostlyIQ3_XXS)
            type = T::IQ2_S;
    } else if (contains(name, "attn_q.weight")) {
        if (m_fileType == FT::MostlyIQ3_XS)
            type = T::IQ3_XXS;
        else if (m_fileType == FT::MostlyIQ3_XXS)
            type = T::IQ2_S;
    } else if (contains(name, "ffn_down")) {
        return ffnDown(name, type);
    } else if (contains(name, "attn_output.weight")) {
        type = attentionOutput(type);
    } else if (contains(name, "attn_qkv.weight")) {
        if (isAny({FT::MostlyQ3_K_M, FT::MostlyQ3_K_L, FT::MostlyIQ3_M}))
            type = T::Q4_K;
        else if (m_fileType == FT::MostlyQ4_K_M)
            type = T::Q5_K;
        else if (m_fileType == FT::MostlyQ5_K_M)
            type = T::Q6_K;
    } else if (contains(name, "ffn_gate") || contains(name, "ffn_up")) {
        const bool gate = contains(name, "ffn_gate");
        int& counter = gate ? m_ffnGateIndex : m_ffnUpIndex;
        auto layer = layerOf(name, counter);
        if (!layer) return layer.error();
        const int layers = int(m_facts.layerCount);
        if (m_fileType == FT::MostlyIQ3_XS && *layer >= layers / 8 && *layer < 7 * layers / 8)
            type = T::IQ3_XXS;
        ++counter;
    }
    return type;
}

} // namespace qf::quant::detail
