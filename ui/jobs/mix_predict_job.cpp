#include "jobs/mix_predict_job.h"

#include <exception>

#include <QElapsedTimer>

namespace qf::ui {

MixPredictJob::MixPredictJob(quint64 generation, LoadedModelPtr model, MixSettings settings, quint64 budget,
                             Mode mode, SensitivityTablePtr table, QObject* parent)
    : QObject(parent), m_generation(generation), m_model(std::move(model)), m_settings(std::move(settings)),
      m_budget(budget), m_mode(mode), m_table(std::move(table)) {
    setAutoDelete(false);
}

void MixPredictJob::run() {
    try {
        report();
    } catch (const std::exception& e) {
        emit failed(m_generation, QString::fromLocal8Bit(e.what()));
    }
    deleteLater();
}

void MixPredictJob::report() {
    if (!m_model || !m_model->file) {
        emit failed(m_generation, tr("A custom mix is made from a GGUF file; convert this folder first."));
        return;
    }
    if (!m_table) {
        QElapsedTimer clock;
        clock.start();
        qint64 lastMs = -1000;
        auto onProgress = [&](const Progress& p) {
            if (clock.elapsed() - lastMs < 100) return;
            lastMs = clock.elapsed();
            emit progressed(m_generation, p.fraction(), QString::fromStdString(p.stage));
        };
        auto table = mixSensitivity(m_settings, nullptr, m_mode == Mode::CacheOnly, onProgress, m_stop.get_token());
        if (!table) {
            if (isCancelled(table.error())) emit cancelled(m_generation);
            else if (mix::isNotCached(table.error())) emit notCached(m_generation);
            else emit failed(m_generation, QString::fromStdString(table.error().message));
            return;
        }
        m_table = std::make_shared<const mix::SensitivityTable>(std::move(*table));
    }
    mix::MixRequest request;
    request.budgetBytes = m_budget;
    auto planned = mix::planMix(m_model->metadata(), m_model->tensors(), *m_table, request);
    if (!planned) {
        emit failed(m_generation, QString::fromStdString(planned.error().message));
        return;
    }
    auto prediction = std::make_shared<MixPrediction>();
    prediction->table = m_table;
    prediction->budget = m_budget;
    prediction->predictedKld = planned->predictedKld;
    constexpr int kCurvePoints = 24;
    prediction->curve = mix::predictedCurve(*planned, 0, kCurvePoints);
    prediction->plan = std::make_shared<const quant::QuantPlan>(std::move(planned->plan));
    emit finished(m_generation, prediction);
}

} // namespace qf::ui
