#include "pages/compare_page.h"

#include <algorithm>

#include <filesystem>

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QThreadPool>
#include <QVBoxLayout>

#include "cache_storage.h"
#include "format.h"
#include "jobs/mix_settings.h"
#include "models/comparison_table_model.h"
#include "models/model_list_model.h"
#include "sample_model.h"
#include "widgets/palette_colors.h"
#include "widgets/side_by_side_view.h"
#include "widgets/size_quality_chart.h"

namespace qf::ui {

namespace {

constexpr int kDefaultContext = 512; // llama-perplexity's default
constexpr int kDefaultQuickChunks = 8;
constexpr qint64 kMaxTextBytes = qint64(512) << 20;

std::filesystem::path toPath(const QString& path) {
    return std::filesystem::path(path.toStdU16String());
}

QString writeFile(const QString& path, const QByteArray& bytes) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return QCoreApplication::translate("qf::ui::ComparePage", "Could not write %1: %2")
            .arg(QDir::toNativeSeparators(path), file.errorString());
    return {};
}

} // namespace

ComparePage::ComparePage(ModelListModel* models, QThreadPool* jobPool, QWidget* parent)
    : SourcePage(parent), m_models(models), m_jobPool(jobPool), m_table(new ComparisonTableModel(this)) {
    setObjectName(QStringLiteral("comparePage"));
    m_textPath = bundledEvaluationText();

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(createSettingsRow());
    layout->addWidget(createProgressRow());
    layout->addWidget(createResultsArea(), 1);

    auto* startAction = new QAction(tr("Evaluate"), this);
    startAction->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    startAction->setShortcutContext(Qt::WindowShortcut);
    connect(startAction, &QAction::triggered, this, [this] {
        if (!isEvaluating()) evaluate();
    });
    addAction(startAction);
    auto* cancelAction = new QAction(tr("Cancel Evaluation"), this);
    cancelAction->setShortcut(QKeySequence(Qt::Key_Escape));
    cancelAction->setShortcutContext(Qt::WindowShortcut);
    connect(cancelAction, &QAction::triggered, this, &ComparePage::cancelEvaluation);
    addAction(cancelAction);

    // Files produced, opened or removed under the shown source change the rows.
    auto refreshIfOurs = [this](const QModelIndex& index) {
        if (!m_sourceId) return;
        const QModelIndex source = m_models->sourceIndex(index);
        const ModelEntry* entry = m_models->entry(source);
        if (entry && entry->id == m_sourceId) refreshRows();
    };
    connect(m_models, &QAbstractItemModel::rowsInserted, this,
            [refreshIfOurs](const QModelIndex& parent) { refreshIfOurs(parent); });
    connect(m_models, &QAbstractItemModel::rowsRemoved, this, [this] {
        if (m_sourceId && !m_models->indexForId(m_sourceId).isValid()) m_sourceId = 0;
        refreshRows();
    });
    connect(m_models, &QAbstractItemModel::dataChanged, this,
            [refreshIfOurs](const QModelIndex& topLeft) { refreshIfOurs(topLeft); });
    updateChart();
    updateControls();
}

// The window cancels running jobs before its pools wait for them; the pool outlives nothing here.
ComparePage::~ComparePage() = default;

QString ComparePage::title() const {
    return tr("Compare");
}

QString ComparePage::bundledEvaluationText() {
    return bundledDataFile(QStringLiteral("books-eval.txt"));
}

QWidget* ComparePage::createSettingsRow() {
    auto* row = new QWidget(this);
    // Two lines: the text, then how to evaluate it. One line was wider than the page at 1180x760 in
    // German and squeezed the model list (issue 13).
    auto* rows = new QVBoxLayout(row);
    rows->setContentsMargins(0, 0, 0, 0);
    auto* layout = new QHBoxLayout;
    auto* settings = new QHBoxLayout;
    rows->addLayout(layout);
    rows->addLayout(settings);

    auto* textLabel = new QLabel(tr("&Text:"), row);
    m_textEdit = new QLineEdit(QDir::toNativeSeparators(m_textPath), row);
    m_textEdit->setCursorPosition(0);
    m_textEdit->setMinimumWidth(m_textEdit->fontMetrics().averageCharWidth() * 24);
    m_textEdit->setObjectName(QStringLiteral("evaluationTextEdit"));
    m_textEdit->setPlaceholderText(tr("Plain text to evaluate on"));
    m_textEdit->setToolTip(tr("The text every file is evaluated on (default: the bundled evaluation text)"));
    textLabel->setBuddy(m_textEdit);
    connect(m_textEdit, &QLineEdit::editingFinished, this,
            [this] { setEvaluationText(QDir::fromNativeSeparators(m_textEdit->text().trimmed())); });
    m_browseButton = new QPushButton(tr("Browse…"), row);
    m_browseButton->setObjectName(QStringLiteral("browseTextButton"));
    connect(m_browseButton, &QPushButton::clicked, this, [this] {
        const QString path =
            QFileDialog::getOpenFileName(this, tr("Evaluation Text"), QFileInfo(m_textPath).absolutePath(),
                                         tr("Text files (*.txt);;All files (*)"));
        if (!path.isEmpty()) setEvaluationText(path);
    });

    auto* contextLabel = new QLabel(tr("C&ontext:"), row);
    m_contextSpin = new QSpinBox(row);
    m_contextSpin->setObjectName(QStringLiteral("contextSpin"));
    m_contextSpin->setRange(16, 131072);
    m_contextSpin->setSingleStep(128);
    m_contextSpin->setValue(kDefaultContext);
    m_contextSpin->setSuffix(tr(" tokens"));
    m_contextSpin->setToolTip(tr("Tokens per chunk, as llama-perplexity's -c"));
    contextLabel->setBuddy(m_contextSpin);
    connect(m_contextSpin, &QSpinBox::valueChanged, this, [this](int value) {
        if (!m_settingContextForModel) {
            m_contextFollowsModel = false;
            m_chosenContext = uint32_t(value);
        }
        setContext(uint32_t(value));
    });

    m_quickCheck = new QCheckBox(tr("&Quick: first"), row);
    m_quickCheck->setObjectName(QStringLiteral("quickCheck"));
    m_quickCheck->setToolTip(tr("Evaluate only the first chunks of the text: faster, with a larger ±"));
    m_chunksSpin = new QSpinBox(row);
    m_chunksSpin->setObjectName(QStringLiteral("chunksSpin"));
    m_chunksSpin->setAccessibleName(tr("Chunks to evaluate"));
    m_chunksSpin->setRange(1, 100000);
    m_chunksSpin->setValue(kDefaultQuickChunks);
    m_chunksSpin->setSuffix(tr(" chunks"));
    m_chunksSpin->setEnabled(false);
    auto applyQuick = [this] {
        m_chunksSpin->setEnabled(m_quickCheck->isChecked());
        setChunkLimit(m_quickCheck->isChecked() ? m_chunksSpin->value() : -1);
    };
    connect(m_quickCheck, &QCheckBox::toggled, this, applyQuick);
    connect(m_chunksSpin, &QSpinBox::valueChanged, this, applyQuick);

    m_evaluateButton = new QPushButton(tr("&Evaluate"), row);
    m_evaluateButton->setObjectName(QStringLiteral("evaluateButton"));
    m_evaluateButton->setDefault(true);
    m_evaluateButton->setToolTip(tr("Measure perplexity, KL divergence and speed of the source and every "
                                    "quant listed under it (Ctrl+Enter)"));
    connect(m_evaluateButton, &QPushButton::clicked, this, [this] { evaluate(); });
    m_cancelButton = new QPushButton(tr("Cancel"), row);
    m_cancelButton->setObjectName(QStringLiteral("cancelEvaluationButton"));
    m_cancelButton->setToolTip(tr("Stop the evaluation (Esc); files already measured keep their results"));
    connect(m_cancelButton, &QPushButton::clicked, this, &ComparePage::cancelEvaluation);

    layout->addWidget(textLabel);
    layout->addWidget(m_textEdit, 1);
    layout->addWidget(m_browseButton);
    settings->addWidget(contextLabel);
    settings->addWidget(m_contextSpin);
    settings->addSpacing(12);
    settings->addWidget(m_quickCheck);
    settings->addWidget(m_chunksSpin);
    settings->addStretch(1);
    settings->addWidget(m_evaluateButton);
    settings->addWidget(m_cancelButton);
    return row;
}

QWidget* ComparePage::createProgressRow() {
    auto* box = new QWidget(this);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* row = new QHBoxLayout;
    m_progress = new QProgressBar(box);
    m_progress->setObjectName(QStringLiteral("evaluationProgress"));
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    m_status = new QLabel(box);
    m_status->setObjectName(QStringLiteral("evaluationStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    row->addWidget(m_status, 1);
    row->addWidget(m_progress, 1);
    layout->addLayout(row);
    m_error = new QLabel(box);
    m_error->setObjectName(QStringLiteral("evaluationError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    setTextColor(m_error, errorTextColor(m_error->palette()));
    m_error->hide();
    layout->addWidget(m_error);
    return box;
}

QWidget* ComparePage::createResultsArea() {
    // Two views of the results, one at a time: the chart above the table, or one prompt answered by every
    // file. All three in one column left the table scrolling sideways and the answers two lines tall at
    // 1180x760 (issue 13).
    m_resultViews = new QTabWidget(this);
    m_resultViews->setObjectName(QStringLiteral("compareViews"));
    m_resultViews->setDocumentMode(true);

    auto* splitter = new QSplitter(Qt::Vertical, m_resultViews);
    splitter->setObjectName(QStringLiteral("compareSplitter"));

    auto* chartBox = new QWidget(splitter);
    auto* chartLayout = new QVBoxLayout(chartBox);
    chartLayout->setContentsMargins(0, 0, 0, 0);
    auto* chartBar = new QHBoxLayout;
    m_metricCombo = new QComboBox(chartBox);
    m_metricCombo->setObjectName(QStringLiteral("metricCombo"));
    m_metricCombo->setAccessibleName(tr("Chart metric"));
    m_metricCombo->addItem(tr("Size against perplexity (lower is better)"));
    m_metricCombo->addItem(tr("Size against KL divergence (lower is better)"));
    connect(m_metricCombo, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_chart->setMetric(index == 1 ? SizeQualityChart::Metric::Kld : SizeQualityChart::Metric::Perplexity);
    });
    m_exportChartButton = new QPushButton(tr("Export Chart…"), chartBox);
    m_exportChartButton->setObjectName(QStringLiteral("exportChartButton"));
    connect(m_exportChartButton, &QPushButton::clicked, this, [this] { showExportMenu(true); });
    chartBar->addWidget(m_metricCombo);
    chartBar->addStretch(1);
    chartBar->addWidget(m_exportChartButton);
    chartLayout->addLayout(chartBar);
    m_chart = new SizeQualityChart(chartBox);
    m_chart->setMinimumHeight(200);
    chartLayout->addWidget(m_chart, 1);

    auto* tableBox = new QWidget(splitter);
    auto* tableLayout = new QVBoxLayout(tableBox);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    m_view = new QTableView(tableBox);
    m_view->setObjectName(QStringLiteral("comparisonTable"));
    m_view->setAccessibleName(tr("Comparison table"));
    m_view->setModel(m_table);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->setWordWrap(false);
    // The numbers take their contents' width; the file name takes what is left and elides in the middle
    // (names differ at their ends, "…-Q4_K_M.gguf", and the Type column says the same), so the table
    // does not scroll sideways at the default window size. The whole name is the cell's tooltip.
    m_view->setTextElideMode(Qt::ElideMiddle);
    QHeaderView* header = m_view->horizontalHeader();
    header->setMinimumSectionSize(m_view->fontMetrics().averageCharWidth() * 4);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ComparisonTableModel::FileColumn, QHeaderView::Stretch);
    auto* tableBar = new QHBoxLayout;
    tableBar->addStretch(1);
    m_exportTableButton = new QPushButton(tr("Export Table…"), tableBox);
    m_exportTableButton->setObjectName(QStringLiteral("exportTableButton"));
    connect(m_exportTableButton, &QPushButton::clicked, this, [this] { showExportMenu(false); });
    tableBar->addWidget(m_exportTableButton);
    tableLayout->addWidget(m_view, 1);
    tableLayout->addLayout(tableBar);
    splitter->addWidget(chartBox);
    splitter->addWidget(tableBox);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);

    auto* sideBySideBox = new QWidget(m_resultViews);
    sideBySideBox->setObjectName(QStringLiteral("sideBySideBox"));
    auto* sideBySideLayout = new QVBoxLayout(sideBySideBox);
    m_sideBySide = new SideBySideView(sideBySideBox);
    sideBySideLayout->addWidget(m_sideBySide);

    m_resultViews->addTab(splitter, tr("Chart and table"));
    m_resultViews->addTab(sideBySideBox, tr("Same prompt, side by side"));
    return m_resultViews;
}

void ComparePage::showResultView(ResultView view) {
    m_resultViews->setCurrentIndex(view == ResultView::SideBySide ? 1 : 0);
}

void ComparePage::setEntry(const ModelEntry& entry) {
    const ModelEntry* source = m_models->entry(m_models->sourceIndex(m_models->indexForId(entry.id)));
    const quint64 id = source ? source->id : entry.id;
    if (id == m_sourceId) return;
    m_sourceId = id;
    m_error->hide();
    // Perplexity beyond the trained context measures extrapolation, not the quant: stay within it.
    const ModelEntry* model = source ? source : &entry;
    const uint64_t trained =
        model->model ? model->model->summary.contextLength.value_or(kDefaultContext) : kDefaultContext;
    // The person's chosen context, cut to this model's trained context; a model with a shorter one does
    // not lower it for the others (coming back shows the results measured at the chosen context).
    const uint64_t wanted = m_contextFollowsModel ? uint64_t(kDefaultContext) : uint64_t(m_chosenContext);
    m_settingContextForModel = true;
    setContext(uint32_t(std::clamp<uint64_t>(std::min(wanted, trained), 16, 131072)));
    m_settingContextForModel = false;
    refreshRows();
}

void ComparePage::setEvaluationText(const QString& path) {
    if (m_textEdit->text() != QDir::toNativeSeparators(path)) {
        m_textEdit->setText(QDir::toNativeSeparators(path));
        m_textEdit->setCursorPosition(0); // the start of the path, not "…ories-subset.txt"
    }
    if (path == m_textPath) return;
    m_textPath = path;
    m_text.reset();
    m_error->hide();
    refreshRows();
}

QString ComparePage::evaluationText() const {
    return m_textPath;
}

void ComparePage::setContext(uint32_t context) {
    if (m_contextSpin->value() != int(context)) m_contextSpin->setValue(int(context)); // re-enters once
    if (context == m_context) return;
    m_context = context;
    refreshRows();
}

void ComparePage::setChunkLimit(int chunks) {
    {
        const QSignalBlocker checkBlocker(m_quickCheck);
        const QSignalBlocker spinBlocker(m_chunksSpin);
        m_quickCheck->setChecked(chunks > 0);
        m_chunksSpin->setEnabled(chunks > 0);
        if (chunks > 0) m_chunksSpin->setValue(chunks);
    }
    const int limit = chunks > 0 ? chunks : -1;
    if (limit == m_chunkLimit) return;
    m_chunkLimit = limit;
    refreshRows();
}

bool ComparePage::loadText() {
    if (m_textPath.isEmpty()) {
        showError(tr("Choose an evaluation text: the bundled one is not installed."));
        return false;
    }
    const QFileInfo info(m_textPath);
    if (m_text && info.lastModified() == m_textModified) return true;
    QFile file(m_textPath);
    if (!file.open(QIODevice::ReadOnly)) {
        showError(tr("Could not read the evaluation text %1: %2")
                      .arg(QDir::toNativeSeparators(m_textPath), file.errorString()));
        return false;
    }
    if (file.size() > kMaxTextBytes) {
        showError(tr("The evaluation text %1 is larger than %2.")
                      .arg(QDir::toNativeSeparators(m_textPath), formatBytes(uint64_t(kMaxTextBytes))));
        return false;
    }
    const QByteArray bytes = file.readAll();
    auto text = std::make_shared<std::string>(bytes.constData(), size_t(bytes.size()));
    // llama.cpp's -f drops one trailing newline, and so does quantforge-cli: the same tokens, the same
    // numbers.
    if (!text->empty() && text->back() == '\n') text->pop_back();
    m_textSha256 = eval::textSha256Hex(*text);
    m_text = std::move(text);
    m_textModified = info.lastModified();
    return true;
}

std::optional<eval::EvaluationKey> ComparePage::currentKey() {
    if (m_textPath.isEmpty() || !QFileInfo(m_textPath).isFile()) return std::nullopt;
    if (!loadText()) return std::nullopt;
    return eval::EvaluationKey{m_textSha256, m_context, m_chunkLimit};
}

void ComparePage::refreshRows() {
    std::vector<ComparisonRow> rows;
    const QModelIndex source = m_models->indexForId(m_sourceId);
    const ModelEntry* sourceEntry = m_models->entry(source);
    m_sourcePath = sourceEntry ? sourceEntry->path : QString();
    const auto key = currentKey();
    QStringList unreadable;
    auto addRow = [&](const ModelEntry& entry, bool isSource) {
        if (entry.state != LoadState::Ready || !entry.model) return;
        ComparisonRow row;
        row.path = entry.path;
        row.typeName = toQString(entry.model->summary.fileTypeName);
        // A budget mix's general.file_type only names its commonest type: it is a mix, not that preset.
        row.mixPredictedKld = mixPredictedKld(entry.model->metadata());
        if (row.mixPredictedKld) row.typeName = tr("Custom mix");
        row.bytes = entry.model->summary.fileBytes;
        row.bitsPerWeight = entry.model->summary.bitsPerWeight;
        row.isSource = isSource;
        if (key) {
            auto sidecar = eval::readSidecar(toPath(entry.path));
            if (!sidecar) {
                unreadable << QString::fromStdString(sidecar.error().message);
            } else if (const eval::StoredEvaluation* stored = sidecar->find(*key)) {
                // A file replaced since it was measured shows no numbers.
                if (stored->fileBytes == uint64_t(QFileInfo(entry.path).size())) row.evaluation = *stored;
            }
        }
        rows.push_back(std::move(row));
    };
    if (sourceEntry) {
        addRow(*sourceEntry, true);
        for (int r = 0; r < m_models->rowCount(source); ++r) {
            if (const ModelEntry* child = m_models->entry(m_models->index(r, 0, source)))
                addRow(*child, false);
        }
    }
    std::vector<SideBySideFile> files;
    for (const ComparisonRow& row : rows)
        files.push_back({row.path, row.typeName, row.bytes});
    m_sideBySide->setFiles(files);
    m_table->setRows(std::move(rows));
    if (!unreadable.isEmpty() && !isEvaluating())
        showError(tr("Some stored results could not be read and will be replaced when evaluated again:\n%1")
                      .arg(unreadable.join(QLatin1Char('\n'))));
    updateChart();
    updateControls();
    emitMeasuredQuality();
}

void ComparePage::setPredictedMixCurve(const std::vector<std::pair<quint64, double>>& curve) {
    m_chart->setPredictedCurve(tr("Custom mix (predicted)"), curve);
}

void ComparePage::updateChart() {
    std::vector<ChartPoint> points;
    for (const ComparisonRow& row : m_table->rows()) {
        if (!row.evaluation) continue;
        ChartPoint p;
        p.label = row.typeName;
        p.bytes = row.bytes;
        p.perplexity = row.evaluation->perplexity;
        p.perplexityError = row.evaluation->perplexityError;
        p.meanKld = row.isSource ? std::optional(0.0) : row.evaluation->meanKld;
        p.isSource = row.isSource;
        points.push_back(std::move(p));
    }
    m_chart->setPoints(std::move(points));
}

void ComparePage::updateControls() {
    const bool running = isEvaluating();
    const bool haveSource = !m_sourcePath.isEmpty();
    m_evaluateButton->setEnabled(!running && haveSource);
    m_cancelButton->setEnabled(running);
    for (QWidget* w : {static_cast<QWidget*>(m_textEdit), static_cast<QWidget*>(m_browseButton),
                       static_cast<QWidget*>(m_contextSpin), static_cast<QWidget*>(m_quickCheck)})
        w->setEnabled(!running);
    m_chunksSpin->setEnabled(!running && m_quickCheck->isChecked());
    const bool haveResults = m_table->measuredCount() > 0;
    m_exportChartButton->setEnabled(haveResults);
    m_exportTableButton->setEnabled(m_table->rowCount() > 0);
    m_progress->setVisible(running);
    if (running) return;
    const int quants = std::max(0, m_table->rowCount() - 1);
    if (!haveSource)
        m_status->setText(tr("Select a model to compare its quants."));
    else if (m_table->measuredCount() == 0)
        m_status->setText(quants == 0
                              ? tr("No quants of this model are listed yet: produce some, or open them. "
                                   "Evaluate measures the source alone.")
                              : tr("Not measured on this text and context yet. Evaluate measures the source "
                                   "and %n quant(s).",
                                   nullptr, quants));
    else
        m_status->setText(tr("%1 of %2 file(s) measured on %3, context %4.", nullptr, m_table->rowCount())
                              .arg(m_table->measuredCount())
                              .arg(m_table->rowCount())
                              .arg(QFileInfo(m_textPath).fileName())
                              .arg(m_context));
}

void ComparePage::emitMeasuredQuality() {
    std::vector<recommend::MeasuredQuality> measured;
    const auto base = m_table->basePerplexity();
    if (base) {
        for (const ComparisonRow& row : m_table->rows()) {
            if (row.isSource || !row.evaluation) continue;
            recommend::MeasuredQuality q;
            q.preset = row.mixPredictedKld ? mixQualityKey(row.bytes) : row.typeName.toStdString();
            q.perplexity = row.evaluation->perplexity;
            q.perplexityError = row.evaluation->perplexityError;
            q.basePerplexity = *base;
            q.meanKld = row.evaluation->meanKld;
            q.meanKldError = row.evaluation->meanKldError;
            q.evaluationText = row.evaluation->textName;
            q.context = row.evaluation->key.context;
            q.bitsPerWeight = row.bitsPerWeight;
            measured.push_back(std::move(q));
        }
    }
    emit measuredQualityChanged(measured);
}

void ComparePage::showError(const QString& message) {
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

bool ComparePage::evaluate() {
    if (isEvaluating()) return false;
    m_error->hide();
    if (m_sourcePath.isEmpty()) {
        showError(tr("Select a model first."));
        return false;
    }
    const auto key = currentKey();
    if (!key) {
        if (!m_error->isVisible())
            showError(tr("The evaluation text %1 does not exist.").arg(QDir::toNativeSeparators(m_textPath)));
        return false;
    }
    EvaluateRequest request;
    request.sourceEntryId = m_sourceId;
    request.sourcePath = m_sourcePath;
    for (const ComparisonRow& row : m_table->rows()) {
        if (!row.isSource) request.quantPaths << row.path;
    }
    request.text = m_text;
    request.textName = QFileInfo(m_textPath).fileName();
    request.key = *key;
    request.kldCacheFolder = QDir(cacheFolder()).filePath(QStringLiteral("kld"));

    const quint64 jobId = m_nextJobId++;
    auto* job = new EvaluateJobRunner(jobId, std::move(request), m_jobPool);
    connect(job, &EvaluateJobRunner::started, this, [this](quint64 id) {
        if (id == m_runningJobId) m_status->setText(tr("Evaluating…"));
    });
    connect(job, &EvaluateJobRunner::progressed, this, &ComparePage::onJobProgress);
    connect(job, &EvaluateJobRunner::fileEvaluated, this, &ComparePage::onFileEvaluated);
    connect(job, &EvaluateJobRunner::succeeded, this, [this](quint64 id, double seconds) {
        onJobEnded(id, tr("Evaluated in %1.").arg(formatDuration(seconds)), true);
    });
    connect(job, &EvaluateJobRunner::failed, this, [this](quint64 id, const QString& message) {
        showError(message);
        onJobEnded(id, tr("Evaluation failed."), false);
    });
    connect(job, &EvaluateJobRunner::cancelled, this,
            [this](quint64 id) { onJobEnded(id, tr("Evaluation cancelled."), false); });
    m_job = job;
    m_runningJobId = jobId;
    m_jobSourceId = m_sourceId;
    m_storeErrors.clear();
    m_progress->setValue(0);
    updateControls();
    m_status->setText(m_jobPool->activeThreadCount() > 0 ? tr("Waiting for the running job to finish…")
                                                         : tr("Starting…"));
    m_jobPool->start(job);
    return true;
}

void ComparePage::cancelEvaluation() {
    EvaluateJobRunner* job = m_job.data();
    if (!job) return;
    job->cancel();
    // Still waiting in the pool's queue: it never runs, so it is ours to delete and report.
    if (m_jobPool->tryTake(job)) {
        // Reported before the delete: m_job (a QPointer) forgets the job when it is deleted.
        onJobEnded(job->jobId(), tr("Evaluation cancelled."), false);
        delete job;
        return;
    }
    m_status->setText(tr("Cancelling…"));
}

int ComparePage::activeJobCount() const {
    return (isEvaluating() ? 1 : 0) + (m_sideBySide->isRunning() ? 1 : 0);
}

void ComparePage::cancelAllJobs() {
    cancelEvaluation();
    m_sideBySide->stop();
}

void ComparePage::onJobProgress(quint64 jobId, const EvaluationProgress& progress) {
    if (jobId != m_runningJobId) return;
    m_progress->setValue(int(progress.fraction * 1000.0));
    if (m_job && !m_job->isCancelRequested()) m_status->setText(progress.stage);
}

void ComparePage::onFileEvaluated(quint64 jobId, const QString& path,
                                  const eval::StoredEvaluation& evaluation, const QString& storeError) {
    if (jobId != m_runningJobId) return;
    if (!storeError.isEmpty()) {
        m_storeErrors << storeError;
        showError(tr("Results could not be stored beside the file, so they will not be shown next time:\n%1")
                      .arg(m_storeErrors.join(QLatin1Char('\n'))));
    }
    // The person may have switched to another source meanwhile: the sidecar has it, the table does not.
    if (m_jobSourceId != m_sourceId) return;
    if (m_table->setEvaluation(path, evaluation)) {
        updateChart();
        emitMeasuredQuality();
    }
}

void ComparePage::onJobEnded(quint64 jobId, const QString& status, bool success) {
    if (jobId != m_runningJobId) return;
    m_runningJobId = 0;
    m_job = nullptr;
    updateControls();
    m_status->setText(status);
    emit evaluationFinished(success);
}

QString ComparePage::exportTableCsv(const QString& path) const {
    return writeFile(path, m_table->toCsv());
}

QString ComparePage::exportTableJson(const QString& path) const {
    return writeFile(path, m_table->toJson());
}

QString ComparePage::exportChart(const QString& path) const {
    return path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive) ? m_chart->exportSvg(path)
                                                                     : m_chart->exportPng(path);
}

void ComparePage::showExportMenu(bool chart) {
    const QString base =
        m_sourcePath.isEmpty()
            ? QDir::homePath()
            : QFileInfo(m_sourcePath)
                  .absoluteDir()
                  .filePath(QFileInfo(m_sourcePath).completeBaseName() +
                            (chart ? QStringLiteral("-chart") : QStringLiteral("-comparison")));
    QString selectedFilter;
    const QString filters =
        chart ? tr("PNG image (*.png);;SVG image (*.svg)") : tr("CSV table (*.csv);;JSON (*.json)");
    QString path = QFileDialog::getSaveFileName(
        this, chart ? tr("Export Chart") : tr("Export Table"),
        base + (chart ? QStringLiteral(".png") : QStringLiteral(".csv")), filters, &selectedFilter);
    if (path.isEmpty()) return;
    QString error;
    if (chart)
        error = exportChart(path);
    else
        error = path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive) ? exportTableJson(path)
                                                                           : exportTableCsv(path);
    if (!error.isEmpty())
        showError(error);
    else
        m_status->setText(tr("Exported %1.").arg(QDir::toNativeSeparators(path)));
}

} // namespace qf::ui
