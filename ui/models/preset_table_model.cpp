#include "models/preset_table_model.h"

#include <QBrush>
#include <QGuiApplication>

#include "format.h"
#include "models/recommend_table_model.h"
#include "preset_text.h"
#include "widgets/palette_colors.h"

namespace qf::ui {

namespace {
int presetCount() {
    return static_cast<int>(quant::allPresets().size());
}

QString presetName(int row) {
    return toQString(quant::allPresets()[static_cast<size_t>(row)].name);
}
} // namespace

PresetTableModel::PresetTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void PresetTableModel::setPending() {
    beginResetModel();
    m_summaries.reset();
    endResetModel();
    emit checkedPresetsChanged();
}

void PresetTableModel::setSummaries(const PresetPlanSummaries& summaries) {
    beginResetModel();
    m_summaries = summaries;
    endResetModel();
    emit checkedPresetsChanged();
}

int PresetTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : presetCount();
}

int PresetTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

const PresetPlanSummary* PresetTableModel::summaryAt(int row) const {
    if (!m_summaries || row < 0 || row >= static_cast<int>(m_summaries->size())) return nullptr;
    return &(*m_summaries)[static_cast<size_t>(row)];
}

bool PresetTableModel::isAvailable(int row) const {
    const PresetPlanSummary* s = summaryAt(row);
    return s && s->ok && !s->copiesSource;
}

bool PresetTableModel::waitsForImatrix(int row) const {
    const PresetPlanSummary* s = summaryAt(row);
    return s && !s->ok && s->needsImatrix;
}

QString PresetTableModel::unavailableReason(int row) const {
    const PresetPlanSummary* s = summaryAt(row);
    if (!s) return {};
    if (!s->ok && s->needsImatrix)
        return tr("Needs an importance matrix: check it to compute one from text, or choose one below.");
    if (!s->ok) return s->error;
    if (s->copiesSource)
        return tr("The model already is %1: this would only copy it.").arg(toQString(s->preset->name));
    return {};
}

bool PresetTableModel::noneAvailable() const {
    if (!m_summaries || m_summaries->empty()) return false;
    for (int row = 0; row < rowCount(); ++row)
        if (isAvailable(row)) return false;
    return true;
}

QVariant PresetTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const int row = index.row();
    const quant::Preset& preset = quant::allPresets()[static_cast<size_t>(row)];
    const PresetPlanSummary* s = summaryAt(row);
    const int column = index.column();

    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case PresetColumn:
            return toQString(preset.name);
        case SizeColumn:
            if (!s) return QStringLiteral("…");
            if (waitsForImatrix(row)) return tr("about %1").arg(formatBytes(s->fileBytes));
            return s->ok ? formatBytes(s->fileBytes) : QStringLiteral("—");
        case BitsPerWeightColumn:
            if (!s) return QStringLiteral("…");
            if (waitsForImatrix(row)) return formatBitsPerWeight(s->bitsPerWeight);
            return s->ok ? formatBitsPerWeight(s->bitsPerWeight) : QStringLiteral("—");
        case NoteColumn:
            if (s && !isAvailable(row)) return unavailableReason(row);
            if (s && !s->sameFileAs.isEmpty() && s->fallbackGroups.empty())
                return tr("Same file as %1 on this model: every tensor gets the same type.").arg(s->sameFileAs);
            if (s && !s->sameFileAs.isEmpty())
                return tr("Same file as %1 on this model: its rows do not fit this preset's blocks (%2).")
                    .arg(s->sameFileAs, fallbackDescription(s->fallbackGroups));
            if (s && s->fallbackCount > 0)
                return tr("%n tensor(s) use a fallback type: %1.", nullptr, int(s->fallbackCount)).arg(fallbackDescription(s->fallbackGroups));
            return presetDescription(preset);
        }
        return {};
    case Qt::ToolTipRole:
        if (s && waitsForImatrix(row) && column == SizeColumn)
            return tr("%1 bytes, and the importance matrix's name, its text's name and two counts in the "
                      "metadata (a few hundred bytes more)")
                .arg(formatCount(s->fileBytes));
        if (s && waitsForImatrix(row)) return unavailableReason(row);
        if (s && !s->ok) return tr("Cannot be made from this model: %1").arg(s->error);
        if (s && column == SizeColumn) return tr("%1 bytes, exactly").arg(formatCount(s->fileBytes));
        if (s && s->copiesSource) return unavailableReason(row);
        if (s && !s->warnings.isEmpty()) return s->warnings.join(QLatin1Char('\n'));
        return presetDescription(preset);
    case Qt::ForegroundRole:
        if (column == NoteColumn && s && s->ok && (!s->sameFileAs.isEmpty() || s->fallbackCount > 0))
            return QBrush(warningTextColor(QGuiApplication::palette()));
        return {};
    case Qt::CheckStateRole:
        if (column != PresetColumn) return {};
        if (waitsForImatrix(row)) return m_checkedWaiting.contains(presetName(row)) ? Qt::Checked : Qt::Unchecked;
        return isAvailable(row) && m_checked.contains(presetName(row)) ? Qt::Checked : Qt::Unchecked;
    case Qt::TextAlignmentRole:
        if (column == SizeColumn || column == BitsPerWeightColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case PresetNameRole:
        return toQString(preset.name);
    case FileBytesRole:
        return static_cast<qulonglong>(s && s->ok ? s->fileBytes : 0);
    case UnavailableRole:
        return unavailableReason(row);
    default:
        return {};
    }
}

bool PresetTableModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (role != Qt::CheckStateRole || !index.isValid() || index.column() != PresetColumn ||
        !(isAvailable(index.row()) || waitsForImatrix(index.row())))
        return false;
    const QString name = presetName(index.row());
    const bool waiting = waitsForImatrix(index.row());
    if (value.value<Qt::CheckState>() == Qt::Checked) {
        m_checked.insert(name);
        if (waiting) m_checkedWaiting.insert(name);
    } else {
        m_checked.remove(name);
        m_checkedWaiting.remove(name);
    }
    emit dataChanged(index, index, {Qt::CheckStateRole});
    emit checkedPresetsChanged();
    return true;
}

Qt::ItemFlags PresetTableModel::flags(const QModelIndex& index) const {
    if (!index.isValid()) return Qt::NoItemFlags;
    // A preset that cannot be made is shown greyed out with its reason, not hidden: people look for it.
    // One that waits for an importance matrix can be checked: the page then offers to compute one.
    if (!isAvailable(index.row()) && !waitsForImatrix(index.row())) return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.column() == PresetColumn) flags |= Qt::ItemIsUserCheckable;
    return flags;
}

QVariant PresetTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal) return {};
    if (role == Qt::TextAlignmentRole && (section == SizeColumn || section == BitsPerWeightColumn))
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole) return {};
    switch (section) {
    case PresetColumn:
        return tr("Preset");
    case SizeColumn:
        return tr("Size");
    case BitsPerWeightColumn:
        return tr("Bits/weight");
    case NoteColumn:
        return tr("Notes");
    }
    return {};
}

QStringList PresetTableModel::checkedPresets() const {
    QStringList names;
    for (int row = 0; row < rowCount(); ++row) {
        if (isAvailable(row) && m_checked.contains(presetName(row))) names << presetName(row);
    }
    return names;
}

QStringList PresetTableModel::checkedWaitingForImatrix() const {
    QStringList names;
    for (int row = 0; row < rowCount(); ++row) {
        if (waitsForImatrix(row) && m_checkedWaiting.contains(presetName(row))) names << presetName(row);
    }
    return names;
}

void PresetTableModel::setCheckedPresets(const QStringList& names) {
    m_checked.clear();
    m_checkedWaiting.clear();
    for (const QString& name : names) {
        if (rowOf(name) >= 0) m_checked.insert(presetName(rowOf(name)));
    }
    if (rowCount() > 0)
        emit dataChanged(index(0, PresetColumn), index(rowCount() - 1, PresetColumn), {Qt::CheckStateRole});
    emit checkedPresetsChanged();
}

const PresetPlanSummary* PresetTableModel::summary(const QString& name) const {
    const int row = rowOf(name);
    return isAvailable(row) || waitsForImatrix(row) ? summaryAt(row) : nullptr;
}

int PresetTableModel::rowOf(const QString& name) const {
    const quant::Preset* preset = quant::findPreset(name.toStdString());
    if (!preset) return -1;
    return static_cast<int>(preset - quant::allPresets().data());
}

} // namespace qf::ui
