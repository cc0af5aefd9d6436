#include "hf_cache.h"

#include <chrono>
#include <mutex>

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include "cache_storage.h"
#include "qf/hf/hf_convert.h"

namespace qf::ui {

namespace {

// One conversion at a time: a second job for the same folder then finds the fresh file instead of writing
// it again (the writer's temporary file would be the same).
std::timed_mutex& conversionMutex() {
    static std::timed_mutex mutex;
    return mutex;
}

bool isFresh(const QString& output, const QString& folder) {
    const QFileInfo cached(output);
    if (!cached.exists()) return false;
    for (const QFileInfo& f : QDir(folder).entryInfoList(QDir::Files))
        if (f.lastModified() > cached.lastModified()) return false;
    return true;
}

} // namespace

bool isHfFolderPath(const QString& path) {
    return !path.isEmpty() && QFileInfo(path).isDir();
}

QString convertedModelPath(const QString& folder) {
    const QString cacheDir = cacheFolder() + QStringLiteral("/converted");
    const QString key = QString::fromLatin1(
        QCryptographicHash::hash(QFileInfo(folder).absoluteFilePath().toUtf8(), QCryptographicHash::Sha256)
            .toHex()
            .left(12));
    return QStringLiteral("%1/%2-%3-f16.gguf").arg(cacheDir, QFileInfo(folder).fileName(), key);
}

Result<std::filesystem::path> convertedModelFor(const QString& folder, const ProgressFn& progress,
                                                std::stop_token stop) {
    const QString output = convertedModelPath(folder);
    std::unique_lock lock(conversionMutex(), std::defer_lock);
    while (!lock.try_lock_for(std::chrono::milliseconds(100)))
        if (stop.stop_requested()) return cancelledError();
    if (isFresh(output, folder)) return std::filesystem::path(output.toStdU16String());

    // F16 whatever the checkpoint's type (the converter's default follows it): the cached file's name and the
    // stage shown say F16.
    hf::ConvertOptions options;
    options.outType = hf::OutType::F16;
    auto conversion = hf::HfConversion::open(folder.toStdU16String(), options);
    if (!conversion) return conversion.error();
    const QString cacheDir = QFileInfo(output).absolutePath();
    if (!QDir().mkpath(cacheDir)) return makeError("cannot create the folder {}", cacheDir.toStdString());
    QF_TRY(conversion->write(output.toStdU16String(), progress, stop));
    return std::filesystem::path(output.toStdU16String());
}

QString conversionStage(const QString& folder) {
    return QCoreApplication::translate("qf::ui::HfCache", "Converting %1 to F16 for evaluation…")
        .arg(QFileInfo(folder).fileName());
}

} // namespace qf::ui
