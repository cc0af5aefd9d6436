#include "pages/source_view.h"

#include <QDir>
#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>

#include "pages/source_page.h"
#include "widgets/message_panel.h"

namespace qf::ui {

SourceView::SourceView(QWidget* parent)
    : QWidget(parent), m_stack(new QStackedWidget(this)), m_message(new MessagePanel(this)),
      m_tabs(new QTabWidget(this)) {
    setObjectName(QStringLiteral("sourceView"));
    m_message->setObjectName(QStringLiteral("sourceMessage"));
    m_tabs->setObjectName(QStringLiteral("sourcePages"));
    m_tabs->setDocumentMode(true);
    m_tabs->setAccessibleName(tr("Model pages"));

    m_stack->addWidget(m_message);
    m_stack->addWidget(m_tabs);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
}

void SourceView::addPage(SourcePage* page) {
    m_pageList << page;
    m_tabs->addTab(page, page->title());
}

SourcePage* SourceView::currentPage() const {
    return qobject_cast<SourcePage*>(m_tabs->currentWidget());
}

void SourceView::setCurrentPage(SourcePage* page) {
    m_tabs->setCurrentWidget(page);
}

void SourceView::showEntry(const ModelEntry* entry) {
    if (!entry) {
        m_message->showMessage(MessagePanel::Kind::Busy, tr("No model selected"),
                               tr("Select a model in the list, or drop GGUF files onto the window."));
        m_stack->setCurrentWidget(m_message);
        return;
    }
    switch (entry->state) {
    case LoadState::Loading:
        m_message->showMessage(MessagePanel::Kind::Busy, tr("Reading %1…").arg(entry->fileName()),
                               QDir::toNativeSeparators(entry->path));
        m_stack->setCurrentWidget(m_message);
        break;
    case LoadState::Failed:
        m_message->showMessage(MessagePanel::Kind::Error, tr("Could not open %1").arg(entry->fileName()),
                               entry->errorMessage);
        m_stack->setCurrentWidget(m_message);
        break;
    case LoadState::Ready:
        for (SourcePage* page : std::as_const(m_pageList))
            page->setEntry(*entry);
        m_stack->setCurrentWidget(m_tabs);
        break;
    }
}

} // namespace qf::ui
