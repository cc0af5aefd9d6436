#include "jobs/imatrix_compute_job.h"

#include <algorithm>
#include <exception>
#include <filesystem>

#include <QLocale>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>

#include "hf_cache.h"
#include "qf/eval/imatrix_compute.h"
#include "qf/eval/llama_model.h"

namespace qf::ui {

namespace {

constexpr qint64 kMinProgressIntervalMs = 100;

std::filesystem::path toPath(const QString& path) {
    return std::filesystem::path(path.toStdU16String());
}

} // namespace

ImatrixComputeJob::ImatrixComputeJob(quint64 generation, ImatrixComputeRequest request, QObject* parent)
    : QObject(parent), m_generation(generation), m_request(std::move(request)) {
    setAutoDelete(false); // deleted on the owner's thread, see run()
}

void ImatrixComputeJob::cancel() {
    m_stop.request_stop();
}

void ImatrixComputeJob::run() {
    report();
    deleteLater();
}

void ImatrixComputeJob::report() {
    if (m_stop.stop_requested()) {
        emit cancelled(m_generation);
        return;
    }
    try {
        const QString textName = QFileInfo(m_request.textPath).fileName();
        auto fail = [&](const Error& error) {
            if (isCancelled(error))
                emit cancelled(m_generation);
            else
                emit failed(m_generation, QString::fromStdString(error.message));
        };
        auto text = eval::readCalibrationText(toPath(m_request.textPath));
        if (!text) return fail(text.error());
        QString modelPath = m_request.modelPath;
        if (isHfFolderPath(modelPath)) {
            // The engine reads GGUF: a Hugging Face folder is converted to F16 in the cache first (once).
            const QString stage = conversionStage(modelPath);
            auto converted = convertedModelFor(
                modelPath, [&](const Progress& p) { emit progressed(m_generation, p.fraction(), stage); },
                m_stop.get_token());
            if (!converted) return fail(converted.error());
            modelPath = QString::fromStdU16String(converted->u16string());
        }
        auto model = eval::LlamaModel::open(toPath(modelPath));
        if (!model) return fail(model.error());

        eval::ImatrixParams params;
        params.context = m_request.context;
        params.threads = m_request.threads;
        params.datasetName = textName.toStdString();
        int lastChunk = 0;
        double lastPerplexity = 0.0;
        params.onChunk = [&](int chunk, double perplexity) {
            lastChunk = chunk;
            lastPerplexity = perplexity;
        };
        QElapsedTimer clock;
        clock.start();
        qint64 lastEmitMs = -1;
        auto progress = [&](const Progress& p) {
            const qint64 now = clock.elapsed();
            if (lastEmitMs >= 0 && now - lastEmitMs < kMinProgressIntervalMs && p.done != p.total) return;
            lastEmitMs = now;
            const QString stage = lastChunk > 0 ? tr("chunk %1 of %2, perplexity %3")
                                                      .arg(lastChunk)
                                                      .arg(p.total / std::max<quint64>(1, m_request.context))
                                                      .arg(QLocale().toString(lastPerplexity, 'f', 2))
                                                : tr("reading %1").arg(textName);
            emit progressed(m_generation, p.fraction(), stage);
        };

        const QString modelFolder = QFileInfo(modelPath).absolutePath();
        std::filesystem::path cacheFolder;
        if (!QFileInfo(modelFolder).isWritable() && !m_request.cacheFolder.isEmpty()) {
            QDir().mkpath(m_request.cacheFolder);
            cacheFolder = toPath(m_request.cacheFolder);
        }
        auto result = eval::computeImatrixCached(**model, toPath(modelPath), *text, params, cacheFolder,
                                                 progress, m_stop.get_token());
        if (!result) return fail(result.error());
        auto imatrix = result->toImatrix(quant::ImatrixFormat::Gguf, params.datasetName);
        if (!imatrix) return fail(imatrix.error());

        ImatrixComputeSummary summary;
        summary.chunks = result->chunks;
        summary.perplexity = result->perplexity;
        summary.seconds = result->seconds;
        summary.fromCache = result->fromCache;
        // Saved for reuse (llama-quantize --imatrix) and so the quants name a real file as their imatrix.
        if (!m_request.outputPath.isEmpty()) {
            QDir().mkpath(QFileInfo(m_request.outputPath).absolutePath());
            const Status saved = quant::saveGgufImatrix(*imatrix, toPath(m_request.outputPath));
            if (!saved) return fail(saved.error());
            imatrix->sourcePath = toPath(m_request.outputPath);
            summary.savedPath = m_request.outputPath;
        }
        emit finished(m_generation, std::make_shared<const quant::Imatrix>(std::move(imatrix).value()),
                      summary);
    } catch (const std::exception& e) {
        emit failed(m_generation, tr("Unexpected error while computing the importance matrix: %1")
                                      .arg(QString::fromLocal8Bit(e.what())));
    }
}

} // namespace qf::ui
