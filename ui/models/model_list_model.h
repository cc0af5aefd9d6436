#pragma once
// The list on the left: each source model is a top-level item; quants produced from it (or opened beside
// it) are its children. Entries are addressed by a stable id, so a job that finishes after rows moved or
// were removed still lands on the right entry, or on none.
#include <memory>
#include <vector>

#include <QAbstractItemModel>
#include <QHash>

#include "models/model_entry.h"

namespace qf::ui {

class ModelListModel : public QAbstractItemModel {
    Q_OBJECT

public:
    enum Column { NameColumn, TypeColumn, SizeColumn, ColumnCount };
    enum Role {
        EntryIdRole = Qt::UserRole + 1,
        PathRole,
        StateRole, // int(LoadState)
        ErrorRole,
    };

    explicit ModelListModel(QObject* parent = nullptr);
    ~ModelListModel() override;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Adds a top-level source in the Loading state.
    QModelIndex addSource(const QString& path);
    // Adds a quant under `source` (a top-level index) in the Loading state.
    QModelIndex addChild(const QModelIndex& source, const QString& path, EntryKind kind = EntryKind::Quant);
    bool removeEntry(const QModelIndex& index);

    // Back to Loading, e.g. to read a file again after it failed.
    void setLoading(quint64 id);
    void setLoaded(quint64 id, LoadedModelPtr model);
    void setFailed(quint64 id, const QString& message);

    const ModelEntry* entry(const QModelIndex& index) const;
    QModelIndex indexForId(quint64 id, int column = NameColumn) const;
    // The entry with this path at any level, or an invalid index.
    QModelIndex findPath(const QString& path) const;
    // The top-level ancestor of `index` (itself for a source).
    QModelIndex sourceIndex(const QModelIndex& index) const;
    int sourceCount() const { return rowCount(); }

private:
    struct Node {
        ModelEntry entry;
        Node* parent = nullptr;
        std::vector<std::unique_ptr<Node>> children;
    };

    Node* nodeFor(const QModelIndex& index) const;
    QModelIndex indexForNode(const Node* node, int column = NameColumn) const;
    int rowOf(const Node* node) const;
    QModelIndex insertNode(Node* parent, const QString& path, EntryKind kind);
    void forgetIds(const Node* node);
    void entryChanged(quint64 id);
    QVariant displayData(const ModelEntry& entry, int column) const;

    Node m_root;
    QHash<quint64, Node*> m_nodesById;
    quint64 m_nextId = 1;
};

} // namespace qf::ui
