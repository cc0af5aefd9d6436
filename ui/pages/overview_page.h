#pragma once
// The Overview page: the model card above a sortable, filterable table of the file's tensors.
#include "pages/source_page.h"

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace qf::ui {

class ModelCardWidget;
class TensorTableModel;

class OverviewPage : public SourcePage {
    Q_OBJECT

public:
    explicit OverviewPage(QWidget* parent = nullptr);

    QString title() const override;
    void setEntry(const ModelEntry& entry) override;

private:
    void updateTensorCount();

    ModelCardWidget* m_card;
    QLineEdit* m_filter;
    QLabel* m_tensorCount;
    QTableView* m_table;
    TensorTableModel* m_tensors;
    QSortFilterProxyModel* m_proxy;
};

} // namespace qf::ui
