#pragma once
// The Produce page: choose presets (each with its exact file size, or the reason it cannot be made from
// this model), an importance matrix, the output folder and threads; Start (Ctrl+Enter) queues one job for
// all chosen presets, so the source is read once. The job queue below shows progress, throughput, time
// left and Cancel (Esc cancels the focused job); finished files are announced with filesProduced() for the
// model list. Sizes are planned off the UI thread; nothing here blocks the window.
#include <QStringList>

#include "app_settings.h"
#include "jobs/mix_settings.h"
#include "jobs/preset_plan_job.h"
#include "pages/source_page.h"
#include "widgets/imatrix_chooser.h"

class QAction;
class QCheckBox;
class QLabel;
class QThreadPool;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QDoubleSpinBox;
class QSplitter;
class QToolButton;
class QTreeView;

namespace qf::ui {

class JobQueueWidget;
class LoraMergePanel;
class PresetTableModel;

class ProducePage : public SourcePage {
    Q_OBJECT

public:
    // Where the importance matrix comes from (see ImatrixChooser).
    using ImatrixSource = ImatrixChooser::Source;

    // `taskPool` runs short reads (plans, the imatrix); `jobPool` runs the quantization jobs one after
    // another. Both belong to the window and outlive the page's jobs.
    ProducePage(AppSettings settings, QThreadPool* taskPool, QThreadPool* jobPool, QWidget* parent = nullptr);

    QString title() const override;
    void setEntry(const ModelEntry& entry) override;
    int activeJobCount() const override;
    void cancelAllJobs() override;

    // The custom mix to produce with the presets (from the Recommend page): shown checked with its budget.
    void setMixTarget(quint64 budget, const MixSettings& settings);
    void setMixChosen(bool chosen);
    bool isMixChosen() const;
    quint64 mixBudget() const { return m_mixBudget; }
    // Where the mix is written: "<model>-mix-<size>.gguf" in the output folder.
    QString mixOutputPath() const;

    // The presets to produce (names as in quant::allPresets()); e.g. from the Recommend page.
    void setChosenPresets(const QStringList& names);
    QStringList chosenPresets() const;
    void setImatrixSource(ImatrixSource source);
    // Chooses "From file" with this file and reads it in the background.
    void setImatrixFile(const QString& path);
    // Chooses "Compute from text" with this calibration text (plain or .zst) and computes in the background.
    void setCalibrationText(const QString& path);
    QString calibrationText() const;
    // Whether an importance matrix is being computed from text now.
    bool isComputingImatrix() const;
    // Stops a computation; the source stays "Compute from text" without a matrix.
    void cancelImatrixComputation();
    // Computes the importance matrix from the calibration text now (the Compute button).
    void computeImatrix();
    // Empty: beside the source.
    void setOutputDirectory(const QString& directory);
    // The folder new files go to for the shown model.
    QString outputDirectory() const;
    void setThreads(int threads);

    bool canStart() const;
    // Queues a job for the chosen presets. False when it cannot start (the reason is shown on the page) or
    // the person declined to replace existing files.
    bool start();

    PresetTableModel* presetModel() const { return m_presets; }
    JobQueueWidget* jobQueue() const { return m_queue; }
    // "Apply a LoRA adapter…": merges an adapter into the shown model (optionally into the chosen presets).
    LoraMergePanel* loraMergePanel() const { return m_loraPanel; }

protected:
    void showEvent(QShowEvent* event) override;

signals:
    void filesProduced(quint64 sourceEntryId, const QStringList& paths);
    void activeJobCountChanged(int count);

private:
    QWidget* createOptions();
    void replan();
    void onPlansReady(quint64 generation, const PresetPlanSummaries& summaries);
    void onImatrixChanged();
    void browseOutputDirectory();
    void updateOutputDirectoryField();
    void updateNotice();
    void updateStartState();
    void offerImatrixFromText();
    // Why Start is not possible now; empty when it is.
    QString blockingReason() const;
    QString sourceFolder() const;
    // Where `presetName` would be written for the shown model.
    QString outputPathFor(const QString& presetName) const;

    AppSettings m_settings;
    QThreadPool* m_taskPool;

    // The shown model.
    quint64 m_entryId = 0;
    QString m_entryPath;
    LoadedModelPtr m_model;

    quint64 m_planGeneration = 0;
    ImatrixPtr m_plannedImatrix;     // the one the shown sizes were planned with
    QString m_customOutputDirectory; // empty: beside the source

    QLabel* m_noticeTitle;
    QLabel* m_noticeText;
    QWidget* m_notice;
    QTreeView* m_presetView;
    PresetTableModel* m_presets;
    ImatrixChooser* m_imatrixChooser;
    QLineEdit* m_outputDirectory;
    QPushButton* m_outputBrowse;
    QToolButton* m_outputReset;
    QSpinBox* m_threads;
    QCheckBox* m_splitCheck = nullptr;     // "Split into parts of at most"
    QDoubleSpinBox* m_splitSize = nullptr; // GB (10^9 bytes, as gguf-split's 50G)
    QLabel* m_startHint;
    bool m_startWhenImatrixReady = false; // start() is waiting for the matrix it asked for
    QPushButton* m_startButton;
    QSplitter* m_splitter;
    bool m_splitterSized = false;
    QAction* m_startAction;
    JobQueueWidget* m_queue;
    LoraMergePanel* m_loraPanel;
    QCheckBox* m_mixCheck;
    quint64 m_mixBudget = 0;
    MixSettings m_mixSettings;
};

} // namespace qf::ui
