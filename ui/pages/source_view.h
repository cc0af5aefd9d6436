#pragma once
// The right-hand pane: the pages for the selected model, or an inline message while it loads or when
// it failed to load (the core's error text, never a dialog).
#include <QList>
#include <QWidget>

#include "models/model_entry.h"

class QStackedWidget;
class QTabWidget;

namespace qf::ui {

class MessagePanel;
class SourcePage;

class SourceView : public QWidget {
    Q_OBJECT

public:
    explicit SourceView(QWidget* parent = nullptr);

    // Appends a page (the view takes ownership).
    void addPage(SourcePage* page);
    QList<SourcePage*> pages() const { return m_pageList; }
    SourcePage* currentPage() const;
    void setCurrentPage(SourcePage* page);

    // Shows `entry`, or a hint when nothing is selected.
    void showEntry(const ModelEntry* entry);

    MessagePanel* messagePanel() const { return m_message; }

private:
    QStackedWidget* m_stack;
    MessagePanel* m_message;
    QTabWidget* m_tabs;
    QList<SourcePage*> m_pageList;
};

} // namespace qf::ui
