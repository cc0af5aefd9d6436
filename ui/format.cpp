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
