#include "jobs/quantize_job_runner.h"

#include <exception>
#include <optional>

#include <QElapsedTimer>
#include <QStringList>

#include "format.h"
#include "jobs/throughput_meter.h"
#include "qf/hf/hf_tensor_source.h"
#include "qf/mix/mix_plan.h"
#include "qf/quant/plan.h"
#include "qf/quant/quant_lock.h"
#include "qf/quant/quantize_job.h"

namespace qf::ui {

QuantizeJobRunner::QuantizeJobRunner(quint64 jobId, QuantizeRequest request, QObject* parent)
    : QObject(parent), m_jobId(jobId), m_request(std::move(request)) {
    // Not deleted by the pool on its worker thread: the QObject lives on the owner's thread, see run().
    setAutoDelete(false);
}

QString QuantizeJobRunner::checkingStage() {
    return tr("Checking the source (sha256 for the reproducibility record)");
}

void QuantizeJobRunner::cancel() {
    m_stop.request_stop();
}

void QuantizeJobRunner::run() {
    report();
    // The last use of `this` on the worker: the owner's thread deletes the job after the reports queued
    // above have been delivered.
    deleteLater();
}

void QuantizeJobRunner::report() {
    if (m_stop.stop_requested()) {
        emit cancelled(m_jobId);
        return;
    }
    emit started(m_jobId);
    try {
        quant::PlanOptions options;
        options.imatrix = m_request.imatrix.get();
        std::optional<hf::HfTensorSource> hfSource;
        std::optional<quant::GgufTensorSource> fileSource;
        if (m_request.hf)
            hfSource.emplace(*m_request.hf);
        else
            fileSource.emplace(*m_request.source);
        const quant::TensorSource& source =
            hfSource ? static_cast<const quant::TensorSource&>(*hfSource) : *fileSource;
        quant::QuantizeParams params;
        params.source = m_request.hf ? nullptr : m_request.source.get();
        params.tensorSource = hfSource ? &*hfSource : nullptr;
        params.threads = m_request.threads;
        QElapsedTimer clock;
        clock.start();
        // The reproducibility record: the source is hashed by the quantize job while it reads the tensors (one
        // pass over the files), the imatrix here. The digests go into the lock only: the sizes the page showed
        // (planned without them) stay exact.
        const std::filesystem::path sourcePath = m_request.hf ? m_request.hf->folder() : m_request.source->path();
        std::optional<quant::FileDigest> imatrixDigest;
        // An imatrix computed in the app and never saved has no file to name: no lock then.
        const bool writeLock = m_request.writeLock && !(m_request.imatrix && m_request.imatrix->sourcePath.empty());
        qint64 lastEmitMs = -1;
        constexpr qint64 kMinIntervalMs = 1000 / kMaxProgressPerSecond;
        if (writeLock) {
            auto files = quant::sourceFilesOf(sourcePath);
            Status ready = files ? Status{} : Status(files.error());
            if (ready && m_request.imatrix) {
                auto im = quant::digestFiles({m_request.imatrix->sourcePath},
                                             m_request.imatrix->sourcePath.parent_path());
                if (im) imatrixDigest = std::move(*im);
                else ready = im.error();
            }
            if (!ready) {
                emit failed(m_jobId, QString::fromStdString(ready.error().message));
                return;
            }
            params.hashSource = std::move(*files);
        }
        QStringList names;
        for (const QuantizeTarget& target : m_request.targets) {
            if (target.mix) {
                auto plan = planMixTarget(*target.mix, clock);
                if (!plan) {
                    if (isCancelled(plan.error()))
                        emit cancelled(m_jobId);
                    else
                        emit failed(m_jobId, tr("Custom mix: %1").arg(QString::fromStdString(plan.error().message)));
                    return;
                }
                params.outputs.push_back({std::move(plan).value(), target.path.toStdU16String(), m_request.split});
                names << tr("Custom mix");
                continue;
            }
            names << toQString(target.preset->name);
            auto plan = quant::makeQuantPlan(source.metadata(), source.tensors(), *target.preset, options);
            if (!plan) {
                emit failed(m_jobId, tr("%1: %2").arg(toQString(target.preset->name),
                                                      QString::fromStdString(plan.error().message)));
                return;
            }
            params.outputs.push_back({std::move(plan).value(), target.path.toStdU16String(), m_request.split});
        }

        ThroughputMeter meter;
        auto onProgress = [&](const Progress& progress) {
            const qint64 nowMs = clock.elapsed();
            meter.addSample(double(nowMs) / 1000.0, progress.done);
            if (lastEmitMs >= 0 && nowMs - lastEmitMs < kMinIntervalMs) return;
            lastEmitMs = nowMs;
            JobProgress report;
            report.done = progress.done;
            report.total = progress.total;
            report.stage = progress.stage == quant::kHashingSourceStage ? checkingStage()
                                                                        : QString::fromStdString(progress.stage);
            report.elapsedSeconds = double(nowMs) / 1000.0;
            report.bytesPerSecond = meter.rate();
            if (const auto left = meter.secondsLeft(progress.total)) report.secondsLeft = *left;
            emit progressed(m_jobId, report);
        };

        auto result = quant::quantize(params, onProgress, m_stop.get_token());
        if (!result) {
            if (isCancelled(result.error()))
                emit cancelled(m_jobId);
            else
                emit failed(m_jobId, QString::fromStdString(result.error().message));
            return;
        }
        for (size_t i = 0; i < result->files.size(); ++i) {
            if (!writeLock || m_request.targets[i].mix) {
                // A lock left by an earlier run describes another file now.
                std::error_code ec;
                std::filesystem::remove(quant::lockPathFor(result->files[i].path), ec);
                continue;
            }
            const auto lockPath = quant::lockPathFor(result->files[i].path);
            auto lock = quant::makeLock(params.outputs[i].plan, lockPath, sourcePath, *result->sourceDigest, imatrixDigest,
                                        m_request.split, result->files[i].shards);
            Status saved = lock ? quant::saveLock(*lock, lockPath) : Status(lock.error());
            if (!saved) {
                emit failed(m_jobId, tr("The files were written, but not the reproducibility record: %1")
                                         .arg(QString::fromStdString(saved.error().message)));
                return;
            }
        }
        QList<ProducedFile> files;
        for (size_t i = 0; i < result->files.size(); ++i) {
            const auto& file = result->files[i];
            files.append({names.value(int(i)),
                          QString::fromStdU16String(file.path.u16string()), file.bytes});
        }
        emit succeeded(m_jobId, files, result->seconds);
    } catch (const std::exception& e) {
        // Nothing may escape a pool thread; running out of memory on a huge tensor is still an error.
        emit failed(m_jobId,
                    tr("Unexpected error while quantizing: %1").arg(QString::fromLocal8Bit(e.what())));
    }
}

Result<quant::QuantPlan> QuantizeJobRunner::planMixTarget(const MixTarget& target, const QElapsedTimer& clock) {
    if (!m_request.source) return makeError("a custom mix is made from a GGUF file; convert this folder first");
    ThroughputMeter meter;
    qint64 lastEmitMs = -1;
    auto onProgress = [&](const Progress& progress) {
        const qint64 nowMs = clock.elapsed();
        meter.addSample(double(nowMs) / 1000.0, progress.done);
        if (lastEmitMs >= 0 && nowMs - lastEmitMs < 1000 / kMaxProgressPerSecond) return;
        lastEmitMs = nowMs;
        JobProgress report;
        report.inBytes = false;
        report.done = progress.done;
        report.total = progress.total;
        report.stage = tr("Measuring sensitivity: %1").arg(QString::fromStdString(progress.stage));
        report.elapsedSeconds = double(nowMs) / 1000.0;
        if (const auto left = meter.secondsLeft(progress.total)) report.secondsLeft = *left;
        emit progressed(m_jobId, report);
    };
    MixSettings settings = target.settings;
    if (!settings.threads) settings.threads = m_request.threads;
    auto table = mixSensitivity(settings, m_request.imatrix.get(), false, onProgress, m_stop.get_token());
    if (!table) return table.error();
    mix::MixRequest request;
    request.budgetBytes = target.budget;
    request.imatrix = m_request.imatrix.get();
    auto planned = mix::planMix(m_request.source->metadata(), m_request.source->tensors(), *table, request);
    if (!planned) return planned.error();
    return std::move(planned->plan);
}

} // namespace qf::ui
