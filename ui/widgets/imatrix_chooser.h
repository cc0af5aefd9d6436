#pragma once
// The Produce page's importance-matrix row: none, a file (llama-imatrix's .dat or GGUF, read off the UI
// thread), or computed here from calibration text with the model itself (as llama-imatrix does, cached per
// model and text, saved as a GGUF imatrix in the output folder), with progress and Stop. The page plans
// and produces with imatrix(); blockingReason() says why it cannot start yet.
#include <QPointer>
#include <QString>
#include <QThreadPool>
#include <QWidget>

#include "app_settings.h"
#include "jobs/imatrix_compute_job.h"
#include "jobs/imatrix_load_job.h"
#include "models/loaded_model.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QToolButton;

namespace qf::ui {

class ImatrixChooser : public QWidget {
    Q_OBJECT

public:
    enum class Source { None, File, Text };

    // `taskPool` reads files; computations run on the chooser's own one-thread pool.
    ImatrixChooser(AppSettings settings, QThreadPool* taskPool, QWidget* parent = nullptr);
    ~ImatrixChooser() override;

    // The model a matrix is computed with; `entryPath` (a file or a Hugging Face folder) names the result.
    void setModel(const QString& entryPath, const LoadedModelPtr& model);
    // Where a computed matrix is saved (the page's output folder).
    void setOutputFolder(const QString& folder);
    void setThreads(int threads);

    Source source() const;
    void setSource(Source source);
    // "From file" with this file, read in the background.
    void setFile(const QString& path);
    // "Compute from text" with this calibration text (plain or .zst), computed in the background.
    void setCalibrationText(const QString& path);
    QString calibrationText() const;
    bool isComputing() const { return m_computing; }
    // Starts computing the matrix from the calibration text (the Compute button).
    void compute();
    // "Compute from text" is chosen and ready to compute, but nothing is computed yet: producing computes first.
    bool needsComputation() const;
    // Stops a computation; the source stays "Compute from text" without a matrix.
    void cancelComputation();

    // The matrix to plan and produce with; nullptr for None or while none is ready.
    ImatrixPtr imatrix() const;
    // Why producing must wait (reading, computing, an error); empty when it need not.
    QString blockingReason() const;
    // For the form label's mnemonic.
    QComboBox* sourceCombo() const { return m_source; }

signals:
    // imatrix() changed (or was dropped): plans must be redone.
    void imatrixChanged();
    // blockingReason() may have changed.
    void stateChanged();

private:
    void onSourceChanged();
    void browseFile();
    void loadFile();
    void onLoaded(quint64 generation, const ImatrixPtr& imatrix);
    void onLoadFailed(quint64 generation, const QString& message);
    void browseCalibrationText();
    // Shows what "Compute from text" will do, without starting anything.
    void showPending();
    QString computationKey() const;
    void onComputeProgress(quint64 generation, double fraction, const QString& stage);
    void onComputed(quint64 generation, const ImatrixPtr& imatrix, const ImatrixComputeSummary& summary);
    void onComputeEnded(quint64 generation, const QString& message, bool cancelled);
    // Forgets the current matrix and any read or computation under way.
    void reset();
    void showStatus(const QString& text);
    void showError(const QString& message);
    QString defaultCalibrationText() const;
    QString computedImatrixPath() const;

    AppSettings m_settings;
    QThreadPool* m_taskPool;
    QThreadPool m_computePool; // one computation at a time
    QString m_entryPath;
    LoadedModelPtr m_model;
    QString m_outputFolder;
    int m_threads = 0;

    quint64 m_generation = 0; // of the read or computation whose result is wanted
    ImatrixPtr m_imatrix;
    QString m_loadedKey; // the file path, or model + text, m_imatrix (or the job under way) is for
    QString m_error;
    bool m_loading = false;
    bool m_computing = false;                 // until the computation's end signal arrives
    QPointer<ImatrixComputeJob> m_computeJob; // cleared when it deletes itself

    QComboBox* m_source;
    QLineEdit* m_filePath;
    QPushButton* m_fileBrowse;
    QLineEdit* m_calibrationPath;
    QPushButton* m_calibrationBrowse;
    QPushButton* m_computeButton;
    QLabel* m_status;
    QProgressBar* m_progress;
    QToolButton* m_stop;
};

} // namespace qf::ui
