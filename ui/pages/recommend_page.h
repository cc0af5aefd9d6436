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

#include "jobs/hardware_detect_job.h"
#include "jobs/recommend_plan_job.h"
#include "pages/source_page.h"
#include "qf/recommend/recommendation.h"

class QComboBox;
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

signals:
    // "Produce Selected": the checked presets, by name (as quant::allPresets() spells them).
    void produceRequested(const QStringList& presets);

private:
    void startPlanning();
    void onPlanned(quint64 generation, const PlannedModelPtr& model);
    void onPlanFailed(quint64 generation, const QString& message);
    void recompute();
    void showRecommendation();
    void updateContextLabel();
    void updateProduceButton();
    QWidget* createSettingsRow();

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
};

} // namespace qf::ui
