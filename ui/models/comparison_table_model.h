#pragma once
// The Compare table: one row per file (the source first, then its quants) with its type, size,
// bits/weight and, once measured, perplexity ±, ΔPPL against the source, mean KLD ±, same-top % and
// prompt speed. Unmeasured cells stay empty. Exports the same rows as CSV or JSON.
#include <optional>
#include <vector>

#include <QAbstractTableModel>
#include <QByteArray>

#include "qf/eval/results_sidecar.h"

namespace qf::ui {

struct ComparisonRow {
    QString path;
    QString typeName; // "Q4_K_M", "F16"
    quint64 bytes = 0;
    double bitsPerWeight = 0.0;
    bool isSource = false;
    std::optional<double> mixPredictedKld; // a budget mix: the solver's prediction
    std::optional<eval::StoredEvaluation> evaluation;

    QString fileName() const;
};

class ComparisonTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        FileColumn,
        TypeColumn,
        SizeColumn,
        BitsColumn,
        PerplexityColumn,
        DeltaPerplexityColumn,
        KldColumn,
        SameTopColumn,
        SpeedColumn,           // prompt processing
        GenerationSpeedColumn, // one token at a time
        ColumnCount
    };
    // The raw number behind a cell (for sorting and tests); invalid when unmeasured.
    static constexpr int ValueRole = Qt::UserRole + 1;

    explicit ComparisonTableModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    // Long titles come on two lines; title() is the one-line form.
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    static QString title(int section);

    void setRows(std::vector<ComparisonRow> rows);
    const std::vector<ComparisonRow>& rows() const { return m_rows; }
    // Sets the measurement of the row with this path; false when no row has it.
    bool setEvaluation(const QString& path, const eval::StoredEvaluation& evaluation);
    // The source's perplexity, when measured.
    std::optional<double> basePerplexity() const;
    std::optional<double> deltaPerplexityPercent(const ComparisonRow& row) const;
    int measuredCount() const;

    // Numbers in C locale with full precision, for other programs.
    QByteArray toCsv() const;
    QByteArray toJson() const;

private:
    QVariant displayData(const ComparisonRow& row, int column) const;
    QVariant valueData(const ComparisonRow& row, int column) const;
    double columnMinimum(int column) const;

    std::vector<ComparisonRow> m_rows;
};

} // namespace qf::ui
