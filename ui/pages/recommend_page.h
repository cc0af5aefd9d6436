#pragma once
// The Recommend page, the first thing a person sees after dropping a model: which preset to make for this
// machine (or another one), and why. The machine card (detected, editable, profiles), the context length
// and the KV-cache type decide the table of every preset - exact size, memory needed, fit, quality, speed -
// with the recommended row highlighted and explained. "Produce Selected" hands the checked presets to the
// Produce page (produceRequested).
//
// Planning the presets runs off the UI thread once per model; evaluating them for a machine and a context
// is arithmetic and happens at once, so every control updates the table immediately.
#include <vector>

#include <QStringList>

#include <QPointer>

#include "jobs/hardware_detect_job.h"
#include "jobs/mix_predict_job.h"
#include "jobs/recommend_plan_job.h"
#include "pages/source_page.h"
#include "qf/recommend/recommendation.h"

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSlider;
class QTableView;
class QThreadPool;

namespace qf::ui {

class MachineCardWidget;
class RecommendTableModel;


class RecommendPage : public SourcePage {
    Q_OBJECT

public:
    // `taskPool` runs hardware detection and planning; it belongs to the window and outlives the jobs.
    // With `detectHardware` false the page waits for setDetectedHardware() (tests).
    explicit RecommendPage(QThreadPool* taskPool, bool detectHardware = true, QWidget* parent = nullptr);
    ~RecommendPage() override;

    QString title() const override;
    void setEntry(const ModelEntry& entry) override;

    void setDetectedHardware(const HardwareInfoPtr& hardware);
    // Plans for `machine` instead of this one (the card then shows "Custom").
    void setMachine(const recommend::Machine& machine);
    const recommend::Machine& machine() const;
    MachineCardWidget* machineCard() const { return m_machineCard; }

    // Tokens; the slider shows the nearest step.
    void setContext(quint64 tokens);
    quint64 context() const { return m_context; }
    void setKvType(GgmlType type);
    GgmlType kvType() const { return m_kvType; }
    // This model's measured quality (e.g. read from the evaluation sidecars of its produced quants).
    void setMeasuredQuality(std::vector<recommend::MeasuredQuality> measured);

    RecommendTableModel* tableModel() const { return m_table; }
    // "Recommended: Q6_K, on the CPU", translated.
    static QString headlineFor(const recommend::RecommendResult& result);
    // The current result; nullptr while planning or without a model.
    const recommend::RecommendResult* result() const;
    QStringList selectedPresets() const;

    // The custom mix (issue 16). Its budget follows the machine and the context until a person edits it.
    void setMixBudget(quint64 bytes);
    quint64 mixBudget() const { return m_mixBudget; }
    void resetMixBudget(); // back to what fits this machine
    // How the sensitivity is measured (tests choose few short chunks); the model path is filled in.
    void setMixSettings(const MixSettings& settings);
    // Measures the sensitivity now (the Measure button); the prediction appears when it is done.
    void measureMixSensitivity();
    bool isMeasuringMix() const { return m_mixMeasuring; }
    const MixPrediction* mixPrediction() const { return m_mixPrediction.get(); }
    // Every preset planned for the shown model; nullptr while planning.
    const recommend::PlannedModel* plannedModel() const { return m_planned.get(); }

signals:
    // "Produce Selected": the checked presets, by name (as quant::allPresets() spells them); may be empty
    // when only the custom mix is checked (then produceMixRequested came first).
    void produceRequested(const QStringList& presets);
    // "Produce Selected" with the custom mix checked: its budget and settings.
    void produceMixRequested(quint64 budget, const qf::ui::MixSettings& settings);
    // The custom mix's predicted KLD over budgets for the shown model (file bytes, KLD); empty when there
    // is no prediction (nothing measured, another model).
    void mixCurveChanged(const std::vector<std::pair<quint64, double>>& curve);

private:
    void startPlanning();
    void onPlanned(quint64 generation, const PlannedModelPtr& model);
    void onPlanFailed(quint64 generation, const QString& message);
    void recompute();
    void showRecommendation();
    void updateContextLabel();
    void updateProduceButton();
    QWidget* createSettingsRow();
    QWidget* createMixRow();
    // The mix's budget for the current machine and context, then its prediction (from the table it has,
    // else from the cache).
    void updateMix();
    void startMixJob(MixPredictJob::Mode mode);
    void onMixPredicted(quint64 generation, const MixPredictionPtr& prediction);
    void onMixEnded(quint64 generation, const QString& status, const QStringList& shorterStatus);
    void publishMixRow();

    QThreadPool* m_taskPool;
    LoadedModelPtr m_file; // a GGUF file or a Hugging Face folder
    QString m_fileName;
    PlannedModelPtr m_planned;
    quint64 m_generation = 0;
    quint64 m_context = 4096;
    bool m_contextChosen = false; // by the person: kept when another model is shown
    GgmlType m_kvType = GgmlType::F16;
    std::vector<recommend::MeasuredQuality> m_measured;
    bool m_checksEdited = false; // by the person since the model was shown

    MachineCardWidget* m_machineCard;
    QSlider* m_contextSlider;
    QLabel* m_contextLabel;
    QComboBox* m_kvCombo;
    QLabel* m_status;
    QLabel* m_headline;
    QLabel* m_explanation;
    QLabel* m_warnings;
    QLabel* m_suggestions;
    QTableView* m_view;
    RecommendTableModel* m_table;
    QPushButton* m_produceButton;

    // The custom mix.
    MixSettings m_mixSettings;
    quint64 m_mixBudget = 0;
    bool m_mixBudgetEdited = false;
    recommend::Fit m_mixBudgetFit = recommend::Fit::DoesNotFit;
    bool m_mixCapped = false;
    SensitivityTablePtr m_mixTable;
    MixPredictionPtr m_mixPrediction;
    bool m_mixCacheTried = false; // for the shown model
    bool m_mixMeasuring = false;
    quint64 m_mixGeneration = 0;
    QPointer<MixPredictJob> m_mixJob;
    QString m_mixStatus;
    QStringList m_mixShorterStatus; // for a narrow column; the tooltip has m_mixStatus
    QDoubleSpinBox* m_mixBudgetSpin;
    QPushButton* m_mixMeasureButton;
    QPushButton* m_mixResetButton;
};

} // namespace qf::ui
