#include "qf/quant/preset.h"

#include <array>
#include <cctype>

namespace qf::quant {
namespace {

using FT = LlamaFileType;

constexpr std::array kPresets = {
    Preset{"F32", FT::AllF32, GgmlType::F32, "32-bit floats: exact, four times the size of 8-bit"},
    Preset{"F16", FT::MostlyF16, GgmlType::F16, "16-bit floats: the usual unquantized model"},
    Preset{"BF16", FT::MostlyBF16, GgmlType::BF16,
           "bfloat16: the range of F32 at half its size, unquantized"},
    Preset{"Q8_0", FT::MostlyQ8_0, GgmlType::Q8_0, "8-bit: nearly indistinguishable from F16, half its size"},
    Preset{"Q6_K", FT::MostlyQ6_K, GgmlType::Q6_K, "6-bit K-quant: very close to F16"},
    Preset{"Q5_K_M", FT::MostlyQ5_K_M, GgmlType::Q5_K,
           "5-bit K-quant, with 6-bit for half of attn_v and ffn_down: high quality"},
    Preset{"Q5_K_S", FT::MostlyQ5_K_S, GgmlType::Q5_K,
           "5-bit K-quant throughout: high quality, a little smaller"},
    Preset{"Q5_1", FT::MostlyQ5_1, GgmlType::Q5_1, "legacy 5-bit with offsets: superseded by Q5_K_M"},
    Preset{"Q5_0", FT::MostlyQ5_0, GgmlType::Q5_0, "legacy 5-bit: superseded by Q5_K_S"},
    Preset{
        "Q4_K_M", FT::MostlyQ4_K_M, GgmlType::Q4_K,
        "4-bit K-quant, with 6-bit for half of attn_v and ffn_down: the usual balance of size and quality"},
    Preset{"Q4_K_S", FT::MostlyQ4_K_S, GgmlType::Q4_K,
           "4-bit K-quant, a few 5-bit tensors: smaller, a bit worse"},
    Preset{"MXFP4_MOE", FT::MostlyMXFP4_MoE, GgmlType::MXFP4,
           "mixture-of-experts only: experts in MXFP4 (4-bit floats, as gpt-oss ships), the rest 8-bit"},
    Preset{"Q4_1", FT::MostlyQ4_1, GgmlType::Q4_1, "legacy 4-bit with offsets: superseded by Q4_K_M"},
    Preset{"IQ4_NL", FT::MostlyIQ4_NL, GgmlType::IQ4_NL,
           "4-bit non-linear, blocks of 32: Q4_0's size with better quality"},
    Preset{"Q4_0", FT::MostlyQ4_0, GgmlType::Q4_0, "legacy 4-bit: fast on many back ends, lower quality"},
    Preset{"IQ4_XS", FT::MostlyIQ4_XS, GgmlType::IQ4_XS,
           "4.25-bit non-linear: close to Q4_K_S quality, smaller"},
    Preset{"Q3_K_L", FT::MostlyQ3_K_L, GgmlType::Q3_K,
           "3-bit K-quant, 5-bit attn_v, attn_output and ffn_down: the best 3-bit"},
    Preset{"Q3_K_M", FT::MostlyQ3_K_M, GgmlType::Q3_K, "3-bit K-quant, 4/5-bit for sensitive tensors"},
    Preset{"IQ3_M", FT::MostlyIQ3_M, GgmlType::IQ3_S,
           "3.4-bit codebook quant, 4-bit attention: about Q3_K_M quality, smaller; best with an imatrix"},
    Preset{"IQ3_S", FT::MostlyIQ3_S, GgmlType::IQ3_S,
           "3.4-bit codebook quant: better than Q3_K_S at its size; best with an imatrix"},
    Preset{"Q3_K_S", FT::MostlyQ3_K_S, GgmlType::Q3_K, "3-bit K-quant throughout: small, noticeable loss"},
    Preset{"IQ3_XS", FT::MostlyIQ3_XS, GgmlType::IQ3_S,
           "3.3-bit codebook mix: needs an imatrix; a little smaller than IQ3_S"},
    Preset{"IQ3_XXS", FT::MostlyIQ3_XXS, GgmlType::IQ3_XXS,
           "3.06-bit codebook quant: needs an imatrix; near Q3_K_S quality at Q2_K's size"},
    Preset{"Q2_K", FT::MostlyQ2_K, GgmlType::Q2_K,
           "2-bit K-quant with 3-bit for sensitive tensors: smallest K-quant, large loss"},
    Preset{"Q2_K_S", FT::MostlyQ2_K_S, GgmlType::Q2_K,
           "2-bit K-quant, fewer 3/4-bit tensors: needs an imatrix; IQ2_M is better at its size"},
    Preset{"IQ2_M", FT::MostlyIQ2_M, GgmlType::IQ2_S,
           "2.7-bit codebook mix: needs an imatrix; the usable floor for big models on small machines"},
    Preset{"IQ2_S", FT::MostlyIQ2_S, GgmlType::IQ2_XS,
           "2.5-bit codebook mix: needs an imatrix; clearly worse than IQ2_M"},
    Preset{"IQ2_XS", FT::MostlyIQ2_XS, GgmlType::IQ2_XS,
           "2.3-bit codebook quant: needs an imatrix; large loss"},
    Preset{"IQ2_XXS", FT::MostlyIQ2_XXS, GgmlType::IQ2_XXS,
           "2.06-bit codebook quant: needs an imatrix; large loss, only for very large models"},
    Preset{"IQ1_M", FT::MostlyIQ1_M, GgmlType::IQ1_M,
           "1.75-bit: needs an imatrix; severe loss, a last resort for huge models"},
    Preset{"IQ1_S", FT::MostlyIQ1_S, GgmlType::IQ1_S,
           "1.56-bit: needs an imatrix; severe loss, mostly an experiment"},
    Preset{"Q2_0", FT::MostlyQ2_0, GgmlType::Q2_0,
           "2-bit levels -1..2 per 64 values: only for models trained for it; unusable on ordinary models"},
    Preset{"TQ2_0", FT::MostlyTQ2_0, GgmlType::TQ2_0,
           "ternary, 2 bits per weight: only for ternary-trained models (BitNet b1.58, TriLM)"},
    Preset{"TQ1_0", FT::MostlyTQ1_0, GgmlType::TQ1_0,
           "ternary, 1.69 bits per weight: only for ternary-trained models (BitNet b1.58, TriLM)"},
    Preset{"Q1_0", FT::MostlyQ1_0, GgmlType::Q1_0,
           "1-bit signs per 128 values: only for models trained for it; unusable on ordinary models"},
};

struct FileTypeName {
    uint32_t id;
    std::string_view name;
};

// llama-quantize's spelling of every LLAMA_FTYPE id (its QUANT_OPTIONS, plus the historical ones).
constexpr std::array kFileTypeNames = {
    FileTypeName{0, "F32"},        FileTypeName{1, "F16"},           FileTypeName{2, "Q4_0"},
    FileTypeName{3, "Q4_1"},       FileTypeName{4, "Q4_1_SOME_F16"}, FileTypeName{7, "Q8_0"},
    FileTypeName{8, "Q5_0"},       FileTypeName{9, "Q5_1"},          FileTypeName{10, "Q2_K"},
    FileTypeName{11, "Q3_K_S"},    FileTypeName{12, "Q3_K_M"},       FileTypeName{13, "Q3_K_L"},
    FileTypeName{14, "Q4_K_S"},    FileTypeName{15, "Q4_K_M"},       FileTypeName{16, "Q5_K_S"},
    FileTypeName{17, "Q5_K_M"},    FileTypeName{18, "Q6_K"},         FileTypeName{19, "IQ2_XXS"},
    FileTypeName{20, "IQ2_XS"},    FileTypeName{21, "Q2_K_S"},       FileTypeName{22, "IQ3_XS"},
    FileTypeName{23, "IQ3_XXS"},   FileTypeName{24, "IQ1_S"},        FileTypeName{25, "IQ4_NL"},
    FileTypeName{26, "IQ3_S"},     FileTypeName{27, "IQ3_M"},        FileTypeName{28, "IQ2_S"},
    FileTypeName{29, "IQ2_M"},     FileTypeName{30, "IQ4_XS"},       FileTypeName{31, "IQ1_M"},
    FileTypeName{32, "BF16"},      FileTypeName{33, "Q4_0_4_4"},     FileTypeName{34, "Q4_0_4_8"},
    FileTypeName{35, "Q4_0_8_8"},  FileTypeName{36, "TQ1_0"},        FileTypeName{37, "TQ2_0"},
    FileTypeName{38, "MXFP4_MOE"}, FileTypeName{39, "NVFP4"},        FileTypeName{40, "Q1_0"},
    FileTypeName{41, "Q2_0"},
};

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (std::toupper(uint8_t(a[i])) != std::toupper(uint8_t(b[i]))) return false;
    return true;
}

} // namespace

std::span<const Preset> allPresets() {
    return kPresets;
}

const Preset* findPreset(std::string_view name) {
    for (const auto& p : kPresets)
        if (equalsIgnoringCase(p.name, name)) return &p;
    return nullptr;
}

const Preset* findPreset(LlamaFileType fileType) {
    for (const auto& p : kPresets)
        if (p.fileType == fileType) return &p;
    return nullptr;
}

std::optional<std::string_view> llamaFileTypeName(uint32_t fileTypeId) {
    for (const auto& n : kFileTypeNames)
        if (n.id == fileTypeId) return n.name;
    return std::nullopt;
}

std::optional<GgmlType> llamaFileTypeBaseType(LlamaFileType fileType) {
    switch (fileType) {
    case FT::AllF32:
        return GgmlType::F32;
    case FT::MostlyF16:
        return GgmlType::F16;
    case FT::MostlyBF16:
        return GgmlType::BF16;
    case FT::MostlyQ4_0:
        return GgmlType::Q4_0;
    case FT::MostlyQ4_1:
        return GgmlType::Q4_1;
    case FT::MostlyQ5_0:
        return GgmlType::Q5_0;
    case FT::MostlyQ5_1:
        return GgmlType::Q5_1;
    case FT::MostlyQ8_0:
        return GgmlType::Q8_0;
    case FT::MostlyQ2_K:
    case FT::MostlyQ2_K_S:
        return GgmlType::Q2_K;
    case FT::MostlyQ3_K_S:
    case FT::MostlyQ3_K_M:
    case FT::MostlyQ3_K_L:
        return GgmlType::Q3_K;
    case FT::MostlyQ4_K_S:
    case FT::MostlyQ4_K_M:
        return GgmlType::Q4_K;
    case FT::MostlyQ5_K_S:
    case FT::MostlyQ5_K_M:
        return GgmlType::Q5_K;
    case FT::MostlyQ6_K:
        return GgmlType::Q6_K;
    case FT::MostlyIQ2_XXS:
        return GgmlType::IQ2_XXS;
    case FT::MostlyIQ2_XS:
    case FT::MostlyIQ2_S:
        return GgmlType::IQ2_XS; // IQ2_S the file type mixes IQ2_XS, not IQ2_S
    case FT::MostlyIQ2_M:
        return GgmlType::IQ2_S;
    case FT::MostlyIQ3_XXS:
        return GgmlType::IQ3_XXS;
    case FT::MostlyIQ3_XS:
    case FT::MostlyIQ3_S:
    case FT::MostlyIQ3_M:
        return GgmlType::IQ3_S;
    case FT::MostlyIQ1_S:
        return GgmlType::IQ1_S;
    case FT::MostlyIQ1_M:
        return GgmlType::IQ1_M;
    case FT::MostlyIQ4_NL:
        return GgmlType::IQ4_NL;
    case FT::MostlyIQ4_XS:
        return GgmlType::IQ4_XS;
    case FT::MostlyTQ1_0:
        return GgmlType::TQ1_0;
    case FT::MostlyTQ2_0:
        return GgmlType::TQ2_0;
    case FT::MostlyMXFP4_MoE:
        return GgmlType::MXFP4;
    case FT::MostlyQ1_0:
        return GgmlType::Q1_0;
    case FT::MostlyQ2_0:
        return GgmlType::Q2_0;
    default:
        return std::nullopt;
    }
}

} // namespace qf::quant
