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
    } else if (facts.layerCount == 68) {
        facts.is70B = arch == "jais2";
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

TensorCategory categoryOf(std::string_view name) {
    using C = TensorCategory;
    if (name == "output.weight") return C::Output;
    if (name == "token_embd.weight" || name == "per_layer_token_embd.weight") return C::TokenEmbedding;
    // Order matters: "attn_qkv.weight" and "attn_kv_b.weight" before the plain attention names.
    static constexpr std::pair<std::string_view, C> kParts[] = {
        {"attn_qkv.weight", C::AttentionQkv},
        {"attn_kv_b.weight", C::AttentionKvB},
        {"attn_v.weight", C::AttentionV},
        {"attn_k.weight", C::AttentionK},
        {"attn_q.weight", C::AttentionQ},
        {"attn_output.weight", C::AttentionOutput},
        {"ffn_up", C::FfnUp},
        {"ffn_gate", C::FfnGate},
        {"ffn_down", C::FfnDown},
    };
    for (const auto& [part, category] : kParts)
        if (contains(name, part)) return category;
    return C::Other;
}

bool isAttentionVLike(TensorCategory category) {
    return category == TensorCategory::AttentionV || category == TensorCategory::AttentionQkv ||
           category == TensorCategory::AttentionKvB;
}

bool allowsQuantization(std::string_view name, size_t dims, bool quantizeOutput) {
    if (dims < 2) return false; // 1-D tensors (norms, biases, scales, sinks) stay as they are
    // llama.cpp tests `name.rfind("weight") == name.size() - 6`, which is also true for every name of
    // exactly five characters (both sides are npos); kept so that the same tensors are quantized.
    if (!name.ends_with("weight") && name.size() != 5) return false;
    if (!quantizeOutput && name == "output.weight") return false;
    if (name == "position_embd.weight" || name == "token_types.weight") return false; // BERT
    // Small or special tensors llama.cpp keeps as they are: norms, MoE routers (and DeepSeek-V4's
    // token-to-expert table), Gemma-3n's altup/laurel/per-layer projection, Mamba/LFM2 convolutions,
    // MiniMax's indexer, RWKV's small 2-D weights, T5's relative position bias, vision and audio
    // encoder pieces.
    static constexpr std::string_view kNeverQuantized[] = {
        "_norm.weight",
        "ffn_gate_inp.weight",
        "ffn_gate_tid2eid.weight",
        "altup",
        "laurel",
        "per_layer_model_proj",
        "ssm_conv1d",
        "shortconv.conv.weight",
        "indexer.k_proj.weight",
        "indexer.q_proj.weight",
        "time_mix_first.weight",
        "time_mix_w0.weight",
        "time_mix_w1.weight",
        "time_mix_w2.weight",
        "time_mix_v0.weight",
        "time_mix_v1.weight",
        "time_mix_v2.weight",
        "time_mix_a0.weight",
        "time_mix_a1.weight",
        "time_mix_a2.weight",
        "time_mix_g1.weight",
        "time_mix_g2.weight",
        "time_mix_decay_w1.weight",
        "time_mix_decay_w2.weight",
        "time_mix_lerp_fused.weight",
        "attn_rel_b.weight",
        ".position_embd",
        "sam.pos_embd",
        "sam.neck.",
        "sam.net_",
        ".rel_pos",
        ".patch_embd",
        ".patch_merger",
        "a.rvq.codebook",
        "mm.a.code_embd",
    };
    for (std::string_view part : kNeverQuantized)
        if (contains(name, part)) return false;
    return true;
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
    if (categoryOf(tensorName) == TensorCategory::TokenEmbedding || tensorName == "output.weight")
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
        // K-quants need no imatrix, except Q2_K inside the Q2_K_S mix.
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
    // init_quantize_state_counters: over every tensor of the model, quantizable or not.
    for (const auto& name : allNames) {
        const TensorCategory category = categoryOf(name);
        if (isAttentionVLike(category)) ++m_attentionVCount;
        if (category == TensorCategory::Output) m_hasOutput = true;
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

// The output projection, and token_embd when it doubles as the output (tied embeddings).
GgmlType MixRules::outputType(GgmlType type, uint64_t rowLength) const {
    if (m_outputTensorType) return *m_outputTensorType;
    if (m_fileType == FT::MostlyMXFP4_MoE || m_facts.isFalcon() || rowLength % blockSizeOf(type) != 0)
        return T::Q8_0;
    if (isAny({FT::MostlyIQ2_XXS, FT::MostlyIQ2_XS, FT::MostlyIQ3_XXS, FT::MostlyIQ1_S, FT::MostlyIQ2_S,
               FT::MostlyIQ2_M, FT::MostlyIQ1_M}))
        return T::Q5_K;
    return type != T::Q8_0 ? T::Q6_K : type;
}

GgmlType MixRules::tokenEmbeddingType(GgmlType type) const {
    if (m_tokenEmbeddingType) return *m_tokenEmbeddingType;
    if (isAny({FT::MostlyIQ2_XXS, FT::MostlyIQ2_XS, FT::MostlyIQ1_S, FT::MostlyIQ1_M})) return T::Q2_K;
    if (isAny({FT::MostlyIQ2_S, FT::MostlyIQ2_M, FT::MostlyIQ3_XXS})) return T::IQ3_S;
    if (isAny({FT::MostlyTQ1_0, FT::MostlyTQ2_0, FT::MostlyQ2_0})) return T::Q4_K;
    return type;
}

// The 1-2 bit I-quant mixes: a few sensitive tensors get more bits.
GgmlType MixRules::lowBitIq(TensorCategory category, GgmlType type) {
    using C = TensorCategory;
    const bool iq2sm = isAny({FT::MostlyIQ2_S, FT::MostlyIQ2_M});
    if (isAttentionVLike(category)) {
        if (m_facts.gqa() >= 4 || m_facts.expertCount >= 4)
            type = T::Q4_K;
        else
            type = iq2sm ? T::IQ3_S : T::Q2_K;
        ++m_attentionVIndex;
    } else if (m_facts.expertCount == 8 && category == C::AttentionK) {
        type = T::Q4_K;
    } else if (category == C::FfnDown) {
        // A running count, also with experts (unlike the other mixes' ffn_down rule).
        if (m_ffnDownIndex < int(m_facts.layerCount) / 8) type = iq2sm ? T::IQ3_S : T::Q2_K;
        ++m_ffnDownIndex;
    } else if (category == C::AttentionOutput) {
        if (m_facts.expertCount == 8)
            type = T::Q5_K;
        else if (isAny({FT::MostlyIQ1_S, FT::MostlyIQ1_M}))
            type = T::IQ2_XXS;
        else if (iq2sm)
            type = T::IQ3_S;
    }
    return type;
}

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
    using C = TensorCategory;
    const C category = categoryOf(name);
    const uint64_t rowLength = shape.empty() ? 1 : shape[0];

    // With tied embeddings token_embd is also the output projection, so it follows the output's rules.
    if (category == C::Output || (!m_hasOutput && category == C::TokenEmbedding))
        return outputType(defaultType, rowLength);
    if (m_fileType == FT::MostlyMXFP4_MoE) {
        // Expert tensors (3-D) MXFP4, everything else Q8_0. Bailing-MoE 3 has 3-D MLA projections too,
        // so there only the ffn tensors count as experts.
        const bool expertRole = m_facts.architecture != "bailingmoe3" || category == C::FfnUp ||
                                category == C::FfnGate || category == C::FfnDown;
        return shape.size() > 2 && shape[2] > 1 && expertRole ? T::MXFP4 : T::Q8_0;
    }
    if (category == C::TokenEmbedding) return tokenEmbeddingType(defaultType);
    if (isAny({FT::MostlyIQ2_XXS, FT::MostlyIQ2_XS, FT::MostlyIQ1_S, FT::MostlyIQ2_S, FT::MostlyIQ2_M,
               FT::MostlyIQ1_M}))
        return lowBitIq(category, defaultType);

    GgmlType type = defaultType;
    switch (category) {
    case C::AttentionV:
    case C::AttentionQkv: // fused q/k/v: llama.cpp's own attn_qkv rule below this one is never reached
    case C::AttentionKvB:
        return attentionV(type);
    case C::AttentionK:
        if (m_facts.expertCount == 8)
            type = T::Q8_0; // 8 experts: the attention is a small part of the model
        else if (m_fileType == FT::MostlyIQ3_XS)
            type = T::IQ3_XXS;
        else if (m_fileType == FT::MostlyIQ3_XXS)
            type = T::IQ2_S;
        return type;
    case C::AttentionQ:
        if (m_fileType == FT::MostlyIQ3_XS)
            type = T::IQ3_XXS;
        else if (m_fileType == FT::MostlyIQ3_XXS)
            type = T::IQ2_S;
        return type;
    case C::FfnDown:
        return ffnDown(name, type);
    case C::AttentionOutput:
        return attentionOutput(type);
    case C::FfnGate:
    case C::FfnUp: {
        int& counter = category == C::FfnGate ? m_ffnGateIndex : m_ffnUpIndex;
        auto layer = layerOf(name, counter);
        if (!layer) return layer.error();
        const int layers = int(m_facts.layerCount);
        if (m_fileType == FT::MostlyIQ3_XS && *layer >= layers / 8 && *layer < 7 * layers / 8)
            type = T::IQ3_XXS;
        ++counter;
        return type;
    }
    default:
        return type;
    }
}

} // namespace qf::quant::detail
