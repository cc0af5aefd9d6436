#pragma once
// The Produce page's job queue: every quantization job of this window, newest last, each a JobRowWidget.
// Jobs run one after another on the window's job pool (each already uses every thread it is given), so
// later ones wait as "Waiting"; a waiting job is taken back from the pool when cancelled, a running one is
// asked to stop. The queue owns the bookkeeping; the rows only show it.
#include <map>

#include <QPointer>
#include <QStringList>
#include <QWidget>

#include "jobs/quantize_job_runner.h"

class QLabel;
class QPushButton;
class QThreadPool;
class QVBoxLayout;

namespace qf::ui {

class JobRowWidget;

class JobQueueWidget : public QWidget {
    Q_OBJECT

public:
    // `pool` runs the jobs and must outlive the queue's jobs (the window owns both).
    explicit JobQueueWidget(QThreadPool* pool, QWidget* parent = nullptr);
    ~JobQueueWidget() override;

    // Starts (or queues) a job and returns its row. `title`: what it makes; `source`: the model's name.
    JobRowWidget* enqueue(QuantizeRequest request, const QString& title, const QString& source);

    // Jobs waiting, running or cancelling.
    int activeJobCount() const;
    // Output files of jobs that have not finished: a new job must not write them too.
    QStringList pendingOutputPaths() const;
    QList<JobRowWidget*> rows() const;

    void cancel(quint64 jobId);
    void cancelAll();
    // Removes the rows of finished jobs.
    void clearFinished();

signals:
    // Emitted when a job has written its files (paths in preset order).
    void filesProduced(quint64 sourceEntryId, const QStringList& paths);
    void activeJobCountChanged(int count);

private:
    struct Job {
        QPointer<QuantizeJobRunner> runner; // cleared when the job has deleted itself
        JobRowWidget* row = nullptr;
        quint64 sourceEntryId = 0;
        QStringList outputPaths;
    };

    void onStarted(quint64 jobId);
    void onProgressed(quint64 jobId, const JobProgress& progress);
    void onSucceeded(quint64 jobId, const QList<ProducedFile>& files, double seconds);
    void onFailed(quint64 jobId, const QString& message);
    void onCancelled(quint64 jobId);
    void showInFolder(quint64 jobId);
    Job* find(quint64 jobId);
    void updateState();

    QThreadPool* m_pool;
    std::map<quint64, Job> m_jobs;
    quint64 m_nextJobId = 1;
    QVBoxLayout* m_rowsLayout;
    QLabel* m_emptyHint;
    QPushButton* m_clearButton;
    QLabel* m_summary;
    int m_lastActiveCount = 0;
};

} // namespace qf::ui
