#include "cache_storage.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QStandardPaths>

namespace qf::ui {

QString cacheFolder() {
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
}

quint64 cacheBytes() {
    quint64 total = 0;
    QDirIterator it(cacheFolder(), QDir::Files | QDir::Hidden | QDir::NoSymLinks,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        total += quint64(it.fileInfo().size());
    }
    return total;
}

bool clearCache(QString* error) {
    const QDir root(cacheFolder());
    if (!root.exists()) return true;
    QStringList failed;
    for (const QFileInfo& entry :
         root.entryInfoList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot)) {
        const bool removed = entry.isDir() && !entry.isSymLink()
                                 ? QDir(entry.absoluteFilePath()).removeRecursively()
                                 : QFile::remove(entry.absoluteFilePath());
        if (!removed) failed << QDir::toNativeSeparators(entry.absoluteFilePath());
    }
    if (!failed.isEmpty() && error)
        *error = QCoreApplication::translate("qf::ui::CacheStorage", "Could not remove %1")
                     .arg(failed.join(QStringLiteral(", ")));
    return failed.isEmpty();
}

} // namespace qf::ui
