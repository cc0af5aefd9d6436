#pragma once
// Finds, off the UI thread, the quants that sit beside a source model (in its folder, by content: see
// qf/eval/quant_lineage.h), so a source reopened after a restart lists the files produced from it. Like
// ModelLoadJob: runs on a window-owned pool, reports through a queued signal, deletes itself.
#include <QObject>
#include <QRunnable>
#include <QStringList>

#include "models/loaded_model.h"

namespace qf::ui {

class QuantDiscoveryJob : public QObject, public QRunnable {
    Q_OBJECT

public:
    QuantDiscoveryJob(quint64 sourceEntryId, LoadedModelPtr source, QObject* parent = nullptr);

    void run() override;

signals:
    void found(quint64 sourceEntryId, const QStringList& quantPaths);

private:
    const quint64 m_sourceEntryId;
    const LoadedModelPtr m_source;
};

} // namespace qf::ui
