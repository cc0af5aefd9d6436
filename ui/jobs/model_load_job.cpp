#include "jobs/model_load_job.h"

#include <exception>

#include <QElapsedTimer>

namespace qf::ui {

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
