#include "widgets/export_panel.h"

#include <QAction>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

#include "jobs/model_copy_job.h"
#include "qf/export/lm_studio_layout.h"
#include "qf/export/model_copy.h"
#include "qf/export/ollama_export.h"
#include "qf/export/ollama_modelfile.h"
#include "widgets/message_panel.h"

namespace qf::ui {

namespace {

const QString kLmStudioDirectoryKey = QStringLiteral("export/lmStudioModelsDirectory");
constexpr int kProgressSteps = 1000;
constexpr int kOutputLinesInError = 6;

std::filesystem::path toPath(const QString& path) {
    return std::filesystem::path(path.toStdU16String());
}

QString fromPath(const std::filesystem::path& path) {
    return QDir::toNativeSeparators(QString::fromStdU16String(path.u16string()));
}

// `ollama create` draws spinners and progress bars with terminal escapes and carriage returns.
QString plainTerminalText(QString text) {
    static const QRegularExpression escapes(QStringLiteral("\x1b\\[[0-9;?]*[A-Za-z]"));
    text.remove(escapes);
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    text.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    return text;
}

QToolButton* actionButton(QAction* action, QWidget* parent) {
    auto* button = new QToolButton(parent);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setAccessibleName(action->text().remove(QStringLiteral("…")));
    button->setAccessibleDescription(action->toolTip());
    return button;
}

} // namespace

ExportPanel::ExportPanel(QWidget* parent)
    : QWidget(parent), m_saveModelfileAction(new QAction(tr("Save Ollama Modelfile…"), this)),
      m_createInOllamaAction(new QAction(tr("Create in Ollama…"), this)),
      m_copyToLmStudioAction(new QAction(tr("Copy to LM Studio…"), this)),
      m_showInFolderAction(new QAction(tr("Show in Folder"), this)), m_status(new QLabel(this)),
      m_progress(new QProgressBar(this)), m_cancel(new QPushButton(tr("Cancel"), this)),
      m_output(new QPlainTextEdit(this)), m_error(new MessagePanel(this)), m_pool(new QThreadPool(this)) {
    setObjectName(QStringLiteral("exportPanel"));
    m_pool->setMaxThreadCount(1);

    m_saveModelfileAction->setObjectName(QStringLiteral("saveModelfileAction"));
    m_saveModelfileAction->setToolTip(
        tr("Write an Ollama Modelfile for this file: FROM, the chat template and the stop tokens."));
    m_createInOllamaAction->setObjectName(QStringLiteral("createInOllamaAction"));
    m_copyToLmStudioAction->setObjectName(QStringLiteral("copyToLmStudioAction"));
    m_copyToLmStudioAction->setToolTip(
        tr("Copy this file into LM Studio's models folder as publisher/model/file.gguf."));
    m_showInFolderAction->setObjectName(QStringLiteral("showInFolderAction"));
    m_showInFolderAction->setToolTip(tr("Show this file in the file manager."));
    connect(m_saveModelfileAction, &QAction::triggered, this, &ExportPanel::askAndSaveModelfile);
    connect(m_createInOllamaAction, &QAction::triggered, this, &ExportPanel::askAndCreateInOllama);
    connect(m_copyToLmStudioAction, &QAction::triggered, this, &ExportPanel::askAndCopyToLmStudio);
    connect(m_showInFolderAction, &QAction::triggered, this, [this] { showInFileManager(m_path); });

    auto* title = new QLabel(tr("Use with"), this);
    QFont titleFont = title->font();
    titleFont.setBold(true);
    title->setFont(titleFont);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(title);
    const struct {
        QAction* action;
        const char* name;
    } buttonSpecs[] = {{m_saveModelfileAction, "saveModelfileButton"},
                       {m_createInOllamaAction, "createInOllamaButton"},
                       {m_copyToLmStudioAction, "copyToLmStudioButton"},
                       {m_showInFolderAction, "showInFolderButton"}};
    for (const auto& spec : buttonSpecs) {
        QToolButton* button = actionButton(spec.action, this);
        button->setObjectName(QString::fromLatin1(spec.name));
        buttons->addWidget(button);
    }
    buttons->addStretch();

    m_status->setObjectName(QStringLiteral("exportStatus"));
    m_status->setAccessibleName(tr("Export status"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_status->setTextFormat(Qt::PlainText);
    m_progress->setObjectName(QStringLiteral("exportProgress"));
    m_progress->setAccessibleName(tr("Export progress"));
    m_progress->setRange(0, kProgressSteps);
    m_cancel->setObjectName(QStringLiteral("exportCancel"));
    m_cancel->setAccessibleName(tr("Cancel export"));
    connect(m_cancel, &QPushButton::clicked, this, &ExportPanel::cancel);
    m_output->setObjectName(QStringLiteral("ollamaOutput"));
    m_output->setAccessibleName(tr("Ollama output"));
    m_output->setReadOnly(true);
    m_output->setMaximumBlockCount(2000);
    m_output->setFixedHeight(m_output->fontMetrics().lineSpacing() * 6 + 12);
    m_error->setObjectName(QStringLiteral("exportError"));
    m_error->setAccessibleName(tr("Export error"));
    m_error->layout()->setContentsMargins(0, 4, 0, 4);

    auto* progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_cancel);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttons);
    layout->addWidget(m_status);
    layout->addLayout(progressRow);
    layout->addWidget(m_output);
    layout->addWidget(m_error);

    m_status->hide();
    m_progress->hide();
    m_cancel->hide();
    m_output->hide();
    m_error->hide();
    refreshOllama();
}

ExportPanel::~ExportPanel() {
    // The copy job reports to this panel: stop it and wait, so that it never outlives what it reports to.
    m_copyStop.request_stop();
    m_pool->waitForDone();
    if (m_process) {
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(3000);
    }
}

void ExportPanel::setSettings(QSettings* settings) {
    m_settings = settings;
}

QSettings& ExportPanel::settings() const {
    if (m_settings) return *m_settings;
    if (!m_defaultSettings) m_defaultSettings = std::make_unique<QSettings>();
    return *m_defaultSettings;
}

void ExportPanel::setModel(const QString& path, std::shared_ptr<const gguf::GgufFile> file) {
    const bool sameModel = path == m_path;
    m_path = path;
    m_file = std::move(file);
    // The last result belongs to the previous model; a running job keeps showing its own.
    if (!sameModel && !isBusy()) {
        m_status->hide();
        m_output->hide();
        m_error->hide();
    }
    refreshOllama();
}

void ExportPanel::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    refreshOllama();
}

void ExportPanel::refreshOllama() {
    m_ollama = QStandardPaths::findExecutable(QStringLiteral("ollama"));
    updateActions();
}

void ExportPanel::updateActions() {
    const bool haveModel = m_file != nullptr;
    const bool idle = !isBusy();
    m_saveModelfileAction->setEnabled(haveModel);
    m_createInOllamaAction->setEnabled(haveModel && idle && !m_ollama.isEmpty());
    m_createInOllamaAction->setToolTip(m_ollama.isEmpty()
                                           ? tr("Ollama was not found on PATH. Install it from ollama.com "
                                                "to create the model in it directly.")
                                           : tr("Create a model in Ollama from this file (ollama create)."));
    m_copyToLmStudioAction->setEnabled(haveModel && idle);
    m_showInFolderAction->setEnabled(haveModel);
}

bool ExportPanel::isBusy() const {
    return m_copying || m_process != nullptr;
}

void ExportPanel::setBusy(bool busy, const QString& status) {
    if (busy) {
        m_error->hide();
        m_progress->setValue(0);
    }
    m_progress->setVisible(busy);
    m_cancel->setVisible(busy);
    m_cancel->setEnabled(busy);
    showStatus(status);
    updateActions();
    emit busyChanged(busy);
}

void ExportPanel::showStatus(const QString& text) {
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
}

void ExportPanel::showError(const QString& title, const QString& text) {
    m_error->showMessage(MessagePanel::Kind::Error, title, text);
    m_error->show();
}

// --- Ollama Modelfile -------------------------------------------------------------------------------

void ExportPanel::askAndSaveModelfile() {
    if (!m_file) return;
    const QString suggested = fromPath(ollama::defaultModelfilePath(toPath(m_path)));
    const QString chosen = QFileDialog::getSaveFileName(this, tr("Save Ollama Modelfile"), suggested);
    if (!chosen.isEmpty()) saveModelfile(chosen);
}

bool ExportPanel::saveModelfile(const QString& modelfilePath) {
    if (!m_file) return false;
    m_error->hide();
    const auto target = toPath(modelfilePath);
    const auto modelfile =
        ollama::makeModelfile(m_file->metadata(), ollama::fromPathFor(target, toPath(m_path)));
    if (!modelfile) {
        showError(tr("The Modelfile was not saved"), QString::fromStdString(modelfile.error().message));
        return false;
    }
    if (auto written = ollama::writeModelfile(target, modelfile->text); !written) {
        showStatus({});
        showError(tr("The Modelfile was not saved"), QString::fromStdString(written.error().message));
        return false;
    }
    showStatus(tr("Saved the Modelfile as %1. Create the model with: ollama create NAME -f %2")
                   .arg(QDir::toNativeSeparators(modelfilePath), QFileInfo(modelfilePath).fileName()));
    return true;
}

// --- ollama create ---------------------------------------------------------------------------------

QString ExportPanel::defaultOllamaModelName(const QString& modelPath) {
    return QString::fromStdString(ollama::defaultModelName(QFileInfo(modelPath).fileName().toStdString()));
}

void ExportPanel::askAndCreateInOllama() {
    if (!m_file || isBusy()) return;
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, tr("Create in Ollama"),
                              tr("Model name in Ollama (letters, digits, '.', '-', '_'; an optional :tag):"),
                              QLineEdit::Normal, defaultOllamaModelName(m_path), &ok);
    if (ok) createInOllama(name);
}

bool ExportPanel::createInOllama(const QString& modelName) {
    if (!m_file || isBusy()) return false;
    refreshOllama();
    const QString name = modelName.trimmed();
    static const QRegularExpression validName(QStringLiteral(
        "^[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)*(:[A-Za-z0-9_][A-Za-z0-9._-]*)?$"));
    if (!validName.match(name).hasMatch()) {
        showError(
            tr("Not a model name Ollama accepts"),
            tr("\"%1\": use letters, digits, '.', '-' and '_', optionally followed by :tag.").arg(name));
        return false;
    }
    if (m_ollama.isEmpty()) {
        showError(tr("Ollama was not found"), tr("No \"ollama\" program is on PATH."));
        return false;
    }

    m_ollamaDir = std::make_unique<QTemporaryDir>();
    if (!m_ollamaDir->isValid()) {
        showError(tr("The Modelfile was not written"), m_ollamaDir->errorString());
        m_ollamaDir.reset();
        return false;
    }
    const QString modelfilePath = m_ollamaDir->filePath(QStringLiteral("Modelfile"));
    const auto modelfile =
        ollama::makeModelfile(m_file->metadata(), ollama::fromPathFor(toPath(modelfilePath), toPath(m_path)));
    if (!modelfile) {
        m_ollamaDir.reset();
        showError(tr("The Modelfile was not written"), QString::fromStdString(modelfile.error().message));
        return false;
    }
    if (const auto written = ollama::writeModelfile(toPath(modelfilePath), modelfile->text); !written) {
        m_ollamaDir.reset();
        showError(tr("The Modelfile was not written"), QString::fromStdString(written.error().message));
        return false;
    }

    m_ollamaName = name;
    m_ollamaCancelled = false;
    m_output->clear();
    m_output->show();
    m_process = new QProcess(this);
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    connect(m_process, &QProcess::readyRead, this, &ExportPanel::appendOllamaOutput);
    connect(m_process, &QProcess::finished, this, [this](int exitCode, QProcess::ExitStatus status) {
        ollamaEnded(exitCode, status == QProcess::CrashExit);
    });
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart) ollamaEnded(-1, true);
    });
    const QStringList arguments{QStringLiteral("create"), name, QStringLiteral("-f"), modelfilePath};
    m_output->appendPlainText(QStringLiteral("$ ollama ") + arguments.join(QLatin1Char(' ')));
    setBusy(true, tr("Creating %1 in Ollama…").arg(name));
    m_progress->setRange(0, 0); // ollama's own progress is in its output
    m_process->start(m_ollama, arguments);
    return true;
}

void ExportPanel::appendOllamaOutput() {
    if (!m_process) return;
    const QString text = plainTerminalText(QString::fromUtf8(m_process->readAll()));
    for (const QString& line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        if (!line.trimmed().isEmpty()) m_output->appendPlainText(line);
}

void ExportPanel::ollamaEnded(int exitCode, bool crashed) {
    if (!m_process) return; // errorOccurred and finished can both report one end
    appendOllamaOutput();
    QProcess* process = m_process;
    m_process = nullptr;
    process->deleteLater();
    m_ollamaDir.reset();
    m_progress->setRange(0, kProgressSteps);

    const QString name = m_ollamaName;
    if (m_ollamaCancelled) {
        setBusy(false, tr("Cancelled creating %1 in Ollama.").arg(name));
        return;
    }
    if (!crashed && exitCode == 0) {
        setBusy(false, tr("Created %1 in Ollama (exit code 0). Run it with: ollama run %1").arg(name));
        emit ollamaFinished(0);
        return;
    }
    setBusy(false, {});
    // Ollama's own last words, without the command line echoed above them.
    QStringList lines = m_output->toPlainText().split(QLatin1Char('\n'), Qt::SkipEmptyParts).mid(1);
    if (lines.size() > kOutputLinesInError) lines = lines.mid(lines.size() - kOutputLinesInError);
    const QString title = crashed && exitCode < 0
                              ? tr("ollama create did not run or crashed")
                              : tr("ollama create failed with exit code %1").arg(exitCode);
    showError(title, lines.join(QLatin1Char('\n')));
    emit ollamaFinished(crashed ? -1 : exitCode);
}

// --- LM Studio ------------------------------------------------------------------------------------

QString ExportPanel::defaultLmStudioModelsDirectory() {
    const auto candidates = lmstudio::defaultModelsDirectories(QDir::homePath().toStdString());
    // The newer location, unless only the older one exists.
    const QString newer = QDir::cleanPath(QString::fromStdString(candidates.front()));
    for (const std::string& candidate : candidates) {
        const QString path = QDir::cleanPath(QString::fromStdString(candidate));
        if (QFileInfo(path).isDir()) return path;
    }
    return newer;
}

QString ExportPanel::lmStudioModelsDirectory() const {
    const QString remembered = settings().value(kLmStudioDirectoryKey).toString();
    return remembered.isEmpty() ? defaultLmStudioModelsDirectory() : remembered;
}

void ExportPanel::askAndCopyToLmStudio() {
    if (!m_file || isBusy()) return;
    QString start = lmStudioModelsDirectory();
    if (!QFileInfo(start).isDir()) start = QDir::homePath();
    const QString chosen = QFileDialog::getExistingDirectory(this, tr("LM Studio's models folder"), start);
    if (chosen.isEmpty()) return;
    settings().setValue(kLmStudioDirectoryKey, chosen);

    lmstudio::CopyRequest request{.sources = m_file->shardPaths(), .modelsDirectory = toPath(chosen)};
    const auto destinations = lmstudio::copyDestinations(request, m_file->metadata());
    bool overwrite = false;
    if (!destinations.empty() && QFileInfo::exists(fromPath(destinations.front()))) {
        const auto answer =
            QMessageBox::question(this, tr("Copy to LM Studio"),
                                  tr("%1 already exists. Replace it?").arg(fromPath(destinations.front())),
                                  QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Yes) return;
        overwrite = true;
    }
    copyToLmStudio(chosen, overwrite);
}

bool ExportPanel::copyToLmStudio(const QString& modelsDirectory, bool overwrite) {
    if (!m_file || isBusy()) return false;
    lmstudio::CopyRequest request{
        .sources = m_file->shardPaths(), .modelsDirectory = toPath(modelsDirectory), .overwrite = overwrite};
    m_copyStop = std::stop_source();
    auto* job = new ModelCopyJob(std::move(request), m_file, m_copyStop.get_token());
    connect(job, &ModelCopyJob::progressed, this, [this](qint64 done, qint64 total) {
        if (total > 0) m_progress->setValue(int(double(done) / double(total) * kProgressSteps));
    });
    connect(job, &ModelCopyJob::finished, this, [this](const QString& destination) {
        copyEnded();
        setBusy(false, tr("Copied to %1. LM Studio lists it under My Models.")
                           .arg(QDir::toNativeSeparators(destination)));
        emit copyFinished(destination);
    });
    connect(job, &ModelCopyJob::failed, this, [this](const QString& message) {
        copyEnded();
        setBusy(false, {});
        showError(tr("The copy to LM Studio failed"), message);
        emit copyFailed(message);
    });
    connect(job, &ModelCopyJob::cancelled, this, [this] {
        copyEnded();
        setBusy(false, tr("Cancelled the copy to LM Studio; nothing was left behind."));
        emit copyCancelled();
    });
    m_copying = true;
    m_output->hide();
    setBusy(
        true,
        tr("Copying %1 to %2…").arg(QFileInfo(m_path).fileName(), QDir::toNativeSeparators(modelsDirectory)));
    m_pool->start(job);
    return true;
}

void ExportPanel::copyEnded() {
    m_copying = false;
}

// --- Both ---------------------------------------------------------------------------------------

void ExportPanel::cancel() {
    if (m_copying) {
        m_copyStop.request_stop();
        m_cancel->setEnabled(false);
    }
    if (m_process) {
        m_ollamaCancelled = true;
        m_cancel->setEnabled(false);
        m_process->kill();
    }
}

void ExportPanel::showInFileManager(const QString& path) {
    if (path.isEmpty()) return;
    const QFileInfo info(path);
#if defined(Q_OS_WIN)
    QProcess::startDetached(QStringLiteral("explorer.exe"),
                            {QStringLiteral("/select,") + QDir::toNativeSeparators(info.absoluteFilePath())});
#elif defined(Q_OS_MACOS)
    QProcess::startDetached(QStringLiteral("open"), {QStringLiteral("-R"), info.absoluteFilePath()});
#else
    // The folder, not the file: there is no portable way to ask Linux file managers to select it.
    QDesktopServices::openUrl(QUrl::fromLocalFile(info.absolutePath()));
#endif
}

} // namespace qf::ui
