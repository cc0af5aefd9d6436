#pragma once
// People-facing text about core's presets. Core keeps its descriptions in English and uses them as message
// ids: the UI translates them through the "qf::ui::PresetText" context, and a preset added to core later
// (the GUI takes its list from quant::allPresets()) shows its English description until it is translated.
#include <QString>

#include "qf/quant/preset.h"

namespace qf::ui {

QString presetDescription(const quant::Preset& preset);

} // namespace qf::ui
