#pragma once
// One row of the model list: a source model (top level) or a quant made from it (its child).
#include <QString>

#include "models/loaded_model.h"

namespace qf::ui {

enum class EntryKind { Source, Quant };
enum class LoadState { Loading, Ready, Failed };

struct ModelEntry {
    quint64 id = 0; // stable for the entry's lifetime; jobs report back by id, not by row
    EntryKind kind = EntryKind::Source;
    QString path;
    LoadState state = LoadState::Loading;
    QString errorMessage; // the core's text when state == Failed
    LoadedModelPtr model; // set when state == Ready

    QString fileName() const;
};

} // namespace qf::ui
