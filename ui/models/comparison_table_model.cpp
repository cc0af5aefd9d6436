#include "models/comparison_table_model.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <QCoreApplication>
#include <QFileInfo>
#include <QFont>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include "format.h"
#include "widgets/fitting_text_delegate.h"

namespace qf::ui {

namespace {

QString numberWithError(double value, double error, int decimals) {
    const QLocale locale;
    return QCoreApplication::translate("qf::ui::ComparisonTableModel", "%1 ± %2")
        .arg(locale.toString(value, 'f', decimals), locale.toString(error, 'f', decimals));
}

// Four significant digits of a perplexity (at most three decimals): "98.98 ± 4.39", "154,246 ± 2,218"
// (a new model's first quants can be in the thousands; three decimals there only widened the table).
int perplexityDecimals(double value) {
    if (!(value > 0.0) || !std::isfinite(value)) return 3;
    return std::clamp(3 - int(std::floor(std::log10(value))), 0, 3);
}

// Three significant digits of the value (KL divergences span 1e-6 .. 1), at least four decimals, so
// that small values and their ± stay readable instead of rounding to 0.0000.
int kldDecimals(double value) {
    if (!(value > 0.0)) return 4;
    return std::clamp(2 - int(std::floor(std::log10(value))), 4, 9);
}

// A KL divergence and its ±: fixed decimals ("0.00240 ± 0.00004"), or both with the value's power of ten
// ("5.41e-5 ± 0.08e-5" rather than "0.0000541 ± 0.0000008", which widened the table). The column uses
// one form for all its rows: powers of ten once any value is below 0.001.
QString kldWithError(double value, double error, bool scientific) {
    if (!(value > 0.0) || !scientific) return numberWithError(value, error, kldDecimals(value));
    const int exponent = int(std::floor(std::log10(value)));
    const double scale = std::pow(10.0, exponent);
    const QLocale locale;
    const QString power = QStringLiteral("e%1").arg(exponent);
    return QCoreApplication::translate("qf::ui::ComparisonTableModel", "%1 ± %2")
        .arg(locale.toString(value / scale, 'f', 2) + power, locale.toString(error / scale, 'f', 2) + power);
}

QString csvField(const QString& text) {
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) &&
        !text.contains(QLatin1Char('\n')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString cNumber(double v) {
    return QString::number(v, 'g', 17);
}

} // namespace

QString ComparisonRow::fileName() const {
    return QFileInfo(path).fileName();
}

ComparisonTableModel::ComparisonTableModel(QObject* parent) : QAbstractTableModel(parent) {}

int ComparisonTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ComparisonTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ComparisonTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal) return {};
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case PerplexityColumn:
            return tr("Perplexity on the evaluation text, with its ± (lower is better)");
        case DeltaPerplexityColumn:
            return tr("Perplexity relative to the source");
        case KldColumn:
            return tr("Mean KL divergence from the source's predictions, with its ± (lower is better)");
        case SameTopColumn:
            return tr("How often the most likely next token is the same as the source's");
        case SpeedColumn:
            return tr("Prompt processing speed measured during the perplexity run");
        case GenerationSpeedColumn:
            return tr("Generation speed: %1 tokens one at a time after the start of the text").arg(32);
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole) return {};
    return twoLineTitle(title(section));
}

QString ComparisonTableModel::title(int section) {
    switch (section) {
    case FileColumn:
        return tr("File");
    case TypeColumn:
        return tr("Type");
    case SizeColumn:
        return tr("Size");
    case BitsColumn:
        return tr("Bits/weight");
    case PerplexityColumn:
        return tr("PPL ±");
    case DeltaPerplexityColumn:
        return tr("ΔPPL");
    case KldColumn:
        return tr("Mean KLD ±");
    case SameTopColumn:
        return tr("Same top");
    case SpeedColumn:
        return tr("Prompt tok/s");
    case GenerationSpeedColumn:
        return tr("Generation tok/s");
    default:
        return {};
    }
}

QVariant ComparisonTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= int(m_rows.size())) return {};
    const ComparisonRow& row = m_rows[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return displayData(row, index.column());
    case ValueRole:
        return valueData(row, index.column());
    case Qt::ToolTipRole:
        if (index.column() == FileColumn) return row.path;
        if (row.mixPredictedKld && (index.column() == TypeColumn || index.column() == KldColumn))
            return tr("Custom mix: predicted mean KLD %1 before it was made")
                .arg(QLocale().toString(*row.mixPredictedKld, 'g', 3));
        if (row.evaluation && index.column() >= PerplexityColumn)
            return tr("%1, context %2, %n chunk(s)", nullptr, row.evaluation->chunks)
                .arg(QString::fromStdString(row.evaluation->textName))
                .arg(row.evaluation->key.context);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() >= SizeColumn) return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::FontRole:
        if (row.isSource) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    default:
        return {};
    }
}

QVariant ComparisonTableModel::displayData(const ComparisonRow& row, int column) const {
    const QLocale locale;
    const auto& e = row.evaluation;
    switch (column) {
    case FileColumn: {
        // Every row is a GGUF file: the extension is left out so the part that differs has the room
        // (the tooltip has the whole path).
        QString name = row.fileName();
        if (name.endsWith(QStringLiteral(".gguf"), Qt::CaseInsensitive)) name.chop(5);
        return row.isSource ? tr("%1 (source)").arg(name) : name;
    }
    case TypeColumn:
        return row.typeName;
    case SizeColumn:
        return formatBytes(row.bytes);
    case BitsColumn:
        return formatBitsPerWeight(row.bitsPerWeight);
    case PerplexityColumn:
        // As many decimals in every row (those of the smallest perplexity).
        return e ? numberWithError(e->perplexity, e->perplexityError,
                                   perplexityDecimals(columnMinimum(PerplexityColumn)))
                 : QVariant();
    case DeltaPerplexityColumn: {
        if (row.isSource) return e ? tr("baseline") : QVariant();
        const auto delta = deltaPerplexityPercent(row);
        if (!delta) return {};
        return tr("%1%2 %").arg(*delta >= 0 ? QStringLiteral("+") : QString(),
                                locale.toString(*delta, 'f', 2));
    }
    case KldColumn:
        if (!e) return {};
        if (row.isSource) return tr("—");
        if (!e->meanKld) return {};
        return kldWithError(*e->meanKld, e->meanKldError.value_or(0.0), columnMinimum(KldColumn) < 1e-3);
    case SameTopColumn:
        if (!e || row.isSource || !e->sameTop) return {};
        return tr("%1 %").arg(locale.toString(*e->sameTop * 100.0, 'f', 1));
    case SpeedColumn:
        if (!e || e->tokensPerSecond <= 0) return {};
        return locale.toString(qRound64(e->tokensPerSecond)); // the unit is in the header
    case GenerationSpeedColumn:
        if (!e || !e->generationTokensPerSecond) return {};
        return locale.toString(*e->generationTokensPerSecond, 'f', 1);
    default:
        return {};
    }
}

// The smallest measured value of a column, so that all its rows show the same number of decimals.
double ComparisonTableModel::columnMinimum(int column) const {
    double minimum = std::numeric_limits<double>::infinity();
    for (const ComparisonRow& row : m_rows) {
        const QVariant value = valueData(row, column);
        if (value.isValid() && value.toDouble() > 0.0) minimum = std::min(minimum, value.toDouble());
    }
    return minimum;
}

QVariant ComparisonTableModel::valueData(const ComparisonRow& row, int column) const {
    const auto& e = row.evaluation;
    switch (column) {
    case FileColumn:
        return row.path;
    case TypeColumn:
        return row.typeName;
    case SizeColumn:
        return row.bytes;
    case BitsColumn:
        return row.bitsPerWeight;
    case PerplexityColumn:
        return e ? QVariant(e->perplexity) : QVariant();
    case DeltaPerplexityColumn: {
        const auto delta = deltaPerplexityPercent(row);
        return delta ? QVariant(*delta) : QVariant();
    }
    case KldColumn:
        return e && e->meanKld ? QVariant(*e->meanKld) : QVariant();
    case SameTopColumn:
        return e && e->sameTop ? QVariant(*e->sameTop) : QVariant();
    case SpeedColumn:
        return e ? QVariant(e->tokensPerSecond) : QVariant();
    case GenerationSpeedColumn:
        return e && e->generationTokensPerSecond ? QVariant(*e->generationTokensPerSecond) : QVariant();
    default:
        return {};
    }
}

void ComparisonTableModel::setRows(std::vector<ComparisonRow> rows) {
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

bool ComparisonTableModel::setEvaluation(const QString& path, const eval::StoredEvaluation& evaluation) {
    for (size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].path != path) continue;
        m_rows[i].evaluation = evaluation;
        m_rows[i].bytes = evaluation.fileBytes ? evaluation.fileBytes : m_rows[i].bytes;
        // The source's perplexity changes every row's ΔPPL.
        if (m_rows[i].isSource)
            emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        else
            emit dataChanged(index(int(i), 0), index(int(i), ColumnCount - 1));
        return true;
    }
    return false;
}

std::optional<double> ComparisonTableModel::basePerplexity() const {
    for (const ComparisonRow& row : m_rows) {
        if (row.isSource && row.evaluation) return row.evaluation->perplexity;
    }
    return std::nullopt;
}

std::optional<double> ComparisonTableModel::deltaPerplexityPercent(const ComparisonRow& row) const {
    const auto base = basePerplexity();
    if (!base || !row.evaluation || *base <= 0.0) return std::nullopt;
    return (row.evaluation->perplexity / *base - 1.0) * 100.0;
}

int ComparisonTableModel::measuredCount() const {
    int count = 0;
    for (const ComparisonRow& row : m_rows)
        count += row.evaluation ? 1 : 0;
    return count;
}

QByteArray ComparisonTableModel::toCsv() const {
    QStringList lines;
    lines << QStringLiteral("file,type,bytes,bits_per_weight,perplexity,perplexity_error,delta_ppl_percent,"
                            "mean_kld,mean_kld_error,same_top_percent,tokens_per_second,"
                            "generation_tokens_per_second,text,context,chunks");
    for (const ComparisonRow& row : m_rows) {
        const auto& e = row.evaluation;
        const auto delta = deltaPerplexityPercent(row);
        auto optional = [](const std::optional<double>& v, double scale = 1.0) {
            return v ? cNumber(*v * scale) : QString();
        };
        QStringList fields{csvField(row.fileName()), csvField(row.typeName), QString::number(row.bytes),
                           cNumber(row.bitsPerWeight)};
        if (e) {
            fields << cNumber(e->perplexity) << cNumber(e->perplexityError) << optional(delta)
                   << optional(e->meanKld) << optional(e->meanKldError) << optional(e->sameTop, 100.0)
                   << cNumber(e->tokensPerSecond) << optional(e->generationTokensPerSecond)
                   << csvField(QString::fromStdString(e->textName)) << QString::number(e->key.context)
                   << QString::number(e->chunks);
        } else {
            for (int i = 0; i < 11; ++i)
                fields << QString();
        }
        lines << fields.join(QLatin1Char(','));
    }
    return (lines.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8();
}

QByteArray ComparisonTableModel::toJson() const {
    QJsonArray files;
    for (const ComparisonRow& row : m_rows) {
        QJsonObject o{{QStringLiteral("file"), row.fileName()},
                      {QStringLiteral("path"), row.path},
                      {QStringLiteral("type"), row.typeName},
                      {QStringLiteral("source"), row.isSource},
                      {QStringLiteral("bytes"), double(row.bytes)},
                      {QStringLiteral("bits_per_weight"), row.bitsPerWeight}};
        if (const auto& e = row.evaluation) {
            o.insert(QStringLiteral("perplexity"), e->perplexity);
            o.insert(QStringLiteral("perplexity_error"), e->perplexityError);
            if (const auto delta = deltaPerplexityPercent(row))
                o.insert(QStringLiteral("delta_ppl_percent"), *delta);
            if (e->meanKld) o.insert(QStringLiteral("mean_kld"), *e->meanKld);
            if (e->meanKldError) o.insert(QStringLiteral("mean_kld_error"), *e->meanKldError);
            if (e->sameTop) o.insert(QStringLiteral("same_top_percent"), *e->sameTop * 100.0);
            o.insert(QStringLiteral("tokens_per_second"), e->tokensPerSecond);
            if (e->generationTokensPerSecond)
                o.insert(QStringLiteral("generation_tokens_per_second"), *e->generationTokensPerSecond);
            o.insert(QStringLiteral("text"), QString::fromStdString(e->textName));
            o.insert(QStringLiteral("context"), int(e->key.context));
            o.insert(QStringLiteral("chunks"), e->chunks);
        }
        files.append(o);
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("files"), files}}).toJson(QJsonDocument::Indented);
}

} // namespace qf::ui
