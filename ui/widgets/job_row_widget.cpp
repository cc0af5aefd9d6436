#include "widgets/job_row_widget.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include "format.h"
#include "widgets/palette_colors.h"

namespace qf::ui {

namespace {
constexpr int kProgressSteps = 1000;
} // namespace

JobRowWidget::JobRowWidget(quint64 jobId, const QString& title, const QString& source, const QString& details,
                           QWidget* parent)
    : QFrame(parent), m_jobId(jobId), m_title(new QLabel(title, this)),
      m_source(new QLabel(tr("from %1").arg(source), this)), m_status(new QLabel(this)),
      m_progress(new QProgressBar(this)), m_detail(new QLabel(this)),
      m_cancelButton(new QPushButton(tr("Cancel"), this)),
      m_showButton(new QPushButton(tr("Show in Folder"), this)) {
    setObjectName(QStringLiteral("jobRow_%1").arg(jobId));
    setFrameShape(QFrame::StyledPanel);
    // Focusable, so that Esc cancels the job a person clicked on (or the one just started).
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("%1 from %2").arg(title, source));
    setToolTip(details);

    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setObjectName(QStringLiteral("jobTitle"));
    m_source->setObjectName(QStringLiteral("jobSource"));
    m_source->setForegroundRole(QPalette::PlaceholderText);
    m_status->setObjectName(QStringLiteral("jobStatus"));
    m_progress->setObjectName(QStringLiteral("jobProgress"));
    m_progress->setRange(0, kProgressSteps);
    m_progress->setValue(0);
    m_progress->setTextVisible(true);
    m_progress->setFormat(QStringLiteral("%p %"));
    // A batch's title ("Q8_0 + Q6_K + …") and its source wrap rather than push the buttons out of a
    // narrow queue (1180x760 with the model list wide enough for whole file names).
    m_title->setWordWrap(true);
    m_source->setWordWrap(true);
    m_detail->setObjectName(QStringLiteral("jobDetail"));
    m_detail->setWordWrap(true);
    m_detail->setTextFormat(Qt::PlainText);
    // The error text is the core's own message: selectable, so it can be copied into a bug report.
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_cancelButton->setObjectName(QStringLiteral("jobCancelButton"));
    m_cancelButton->setToolTip(tr("Stop this job (Esc); nothing is left behind"));
    m_showButton->setObjectName(QStringLiteral("jobShowButton"));
    m_showButton->setToolTip(tr("Open the folder with the produced files in the file manager"));
    connect(m_cancelButton, &QPushButton::clicked, this, [this] { emit cancelRequested(m_jobId); });
    connect(m_showButton, &QPushButton::clicked, this, [this] { emit showInFolderRequested(m_jobId); });
    // Repaint the focus frame when focus moves into or out of the row's buttons too.
    m_focusWatch = connect(qApp, &QApplication::focusChanged, this, [this](QWidget* old, QWidget* now) {
        if ((old && (old == this || isAncestorOf(old))) || (now && (now == this || isAncestorOf(now))))
            update();
    });

    auto* titleRow = new QHBoxLayout;
    titleRow->addWidget(m_title);
    titleRow->addWidget(m_source, 1);
    titleRow->addWidget(m_status);
    titleRow->addWidget(m_cancelButton);
    titleRow->addWidget(m_showButton);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->setSpacing(4);
    layout->addLayout(titleRow);
    layout->addWidget(m_progress);
    layout->addWidget(m_detail);

    m_status->setText(tr("Waiting"));
    setDetail(tr("Starts when the job before it has finished."));
    updateButtons();
}

JobRowWidget::~JobRowWidget() {
    // Deleting the focused row moves the focus from within ~QWidget; the watch must not see that.
    disconnect(m_focusWatch);
}

bool JobRowWidget::isFinished() const {
    return m_state == JobState::Succeeded || m_state == JobState::Failed || m_state == JobState::Cancelled;
}

void JobRowWidget::setRunning() {
    if (m_state != JobState::Queued) return;
    m_state = JobState::Running;
    m_status->setText(tr("Running"));
    setDetail(tr("Planning…"));
    updateButtons();
}

void JobRowWidget::setCancelling() {
    if (isFinished()) return;
    m_state = JobState::Cancelling;
    m_status->setText(tr("Cancelling…"));
    updateButtons();
}

void JobRowWidget::setProgress(const JobProgress& progress) {
    if (m_state == JobState::Queued) setRunning();
    if (m_state != JobState::Running) return;
    m_progress->setValue(static_cast<int>(progress.fraction() * kProgressSteps));
    QStringList parts;
    if (progress.inBytes && progress.bytesPerSecond > 0.0) parts << formatRate(progress.bytesPerSecond);
    if (progress.secondsLeft >= 0.0) parts << formatTimeLeft(progress.secondsLeft);
    if (progress.inBytes)
        parts << tr("%1 of %2").arg(formatBytes(progress.done), formatBytes(progress.total));
    else
        parts << tr("%1 of %2").arg(formatCount(progress.done), formatCount(progress.total));
    if (!progress.stage.isEmpty()) parts << progress.stage;
    setDetail(parts.join(QStringLiteral("  ·  ")));
}

void JobRowWidget::setSucceeded(const QList<ProducedFile>& files, double seconds) {
    m_state = JobState::Succeeded;
    m_files = files;
    m_progress->setValue(kProgressSteps);
    m_status->setText(tr("Done in %1").arg(formatDuration(seconds)));
    QStringList lines;
    for (const ProducedFile& file : files)
        lines << tr("%1  (%2)").arg(QFileInfo(file.path).fileName(), formatBytes(file.bytes));
    setDetail(lines.join(QLatin1Char('\n')));
    if (!files.isEmpty())
        m_showButton->setToolTip(QDir::toNativeSeparators(QFileInfo(files.front().path).absolutePath()));
    updateButtons();
}

void JobRowWidget::setFailed(const QString& message) {
    m_state = JobState::Failed;
    m_status->setText(tr("Failed"));
    setDetail(message, true);
    updateButtons();
}

void JobRowWidget::setCancelled() {
    m_state = JobState::Cancelled;
    m_progress->setValue(0);
    m_status->setText(tr("Cancelled"));
    setDetail(tr("Nothing was written."));
    updateButtons();
}

void JobRowWidget::setDetail(const QString& text, bool isError) {
    m_detail->setText(text);
    // Back to the inherited colours when it is no error, so that a palette change still reaches it.
    if (isError)
        setTextColor(m_detail, errorTextColor(palette()));
    else
        m_detail->setPalette(QPalette());
}

void JobRowWidget::updateButtons() {
    const bool active = m_state == JobState::Queued || m_state == JobState::Running;
    m_cancelButton->setVisible(active || m_state == JobState::Cancelling);
    m_cancelButton->setEnabled(active);
    m_showButton->setVisible(m_state == JobState::Succeeded);
    m_progress->setVisible(m_state != JobState::Failed && m_state != JobState::Cancelled);
}

void JobRowWidget::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Escape && event->modifiers() == Qt::NoModifier && !isFinished()) {
        emit cancelRequested(m_jobId);
        event->accept();
        return;
    }
    QFrame::keyPressEvent(event);
}

void JobRowWidget::mousePressEvent(QMouseEvent* event) {
    setFocus(Qt::MouseFocusReason);
    QFrame::mousePressEvent(event);
}

void JobRowWidget::paintEvent(QPaintEvent* event) {
    QFrame::paintEvent(event);
    const QWidget* focus = QApplication::focusWidget();
    if (!focus || (focus != this && !isAncestorOf(focus))) return;
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(palette().color(QPalette::Highlight), 2.0));
    painter.setBrush(Qt::NoBrush);
    painter.drawRoundedRect(QRectF(rect()).adjusted(1, 1, -1, -1), 4.0, 4.0);
}

} // namespace qf::ui
