#include "pages/produce_page.h"

#include <algorithm>

#include <QAction>
#include <QCheckBox>
#include <QDoubleSpinBox>
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
#include <QPushButton>
#include <QShowEvent>
#include <QSpinBox>
#include <QSplitter>
#include <QStyle>
#include <QThread>
#include <QThreadPool>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include "format.h"
#include "models/preset_table_model.h"
#include "qf/gguf/gguf_split_writer.h"
#include "qf/quant/quantize_job.h"
#include "widgets/job_queue_widget.h"
#include "widgets/job_row_widget.h"
#include "widgets/lora_merge_panel.h"

namespace qf::ui {

namespace {

int hardwareThreads() {
    return qMax(1, QThread::idealThreadCount());
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
      m_queue(new JobQueueWidget(jobPool, this)), m_loraPanel(new LoraMergePanel(jobPool, this)), m_mixCheck(new QCheckBox(this)) {
    Q_ASSERT(taskPool && jobPool);
    setObjectName(QStringLiteral("producePage"));

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
    connect(m_presets, &PresetTableModel::checkedPresetsChanged, this, &ProducePage::offerImatrixFromText);
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
    connect(m_loraPanel, &LoraMergePanel::filesProduced, this, &ProducePage::filesProduced);
    connect(m_loraPanel, &LoraMergePanel::busyChanged, this, [this] { emit activeJobCountChanged(activeJobCount()); });
    connect(m_presets, &PresetTableModel::checkedPresetsChanged, this,
            [this] { m_loraPanel->setChosenPresets(chosenPresets()); });

    auto* lower = new QWidget(this);
    auto* lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 8, 0, 0);
    lowerLayout->addWidget(createOptions());
    lowerLayout->addLayout(startRow);
    lowerLayout->addWidget(m_loraPanel);
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
    updateStartState();
}

QWidget* ProducePage::createOptions() {
    auto* options = new QWidget(this);
    options->setObjectName(QStringLiteral("produceOptions"));

    m_imatrixChooser = new ImatrixChooser(m_settings, m_taskPool, options);
    connect(m_imatrixChooser, &ImatrixChooser::imatrixChanged, this, &ProducePage::onImatrixChanged);
    connect(m_imatrixChooser, &ImatrixChooser::stateChanged, this, &ProducePage::updateStartState);

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
        m_imatrixChooser->setOutputFolder(outputDirectory());
        m_loraPanel->setOutputDirectory(outputDirectory());
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
    m_imatrixChooser->setThreads(m_threads->value());
    connect(m_threads, &QSpinBox::valueChanged, this, [this](int value) {
        m_loraPanel->setThreads(value);
        m_settings.setProduceThreads(value);
        m_imatrixChooser->setThreads(value);
    });
    auto* threadsNote = new QLabel(tr("of %1 on this machine").arg(hardwareThreads()), options);
    threadsNote->setForegroundRole(QPalette::PlaceholderText);

    auto* outputRow = new QHBoxLayout;
    outputRow->addWidget(m_outputDirectory, 1);
    outputRow->addWidget(m_outputBrowse);
    outputRow->addWidget(m_outputReset);
    auto* threadsRow = new QHBoxLayout;
    threadsRow->addWidget(m_threads);
    threadsRow->addWidget(threadsNote);
    threadsRow->addStretch(1);

    // Split output (gguf-split's --split-max-size): Hugging Face takes files of at most 50 GB.
    m_splitCheck = new QCheckBox(tr("Split into parts of at most"), options);
    m_splitCheck->setObjectName(QStringLiteral("splitCheck"));
    m_splitCheck->setToolTip(tr("Writes each file as name-00001-of-0000N.gguf parts, as llama.cpp's gguf-split "
                                "does; llama.cpp and Quantforge open the first part as the whole model"));
    m_splitSize = new QDoubleSpinBox(options);
    m_splitSize->setObjectName(QStringLiteral("splitSize"));
    m_splitSize->setAccessibleName(tr("Largest part in GB"));
    m_splitSize->setRange(0.001, 1000.0);
    m_splitSize->setDecimals(3);
    m_splitSize->setValue(50.0);
    m_splitSize->setSuffix(tr(" GB"));
    m_splitSize->setEnabled(false);
    connect(m_splitCheck, &QCheckBox::toggled, m_splitSize, &QWidget::setEnabled);
    auto* splitRow = new QHBoxLayout;
    splitRow->addWidget(m_splitCheck);
    splitRow->addWidget(m_splitSize);
    splitRow->addStretch(1);

    auto* form = new QFormLayout(options);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&Importance matrix:"), m_imatrixChooser);
    form->addRow(tr("&Output folder:"), outputRow);
    form->addRow(tr("&Threads:"), threadsRow);
    form->addRow(tr("Large files:"), splitRow);
    // The custom mix, when the Recommend page sent one.
    m_mixCheck->setObjectName(QStringLiteral("mixCheck"));
    m_mixCheck->setToolTip(tr("Measures how sensitive each tensor is (cached), chooses a type per tensor "
                              "within the budget, and writes the file"));
    m_mixCheck->hide();
    connect(m_mixCheck, &QCheckBox::toggled, this, &ProducePage::updateStartState);
    form->addRow(QString(), m_mixCheck);
    // Buddies for the mnemonics.
    for (auto [row, buddy] : {std::pair{0, static_cast<QWidget*>(m_imatrixChooser->sourceCombo())},
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
    m_imatrixChooser->setModel(m_entryPath, m_model); // recomputes a matrix computed from text
    m_loraPanel->setModel(m_entryId, m_entryPath, m_model);
    m_loraPanel->setThreads(m_threads->value());
    if (!sameModel) replan();
    // A mix sent for another model is not offered here.
    m_mixCheck->setVisible(m_mixBudget > 0 && !m_mixSettings.modelPath.isEmpty() &&
                           QFileInfo(m_mixSettings.modelPath) == QFileInfo(m_entryPath));
    updateStartState();
}

int ProducePage::activeJobCount() const {
    return m_queue->activeJobCount() + (m_loraPanel->isBusy() ? 1 : 0);
}

void ProducePage::cancelAllJobs() {
    m_queue->cancelAll();
    m_loraPanel->cancel();
}

void ProducePage::setMixTarget(quint64 budget, const MixSettings& settings) {
    m_mixBudget = budget;
    m_mixSettings = settings;
    m_mixCheck->setText(tr("Custom mix within %1 (from Recommend)").arg(formatBytes(budget)));
    m_mixCheck->setVisible(budget > 0);
    m_mixCheck->setChecked(budget > 0);
    updateStartState();
}

void ProducePage::setMixChosen(bool chosen) {
    m_mixCheck->setChecked(chosen && m_mixBudget > 0);
}

bool ProducePage::isMixChosen() const {
    return m_mixBudget > 0 && m_mixCheck->isChecked() && !m_mixSettings.modelPath.isEmpty() &&
           QFileInfo(m_mixSettings.modelPath) == QFileInfo(m_entryPath);
}

QString ProducePage::mixOutputPath() const {
    if (m_entryPath.isEmpty() || m_mixBudget == 0) return {};
    // Decimal units, one decimal, in the C locale: a file name does not change with the language.
    const double mb = double(m_mixBudget) / 1e6;
    const QString size = mb >= 1000.0 ? QString::number(mb / 1000.0, 'f', 1) + QStringLiteral("GB")
                                      : QString::number(mb, 'f', 1) + QStringLiteral("MB");
    const QFileInfo source(m_entryPath);
    QString stem = source.isDir() ? source.fileName() : source.completeBaseName();
    // "model-F16" -> "model": the mix replaces the source's type in the name.
    for (const char* suffix : {"-f16", "-F16", "-bf16", "-BF16", "-f32", "-F32"})
        if (stem.endsWith(QLatin1String(suffix))) stem.chop(int(qstrlen(suffix)));
    return QDir::cleanPath(QDir(QFileInfo(outputDirectory()).absoluteFilePath())
                               .filePath(stem + QStringLiteral("-mix-") + size + QStringLiteral(".gguf")));
}

void ProducePage::setChosenPresets(const QStringList& names) {
    m_presets->setCheckedPresets(names);
}

QStringList ProducePage::chosenPresets() const {
    return m_presets->checkedPresets();
}

void ProducePage::setImatrixSource(ImatrixSource source) {
    m_imatrixChooser->setSource(source);
}

void ProducePage::setCalibrationText(const QString& path) {
    m_imatrixChooser->setCalibrationText(path);
}

QString ProducePage::calibrationText() const {
    return m_imatrixChooser->calibrationText();
}

bool ProducePage::isComputingImatrix() const {
    return m_imatrixChooser->isComputing();
}

void ProducePage::computeImatrix() {
    m_imatrixChooser->compute();
}

void ProducePage::cancelImatrixComputation() {
    m_imatrixChooser->cancelComputation();
}

void ProducePage::setImatrixFile(const QString& path) {
    m_imatrixChooser->setFile(path);
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
    m_imatrixChooser->setOutputFolder(outputDirectory());
    m_loraPanel->setOutputDirectory(outputDirectory());
    const QString shown = QDir::toNativeSeparators(outputDirectory());
    // Do not fight a person typing: only replace text that differs.
    if (QDir::fromNativeSeparators(m_outputDirectory->text().trimmed()) != outputDirectory()) {
        m_outputDirectory->setText(shown);
        m_outputDirectory->setCursorPosition(0);
    }
    m_outputDirectory->setPlaceholderText(tr("Beside the model"));
    m_outputReset->setEnabled(!m_customOutputDirectory.isEmpty());
}

void ProducePage::browseOutputDirectory() {
    const QString chosen =
        QFileDialog::getExistingDirectory(this, tr("Output Folder for New Quants"), outputDirectory());
    if (!chosen.isEmpty()) setOutputDirectory(chosen);
}

void ProducePage::onImatrixChanged() {
    if (m_model && m_plannedImatrix != m_imatrixChooser->imatrix()) replan();
    updateStartState();
}

void ProducePage::replan() {
    ++m_planGeneration;
    m_plannedImatrix = m_imatrixChooser->imatrix();
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
    if (const QString imatrix = m_imatrixChooser->blockingReason(); !imatrix.isEmpty()) return imatrix;
    if (m_presets->isPending()) return tr("Working out the sizes…");
    if (m_presets->noneAvailable()) return tr("Nothing can be produced from this model (see above).");
    const QStringList chosen = m_presets->checkedPresets() + m_presets->checkedWaitingForImatrix();
    if (chosen.isEmpty() && !isMixChosen()) return tr("Choose one or more presets above.");
    if (isMixChosen() && m_queue->pendingOutputPaths().contains(mixOutputPath()))
        return tr("%1 is already being produced by a job in the queue.").arg(QFileInfo(mixOutputPath()).fileName());
    if (const QStringList waiting = m_presets->checkedWaitingForImatrix();
        !waiting.isEmpty() && !m_imatrixChooser->needsComputation())
        return tr("%1 needs an importance matrix: choose one, or compute one from text.").arg(waiting.join(QStringLiteral(", ")));
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
    if (m_startWhenImatrixReady) {
        if (m_imatrixChooser->imatrix() && canStart() && !m_presets->isPending()) {
            m_startWhenImatrixReady = false;
            start();
            return;
        }
        if (!m_imatrixChooser->isComputing() && !m_imatrixChooser->imatrix()) m_startWhenImatrixReady = false;
    }
    const QString reason = blockingReason();
    m_startButton->setEnabled(reason.isEmpty());
    m_startAction->setEnabled(reason.isEmpty());
    if (!reason.isEmpty()) {
        m_startHint->setText(m_startWhenImatrixReady
                                 ? tr("Producing starts when the importance matrix is computed.")
                                 : reason);
        return;
    }
    // The presets waiting for the matrix computed at Start are files too; their size is known but for the
    // matrix's few hundred bytes of metadata.
    const QStringList waiting = m_presets->checkedWaitingForImatrix();
    const QStringList chosen = m_presets->checkedPresets() + waiting;
    quint64 total = 0;
    for (const QString& name : chosen)
        if (const PresetPlanSummary* summary = m_presets->summary(name)) total += summary->fileBytes;
    const int count = int(chosen.size()) + (isMixChosen() ? 1 : 0);
    if (isMixChosen()) total += m_mixBudget; // at most
    const QString files = count == 1 ? tr("1 file") : tr("%n files", nullptr, count);
    const QString size = waiting.isEmpty() ? formatBytes(total) : tr("about %1").arg(formatBytes(total));
    m_startHint->setText(tr("%1, %2 in total, into %3")
                             .arg(files, size, QDir::toNativeSeparators(outputDirectory())));
}

// Issue 12: a checked preset that needs an importance matrix, and none chosen: the matrix is computed
// from the calibration text (the bundled one unless another is set) when producing starts, so checking
// IQ2_M and pressing Start gives the file.
void ProducePage::offerImatrixFromText() {
    if (m_presets->checkedWaitingForImatrix().isEmpty()) return;
    if (m_imatrixChooser->source() != ImatrixChooser::Source::None) return;
    m_imatrixChooser->setSource(ImatrixChooser::Source::Text);
}

bool ProducePage::start() {
    updateStartState();
    if (!canStart()) return false;
    // "Compute from text" without a matrix yet: compute it now, and produce once it (and the plans made
    // with it) are ready.
    if (m_imatrixChooser->needsComputation()) {
        m_startWhenImatrixReady = true;
        m_imatrixChooser->compute();
        updateStartState();
        return true;
    }
    QStringList chosen = m_presets->checkedPresets();
    const QString folder = QFileInfo(outputDirectory()).absoluteFilePath();

    bool withMix = isMixChosen();
    // The files an output would replace: the file, or with split output its parts (any count of them).
    const bool split = m_splitCheck->isChecked();
    auto existingFor = [&](const QString& output) {
        QStringList names;
        if (!split) {
            if (QFileInfo::exists(output)) names << QFileInfo(output).fileName();
            return names;
        }
        for (const auto& shard : gguf::existingSplitShards(output.toStdU16String()))
            names << QString::fromStdU16String(shard.filename().u16string());
        return names;
    };
    QStringList existing, presetsWithExisting;
    for (const QString& name : chosen) {
        const QStringList found = existingFor(outputPathFor(name));
        if (!found.isEmpty()) presetsWithExisting << name;
        existing << found;
    }
    const bool mixExists = withMix && !existingFor(mixOutputPath()).isEmpty();
    if (mixExists) existing << existingFor(mixOutputPath());
    const int existingOutputs = int(presetsWithExisting.size()) + (mixExists ? 1 : 0);
    if (!existing.isEmpty()) {
        const bool someAreNew = existingOutputs < chosen.size() + (withMix ? 1 : 0);
        const QString question =
            existing.size() == 1
                ? tr("%1 already exists in %2. Replace it?")
                      .arg(existing.front(), QDir::toNativeSeparators(folder))
                : tr("These files already exist in %1:\n\n%2\n\nReplace them?")
                      .arg(QDir::toNativeSeparators(folder), existing.join(QLatin1Char('\n')));
        // The core writes a temporary file and renames it over the old one, so replacing is safe even if
        // the job is cancelled or fails.
        QMessageBox box(QMessageBox::Question, tr("Replace Existing Files?"), question, QMessageBox::NoButton,
                        this);
        box.setObjectName(QStringLiteral("replaceExistingDialog"));
        QPushButton* replace = box.addButton(tr("Replace"), QMessageBox::AcceptRole);
        replace->setObjectName(QStringLiteral("replaceButton"));
        QPushButton* skip = nullptr;
        if (someAreNew) {
            box.setInformativeText(tr("The other %n file(s) are new.", nullptr,
                                      int(chosen.size() + (withMix ? 1 : 0) - existingOutputs)));
            skip = box.addButton(tr("Skip Existing"), QMessageBox::ActionRole);
            skip->setObjectName(QStringLiteral("skipExistingButton"));
        }
        QPushButton* cancel = box.addButton(QMessageBox::Cancel);
        box.setDefaultButton(skip ? skip : cancel);
        box.setEscapeButton(cancel);
        box.exec();
        if (box.clickedButton() == skip && skip) {
            chosen.removeIf([&](const QString& name) { return presetsWithExisting.contains(name); });
            if (mixExists) withMix = false;
        } else if (box.clickedButton() != replace) {
            m_startHint->setText(tr("Nothing produced: the existing files were kept."));
            return false;
        }
    }

    QuantizeRequest request;
    request.sourceEntryId = m_entryId;
    request.source = m_model->file;
    request.hf = m_model->hf;
    request.imatrix = m_imatrixChooser->imatrix();
    request.threads = unsigned(m_threads->value());
    if (m_splitCheck->isChecked()) request.split.maxBytes = quint64(m_splitSize->value() * 1e9 + 0.5);
    for (const QString& name : chosen)
        request.targets.push_back({quant::findPreset(name.toStdString()), outputPathFor(name), std::nullopt});
    QStringList titles = chosen;
    if (withMix) {
        request.targets.push_back({nullptr, mixOutputPath(), MixTarget{m_mixSettings, m_mixBudget}});
        titles << tr("Custom mix (%1)").arg(formatBytes(m_mixBudget));
    }
    if (request.targets.empty()) return false;

    JobRowWidget* row = m_queue->enqueue(std::move(request), titles.join(QStringLiteral(" + ")),
                                         QFileInfo(m_entryPath).fileName());
    // Esc now cancels the job just started.
    row->setFocus(Qt::OtherFocusReason);
    updateStartState();
    return true;
}

} // namespace qf::ui
