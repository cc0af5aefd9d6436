#include "preset_text.h"

#include <QCoreApplication>

namespace qf::ui {

namespace {

// For lupdate: core's descriptions (core/src/plan/preset.cpp), so the catalogues hold them.
[[maybe_unused]] constexpr const char* kDescriptions[] = {
    QT_TRANSLATE_NOOP("qf::ui::PresetText", "32-bit floats: exact, four times the size of 8-bit"), // F32
    QT_TRANSLATE_NOOP("qf::ui::PresetText", "16-bit floats: the usual unquantized model"), // F16
    QT_TRANSLATE_NOOP("qf::ui::PresetText", "bfloat16: the range of F32 at half its size, unquantized"), // BF16
    QT_TRANSLATE_NOOP("qf::ui::PresetText", "8-bit: nearly indistinguishable from F16, half its size"), // Q8_0
    QT_TRANSLATE_NOOP("qf::ui::PresetText", "6-bit K-quant: very close to F16"), // Q6_K
    QT_TRANSLATE_NOOP("qf::ui::PresetText", "5-bit K-quant, with 6-bit for half of attn_v and ffn_down: high quality"), // Q5_K_M
    QT_TRANSLATE_NOOP("qf::ui::PresetText", "5-bit K-quant throughout: high quality, a little smaller"), // Q5_K_S
    QT_TRANSLATE_NOOP("qf::ui::PresetText", "legacy 5-bit with offsets: superseded by Q5_K_M"), // Q5_1
    QT_TRANSLATE_NOOP("qf::ui::PresetText", "legacy 5-bit: superseded by Q5_K_S"), // Q5_0
    QT_TRANSLATE_NOOP("qf::ui::PresetText", "4-bit K-quant, with 6-bit for half of attn_v and ffn_down: the usual balance of size and quality"), // Q4_K_M
    QT_TRANSLATE_NOOP("qf::ui::PresetText", "4-bit K-quant, a few 5-bit tensors: smaller, a bit worse"), // Q4_K_S
    QT_TRANSLATE_NOOP("qf::ui::PresetText", "mixture-of-experts only: experts in MXFP4 (4-bit floats, as gpt-oss ships), the rest 8-bit"), // MXFP4_MOE
    QT_TRANSLATE_NOOP("qf::ui::PresetText", "legacy 4-bit with offsets: superseded by Q4_K_M"), // Q4_1
    QT_TRANSLATE_NOOP("qf::ui::PresetText", "4-bit non-linear, blocks of 32: Q4_0's size with better quality"), // IQ4_NL
    QT_TRANSLATE_NOOP("qf::ui::PresetText", "legacy 4-bit: fast on many back ends, lower quality"), // Q4_0
    QT_TRANSLATE_NOOP("qf::ui::PresetText", "4.25-bit non-linear: close to Q4_K_S quality, smaller"), // IQ4_XS
    QT_TRANSLATE_NOOP("qf::ui::PresetText", "3-bit K-quant, 5-bit attn_v, attn_output and ffn_down: the best 3-bit"), // Q3_K_L
    QT_TRANSLATE_NOOP("qf::ui::PresetText", "3-bit K-quant, 4/5-bit for sensitive tensors"), // Q3_K_M
    QT_TRANSLATE_NOOP("qf::ui::PresetText", "3.4-bit codebook quant, 4-bit attention: about Q3_K_M quality, smaller; best with an imatrix"), // IQ3_M
    QT_TRANSLATE_NOOP("qf::ui::PresetText", "3.4-bit codebook quant: better than Q3_K_S at its size; best with an imatrix"), // IQ3_S
    QT_TRANSLATE_NOOP("qf::ui::PresetText", "3-bit K-quant throughout: small, noticeable loss"), // Q3_K_S
    QT_TRANSLATE_NOOP("qf::ui::PresetText", "3.3-bit codebook mix: needs an imatrix; a little smaller than IQ3_S"), // IQ3_XS
    QT_TRANSLATE_NOOP("qf::ui::PresetText", "3.06-bit codebook quant: needs an imatrix; near Q3_K_S quality at Q2_K's size"), // IQ3_XXS
    QT_TRANSLATE_NOOP("qf::ui::PresetText", "2-bit K-quant with 3-bit for sensitive tensors: smallest K-quant, large loss"), // Q2_K
    QT_TRANSLATE_NOOP("qf::ui::PresetText", "2-bit K-quant, fewer 3/4-bit tensors: needs an imatrix; IQ2_M is better at its size"), // Q2_K_S
    QT_TRANSLATE_NOOP("qf::ui::PresetText", "2.7-bit codebook mix: needs an imatrix; the usable floor for big models on small machines"), // IQ2_M
    QT_TRANSLATE_NOOP("qf::ui::PresetText", "2.5-bit codebook mix: needs an imatrix; clearly worse than IQ2_M"), // IQ2_S
    QT_TRANSLATE_NOOP("qf::ui::PresetText", "2.3-bit codebook quant: needs an imatrix; large loss"), // IQ2_XS
    QT_TRANSLATE_NOOP("qf::ui::PresetText", "2.06-bit codebook quant: needs an imatrix; large loss, only for very large models"), // IQ2_XXS
    QT_TRANSLATE_NOOP("qf::ui::PresetText", "1.75-bit: needs an imatrix; severe loss, a last resort for huge models"), // IQ1_M
    QT_TRANSLATE_NOOP("qf::ui::PresetText", "1.56-bit: needs an imatrix; severe loss, mostly an experiment"), // IQ1_S
    QT_TRANSLATE_NOOP("qf::ui::PresetText", "2-bit levels -1..2 per 64 values: only for models trained for it; unusable on ordinary models"), // Q2_0
    QT_TRANSLATE_NOOP("qf::ui::PresetText", "ternary, 2 bits per weight: only for ternary-trained models (BitNet b1.58, TriLM)"), // TQ2_0
    QT_TRANSLATE_NOOP("qf::ui::PresetText", "ternary, 1.69 bits per weight: only for ternary-trained models (BitNet b1.58, TriLM)"), // TQ1_0
    QT_TRANSLATE_NOOP("qf::ui::PresetText", "1-bit signs per 128 values: only for models trained for it; unusable on ordinary models"), // Q1_0
};

} // namespace

QString presetDescription(const quant::Preset& preset) {
    const std::string description(preset.description);
    return QCoreApplication::translate("qf::ui::PresetText", description.c_str());
}

} // namespace qf::ui
