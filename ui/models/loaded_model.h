#pragma once
// The result of opening a model: a memory-mapped GGUF file, or a Hugging Face folder read through an
// on-the-fly conversion (its headers only: no intermediate F16 file is written to show or quantize it), and
// the model card values. Pages read the metadata and the tensor table through the accessors, which hide
// which of the two it is. Shared, immutable once built, so it can cross from a worker to the UI thread.
#include <filesystem>
#include <memory>
#include <vector>

#include <QMetaType>
#include <QString>

#include "qf/gguf/gguf_file.h"
#include "qf/hf/hf_convert.h"
#include "qf/model_summary.h"

namespace qf::ui {

struct LoadedModel {
    // Exactly one of the two is set.
    std::shared_ptr<const gguf::GgufFile> file;
    std::shared_ptr<const hf::HfConversion> hf;
    // hf's tensor table in GGUF terms, as hf::HfTensorSource gives it (converted types and sizes).
    std::vector<gguf::TensorInfo> hfTensors;
    ModelSummary summary;
    qint64 elapsedMs = 0; // time to map and parse the header

    bool isHfFolder() const { return hf != nullptr; }
    const gguf::Metadata& metadata() const { return hf ? hf->metadata() : file->metadata(); }
    const std::vector<gguf::TensorInfo>& tensors() const { return hf ? hfTensors : file->tensors(); }
    // The GGUF file, or the Hugging Face folder.
    const std::filesystem::path& path() const { return hf ? hf->folder() : file->path(); }
    QString displayPath() const { return QString::fromStdU16String(path().u16string()); }
};

using LoadedModelPtr = std::shared_ptr<const LoadedModel>;

} // namespace qf::ui

Q_DECLARE_METATYPE(qf::ui::LoadedModelPtr)
