#pragma once
// The presets on the Produce page, one checkable row each: name, exact file size, bits per weight, and a
// note - the preset's description, or why it cannot be chosen for this source: the core's reason (e.g. the
// model is already quantized), or that the file would only be a copy of the model. Such rows are disabled,
// with the reason also as tooltip. Checked presets are remembered by name, so they stay
// chosen when another model is selected or the plans are recomputed.
#include <vector>

#include <QAbstractTableModel>
#include <QSet>
#include <QStringList>

#include "jobs/preset_plan_job.h"

namespace qf::ui {

class PresetTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { PresetColumn, SizeColumn, BitsPerWeightColumn, NoteColumn, ColumnCount };
    enum Role {
        PresetNameRole = Qt::UserRole + 1,
        FileBytesRole,   // qulonglong, the exact planned size; 0 while unknown or not possible
        UnavailableRole, // why the preset cannot be chosen; empty when it can
    };

    explicit PresetTableModel(QObject* parent = nullptr);

    // Rows for every preset with the sizes still unknown (while planning, or with no source).
    void setPending();
    void setSummaries(const PresetPlanSummaries& summaries);
    bool isPending() const { return !m_summaries; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Checked presets that can be made from the current source, in table order.
    QStringList checkedPresets() const;
    // Checked presets that need an importance matrix and wait for one (issue 12: checking IQ2_M without
    // a matrix chooses it; the page then computes a matrix from text before producing).
    QStringList checkedWaitingForImatrix() const;
    // Replaces the chosen presets (names not in the table are ignored).
    void setCheckedPresets(const QStringList& names);
    // The summary of a preset that can be chosen (also one waiting for an importance matrix), or nullptr.
    const PresetPlanSummary* summary(const QString& presetName) const;
    int rowOf(const QString& presetName) const;
    // The preset row's summary, or nullptr while pending.
    const PresetPlanSummary* summaryAt(int row) const;
    // True when there are rows but none can be made (e.g. the source is already quantized).
    bool noneAvailable() const;

signals:
    void checkedPresetsChanged();

private:
    bool isAvailable(int row) const;
    bool waitsForImatrix(int row) const; // plannable once an importance matrix is given
    QString unavailableReason(int row) const;

    PresetPlanSummaries m_summaries;
    QSet<QString> m_checked;
    QSet<QString> m_checkedWaiting; // checked by a person while waiting for an importance matrix
};

} // namespace qf::ui
