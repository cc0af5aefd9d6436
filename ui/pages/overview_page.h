#pragma once
// The Overview page: the model card and the export actions (Ollama, LM Studio) above a sortable,
// filterable table of the file's tensors.
#include "pages/source_page.h"

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace qf::ui {

class ExportPanel;
class ModelCardWidget;
class TensorTableModel;

class OverviewPage : public SourcePage {
    Q_OBJECT

public:
    explicit OverviewPage(QWidget* parent = nullptr);

    QString title() const override;
    void setEntry(const ModelEntry& entry) override;
    int activeJobCount() const override;
    void cancelAllJobs() override;

    // Its actions (Save Ollama Modelfile, Create in Ollama, Copy to LM Studio, Show in Folder) act on
    // the entry shown here; the window can put them in the model list's context menu.
    ExportPanel* exportPanel() const { return m_export; }

private:
    void updateTensorCount();

    ModelCardWidget* m_card;
    ExportPanel* m_export;
    QLineEdit* m_filter;
    QLabel* m_tensorCount;
    QTableView* m_table;
    TensorTableModel* m_tensors;
    QSortFilterProxyModel* m_proxy;
};

} // namespace qf::ui
