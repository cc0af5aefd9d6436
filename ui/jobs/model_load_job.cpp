#include "jobs/model_load_job.h"

#include <exception>
#include <filesystem>

#include <QElapsedTimer>
#include <QFileInfo>

#include "qf/hf/hf_convert.h"
#include "qf/hf/hf_tensor_source.h"

namespace qf::ui {
namespace {

// A Hugging Face folder opens as a conversion read on the fly: only its headers (config, tokenizer,
// safetensors tables) are read, so it shows and quantizes without an intermediate F16 file. Jobs that need
// the weights in GGUF form convert it on demand (hf_cache.h).
Result<std::shared_ptr<LoadedModel>> openHfFolder(const QString& folder) {
    auto conversion = hf::HfConversion::open(folder.toStdU16String());
    if (!conversion) return conversion.error();
    auto model = std::make_shared<LoadedModel>();
    auto hf = std::make_shared<const hf::HfConversion>(std::move(conversion).value());
    model->hfTensors = hf::HfTensorSource(*hf).tensors();
    // The card's size is what the folder's weights take on disk; the tensor bytes are those of the F16
    // conversion that quants are planned from.
    uint64_t shardBytes = 0;
    for (const auto& shard : hf->weights().shardPaths()) {
        std::error_code ec;
        const auto size = std::filesystem::file_size(shard, ec);
        if (!ec) shardBytes += size;
    }
    model->summary =
        summarize(hf->metadata(), model->hfTensors, shardBytes, QFileInfo(folder).fileName().toStdString(),
                  uint32_t(hf->weights().shardPaths().size()));
    model->hf = std::move(hf);
    return model;
}

} // namespace

ModelLoadJob::ModelLoadJob(quint64 entryId, QString path, QObject* parent)
    : QObject(parent), m_entryId(entryId), m_path(std::move(path)) {
    // Not deleted by the pool on its worker thread: the QObject lives on the owner's thread, see run().
    setAutoDelete(false);
}

void ModelLoadJob::run() {
    report();
    // The last use of `this` on the worker: the owner's thread deletes the job after the reports queued
    // above have been delivered.
    deleteLater();
}

void ModelLoadJob::report() {
    QElapsedTimer timer;
    timer.start();
    try {
        if (QFileInfo(m_path).isDir()) {
            auto model = openHfFolder(m_path);
            if (!model) {
                emit failed(m_entryId, QString::fromStdString(model.error().message));
                return;
            }
            (*model)->elapsedMs = timer.elapsed();
            emit finished(m_entryId, std::move(model).value());
            return;
        }
        Result<gguf::GgufFile> opened = gguf::GgufFile::open(m_path.toStdU16String());
        if (!opened) {
            emit failed(m_entryId, QString::fromStdString(opened.error().message));
            return;
        }
        auto file = std::make_shared<const gguf::GgufFile>(std::move(opened).value());
        auto model = std::make_shared<LoadedModel>();
        model->summary = summarize(*file);
        model->file = std::move(file);
        model->elapsedMs = timer.elapsed();
        emit finished(m_entryId, std::move(model));
    } catch (const std::exception& e) {
        // Nothing may escape a pool thread; an allocation failure on a hostile file is still an error.
        emit failed(
            m_entryId,
            tr("Unexpected error while reading %1: %2").arg(m_path, QString::fromLocal8Bit(e.what())));
    }
}

} // namespace qf::ui
