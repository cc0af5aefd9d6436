#include "jobs/lora_merge_job.h"

#include <exception>
#include <memory>

#include <QElapsedTimer>

#include "qf/hf/hf_tensor_source.h"
#include "qf/hf/lora_adapter.h"
#include "qf/hf/lora_merge_write.h"
#include "qf/quant/preset.h"

namespace qf::ui {

namespace {
constexpr qint64 kProgressIntervalMs = 100;

std::filesystem::path toPath(const QString& path) {
    return std::filesystem::path(path.toStdU16String());
}
} // namespace

LoraMergeJob::LoraMergeJob(LoraMergeRequest request, std::stop_token stop, QObject* parent)
    : QObject(parent), m_request(std::move(request)), m_stop(std::move(stop)) {
    setAutoDelete(false); // deleted on the owner's thread, see run()
}

void LoraMergeJob::run() {
    emit started();
    merge();
    deleteLater();
}

void LoraMergeJob::merge() {
    if (m_stop.stop_requested()) {
        emit cancelled();
        return;
    }
    try {
        const LoadedModel& model = *m_request.base;
        std::unique_ptr<quant::TensorSource> base;
        std::filesystem::path adapterBase;
        if (model.isHfFolder()) {
            base = std::make_unique<hf::HfTensorSource>(*model.hf);
            adapterBase = model.hf->folder();
        } else {
            base = std::make_unique<quant::GgufTensorSource>(*model.file);
        }
        if (!m_request.adapterBase.isEmpty()) adapterBase = toPath(m_request.adapterBase);
        auto updates = hf::loadLoraUpdates(toPath(m_request.adapter), adapterBase);
        if (!updates) {
            emit failed(QString::fromStdString(updates.error().message), false,
                        updates.error().kind == ErrorKind::NeedsBaseFolder);
            return;
        }
        hf::MergeOptions options;
        options.dequantize = m_request.dequantize;
        auto source = hf::LoraMergeSource::create(*base, std::move(*updates), options);
        if (!source) {
            emit failed(QString::fromStdString(source.error().message),
                        source.error().kind == ErrorKind::NeedsDequantize, false);
            return;
        }
        hf::MergeWriteParams params;
        for (const QString& name : m_request.presets) {
            const quant::Preset* preset = quant::findPreset(name.toStdString());
            if (!preset) {
                emit failed(tr("Unknown preset %1").arg(name), false, false);
                return;
            }
            params.presets.push_back(preset);
        }
        for (const QString& out : m_request.outputs)
            params.outputs.push_back(toPath(out));
        params.threads = m_request.threads;
        params.overwrite = m_request.overwrite;
        QElapsedTimer sinceReport;
        sinceReport.start();
        bool first = true;
        auto progress = [&](const Progress& p) {
            if (!first && sinceReport.elapsed() < kProgressIntervalMs) return;
            first = false;
            sinceReport.restart();
            emit progressed(p.fraction(), QString::fromStdString(p.stage));
        };
        auto written = hf::writeMerged(**source, params, progress, m_stop);
        if (!written) {
            if (isCancelled(written.error()))
                emit cancelled();
            else
                emit failed(QString::fromStdString(written.error().message), false, false);
            return;
        }
        QStringList paths;
        for (const auto& f : written->files)
            paths << QString::fromStdU16String(f.u16string());
        emit succeeded(paths, int((*source)->mergedCount()), int((*source)->widenedCount()));
    } catch (const std::exception& e) {
        emit failed(tr("Unexpected error while merging: %1").arg(QString::fromLocal8Bit(e.what())), false,
                    false);
    }
}

} // namespace qf::ui
