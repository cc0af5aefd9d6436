#pragma once
// Merging a LoRA adapter into a base model: W' = W + B·A·alpha/r for every adapted weight, as PEFT's
// merge_and_unload computes it, in GGUF layout (the adapter's B rows carry the base's rotary Q/K
// permutation, as llama.cpp's converters apply it, so the merged GGUF equals converting the merged
// Hugging Face weights). The scale is alpha/rank with rank = B's inner size, as llama.cpp applies an
// adapter (alpha 0: scale 1); alpha/sqrt(rank) for a PEFT folder with use_rslora.
//
// The adapter is a PEFT folder (adapter_config.json + adapter_model.safetensors, converted as
// convert_lora_to_gguf.py would) or a GGUF LoRA (general.type "adapter"). The base is any TensorSource (a
// GGUF file or a Hugging Face folder converted on the fly). Merged weights keep the base's float type
// (F32/F16/BF16). A block-quantized base is merged only with `dequantize`: every quantized tensor is
// widened to F16 first (general.file_type becomes MOSTLY_F16), then merged, so that a preset quantizes
// the merged weights once. The QLoRA gate (checkMergeAllowed) applies.
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "qf/gguf/value.h"
#include "qf/quant/tensor_source.h"
#include "qf/result.h"

namespace qf::hf {

// One adapted weight, in GGUF layout, as float. Regular: a is [r rows x in], b is [out rows x r].
// token_embd (`embedding`): a is [vocab rows x r] (transposed), b is [hidden rows x r].
struct LoraUpdate {
    std::string target; // the base tensor's GGUF name
    uint64_t rank = 0;
    bool embedding = false;
    std::vector<uint64_t> aShape, bShape; // GGUF order (row length first)
    std::vector<float> a, b;
};

struct LoraUpdates {
    float alpha = 0.0f;
    std::string name;            // the adapter's path, for messages
    std::string qloraEvidence;   // why it counts as trained on a 4-bit base; empty: it does not
    std::string architecture;    // general.architecture the adapter was made for
    std::vector<std::filesystem::path> inputs;
    std::vector<LoraUpdate> updates;
    bool rankStabilized = false; // PEFT's use_rslora: alpha/sqrt(r) (a GGUF LoRA cannot say so)
    float scaleFor(const LoraUpdate& u) const {
        if (alpha == 0.0f) return 1.0f;
        return rankStabilized ? alpha / std::sqrt(float(u.rank)) : alpha / float(u.rank);
    }
};

// `adapter`: a PEFT folder or a GGUF LoRA file. `baseFolder`: for a PEFT folder, the base's Hugging Face
// folder (its config.json); empty: the adapter's base_model_name_or_path when that is a local folder.
Result<LoraUpdates> loadLoraUpdates(const std::filesystem::path& adapter, const std::filesystem::path& baseFolder = {});

struct MergeOptions {
    bool dequantize = false; // widen a quantized base to F16 first
};

class LoraMergeSource final : public quant::TensorSource {
public:
    // `base` must outlive the result.
    static Result<std::unique_ptr<LoraMergeSource>> create(quant::TensorSource& base, LoraUpdates updates,
                                                           const MergeOptions& options = {});

    const gguf::Metadata& metadata() const override { return m_metadata; }
    const std::vector<gguf::TensorInfo>& tensors() const override { return m_tensors; }
    Result<std::span<const uint8_t>> tensorBytes(size_t index) override;
    void releaseTensor(size_t index) override { m_base.releaseTensor(index); }
    std::vector<std::filesystem::path> inputPaths() const override;
    Status checkIntact() const override { return m_base.checkIntact(); }

    size_t mergedCount() const { return m_merged; }
    size_t widenedCount() const { return m_widened; }

private:
    LoraMergeSource(quant::TensorSource& base) : m_base(base) {}
    quant::TensorSource& m_base;
    LoraUpdates m_updates;
    gguf::Metadata m_metadata;
    std::vector<gguf::TensorInfo> m_tensors;
    std::vector<int64_t> m_updateOf; // per tensor: index into m_updates.updates, -1 none
    std::vector<uint8_t> m_buffer;
    std::vector<float> m_row, m_delta;
    size_t m_merged = 0, m_widened = 0;
};

} // namespace qf::hf
