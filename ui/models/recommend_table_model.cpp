#include "models/recommend_table_model.h"

#include <QBrush>
#include <QColor>
#include <QGuiApplication>
#include <QFont>
#include <QLocale>

#include "format.h"
#include "widgets/fitting_text_delegate.h"
#include "preset_text.h"
#include "widgets/palette_colors.h"

namespace qf::ui {
namespace {

QString presetName(const recommend::PresetVerdict& v) {
    return toQString(v.preset->name);
}

QString fitText(const recommend::PresetVerdict& v) {
    switch (v.fit) {
    case recommend::Fit::FullGpu:
        return RecommendTableModel::tr("Fits on GPU");
    case recommend::Fit::PartialOffload:
        return RecommendTableModel::tr("Partial: %1 of %2 layers on GPU").arg(v.gpuLayers).arg(v.layers);
    case recommend::Fit::CpuOnly:
        return RecommendTableModel::tr("CPU only");
    case recommend::Fit::DoesNotFit:
        break;
    }
    return RecommendTableModel::tr("Does not fit");
}

QString memoryText(const recommend::PresetVerdict& v) {
    switch (v.fit) {
    case recommend::Fit::FullGpu:
        return RecommendTableModel::tr("%1 GPU").arg(formatBytes(v.gpuBytes));
    case recommend::Fit::PartialOffload:
        return RecommendTableModel::tr("%1 GPU + %2 RAM")
            .arg(formatBytes(v.gpuBytes), formatBytes(v.ramBytes));
    case recommend::Fit::CpuOnly:
        return RecommendTableModel::tr("%1 RAM").arg(formatBytes(v.ramBytes));
    case recommend::Fit::DoesNotFit:
        break;
    }
    return formatBytes(v.totalBytes);
}

QString qualityWord(recommend::QualityTier tier) {
    switch (tier) {
    case recommend::QualityTier::Lossless: return RecommendTableModel::tr("lossless");
    case recommend::QualityTier::NearLossless: return RecommendTableModel::tr("near-lossless");
    case recommend::QualityTier::VeryGood: return RecommendTableModel::tr("very good");
    case recommend::QualityTier::Reduced: return RecommendTableModel::tr("reduced");
    case recommend::QualityTier::Low: return RecommendTableModel::tr("low");
    }
    return {};
}

QString percent(double value, bool withSign) {
    const QString text = QLocale().toString(value, 'f', 2);
    return withSign && value >= 0 ? QStringLiteral("+") + text : text;
}

QString qualityText(const recommend::QualityEstimate& q) {
    using recommend::QualityBasis;
    if (!q.known) return RecommendTableModel::tr("unknown");
    if (q.basis == QualityBasis::Unquantized) return RecommendTableModel::tr("lossless (unquantized)");
    const QString word = qualityWord(q.tierId);
    QString text;
    if (q.withinError && q.deltaPplPercentError)
        text = RecommendTableModel::tr("%1 · ΔPPL within ± %2 %").arg(word, percent(*q.deltaPplPercentError, false));
    else if (q.deltaPplPercentError)
        text = RecommendTableModel::tr("%1 · ΔPPL %2 ± %3 %")
                   .arg(word, percent(q.deltaPplPercent, true), percent(*q.deltaPplPercentError, false));
    else
        text = RecommendTableModel::tr("%1 · ΔPPL %2 %").arg(word, percent(q.deltaPplPercent, true));
    switch (q.basis) {
    case QualityBasis::Measured: return RecommendTableModel::tr("%1 (measured)").arg(text);
    case QualityBasis::FromThisModel: return RecommendTableModel::tr("%1 (est. from this model)").arg(text);
    default: return RecommendTableModel::tr("%1 (typical, est.)").arg(text);
    }
}

// Shorter forms of qualityText for a narrow column, longest first: the quality word and the numbers with a
// short label, then the numbers alone with it. Estimates stay labelled as estimates; the tooltip has all.
QStringList shorterQualityTexts(const recommend::QualityEstimate& q) {
    using recommend::QualityBasis;
    if (q.basis == QualityBasis::Unquantized) return {RecommendTableModel::tr("lossless")};
    if (!q.known) return {};
    QString numbers;
    if (q.withinError && q.deltaPplPercentError)
        numbers = RecommendTableModel::tr("within ± %1 %").arg(percent(*q.deltaPplPercentError, false));
    else if (q.deltaPplPercentError)
        numbers = RecommendTableModel::tr("%1 ± %2 %").arg(percent(q.deltaPplPercent, true),
                                                           percent(*q.deltaPplPercentError, false));
    else
        numbers = RecommendTableModel::tr("%1 %").arg(percent(q.deltaPplPercent, true));
    const auto labelled = [&](const QString& text) {
        return q.basis == QualityBasis::Measured ? RecommendTableModel::tr("%1 (measured)").arg(text)
                                                 : RecommendTableModel::tr("%1 (est.)").arg(text);
    };
    return {labelled(RecommendTableModel::tr("%1 · %2").arg(qualityWord(q.tierId), numbers)), labelled(numbers)};
}

QString qualitySource(const recommend::QualityEstimate& q) {
    using recommend::QualityBasis;
    switch (q.basis) {
    case QualityBasis::Measured:
        return RecommendTableModel::tr("Measured on this model: %1").arg(toQString(q.source));
    case QualityBasis::FromThisModel:
        return RecommendTableModel::tr("Estimated from what was measured on this model (interpolated along bits "
                                       "per weight); evaluate this preset to measure it.");
    case QualityBasis::Typical:
        return RecommendTableModel::tr("Typical value on a small reference model (llama.cpp's perplexity and KL "
                                       "divergence); an estimate: evaluate quants on the Compare page to measure "
                                       "this model.");
    case QualityBasis::Unquantized:
    case QualityBasis::Unknown:
        break;
    }
    return {};
}

} // namespace

QString qualityDescription(const recommend::QualityEstimate& quality) { return qualityText(quality); }

QString fallbackDescription(const std::vector<quant::FallbackGroup>& groups) {
    QStringList parts;
    for (const quant::FallbackGroup& g : groups)
        parts << RecommendTableModel::tr("%1 → %2 for %n tensor(s)", nullptr, int(g.tensors))
                     .arg(toQString(ggmlTypeName(g.wanted)), toQString(ggmlTypeName(g.used)));
    return parts.join(QStringLiteral(", "));
}

RecommendTableModel::RecommendTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void RecommendTableModel::setResult(const recommend::RecommendResult& result) {
    const bool sameRows = m_result && m_result->presets.size() == result.presets.size();
    if (!sameRows) beginResetModel();
    m_result = result;
    if (!sameRows)
        endResetModel();
    else
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void RecommendTableModel::clear() {
    beginResetModel();
    m_result.reset();
    endResetModel();
}

int RecommendTableModel::recommendedRow() const {
    return m_result && m_result->recommendation.index ? int(*m_result->recommendation.index) : -1;
}

int RecommendTableModel::rowOf(const QString& preset) const {
    for (int row = 0; row < presetRowCount(); ++row)
        if (presetName(m_result->presets[size_t(row)]) == preset) return row;
    return -1;
}

int RecommendTableModel::presetRowCount() const {
    return m_result ? int(m_result->presets.size()) : 0;
}

int RecommendTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() || !m_result ? 0 : presetRowCount() + (m_mix ? 1 : 0);
}

int RecommendTableModel::mixRowIndex() const {
    return m_result && m_mix ? presetRowCount() : -1;
}

void RecommendTableModel::setMixRow(std::optional<MixRowData> mix) {
    const bool rowsChange = m_mix.has_value() != mix.has_value();
    if (rowsChange && m_result) {
        if (mix) beginInsertRows({}, presetRowCount(), presetRowCount());
        else beginRemoveRows({}, presetRowCount(), presetRowCount());
    }
    m_mix = std::move(mix);
    if (rowsChange && m_result) {
        if (m_mix) endInsertRows();
        else endRemoveRows();
    } else if (m_mix && m_result) {
        emit dataChanged(index(presetRowCount(), 0), index(presetRowCount(), ColumnCount - 1));
    }
}

void RecommendTableModel::setMixChecked(bool checked) {
    m_mixChecked = checked;
    if (const int row = mixRowIndex(); row >= 0)
        emit dataChanged(index(row, PresetColumn), index(row, PresetColumn), {Qt::CheckStateRole});
}

QVariant RecommendTableModel::mixData(int column, int role) const {
    const MixRowData& mix = *m_mix;
    const recommend::PresetVerdict* v = mix.verdict ? &*mix.verdict : nullptr;
    const QLocale locale;
    auto kld = [&](double value) { return locale.toString(value, 'g', 3); };
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case PresetColumn: return tr("Custom mix — fits this machine exactly");
        case SizeColumn:
            return v ? formatBytes(v->fileBytes) : tr("≤ %1").arg(formatBytes(mix.budget));
        case MemoryColumn: return v ? memoryText(*v) : QVariant();
        case FitColumn: {
            if (v) return fitText(*v);
            recommend::PresetVerdict placed;
            placed.fit = mix.budgetFit;
            return fitText(placed);
        }
        case QualityColumn:
            if (mix.measuredKld && mix.predictedKld)
                return tr("KLD %1 ± %2 (measured) · %3 predicted")
                    .arg(kld(*mix.measuredKld), kld(mix.measuredKldError.value_or(0.0)), kld(*mix.predictedKld));
            if (mix.predictedKld) return tr("KLD %1 (predicted)").arg(kld(*mix.predictedKld));
            return mix.status;
        case SpeedColumn:
            return v && v->relativeSpeed > 0 ? tr("%1×").arg(locale.toString(v->relativeSpeed, 'f', 1))
                                             : QStringLiteral("–");
        default: return {};
        }
    case Qt::ToolTipRole:
        switch (column) {
        case PresetColumn:
            return tr("Standard GGUF types chosen tensor by tensor from this model's measured sensitivity, so that "
                      "the predicted loss (KL divergence) is least within %1: the largest file this machine holds "
                      "at this context%2.")
                .arg(formatBytes(mix.budget),
                     mix.cappedAtLargestPreset ? tr(", at most the largest preset's size") : QString());
        case SizeColumn:
            return v ? tr("Exact file size: %1 bytes, %2 bits per weight")
                           .arg(formatCount(v->fileBytes), formatBitsPerWeight(v->bitsPerWeight))
                     : tr("Budget: %1 bytes").arg(formatCount(mix.budget));
        case MemoryColumn:
        case FitColumn:
            if (!v) return {};
            return tr("Weights %1 (exact) + KV cache %2 (exact) + compute buffer about %3 (estimate) = %4")
                .arg(formatBytes(v->weightBytes), formatBytes(v->kvBytes), formatBytes(v->computeBytes),
                     formatBytes(v->totalBytes));
        case QualityColumn: {
            const QString what = tr("Predicted: the sum of each tensor's measured KL divergence on the calibration "
                                    "text. Measured: the produced file evaluated on the Compare page.");
            return mix.predictedKld || mix.status.isEmpty() ? what : mix.status + QLatin1Char('\n') + what;
        }
        default: return {};
        }
    case Qt::CheckStateRole:
        if (column != PresetColumn) return {};
        return m_mixChecked ? Qt::Checked : Qt::Unchecked;
    case Qt::FontRole: {
        QFont font;
        font.setItalic(true);
        return font;
    }
    case Qt::TextAlignmentRole:
        if (column == SizeColumn || column == SpeedColumn) return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole:
        if (column == FitColumn) {
            const recommend::Fit fit = v ? v->fit : mix.budgetFit;
            const QPalette palette = QGuiApplication::palette();
            if (fit == recommend::Fit::DoesNotFit) return QBrush(errorTextColor(palette));
            if (fit == recommend::Fit::PartialOffload) return QBrush(warningTextColor(palette));
        }
        return {};
    case FittingTextDelegate::ShorterTextsRole:
        if (column == PresetColumn) return QStringList{tr("Custom mix")};
        if (column != QualityColumn) return {};
        if (mix.measuredKld && mix.predictedKld)
            return QStringList{tr("KLD %1 ± %2 (measured)").arg(kld(*mix.measuredKld),
                                                                kld(mix.measuredKldError.value_or(0.0))),
                               tr("KLD %1 (measured)").arg(kld(*mix.measuredKld))};
        if (mix.predictedKld) return QStringList{tr("KLD %1 (pred.)").arg(kld(*mix.predictedKld))};
        return mix.shorterStatus;
    case IsMixRole: return true;
    case FitRole: return int(v ? v->fit : mix.budgetFit);
    case RecommendedRole: return false;
    case SortRole:
        switch (column) {
        case SizeColumn: return qulonglong(v ? v->fileBytes : mix.budget);
        case MemoryColumn: return qulonglong(v ? v->totalBytes : 0);
        case QualityColumn: return mix.measuredKld.value_or(mix.predictedKld.value_or(1.0));
        default: return presetRowCount();
        }
    default: return {};
    }
}

int RecommendTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RecommendTableModel::display(const recommend::PresetVerdict& v, int column) const {
    if (!v.available) {
        if (column == PresetColumn) return presetName(v);
        if (column == FitColumn) return tr("Cannot be made");
        return {};
    }
    switch (column) {
    case PresetColumn:
        // Said in the row, not only in a tooltip (issue 13).
        if (!v.sameFileAs.empty()) return tr("%1 (= %2)").arg(presetName(v), toQString(v.sameFileAs));
        if (v.fallbackCount > 0)
            return tr("%1 (%n fallback(s))", nullptr, int(v.fallbackCount)).arg(presetName(v));
        return presetName(v);
    case SizeColumn:
        return formatBytes(v.fileBytes);
    case MemoryColumn:
        return memoryText(v);
    case FitColumn:
        return fitText(v);
    case QualityColumn:
        return qualityText(v.quality);
    case SpeedColumn:
        return v.relativeSpeed > 0 ? tr("%1×").arg(QLocale().toString(v.relativeSpeed, 'f', 1))
                                   : QStringLiteral("–");
    default:
        return {};
    }
}

QVariant RecommendTableModel::toolTip(const recommend::PresetVerdict& v, int column) const {
    if (!v.available) return toQString(v.unavailableReason);
    switch (column) {
    case PresetColumn:
        if (!v.sameFileAs.empty() && v.fallbackGroups.empty())
            return tr("Same file as %1 on this model: every tensor gets the same type.").arg(toQString(v.sameFileAs));
        if (!v.sameFileAs.empty())
            return tr("Same file as %1 on this model: its rows do not fit this preset's blocks (%2).")
                .arg(toQString(v.sameFileAs), fallbackDescription(v.fallbackGroups));
        if (v.fallbackCount > 0)
            return tr("%n tensor(s) use a fallback type: %1.", nullptr, int(v.fallbackCount))
                       .arg(fallbackDescription(v.fallbackGroups)) +
                   QLatin1Char('\n') + presetDescription(*v.preset);
        return presetDescription(*v.preset);
    case SizeColumn:
        if (v.needsImatrix)
            return tr("File size: %1 bytes, %2 bits per weight, and the importance matrix's name, its text's name "
                      "and two counts in the metadata (a few hundred bytes more)")
                .arg(formatCount(v.fileBytes), formatBitsPerWeight(v.bitsPerWeight));
        return tr("Exact file size: %1 bytes, %2 bits per weight")
            .arg(formatCount(v.fileBytes), formatBitsPerWeight(v.bitsPerWeight));
    case MemoryColumn:
    case FitColumn:
        return tr("Weights %1 (exact) + KV cache %2 (exact) + compute buffer about %3 (estimate) = %4")
            .arg(formatBytes(v.weightBytes), formatBytes(v.kvBytes), formatBytes(v.computeBytes),
                 formatBytes(v.totalBytes));
    case QualityColumn:
        return qualityText(v.quality) + QLatin1Char('\n') + qualitySource(v.quality);
    case SpeedColumn:
        return tr("Estimate: tokens per second relative to this model's F16 weights read from system RAM "
                  "(memory-bandwidth model)");
    default:
        return {};
    }
}

QVariant RecommendTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || !m_result || index.row() >= rowCount()) return {};
    if (index.row() == mixRowIndex()) return mixData(index.column(), role);
    if (role == IsMixRole) return false;
    const auto& v = m_result->presets[size_t(index.row())];
    const bool recommended = index.row() == recommendedRow();
    switch (role) {
    case Qt::DisplayRole:
        return display(v, index.column());
    case Qt::ToolTipRole:
        return toolTip(v, index.column());
    case Qt::CheckStateRole:
        if (index.column() != PresetColumn || !v.available) return {};
        return m_checked.contains(presetName(v)) ? Qt::Checked : Qt::Unchecked;
    case Qt::FontRole:
        if (recommended) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::BackgroundRole:
        if (recommended)
            return QBrush(QColor(46, 160, 67, 48)); // a light green wash, readable in dark themes
        return {};
    case Qt::ForegroundRole:
        if (index.column() == FitColumn && v.available) {
            // Views ask without a widget; the application palette is what they paint with.
            const QPalette palette = QGuiApplication::palette();
            if (v.fit == recommend::Fit::DoesNotFit) return QBrush(errorTextColor(palette));
            if (v.fit == recommend::Fit::PartialOffload) return QBrush(warningTextColor(palette));
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == SizeColumn || index.column() == SpeedColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case FittingTextDelegate::ShorterTextsRole:
        if (index.column() == QualityColumn && v.available) return shorterQualityTexts(v.quality);
        return {};
    case PresetNameRole:
        return presetName(v);
    case FitRole:
        return int(v.fit);
    case RecommendedRole:
        return recommended;
    case SortRole:
        switch (index.column()) {
        case SizeColumn:
            return qulonglong(v.fileBytes);
        case MemoryColumn:
            return qulonglong(v.totalBytes);
        case FitColumn:
            return int(v.fit);
        case QualityColumn:
            return v.quality.meanKld ? *v.quality.meanKld : 1.0;
        case SpeedColumn:
            return v.relativeSpeed;
        default:
            return index.row();
        }
    default:
        return {};
    }
}

bool RecommendTableModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (role != Qt::CheckStateRole || index.column() != PresetColumn || !m_result) return false;
    if (index.row() == mixRowIndex()) {
        m_mixChecked = value.value<Qt::CheckState>() == Qt::Checked;
        emit dataChanged(index, index, {Qt::CheckStateRole});
        emit checkedPresetsEdited();
        return true;
    }
    const auto& v = m_result->presets[size_t(index.row())];
    if (!v.available) return false;
    const QString name = presetName(v);
    if (value.value<Qt::CheckState>() == Qt::Checked)
        m_checked.insert(name);
    else
        m_checked.remove(name);
    emit dataChanged(index, index, {Qt::CheckStateRole});
    emit checkedPresetsEdited();
    return true;
}

Qt::ItemFlags RecommendTableModel::flags(const QModelIndex& index) const {
    if (!index.isValid() || !m_result) return Qt::NoItemFlags;
    if (index.row() == mixRowIndex()) {
        Qt::ItemFlags f = Qt::ItemIsSelectable | Qt::ItemIsEnabled;
        if (index.column() == PresetColumn) f |= Qt::ItemIsUserCheckable;
        return f;
    }
    const auto& v = m_result->presets[size_t(index.row())];
    Qt::ItemFlags f = Qt::ItemIsSelectable;
    if (v.available) f |= Qt::ItemIsEnabled;
    if (index.column() == PresetColumn && v.available) f |= Qt::ItemIsUserCheckable;
    return f;
}

QVariant RecommendTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal) return {};
    if (role == Qt::DisplayRole) {
        // Long titles on two lines: the numbers under them are narrower (issue 13).
        return twoLineTitle([section]() -> QString {
        switch (section) {
        case PresetColumn:
            return tr("Preset");
        case SizeColumn:
            return tr("File size");
        case MemoryColumn:
            return tr("Memory needed");
        case FitColumn:
            return tr("Fit");
        case QualityColumn:
            return tr("Expected quality");
        case SpeedColumn:
            return tr("Speed (est.)");
        default:
            return {};
        }
        }());
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case SizeColumn:
            return tr("Exact: from the quantization plan");
        case MemoryColumn:
            return tr("Weights and KV cache are exact; the compute buffer is an estimate");
        case QualityColumn:
            return tr("Measured on this model when available; otherwise the typical value for the preset (an "
                      "estimate)");
        case SpeedColumn:
            return tr("Estimated tokens per second relative to F16 read from system RAM");
        default:
            return {};
        }
    }
    return {};
}

QStringList RecommendTableModel::checkedPresets() const {
    QStringList out;
    if (!m_result) return out;
    for (const auto& v : m_result->presets)
        if (v.available && m_checked.contains(presetName(v))) out << presetName(v);
    return out;
}

void RecommendTableModel::setCheckedPresets(const QStringList& names) {
    m_checked = QSet<QString>(names.begin(), names.end());
    if (presetRowCount() > 0)
        emit dataChanged(index(0, PresetColumn), index(presetRowCount() - 1, PresetColumn), {Qt::CheckStateRole});
}

} // namespace qf::ui
