#pragma once
// The Recommend page's custom mix, off the UI thread: the sensitivity table (read from the cache, or
// measured when asked), then the solver for one budget. A budget change re-solves from the table it
// already has. QObject + QRunnable on the window's task pool, deleted on the owner's thread.
#include <memory>
#include <stop_token>

#include <QMetaType>
#include <QObject>
#include <QRunnable>
#include <QString>

#include "jobs/mix_settings.h"
#include "models/loaded_model.h"
#include "qf/mix/mix_plan.h"

namespace qf::ui {

using SensitivityTablePtr = std::shared_ptr<const mix::SensitivityTable>;

struct MixPrediction {
    SensitivityTablePtr table;
    quint64 budget = 0;
    std::shared_ptr<const quant::QuantPlan> plan; // the mix for `budget`; its fileBytes are exact
    double predictedKld = 0.0;
    // The predicted KLD over budgets from the smallest mix to every tensor at its largest type (the
    // solver's front, for the size-quality chart beside the presets' points).
    std::vector<mix::CurvePoint> curve;
};
using MixPredictionPtr = std::shared_ptr<const MixPrediction>;

class MixPredictJob : public QObject, public QRunnable {
    Q_OBJECT

public:
    enum class Mode { CacheOnly, Measure };
    // `table`: solve with it (no measurement); else read the cache or measure as `mode` says.
    MixPredictJob(quint64 generation, LoadedModelPtr model, MixSettings settings, quint64 budget, Mode mode,
                  SensitivityTablePtr table = {}, QObject* parent = nullptr);
    void run() override;
    void cancel() { m_stop.request_stop(); }

signals:
    void progressed(quint64 generation, double fraction, const QString& stage);
    void finished(quint64 generation, const qf::ui::MixPredictionPtr& prediction);
    // Only with Mode::CacheOnly: nothing is cached for these settings.
    void notCached(quint64 generation);
    void failed(quint64 generation, const QString& message);
    void cancelled(quint64 generation);

private:
    void report();

    const quint64 m_generation;
    const LoadedModelPtr m_model;
    const MixSettings m_settings;
    const quint64 m_budget;
    const Mode m_mode;
    SensitivityTablePtr m_table;
    std::stop_source m_stop;
};

} // namespace qf::ui

Q_DECLARE_METATYPE(qf::ui::MixPredictionPtr)
