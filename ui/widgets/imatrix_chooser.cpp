#include "widgets/imatrix_chooser.h"

#include <algorithm>

#include <QLocale>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QToolButton>
#include <QVBoxLayout>

#include "cache_storage.h"
#include "sample_model.h"
#include "widgets/palette_colors.h"

namespace qf::ui {

namespace {

constexpr int kProgressSteps = 1000;
constexpr uint64_t kImatrixContext = 512; // llama-imatrix's default -c

QString imatrixCacheFolder() {
    return cacheFolder() + QStringLiteral("/imatrix");
}

} // namespace

ImatrixChooser::ImatrixChooser(AppSettings settings, QThreadPool* taskPool, QWidget* parent)
    : QWidget(parent), m_settings(settings), m_taskPool(taskPool) {
    setObjectName(QStringLiteral("imatrixChooser"));
    m_computePool.setObjectName(QStringLiteral("imatrixComputePool"));
    m_computePool.setMaxThreadCount(1);

    m_source = new QComboBox(this);
    m_source->setObjectName(QStringLiteral("imatrixSource"));
    m_source->addItem(tr("None"), int(Source::None));
    m_source->addItem(tr("From file"), int(Source::File));
    m_source->addItem(tr("Compute from text"), int(Source::Text));
    m_source->setToolTip(
        tr("An importance matrix (from llama-imatrix, or computed here from calibration text) weights each "
           "column by how much it matters on real text; it usually improves the smaller presets."));
    m_source->setAccessibleName(tr("Importance matrix source"));

    m_filePath = new QLineEdit(this);
    m_filePath->setObjectName(QStringLiteral("imatrixPath"));
    m_filePath->setPlaceholderText(tr("imatrix.dat or imatrix.gguf"));
    m_filePath->setClearButtonEnabled(true);
    m_filePath->setAcceptDrops(false); // dropped files open as models
    m_filePath->setAccessibleName(tr("Importance matrix file"));
    m_fileBrowse = new QPushButton(tr("Browse…"), this);
    m_fileBrowse->setObjectName(QStringLiteral("imatrixBrowseButton"));
    m_fileBrowse->setAccessibleName(tr("Choose the importance matrix file"));

    m_calibrationPath = new QLineEdit(this);
    m_calibrationPath->setObjectName(QStringLiteral("calibrationTextPath"));
    m_calibrationPath->setPlaceholderText(tr("Calibration text (.txt or .txt.zst)"));
    m_calibrationPath->setToolTip(tr("Text the model reads to measure which weights matter; the bundled "
                                     "text is public-domain prose. Use text like what the model will see."));
    m_calibrationPath->setAccessibleName(tr("Calibration text file"));
    m_calibrationPath->setAcceptDrops(false);
    m_calibrationBrowse = new QPushButton(tr("Browse…"), this);
    m_calibrationBrowse->setObjectName(QStringLiteral("calibrationBrowseButton"));
    m_calibrationBrowse->setAccessibleName(tr("Choose the calibration text"));
    // Computing reads the whole text with the model and writes a matrix file: only when asked, by this
    // button, Enter in the text field, or producing (issue 13: it used to start on its own).
    m_computeButton = new QPushButton(tr("Compute"), this);
    m_computeButton->setObjectName(QStringLiteral("imatrixComputeButton"));
    m_computeButton->setToolTip(tr("Compute the importance matrix now (producing also computes it first)"));

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("imatrixProgress"));
    m_progress->setRange(0, kProgressSteps);
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(fontMetrics().height() / 2 + 4);
    m_progress->setAccessibleName(tr("Importance matrix progress"));
    m_stop = new QToolButton(this);
    m_stop->setObjectName(QStringLiteral("imatrixStopButton"));
    m_stop->setText(tr("Stop"));
    m_stop->setToolTip(tr("Stop computing the importance matrix"));
    m_stop->setAccessibleName(tr("Stop computing the importance matrix"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("imatrixStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setAccessibleName(tr("Importance matrix status"));

    connect(m_source, &QComboBox::currentIndexChanged, this, &ImatrixChooser::onSourceChanged);
    connect(m_filePath, &QLineEdit::editingFinished, this, &ImatrixChooser::loadFile);
    connect(m_fileBrowse, &QPushButton::clicked, this, &ImatrixChooser::browseFile);
    connect(m_calibrationPath, &QLineEdit::editingFinished, this, &ImatrixChooser::showPending);
    connect(m_calibrationPath, &QLineEdit::returnPressed, this, &ImatrixChooser::compute);
    connect(m_computeButton, &QPushButton::clicked, this, &ImatrixChooser::compute);
    connect(m_calibrationBrowse, &QPushButton::clicked, this, &ImatrixChooser::browseCalibrationText);
    connect(m_stop, &QToolButton::clicked, this, &ImatrixChooser::cancelComputation);

    auto* choiceRow = new QHBoxLayout;
    choiceRow->addWidget(m_source);
    choiceRow->addWidget(m_filePath, 1);
    choiceRow->addWidget(m_fileBrowse);
    choiceRow->addWidget(m_calibrationPath, 1);
    choiceRow->addWidget(m_calibrationBrowse);
    choiceRow->addWidget(m_computeButton);
    auto* statusRow = new QHBoxLayout;
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(m_progress);
    statusRow->addWidget(m_stop);
    auto* column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(2);
    column->addLayout(choiceRow);
    column->addLayout(statusRow);

    onSourceChanged();
}

ImatrixChooser::~ImatrixChooser() {
    // The computation uses the model and reports here: stop it and wait before either goes.
    if (m_computeJob) m_computeJob->cancel();
    m_computePool.waitForDone();
}

void ImatrixChooser::setModel(const QString& entryPath, const LoadedModelPtr& model) {
    m_entryPath = entryPath;
    if (model == m_model) return;
    m_model = model;
    // A computed matrix belongs to the model it was computed with; selecting another model (or a quant)
    // never starts a computation.
    if (source() == Source::Text) showPending();
}

void ImatrixChooser::setOutputFolder(const QString& folder) {
    m_outputFolder = folder;
}

void ImatrixChooser::setThreads(int threads) {
    m_threads = threads;
}

ImatrixChooser::Source ImatrixChooser::source() const {
    return Source(m_source->currentData().toInt());
}

void ImatrixChooser::setSource(Source source) {
    m_source->setCurrentIndex(m_source->findData(int(source)));
}

void ImatrixChooser::setFile(const QString& path) {
    m_filePath->setText(path);
    setSource(Source::File);
    loadFile();
}

void ImatrixChooser::setCalibrationText(const QString& path) {
    m_calibrationPath->setText(QDir::toNativeSeparators(path));
    m_calibrationPath->setCursorPosition(0);
    if (source() == Source::Text)
        showPending();
    else
        setSource(Source::Text);
}

QString ImatrixChooser::calibrationText() const {
    return QDir::fromNativeSeparators(m_calibrationPath->text().trimmed());
}

ImatrixPtr ImatrixChooser::imatrix() const {
    return source() == Source::None ? ImatrixPtr() : m_imatrix;
}

QString ImatrixChooser::blockingReason() const {
    switch (source()) {
    case Source::None:
        return {};
    case Source::File:
        if (m_loading) return tr("Reading the importance matrix…");
        if (!m_imatrix) return tr("Choose a readable importance matrix file, or set it to None.");
        return {};
    case Source::Text: {
        if (m_computing) return tr("Computing the importance matrix (see above)…");
        if (m_imatrix) return {};
        if (!m_error.isEmpty()) return m_error;
        const QString text = calibrationText();
        if (text.isEmpty()) return tr("Choose a calibration text for the importance matrix, or set it to None.");
        if (!QFileInfo(text).isFile()) return tr("%1 does not exist.").arg(QDir::toNativeSeparators(text));
        return {}; // computed first when producing
    }
    }
    return {};
}

void ImatrixChooser::reset() {
    if (m_computeJob) m_computeJob->cancel();
    m_computeJob = nullptr;
    m_computing = false;
    m_loading = false;
    ++m_generation; // a read or computation still running is no longer wanted
    m_imatrix.reset();
    m_loadedKey.clear();
    m_error.clear();
    m_progress->hide();
    m_stop->hide();
}

void ImatrixChooser::showStatus(const QString& text) {
    m_status->setText(text);
    m_status->setForegroundRole(QPalette::PlaceholderText);
}

void ImatrixChooser::showError(const QString& message) {
    m_status->setText(message);
    setTextColor(m_status, errorTextColor(m_status->palette()));
    m_status->setForegroundRole(QPalette::WindowText);
}

void ImatrixChooser::onSourceChanged() {
    const Source chosen = source();
    const bool fromFile = chosen == Source::File;
    const bool fromText = chosen == Source::Text;
    m_filePath->setVisible(fromFile);
    m_fileBrowse->setVisible(fromFile);
    m_calibrationPath->setVisible(fromText);
    m_calibrationBrowse->setVisible(fromText);
    m_computeButton->setVisible(fromText);
    m_status->setVisible(fromFile || fromText);
    reset(); // whatever matrix there was came from the other source
    if (fromText) {
        if (m_calibrationPath->text().trimmed().isEmpty())
            m_calibrationPath->setText(QDir::toNativeSeparators(defaultCalibrationText()));
            m_calibrationPath->setCursorPosition(0);
        showPending();
        return;
    }
    if (fromFile && m_filePath->text().trimmed().isEmpty() && isVisible()) {
        browseFile(); // choosing "From file" means: pick one now
        return;
    }
    if (fromFile) {
        loadFile();
        return;
    }
    emit imatrixChanged();
    emit stateChanged();
}

void ImatrixChooser::browseFile() {
    QString directory = m_settings.lastImatrixDirectory();
    if (directory.isEmpty() && !m_entryPath.isEmpty()) directory = QFileInfo(m_entryPath).absolutePath();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Importance Matrix"), directory, tr("Importance matrices (*.dat *.gguf);;All files (*)"));
    if (path.isEmpty()) {
        if (m_filePath->text().trimmed().isEmpty()) setSource(Source::None);
        return;
    }
    m_settings.setLastImatrixDirectory(QFileInfo(path).absolutePath());
    setFile(QDir::toNativeSeparators(path));
}

void ImatrixChooser::loadFile() {
    if (source() != Source::File) return;
    const QString path = QDir::fromNativeSeparators(m_filePath->text().trimmed());
    if (!m_loading && m_imatrix && path == m_loadedKey) {
        // Already read (e.g. the field lost focus without a change).
        emit imatrixChanged();
        emit stateChanged();
        return;
    }
    reset();
    if (path.isEmpty()) {
        showStatus(tr("Choose an importance matrix file."));
    } else {
        m_loading = true;
        showStatus(tr("Reading %1…").arg(QFileInfo(path).fileName()));
        auto* job = new ImatrixLoadJob(m_generation, path, m_taskPool);
        connect(job, &ImatrixLoadJob::finished, this, &ImatrixChooser::onLoaded);
        connect(job, &ImatrixLoadJob::failed, this, &ImatrixChooser::onLoadFailed);
        m_taskPool->start(job);
        m_loadedKey = path;
    }
    emit imatrixChanged();
    emit stateChanged();
}

void ImatrixChooser::onLoaded(quint64 generation, const ImatrixPtr& imatrix) {
    if (generation != m_generation) return;
    m_loading = false;
    m_imatrix = imatrix;
    QString text = tr("%n entries", nullptr, int(imatrix->entries().size()));
    if (imatrix->entries().size() == 1) text = tr("1 entry");
    if (imatrix->chunkCount > 0) text = tr("%1, %2 chunks").arg(text).arg(imatrix->chunkCount);
    if (!imatrix->datasets.empty())
        text = tr("%1 of %2").arg(text, QString::fromStdString(imatrix->datasets.front()));
    showStatus(text);
    emit imatrixChanged();
    emit stateChanged();
}

void ImatrixChooser::onLoadFailed(quint64 generation, const QString& message) {
    if (generation != m_generation) return;
    m_loading = false;
    m_error = message;
    showError(message);
    emit stateChanged();
}

QString ImatrixChooser::defaultCalibrationText() const {
    const QString chosen = m_settings.calibrationTextPath(); // Settings; empty: the bundled text
    return chosen.isEmpty() ? bundledCalibrationText() : chosen;
}

void ImatrixChooser::browseCalibrationText() {
    QString directory = QFileInfo(calibrationText()).absolutePath();
    if (calibrationText().isEmpty() && !m_entryPath.isEmpty())
        directory = QFileInfo(m_entryPath).absolutePath();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Calibration Text"), directory, tr("Text files (*.txt *.txt.zst *.zst);;All files (*)"));
    if (path.isEmpty()) return;
    setCalibrationText(path);
}

// "<model>-imatrix-<text>.gguf" in the output folder, or in the cache when that folder is not writable.
QString ImatrixChooser::computedImatrixPath() const {
    QString modelStem = QFileInfo(m_entryPath).completeBaseName();
    if (QFileInfo(m_entryPath).isDir()) modelStem = QFileInfo(m_entryPath).fileName();
    QString textStem = QFileInfo(calibrationText()).fileName();
    for (const QString& suffix : {QStringLiteral(".zst"), QStringLiteral(".txt")})
        if (textStem.endsWith(suffix)) textStem.chop(suffix.size());
    const QString name = QStringLiteral("%1-imatrix-%2.gguf").arg(modelStem, textStem);
    QString folder = QFileInfo(m_outputFolder).absoluteFilePath();
    if (m_outputFolder.isEmpty() || !QFileInfo(folder).isDir() || !QFileInfo(folder).isWritable())
        folder = imatrixCacheFolder();
    return QDir(folder).filePath(name);
}

QString ImatrixChooser::computationKey() const {
    const QString modelPath = m_model ? m_model->displayPath() : QString();
    return modelPath + QLatin1Char('\n') + calibrationText();
}

bool ImatrixChooser::needsComputation() const {
    return source() == Source::Text && !m_imatrix && !m_computing && m_model && blockingReason().isEmpty();
}

void ImatrixChooser::showPending() {
    if (source() != Source::Text) return;
    if (m_loadedKey == computationKey() && (m_computing || m_imatrix)) return; // already this one
    reset();
    const QString text = calibrationText();
    if (text.isEmpty()) {
        showStatus(tr("Choose a calibration text."));
    } else if (!QFileInfo(text).isFile()) {
        showError(tr("%1 does not exist.").arg(QDir::toNativeSeparators(text)));
    } else if (!m_model) {
        showStatus(tr("Computed from %1 once a model is selected.").arg(QFileInfo(text).fileName()));
    } else {
        showStatus(tr("Computed from %1 when you produce, or press Compute.").arg(QFileInfo(text).fileName()));
    }
    m_computeButton->setEnabled(m_model && QFileInfo(text).isFile());
    emit imatrixChanged();
    emit stateChanged();
}

void ImatrixChooser::compute() {
    if (source() != Source::Text) return;
    const QString text = calibrationText();
    // A Hugging Face folder: the job converts it to F16 in the cache first (the engine reads GGUF).
    const QString modelPath = m_model ? m_model->displayPath() : QString();
    const QString key = computationKey();
    if (m_loadedKey == key && (m_computing || m_imatrix)) {
        emit imatrixChanged();
        emit stateChanged();
        return;
    }
    reset();
    if (text.isEmpty()) {
        showStatus(tr("Choose a calibration text."));
    } else if (!QFileInfo(text).isFile()) {
        m_error = tr("%1 does not exist.").arg(QDir::toNativeSeparators(text));
        showError(m_error);
    } else if (!m_model) {
        showStatus(tr("Computed from %1 once a model is selected.").arg(QFileInfo(text).fileName()));
    } else {
        ImatrixComputeRequest request;
        request.modelPath = modelPath;
        request.textPath = text;
        request.outputPath = computedImatrixPath();
        request.cacheFolder = imatrixCacheFolder();
        request.threads = unsigned(std::max(0, m_threads));
        // llama-imatrix's default context, but never more than the model was trained for.
        const uint64_t trained = m_model->summary.contextLength.value_or(kImatrixContext);
        request.context = unsigned(std::clamp<uint64_t>(trained, 16, kImatrixContext));
        auto* job = new ImatrixComputeJob(m_generation, std::move(request), this);
        connect(job, &ImatrixComputeJob::progressed, this, &ImatrixChooser::onComputeProgress);
        connect(job, &ImatrixComputeJob::finished, this, &ImatrixChooser::onComputed);
        connect(job, &ImatrixComputeJob::failed, this, [this](quint64 generation, const QString& message) {
            onComputeEnded(generation, message, false);
        });
        connect(job, &ImatrixComputeJob::cancelled, this,
                [this](quint64 generation) { onComputeEnded(generation, {}, true); });
        m_computeJob = job;
        m_computing = true;
        m_loadedKey = key;
        showStatus(tr("Computing from %1…").arg(QFileInfo(text).fileName()));
        m_progress->setValue(0);
        m_progress->show();
        m_stop->show();
        m_computePool.start(job);
    }
    emit imatrixChanged();
    emit stateChanged();
}

void ImatrixChooser::onComputeProgress(quint64 generation, double fraction, const QString& stage) {
    if (generation != m_generation) return;
    m_progress->setValue(int(fraction * kProgressSteps));
    showStatus(tr("Computing from %1: %2").arg(QFileInfo(calibrationText()).fileName(), stage));
}

void ImatrixChooser::onComputed(quint64 generation, const ImatrixPtr& imatrix,
                                const ImatrixComputeSummary& summary) {
    if (generation != m_generation) return;
    m_computeJob = nullptr;
    m_computing = false;
    m_progress->hide();
    m_stop->hide();
    m_imatrix = imatrix;
    QString text =
        tr("%n entries over %1 chunks of %2, perplexity %3", nullptr, int(imatrix->entries().size()))
            .arg(summary.chunks)
            .arg(QFileInfo(calibrationText()).fileName())
            .arg(QLocale().toString(summary.perplexity, 'f', 2));
    text += summary.fromCache ? tr(" (computed before)") : tr(" (%1 s)").arg(QLocale().toString(summary.seconds, 'f', 1));
    if (!summary.savedPath.isEmpty())
        text += QLatin1Char('\n') + tr("Saved as %1").arg(QDir::toNativeSeparators(summary.savedPath));
    showStatus(text);
    emit imatrixChanged();
    emit stateChanged();
}

void ImatrixChooser::onComputeEnded(quint64 generation, const QString& message, bool cancelled) {
    if (generation != m_generation) return;
    m_computeJob = nullptr;
    m_computing = false;
    m_progress->hide();
    m_stop->hide();
    m_loadedKey.clear(); // computing again is allowed
    m_error = cancelled ? tr("Stopped. Press Compute to compute again, or set it to None.") : message;
    if (cancelled)
        showStatus(m_error);
    else
        showError(message);
    emit stateChanged();
}

void ImatrixChooser::cancelComputation() {
    if (m_computeJob) m_computeJob->cancel();
}

} // namespace qf::ui
