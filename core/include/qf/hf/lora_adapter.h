#pragma once
// A PEFT LoRA adapter folder (adapter_config.json + adapter_model.safetensors) converted to a GGUF LoRA the
// way llama.cpp's convert_lora_to_gguf.py writes it: general.type "adapter", adapter.type "lora",
// adapter.lora.alpha (F32); per adapted weight two tensors "<gguf weight name>.lora_a" (A, ggml shape
// [in, r]) and ".lora_b" (B, [r, out]), in the order of the sorted Hugging Face names; B's rows permuted as
// the base weight's (Llama's rotary Q/K layout), token_embd's A transposed; all F32 by default (its
// --outtype f32), 2-D tensors F16/BF16 on request. The base model's config.json gives the architecture and
// the head counts: --base, or adapter_config's base_model_name_or_path when that is a local folder.
//
// The QLoRA gate (checkMergeAllowed): an adapter trained on a 4-bit base is not merged into a quantized
// base; the message offers merging into the F16 base first (--dequantize) or shipping base + adapter.
#include <cstdint>
#include <filesystem>
#include <span>
#include <stop_token>
#include <string>
#include <vector>

#include "qf/gguf/gguf_writer.h"
#include "qf/gguf/value.h"
#include "qf/hf/hf_convert.h"
#include "qf/hf/safetensors.h"
#include "qf/job.h"
#include "qf/result.h"

namespace qf::hf {

struct LoraOptions {
    OutType outType = OutType::F32; // convert_lora_to_gguf.py's default (its --outtype auto: Auto)
    std::filesystem::path base;     // the base model's folder (its config.json); empty: see above
};

// True for a folder (or a file in one) with adapter_config.json.
bool isLoraAdapterFolder(const std::filesystem::path& path);

class LoraAdapter {
public:
    static Result<LoraAdapter> open(const std::filesystem::path& path, const LoraOptions& options = {});

    const std::filesystem::path& folder() const { return m_folder; }
    const std::filesystem::path& baseFolder() const { return m_base; }
    const gguf::Metadata& metadata() const { return m_metadata; }
    const std::vector<gguf::TensorSpec>& tensors() const { return m_specs; }
    float alpha() const { return m_alpha; }
    uint32_t rank() const { return m_rank; }
    // The options' output type, Auto resolved for this adapter's weights.
    OutType outType() const { return m_outType; }
    // Why the adapter counts as trained on a 4-bit base (QLoRA), for messages; empty when it does not.
    const std::string& quantizedBaseEvidence() const { return m_qloraEvidence; }

    Status tensorData(size_t index, std::span<uint8_t> out) const;
    Status write(const std::filesystem::path& output, const ProgressFn& progress = {}, std::stop_token stop = {},
                 bool overwrite = true) const;

private:
    LoraAdapter() = default;
    struct Source {
        size_t weight = 0;         // index into m_weights.tensors()
        uint32_t permuteHeads = 0; // B rows: rotary Q/K permutation over this many heads
        bool transpose = false;    // token_embd's A
    };
    std::filesystem::path m_folder, m_base;
    SafetensorsModel m_weights;
    gguf::Metadata m_metadata;
    std::vector<gguf::TensorSpec> m_specs;
    std::vector<Source> m_sources;
    float m_alpha = 0.0f;
    uint32_t m_rank = 0;
    OutType m_outType = OutType::F32;
    std::string m_qloraEvidence;
};

// "<adapter folder name>-<type>.gguf" beside the folder... as convert_lora_to_gguf.py names it without
// --outfile would be inside the folder; ours goes beside it like the model converter's.
std::filesystem::path defaultAdapterPath(const std::filesystem::path& folder, OutType type);

// The QLoRA gate for merging `adapter` into a base. `baseIsQuantized`: the base to merge into is a
// block-quantized GGUF (not F32/F16/BF16). `dequantize`: the user asked to merge into the F16 base first.
Status checkMergeAllowed(const LoraAdapter& adapter, bool baseIsQuantized, bool dequantize);
// The same from the adapter's name and its quantizedBaseEvidence() (a merge that has no LoraAdapter object).
Status checkMergeAllowed(const std::string& adapterName, const std::string& quantizedBaseEvidence,
                         bool baseIsQuantized, bool dequantize);

} // namespace qf::hf
