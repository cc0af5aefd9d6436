#include "models/model_list_model.h"

#include <algorithm>

#include <QApplication>
#include <QDir>
#include <QStyle>

#include "format.h"
#include "jobs/mix_settings.h"

namespace qf::ui {

ModelListModel::ModelListModel(QObject* parent) : QAbstractItemModel(parent) {}

ModelListModel::~ModelListModel() = default;

ModelListModel::Node* ModelListModel::nodeFor(const QModelIndex& index) const {
    if (!index.isValid()) return const_cast<Node*>(&m_root);
    return static_cast<Node*>(index.internalPointer());
}

int ModelListModel::rowOf(const Node* node) const {
    if (!node->parent) return -1;
    const auto& siblings = node->parent->children;
    const auto it =
        std::find_if(siblings.begin(), siblings.end(),
                     [node](const std::unique_ptr<Node>& sibling) { return sibling.get() == node; });
    return it == siblings.end() ? -1 : static_cast<int>(it - siblings.begin());
}

QModelIndex ModelListModel::indexForNode(const Node* node, int column) const {
    if (!node || node == &m_root) return {};
    const int row = rowOf(node);
    if (row < 0) return {};
    return createIndex(row, column, const_cast<Node*>(node));
}

QModelIndex ModelListModel::index(int row, int column, const QModelIndex& parent) const {
    if (column < 0 || column >= ColumnCount || row < 0) return {};
    if (parent.isValid() && parent.column() != NameColumn) return {};
    const Node* parentNode = nodeFor(parent);
    if (row >= static_cast<int>(parentNode->children.size())) return {};
    return createIndex(row, column, parentNode->children[static_cast<size_t>(row)].get());
}

QModelIndex ModelListModel::parent(const QModelIndex& child) const {
    if (!child.isValid()) return {};
    return indexForNode(nodeFor(child)->parent);
}

int ModelListModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid() && parent.column() != NameColumn) return 0;
    return static_cast<int>(nodeFor(parent)->children.size());
}

int ModelListModel::columnCount(const QModelIndex&) const {
    return ColumnCount;
}

QVariant ModelListModel::displayData(const ModelEntry& entry, int column) const {
    switch (column) {
    case NameColumn:
        return entry.fileName();
    case TypeColumn:
        if (entry.state == LoadState::Loading) return tr("Loading…");
        if (entry.state == LoadState::Failed) return tr("Error");
        if (mixPredictedKld(entry.model->metadata())) return tr("Custom mix");
        return toQString(entry.model->summary.fileTypeName);
    case SizeColumn:
        if (entry.state == LoadState::Ready) return formatBytes(entry.model->summary.fileBytes);
        return {};
    default:
        return {};
    }
}

QVariant ModelListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid()) return {};
    const ModelEntry& entry = nodeFor(index)->entry;
    switch (role) {
    case Qt::DisplayRole:
        return displayData(entry, index.column());
    case Qt::ToolTipRole:
        if (entry.state == LoadState::Failed) return entry.errorMessage;
        return QDir::toNativeSeparators(entry.path);
    case Qt::DecorationRole:
        // Every entry has an icon, so names line up whether or not one shows a warning.
        if (index.column() != NameColumn) return {};
        return QApplication::style()->standardIcon(
            entry.state == LoadState::Failed ? QStyle::SP_MessageBoxWarning : QStyle::SP_FileIcon);
    case Qt::TextAlignmentRole:
        if (index.column() == SizeColumn) return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case EntryIdRole:
        return entry.id;
    case PathRole:
        return entry.path;
    case StateRole:
        return static_cast<int>(entry.state);
    case ErrorRole:
        return entry.errorMessage;
    default:
        return {};
    }
}

QVariant ModelListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case NameColumn:
        return tr("Model");
    case TypeColumn:
        return tr("Type");
    case SizeColumn:
        return tr("Size");
    default:
        return {};
    }
}

QModelIndex ModelListModel::insertNode(Node* parent, const QString& path, EntryKind kind) {
    auto node = std::make_unique<Node>();
    node->parent = parent;
    node->entry.id = m_nextId++;
    node->entry.kind = kind;
    node->entry.path = path;
    Node* raw = node.get();

    const int row = static_cast<int>(parent->children.size());
    beginInsertRows(indexForNode(parent), row, row);
    parent->children.push_back(std::move(node));
    m_nodesById.insert(raw->entry.id, raw);
    endInsertRows();
    return indexForNode(raw);
}

QModelIndex ModelListModel::addSource(const QString& path) {
    return insertNode(&m_root, path, EntryKind::Source);
}

QModelIndex ModelListModel::addChild(const QModelIndex& source, const QString& path, EntryKind kind) {
    if (!source.isValid() || source.model() != this) return {};
    return insertNode(nodeFor(source.siblingAtColumn(NameColumn)), path, kind);
}

void ModelListModel::forgetIds(const Node* node) {
    m_nodesById.remove(node->entry.id);
    for (const auto& child : node->children)
        forgetIds(child.get());
}

bool ModelListModel::removeEntry(const QModelIndex& index) {
    if (!index.isValid() || index.model() != this) return false;
    Node* node = nodeFor(index);
    Node* parent = node->parent;
    const int row = rowOf(node);
    beginRemoveRows(indexForNode(parent), row, row);
    forgetIds(node);
    parent->children.erase(parent->children.begin() + row);
    endRemoveRows();
    return true;
}

void ModelListModel::entryChanged(quint64 id) {
    const QModelIndex first = indexForId(id, NameColumn);
    if (first.isValid()) emit dataChanged(first, first.siblingAtColumn(ColumnCount - 1));
}

void ModelListModel::setLoading(quint64 id) {
    Node* node = m_nodesById.value(id);
    if (!node) return;
    node->entry.state = LoadState::Loading;
    node->entry.errorMessage.clear();
    node->entry.model.reset();
    entryChanged(id);
}

void ModelListModel::setLoaded(quint64 id, LoadedModelPtr model) {
    Node* node = m_nodesById.value(id);
    if (!node || !model) return;
    node->entry.state = LoadState::Ready;
    node->entry.errorMessage.clear();
    node->entry.model = std::move(model);
    entryChanged(id);
}

void ModelListModel::setFailed(quint64 id, const QString& message) {
    Node* node = m_nodesById.value(id);
    if (!node) return;
    node->entry.state = LoadState::Failed;
    node->entry.errorMessage = message;
    node->entry.model.reset();
    entryChanged(id);
}

const ModelEntry* ModelListModel::entry(const QModelIndex& index) const {
    if (!index.isValid() || index.model() != this) return nullptr;
    return &nodeFor(index)->entry;
}

QModelIndex ModelListModel::indexForId(quint64 id, int column) const {
    return indexForNode(m_nodesById.value(id), column);
}

QModelIndex ModelListModel::findPath(const QString& path) const {
    for (const Node* node : m_nodesById) {
        if (node->entry.path == path) return indexForNode(node);
    }
    return {};
}

QModelIndex ModelListModel::sourceIndex(const QModelIndex& index) const {
    if (!index.isValid() || index.model() != this) return {};
    const Node* node = nodeFor(index);
    while (node->parent && node->parent != &m_root)
        node = node->parent;
    return indexForNode(node);
}

} // namespace qf::ui
