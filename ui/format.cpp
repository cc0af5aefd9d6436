#include "format.h"

#include <QCoreApplication>
#include <QLocale>
#include <QStringList>

namespace qf::ui {

QString toQString(std::string_view text) {
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

QString formatBytes(uint64_t bytes) {
    return QLocale().formattedDataSize(static_cast<qint64>(bytes), 1, QLocale::DataSizeSIFormat);
}

QString formatRate(double bytesPerSecond) {
    const qint64 bytes = bytesPerSecond > 0.0 ? static_cast<qint64>(bytesPerSecond + 0.5) : 0;
    return QCoreApplication::translate("qf::ui::format", "%1/s")
        .arg(QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat));
}

QString formatDuration(double seconds) {
    seconds = qMax(0.0, seconds);
    if (seconds < 10.0)
        return QCoreApplication::translate("qf::ui::format", "%1 s").arg(QLocale().toString(seconds, 'f', 1));
    const qint64 whole = static_cast<qint64>(seconds + 0.5);
    if (whole < 60) return QCoreApplication::translate("qf::ui::format", "%1 s").arg(whole);
    if (whole < 3600)
        return QCoreApplication::translate("qf::ui::format", "%1 min %2 s").arg(whole / 60).arg(whole % 60);
    return QCoreApplication::translate("qf::ui::format", "%1 h %2 min")
        .arg(whole / 3600)
        .arg((whole % 3600) / 60);
}

QString formatTimeLeft(double seconds) {
    // Coarser than formatDuration: an estimate should not look more precise than it is.
    const qint64 whole = static_cast<qint64>(qMax(0.0, seconds) + 0.5);
    if (whole < 1) return QCoreApplication::translate("qf::ui::format", "less than a second left");
    if (whole < 60) return QCoreApplication::translate("qf::ui::format", "about %1 s left").arg(whole);
    if (whole < 3600)
        return QCoreApplication::translate("qf::ui::format", "about %1 min left").arg((whole + 30) / 60);
    return QCoreApplication::translate("qf::ui::format", "about %1 h %2 min left")
        .arg(whole / 3600)
        .arg(qMin<qint64>(59, (whole % 3600 + 30) / 60));
}

QString formatBitsPerWeight(double bits) {
    return QLocale().toString(bits, 'f', 2);
}

QString formatCount(uint64_t count) {
    return QLocale().toString(static_cast<qulonglong>(count));
}

QString formatShape(const std::vector<uint64_t>& shape) {
    QStringList dims;
    dims.reserve(static_cast<qsizetype>(shape.size()));
    for (uint64_t dim : shape)
        dims << QString::number(dim);
    return dims.join(QStringLiteral(" × "));
}

QString tokenizerKindName(const std::string& tokenizerModel) {
    if (tokenizerModel == "llama") return QCoreApplication::translate("qf::ui::format", "SentencePiece");
    if (tokenizerModel == "gpt2") return QCoreApplication::translate("qf::ui::format", "BPE");
    if (tokenizerModel == "bert") return QCoreApplication::translate("qf::ui::format", "WordPiece");
    return toQString(tokenizerModel);
}

} // namespace qf::ui
