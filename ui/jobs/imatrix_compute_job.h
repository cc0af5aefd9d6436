#pragma once
// Computes an importance matrix from calibration text off the UI thread, as llama-imatrix does
// (eval::computeImatrixCached: a second request for the same model and text is read from the cache). The
// result is also saved as a GGUF imatrix file, so it can be reused with llama-quantize and is named in the
// quants' metadata. A QObject + QRunnable like ImatrixLoadJob: exactly one of finished / failed /
// cancelled ends every job, and the job deletes itself once run() is over.
#include <memory>
#include <stop_token>

#include <QMetaType>
#include <QObject>
#include <QRunnable>
#include <QString>

#include "jobs/imatrix_load_job.h"

namespace qf::ui {

struct ImatrixComputeRequest {
    // The model whose activations are collected (normally the F16 source); a Hugging Face folder is
    // converted to F16 in the cache first (hf_cache.h).
    QString modelPath;
    QString textPath;       // calibration text, plain or .zst
    QString outputPath;     // where the GGUF imatrix is saved
    QString cacheFolder;    // for the statistics cache when the model's folder is not writable
    unsigned threads = 0;   // 0: all hardware threads
    unsigned context = 512; // llama-imatrix's default -c
};

struct ImatrixComputeSummary {
    int chunks = 0;
    double perplexity = 0.0;
    double seconds = 0.0;
    bool fromCache = false;
    QString savedPath;
};

class ImatrixComputeJob : public QObject, public QRunnable {
    Q_OBJECT

public:
    ImatrixComputeJob(quint64 generation, ImatrixComputeRequest request, QObject* parent = nullptr);

    void run() override;
    // Thread-safe; a running computation stops after the chunk it is on.
    void cancel();

signals:
    // `fraction` of the whole text; `stage` in words ("chunk 3 of 40, perplexity 151.2").
    void progressed(quint64 generation, double fraction, const QString& stage);
    void finished(quint64 generation, const qf::ui::ImatrixPtr& imatrix,
                  const qf::ui::ImatrixComputeSummary& summary);
    void failed(quint64 generation, const QString& message);
    void cancelled(quint64 generation);

private:
    void report();

    const quint64 m_generation;
    const ImatrixComputeRequest m_request;
    std::stop_source m_stop;
};

} // namespace qf::ui

Q_DECLARE_METATYPE(qf::ui::ImatrixComputeSummary)
