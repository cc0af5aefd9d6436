#include "jobs/evaluate_job_runner.h"

#include <filesystem>

#include <QElapsedTimer>

#include "hf_cache.h"

namespace qf::ui {

namespace {

constexpr qint64 kMinProgressIntervalMs = 100;

std::filesystem::path toPath(const QString& path) {
    return std::filesystem::path(path.toStdU16String());
}

QString fromPath(const std::filesystem::path& path) {
    return QString::fromStdU16String(path.u16string());
}

} // namespace

QString EvaluateJobRunner::stageText(const QString& sourcePath, const eval::CampaignProgress& progress) {
    const QString file = QString::fromStdString(progress.file);
    QString what;
    switch (progress.stage) {
    case eval::CampaignStage::ConvertSource: return conversionStage(sourcePath);
    case eval::CampaignStage::Perplexity: what = tr("Perplexity of %1").arg(file); break;
    case eval::CampaignStage::GenerationSpeed: return tr("Generation speed of %1").arg(file);
    case eval::CampaignStage::ReferenceOutputs: what = tr("Reference outputs of %1").arg(file); break;
    case eval::CampaignStage::KlDivergence: what = tr("KL divergence of %1").arg(file); break;
    }
    return progress.total ? tr("%1 (%2/%3)").arg(what).arg(progress.done).arg(progress.total) : what;
}

EvaluateJobRunner::EvaluateJobRunner(quint64 jobId, EvaluateRequest request, QObject* parent)
    : QObject(parent), m_jobId(jobId), m_request(std::move(request)) {
    setAutoDelete(false); // deleted on the owner's thread, see run()
}

void EvaluateJobRunner::cancel() {
    m_stop.request_stop();
}

void EvaluateJobRunner::run() {
    report();
    deleteLater();
}

// The sequence itself is core's (eval::runEvaluationCampaign, shared with quantforge-cli); this runner
// turns its events into signals.
void EvaluateJobRunner::report() {
    if (m_stop.stop_requested()) {
        emit cancelled(m_jobId);
        return;
    }
    emit started(m_jobId);
    QElapsedTimer clock;
    clock.start();
    eval::CampaignParams params;
    params.source = toPath(m_request.sourcePath);
    for (const QString& path : m_request.quantPaths)
        params.quants.push_back(toPath(path));
    params.text = *m_request.text;
    params.textName = m_request.textName.toStdString();
    params.context = m_request.key.context;
    params.chunkLimit = m_request.key.chunkLimit;
    params.threads = m_request.threads;
    params.fallbackCacheFolder = toPath(m_request.kldCacheFolder);
    // A Hugging Face folder as the source is converted to F16 in the cache first (once); its results are
    // still stored beside the folder.
    if (isHfFolderPath(m_request.sourcePath)) {
        const QString folder = m_request.sourcePath;
        params.convertSource = [folder](const ProgressFn& progress, std::stop_token stop) {
            return convertedModelFor(folder, progress, std::move(stop));
        };
    }
    qint64 lastEmitMs = -1;
    eval::CampaignEvents events;
    events.onProgress = [&](const eval::CampaignProgress& p) {
        const qint64 now = clock.elapsed();
        if (lastEmitMs >= 0 && now - lastEmitMs < kMinProgressIntervalMs && p.done != p.total) return;
        lastEmitMs = now;
        emit progressed(m_jobId, EvaluationProgress{p.fraction, stageText(m_request.sourcePath, p)});
    };
    events.onFileEvaluated = [&](const std::filesystem::path& file, const eval::StoredEvaluation& e,
                                 const Status& stored) {
        emit fileEvaluated(m_jobId, fromPath(file), e,
                           stored ? QString() : QString::fromStdString(stored.error().message));
    };
    const Status status = eval::runEvaluationCampaign(params, events, m_stop.get_token());
    if (status)
        emit succeeded(m_jobId, double(clock.elapsed()) / 1000.0);
    else if (isCancelled(status.error()))
        emit cancelled(m_jobId);
    else
        emit failed(m_jobId, QString::fromStdString(status.error().message));
}

} // namespace qf::ui
