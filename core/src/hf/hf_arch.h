#pragma once
// Internal to the Hugging Face converter: the architectures it converts, as data. Each Hugging Face model
// class maps to a GGUF architecture of the registry (qf/model/architecture.h) with the few choices that
// llama.cpp's converter makes per class; tensor names are one table shared by all of them (as gguf-py's
// TensorNameMap), because the Hugging Face names of a part are the same whichever model uses it.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "qf/gguf/value.h"
#include "qf/json_reader.h"
#include "qf/result.h"

namespace qf::hf::detail {

// Which set_gguf_parameters the converter's class runs: TextModel's (Base), or a class's own list.
enum class HfParameters { Base, Gemma2, Gemma3, Phi3, GptOss, DeepSeek2 };

struct HfArchitecture {
    std::string_view hfClass;  // config.json "architectures"[0]
    std::string_view ggufArch; // general.architecture, an entry of qf::model::architectures()
    // LlamaModel.undo_permute: HF's rotary layout of Q/K rows is turned back into GGUF's interleaved one.
    bool permuteQk = false;
    // LlamaModel.set_gguf_parameters: <arch>.vocab_size and <arch>.rope.dimension_count.
    bool llamaKeys = false;
    // Qwen2MoeModel: moe_intermediate_size as <arch>.expert_feed_forward_length.
    bool expertFeedForwardKey = false;
    bool experts = false; // the class carries routed experts (stacked into 3-D tensors)
    HfParameters parameters = HfParameters::Base;
    float normShift = 0.0f;     // added to every *norm.weight (Gemma's RMSNorm multiplies by 1 + w)
    bool skipLmHead = false;    // Gemma 2 ties its output to the embeddings and drops lm_head.weight
    bool noSpacePrefix = false; // tokenizer.ggml.add_space_prefix false after the vocabulary (Gemma)
    // post_attention_layernorm is the attention block's output norm (post_attention_norm), not the FFN's
    // input norm: from the registry (Gemma's post-norms, gpt-oss's naming).
    bool postAttentionNorm = false;
    // gpt-oss: mlp.experts.* hold all experts of a layer (fused gate/up, transposed, or MXFP4 blocks).
    bool fusedExperts = false;
    // DeepSeek's multi-head latent attention: kv_b_proj is split into attn_k_b (transposed) and attn_v_b;
    // layers past num_hidden_layers (multi-token prediction) are dropped.
    bool latentAttention = false;
    // Gemma3Model.modify_tensors: token_embd keeps only the vocabulary's rows (checkpoints pad the
    // embedding past the tokenizer, e.g. 262208 rows for 262144 tokens).
    bool trimEmbeddingToVocab = false;
};

// The entry for a config.json architecture class, or nullptr.
const HfArchitecture* findHfArchitecture(std::string_view hfClass);
// "LlamaForCausalLM, MistralForCausalLM, ..." for error messages.
std::string supportedHfArchitectures();

// A Hugging Face tensor name mapped to GGUF. An expert's tensor (`expert` set) is one slice of the 3-D
// tensor `name`, stacked by expert index. `skip`: the converter drops the tensor (rotary caches).
struct MappedTensor {
    std::string name;
    std::optional<uint32_t> expert;
    bool skip = false;
};
std::optional<MappedTensor> mapTensorName(const std::string& hfName, const HfArchitecture& arch);

// A tensor the converter makes from config.json values (generate_extra_tensors): F32, one dimension.
struct GeneratedTensor {
    std::string name;
    std::vector<float> values;
};

// What the class's set_gguf_parameters writes beyond (or instead of) TextModel's, into `md` which holds
// TextModel's keys already: keys added, and for classes that do not call TextModel's, keys removed.
// Tensors the class generates (Phi-3's long-context rope factors) are appended to `generated`.
Status addArchitectureParameters(const HfArchitecture& arch, const JsonValue& config, gguf::Metadata& md,
                                 uint32_t embd, uint32_t heads, std::vector<GeneratedTensor>& generated);

} // namespace qf::hf::detail
