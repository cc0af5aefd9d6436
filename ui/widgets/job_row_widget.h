#pragma once
// One job in the Produce queue: what it makes from which model, a progress bar, throughput and time left
// while it runs, and how it ended (the files, the core's error, or "cancelled"). It can take focus: Esc
// cancels the focused job, as does its Cancel button. It only shows state; the queue runs the job.
#include <QFrame>
#include <QList>

#include "jobs/quantize_job_runner.h"

class QLabel;
class QProgressBar;
class QPushButton;

namespace qf::ui {

enum class JobState { Queued, Running, Cancelling, Succeeded, Failed, Cancelled };

class JobRowWidget : public QFrame {
    Q_OBJECT

public:
    // `title` names what is made ("Q8_0 + Q4_K_M"), `source` where from; `details` is the tooltip.
    JobRowWidget(quint64 jobId, const QString& title, const QString& source, const QString& details,
                 QWidget* parent = nullptr);

    ~JobRowWidget() override;

    quint64 jobId() const { return m_jobId; }
    JobState state() const { return m_state; }
    bool isFinished() const;

    void setRunning();
    void setCancelling();
    void setProgress(const JobProgress& progress);
    void setSucceeded(const QList<ProducedFile>& files, double seconds);
    void setFailed(const QString& message);
    void setCancelled();

    const QList<ProducedFile>& files() const { return m_files; }

signals:
    void cancelRequested(quint64 jobId);
    void showInFolderRequested(quint64 jobId);

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void paintEvent(QPaintEvent* event) override;

private:
    void setDetail(const QString& text, bool isError = false);
    void updateButtons();

    const quint64 m_jobId;
    JobState m_state = JobState::Queued;
    QList<ProducedFile> m_files;
    QLabel* m_title;
    QLabel* m_source;
    QLabel* m_status;
    QProgressBar* m_progress;
    QLabel* m_detail;
    QPushButton* m_cancelButton;
    QPushButton* m_showButton;
    QMetaObject::Connection m_focusWatch;
};

} // namespace qf::ui
