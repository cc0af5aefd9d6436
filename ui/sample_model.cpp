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

QString bundledDataFile(const QString& name) {
    const QDir binDir(QCoreApplication::applicationDirPath());
    for (const QString& folder :
         {QStringLiteral("../share/quantforge/data/"), QStringLiteral("../Resources/data/")}) {
        const QString path = QDir::cleanPath(binDir.filePath(folder + name));
        if (QFileInfo(path).isFile()) return path;
    }
    return {};
}

QString bundledCalibrationText() {
    return bundledDataFile(QStringLiteral("books-calibration.txt"));
}

} // namespace qf::ui
