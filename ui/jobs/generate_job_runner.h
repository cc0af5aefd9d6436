#pragma once
// Generates text for one prompt with one model file off the UI thread, for the side-by-side view. Pieces
// are batched and sent at most every 50 ms (20 UI updates per second), however fast the model is. A
// QObject + QRunnable like EvaluateJobRunner: exactly one of succeeded / failed / cancelled ends every
// job, a cancel is not a failure, and the job deletes itself (deleteLater) once run() is over.
#include <cstdint>
#include <stop_token>

#include <QMetaType>
#include <QObject>
#include <QRunnable>
#include <QString>

namespace qf::ui {

struct GenerateRequest {
    QString path;
    QString prompt;
    int maxTokens = 64;
    float temperature = 0.0f; // 0: greedy
    uint64_t seed = 0;
    unsigned threads = 0; // 0: all hardware threads
};

struct GenerateStats {
    int tokens = 0;
    double tokensPerSecond = 0.0;
    double promptTokensPerSecond = 0.0;
};

class GenerateJobRunner : public QObject, public QRunnable {
    Q_OBJECT

public:
    GenerateJobRunner(quint64 jobId, GenerateRequest request, QObject* parent = nullptr);

    quint64 jobId() const { return m_jobId; }
    const GenerateRequest& request() const { return m_request; }

    void run() override;
    // Thread-safe; a running generation stops after the token it is on.
    void cancel();

signals:
    // Before the first token, while a Hugging Face folder is converted to F16 in the cache (hf_cache.h).
    void preparing(quint64 jobId, const QString& stage);
    // Text generated since the last report, whole UTF-8 characters only.
    void textGenerated(quint64 jobId, const QString& text, int tokensSoFar);
    void succeeded(quint64 jobId, const qf::ui::GenerateStats& stats);
    void failed(quint64 jobId, const QString& message);
    void cancelled(quint64 jobId);

private:
    void report();

    const quint64 m_jobId;
    const GenerateRequest m_request;
    std::stop_source m_stop;
};

} // namespace qf::ui

Q_DECLARE_METATYPE(qf::ui::GenerateStats)
