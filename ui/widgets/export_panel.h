#pragma once
// Puts a listed GGUF file where local runtimes find it: an Ollama Modelfile (saved, or fed to
// `ollama create`), a copy in LM Studio's models folder, or the file shown in the file manager. Long steps
// run in the background with progress and cancel; errors show inline.
#include <memory>
#include <stop_token>

#include <QString>
#include <QWidget>

#include "qf/gguf/gguf_file.h"

class QAction;
class QLabel;
class QPlainTextEdit;
class QProcess;
class QProgressBar;
class QPushButton;
class QSettings;
class QTemporaryDir;
class QThreadPool;
class QToolButton;

namespace qf::ui {

class MessagePanel;

class ExportPanel : public QWidget {
    Q_OBJECT

public:
    explicit ExportPanel(QWidget* parent = nullptr);
    ~ExportPanel() override;

    // Where the chosen LM Studio folder is remembered (key group "export/"). Without one the app's
    // default QSettings is used.
    void setSettings(QSettings* settings);
    void setModel(const QString& path, std::shared_ptr<const gguf::GgufFile> file);
    QString modelPath() const { return m_path; }

    // The buttons' actions, for a context menu of the model list. They act on the model last set here.
    QAction* saveModelfileAction() const { return m_saveModelfileAction; }
    QAction* createInOllamaAction() const { return m_createInOllamaAction; }
    QAction* copyToLmStudioAction() const { return m_copyToLmStudioAction; }
    QAction* showInFolderAction() const { return m_showInFolderAction; }

    // The steps behind the actions, without their dialogs (the tests call these). Each returns false,
    // with the reason shown inline, when it could not start.
    bool saveModelfile(const QString& modelfilePath);
    bool createInOllama(const QString& modelName);
    bool copyToLmStudio(const QString& modelsDirectory, bool overwrite = false);

    bool isBusy() const;
    void cancel();
    // Looks for `ollama` on PATH again (it may have been installed since).
    void refreshOllama();
    QString ollamaExecutable() const { return m_ollama; }

    // The remembered LM Studio models folder, else the default one.
    QString lmStudioModelsDirectory() const;
    static QString defaultLmStudioModelsDirectory();
    static QString defaultOllamaModelName(const QString& modelPath);
    static void showInFileManager(const QString& path);

signals:
    void busyChanged(bool busy);
    // After `ollama create` ends by itself; `exitCode` is -1 if it crashed or could not start.
    void ollamaFinished(int exitCode);
    void copyFinished(const QString& destination);
    void copyFailed(const QString& message);
    void copyCancelled();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void askAndSaveModelfile();
    void askAndCreateInOllama();
    void askAndCopyToLmStudio();
    void appendOllamaOutput();
    void ollamaEnded(int exitCode, bool crashed);
    void copyEnded();
    void setBusy(bool busy, const QString& status);
    void showStatus(const QString& text);
    void showError(const QString& title, const QString& text);
    void updateActions();
    QSettings& settings() const;

    QString m_path;
    std::shared_ptr<const gguf::GgufFile> m_file;
    QString m_ollama; // absolute path, empty when not found

    QAction* m_saveModelfileAction;
    QAction* m_createInOllamaAction;
    QAction* m_copyToLmStudioAction;
    QAction* m_showInFolderAction;
    QLabel* m_status;
    QProgressBar* m_progress;
    QPushButton* m_cancel;
    QPlainTextEdit* m_output;
    MessagePanel* m_error;

    QSettings* m_settings = nullptr;
    mutable std::unique_ptr<QSettings> m_defaultSettings;
    QThreadPool* m_pool;
    bool m_copying = false;
    std::stop_source m_copyStop;
    QProcess* m_process = nullptr;
    std::unique_ptr<QTemporaryDir> m_ollamaDir; // holds the Modelfile while `ollama create` reads it
    bool m_ollamaCancelled = false;
    QString m_ollamaName;
};

} // namespace qf::ui
