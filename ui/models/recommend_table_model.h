#pragma once
// The presets on the Recommend page, one checkable row each: exact file size, memory needed for the chosen
// machine and context, fit verdict, expected quality and estimated speed. The recommended row is bold and
// highlighted. Estimates say so in their text or tooltip; exact numbers do not need to.
#include <optional>

#include <QAbstractTableModel>
#include <QSet>
#include <QStringList>

#include "qf/recommend/recommendation.h"

namespace qf::ui {

// "very good · ΔPPL +0.07 % (typical, est.)", in the person's language.
QString qualityDescription(const recommend::QualityEstimate& quality);
// "Q4_K → Q5_0 for 12 tensors, Q6_K → Q8_0 for 1 tensor", in the person's language.
QString fallbackDescription(const std::vector<quant::FallbackGroup>& groups);

// The custom mix's row (issue 16): below the presets, for the budget that fits the machine.
struct MixRowData {
    quint64 budget = 0;                             // the whole file's bytes
    recommend::Fit budgetFit = recommend::Fit::DoesNotFit; // where a file of the budget's size goes
    bool cappedAtLargestPreset = false;
    std::optional<recommend::PresetVerdict> verdict; // the solved mix, placed like a preset (exact size)
    std::optional<double> predictedKld;
    std::optional<double> measuredKld; // of the produced file of this size, from Compare
    std::optional<double> measuredKldError;
    QString status; // while there is no prediction: why ("not measured yet", progress, an error)
    QStringList shorterStatus; // shorter forms of status for a narrow column, longest first
};

class RecommendTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        PresetColumn,
        SizeColumn,
        MemoryColumn,
        FitColumn,
        QualityColumn,
        SpeedColumn,
        ColumnCount
    };
    enum Role {
        PresetNameRole = Qt::UserRole + 1,
        FitRole,         // int(recommend::Fit)
        RecommendedRole, // bool
        SortRole,
        IsMixRole, // bool: the custom mix's row
    };

    explicit RecommendTableModel(QObject* parent = nullptr);

    // Replaces the rows' numbers; the checked presets stay (by name).
    void setResult(const recommend::RecommendResult& result);
    void clear();
    const recommend::RecommendResult* result() const { return m_result ? &*m_result : nullptr; }
    // The row of the recommended preset, or -1.
    int recommendedRow() const;
    int rowOf(const QString& preset) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The custom mix's row (the last one), or none.
    void setMixRow(std::optional<MixRowData> mix);
    const std::optional<MixRowData>& mixRow() const { return m_mix; }
    int mixRowIndex() const; // -1 without one
    bool isMixChecked() const { return m_mix && m_mixChecked; }
    void setMixChecked(bool checked);

    // Checked presets that can be made, in table order.
    QStringList checkedPresets() const;
    void setCheckedPresets(const QStringList& names);

signals:
    // A person (not setCheckedPresets) changed a check box.
    void checkedPresetsEdited();

private:
    QVariant display(const recommend::PresetVerdict& v, int column) const;
    QVariant toolTip(const recommend::PresetVerdict& v, int column) const;
    QVariant mixData(int column, int role) const;
    int presetRowCount() const;

    std::optional<recommend::RecommendResult> m_result;
    QSet<QString> m_checked;
    std::optional<MixRowData> m_mix;
    bool m_mixChecked = false;
};

} // namespace qf::ui
