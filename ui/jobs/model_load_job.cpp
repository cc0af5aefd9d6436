#include "jobs/model_load_job.h"

#include <exception>

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QStandardPaths>

#include "qf/hf/hf_convert.h"

namespace qf::ui {
namespace {

// A Hugging Face folder is converted once to an F16 GGUF in the cache (reused while no file in the folder
// is newer), so every page works on it as on a dropped GGUF. Quantizing straight from the folder without
// that file is what `quantforge-cli quantize HF_DIR` does.
Result<std::filesystem::path> convertedModelFor(const QString& folder) {
    auto conversion = hf::HfConversion::open(folder.toStdU16String());
    if (!conversion) return conversion.error();
    const QString cacheDir =
        QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/converted");
    if (!QDir().mkpath(cacheDir)) return makeError("cannot create the folder {}", cacheDir.toStdString());
    const QString key = QString::fromLatin1(
        QCryptographicHash::hash(QFileInfo(folder).absoluteFilePath().toUtf8(), QCryptographicHash::Sha256)
            .toHex()
            .left(12));
    const QString output =
        QStringLiteral("%1/%2-%3-f16.gguf").arg(cacheDir, QFileInfo(folder).fileName(), key);
    const QFileInfo cached(output);
    if (cached.exists()) {
        bool fresh = true;
        for (const QFileInfo& f : QDir(folder).entryInfoList(QDir::Files))
            if (f.lastModified() > cached.lastModified()) fresh = false;
        if (fresh) return std::filesystem::path(output.toStdU16String());
    }
    QF_TRY(conversion->write(output.toStdU16String()));
    return std::filesystem::path(output.toStdU16String());
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
        std::filesystem::path source = m_path.toStdU16String();
        if (QFileInfo(m_path).isDir()) {
            auto converted = convertedModelFor(m_path);
            if (!converted) {
                emit failed(m_entryId, QString::fromStdString(converted.error().message));
                return;
            }
            source = *converted;
        }
        Result<gguf::GgufFile> opened = gguf::GgufFile::open(source);
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
