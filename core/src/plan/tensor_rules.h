#pragma once
// llama.cpp's per-tensor type rules (src/llama-quant.cpp of release v0.5.0, Sep 2026): which tensors
// may be quantized at all, which type each one gets in a preset's mix, and the fallback when a row length
// does not fit the type's block size. Private to the plan; plan.cpp drives these in llama.cpp's order.
//
// The mix sorts tensors into broad categories by name (tensor_category): fused attn_qkv and DeepSeek's
// attn_kv_b count as attn_v; MLA's attn_k_b / attn_v_b / attn_kv_a_mqa, routers, sinks and shared-expert
// inputs fall into no category and keep the base type; ffn_*_exps / ffn_*_shexp / ffn_gate_up count as
// their ffn_* kind.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "qf/ggml_type.h"
#include "qf/gguf/value.h"
#include "qf/quant/preset.h"
#include "qf/result.h"

namespace qf::quant::detail {

// llama.cpp's tensor_category: the first of these name tests that matches decides.
enum class TensorCategory : uint8_t {
    TokenEmbedding,  // token_embd.weight, per_layer_token_embd.weight
    AttentionQ,      // *attn_q.weight*
    AttentionV,      // *attn_v.weight*
    AttentionK,      // *attn_k.weight*
    AttentionQkv,    // *attn_qkv.weight* (fused; treated as attn_v)
    AttentionKvB,    // *attn_kv_b.weight* (MLA before the k_b/v_b split; treated as attn_v)
    AttentionOutput, // *attn_output.weight*
    FfnUp,           // *ffn_up*
    FfnGate,         // *ffn_gate* (also the fused ffn_gate_up)
    FfnDown,         // *ffn_down*
    Output,          // output.weight
    Other,
};
TensorCategory categoryOf(std::string_view name);
// attn_v, attn_qkv and attn_kv_b: counted in n_attention_wv and given attn_v's rules.
bool isAttentionVLike(TensorCategory category);

// The hyper-parameters llama.cpp's rules look at, read from the model's metadata.
struct ModelFacts {
    std::string architecture; // general.architecture
    uint32_t layerCount = 0;  // {arch}.block_count
    uint32_t headCount = 0;   // {arch}.attention.head_count (layer 0 when per-layer)
    uint32_t headCountKv = 0; // {arch}.attention.head_count_kv, defaults to headCount
    uint32_t expertCount = 0; // {arch}.expert_count
    bool is70B = false;       // llama.cpp's LLM_TYPE_70B: attn_v gets one more step of bits

    // llama_hparams::n_gqa(): query heads per key/value head, 0 when there are no kv heads.
    uint32_t gqa() const { return headCountKv ? headCount / headCountKv : 0; }
    bool isFalcon() const { return architecture == "falcon"; }
};

ModelFacts readModelFacts(const gguf::Metadata& metadata);

// ggml_n_dims: dimensions up to the last one larger than 1 (at least 1).
size_t effectiveDims(const std::vector<uint64_t>& shape);

// The layer number in "blk.N...." as llama.cpp reads it (sscanf "blk.%d."), or std::nullopt.
std::optional<int64_t> blockIndex(std::string_view name);
// llama.cpp's tensor order (weight_name_comparer): tensors outside blocks first, then by block number,
// then by name.
bool llamaTensorOrder(const std::string& a, const std::string& b);

// llama-quantize's "should this tensor be quantized" predicate (tensor_allows_quantization).
// `quantizeOutput` is false for --leave-output-tensor.
bool allowsQuantization(std::string_view name, size_t dims, bool quantizeOutput);

// The type to use when `wanted` cannot store rows of `rowLength` values: llama.cpp's fallback table
// (256-block types to a 32-block type), then F16 when nothing divides. Returns `wanted` when it fits.
GgmlType fallbackType(GgmlType wanted, uint64_t rowLength);
// True where llama-quantize has no fallback and stops instead (Q1_0 on rows not a multiple of 128).
bool fallbackIsRefused(GgmlType wanted, uint64_t rowLength);

// Types that give garbage without an importance matrix (llama-quantize refuses them without one);
// never the token embedding or the output.
bool typeRequiresImatrix(GgmlType type, std::string_view tensorName, LlamaFileType fileType);

// The preset's mix: llama_tensor_get_type_impl (without the fallback and the user's types, which
// plan.cpp applies around it). Stateful, like llama.cpp's quantize_state: call typeFor() once per
// quantized tensor that no --tensor-type rule names, in llamaTensorOrder.
class MixRules {
public:
    MixRules(ModelFacts facts, LlamaFileType fileType, bool hasImatrix,
             const std::vector<std::string>& allNames, std::optional<GgmlType> outputTensorType,
             std::optional<GgmlType> tokenEmbeddingType);

    Result<GgmlType> typeFor(const std::string& name, const std::vector<uint64_t>& shape,
                             GgmlType defaultType);

private:
    Result<int> layerOf(const std::string& name, int counter) const;
    bool isAny(std::initializer_list<LlamaFileType> types) const;
    GgmlType outputType(GgmlType type, uint64_t rowLength) const;
    GgmlType tokenEmbeddingType(GgmlType type) const;
    GgmlType lowBitIq(TensorCategory category, GgmlType type);
    GgmlType attentionV(GgmlType type);
    Result<GgmlType> ffnDown(const std::string& name, GgmlType type);
    GgmlType attentionOutput(GgmlType type) const;

    ModelFacts m_facts;
    LlamaFileType m_fileType;
    bool m_hasImatrix;
    bool m_hasOutput = false; // false: token_embd doubles as the output (tied embeddings)
    std::optional<GgmlType> m_outputTensorType;
    std::optional<GgmlType> m_tokenEmbeddingType;
    int m_attentionVCount = 0; // n_attention_wv
    int m_attentionVIndex = 0; // i_attention_wv
    int m_ffnDownIndex = 0;
    int m_ffnGateIndex = 0;
    int m_ffnUpIndex = 0;
};

} // namespace qf::quant::detail
