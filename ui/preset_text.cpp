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
    QT_TRANSLATE_NOOP("qf::ui::PresetText", "legacy 4-bit with offsets: superseded by Q4_K_M"), // Q4_1
    QT_TRANSLATE_NOOP("qf::ui::PresetText", "4-bit non-linear, blocks of 32: Q4_0's size with better quality"), // IQ4_NL
    QT_TRANSLATE_NOOP("qf::ui::PresetText", "legacy 4-bit: fast on many back ends, lower quality"), // Q4_0
    QT_TRANSLATE_NOOP("qf::ui::PresetText", "4.25-bit non-linear: close to Q4_K_S quality, smaller"), // IQ4_XS
    QT_TRANSLATE_NOOP("qf::ui::PresetText", "3-bit K-quant, 5-bit attn_v, attn_output and ffn_down: the best 3-bit"), // Q3_K_L
    QT_TRANSLATE_NOOP("qf::ui::PresetText", "3-bit K-quant, 4/5-bit for sensitive tensors"), // Q3_K_M
    QT_TRANSLATE_NOOP("qf::ui::PresetText", "3-bit K-quant throughout: small, noticeable loss"), // Q3_K_S
    QT_TRANSLATE_NOOP("qf::ui::PresetText", "2-bit K-quant with 3-bit for sensitive tensors: smallest, large loss"), // Q2_K
};

} // namespace

QString presetDescription(const quant::Preset& preset) {
    const std::string description(preset.description);
    return QCoreApplication::translate("qf::ui::PresetText", description.c_str());
}

} // namespace qf::ui
