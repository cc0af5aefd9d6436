#pragma once
// The Compare page: what each quant of the selected source costs in quality. "Evaluate" measures the
// source (baseline perplexity) and every quant listed under it (perplexity, KL divergence against the
// source, prompt speed) on the chosen text, off the UI thread with progress and cancel. Results fill the
// comparison table and the size/quality chart as each file finishes, and are stored beside each file
// (results_sidecar.h), so that reopening shows them without running again. Only results for the same
// text, context and chunk limit, and for an unchanged file, are shown.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <QDateTime>
#include <QPointer>

#include "jobs/evaluate_job_runner.h"
#include "pages/source_page.h"
#include "qf/recommend/quality.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableView;
class QThreadPool;

namespace qf::ui {

class ComparisonTableModel;
class ModelListModel;
class SideBySideView;
class SizeQualityChart;

class ComparePage : public SourcePage {
    Q_OBJECT

public:
    // `jobPool` runs evaluations (one at a time, after any quantization); it belongs to the window.
    ComparePage(ModelListModel* models, QThreadPool* jobPool, QWidget* parent = nullptr);
    ~ComparePage() override;

    QString title() const override;
    void setEntry(const ModelEntry& entry) override;
    int activeJobCount() const override;
    void cancelAllJobs() override;

    // The evaluation settings (also set by the controls).
    void setEvaluationText(const QString& path);
    QString evaluationText() const;
    void setContext(uint32_t context);
    // Evaluates only the first `chunks` chunks (the "Quick" option); < 0: the whole text.
    void setChunkLimit(int chunks);

    // Starts evaluating the current source and its quants; false (with the reason shown) if it cannot.
    bool evaluate();
    void cancelEvaluation();
    bool isEvaluating() const { return m_runningJobId != 0; }

    ComparisonTableModel* tableModel() const { return m_table; }
    SizeQualityChart* chart() const { return m_chart; }
    // The custom mix's predicted KLD over file sizes (from Recommend), drawn on the KLD chart.
    void setPredictedMixCurve(const std::vector<std::pair<quint64, double>>& curve);
    SideBySideView* sideBySideView() const { return m_sideBySide; }
    // The results show as the chart above the table, or as one prompt answered side by side.
    enum class ResultView { ChartAndTable, SideBySide };
    void showResultView(ResultView view);

    // Exports without a dialog; an error text, empty on success.
    QString exportTableCsv(const QString& path) const;
    QString exportTableJson(const QString& path) const;
    QString exportChart(const QString& path) const; // .svg or .png by suffix

    // The bundled evaluation text, or an empty string when it is not installed.
    static QString bundledEvaluationText();

signals:
    // The measured quality of the current source's quants, for the Recommend page.
    void measuredQualityChanged(const std::vector<qf::recommend::MeasuredQuality>& measured);
    void evaluationFinished(bool success);

private:
    QWidget* createSettingsRow();
    QWidget* createProgressRow();
    QWidget* createResultsArea();

    // Reads the text when its path or modification time changed; false (with the error shown) on failure.
    bool loadText();
    std::optional<eval::EvaluationKey> currentKey();
    // Rebuilds the rows from the list (the source and its ready quants) and their sidecars.
    void refreshRows();
    void updateChart();
    void updateControls();
    void emitMeasuredQuality();
    void showError(const QString& message);
    void showExportMenu(bool chart);

    void onJobProgress(quint64 jobId, const EvaluationProgress& progress);
    void onFileEvaluated(quint64 jobId, const QString& path, const eval::StoredEvaluation& evaluation,
                         const QString& storeError);
    void onJobEnded(quint64 jobId, const QString& status, bool success);

    ModelListModel* m_models;
    QThreadPool* m_jobPool;
    quint64 m_sourceId = 0;
    QString m_sourcePath;

    QString m_textPath;
    QDateTime m_textModified;
    std::shared_ptr<const std::string> m_text;
    std::string m_textSha256;
    uint32_t m_context = 512;
    // The context follows the model (llama-perplexity's 512, never more than it was trained for) until the
    // person picks one; a picked context stays unless a newly selected model was trained for less.
    bool m_contextFollowsModel = true;
    uint32_t m_chosenContext = 512; // the person's choice, when m_contextFollowsModel is false
    bool m_settingContextForModel = false;
    int m_chunkLimit = -1;

    // The running job is known by its id: its reports are queued, and QTest::qWait (or any code that
    // flushes deferred deletes) may delete the job object before they arrive.
    quint64 m_runningJobId = 0;
    QPointer<EvaluateJobRunner> m_job; // for cancelling; null once the job object is gone
    quint64 m_nextJobId = 1;
    quint64 m_jobSourceId = 0;
    QStringList m_storeErrors;

    QLineEdit* m_textEdit;
    QPushButton* m_browseButton;
    QSpinBox* m_contextSpin;
    QCheckBox* m_quickCheck;
    QSpinBox* m_chunksSpin;
    QPushButton* m_evaluateButton;
    QPushButton* m_cancelButton;
    QProgressBar* m_progress;
    QLabel* m_status;
    QLabel* m_error;
    QComboBox* m_metricCombo;
    QPushButton* m_exportChartButton;
    QPushButton* m_exportTableButton;
    SizeQualityChart* m_chart;
    QTableView* m_view;
    QTabWidget* m_resultViews = nullptr;
    ComparisonTableModel* m_table;
    SideBySideView* m_sideBySide;
};

} // namespace qf::ui
