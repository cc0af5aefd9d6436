#include "sample_model.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace qf::ui {

namespace {
const QLatin1String kSampleFileName("qf-books-22m-f16.gguf");
}

QStringList bundledSampleCandidates() {
    const QDir binDir(QCoreApplication::applicationDirPath());
    const QString sample = QStringLiteral("samples/") + kSampleFileName;
    return {
        QDir::cleanPath(binDir.filePath(QStringLiteral("../share/quantforge/") + sample)),
        QDir::cleanPath(binDir.filePath(QStringLiteral("../Resources/") + sample)), // Contents/MacOS/..
    };
}

QString bundledSamplePath() {
    for (const QString& candidate : bundledSampleCandidates()) {
        if (QFileInfo(candidate).isFile()) return candidate;
    }
    return {};
}

} // namespace qf::ui
