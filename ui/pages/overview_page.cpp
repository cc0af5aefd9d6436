#include "pages/overview_page.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include "models/tensor_table_model.h"
#include "pages/model_card_widget.h"
#include "widgets/export_panel.h"

namespace qf::ui {

OverviewPage::OverviewPage(QWidget* parent)
    : SourcePage(parent), m_card(new ModelCardWidget(this)), m_export(new ExportPanel(this)),
      m_filter(new QLineEdit(this)), m_tensorCount(new QLabel(this)), m_table(new QTableView(this)),
      m_tensors(new TensorTableModel(this)), m_proxy(new QSortFilterProxyModel(this)) {
    setObjectName(QStringLiteral("overviewPage"));

    m_proxy->setSourceModel(m_tensors);
    m_proxy->setSortRole(TensorTableModel::SortRole);
    m_proxy->setFilterKeyColumn(TensorTableModel::NameColumn);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_filter->setObjectName(QStringLiteral("tensorFilter"));
    m_filter->setAccessibleName(tr("Tensor filter"));
    m_filter->setPlaceholderText(tr("Filter tensors by name, e.g. attn_k or blk.0."));
    m_filter->setClearButtonEnabled(true);
    // Files dropped here open as models (the window handles them), they are not filter text.
    m_filter->setAcceptDrops(false);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_proxy->setFilterFixedString(text);
        updateTensorCount();
    });

    m_tensorCount->setObjectName(QStringLiteral("tensorCount"));

    m_table->setObjectName(QStringLiteral("tensorTable"));
    m_table->setAccessibleName(tr("Tensors"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder); // file order until the user picks a column
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setSectionResizeMode(TensorTableModel::NameColumn, QHeaderView::Stretch);
    for (int column :
         {TensorTableModel::ShapeColumn, TensorTableModel::TypeColumn, TensorTableModel::BytesColumn})
        m_table->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);

    auto* filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(m_tensorCount);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->addWidget(m_card);
    layout->addSpacing(8);
    layout->addWidget(m_export);
    layout->addSpacing(12);
    layout->addLayout(filterRow);
    layout->addWidget(m_table, 1);
}

QString OverviewPage::title() const {
    return tr("Overview");
}

void OverviewPage::setEntry(const ModelEntry& entry) {
    if (!entry.model) return;
    m_card->setSummary(entry.model->summary, entry.path);
    // Ollama and LM Studio take GGUF files: a Hugging Face folder is exported once it has been quantized.
    const bool hfFolder = entry.model->isHfFolder();
    m_export->setModel(entry.path, entry.model->file);
    m_export->setEnabled(!hfFolder || m_export->isBusy());
    m_export->setToolTip(hfFolder ? tr("A Hugging Face folder is not a GGUF file: produce a quant from it on "
                                       "the Produce page, then export the quant.")
                                  : QString());
    // Re-selecting the same model keeps the user's sort order and filter.
    if (m_tensors->source() != entry.model.get()) m_tensors->setSource(entry.model);
    updateTensorCount();
}

int OverviewPage::activeJobCount() const {
    return m_export->isBusy() ? 1 : 0;
}

void OverviewPage::cancelAllJobs() {
    m_export->cancel();
}

void OverviewPage::updateTensorCount() {
    const int total = m_tensors->rowCount();
    const int shown = m_proxy->rowCount();
    // Without a loaded translation "%n" gets no plural form, so the singular is spelled out.
    QString text;
    if (shown == total)
        text = total == 1 ? tr("1 tensor") : tr("%n tensors", nullptr, total);
    else
        text =
            total == 1 ? tr("%1 of 1 tensor").arg(shown) : tr("%1 of %n tensors", nullptr, total).arg(shown);
    m_tensorCount->setText(text);
}

} // namespace qf::ui
