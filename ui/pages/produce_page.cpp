#include "pages/produce_page.h"

#include <algorithm>

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QShowEvent>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QStyle>
#include <QThread>
#include <QThreadPool>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include "format.h"
#include "models/preset_table_model.h"
#include "qf/quant/quantize_job.h"
#include "sample_model.h"
#include "widgets/job_queue_widget.h"
#include "widgets/job_row_widget.h"

namespace qf::ui {

namespace {

int hardwareThreads() {
    return qMax(1, QThread::idealThreadCount());
}

bool hasQuantizedTensors(const ModelSummary& summary) {
    for (const auto& [type, totals] : summary.perType)
        if (ggmlTypeTraits(type).quantized) return true;
    return false;
}

QColor errorColor(const QPalette& palette) {
    // Readable on light and dark windows alike.
    return palette.color(QPalette::Window).lightness() < 128 ? QColor(0xff, 0x80, 0x80)
                                                             : QColor(0xb0, 0x20, 0x20);
}

QLabel* makeHint(QWidget* parent, const QString& objectName) {
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}

} // namespace

ProducePage::ProducePage(AppSettings settings, QThreadPool* taskPool, QThreadPool* jobPool, QWidget* parent)
    : SourcePage(parent), m_settings(settings), m_taskPool(taskPool),
      m_customOutputDirectory(settings.produceOutputDirectory()), m_presets(new PresetTableModel(this)),
      m_queue(new JobQueueWidget(jobPool, this)) {
    Q_ASSERT(taskPool && jobPool);
    setObjectName(QStringLiteral("producePage"));
    m_computePool.setObjectName(QStringLiteral("imatrixComputePool"));
    m_computePool.setMaxThreadCount(1);

    // A notice above the table when no preset can be made (e.g. the model is already quantized).
    m_notice = new QWidget(this);
    m_notice->setObjectName(QStringLiteral("produceNotice"));
    auto* noticeIcon = new QLabel(m_notice);
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize);
    noticeIcon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxInformation).pixmap(iconSize * 2));
    m_noticeTitle = makeHint(m_notice, QStringLiteral("produceNoticeTitle"));
    QFont titleFont = m_noticeTitle->font();
    titleFont.setBold(true);
    m_noticeTitle->setFont(titleFont);
    m_noticeText = makeHint(m_notice, QStringLiteral("produceNoticeText"));
    m_noticeText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* noticeTextColumn = new QVBoxLayout;
    noticeTextColumn->addWidget(m_noticeTitle);
    noticeTextColumn->addWidget(m_noticeText);
    auto* noticeLayout = new QHBoxLayout(m_notice);
    noticeLayout->setContentsMargins(0, 0, 0, 8);
    noticeLayout->addWidget(noticeIcon, 0, Qt::AlignTop);
    noticeLayout->addLayout(noticeTextColumn, 1);
    m_notice->hide();

    m_presetView = new QTreeView(this);
    m_presetView->setObjectName(QStringLiteral("presetTable"));
    m_presetView->setModel(m_presets);
    m_presetView->setAccessibleName(tr("Presets"));
    m_presetView->setRootIsDecorated(false);
    m_presetView->setUniformRowHeights(true);
    m_presetView->setAllColumnsShowFocus(true);
    m_presetView->setAlternatingRowColors(true);
    m_presetView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_presetView->header()->setStretchLastSection(true);
    m_presetView->header()->setSectionResizeMode(PresetTableModel::PresetColumn,
                                                 QHeaderView::ResizeToContents);
    m_presetView->header()->setSectionResizeMode(PresetTableModel::SizeColumn, QHeaderView::ResizeToContents);
    m_presetView->header()->setSectionResizeMode(PresetTableModel::BitsPerWeightColumn,
                                                 QHeaderView::ResizeToContents);
    // A click anywhere on a row (not only on the small box) chooses the preset.
    connect(m_presetView, &QTreeView::clicked, this, [this](const QModelIndex& index) {
        if (!index.isValid() || index.column() == PresetTableModel::PresetColumn) return;
        const QModelIndex box = index.siblingAtColumn(PresetTableModel::PresetColumn);
        const bool checked = box.data(Qt::CheckStateRole).value<Qt::CheckState>() == Qt::Checked;
        m_presets->setData(box, checked ? Qt::Unchecked : Qt::Checked, Qt::CheckStateRole);
    });
    connect(m_presets, &PresetTableModel::checkedPresetsChanged, this, &ProducePage::updateStartState);

    m_startHint = makeHint(this, QStringLiteral("startHint"));
    m_startButton = new QPushButton(tr("Start"), this);
    m_startButton->setObjectName(QStringLiteral("startButton"));
    m_startButton->setAccessibleName(tr("Start producing the chosen presets"));
    m_startButton->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    m_startButton->setToolTip(tr("Produce the chosen presets in one pass over the model (Ctrl+Enter)"));
    connect(m_startButton, &QPushButton::clicked, this, &ProducePage::start);
    // Active only while this page is visible (a widget's shortcuts follow its visibility).
    m_startAction = new QAction(tr("Start"), this);
    m_startAction->setObjectName(QStringLiteral("startAction"));
    m_startAction->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    m_startAction->setShortcutContext(Qt::WindowShortcut);
    connect(m_startAction, &QAction::triggered, this, &ProducePage::start);
    addAction(m_startAction);

    auto* startRow = new QHBoxLayout;
    startRow->addWidget(m_startHint, 1);
    startRow->addWidget(m_startButton);

    connect(m_queue, &JobQueueWidget::filesProduced, this, &ProducePage::filesProduced);
    connect(m_queue, &JobQueueWidget::activeJobCountChanged, this, &ProducePage::activeJobCountChanged);
    connect(m_queue, &JobQueueWidget::activeJobCountChanged, this, &ProducePage::updateStartState);

    auto* lower = new QWidget(this);
    auto* lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 8, 0, 0);
    lowerLayout->addWidget(createOptions());
    lowerLayout->addLayout(startRow);
    lowerLayout->addSpacing(8);
    lowerLayout->addWidget(m_queue, 1);

    // The job queue gets what the preset table does not need (see showEvent).
    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setObjectName(QStringLiteral("produceSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_presetView);
    m_splitter->addWidget(lower);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->addWidget(m_notice);
    layout->addWidget(m_splitter, 1);

    updateOutputDirectoryField();
    onImatrixSourceChanged();
    updateStartState();
}

ProducePage::~ProducePage() {
    // The computation uses the model and reports to this page: stop it and wait before either goes.
    if (m_computeJob) m_computeJob->cancel();
    m_computePool.waitForDone();
}

QWidget* ProducePage::createOptions() {
    auto* options = new QWidget(this);
    options->setObjectName(QStringLiteral("produceOptions"));

    m_imatrixSource = new QComboBox(options);
    m_imatrixSource->setObjectName(QStringLiteral("imatrixSource"));
    m_imatrixSource->addItem(tr("None"), int(ImatrixSource::None));
    m_imatrixSource->addItem(tr("From file"), int(ImatrixSource::File));
    m_imatrixSource->addItem(tr("Compute from text"), int(ImatrixSource::Text));
    m_imatrixSource->setToolTip(
        tr("An importance matrix (from llama-imatrix, or computed here from calibration text) weights each "
           "column by how much it matters on real text; it usually improves the smaller presets."));
    m_imatrixSource->setAccessibleName(tr("Importance matrix source"));
    m_imatrixPath = new QLineEdit(options);
    m_imatrixPath->setObjectName(QStringLiteral("imatrixPath"));
    m_imatrixPath->setPlaceholderText(tr("imatrix.dat or imatrix.gguf"));
    m_imatrixPath->setClearButtonEnabled(true);
    m_imatrixPath->setAcceptDrops(false); // dropped files open as models
    m_imatrixBrowse = new QPushButton(tr("Browse…"), options);
    m_imatrixBrowse->setObjectName(QStringLiteral("imatrixBrowseButton"));
    m_imatrixPath->setAccessibleName(tr("Importance matrix file"));
    m_imatrixBrowse->setAccessibleName(tr("Choose the importance matrix file"));
    m_calibrationPath = new QLineEdit(options);
    m_calibrationPath->setObjectName(QStringLiteral("calibrationTextPath"));
    m_calibrationPath->setPlaceholderText(tr("Calibration text (.txt or .txt.zst)"));
    m_calibrationPath->setToolTip(tr("Text the model reads to measure which weights matter; the bundled "
                                     "text is public-domain prose. Use text like what the model will see."));
    m_calibrationPath->setAccessibleName(tr("Calibration text file"));
    m_calibrationPath->setAcceptDrops(false);
    m_calibrationBrowse = new QPushButton(tr("Browse…"), options);
    m_calibrationBrowse->setObjectName(QStringLiteral("calibrationBrowseButton"));
    m_calibrationBrowse->setAccessibleName(tr("Choose the calibration text"));
    m_imatrixProgress = new QProgressBar(options);
    m_imatrixProgress->setObjectName(QStringLiteral("imatrixProgress"));
    m_imatrixProgress->setRange(0, 1000);
    m_imatrixProgress->setTextVisible(false);
    m_imatrixProgress->setMaximumHeight(fontMetrics().height() / 2 + 4);
    m_imatrixProgress->setAccessibleName(tr("Importance matrix progress"));
    m_imatrixStop = new QToolButton(options);
    m_imatrixStop->setObjectName(QStringLiteral("imatrixStopButton"));
    m_imatrixStop->setText(tr("Stop"));
    m_imatrixStop->setToolTip(tr("Stop computing the importance matrix"));
    m_imatrixStop->setAccessibleName(tr("Stop computing the importance matrix"));
    m_imatrixStatus = makeHint(options, QStringLiteral("imatrixStatus"));
    m_imatrixStatus->setAccessibleName(tr("Importance matrix status"));
    connect(m_calibrationPath, &QLineEdit::editingFinished, this, &ProducePage::computeImatrix);
    connect(m_calibrationBrowse, &QPushButton::clicked, this, &ProducePage::browseCalibrationText);
    connect(m_imatrixStop, &QToolButton::clicked, this, &ProducePage::cancelImatrixComputation);
    connect(m_imatrixSource, &QComboBox::currentIndexChanged, this, &ProducePage::onImatrixSourceChanged);
    connect(m_imatrixPath, &QLineEdit::editingFinished, this, &ProducePage::loadImatrix);
    connect(m_imatrixBrowse, &QPushButton::clicked, this, &ProducePage::browseImatrix);

    m_outputDirectory = new QLineEdit(options);
    m_outputDirectory->setObjectName(QStringLiteral("outputDirectory"));
    m_outputDirectory->setAcceptDrops(false);
    m_outputBrowse = new QPushButton(tr("Browse…"), options);
    m_outputBrowse->setObjectName(QStringLiteral("outputBrowseButton"));
    m_outputDirectory->setAccessibleName(tr("Output folder"));
    m_outputBrowse->setAccessibleName(tr("Choose the output folder"));
    m_outputReset = new QToolButton(options);
    m_outputReset->setObjectName(QStringLiteral("outputResetButton"));
    m_outputReset->setText(tr("Beside Model"));
    m_outputReset->setToolTip(tr("Write new files into the folder of the model they are made from"));
    connect(m_outputDirectory, &QLineEdit::textEdited, this, [this](const QString& text) {
        m_customOutputDirectory = text.trimmed();
        m_settings.setProduceOutputDirectory(m_customOutputDirectory);
        m_outputReset->setEnabled(!m_customOutputDirectory.isEmpty());
        updateStartState();
    });
    connect(m_outputBrowse, &QPushButton::clicked, this, &ProducePage::browseOutputDirectory);
    connect(m_outputReset, &QToolButton::clicked, this, [this] { setOutputDirectory({}); });

    m_threads = new QSpinBox(options);
    m_threads->setObjectName(QStringLiteral("threads"));
    m_threads->setAccessibleName(tr("Threads"));
    m_threads->setRange(1, hardwareThreads());
    const int saved = m_settings.produceThreads();
    m_threads->setValue(saved > 0 ? qMin(saved, hardwareThreads()) : hardwareThreads());
    connect(m_threads, &QSpinBox::valueChanged, this,
            [this](int value) { m_settings.setProduceThreads(value); });
    auto* threadsNote = new QLabel(tr("of %1 on this machine").arg(hardwareThreads()), options);
    threadsNote->setForegroundRole(QPalette::PlaceholderText);

    auto* imatrixRow = new QHBoxLayout;
    imatrixRow->addWidget(m_imatrixSource);
    imatrixRow->addWidget(m_imatrixPath, 1);
    imatrixRow->addWidget(m_imatrixBrowse);
    imatrixRow->addWidget(m_calibrationPath, 1);
    imatrixRow->addWidget(m_calibrationBrowse);
    auto* statusRow = new QHBoxLayout;
    statusRow->addWidget(m_imatrixStatus, 1);
    statusRow->addWidget(m_imatrixProgress);
    statusRow->addWidget(m_imatrixStop);
    auto* imatrixColumn = new QVBoxLayout;
    imatrixColumn->setSpacing(2);
    imatrixColumn->addLayout(imatrixRow);
    imatrixColumn->addLayout(statusRow);
    auto* outputRow = new QHBoxLayout;
    outputRow->addWidget(m_outputDirectory, 1);
    outputRow->addWidget(m_outputBrowse);
    outputRow->addWidget(m_outputReset);
    auto* threadsRow = new QHBoxLayout;
    threadsRow->addWidget(m_threads);
    threadsRow->addWidget(threadsNote);
    threadsRow->addStretch(1);

    auto* form = new QFormLayout(options);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&Importance matrix:"), imatrixColumn);
    form->addRow(tr("&Output folder:"), outputRow);
    form->addRow(tr("&Threads:"), threadsRow);
    // Buddies for the mnemonics.
    for (auto [row, buddy] : {std::pair{0, static_cast<QWidget*>(m_imatrixSource)},
                              std::pair{1, static_cast<QWidget*>(m_outputDirectory)},
                              std::pair{2, static_cast<QWidget*>(m_threads)}}) {
        if (auto* label = qobject_cast<QLabel*>(form->itemAt(row, QFormLayout::LabelRole)->widget()))
            label->setBuddy(buddy);
    }
    return options;
}

void ProducePage::showEvent(QShowEvent* event) {
    SourcePage::showEvent(event);
    if (m_splitterSized) return;
    m_splitterSized = true;
    // Every preset row visible without scrolling, if the window is tall enough; the rest for the queue.
    int rowHeight = m_presetView->sizeHintForRow(0);
    if (rowHeight <= 0) rowHeight = fontMetrics().height() + 4;
    const int tableHeight = m_presetView->header()->sizeHint().height() + m_presets->rowCount() * rowHeight +
                            2 * m_presetView->frameWidth() + 2;
    const int total = m_splitter->height();
    const int table = qMin(tableHeight, total * 3 / 5);
    m_splitter->setSizes({table, qMax(0, total - table)});
}

QString ProducePage::title() const {
    return tr("Produce");
}

void ProducePage::setEntry(const ModelEntry& entry) {
    if (!entry.model) return;
    const bool sameModel = entry.id == m_entryId && entry.model == m_model;
    m_entryId = entry.id;
    m_entryPath = entry.path;
    m_model = entry.model;
    updateOutputDirectoryField();
    if (!sameModel) {
        if (imatrixSource() == ImatrixSource::Text) {
            computeImatrix(); // the matrix belongs to the model it was computed with; re-plans when done
            return;
        }
        replan();
    }
    updateStartState();
}

int ProducePage::activeJobCount() const {
    return m_queue->activeJobCount();
}

void ProducePage::cancelAllJobs() {
    m_queue->cancelAll();
}

void ProducePage::setChosenPresets(const QStringList& names) {
    m_presets->setCheckedPresets(names);
}

QStringList ProducePage::chosenPresets() const {
    return m_presets->checkedPresets();
}

void ProducePage::setImatrixSource(ImatrixSource source) {
    m_imatrixSource->setCurrentIndex(m_imatrixSource->findData(int(source)));
}

void ProducePage::setCalibrationText(const QString& path) {
    m_calibrationPath->setText(QDir::toNativeSeparators(path));
    if (imatrixSource() == ImatrixSource::Text)
        computeImatrix();
    else
        setImatrixSource(ImatrixSource::Text);
}

QString ProducePage::calibrationText() const {
    return QDir::fromNativeSeparators(m_calibrationPath->text().trimmed());
}

ProducePage::ImatrixSource ProducePage::imatrixSource() const {
    return ImatrixSource(m_imatrixSource->currentData().toInt());
}

void ProducePage::setImatrixFile(const QString& path) {
    m_imatrixPath->setText(path);
    setImatrixSource(ImatrixSource::File);
    loadImatrix();
}

void ProducePage::setOutputDirectory(const QString& directory) {
    m_customOutputDirectory = directory;
    m_settings.setProduceOutputDirectory(directory);
    updateOutputDirectoryField();
    updateStartState();
}

QString ProducePage::sourceFolder() const {
    return m_entryPath.isEmpty() ? QString() : QFileInfo(m_entryPath).absolutePath();
}

QString ProducePage::outputPathFor(const QString& presetName) const {
    const quant::Preset* preset = quant::findPreset(presetName.toStdString());
    if (!preset || m_entryPath.isEmpty()) return {};
    const QString folder = QFileInfo(outputDirectory()).absoluteFilePath();
    // A Hugging Face folder is named like a file without its extension ("Llama-3.1-8B" must not lose
    // ".1-8B").
    const QString source =
        QFileInfo(m_entryPath).isDir() ? m_entryPath + QStringLiteral(".gguf") : m_entryPath;
    const auto path =
        quant::defaultOutputPath(source.toStdU16String(), preset->name, folder.toStdU16String());
    return QDir::cleanPath(QString::fromStdU16String(path.u16string()));
}

QString ProducePage::outputDirectory() const {
    return m_customOutputDirectory.isEmpty() ? sourceFolder() : m_customOutputDirectory;
}

void ProducePage::setThreads(int threads) {
    m_threads->setValue(threads);
}

void ProducePage::updateOutputDirectoryField() {
    const QString shown = QDir::toNativeSeparators(outputDirectory());
    // Do not fight a person typing: only replace text that differs.
    if (QDir::fromNativeSeparators(m_outputDirectory->text().trimmed()) != outputDirectory())
        m_outputDirectory->setText(shown);
    m_outputDirectory->setPlaceholderText(tr("Beside the model"));
    m_outputReset->setEnabled(!m_customOutputDirectory.isEmpty());
}

void ProducePage::browseOutputDirectory() {
    const QString chosen =
        QFileDialog::getExistingDirectory(this, tr("Output Folder for New Quants"), outputDirectory());
    if (!chosen.isEmpty()) setOutputDirectory(chosen);
}

void ProducePage::onImatrixSourceChanged() {
    const auto source = imatrixSource();
    const bool fromFile = source == ImatrixSource::File;
    const bool fromText = source == ImatrixSource::Text;
    m_imatrixPath->setVisible(fromFile);
    m_imatrixBrowse->setVisible(fromFile);
    m_calibrationPath->setVisible(fromText);
    m_calibrationBrowse->setVisible(fromText);
    m_imatrixStatus->setVisible(fromFile || fromText);
    // Whatever matrix was there came from the other source.
    if (m_computeJob) m_computeJob->cancel();
    m_computeJob = nullptr;
    m_imatrixComputing = false;
    m_imatrixProgress->hide();
    m_imatrixStop->hide();
    m_imatrix.reset();
    m_imatrixLoadedPath.clear();
    m_imatrixError.clear();
    if (fromText) {
        if (m_calibrationPath->text().trimmed().isEmpty())
            m_calibrationPath->setText(QDir::toNativeSeparators(defaultCalibrationText()));
        computeImatrix();
        return;
    }
    if (fromFile && m_imatrixPath->text().trimmed().isEmpty() && isVisible()) {
        browseImatrix(); // choosing "From file" means: pick one now
        return;
    }
    if (fromFile) {
        loadImatrix(); // re-plans once read
        return;
    }
    ++m_imatrixGeneration; // a read still running is no longer wanted
    m_imatrixLoading = false;
    if (m_model) replan();
    updateStartState();
}

void ProducePage::browseImatrix() {
    QString directory = m_settings.lastImatrixDirectory();
    if (directory.isEmpty()) directory = sourceFolder();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Importance Matrix"), directory, tr("Importance matrices (*.dat *.gguf);;All files (*)"));
    if (path.isEmpty()) {
        if (m_imatrixPath->text().trimmed().isEmpty()) setImatrixSource(ImatrixSource::None);
        return;
    }
    m_settings.setLastImatrixDirectory(QFileInfo(path).absolutePath());
    setImatrixFile(QDir::toNativeSeparators(path));
}

void ProducePage::loadImatrix() {
    if (imatrixSource() != ImatrixSource::File) return;
    const QString path = QDir::fromNativeSeparators(m_imatrixPath->text().trimmed());
    if (!m_imatrixLoading && m_imatrix && path == m_imatrixLoadedPath) {
        // Already read (e.g. the field lost focus without a change): plan with it unless that is done.
        if (m_model && m_plannedImatrix != m_imatrix) replan();
        updateStartState();
        return;
    }
    m_imatrix.reset();
    m_imatrixLoadedPath.clear();
    m_imatrixError.clear();
    ++m_imatrixGeneration;
    if (path.isEmpty()) {
        m_imatrixLoading = false;
        m_imatrixStatus->setText(tr("Choose an importance matrix file."));
    } else {
        m_imatrixLoading = true;
        m_imatrixStatus->setText(tr("Reading %1…").arg(QFileInfo(path).fileName()));
        auto* job = new ImatrixLoadJob(m_imatrixGeneration, path, m_taskPool);
        connect(job, &ImatrixLoadJob::finished, this, &ProducePage::onImatrixLoaded);
        connect(job, &ImatrixLoadJob::failed, this, &ProducePage::onImatrixFailed);
        m_taskPool->start(job);
        m_imatrixLoadedPath = path;
    }
    m_imatrixStatus->setForegroundRole(QPalette::PlaceholderText);
    if (m_model) replan();
    updateStartState();
}

void ProducePage::onImatrixLoaded(quint64 generation, const ImatrixPtr& imatrix) {
    if (generation != m_imatrixGeneration) return;
    m_imatrixLoading = false;
    m_imatrix = imatrix;
    QString text = tr("%n entries", nullptr, int(imatrix->entries().size()));
    if (imatrix->entries().size() == 1) text = tr("1 entry");
    if (imatrix->chunkCount > 0) text = tr("%1, %2 chunks").arg(text).arg(imatrix->chunkCount);
    if (!imatrix->datasets.empty())
        text = tr("%1 of %2").arg(text, QString::fromStdString(imatrix->datasets.front()));
    m_imatrixStatus->setText(text);
    m_imatrixStatus->setForegroundRole(QPalette::PlaceholderText);
    if (m_model) replan();
    updateStartState();
}

void ProducePage::onImatrixFailed(quint64 generation, const QString& message) {
    if (generation != m_imatrixGeneration) return;
    m_imatrixLoading = false;
    m_imatrixError = message;
    showImatrixError(message);
    updateStartState();
}

void ProducePage::showImatrixError(const QString& message) {
    m_imatrixStatus->setText(message);
    QPalette palette = m_imatrixStatus->palette();
    palette.setColor(QPalette::WindowText, errorColor(palette));
    m_imatrixStatus->setPalette(palette);
    m_imatrixStatus->setForegroundRole(QPalette::WindowText);
}

QString ProducePage::defaultCalibrationText() const {
    const QString chosen = m_settings.calibrationTextPath(); // Settings; empty: the bundled text
    return chosen.isEmpty() ? bundledCalibrationText() : chosen;
}

void ProducePage::browseCalibrationText() {
    QString directory = QFileInfo(calibrationText()).absolutePath();
    if (calibrationText().isEmpty()) directory = sourceFolder();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Calibration Text"), directory, tr("Text files (*.txt *.txt.zst *.zst);;All files (*)"));
    if (path.isEmpty()) return;
    setCalibrationText(path);
}

// "<model>-imatrix-<text>.gguf" in the output folder, or in the cache when that folder is not writable.
QString ProducePage::computedImatrixPath() const {
    QString modelStem = QFileInfo(m_entryPath).completeBaseName();
    if (QFileInfo(m_entryPath).isDir()) modelStem = QFileInfo(m_entryPath).fileName();
    QString textStem = QFileInfo(calibrationText()).fileName();
    for (const QString& suffix : {QStringLiteral(".zst"), QStringLiteral(".txt")})
        if (textStem.endsWith(suffix)) textStem.chop(suffix.size());
    const QString name = QStringLiteral("%1-imatrix-%2.gguf").arg(modelStem, textStem);
    QString folder = QFileInfo(outputDirectory()).absoluteFilePath();
    if (!QFileInfo(folder).isDir() || !QFileInfo(folder).isWritable())
        folder = QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/imatrix");
    return QDir(folder).filePath(name);
}

void ProducePage::computeImatrix() {
    if (imatrixSource() != ImatrixSource::Text) return;
    const QString text = calibrationText();
    // A Hugging Face folder: the job converts it to F16 in the cache first (the engine reads GGUF).
    const QString modelPath = m_model ? m_model->displayPath() : QString();
    const QString key = modelPath + QLatin1Char('\n') + text;
    if (m_imatrixLoadedPath == key && (m_imatrixComputing || m_imatrix)) {
        if (m_imatrix && m_model && m_plannedImatrix != m_imatrix) replan();
        updateStartState();
        return;
    }
    if (m_computeJob) m_computeJob->cancel();
    m_computeJob = nullptr;
    m_imatrixComputing = false;
    m_imatrix.reset();
    m_imatrixError.clear();
    m_imatrixLoadedPath.clear();
    ++m_imatrixGeneration;
    m_imatrixProgress->hide();
    m_imatrixStop->hide();
    m_imatrixStatus->setForegroundRole(QPalette::PlaceholderText);
    if (text.isEmpty()) {
        m_imatrixStatus->setText(tr("Choose a calibration text."));
    } else if (!QFileInfo(text).isFile()) {
        m_imatrixError = tr("%1 does not exist.").arg(QDir::toNativeSeparators(text));
        showImatrixError(m_imatrixError);
    } else if (!m_model) {
        m_imatrixStatus->setText(
            tr("Computed from %1 once a model is selected.").arg(QFileInfo(text).fileName()));
    } else {
        ImatrixComputeRequest request;
        request.modelPath = modelPath;
        request.textPath = text;
        request.outputPath = computedImatrixPath();
        request.cacheFolder =
            QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/imatrix");
        request.threads = unsigned(m_threads->value());
        // llama-imatrix's default context, but never more than the model was trained for.
        const uint64_t trained = m_model->summary.contextLength.value_or(512);
        request.context = unsigned(std::clamp<uint64_t>(trained, 16, 512));
        auto* job = new ImatrixComputeJob(m_imatrixGeneration, std::move(request), this);
        connect(job, &ImatrixComputeJob::progressed, this, &ProducePage::onImatrixComputeProgress);
        connect(job, &ImatrixComputeJob::finished, this, &ProducePage::onImatrixComputed);
        connect(job, &ImatrixComputeJob::failed, this, [this](quint64 generation, const QString& message) {
            onImatrixComputeEnded(generation, message, false);
        });
        connect(job, &ImatrixComputeJob::cancelled, this,
                [this](quint64 generation) { onImatrixComputeEnded(generation, {}, true); });
        m_computeJob = job;
        m_imatrixComputing = true;
        m_imatrixLoadedPath = key;
        m_imatrixStatus->setText(tr("Computing from %1…").arg(QFileInfo(text).fileName()));
        m_imatrixProgress->setValue(0);
        m_imatrixProgress->show();
        m_imatrixStop->show();
        m_computePool.start(job);
    }
    if (m_model) replan();
    updateStartState();
}

void ProducePage::onImatrixComputeProgress(quint64 generation, double fraction, const QString& stage) {
    if (generation != m_imatrixGeneration) return;
    m_imatrixProgress->setValue(int(fraction * 1000.0));
    m_imatrixStatus->setText(tr("Computing from %1: %2").arg(QFileInfo(calibrationText()).fileName(), stage));
}

void ProducePage::onImatrixComputed(quint64 generation, const ImatrixPtr& imatrix,
                                    const ImatrixComputeSummary& summary) {
    if (generation != m_imatrixGeneration) return;
    m_computeJob = nullptr;
    m_imatrixComputing = false;
    m_imatrixProgress->hide();
    m_imatrixStop->hide();
    m_imatrix = imatrix;
    QString text =
        tr("%n entries over %1 chunks of %2, perplexity %3", nullptr, int(imatrix->entries().size()))
            .arg(summary.chunks)
            .arg(QFileInfo(calibrationText()).fileName())
            .arg(summary.perplexity, 0, 'f', 2);
    text += summary.fromCache ? tr(" (computed before)") : tr(" (%1 s)").arg(summary.seconds, 0, 'f', 1);
    if (!summary.savedPath.isEmpty())
        text += QLatin1Char('\n') + tr("Saved as %1").arg(QDir::toNativeSeparators(summary.savedPath));
    m_imatrixStatus->setText(text);
    m_imatrixStatus->setForegroundRole(QPalette::PlaceholderText);
    if (m_model) replan();
    updateStartState();
}

void ProducePage::onImatrixComputeEnded(quint64 generation, const QString& message, bool cancelled) {
    if (generation != m_imatrixGeneration) return;
    m_computeJob = nullptr;
    m_imatrixComputing = false;
    m_imatrixProgress->hide();
    m_imatrixStop->hide();
    m_imatrixLoadedPath.clear(); // computing again is allowed
    m_imatrixError = cancelled ? tr("Stopped. Press Enter in the text field to compute again.") : message;
    if (cancelled) {
        m_imatrixStatus->setText(m_imatrixError);
        m_imatrixStatus->setForegroundRole(QPalette::PlaceholderText);
    } else {
        showImatrixError(message);
    }
    updateStartState();
}

void ProducePage::cancelImatrixComputation() {
    if (m_computeJob) m_computeJob->cancel();
}

ImatrixPtr ProducePage::effectiveImatrix() const {
    if (imatrixSource() == ImatrixSource::None) return {};
    return m_imatrix;
}

void ProducePage::replan() {
    ++m_planGeneration;
    m_plannedImatrix = effectiveImatrix();
    m_presets->setPending();
    updateNotice();
    if (!m_model) return;
    auto* job = new PresetPlanJob(m_planGeneration, m_model, m_plannedImatrix, m_taskPool);
    connect(job, &PresetPlanJob::finished, this, &ProducePage::onPlansReady);
    m_taskPool->start(job);
}

void ProducePage::onPlansReady(quint64 generation, const PresetPlanSummaries& summaries) {
    if (generation != m_planGeneration) return;
    m_presets->setSummaries(summaries);
    updateNotice();
    updateStartState();
}

void ProducePage::updateNotice() {
    if (!m_model || !m_presets->noneAvailable()) {
        m_notice->hide();
        return;
    }
    // The core's reason, from the first preset that it refused.
    QString coreMessage;
    for (int row = 0; row < m_presets->rowCount() && coreMessage.isEmpty(); ++row) {
        const PresetPlanSummary* summary = m_presets->summaryAt(row);
        if (summary && !summary->ok) coreMessage = summary->error;
    }
    if (hasQuantizedTensors(m_model->summary)) {
        m_noticeTitle->setText(tr("%1 is already quantized").arg(QFileInfo(m_entryPath).fileName()));
        m_noticeText->setText(tr("Quantizing a quantized model again loses quality, so no preset is offered "
                                 "for it. Open the F16, BF16 or F32 original of this model and produce from "
                                 "that.\n\n%1")
                                  .arg(coreMessage)
                                  .trimmed());
    } else {
        m_noticeTitle->setText(tr("No preset can be made from this model"));
        m_noticeText->setText(coreMessage);
    }
    m_notice->show();
}

QString ProducePage::blockingReason() const {
    if (!m_model) return tr("Select a model in the list first.");
    if (imatrixSource() == ImatrixSource::File) {
        if (m_imatrixLoading) return tr("Reading the importance matrix…");
        if (!m_imatrix) return tr("Choose a readable importance matrix file, or set it to None.");
    }
    if (imatrixSource() == ImatrixSource::Text) {
        if (m_imatrixComputing) return tr("Computing the importance matrix (see above)…");
        if (!m_imatrix)
            return tr(
                "The importance matrix has not been computed: choose a calibration text, or set it to None.");
    }
    if (m_presets->isPending()) return tr("Working out the sizes…");
    if (m_presets->noneAvailable()) return tr("Nothing can be produced from this model (see above).");
    const QStringList chosen = m_presets->checkedPresets();
    if (chosen.isEmpty()) return tr("Choose one or more presets above.");
    const QStringList pending = m_queue->pendingOutputPaths();
    for (const QString& name : chosen) {
        const QString output = outputPathFor(name);
        if (pending.contains(output))
            return tr("%1 is already being produced by a job in the queue.")
                .arg(QFileInfo(output).fileName());
    }
    const QFileInfo folder(outputDirectory());
    if (!folder.isDir())
        return tr("The output folder %1 does not exist.").arg(QDir::toNativeSeparators(outputDirectory()));
    return {};
}

bool ProducePage::canStart() const {
    return blockingReason().isEmpty();
}

void ProducePage::updateStartState() {
    const QString reason = blockingReason();
    m_startButton->setEnabled(reason.isEmpty());
    m_startAction->setEnabled(reason.isEmpty());
    if (!reason.isEmpty()) {
        m_startHint->setText(reason);
        return;
    }
    const QStringList chosen = m_presets->checkedPresets();
    quint64 total = 0;
    for (const QString& name : chosen)
        total += m_presets->summary(name)->fileBytes;
    const QString files = chosen.size() == 1 ? tr("1 file") : tr("%n files", nullptr, int(chosen.size()));
    m_startHint->setText(tr("%1, %2 in total, into %3")
                             .arg(files, formatBytes(total), QDir::toNativeSeparators(outputDirectory())));
}

bool ProducePage::start() {
    updateStartState();
    if (!canStart()) return false;
    const QStringList chosen = m_presets->checkedPresets();
    const QString folder = QFileInfo(outputDirectory()).absoluteFilePath();

    QuantizeRequest request;
    request.sourceEntryId = m_entryId;
    request.source = m_model->file;
    request.hf = m_model->hf;
    request.imatrix = effectiveImatrix();
    request.threads = unsigned(m_threads->value());
    QStringList existing;
    for (const QString& name : chosen) {
        const QString output = outputPathFor(name);
        if (QFileInfo::exists(output)) existing << QFileInfo(output).fileName();
        request.targets.push_back({quant::findPreset(name.toStdString()), output});
    }
    if (!existing.isEmpty()) {
        const QString question =
            existing.size() == 1
                ? tr("%1 already exists in %2. Replace it?")
                      .arg(existing.front(), QDir::toNativeSeparators(folder))
                : tr("These files already exist in %1:\n\n%2\n\nReplace them?")
                      .arg(QDir::toNativeSeparators(folder), existing.join(QLatin1Char('\n')));
        // The core writes a temporary file and renames it over the old one, so replacing is safe even if
        // the job is cancelled or fails.
        const auto answer = QMessageBox::question(this, tr("Replace Existing Files?"), question,
                                                  QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes) return false;
    }

    JobRowWidget* row = m_queue->enqueue(std::move(request), chosen.join(QStringLiteral(" + ")),
                                         QFileInfo(m_entryPath).fileName());
    // Esc now cancels the job just started.
    row->setFocus(Qt::OtherFocusReason);
    updateStartState();
    return true;
}

} // namespace qf::ui
