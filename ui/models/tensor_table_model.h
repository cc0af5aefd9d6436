#pragma once
// The tensors of one opened file: name, shape, type, bytes. Keeps the file alive while shown.
#include <memory>

#include <QAbstractTableModel>

#include "qf/gguf/gguf_file.h"

namespace qf::ui {

class TensorTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { NameColumn, ShapeColumn, TypeColumn, BytesColumn, ColumnCount };
    // Raw values for sorting: element count for the shape, byte count for the bytes.
    static constexpr int SortRole = Qt::UserRole + 1;

    explicit TensorTableModel(QObject* parent = nullptr);

    void setFile(std::shared_ptr<const gguf::GgufFile> file);
    const gguf::GgufFile* file() const { return m_file.get(); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const gguf::GgufFile> m_file;
};

} // namespace qf::ui
