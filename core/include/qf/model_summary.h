#pragma once
// What a person wants to know about a model, derived from its metadata and tensor table.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "qf/ggml_type.h"
#include "qf/gguf/gguf_file.h"

namespace qf {

struct TypeTotals {
    uint64_t tensors = 0;
    uint64_t elements = 0;
    uint64_t bytes = 0;
};

struct ModelSummary {
    std::string name;                        // general.name, else the file's stem
    std::string architecture;                // general.architecture
    uint64_t parameterCount = 0;             // exact: sum of tensor element counts
    std::optional<uint64_t> layers;          // {arch}.block_count
    std::optional<uint64_t> embeddingLength; // {arch}.embedding_length
    std::optional<uint64_t> feedForwardLength;
    std::optional<uint64_t> headCount;
    std::optional<uint64_t> headCountKv;
    std::optional<uint64_t> contextLength;
    std::optional<uint64_t> expertCount;
    uint64_t vocabularySize = 0;      // tokenizer.ggml.tokens length, else {arch}.vocab_size
    std::string tokenizerModel;       // tokenizer.ggml.model: "llama" (SentencePiece), "gpt2" (BPE), ...
    std::optional<uint32_t> fileType; // general.file_type id
    std::string fileTypeName;         // "MOSTLY_Q4_K_M", or derived from the dominant tensor type
    uint64_t tensorCount = 0;
    uint64_t tensorBytes = 0;
    uint64_t fileBytes = 0;
    double bitsPerWeight = 0.0; // tensor bytes * 8 / parameters
    std::map<GgmlType, TypeTotals> perType;
    uint32_t ggufVersion = 0; // 0: not a GGUF file (a Hugging Face folder)
    uint32_t shardCount = 1;
};

ModelSummary summarize(const gguf::GgufFile& file);
// A model known by its metadata and tensor table alone, such as a Hugging Face folder read through a
// conversion (hf::HfConversion: the tensors in their converted types). `fileBytes` is what the model takes
// on disk (for a folder: its safetensors shards), `fallbackName` names it when general.name is absent.
// ggufVersion stays 0.
ModelSummary summarize(const gguf::Metadata& metadata, const std::vector<gguf::TensorInfo>& tensors,
                       uint64_t fileBytes, std::string_view fallbackName, uint32_t shardCount = 1);

// Whether any tensor is block-quantized (Q4_K, IQ2_XS...): such a model is not quantized again, and a LoRA
// merge into it needs its weights widened first.
bool hasQuantizedTensors(const ModelSummary& summary);

// llama.cpp's LLAMA_FTYPE names ("Q4_K_M") for general.file_type ids; empty for unknown ids.
std::string fileTypeName(uint32_t fileTypeId);

} // namespace qf
