#pragma once
// The Produce page's "Apply a LoRA adapter…": merges a LoRA adapter (a PEFT folder with adapter_config.json
// + adapter_model.safetensors, or a GGUF LoRA) into the shown model, as `quantforge-cli merge` does: one
// file that keeps the base's float types, or straight into the presets chosen on the page (in one pass).
// The merge runs on the window's job pool with progress and cancel; the files appear only when complete and
// are announced with filesProduced(). A quantized base is refused with the core's message and the choice
// to widen it to F16 first ("Dequantize and merge"), as --dequantize does.
#include <functional>
#include <memory>
#include <stop_token>

#include <QPointer>
#include <QStringList>
#include <QWidget>

#include "models/loaded_model.h"

class QAction;
class QCheckBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QThreadPool;
class QToolButton;

namespace qf::ui {

class LoraMergeJob;
class MessagePanel;

class LoraMergePanel : public QWidget {
    Q_OBJECT

public:
    // `pool` runs the merge (the window's job pool, after any quantization before it) and outlives the job.
    explicit LoraMergePanel(QThreadPool* pool, QWidget* parent = nullptr);
    ~LoraMergePanel() override;

    void setModel(quint64 entryId, const QString& path, LoadedModelPtr model);
    // Where new files go (empty: beside the model), the presets chosen on the page, the threads to use.
    void setOutputDirectory(const QString& directory);
    void setChosenPresets(const QStringList& presets);
    void setThreads(int threads);

    // The adapter to merge: a PEFT folder or a GGUF LoRA file (the action's dialogs end here).
    void setAdapter(const QString& path);
    QString adapter() const { return m_adapter; }
    // A PEFT adapter's base model folder (its config.json), when the adapter does not name a local one and
    // the shown model is a GGUF file (`merge --base DIR`). Cleared with a new adapter.
    void setAdapterBaseFolder(const QString& folder);
    void setQuantizeIntoPresets(bool on);
    void setDequantize(bool on);
    bool dequantize() const;

    // Where the merge would write now.
    QStringList outputPaths() const;
    // Starts the merge; false (with the reason shown inline) when it cannot start.
    bool start();
    bool isBusy() const;
    void cancel();

    QAction* applyAdapterAction() const { return m_applyAction; }
    QString statusText() const;
    QString errorText() const;
    // The button offered with an error that has a way out (dequantize, replace), else nullptr when hidden.
    QPushButton* errorActionButton() const;

signals:
    void filesProduced(quint64 sourceEntryId, const QStringList& paths);
    void busyChanged(bool busy);

private:
    void chooseFolder();
    void chooseFile();
    void chooseBaseFolder();
    void updateState();
    void showError(const QString& message, const QString& actionText = {}, std::function<void()> action = {});
    void finish();

    QThreadPool* m_pool;
    quint64 m_entryId = 0;
    QString m_entryPath;
    LoadedModelPtr m_model;
    QString m_outputDirectory;
    QStringList m_presets;
    int m_threads = 0;
    QString m_adapter;
    QString m_adapterBase;
    bool m_overwrite = false;

    QPointer<LoraMergeJob> m_job;
    bool m_busy = false;    // from start() until the job has reported its end
    bool m_running = false; // the job has started on the pool (a waiting one can be taken back)
    quint64 m_jobEntryId = 0;
    std::stop_source m_stop;

    QAction* m_applyAction;
    QToolButton* m_applyButton;
    QLabel* m_adapterLabel;
    QCheckBox* m_quantizeCheck;
    QCheckBox* m_dequantizeCheck;
    QPushButton* m_mergeButton;
    QLabel* m_status;
    QProgressBar* m_progress;
    QPushButton* m_cancel;
    MessagePanel* m_error;
    QPushButton* m_errorAction;
    std::function<void()> m_errorActionFn;
};

} // namespace qf::ui
