#pragma once
// Named quantization presets ("Q4_K_M"), as llama-quantize knows them, and llama.cpp's file type ids
// (LLAMA_FTYPE_*, stored in general.file_type). Ids are part of the file format and never change.
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "qf/ggml_type.h"

namespace qf::quant {

// llama.cpp's LLAMA_FTYPE values (include/llama.h). Every id llama.cpp ever wrote is listed, so files
// from other tools can be named; only some of them are presets we produce (see allPresets()).
enum class LlamaFileType : uint32_t {
    AllF32 = 0,
    MostlyF16 = 1,
    MostlyQ4_0 = 2,
    MostlyQ4_1 = 3,
    MostlyQ4_1SomeF16 = 4, // historical
    MostlyQ8_0 = 7,
    MostlyQ5_0 = 8,
    MostlyQ5_1 = 9,
    MostlyQ2_K = 10,
    MostlyQ3_K_S = 11,
    MostlyQ3_K_M = 12,
    MostlyQ3_K_L = 13,
    MostlyQ4_K_S = 14,
    MostlyQ4_K_M = 15,
    MostlyQ5_K_S = 16,
    MostlyQ5_K_M = 17,
    MostlyQ6_K = 18,
    MostlyIQ2_XXS = 19,
    MostlyIQ2_XS = 20,
    MostlyQ2_K_S = 21,
    MostlyIQ3_XS = 22,
    MostlyIQ3_XXS = 23,
    MostlyIQ1_S = 24,
    MostlyIQ4_NL = 25,
    MostlyIQ3_S = 26,
    MostlyIQ3_M = 27,
    MostlyIQ2_S = 28,
    MostlyIQ2_M = 29,
    MostlyIQ4_XS = 30,
    MostlyIQ1_M = 31,
    MostlyBF16 = 32,
    MostlyQ4_0_4_4 = 33, // historical: removed from llama.cpp, Q4_0 is repacked at load time instead
    MostlyQ4_0_4_8 = 34, // historical
    MostlyQ4_0_8_8 = 35, // historical
    MostlyTQ1_0 = 36,
    MostlyTQ2_0 = 37,
    MostlyMXFP4_MoE = 38,
    MostlyNVFP4 = 39, // not produced
    MostlyQ1_0 = 40,
    MostlyQ2_0 = 41,
};

// A preset Quantforge can produce. `baseType` is the type most weight matrices get; the per-tensor plan
// (qf/quant/plan.h) decides the exceptions (output, attn_v, ffn_down, odd row lengths, ...).
struct Preset {
    std::string_view name;        // as llama-quantize spells it: "Q4_K_M"
    LlamaFileType fileType;       // written to general.file_type
    GgmlType baseType;            // the default tensor type of this mix
    std::string_view description; // one line for people choosing a preset
};

// The presets we produce, ordered from largest to smallest file.
std::span<const Preset> allPresets();
// Case-insensitive lookup by name ("q4_k_m" finds Q4_K_M); nullptr if none.
const Preset* findPreset(std::string_view name);
const Preset* findPreset(LlamaFileType fileType);

// llama-quantize's name for any LLAMA_FTYPE id, also ones we do not produce ("IQ2_XXS", "COPY" has no id);
// std::nullopt for ids llama.cpp never defined. Reusable for general.file_type display.
std::optional<std::string_view> llamaFileTypeName(uint32_t fileTypeId);
// The default tensor type llama.cpp uses for a file type (llama_ftype -> ggml_type), for every id it can
// produce; std::nullopt for historical ids or ones without a default.
std::optional<GgmlType> llamaFileTypeBaseType(LlamaFileType fileType);

} // namespace qf::quant
