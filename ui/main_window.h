#pragma once
// The one window: the model list on the left, the pages of the selected model on the right, a status
// area below. Files are dropped anywhere on it, picked with File > Open, or passed on the command line.
#include <QMainWindow>
#include <QThreadPool>

#include "app_settings.h"
#include "models/loaded_model.h"

class QAction;
class QMenu;
class QSettings;
class QSplitter;
class QStackedWidget;
class QTreeView;

namespace qf::ui {

class ComparePage;
class DropOverlay;
class EmptyStateWidget;
class ModelListModel;
class ProducePage;
class RecommendPage;
class SourceView;

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    // `settings` must outlive the window: the app passes the user's, tests a temporary file.
    explicit MainWindow(QSettings* settings, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Lists each file (once: a file already listed is selected, and reloaded if it had failed) and reads
    // its header in the background. Never blocks; errors show inline.
    void openFiles(const QStringList& paths);
    // The files named on the command line; with none, the bundled sample on the very first start.
    void openStartupFiles(const QStringList& paths);
    // Opens the bundled sample; false (with a notice in the window) when it is not installed.
    bool openSample();

    // Applies the stored settings (Edit > Settings) to the pages and the kernels; done at start-up and
    // after the dialog is accepted. The language applies on the next start.
    void applySettings();
    // Shows Edit > Settings and applies what was accepted.
    void showSettings();

    ModelListModel* modelList() const { return m_models; }
    SourceView* sourceView() const { return m_sourceView; }
    ProducePage* producePage() const { return m_producePage; }
    RecommendPage* recommendPage() const { return m_recommendPage; }
    ComparePage* comparePage() const { return m_comparePage; }
    QTreeView* modelView() const { return m_modelView; }

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dragLeaveEvent(QDragLeaveEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createActions();
    void createMenus();
    void createCentralArea();
    void createPages();
    void restoreWindowState();

    void startLoad(quint64 entryId, const QString& path);
    void onLoadFinished(quint64 entryId, const LoadedModelPtr& model);
    void onLoadFailed(quint64 entryId, const QString& message);
    // A source that finished loading takes its quants: files listed on their own that are quants of it,
    // and those found beside it (QuantDiscoveryJob); a quant opened on its own goes under its source.
    void placeByLineage(quint64 entryId);
    void onQuantsFound(quint64 sourceEntryId, const QStringList& paths);
    // Moves a ready top-level entry under `source`, keeping its loaded model.
    void moveUnder(const QModelIndex& entry, const QModelIndex& source);
    // Lists files a job wrote as children of their source (or reloads them if already listed).
    void addProducedFiles(quint64 sourceEntryId, const QStringList& paths);
    // Jobs of all pages that are waiting or running.
    int activeJobCount() const;

    void showOpenDialog();
    void removeCurrentEntry();
    void updateRecentMenu();
    void updateCurrentEntry();
    // A dropped or opened PEFT adapter folder is not a model: it goes to the Produce page's merge for the
    // shown model.
    void offerAdapter(const QString& path);
    void updateEmptyState();
    void showAbout();
    void showShortcuts();

    AppSettings m_settings;
    ModelListModel* m_models;
    QStackedWidget* m_central = nullptr;
    EmptyStateWidget* m_emptyState = nullptr;
    DropOverlay* m_dropOverlay = nullptr;
    QSplitter* m_splitter = nullptr;
    QTreeView* m_modelView = nullptr;
    SourceView* m_sourceView = nullptr;
    ProducePage* m_producePage = nullptr;
    RecommendPage* m_recommendPage = nullptr;
    ComparePage* m_comparePage = nullptr;
    QString m_appliedEvaluationText; // the default last given to the Compare page
    QMenu* m_recentMenu = nullptr;
    QAction* m_openAction = nullptr;
    QAction* m_openSampleAction = nullptr;
    QAction* m_removeAction = nullptr;
    QAction* m_quitAction = nullptr;
    QAction* m_aboutAction = nullptr;
    QAction* m_settingsAction = nullptr;
    QAction* m_shortcutsAction = nullptr;
    QList<QAction*> m_pageActions; // Ctrl+1..4: the pages in the order of the flow
    // Declared last so they are destroyed first: their destructors wait for running jobs, which are their
    // children, while the rest of the window still exists. The load pool also runs the other short reads
    // (plans, importance matrices); the job pool runs quantization jobs one at a time, each of which uses
    // all the threads it is given.
    QThreadPool m_loadPool;
    QThreadPool m_jobPool;
};

} // namespace qf::ui
