#pragma once
// Evaluates a source model and its quants on one text off the UI thread, running core's evaluation
// campaign (qf/eval/evaluation_campaign.h): the source's perplexity (the baseline), then for every quant its
// perplexity, generation speed and KL divergence against the source. Each file's result is stored in its
// sidecar and reported as soon as it is known, so the table fills while the job runs. A QObject + QRunnable on a window-owned pool, like
// QuantizeJobRunner: exactly one of succeeded / failed / cancelled ends every job, a cancel is not a
// failure, and the job deletes itself (deleteLater) once run() is over.
#include <memory>
#include <stop_token>
#include <string>

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QRunnable>
#include <QString>
#include <QStringList>

#include "qf/eval/evaluation_campaign.h"
#include "qf/eval/results_sidecar.h"

namespace qf::ui {

struct EvaluateRequest {
    quint64 sourceEntryId = 0;
    QString sourcePath;
    QStringList quantPaths;
    std::shared_ptr<const std::string> text; // the evaluation text, read by the page
    QString textName;                        // its file name
    eval::EvaluationKey key;                 // text digest, context, chunk limit
    unsigned threads = 0;                    // 0: all hardware threads
    QString kldCacheFolder; // where the base cache goes when the source's folder is not writable
};

struct EvaluationProgress {
    double fraction = 0.0; // of the whole job
    QString stage;         // "Perplexity of model-Q4_K_M.gguf (3/12)"
};

class EvaluateJobRunner : public QObject, public QRunnable {
    Q_OBJECT

public:
    EvaluateJobRunner(quint64 jobId, EvaluateRequest request, QObject* parent = nullptr);

    quint64 jobId() const { return m_jobId; }
    const EvaluateRequest& request() const { return m_request; }

    void run() override;
    // Thread-safe; a running evaluation stops after the chunk it is on.
    void cancel();
    bool isCancelRequested() const { return m_stop.stop_requested(); }
    // The stage of a campaign in words ("Perplexity of model-Q4_K_M.gguf (3/12)").
    static QString stageText(const QString& sourcePath, const eval::CampaignProgress& progress);

signals:
    void started(quint64 jobId);
    void progressed(quint64 jobId, const qf::ui::EvaluationProgress& progress);
    // One file measured (the source first). `storeError` is set when its sidecar could not be written.
    void fileEvaluated(quint64 jobId, const QString& path, const qf::eval::StoredEvaluation& evaluation,
                       const QString& storeError);
    void succeeded(quint64 jobId, double seconds);
    void failed(quint64 jobId, const QString& message);
    void cancelled(quint64 jobId);

private:
    void report();

    const quint64 m_jobId;
    const EvaluateRequest m_request;
    std::stop_source m_stop;
};

} // namespace qf::ui

Q_DECLARE_METATYPE(qf::ui::EvaluationProgress)
Q_DECLARE_METATYPE(qf::eval::StoredEvaluation)
