#include "jobs/model_copy_job.h"

#include <exception>

#include <QElapsedTimer>

namespace qf::ui {

namespace {
constexpr qint64 kProgressIntervalMs = 100; // a multi-GB copy reports per 8 MB chunk: too often to repaint
}

ModelCopyJob::ModelCopyJob(lmstudio::CopyRequest request, std::shared_ptr<const gguf::GgufFile> file,
                           std::stop_token stop, QObject* parent)
    : QObject(parent), m_request(std::move(request)), m_file(std::move(file)), m_stop(std::move(stop)) {
    setAutoDelete(false); // deleted on the owner's thread, see run()
}

void ModelCopyJob::run() {
    copy();
    deleteLater();
}

void ModelCopyJob::copy() {
    try {
        QElapsedTimer sinceReport;
        sinceReport.start();
        auto progress = [&](const Progress& p) {
            if (sinceReport.elapsed() < kProgressIntervalMs && p.done < p.total) return;
            sinceReport.restart();
            emit progressed(qint64(p.done), qint64(p.total));
        };
        auto copied = lmstudio::copyModel(m_request, m_file->metadata(), progress, m_stop);
        if (!copied) {
            if (isCancelled(copied.error()))
                emit cancelled();
            else
                emit failed(QString::fromStdString(copied.error().message));
            return;
        }
        emit finished(QString::fromStdString(copied->front().string()));
    } catch (const std::exception& e) {
        emit failed(tr("Unexpected error while copying: %1").arg(QString::fromLocal8Bit(e.what())));
    }
}

} // namespace qf::ui
