#pragma once
// One page of the right-hand pane (Overview, and later Recommend, Produce, Compare). A page shows the
// selected model once it has loaded; SourceView::addPage() is all it takes to add one.
#include <QWidget>

#include "models/model_entry.h"

namespace qf::ui {

class SourcePage : public QWidget {
    Q_OBJECT

public:
    using QWidget::QWidget;

    // The tab title.
    virtual QString title() const = 0;
    // The selected entry, always in the Ready state. The page keeps what it needs (shared pointers):
    // the entry itself may be removed from the list while the page still shows it.
    virtual void setEntry(const ModelEntry& entry) = 0;

    // Background jobs this page runs that outlive a selection (quantizing, evaluating). The window asks
    // before closing while any is active, then cancels them all.
    virtual int activeJobCount() const { return 0; }
    virtual void cancelAllJobs() {}
};

} // namespace qf::ui
