#pragma once
// A quantization plan: for every tensor of the output file, its type, its bytes and whether it is copied,
// converted or quantized; the output metadata; and the exact size of the file. Planning reads only the
// source's header, so it is instant, and the UI can show sizes before anything is written.
//
// The type rules are llama.cpp's (llama-quantize of release v0.5.0): with default options a plan gives
// the same types, tensor order, metadata and file size as llama-quantize, apart from our provenance keys
// (PlanOptions::writeProvenance).
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "qf/ggml_type.h"
#include "qf/gguf/gguf_file.h"
#include "qf/gguf/gguf_writer.h"
#include "qf/gguf/value.h"
#include "qf/quant/preset.h"
#include "qf/result.h"

namespace qf::quant {

class Imatrix;

// One --tensor-type REGEX=TYPE rule; the first rule whose regex (ECMAScript, searched anywhere in the
// name) matches a quantizable tensor sets its type, in place of the preset's mix.
struct TensorTypeOverride {
    std::string pattern;
    GgmlType type = GgmlType::Q8_0;
};

// The options llama-quantize users know, under the same names.
// The provenance key of the source's digest, and the value a plan carries there while the digest is not known
// yet: as long as a digest, so that the header's size is final (QuantizeParams::hashSource).
inline constexpr std::string_view kSourceSha256Key = "quantforge.source.sha256";
inline constexpr std::string_view kPendingSha256 = "0000000000000000000000000000000000000000000000000000000000000000";
static_assert(kPendingSha256.size() == 64);

struct PlanOptions {
    bool leaveOutputTensor = false;              // --leave-output-tensor: output.weight is copied as is
    std::optional<GgmlType> outputTensorType;    // --output-tensor-type
    std::optional<GgmlType> tokenEmbeddingType;  // --token-embedding-type
    std::vector<TensorTypeOverride> tensorTypes; // --tensor-type (a later llama.cpp option; see plan.cpp)
    bool pure = false;                           // --pure: the preset's base type everywhere, no mix
    bool allowRequantize = false;                // --allow-requantize
    const Imatrix* imatrix = nullptr;            // --imatrix, already loaded; must outlive the call
    std::string imatrixFileLabel;                // quantize.imatrix.file; default: the imatrix's file name
    std::vector<std::string> includeWeights;     // --include-weights: imatrix only for names containing one
    std::vector<std::string> excludeWeights;     // --exclude-weights: no imatrix for names containing one
    bool writeProvenance = true;                 // add the quantforge.* keys (see provenanceKeys())
    // Digests of the inputs (quant_lock.h's digestFiles), written as provenance keys when not empty.
    // kPendingSha256: the quantize job hashes the source while reading it and writes the digest in its place.
    std::string sourceSha256;
    std::string imatrixSha256;
    // Plan as if an imatrix were given (llama-quantize --dry-run without --imatrix): the mix rules that
    // depend on one apply and presets that need one are not refused. For sizes only: such a plan cannot
    // be quantized (quantize refuses it), and its file size leaves out the imatrix metadata.
    bool assumeImatrix = false;
};

enum class TensorAction : uint8_t {
    Copy,     // same type as the source: bytes copied unchanged
    Convert,  // to or between float types (F32/F16/BF16), e.g. F16 -> BF16
    Quantize, // to a block-quantized type
};

// Why a tensor gets its type, for people reading the plan.
enum class TypeReason : uint8_t {
    NotQuantizable, // llama.cpp never quantizes it (1-D, norm, router, position embedding, ...)
    LeftAsIs,       // --leave-output-tensor
    BaseType,       // the preset's base type
    Mix,            // the preset's mix chose another type (output, attn_v, ffn_down, ...)
    UserOverride,   // --output-tensor-type, --token-embedding-type or --tensor-type
    Fallback,       // the row length does not fit the wanted type's blocks
};

struct TensorPlan {
    std::string name;
    std::vector<uint64_t> shape; // as written: trailing dimensions of 1 dropped, as ggml writes them
    GgmlType sourceType = GgmlType::F32;
    GgmlType type = GgmlType::F32; // in the output file
    uint64_t sourceBytes = 0;
    uint64_t byteSize = 0;  // in the output file, without alignment padding
    size_t sourceIndex = 0; // index into the tensor list given to makeQuantPlan
    TensorAction action = TensorAction::Copy;
    TypeReason reason = TypeReason::BaseType;
    std::optional<GgmlType> wantedType; // for Fallback: the type the rows did not fit
    bool usesImatrix = false;           // quantized with the importance matrix entry of the same name

    uint64_t elementCount() const;
};

struct QuantPlan {
    Preset preset;
    PlanOptions options;             // as given (options.imatrix is not owned)
    std::vector<TensorPlan> tensors; // in the output file's order (llama.cpp's: by layer, then name)
    gguf::Metadata metadata;         // the output file's metadata, in order
    uint32_t version = 3;
    uint32_t alignment = gguf::kDefaultAlignment;
    uint64_t sourceTensorBytes = 0;
    uint64_t tensorBytes = 0; // sum of TensorPlan::byteSize
    uint64_t fileBytes = 0;   // the exact size of the output file
    uint64_t parameterCount = 0;
    uint32_t fallbackCount = 0; // tensors whose type fell back for their row length
    bool usesImatrix = false;
    uint32_t imatrixEntries = 0;       // entries after --include/--exclude-weights
    std::vector<std::string> warnings; // things a person should know; the plan is still valid
    // The same warnings as data, for a UI to word in its language (one per entry of `warnings`).
    struct Warning {
        enum class Kind : uint8_t {
            MoePresetWithoutExperts, // MXFP4_MOE on a dense model: every tensor Q8_0
            UnmatchedImatrixEntries, // count entries name no tensor; example names one
            NoImatrixEntryLeft,      // include/exclude-weights left none
            NoImatrixEntryMatches,   // none names a tensor of this model
            Fallbacks,               // count tensors use a fallback type
            TensorsWithoutImatrix,   // count quantized tensors have no entry; example names one
        };
        Kind kind;
        uint64_t count = 0;
        std::string example;
    };
    std::vector<Warning> warningKinds;

    double bitsPerWeight() const;
    // What the GGUF writer needs to produce this file (tensor data comes from the quantizer).
    gguf::WriteParams writeParams(const std::filesystem::path& output) const;
    const TensorPlan* find(std::string_view name) const;
};

// Plans quantizing a model with `preset`. `tensors` and `metadata` are the source's (e.g. GgufFile's).
// Errors name the tensor and say what to do: e.g. an already-quantized source without allowRequantize.
// True for makeQuantPlan's refusal of a preset or type that needs an importance matrix when none is given.
bool needsImportanceMatrix(const Error& error);

Result<QuantPlan> makeQuantPlan(const gguf::Metadata& metadata, const std::vector<gguf::TensorInfo>& tensors,
                                const Preset& preset, const PlanOptions& options = {});

// The provenance keys Quantforge adds (deterministic: no time stamps or paths):
//   quantforge.version  string  the Quantforge version, e.g. "0.1.0"
//   quantforge.preset   string  the preset name, e.g. "Q4_K_M"
//   quantforge.options  string  non-default options in llama-quantize syntax; absent when all are default
//   quantforge.source.sha256, quantforge.imatrix.sha256  string  the inputs' digests, when given
gguf::Metadata provenanceKeys(const Preset& preset, const PlanOptions& options);
// The non-default options as llama-quantize arguments, e.g. "--pure --output-tensor-type Q8_0".
std::string describeOptions(const PlanOptions& options);

std::string_view tensorActionName(TensorAction action);
std::string_view typeReasonName(TypeReason reason);

} // namespace qf::quant
