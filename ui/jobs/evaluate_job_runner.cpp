#include "jobs/evaluate_job_runner.h"

#include <algorithm>
#include <exception>
#include <filesystem>
#include <optional>

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>

#include "hf_cache.h"
#include "qf/eval/generation.h"
#include "qf/eval/kld.h"
#include "qf/eval/llama_model.h"
#include "qf/eval/perplexity.h"

namespace qf::ui {

namespace {

constexpr qint64 kMinProgressIntervalMs = 100;

std::filesystem::path toPath(const QString& path) {
    return std::filesystem::path(path.toStdU16String());
}

constexpr int kGenerationTokens = 32;
constexpr size_t kPromptBytes = 400;

// The first ~kPromptBytes of the text, cut at a character boundary.
std::string_view promptOf(std::string_view text) {
    size_t n = std::min(text.size(), kPromptBytes);
    while (n > 0 && n < text.size() && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80)
        --n;
    return text.substr(0, n);
}

bool folderIsWritable(const QString& file) {
    return QFileInfo(QFileInfo(file).absolutePath()).isWritable();
}

} // namespace

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

void EvaluateJobRunner::report() {
    if (m_stop.stop_requested()) {
        emit cancelled(m_jobId);
        return;
    }
    emit started(m_jobId);
    try {
        QElapsedTimer clock;
        clock.start();
        const std::string_view text = *m_request.text;
        const int quantCount = int(m_request.quantPaths.size());
        // A Hugging Face folder as the source is converted to F16 in the cache first (once).
        const bool convertSource = isHfFolderPath(m_request.sourcePath);
        // Steps of equal weight: the conversion (when needed), the source's perplexity, its base cache (when
        // there are quants), then a perplexity and a KL divergence pass per quant.
        const int steps = (convertSource ? 1 : 0) + 1 + (quantCount > 0 ? 1 : 0) + 2 * quantCount;
        int step = 0;
        qint64 lastEmitMs = -1;
        auto progressFor = [&](const QString& what) {
            return [&, what](const Progress& p) {
                const qint64 now = clock.elapsed();
                if (lastEmitMs >= 0 && now - lastEmitMs < kMinProgressIntervalMs && p.done != p.total) return;
                lastEmitMs = now;
                EvaluationProgress report;
                report.fraction = (double(step) + p.fraction()) / double(steps);
                report.stage = p.total ? tr("%1 (%2/%3)").arg(what).arg(p.done).arg(p.total) : what;
                emit progressed(m_jobId, report);
            };
        };
        auto failWith = [&](const QString& file, const Error& error) {
            if (isCancelled(error))
                emit cancelled(m_jobId);
            else
                emit failed(m_jobId, tr("%1: %2").arg(file, QString::fromStdString(error.message)));
        };
        auto baseEvaluation = [&](const QString& path, const eval::PerplexityResult& ppl) {
            eval::StoredEvaluation e;
            e.key = m_request.key;
            e.textName = m_request.textName.toStdString();
            e.fileBytes = uint64_t(QFileInfo(path).size());
            e.chunks = ppl.chunks;
            e.perplexity = ppl.perplexity;
            e.perplexityError = ppl.error;
            e.tokensPerSecond = ppl.tokensPerSecond;
            e.measuredAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString();
            return e;
        };
        auto store = [&](const QString& path, const eval::StoredEvaluation& e) {
            const Status stored = eval::storeEvaluation(toPath(path), e);
            emit fileEvaluated(m_jobId, path, e,
                               stored ? QString() : QString::fromStdString(stored.error().message));
        };

        eval::PerplexityParams pplParams;
        pplParams.context = m_request.key.context;
        pplParams.maxChunks = m_request.key.chunkLimit;
        pplParams.threads = m_request.threads;

        // Generation speed: kGenerationTokens tokens, one at a time, after the start of the text (a prompt
        // of about a hundred tokens), greedy. Short, so it adds seconds, not minutes, to a large model's run.
        const std::string_view prompt = promptOf(text);
        auto generationSpeed = [&](const eval::LlamaModel& model,
                                   const QString& name) -> std::optional<Result<double>> {
            emit progressed(m_jobId, EvaluationProgress{double(step) / double(steps),
                                                        tr("Generation speed of %1").arg(name)});
            eval::GenerationParams params;
            params.maxTokens = kGenerationTokens;
            params.context = pplParams.context;
            params.threads = pplParams.threads;
            auto generated = eval::generate(model, prompt, params, {}, m_stop.get_token());
            if (!generated) return Result<double>(generated.error());
            if (generated->tokens.empty()) return std::nullopt; // ended at once: nothing to time
            return Result<double>(generated->generationTokensPerSecond);
        };

        const QString sourceName = QFileInfo(m_request.sourcePath).fileName();
        QString sourceModel = m_request.sourcePath; // results are still stored beside the folder
        if (convertSource) {
            const QString stage = conversionStage(m_request.sourcePath);
            auto converted = convertedModelFor(
                m_request.sourcePath,
                [&](const Progress& p) {
                    emit progressed(m_jobId, EvaluationProgress{p.fraction() / double(steps), stage});
                },
                m_stop.get_token());
            if (!converted) return failWith(sourceName, converted.error());
            sourceModel = QString::fromStdU16String(converted->u16string());
            ++step;
        }
        auto source = eval::LlamaModel::open(toPath(sourceModel));
        if (!source) return failWith(sourceName, source.error());
        auto sourcePpl =
            eval::computePerplexity(**source, text, pplParams,
                                    progressFor(tr("Perplexity of %1").arg(sourceName)), m_stop.get_token());
        if (!sourcePpl) return failWith(sourceName, sourcePpl.error());
        eval::StoredEvaluation sourceEvaluation = baseEvaluation(m_request.sourcePath, *sourcePpl);
        if (auto speed = generationSpeed(**source, sourceName)) {
            if (!*speed) return failWith(sourceName, speed->error());
            sourceEvaluation.generationTokensPerSecond = **speed;
        }
        store(m_request.sourcePath, sourceEvaluation);
        ++step;
        if (quantCount == 0) {
            emit succeeded(m_jobId, double(clock.elapsed()) / 1000.0);
            return;
        }

        eval::KldParams kldParams;
        kldParams.context = pplParams.context;
        kldParams.maxChunks = pplParams.maxChunks;
        kldParams.threads = pplParams.threads;
        if (!folderIsWritable(m_request.sourcePath) && !m_request.kldCacheFolder.isEmpty()) {
            QDir().mkpath(m_request.kldCacheFolder);
            kldParams.cacheFolder = toPath(m_request.kldCacheFolder);
        }
        auto cache = eval::prepareBaseCache(**source, text, kldParams,
                                            progressFor(tr("Reference outputs of %1").arg(sourceName)),
                                            m_stop.get_token());
        if (!cache) return failWith(sourceName, cache.error());
        ++step;

        for (const QString& path : m_request.quantPaths) {
            const QString name = QFileInfo(path).fileName();
            auto quant = eval::LlamaModel::open(toPath(path));
            if (!quant) return failWith(name, quant.error());
            auto ppl = eval::computePerplexity(
                **quant, text, pplParams, progressFor(tr("Perplexity of %1").arg(name)), m_stop.get_token());
            if (!ppl) return failWith(name, ppl.error());
            auto speed = generationSpeed(**quant, name);
            if (speed && !*speed) return failWith(name, speed->error());
            ++step;
            auto kld = eval::computeKld(**quant, **source, text, kldParams,
                                        progressFor(tr("KL divergence of %1").arg(name)), m_stop.get_token());
            if (!kld) return failWith(name, kld.error());
            ++step;
            eval::StoredEvaluation e = baseEvaluation(path, *ppl);
            e.baseFile = sourceName.toStdString();
            e.meanKld = kld->summary.meanKld.value;
            e.meanKldError = kld->summary.meanKld.error;
            e.sameTop = kld->summary.sameTop.value;
            e.sameTopError = kld->summary.sameTop.error;
            if (speed) e.generationTokensPerSecond = **speed;
            store(path, e);
        }
        emit succeeded(m_jobId, double(clock.elapsed()) / 1000.0);
    } catch (const std::exception& e) {
        emit failed(m_jobId,
                    tr("Unexpected error while evaluating: %1").arg(QString::fromLocal8Bit(e.what())));
    }
}

} // namespace qf::ui
