#pragma once
// The tensors of one opened model: name, shape, type, bytes. Keeps the model alive while shown. For a Hugging
// Face folder these are the tensors of its F16 conversion (GGUF names, types and sizes).
#include <memory>

#include <QAbstractTableModel>

#include "models/loaded_model.h"

namespace qf::ui {

class TensorTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { NameColumn, ShapeColumn, TypeColumn, BytesColumn, ColumnCount };
    // Raw values for sorting: element count for the shape, byte count for the bytes.
    static constexpr int SortRole = Qt::UserRole + 1;

    explicit TensorTableModel(QObject* parent = nullptr);

    void setSource(LoadedModelPtr source);
    const LoadedModel* source() const { return m_source.get(); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    LoadedModelPtr m_source;
};

} // namespace qf::ui
