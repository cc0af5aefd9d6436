#pragma once
// Reads an importance matrix file (llama-imatrix's .dat or GGUF) off the UI thread.
#include <memory>

#include <QMetaType>
#include <QObject>
#include <QRunnable>
#include <QString>

#include "qf/quant/imatrix.h"

namespace qf::ui {

using ImatrixPtr = std::shared_ptr<const quant::Imatrix>;

class ImatrixLoadJob : public QObject, public QRunnable {
    Q_OBJECT

public:
    // `generation` is handed back so the receiver can drop a result it no longer wants.
    ImatrixLoadJob(quint64 generation, QString path, QObject* parent = nullptr);

    void run() override;

signals:
    void finished(quint64 generation, const qf::ui::ImatrixPtr& imatrix);
    void failed(quint64 generation, const QString& message);

private:
    void report();

    const quint64 m_generation;
    const QString m_path;
};

} // namespace qf::ui

Q_DECLARE_METATYPE(qf::ui::ImatrixPtr)
