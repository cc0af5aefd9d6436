#pragma once
// The result of opening a model file: the memory-mapped file (later pages read its tensors) and the
// model card values. Shared, immutable once built, so it can cross from a worker to the UI thread.
#include <memory>

#include <QMetaType>

#include "qf/gguf/gguf_file.h"
#include "qf/model_summary.h"

namespace qf::ui {

struct LoadedModel {
    std::shared_ptr<const gguf::GgufFile> file;
    ModelSummary summary;
    qint64 elapsedMs = 0; // time to map and parse the header
};

using LoadedModelPtr = std::shared_ptr<const LoadedModel>;

} // namespace qf::ui

Q_DECLARE_METATYPE(qf::ui::LoadedModelPtr)
