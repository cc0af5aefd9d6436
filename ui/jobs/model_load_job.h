#pragma once
// Opens a model file off the UI thread: maps it, parses the header (never the tensor data, so a
// multi-GB file opens at once) and computes the model card. A Hugging Face folder opens the same way, as
// an on-the-fly conversion (headers only, nothing written). Runs on a window-owned QThreadPool; the
// result reaches the UI thread only through the queued finished/failed signals. The job deletes itself
// (deleteLater, on the thread it lives in) once run() is over, never while a signal is still being emitted,
// so receivers must not keep a pointer to it.
#include <QObject>
#include <QRunnable>
#include <QString>

#include "models/loaded_model.h"

namespace qf::ui {

class ModelLoadJob : public QObject, public QRunnable {
    Q_OBJECT

public:
    // `entryId` is handed back with the result so the receiver can find the entry it belongs to.
    ModelLoadJob(quint64 entryId, QString path, QObject* parent = nullptr);

    quint64 entryId() const { return m_entryId; }
    const QString& path() const { return m_path; }

    void run() override;

signals:
    void finished(quint64 entryId, qf::ui::LoadedModelPtr model);
    void failed(quint64 entryId, const QString& message);

private:
    // Opens the file and emits finished or failed.
    void report();

    const quint64 m_entryId;
    const QString m_path;
};

} // namespace qf::ui
