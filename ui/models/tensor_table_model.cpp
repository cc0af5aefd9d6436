#include "models/tensor_table_model.h"

#include "format.h"

namespace qf::ui {

TensorTableModel::TensorTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void TensorTableModel::setSource(LoadedModelPtr source) {
    beginResetModel();
    m_source = std::move(source);
    endResetModel();
}

int TensorTableModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid() || !m_source) return 0;
    return static_cast<int>(m_source->tensors().size());
}

int TensorTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TensorTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || !m_source || index.row() >= rowCount()) return {};
    const gguf::TensorInfo& tensor = m_source->tensors()[static_cast<size_t>(index.row())];
    const int column = index.column();

    if (role == Qt::DisplayRole) {
        switch (column) {
        case NameColumn:
            return toQString(tensor.name);
        case ShapeColumn:
            return formatShape(tensor.shape);
        case TypeColumn:
            return toQString(ggmlTypeName(tensor.type));
        case BytesColumn:
            return formatBytes(tensor.byteSize);
        }
    } else if (role == SortRole) {
        switch (column) {
        case NameColumn:
            return toQString(tensor.name);
        case ShapeColumn:
            return static_cast<qulonglong>(tensor.elementCount());
        case TypeColumn:
            return toQString(ggmlTypeName(tensor.type));
        case BytesColumn:
            return static_cast<qulonglong>(tensor.byteSize);
        }
    } else if (role == Qt::ToolTipRole) {
        if (column == BytesColumn) return tr("%1 bytes").arg(formatCount(tensor.byteSize));
        if (column == ShapeColumn) return tr("%1 elements").arg(formatCount(tensor.elementCount()));
    } else if (role == Qt::TextAlignmentRole) {
        if (column == ShapeColumn || column == BytesColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

QVariant TensorTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case NameColumn:
        return tr("Tensor");
    case ShapeColumn:
        return tr("Shape");
    case TypeColumn:
        return tr("Type");
    case BytesColumn:
        return tr("Size");
    }
    return {};
}

} // namespace qf::ui
