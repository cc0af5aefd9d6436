#include "widgets/job_queue_widget.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QThreadPool>
#include <QUrl>
#include <QVBoxLayout>

#include "widgets/job_row_widget.h"

namespace qf::ui {

JobQueueWidget::JobQueueWidget(QThreadPool* pool, QWidget* parent)
    : QWidget(parent), m_pool(pool), m_rowsLayout(new QVBoxLayout),
      m_emptyHint(new QLabel(tr("No jobs yet. Choose presets above and press Start (Ctrl+Enter)."), this)),
      m_clearButton(new QPushButton(tr("Clear Finished"), this)), m_summary(new QLabel(this)) {
    Q_ASSERT(pool);
    setObjectName(QStringLiteral("jobQueue"));

    auto* heading = new QLabel(tr("Jobs"), this);
    QFont headingFont = heading->font();
    headingFont.setBold(true);
    heading->setFont(headingFont);
    m_summary->setObjectName(QStringLiteral("jobSummary"));
    m_summary->setForegroundRole(QPalette::PlaceholderText);
    m_clearButton->setObjectName(QStringLiteral("clearFinishedButton"));
    connect(m_clearButton, &QPushButton::clicked, this, &JobQueueWidget::clearFinished);

    m_emptyHint->setObjectName(QStringLiteral("jobQueueEmptyHint"));
    m_emptyHint->setForegroundRole(QPalette::PlaceholderText);
    m_emptyHint->setAlignment(Qt::AlignCenter);
    m_emptyHint->setWordWrap(true);

    auto* rowsHost = new QWidget;
    rowsHost->setObjectName(QStringLiteral("jobRows"));
    rowsHost->setAccessibleName(tr("Jobs"));
    rowsHost->setLayout(m_rowsLayout);
    m_rowsLayout->setContentsMargins(0, 0, 0, 0);
    m_rowsLayout->setSpacing(6);
    m_rowsLayout->addWidget(m_emptyHint);
    m_rowsLayout->addStretch(1);

    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("jobScrollArea"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(rowsHost);

    auto* header = new QHBoxLayout;
    header->addWidget(heading);
    header->addWidget(m_summary, 1);
    header->addWidget(m_clearButton);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(header);
    layout->addWidget(scroll, 1);
    updateState();
}

JobQueueWidget::~JobQueueWidget() {
    // Running jobs must not outlive the window by finishing their work: ask them to stop now. The pool's
    // owner waits for them.
    cancelAll();
}

JobRowWidget* JobQueueWidget::enqueue(QuantizeRequest request, const QString& title, const QString& source) {
    const quint64 jobId = m_nextJobId++;
    QStringList paths;
    QStringList details;
    for (const QuantizeTarget& target : request.targets) {
        paths << target.path;
        details << QDir::toNativeSeparators(target.path);
    }
    auto* row = new JobRowWidget(jobId, title, source, details.join(QLatin1Char('\n')));
    connect(row, &JobRowWidget::cancelRequested, this, &JobQueueWidget::cancel);
    connect(row, &JobRowWidget::showInFolderRequested, this, &JobQueueWidget::showInFolder);
    // Above the trailing stretch.
    m_rowsLayout->insertWidget(m_rowsLayout->count() - 1, row);

    const quint64 sourceEntryId = request.sourceEntryId;
    // The pool is the parent: a job still running when the window goes is waited for by the pool's owner
    // before it is deleted.
    auto* runner = new QuantizeJobRunner(jobId, std::move(request), m_pool);
    connect(runner, &QuantizeJobRunner::started, this, &JobQueueWidget::onStarted);
    connect(runner, &QuantizeJobRunner::progressed, this, &JobQueueWidget::onProgressed);
    connect(runner, &QuantizeJobRunner::succeeded, this, &JobQueueWidget::onSucceeded);
    connect(runner, &QuantizeJobRunner::failed, this, &JobQueueWidget::onFailed);
    connect(runner, &QuantizeJobRunner::cancelled, this, &JobQueueWidget::onCancelled);
    m_jobs.emplace(jobId, Job{runner, row, sourceEntryId, paths});
    m_pool->start(runner);
    updateState();
    return row;
}

JobQueueWidget::Job* JobQueueWidget::find(quint64 jobId) {
    const auto it = m_jobs.find(jobId);
    return it == m_jobs.end() ? nullptr : &it->second;
}

int JobQueueWidget::activeJobCount() const {
    int count = 0;
    for (const auto& [id, job] : m_jobs)
        count += job.row->isFinished() ? 0 : 1;
    return count;
}

QStringList JobQueueWidget::pendingOutputPaths() const {
    QStringList paths;
    for (const auto& [id, job] : m_jobs)
        if (!job.row->isFinished()) paths << job.outputPaths;
    return paths;
}

QList<JobRowWidget*> JobQueueWidget::rows() const {
    QList<JobRowWidget*> rows;
    for (const auto& [id, job] : m_jobs)
        rows << job.row;
    return rows;
}

void JobQueueWidget::cancel(quint64 jobId) {
    Job* job = find(jobId);
    if (!job || job->row->isFinished() || job->row->state() == JobState::Cancelling) return;
    if (QuantizeJobRunner* runner = job->runner.data()) {
        runner->cancel();
        // Still waiting in the pool's queue: it never runs, so it is ours to delete and report.
        if (m_pool->tryTake(runner)) {
            delete runner;
            onCancelled(jobId);
            return;
        }
    }
    job->row->setCancelling();
    updateState();
}

void JobQueueWidget::cancelAll() {
    for (auto& [id, job] : m_jobs)
        cancel(id);
}

void JobQueueWidget::clearFinished() {
    for (auto it = m_jobs.begin(); it != m_jobs.end();) {
        if (it->second.row->isFinished()) {
            delete it->second.row;
            it = m_jobs.erase(it);
        } else {
            ++it;
        }
    }
    updateState();
}

void JobQueueWidget::onStarted(quint64 jobId) {
    if (Job* job = find(jobId)) job->row->setRunning();
    updateState();
}

void JobQueueWidget::onProgressed(quint64 jobId, const JobProgress& progress) {
    if (Job* job = find(jobId)) job->row->setProgress(progress);
}

void JobQueueWidget::onSucceeded(quint64 jobId, const QList<ProducedFile>& files, double seconds) {
    Job* job = find(jobId);
    if (!job) return;
    job->row->setSucceeded(files, seconds);
    QStringList paths;
    for (const ProducedFile& file : files)
        paths << file.path;
    updateState();
    emit filesProduced(job->sourceEntryId, paths);
}

void JobQueueWidget::onFailed(quint64 jobId, const QString& message) {
    if (Job* job = find(jobId)) job->row->setFailed(message);
    updateState();
}

void JobQueueWidget::onCancelled(quint64 jobId) {
    if (Job* job = find(jobId)) job->row->setCancelled();
    updateState();
}

void JobQueueWidget::showInFolder(quint64 jobId) {
    const Job* job = find(jobId);
    if (!job || job->row->files().isEmpty()) return;
    const QString folder = QFileInfo(job->row->files().front().path).absolutePath();
    QDesktopServices::openUrl(QUrl::fromLocalFile(folder));
}

void JobQueueWidget::updateState() {
    int running = 0, waiting = 0, finished = 0;
    for (const auto& [id, job] : m_jobs) {
        switch (job.row->state()) {
        case JobState::Queued:
            ++waiting;
            break;
        case JobState::Running:
        case JobState::Cancelling:
            ++running;
            break;
        default:
            ++finished;
        }
    }
    QStringList parts;
    if (running) parts << tr("%1 running").arg(running);
    if (waiting) parts << tr("%1 waiting").arg(waiting);
    if (finished) parts << tr("%1 finished").arg(finished);
    m_summary->setText(parts.join(QStringLiteral(", ")));
    m_emptyHint->setVisible(m_jobs.empty());
    m_clearButton->setEnabled(finished > 0);

    const int active = running + waiting;
    if (active != m_lastActiveCount) {
        m_lastActiveCount = active;
        emit activeJobCountChanged(active);
    }
}

} // namespace qf::ui
