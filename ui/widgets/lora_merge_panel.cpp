#include "widgets/lora_merge_panel.h"

#include <QAction>
#include <QCheckBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLayout>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QThreadPool>
#include <QToolButton>
#include <QVBoxLayout>

#include "jobs/lora_merge_job.h"
#include "qf/hf/lora_merge_write.h"
#include "qf/quant/preset.h"
#include "qf/quant/quantize_job.h"
#include "widgets/message_panel.h"

namespace qf::ui {

namespace {
constexpr int kProgressSteps = 1000;

std::filesystem::path toPath(const QString& path) {
    return std::filesystem::path(path.toStdU16String());
}

QString fromPath(const std::filesystem::path& path) {
    return QDir::cleanPath(QString::fromStdU16String(path.u16string()));
}
} // namespace

LoraMergePanel::LoraMergePanel(QThreadPool* pool, QWidget* parent)
    : QWidget(parent), m_pool(pool), m_applyAction(new QAction(tr("Apply a LoRA adapter…"), this)),
      m_applyButton(new QToolButton(this)), m_adapterLabel(new QLabel(this)),
      m_quantizeCheck(new QCheckBox(this)),
      m_dequantizeCheck(new QCheckBox(tr("Dequantize the base to F16 first"), this)),
      m_mergeButton(new QPushButton(tr("Merge"), this)), m_status(new QLabel(this)),
      m_progress(new QProgressBar(this)), m_cancel(new QPushButton(tr("Cancel"), this)),
      m_error(new MessagePanel(this)), m_errorAction(new QPushButton(this)) {
    Q_ASSERT(pool);
    setObjectName(QStringLiteral("loraMergePanel"));

    m_applyAction->setObjectName(QStringLiteral("applyAdapterAction"));
    m_applyAction->setToolTip(tr("Merge a LoRA adapter (a PEFT folder or a GGUF LoRA) into this model"));
    auto* menu = new QMenu(this);
    QAction* folder = menu->addAction(tr("PEFT Adapter Folder…"));
    QAction* file = menu->addAction(tr("GGUF LoRA File…"));
    connect(folder, &QAction::triggered, this, &LoraMergePanel::chooseFolder);
    connect(file, &QAction::triggered, this, &LoraMergePanel::chooseFile);
    connect(m_applyAction, &QAction::triggered, this, &LoraMergePanel::chooseFolder);
    m_applyButton->setObjectName(QStringLiteral("applyAdapterButton"));
    m_applyButton->setDefaultAction(m_applyAction);
    m_applyButton->setMenu(menu);
    m_applyButton->setPopupMode(QToolButton::MenuButtonPopup);
    m_applyButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_applyButton->setAccessibleName(tr("Apply a LoRA adapter"));

    m_adapterLabel->setObjectName(QStringLiteral("adapterLabel"));
    m_adapterLabel->setTextFormat(Qt::PlainText);
    m_adapterLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_adapterLabel->setSizePolicy(QSizePolicy::Ignored,
                                  QSizePolicy::Preferred); // a long name is cut, not widening
    m_status->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_quantizeCheck->setObjectName(QStringLiteral("mergeIntoPresetsCheck"));
    m_dequantizeCheck->setObjectName(QStringLiteral("mergeDequantizeCheck"));
    m_dequantizeCheck->setToolTip(
        tr("The base is quantized: widen it to F16, merge the adapter, then quantize "
           "once with the chosen presets"));
    m_mergeButton->setObjectName(QStringLiteral("mergeButton"));
    m_mergeButton->setAccessibleName(tr("Merge the adapter into the model"));
    connect(m_mergeButton, &QPushButton::clicked, this, &LoraMergePanel::start);
    connect(m_quantizeCheck, &QCheckBox::toggled, this, &LoraMergePanel::updateState);

    m_status->setObjectName(QStringLiteral("mergeStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_progress->setObjectName(QStringLiteral("mergeProgress"));
    m_progress->setAccessibleName(tr("Merge progress"));
    m_progress->setRange(0, kProgressSteps);
    m_cancel->setObjectName(QStringLiteral("mergeCancel"));
    m_cancel->setAccessibleName(tr("Cancel the merge"));
    connect(m_cancel, &QPushButton::clicked, this, &LoraMergePanel::cancel);
    m_error->setObjectName(QStringLiteral("mergeError"));
    m_error->setAccessibleName(tr("Merge error"));
    m_error->layout()->setContentsMargins(0, 4, 0, 4);
    m_errorAction->setObjectName(QStringLiteral("mergeErrorAction"));
    connect(m_errorAction, &QPushButton::clicked, this, [this] {
        auto action = std::move(m_errorActionFn);
        m_errorActionFn = {};
        if (action) action();
    });

    auto* title = new QLabel(tr("LoRA adapter"), this);
    QFont titleFont = title->font();
    titleFont.setBold(true);
    title->setFont(titleFont);

    // Two short rows, so that the page keeps its narrow minimum width (the model list needs the room).
    auto* row = new QHBoxLayout;
    row->addWidget(title);
    row->addWidget(m_applyButton);
    row->addWidget(m_adapterLabel, 1);
    auto* optionsRow = new QHBoxLayout;
    optionsRow->addWidget(m_quantizeCheck);
    optionsRow->addWidget(m_dequantizeCheck);
    optionsRow->addStretch();
    optionsRow->addWidget(m_mergeButton);
    auto* progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_cancel);
    auto* errorRow = new QHBoxLayout;
    errorRow->addWidget(m_error, 1);
    errorRow->addWidget(m_errorAction, 0, Qt::AlignVCenter);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addLayout(optionsRow);
    layout->addWidget(m_status);
    layout->addLayout(progressRow);
    layout->addLayout(errorRow);

    m_status->hide();
    m_progress->hide();
    m_cancel->hide();
    m_error->hide();
    m_errorAction->hide();
    updateState();
}

LoraMergePanel::~LoraMergePanel() {
    // The job must not finish its work for nobody: ask it to stop (a waiting one then stops as it starts).
    // The pool is not touched here: the window that owns it may already have destroyed it (after waiting).
    m_stop.request_stop();
}

void LoraMergePanel::setModel(quint64 entryId, const QString& path, LoadedModelPtr model) {
    const bool sameModel = entryId == m_entryId && model == m_model;
    m_entryId = entryId;
    m_entryPath = path;
    m_model = std::move(model);
    if (!sameModel) {
        m_dequantizeCheck->setChecked(false);
        m_overwrite = false;
        if (!isBusy()) {
            m_status->hide();
            m_error->hide();
            m_errorAction->hide();
        }
    }
    updateState();
}

void LoraMergePanel::setOutputDirectory(const QString& directory) {
    m_outputDirectory = directory;
}

void LoraMergePanel::setChosenPresets(const QStringList& presets) {
    m_presets = presets;
    updateState();
}

void LoraMergePanel::setThreads(int threads) {
    m_threads = threads;
}

void LoraMergePanel::setAdapter(const QString& path) {
    m_adapter = path;
    m_adapterBase.clear();
    m_overwrite = false;
    m_error->hide();
    m_errorAction->hide();
    updateState();
}

void LoraMergePanel::setAdapterBaseFolder(const QString& folder) {
    m_adapterBase = folder;
}

void LoraMergePanel::setQuantizeIntoPresets(bool on) {
    m_quantizeCheck->setChecked(on);
}

void LoraMergePanel::setDequantize(bool on) {
    m_dequantizeCheck->setChecked(on);
}

bool LoraMergePanel::dequantize() const {
    return m_dequantizeCheck->isChecked();
}

void LoraMergePanel::chooseFolder() {
    const QString chosen = QFileDialog::getExistingDirectory(
        this, tr("PEFT Adapter Folder (adapter_config.json + adapter_model.safetensors)"),
        m_adapter.isEmpty() ? QFileInfo(m_entryPath).absolutePath() : m_adapter);
    if (!chosen.isEmpty()) setAdapter(chosen);
}

void LoraMergePanel::chooseFile() {
    const QString chosen =
        QFileDialog::getOpenFileName(this, tr("GGUF LoRA Adapter"), QFileInfo(m_entryPath).absolutePath(),
                                     tr("GGUF files (*.gguf);;All files (*)"));
    if (!chosen.isEmpty()) setAdapter(chosen);
}

void LoraMergePanel::chooseBaseFolder() {
    const QString chosen = QFileDialog::getExistingDirectory(
        this, tr("The Adapter's Base Model Folder (config.json)"), QFileInfo(m_adapter).absolutePath());
    if (chosen.isEmpty()) return;
    setAdapterBaseFolder(chosen);
    start();
}

QStringList LoraMergePanel::outputPaths() const {
    if (m_entryPath.isEmpty()) return {};
    const QString folder = m_outputDirectory.isEmpty() ? QFileInfo(m_entryPath).absolutePath()
                                                       : QFileInfo(m_outputDirectory).absoluteFilePath();
    const auto named = toPath(folder) / hf::mergedOutputName(toPath(m_entryPath)).filename();
    if (!m_quantizeCheck->isChecked() || m_presets.isEmpty()) return {fromPath(named)};
    QStringList out;
    for (const QString& name : m_presets)
        out << fromPath(quant::defaultOutputPath(named, name.toStdString()));
    return out;
}

void LoraMergePanel::updateState() {
    const bool busy = isBusy();
    m_applyAction->setEnabled(m_model != nullptr && !busy);
    m_adapterLabel->setText(m_adapter.isEmpty() ? tr("None chosen")
                                                : QDir::toNativeSeparators(QFileInfo(m_adapter).fileName()));
    m_adapterLabel->setToolTip(QDir::toNativeSeparators(m_adapter));
    m_quantizeCheck->setText(tr("Into the chosen presets"));
    m_quantizeCheck->setToolTip(
        m_presets.isEmpty()
            ? tr("Choose presets in the table above to quantize the merged model straight into them")
            : tr("Quantize the merged weights straight into %1, in one pass; otherwise the merged "
                 "model keeps the base's float types")
                  .arg(m_presets.join(QStringLiteral(", "))));
    m_quantizeCheck->setEnabled(!m_presets.isEmpty() && !busy);
    // Offered where it matters: a quantized base, or a choice already made.
    m_dequantizeCheck->setVisible((m_model && hasQuantizedTensors(m_model->summary)) ||
                                  m_dequantizeCheck->isChecked());
    m_dequantizeCheck->setEnabled(!busy);
    m_mergeButton->setEnabled(m_model != nullptr && !m_adapter.isEmpty() && !busy);
    m_progress->setVisible(busy);
    m_cancel->setVisible(busy);
}

void LoraMergePanel::showError(const QString& message, const QString& actionText,
                               std::function<void()> action) {
    m_error->showMessage(MessagePanel::Kind::Error, tr("The adapter could not be merged"), message);
    m_error->show();
    m_errorActionFn = std::move(action);
    m_errorAction->setText(actionText);
    m_errorAction->setVisible(!actionText.isEmpty());
}

bool LoraMergePanel::start() {
    if (isBusy()) return false;
    m_error->hide();
    m_errorAction->hide();
    if (!m_model) return false;
    if (m_adapter.isEmpty()) {
        showError(tr("Choose a LoRA adapter first: a PEFT folder or a GGUF LoRA file."));
        return false;
    }
    const QStringList outputs = outputPaths();
    if (!m_overwrite) {
        QStringList existing;
        for (const QString& out : outputs)
            if (QFileInfo::exists(out)) existing << QDir::toNativeSeparators(out);
        if (!existing.isEmpty()) {
            showError(tr("%1 exists already.").arg(existing.join(QStringLiteral(", "))),
                      tr("Replace and Merge"), [this] {
                          m_overwrite = true;
                          start();
                      });
            return false;
        }
    }
    LoraMergeRequest request;
    request.base = m_model;
    request.adapter = m_adapter;
    request.adapterBase = m_adapterBase;
    request.dequantize = m_dequantizeCheck->isChecked();
    if (m_quantizeCheck->isChecked()) request.presets = m_presets;
    request.outputs = outputs;
    request.threads = unsigned(qMax(0, m_threads));
    request.overwrite = m_overwrite;
    m_overwrite = false;

    m_stop = std::stop_source();
    auto* job = new LoraMergeJob(std::move(request), m_stop.get_token());
    m_job = job;
    m_busy = true;
    m_running = false;
    m_jobEntryId = m_entryId;
    m_progress->setValue(0);
    m_status->setText(tr("Waiting for the running job…"));
    m_status->show();
    connect(job, &LoraMergeJob::started, this, [this] {
        m_running = true;
        m_status->setText(tr("Merging…"));
    });
    connect(job, &LoraMergeJob::progressed, this, [this](double fraction, const QString& stage) {
        m_progress->setValue(int(fraction * kProgressSteps));
        m_status->setText(tr("Merging: %1").arg(stage));
    });
    connect(job, &LoraMergeJob::succeeded, this, [this](const QStringList& paths, int merged, int widened) {
        QStringList shown;
        for (const QString& p : paths)
            shown << QDir::toNativeSeparators(p);
        QString text =
            tr("%n weight(s) merged into %1", nullptr, merged).arg(shown.join(QStringLiteral(", ")));
        if (widened > 0)
            text += QLatin1Char(' ') + tr("(%n quantized tensor(s) widened to F16)", nullptr, widened);
        m_status->setText(text);
        const quint64 entry = m_jobEntryId;
        finish();
        emit filesProduced(entry, paths);
    });
    connect(job, &LoraMergeJob::failed, this,
            [this](const QString& message, bool needsDequantize, bool needsBaseFolder) {
                m_status->hide();
                finish();
                if (needsBaseFolder)
                    showError(message, tr("Choose the Base Folder…"), [this] { chooseBaseFolder(); });
                else if (needsDequantize)
                    showError(message, tr("Dequantize and Merge"), [this] {
                        m_dequantizeCheck->setChecked(true);
                        updateState();
                        start();
                    });
                else
                    showError(message);
            });
    connect(job, &LoraMergeJob::cancelled, this, [this] {
        m_status->setText(tr("Merge cancelled."));
        finish();
    });
    m_pool->start(job);
    updateState();
    emit busyChanged(true);
    return true;
}

void LoraMergePanel::finish() {
    m_job = nullptr;
    m_busy = false;
    m_running = false;
    updateState();
    emit busyChanged(false);
}

bool LoraMergePanel::isBusy() const {
    return m_busy;
}

void LoraMergePanel::cancel() {
    if (!m_busy) return;
    if (m_job && !m_running && m_pool->tryTake(m_job)) {
        delete m_job.data();
        m_status->setText(tr("Merge cancelled."));
        finish();
        return;
    }
    m_stop.request_stop();
    m_status->setText(tr("Cancelling…"));
}

QString LoraMergePanel::statusText() const {
    return m_status->isVisible() || !m_status->isHidden() ? m_status->text() : QString();
}

QString LoraMergePanel::errorText() const {
    return m_error->isHidden() ? QString() : m_error->text();
}

QPushButton* LoraMergePanel::errorActionButton() const {
    return m_errorAction->isHidden() ? nullptr : m_errorAction;
}

} // namespace qf::ui
