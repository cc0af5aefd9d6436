#pragma once
// Copies a model into LM Studio's models folder off the UI thread (qf::lmstudio::copyModel), with
// progress and its own cancelled signal.
#include <memory>
#include <stop_token>

#include <QObject>
#include <QRunnable>
#include <QString>

#include "qf/export/model_copy.h"
#include "qf/gguf/gguf_file.h"

namespace qf::ui {

class ModelCopyJob : public QObject, public QRunnable {
    Q_OBJECT

public:
    // `file` keeps the model's metadata (which names the folders) alive while the copy runs.
    ModelCopyJob(lmstudio::CopyRequest request, std::shared_ptr<const gguf::GgufFile> file,
                 std::stop_token stop, QObject* parent = nullptr);

    void run() override;

signals:
    void progressed(qint64 done, qint64 total);
    void finished(const QString& destination);
    void failed(const QString& message);
    void cancelled();

private:
    void copy();

    const lmstudio::CopyRequest m_request;
    const std::shared_ptr<const gguf::GgufFile> m_file;
    const std::stop_token m_stop;
};

} // namespace qf::ui
