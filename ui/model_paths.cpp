#include "model_paths.h"

#include <QDir>
#include <QFileInfo>
#include <QMimeData>
#include <QRegularExpression>
#include <QUrl>

#include "qf/hf/hf_convert.h"

namespace qf::ui {

QStringList localPathsFromMimeData(const QMimeData* mimeData) {
    QStringList paths;
    if (!mimeData || !mimeData->hasUrls()) return paths;
    for (const QUrl& url : mimeData->urls()) {
        if (url.isLocalFile()) paths << url.toLocalFile();
    }
    return paths;
}

bool hasLocalPaths(const QMimeData* mimeData) {
    return !localPathsFromMimeData(mimeData).isEmpty();
}

QString canonicalModelPath(const QString& path) {
    const QFileInfo info(path);
    QString absolute = QDir::cleanPath(info.absoluteFilePath());
    if (info.exists()) absolute = info.canonicalFilePath();

    // A Hugging Face model folder, or a file in it (config.json, a .safetensors shard): the folder.
    if (info.exists() && hf::looksLikeHfFolder(absolute.toStdU16String()))
        return QDir::cleanPath(
            QString::fromStdU16String(hf::hfFolderOf(absolute.toStdU16String()).u16string()));

    static const QRegularExpression shardPattern(QStringLiteral("^(.*)-(\\d{5})-of-(\\d{5})\\.gguf$"),
                                                 QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = shardPattern.match(absolute);
    if (match.hasMatch() && match.captured(2).toInt() > 1) {
        const QString first = QStringLiteral("%1-00001-of-%2.gguf").arg(match.captured(1), match.captured(3));
        if (QFileInfo::exists(first)) return first;
    }
    return absolute;
}

QStringList canonicalModelPaths(const QStringList& paths) {
    QStringList result;
    for (const QString& path : paths) {
        const QString canonical = canonicalModelPath(path);
        if (!result.contains(canonical)) result << canonical;
    }
    return result;
}

} // namespace qf::ui
