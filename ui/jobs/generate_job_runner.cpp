#include "jobs/generate_job_runner.h"

#include <exception>
#include <filesystem>
#include <string>
#include <utility>

#include <QElapsedTimer>
#include <QFileInfo>

#include "hf_cache.h"
#include "qf/eval/generation.h"
#include "qf/eval/llama_model.h"
#include "qf/job.h"

namespace qf::ui {

namespace {

constexpr qint64 kMinReportIntervalMs = 50; // at most 20 UI updates per second per pane

} // namespace

GenerateJobRunner::GenerateJobRunner(quint64 jobId, GenerateRequest request, QObject* parent)
    : QObject(parent), m_jobId(jobId), m_request(std::move(request)) {
    setAutoDelete(false); // deleted on the owner's thread, see run()
}

void GenerateJobRunner::cancel() {
    m_stop.request_stop();
}

void GenerateJobRunner::run() {
    report();
    deleteLater();
}

void GenerateJobRunner::report() {
    if (m_stop.stop_requested()) {
        emit cancelled(m_jobId);
        return;
    }
    const QString name = QFileInfo(m_request.path).fileName();
    try {
        QString modelPath = m_request.path;
        if (isHfFolderPath(modelPath)) {
            // The engine reads GGUF: a Hugging Face folder is converted to F16 in the cache first (once).
            bool announced = false; // only when it is converted now, not when the cached file is reused
            auto converted = convertedModelFor(
                modelPath,
                [&](const Progress&) {
                    if (!std::exchange(announced, true)) emit preparing(m_jobId, conversionStage(modelPath));
                },
                m_stop.get_token());
            if (!converted) {
                if (isCancelled(converted.error()))
                    emit cancelled(m_jobId);
                else
                    emit failed(m_jobId,
                                tr("%1: %2").arg(name, QString::fromStdString(converted.error().message)));
                return;
            }
            modelPath = QString::fromStdU16String(converted->u16string());
        }
        auto model = eval::LlamaModel::open(std::filesystem::path(modelPath.toStdU16String()));
        if (!model) {
            emit failed(m_jobId, tr("%1: %2").arg(name, QString::fromStdString(model.error().message)));
            return;
        }
        eval::GenerationParams params;
        params.maxTokens = m_request.maxTokens;
        params.sampling.temperature = m_request.temperature;
        params.sampling.seed = m_request.seed;
        params.threads = m_request.threads;

        std::string pending; // whole UTF-8 characters not yet sent
        int tokens = 0;
        QElapsedTimer sinceReport;
        sinceReport.start();
        auto flush = [&] {
            if (pending.empty()) return;
            emit textGenerated(m_jobId, QString::fromStdString(pending), tokens);
            pending.clear();
            sinceReport.restart();
        };
        auto onToken = [&](eval::Token, std::string_view piece) {
            ++tokens;
            pending.append(piece);
            if (sinceReport.elapsed() >= kMinReportIntervalMs) flush();
            return true;
        };
        auto result =
            eval::generate(**model, m_request.prompt.toStdString(), params, onToken, m_stop.get_token());
        if (!result) {
            if (isCancelled(result.error())) {
                emit cancelled(m_jobId);
            } else {
                emit failed(m_jobId, tr("%1: %2").arg(name, QString::fromStdString(result.error().message)));
            }
            return;
        }
        flush();
        GenerateStats stats;
        stats.tokens = int(result->tokens.size());
        stats.tokensPerSecond = result->generationTokensPerSecond;
        stats.promptTokensPerSecond = result->promptTokensPerSecond;
        emit succeeded(m_jobId, stats);
    } catch (const std::exception& e) {
        emit failed(m_jobId,
                    tr("Unexpected error while generating: %1").arg(QString::fromLocal8Bit(e.what())));
    }
}

} // namespace qf::ui
