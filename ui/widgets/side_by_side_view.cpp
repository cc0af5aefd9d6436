#include "widgets/side_by_side_view.h"

#include <algorithm>
#include <cmath>

#include <QLocale>
#include <QDoubleSpinBox>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QStyle>
#include <QSpinBox>
#include <QTextCursor>
#include <QTextDocument>
#include <QThread>
#include <QVBoxLayout>

#include "format.h"

namespace qf::ui {

namespace {

constexpr int kDefaultMaxTokens = 64;
constexpr int kPaneMinimumWidth = 220;
constexpr int kPaneMinimumLines = 6; // a readable part of an answer, whatever the page leaves

} // namespace

SideBySideView::SideBySideView(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("sideBySideView"));
    qRegisterMetaType<qf::ui::GenerateStats>();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(createSettingsRow());

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("sideBySideStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);

    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_paneArea = new QWidget(scroll);
    m_paneLayout = new QGridLayout(m_paneArea);
    m_paneLayout->setContentsMargins(0, 0, 0, 0);
    scroll->setWidget(m_paneArea);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    layout->addWidget(scroll, 1);
    updateControls();
}

// Jobs report to this object through queued signals: none may outlive it.
SideBySideView::~SideBySideView() {
    for (Pane& pane : m_panes) {
        if (pane.job) pane.job->cancel();
    }
    m_pool.clear();
    m_pool.waitForDone();
}

QWidget* SideBySideView::createSettingsRow() {
    auto* box = new QWidget(this);
    auto* rows = new QVBoxLayout(box);
    rows->setContentsMargins(0, 0, 0, 0);
    auto* layout = new QHBoxLayout;
    rows->addLayout(layout);
    QWidget* row = box;

    auto* promptLabel = new QLabel(tr("&Prompt:"), row);
    m_promptEdit = new QLineEdit(row);
    m_promptEdit->setObjectName(QStringLiteral("promptEdit"));
    m_promptEdit->setPlaceholderText(tr("Text every file continues"));
    // One click on Run shows something: a start any text model can continue.
    m_promptEdit->setText(defaultPrompt());
    m_promptEdit->setCursorPosition(0);
    promptLabel->setBuddy(m_promptEdit);
    connect(m_promptEdit, &QLineEdit::returnPressed, this, [this] {
        if (!isRunning()) run();
    });

    auto* maxTokensLabel = new QLabel(tr("Ma&x:"), row);
    m_maxTokensSpin = new QSpinBox(row);
    m_maxTokensSpin->setObjectName(QStringLiteral("maxTokensSpin"));
    m_maxTokensSpin->setRange(1, 4096);
    m_maxTokensSpin->setValue(kDefaultMaxTokens);
    m_maxTokensSpin->setSuffix(tr(" tokens"));
    m_maxTokensSpin->setToolTip(tr("The most tokens each file generates"));
    maxTokensLabel->setBuddy(m_maxTokensSpin);

    auto* temperatureLabel = new QLabel(tr("Temperat&ure:"), row);
    m_temperatureSpin = new QDoubleSpinBox(row);
    m_temperatureSpin->setObjectName(QStringLiteral("temperatureSpin"));
    m_temperatureSpin->setRange(0.0, 2.0);
    m_temperatureSpin->setSingleStep(0.1);
    m_temperatureSpin->setDecimals(2);
    m_temperatureSpin->setValue(0.0);
    m_temperatureSpin->setSpecialValueText(tr("0 (greedy)"));
    m_temperatureSpin->setToolTip(
        tr("0 always picks the most likely token, so every run gives the same text"));
    temperatureLabel->setBuddy(m_temperatureSpin);

    auto* seedLabel = new QLabel(tr("See&d:"), row);
    m_seedSpin = new QSpinBox(row);
    m_seedSpin->setObjectName(QStringLiteral("seedSpin"));
    m_seedSpin->setRange(0, 2147483647);
    m_seedSpin->setToolTip(tr("The same seed and temperature give the same text"));
    seedLabel->setBuddy(m_seedSpin);

    m_runButton = new QPushButton(tr("&Run"), row);
    m_runButton->setObjectName(QStringLiteral("runPromptButton"));
    m_runButton->setToolTip(tr("Generate with every file at once"));
    connect(m_runButton, &QPushButton::clicked, this, [this] { run(); });
    m_stopButton = new QPushButton(tr("&Stop"), row);
    m_stopButton->setObjectName(QStringLiteral("stopPromptButton"));
    m_stopButton->setToolTip(tr("Stop every generation; the text so far stays"));
    connect(m_stopButton, &QPushButton::clicked, this, &SideBySideView::stop);

    // The prompt gets a line of its own, wide enough to read it whole; how to sample goes below it.
    layout->addWidget(promptLabel);
    layout->addWidget(m_promptEdit, 1);
    layout->addWidget(m_runButton);
    layout->addWidget(m_stopButton);
    auto* sampling = new QHBoxLayout;
    sampling->addWidget(maxTokensLabel);
    sampling->addWidget(m_maxTokensSpin);
    sampling->addSpacing(12);
    sampling->addWidget(temperatureLabel);
    sampling->addWidget(m_temperatureSpin);
    sampling->addSpacing(12);
    sampling->addWidget(seedLabel);
    sampling->addWidget(m_seedSpin);
    sampling->addStretch(1);
    rows->addLayout(sampling);
    return box;
}

void SideBySideView::setFiles(const std::vector<SideBySideFile>& files) {
    const bool same = std::equal(files.begin(), files.end(), m_panes.begin(), m_panes.end(),
                                 [](const SideBySideFile& f, const Pane& p) {
                                     return f.path == p.file.path && f.typeName == p.file.typeName &&
                                            f.bytes == p.file.bytes;
                                 });
    if (same) return;
    stop();
    // Stopped jobs still report; they no longer have a pane.
    m_jobPane.clear();
    for (Pane& pane : m_panes)
        delete pane.box;
    m_panes.clear();
    for (const SideBySideFile& file : files) {
        Pane pane;
        pane.file = file;
        m_panes.push_back(std::move(pane));
    }
    rebuildPanes();
    updateControls();
}

void SideBySideView::rebuildPanes() {
    for (Pane& pane : m_panes) {
        pane.box = new QFrame(m_paneArea);
        pane.box->setObjectName(QStringLiteral("sideBySidePane"));
        pane.box->setMinimumWidth(kPaneMinimumWidth);
        auto* layout = new QVBoxLayout(pane.box);
        layout->setContentsMargins(0, 0, 0, 0);
        pane.header =
            new QLabel(tr("%1 · %2").arg(pane.file.typeName, formatBytes(pane.file.bytes)), pane.box);
        pane.header->setObjectName(QStringLiteral("paneHeader"));
        pane.header->setToolTip(pane.file.path);
        QFont bold = pane.header->font();
        bold.setBold(true);
        pane.header->setFont(bold);
        pane.text = new QPlainTextEdit(pane.box);
        pane.text->setObjectName(QStringLiteral("paneText"));
        pane.text->setAccessibleName(tr("Output of %1").arg(pane.file.typeName));
        pane.text->setReadOnly(true);
        pane.footer = new QLabel(pane.box);
        pane.footer->setObjectName(QStringLiteral("paneFooter"));
        layout->addWidget(pane.header);
        layout->addWidget(pane.text, 1);
        layout->addWidget(pane.footer);
        // Room for a readable part of an answer: kPaneMinimumLines lines inside the frame and margins.
        pane.text->setMinimumHeight(pane.text->fontMetrics().lineSpacing() * kPaneMinimumLines +
                                    2 * (pane.text->frameWidth() +
                                         int(std::ceil(pane.text->document()->documentMargin()))));
    }
    m_paneColumns = 0;
    layoutPanes();
}

void SideBySideView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    layoutPanes();
}

// As many panes per row as fit at their minimum width; the rest wrap into further rows.
void SideBySideView::layoutPanes() {
    const int available = std::max(kPaneMinimumWidth, width() - style()->pixelMetric(QStyle::PM_ScrollBarExtent));
    const int columns = std::clamp(available / (kPaneMinimumWidth + m_paneLayout->horizontalSpacing()), 1,
                                   std::max(1, int(m_panes.size())));
    if (columns == m_paneColumns) return;
    m_paneColumns = columns;
    for (Pane& pane : m_panes)
        m_paneLayout->removeWidget(pane.box);
    for (int c = 0; c < m_paneLayout->columnCount(); ++c)
        m_paneLayout->setColumnStretch(c, 0);
    for (size_t i = 0; i < m_panes.size(); ++i)
        m_paneLayout->addWidget(m_panes[i].box, int(i) / columns, int(i) % columns);
    for (int c = 0; c < columns; ++c)
        m_paneLayout->setColumnStretch(c, 1);
}

QString SideBySideView::defaultPrompt() {
    return tr("Once upon a time, in a small town by the sea,");
}

QString SideBySideView::prompt() const {
    return m_promptEdit->text();
}

int SideBySideView::paneColumns() const {
    return m_paneColumns;
}

QString SideBySideView::paneText(int pane) const {
    if (pane < 0 || pane >= paneCount()) return {};
    return m_panes[size_t(pane)].text->toPlainText();
}

bool SideBySideView::run() {
    if (isRunning()) return false;
    if (m_panes.empty()) {
        m_status->setText(tr("Select a model to run a prompt on it and its quants."));
        return false;
    }
    const QString prompt = m_promptEdit->text();
    if (prompt.trimmed().isEmpty()) {
        m_status->setText(tr("Type a prompt first."));
        return false;
    }
    const int files = paneCount();
    const int hardwareThreads = std::max(1, QThread::idealThreadCount());
    m_pool.setMaxThreadCount(std::max(m_pool.maxThreadCount(), files));
    for (int i = 0; i < files; ++i) {
        Pane& pane = m_panes[size_t(i)];
        GenerateRequest request;
        request.path = pane.file.path;
        request.prompt = prompt;
        request.maxTokens = m_maxTokensSpin->value();
        request.temperature = float(m_temperatureSpin->value());
        request.seed = uint64_t(m_seedSpin->value());
        request.threads = unsigned(std::max(1, hardwareThreads / files)); // the files share the cores
        const quint64 jobId = m_nextJobId++;
        auto* job = new GenerateJobRunner(jobId, std::move(request), this);
        connect(job, &GenerateJobRunner::textGenerated, this, &SideBySideView::onText);
        connect(job, &GenerateJobRunner::preparing, this, [this](quint64 id, const QString& stage) {
            if (const auto found = m_jobPane.find(id); found != m_jobPane.end())
                m_panes[size_t(found->second)].footer->setText(stage);
        });
        connect(job, &GenerateJobRunner::succeeded, this, [this](quint64 id, const GenerateStats& stats) {
            endJob(id, tr("%1 tokens · %2 tok/s").arg(stats.tokens).arg(QLocale().toString(stats.tokensPerSecond, 'f', 1)));
        });
        connect(job, &GenerateJobRunner::failed, this,
                [this](quint64 id, const QString& message) { endJob(id, tr("Failed: %1").arg(message)); });
        connect(job, &GenerateJobRunner::cancelled, this, [this](quint64 id) { endJob(id, tr("Stopped.")); });
        pane.text->clear();
        pane.footer->setText(tr("Generating…"));
        pane.job = job;
        m_jobPane[jobId] = i;
    }
    for (Pane& pane : m_panes)
        m_pool.start(pane.job.data());
    m_status->setText(tr("Generating with %n file(s)…", nullptr, files));
    updateControls();
    return true;
}

void SideBySideView::stop() {
    for (Pane& pane : m_panes) {
        GenerateJobRunner* job = pane.job.data();
        if (!job) continue;
        job->cancel();
        // Still waiting in the pool's queue: it never runs, so it is ours to delete and report.
        if (m_pool.tryTake(job)) {
            endJob(job->jobId(), tr("Stopped."));
            delete job;
        }
    }
}

void SideBySideView::onText(quint64 jobId, const QString& text, int tokensSoFar) {
    const auto found = m_jobPane.find(jobId);
    if (found == m_jobPane.end()) return;
    Pane& pane = m_panes[size_t(found->second)];
    QTextCursor cursor(pane.text->document());
    cursor.movePosition(QTextCursor::End);
    cursor.insertText(text);
    pane.footer->setText(tr("Generating… %1 tokens").arg(tokensSoFar));
}

void SideBySideView::endJob(quint64 jobId, const QString& footer) {
    const auto found = m_jobPane.find(jobId);
    if (found == m_jobPane.end()) return;
    Pane& pane = m_panes[size_t(found->second)];
    pane.footer->setText(footer);
    pane.job = nullptr;
    m_jobPane.erase(found);
    if (!m_jobPane.empty()) return;
    m_status->clear();
    updateControls();
    emit runFinished();
}

void SideBySideView::updateControls() {
    const bool running = isRunning();
    m_runButton->setEnabled(!running && !m_panes.empty());
    m_stopButton->setEnabled(running);
    for (QWidget* w : {static_cast<QWidget*>(m_promptEdit), static_cast<QWidget*>(m_maxTokensSpin),
                       static_cast<QWidget*>(m_temperatureSpin), static_cast<QWidget*>(m_seedSpin)})
        w->setEnabled(!running);
}

} // namespace qf::ui
