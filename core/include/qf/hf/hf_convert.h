#pragma once
// Converting a Hugging Face model folder (config.json + safetensors + tokenizer files) to GGUF, the way
// llama.cpp's convert_hf_to_gguf.py does it: the same tensor names, metadata keys (in the same order),
// Q/K row permutation for rotary embeddings, experts stacked into 3-D tensors, and vocabulary. Supported:
// the architectures of core/src/hf/hf_arch.cpp (Llama, Mistral, Mixtral, Qwen2, Qwen3, Qwen3-MoE, Gemma 2,
// Gemma 3, Phi-3).
//
// HfConversion is a read-only "virtual GGUF": its metadata and tensor table are known after open(), and
// each tensor's converted bytes are produced on demand from the memory-mapped safetensors, so a writer
// (or a quantizer) can stream the model without an intermediate file.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <stop_token>
#include <string>
#include <string_view>
#include <vector>

#include "qf/gguf/gguf_writer.h"
#include "qf/gguf/value.h"
#include "qf/hf/safetensors.h"
#include "qf/job.h"
#include "qf/json_reader.h"
#include "qf/result.h"

namespace qf::hf {

// Auto: the type the checkpoint is stored in, as llama.cpp's converters decide it for `--outtype auto` (their
// default): the first tensor of two or more dimensions, in the order they read tensors (shard files sorted
// by name, each shard's tensors sorted by name), that is BF16 gives BF16, F16 gives F16; F32, FP8 and
// integer tensors are passed over; F16 when none is BF16 or F16. A BF16 checkpoint thus keeps its values
// instead of being rounded through F16 (tiny values becoming subnormals, large ones infinite).
enum class OutType { F32, F16, BF16, Auto };
std::optional<OutType> parseOutType(std::string_view text); // "f32", "f16", "bf16", "auto"
std::string_view outTypeName(OutType type);
// What OutType::Auto gives for these weights (never Auto). `skip`: tensors the converter would not read.
OutType autoOutType(const SafetensorsModel& weights, bool (*skip)(std::string_view name) = nullptr);

struct ConvertOptions {
    OutType outType = OutType::Auto; // convert_hf_to_gguf.py's default
    // general.name; empty: the folder's name as a title, "qf-books-22m-hf" -> "Qf Books 22m Hf" (what
    // llama.cpp's converter writes without --model-name).
    std::string modelName;
};

// True for a folder (or a file inside one) that looks like a Hugging Face model or adapter: it has a
// config.json or adapter_config.json.
bool looksLikeHfFolder(const std::filesystem::path& path);
// The folder for a path that is the folder itself or a file in it (config.json, model.safetensors, ...).
std::filesystem::path hfFolderOf(const std::filesystem::path& path);

// A PEFT LoRA adapter folder (adapter_config.json): an error that says what to do with it. Empty Status
// when the folder is not an adapter.
Status checkNotLoraAdapter(const std::filesystem::path& folder);

class HfConversion {
public:
    // `path`: the model folder or a file in it.
    static Result<HfConversion> open(const std::filesystem::path& path, const ConvertOptions& options = {});

    HfConversion(HfConversion&&) noexcept;
    HfConversion& operator=(HfConversion&&) noexcept;
    ~HfConversion();

    const std::filesystem::path& folder() const { return m_folder; }
    const std::string& architecture() const { return m_hfArchitecture; }
    // The output type of the 2-D weights: the options' type, Auto resolved for this folder.
    OutType outType() const { return m_outType; }
    const gguf::Metadata& metadata() const { return m_metadata; }
    const std::vector<gguf::TensorSpec>& tensors() const { return m_specs; }
    const SafetensorsModel& weights() const { return m_weights; }

    uint64_t tensorByteSize(size_t index) const;
    // Fills `out` (exactly tensorByteSize(index) bytes) with tensor `index` converted to its GGUF type.
    Status tensorData(size_t index, std::span<uint8_t> out) const;
    // Drops the source pages of tensor `index` from resident memory after use.
    void releaseTensor(size_t index) const;
    // Tensors converted row by row from one 2-D source weight (most of a model) can be read a slab of rows
    // at a time: slabs start at and hold a multiple of this many rows (a rotary head's rows when Q/K rows
    // are permuted, else 1). 0: read the tensor whole (stacked experts, FP8, MXFP4, 1-D, ...).
    uint64_t rowGranularity(size_t index) const;
    // Fills `out` (rowCount rows of the converted tensor) with rows [firstRow, firstRow + rowCount).
    Status tensorRows(size_t index, uint64_t firstRow, uint64_t rowCount, std::span<uint8_t> out) const;
    // Drops the source pages of those rows from resident memory.
    void releaseRows(size_t index, uint64_t firstRow, uint64_t rowCount) const;

    // Every file the conversion reads (weights, config, tokenizer files: all files of the folder), which
    // an output must never replace.
    std::vector<std::filesystem::path> inputPaths() const;

    // Writes the converted model. Progress counts source bytes read. `overwrite`: replace an existing file
    // at `output` (never one of inputPaths()).
    Status write(const std::filesystem::path& output, const ProgressFn& progress = {},
                 std::stop_token stop = {}, bool overwrite = true) const;

private:
    HfConversion() = default;
    struct Source {
        // Indexes into m_weights.tensors(), stacked in order along a new outer dimension (the experts of a
        // 3-D tensor); one for a plain tensor; none for a generated tensor (m_generated[generated]).
        std::vector<size_t> weights;
        size_t generated = 0;
        uint64_t keepRows = 0;     // only the first rows of the (2-D) source; 0: all (Gemma 3's embedding)
        uint32_t permuteHeads = 0; // rotary Q/K row permutation over this many heads; 0: none
        float addend = 0.0f;       // added to every value (Gemma's norms: +1)
        // gpt-oss's fused experts: a strided selection of one source tensor, out[e][i][j] =
        // in[e * strideOuter + i * strideRow + j * strideCol + offset] (elements), for the transposes and
        // the interleaved gate/up split. rows == 0: none.
        uint64_t outer = 0, rows = 0, cols = 0, strideOuter = 0, strideRow = 0, strideCol = 0, offset = 0;
        // MXFP4 expert blocks (weights = {blocks, scales}): every rowStep-th row from rowOffset, repacked
        // into ggml's block_mxfp4.
        bool mxfp4 = false;
        uint64_t rowStep = 1, rowOffset = 0;
    };
    uint64_t sourceByteSize(size_t index) const; // bytes read to produce tensor `index`
    // FP8 checkpoints: pairs each F8_E4M3 weight with its weight_scale_inv (m_scaleOf).
    Status pairFp8Scales(const JsonValue& config);
    bool isQuantizationSideTensor(size_t weight) const; // a paired scale or an unused activation scale
    // gpt-oss's mlp.experts.* tensors (fused gate/up, transposed, MXFP4 blocks): true when `weight` was one
    // of them (its tensors added, or it is the scales half of an MXFP4 pair).
    Result<bool> addFusedExperts(size_t weight, OutType outType);
    // DeepSeek's kv_b_proj: attn_k_b (per KV head, transposed) and attn_v_b.
    Status addSplitKvB(size_t weight, OutType outType, uint32_t headsKv, const JsonValue& config);
    Status convertStrided(const Source& source, const gguf::TensorSpec& spec, std::span<uint8_t> out) const;
    Status repackMxfp4(const Source& source, std::span<uint8_t> out) const;
    bool m_mxfp4 = false; // quantization_config quant_method "mxfp4"
    OutType m_outType = OutType::F16;

    std::filesystem::path m_folder;
    std::string m_hfArchitecture;
    SafetensorsModel m_weights;
    gguf::Metadata m_metadata;
    std::vector<gguf::TensorSpec> m_specs;
    std::vector<Source> m_sources;
    // F32 tensors made from config.json (rope_freqs, rope_factors_long/short), in the order written.
    std::vector<std::vector<float>> m_generated;
    // FP8 checkpoints (quantization_config quant_method "fp8"): per weight, the index of its
    // weight_scale_inv tensor (SIZE_MAX: none), and the scale's block (rows, columns; 0: one scale).
    std::vector<size_t> m_scaleOf;
    uint64_t m_blockRows = 0, m_blockCols = 0;

    friend class HfConversionBuilder;
};

// "<folder name>-<type>.gguf" beside the folder ("-bf16.gguf"; pass the resolved type, not Auto).
std::filesystem::path defaultConvertedPath(const std::filesystem::path& folder, OutType type);

} // namespace qf::hf
