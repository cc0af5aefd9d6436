#include "main_window.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QThread>
#include <QTreeView>

#include "dialogs/about_dialog.h"
#include "dialogs/settings_dialog.h"
#include "dialogs/shortcuts_dialog.h"
#include "format.h"
#include "jobs/model_load_job.h"
#include "jobs/quant_discovery_job.h"
#include "qf/eval/quant_lineage.h"
#include "qf/hf/lora_adapter.h"
#include "model_paths.h"
#include "models/model_list_model.h"
#include "pages/compare_page.h"
#include "pages/machine_card_widget.h"
#include "pages/overview_page.h"
#include "pages/produce_page.h"
#include "pages/recommend_page.h"
#include "pages/source_view.h"
#include "qf/quant/kernels.h"
#include "sample_model.h"
#include "widgets/drop_overlay.h"
#include "widgets/empty_state_widget.h"
#include "widgets/export_panel.h"
#include "widgets/lora_merge_panel.h"

namespace qf::ui {

namespace {
constexpr int kStatusTimeoutMs = 8000;
constexpr int kHeaderReadThreads = 2; // header reads are short and mostly I/O
} // namespace

MainWindow::MainWindow(QSettings* settings, QWidget* parent)
    : QMainWindow(parent), m_settings(settings), m_models(new ModelListModel(this)) {
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Quantforge"));
    setAcceptDrops(true);
    m_loadPool.setObjectName(QStringLiteral("headerReadPool"));
    m_loadPool.setMaxThreadCount(kHeaderReadThreads);
    m_jobPool.setObjectName(QStringLiteral("jobPool"));
    m_jobPool.setMaxThreadCount(1);

    createActions();
    createCentralArea();
    createPages();
    createMenus();
    statusBar()->setObjectName(QStringLiteral("statusBar"));
    applySettings();

    connect(m_models, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateEmptyState);
    connect(m_models, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateEmptyState);
    connect(m_models, &QAbstractItemModel::modelReset, this, &MainWindow::updateEmptyState);
    connect(m_models, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex& topLeft) {
        const QModelIndex current = m_modelView->currentIndex();
        if (current.isValid() && current.siblingAtColumn(0) == topLeft.siblingAtColumn(0))
            updateCurrentEntry();
    });
    connect(m_modelView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::updateCurrentEntry);

    restoreWindowState();
    updateRecentMenu();
    updateEmptyState();
    updateCurrentEntry();
}

MainWindow::~MainWindow() {
    // Jobs still running (the window was destroyed without closing) stop now instead of finishing their
    // work while the pools' destructors wait for them.
    for (SourcePage* page : m_sourceView->pages())
        page->cancelAllJobs();
}

void MainWindow::createActions() {
    m_openAction = new QAction(tr("&Open…"), this);
    m_openAction->setObjectName(QStringLiteral("openAction"));
    m_openAction->setShortcut(QKeySequence::Open);
    m_openAction->setStatusTip(tr("Open one or more GGUF models"));
    connect(m_openAction, &QAction::triggered, this, &MainWindow::showOpenDialog);

    m_openSampleAction = new QAction(tr("Open &Sample Model"), this);
    m_openSampleAction->setObjectName(QStringLiteral("openSampleAction"));
    connect(m_openSampleAction, &QAction::triggered, this, &MainWindow::openSample);

    // Delete acts on the list only (it is added to the list view below), so that Delete in the tensor
    // filter or elsewhere never removes a model.
    m_removeAction = new QAction(tr("&Remove from List"), this);
    m_removeAction->setObjectName(QStringLiteral("removeAction"));
    m_removeAction->setShortcut(QKeySequence::Delete);
    m_removeAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_removeAction, &QAction::triggered, this, &MainWindow::removeCurrentEntry);

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setObjectName(QStringLiteral("quitAction"));
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_aboutAction = new QAction(tr("&About Quantforge"), this);
    m_aboutAction->setObjectName(QStringLiteral("aboutAction"));
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);

    m_settingsAction = new QAction(tr("&Settings…"), this);
    m_settingsAction->setObjectName(QStringLiteral("settingsAction"));
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    // Not every platform has a standard key for preferences (X11 desktops often have none): Ctrl+, too.
    QList<QKeySequence> settingsKeys = QKeySequence::keyBindings(QKeySequence::Preferences);
    const QKeySequence ctrlComma(Qt::CTRL | Qt::Key_Comma);
    if (!settingsKeys.contains(ctrlComma)) settingsKeys << ctrlComma;
    m_settingsAction->setShortcuts(settingsKeys);
    connect(m_settingsAction, &QAction::triggered, this, &MainWindow::showSettings);

    m_shortcutsAction = new QAction(tr("&Keyboard Shortcuts"), this);
    m_shortcutsAction->setObjectName(QStringLiteral("shortcutsAction"));
    QList<QKeySequence> helpKeys = QKeySequence::keyBindings(QKeySequence::HelpContents);
    if (!helpKeys.contains(QKeySequence(Qt::Key_F1))) helpKeys << QKeySequence(Qt::Key_F1);
    m_shortcutsAction->setShortcuts(helpKeys);
    connect(m_shortcutsAction, &QAction::triggered, this, &MainWindow::showShortcuts);
}

void MainWindow::createMenus() {
    QMenu* fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->addAction(m_openAction);
    m_recentMenu = fileMenu->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    fileMenu->addAction(m_openSampleAction);
    fileMenu->addSeparator();
    fileMenu->addAction(m_removeAction);
    fileMenu->addSeparator();
    fileMenu->addAction(m_quitAction);

    QMenu* editMenu = menuBar()->addMenu(tr("&Edit"));
    editMenu->addAction(m_settingsAction);

    // Ctrl+1..4 show the pages; the actions live on the window so they work wherever the focus is.
    QMenu* viewMenu = menuBar()->addMenu(tr("&View"));
    const QList<SourcePage*> pages = m_sourceView->pages();
    for (int i = 0; i < pages.size() && i < 9; ++i) {
        SourcePage* page = pages[i];
        QAction* action = viewMenu->addAction(page->title());
        action->setObjectName(QStringLiteral("showPageAction%1").arg(i + 1));
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        connect(action, &QAction::triggered, this, [this, page] { m_sourceView->setCurrentPage(page); });
        addAction(action); // also while the menu bar is hidden (e.g. a native menu bar)
        m_pageActions << action;
    }

    QMenu* helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(m_shortcutsAction);
    helpMenu->addSeparator();
    helpMenu->addAction(m_aboutAction);
    helpMenu->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::createCentralArea() {
    m_emptyState = new EmptyStateWidget(this);
    connect(m_emptyState, &EmptyStateWidget::openRequested, this, &MainWindow::showOpenDialog);
    connect(m_emptyState, &EmptyStateWidget::sampleRequested, this, &MainWindow::openSample);

    m_modelView = new QTreeView(this);
    m_modelView->setObjectName(QStringLiteral("modelList"));
    m_modelView->setAccessibleName(tr("Models"));
    m_modelView->setAccessibleDescription(tr("The opened models and the files made from them"));
    m_modelView->setModel(m_models);
    m_modelView->setTextElideMode(Qt::ElideMiddle); // "qf-books…Q4_K_M.gguf": the type stays visible
    m_modelView->setUniformRowHeights(true);
    // Quants sit one level under their source: a small indent leaves their names room at 1180x760.
    m_modelView->setIndentation(m_modelView->fontMetrics().averageCharWidth() * 2);
    m_modelView->setAllColumnsShowFocus(true);
    m_modelView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_modelView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_modelView->header()->setStretchLastSection(false);
    m_modelView->header()->setSectionResizeMode(ModelListModel::NameColumn, QHeaderView::Stretch);
    m_modelView->header()->setSectionResizeMode(ModelListModel::TypeColumn, QHeaderView::ResizeToContents);
    m_modelView->header()->setSectionResizeMode(ModelListModel::SizeColumn, QHeaderView::ResizeToContents);
    m_modelView->addAction(m_removeAction);
    m_modelView->setContextMenuPolicy(Qt::ActionsContextMenu);

    m_sourceView = new SourceView(this);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(m_modelView);
    m_splitter->addWidget(m_sourceView);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setStretchFactor(1, 1);
    // Wide enough for "qf-books-22m-Q4_K_M.gguf" under its source with its type and size (test_layout).
    m_splitter->setSizes({345, 835});

    m_central = new QStackedWidget(this);
    m_central->setObjectName(QStringLiteral("centralStack"));
    m_central->addWidget(m_emptyState);
    m_central->addWidget(m_splitter);
    setCentralWidget(m_central);
    m_dropOverlay = new DropOverlay(m_central);
}

void MainWindow::createPages() {
    // Later pages (Compare) are added here, in the order of the flow.
    auto* recommendPage = new RecommendPage(&m_loadPool, true, m_sourceView);
    m_recommendPage = recommendPage;
    m_sourceView->addPage(recommendPage);
    auto* overview = new OverviewPage(m_sourceView);
    overview->exportPanel()->setSettings(m_settings.store()); // the LM Studio folder is remembered here
    m_sourceView->addPage(overview);
    m_producePage = new ProducePage(m_settings, &m_loadPool, &m_jobPool, m_sourceView);
    connect(m_producePage, &ProducePage::filesProduced, this, &MainWindow::addProducedFiles);
    m_sourceView->addPage(m_producePage);
    connect(recommendPage, &RecommendPage::produceMixRequested, this,
            [this](quint64 budget, const MixSettings& settings) { m_producePage->setMixTarget(budget, settings); });
    connect(recommendPage, &RecommendPage::produceRequested, this, [this](const QStringList& presets) {
        m_producePage->setChosenPresets(presets);
        m_sourceView->setCurrentPage(m_producePage);
    });
    auto* comparePage = new ComparePage(m_models, &m_jobPool, m_sourceView);
    m_comparePage = comparePage;
    m_sourceView->addPage(comparePage);
    connect(comparePage, &ComparePage::measuredQualityChanged, recommendPage,
            &RecommendPage::setMeasuredQuality);
    connect(recommendPage, &RecommendPage::mixCurveChanged, comparePage, &ComparePage::setPredictedMixCurve);
}

void MainWindow::restoreWindowState() {
    const QByteArray geometry = m_settings.windowGeometry();
    if (geometry.isEmpty() || !restoreGeometry(geometry)) resize(1180, 760);
    restoreState(m_settings.windowState());
    m_splitter->restoreState(m_settings.splitterState());
}

int MainWindow::activeJobCount() const {
    int count = 0;
    for (SourcePage* page : m_sourceView->pages())
        count += page->activeJobCount();
    return count;
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (const int jobs = activeJobCount(); jobs > 0) {
        const QString text = jobs == 1 ? tr("A job is still running. Cancel it and close Quantforge?")
                                       : tr("%n jobs are still running or waiting. Cancel them and close "
                                            "Quantforge?",
                                            nullptr, jobs);
        QMessageBox box(QMessageBox::Question, tr("Cancel Running Jobs?"), text, QMessageBox::NoButton, this);
        box.setObjectName(QStringLiteral("closeWithJobsBox"));
        box.setInformativeText(tr("Files of cancelled jobs are not written; finished files are kept."));
        QPushButton* cancelJobs = box.addButton(tr("Cancel Jobs and Close"), QMessageBox::AcceptRole);
        box.addButton(tr("Keep Running"), QMessageBox::RejectRole);
        box.setDefaultButton(cancelJobs);
        box.exec();
        if (box.clickedButton() != cancelJobs) {
            event->ignore();
            return;
        }
        // Cancelled jobs stop within a block of rows; the pools' destructors wait for that.
        for (SourcePage* page : m_sourceView->pages())
            page->cancelAllJobs();
    }
    m_settings.saveWindow(saveGeometry(), saveState(), m_splitter->saveState());
    QMainWindow::closeEvent(event);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (!hasLocalPaths(event->mimeData())) return;
    event->acceptProposedAction();
    m_emptyState->setDragActive(true);
    // With models listed the empty state is hidden: show the drop on the list and pages instead.
    if (m_central->currentWidget() == m_splitter) m_dropOverlay->setActive(true);
}

void MainWindow::dragMoveEvent(QDragMoveEvent* event) {
    if (hasLocalPaths(event->mimeData())) event->acceptProposedAction();
}

void MainWindow::dragLeaveEvent(QDragLeaveEvent* event) {
    m_emptyState->setDragActive(false);
    m_dropOverlay->setActive(false);
    QMainWindow::dragLeaveEvent(event);
}

void MainWindow::dropEvent(QDropEvent* event) {
    m_emptyState->setDragActive(false);
    m_dropOverlay->setActive(false);
    const QStringList paths = localPathsFromMimeData(event->mimeData());
    if (paths.isEmpty()) return;
    event->acceptProposedAction();
    openFiles(paths);
}

void MainWindow::openFiles(const QStringList& paths) {
    QStringList models;
    for (const QString& path : paths) {
        if (hf::isLoraAdapterFolder(std::filesystem::path(path.toStdU16String())))
            offerAdapter(path);
        else
            models << path;
    }
    QModelIndex toSelect;
    int started = 0;
    for (const QString& path : canonicalModelPaths(models)) {
        QModelIndex index = m_models->findPath(path);
        if (index.isValid()) {
            const ModelEntry* entry = m_models->entry(index);
            if (entry->state == LoadState::Failed) {
                m_models->setLoading(entry->id);
                startLoad(entry->id, path);
                ++started;
            }
        } else {
            index = m_models->addSource(path);
            startLoad(m_models->entry(index)->id, path);
            ++started;
        }
        toSelect = index;
    }
    if (!toSelect.isValid()) return;
    m_modelView->setCurrentIndex(toSelect);
    m_modelView->setFocus();
    if (started > 0)
        statusBar()->showMessage(started == 1 ? tr("Reading 1 model…")
                                              : tr("Reading %n models…", nullptr, started),
                                 kStatusTimeoutMs);
}

void MainWindow::openStartupFiles(const QStringList& paths) {
    if (!paths.isEmpty())
        openFiles(paths);
    else if (!m_settings.firstRunDone())
        openSample();
    m_settings.setFirstRunDone();
}

bool MainWindow::openSample() {
    const QString path = bundledSamplePath();
    if (path.isEmpty()) {
        const QString notice =
            tr("The sample model is not installed (looked in %1).")
                .arg(QDir::toNativeSeparators(bundledSampleCandidates().join(QStringLiteral(", "))));
        m_emptyState->setNotice(notice);
        statusBar()->showMessage(notice, kStatusTimeoutMs);
        return false;
    }
    m_emptyState->setNotice({});
    openFiles({path});
    return true;
}

void MainWindow::startLoad(quint64 entryId, const QString& path) {
    // The job deletes itself when done; the pool is its parent, so one still running when the window
    // closes is waited for (by the pool's destructor) before it is deleted.
    auto* job = new ModelLoadJob(entryId, path, &m_loadPool);
    connect(job, &ModelLoadJob::finished, this, &MainWindow::onLoadFinished);
    connect(job, &ModelLoadJob::failed, this, &MainWindow::onLoadFailed);
    m_loadPool.start(job);
}

void MainWindow::onLoadFinished(quint64 entryId, const LoadedModelPtr& model) {
    const QModelIndex index = m_models->indexForId(entryId);
    if (!index.isValid()) return; // removed from the list while it was being read
    const QString path = m_models->entry(index)->path;
    // A model the person opened (not a file a job wrote) starts with their default presets, if any;
    // without them the Produce page keeps today's choice (e.g. the Recommend page's).
    const bool openedByPerson = !index.parent().isValid();
    const QStringList defaultPresets = m_settings.defaultPresets();
    if (openedByPerson && !defaultPresets.isEmpty()) m_producePage->setChosenPresets(defaultPresets);
    m_models->setLoaded(entryId, model);
    if (openedByPerson) placeByLineage(entryId);
    m_settings.addRecentFile(path);
    updateRecentMenu();
    statusBar()->showMessage(tr("Opened %1 (%2) in %3 ms")
                                 .arg(QFileInfo(path).fileName(), formatBytes(model->summary.fileBytes),
                                      QLocale().toString(model->elapsedMs)),
                             kStatusTimeoutMs);
}

void MainWindow::placeByLineage(quint64 entryId) {
    const QModelIndex index = m_models->indexForId(entryId);
    const ModelEntry* entry = m_models->entry(index);
    if (!entry || !entry->model) return;
    const LoadedModelPtr model = entry->model;
    auto headerOf = [](const LoadedModel& m) { return eval::ModelHeader{m.metadata(), m.tensors()}; };
    QList<quint64> adopt;
    for (int row = 0; row < m_models->rowCount(); ++row) {
        const QModelIndex other = m_models->index(row, 0);
        const ModelEntry* o = m_models->entry(other);
        if (!o || o->id == entryId || !o->model) continue;
        if (eval::isQuantOf(headerOf(*model), headerOf(*o->model))) {
            // Opened on its own, but a quant of a listed source: it goes under it.
            moveUnder(index, other);
            return;
        }
        if (eval::isQuantOf(headerOf(*o->model), headerOf(*model)) && m_models->rowCount(other) == 0)
            adopt << o->id;
    }
    for (quint64 id : adopt)
        moveUnder(m_models->indexForId(id), m_models->indexForId(entryId));
    auto* job = new QuantDiscoveryJob(entryId, model, &m_loadPool);
    connect(job, &QuantDiscoveryJob::found, this, &MainWindow::onQuantsFound);
    m_loadPool.start(job);
}

void MainWindow::onQuantsFound(quint64 sourceEntryId, const QStringList& paths) {
    const QModelIndex source = m_models->indexForId(sourceEntryId);
    if (!source.isValid() || source.parent().isValid()) return;
    bool added = false;
    for (const QString& found : paths) {
        const QString path = canonicalModelPath(found);
        const QModelIndex listed = m_models->findPath(path);
        if (listed.isValid()) {
            const ModelEntry* e = m_models->entry(listed);
            if (!listed.parent().isValid() && e->model && m_models->rowCount(listed) == 0) moveUnder(listed, source);
            continue;
        }
        const QModelIndex child = m_models->addChild(m_models->indexForId(sourceEntryId), path);
        startLoad(m_models->entry(child)->id, path);
        added = true;
    }
    if (added) m_modelView->expand(m_models->indexForId(sourceEntryId));
}

void MainWindow::moveUnder(const QModelIndex& entry, const QModelIndex& source) {
    const ModelEntry* e = m_models->entry(entry);
    if (!e || !e->model || !source.isValid()) return;
    const QString path = e->path;
    const LoadedModelPtr model = e->model;
    const quint64 sourceId = m_models->entry(source)->id;
    const bool wasCurrent = m_modelView->currentIndex().siblingAtColumn(0) == entry.siblingAtColumn(0);
    m_models->removeEntry(entry);
    const QModelIndex child = m_models->addChild(m_models->indexForId(sourceId), path);
    m_models->setLoaded(m_models->entry(child)->id, model);
    m_modelView->expand(m_models->indexForId(sourceId));
    if (wasCurrent) m_modelView->setCurrentIndex(m_models->indexForId(m_models->entry(child)->id));
}

void MainWindow::onLoadFailed(quint64 entryId, const QString& message) {
    const QModelIndex index = m_models->indexForId(entryId);
    if (!index.isValid()) return;
    const QString path = m_models->entry(index)->path;
    m_models->setFailed(entryId, message);
    if (!QFileInfo::exists(path)) {
        m_settings.removeRecentFile(path);
        updateRecentMenu();
    }
    statusBar()->showMessage(tr("Could not open %1").arg(QFileInfo(path).fileName()), kStatusTimeoutMs);
}

void MainWindow::addProducedFiles(quint64 sourceEntryId, const QStringList& paths) {
    const QModelIndex source = m_models->sourceIndex(m_models->indexForId(sourceEntryId));
    for (const QString& produced : paths) {
        const QString path = canonicalModelPath(produced);
        const QModelIndex listed = m_models->findPath(path);
        if (listed.isValid()) {
            // Replaced by the job: read the new file.
            const quint64 id = m_models->entry(listed)->id;
            m_models->setLoading(id);
            startLoad(id, path);
            continue;
        }
        // A source removed from the list while its job ran: its files are listed on their own.
        const QModelIndex added =
            source.isValid() ? m_models->addChild(source, path) : m_models->addSource(path);
        startLoad(m_models->entry(added)->id, path);
    }
    if (source.isValid()) m_modelView->expand(source);
    statusBar()->showMessage(paths.size() == 1 ? tr("Produced %1").arg(QFileInfo(paths.front()).fileName())
                                               : tr("Produced %n files", nullptr, int(paths.size())),
                             kStatusTimeoutMs);
}

void MainWindow::showOpenDialog() {
    QString directory = m_settings.lastOpenDirectory();
    if (directory.isEmpty()) directory = QStandardPaths::writableLocation(QStandardPaths::HomeLocation);
    const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Open Models"), directory,
                                                            tr("GGUF models (*.gguf);;All files (*)"));
    if (paths.isEmpty()) return;
    m_settings.setLastOpenDirectory(QFileInfo(paths.front()).absolutePath());
    openFiles(paths);
}

void MainWindow::removeCurrentEntry() {
    const QModelIndex current = m_modelView->currentIndex();
    if (current.isValid()) m_models->removeEntry(current);
}

void MainWindow::updateRecentMenu() {
    m_recentMenu->clear();
    const QStringList files = m_settings.recentFiles();
    for (int i = 0; i < files.size(); ++i) {
        const QString& path = files[i];
        // Mnemonics 1-9, then none.
        const QString text = i < 9 ? QStringLiteral("&%1  %2").arg(i + 1).arg(QDir::toNativeSeparators(path))
                                   : QDir::toNativeSeparators(path);
        QAction* action = m_recentMenu->addAction(text);
        connect(action, &QAction::triggered, this, [this, path] { openFiles({path}); });
    }
    if (!files.isEmpty()) {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(tr("&Clear Menu"), this, [this] {
            m_settings.clearRecentFiles();
            updateRecentMenu();
        });
    }
    m_recentMenu->setEnabled(!files.isEmpty());
}

void MainWindow::updateCurrentEntry() {
    const ModelEntry* entry = m_models->entry(m_modelView->currentIndex());
    m_sourceView->showEntry(entry);
    m_removeAction->setEnabled(entry != nullptr);
    setWindowTitle(entry ? tr("%1 — Quantforge").arg(entry->fileName()) : tr("Quantforge"));
}

void MainWindow::offerAdapter(const QString& path) {
    const QFileInfo info(path);
    const QString folder = info.isDir() ? info.absoluteFilePath() : info.absolutePath();
    const ModelEntry* entry = m_models->entry(m_modelView->currentIndex());
    if (!entry || !entry->model) {
        statusBar()->showMessage(tr("%1 is a LoRA adapter: open the model to merge it into first, then add the "
                                    "adapter again")
                                     .arg(QDir::toNativeSeparators(folder)),
                                 kStatusTimeoutMs);
        return;
    }
    m_producePage->loraMergePanel()->setAdapter(folder);
    m_sourceView->setCurrentPage(m_producePage);
    statusBar()->showMessage(tr("LoRA adapter %1 chosen: Merge puts it into %2")
                                 .arg(QFileInfo(folder).fileName(), entry->fileName()),
                             kStatusTimeoutMs);
}

void MainWindow::updateEmptyState() {
    const bool empty = m_models->sourceCount() == 0;
    m_central->setCurrentWidget(empty ? static_cast<QWidget*>(m_emptyState) : m_splitter);
}

void MainWindow::showAbout() {
    AboutDialog dialog(this);
    dialog.exec();
}

void MainWindow::showShortcuts() {
    QList<ShortcutEntry> shortcuts{
        {tr("Open models"), m_openAction->shortcut()},
        {tr("Remove the selected model from the list"), m_removeAction->shortcut()},
    };
    for (QAction* action : std::as_const(m_pageActions))
        shortcuts << ShortcutEntry{tr("Show the %1 page").arg(action->text()), action->shortcut()};
    shortcuts << ShortcutEntry{tr("Start producing (Produce page)"), QKeySequence(Qt::CTRL | Qt::Key_Return)}
              << ShortcutEntry{tr("Cancel the focused job"), QKeySequence(Qt::Key_Escape)}
              << ShortcutEntry{tr("Settings"), m_settingsAction->shortcut()}
              << ShortcutEntry{tr("Keyboard shortcuts"), m_shortcutsAction->shortcut()}
              << ShortcutEntry{tr("Quit"), m_quitAction->shortcut()};
    ShortcutsDialog dialog(shortcuts, this);
    dialog.exec();
}

void MainWindow::showSettings() {
    SettingsDialog dialog(m_settings, this);
    // The one figure the Recommend page uses when the reserve is automatic.
    dialog.setAutomaticOsReserve(recommend::defaultOsReserve(m_recommendPage->machine().ramBytes));
    if (dialog.exec() == QDialog::Accepted) applySettings();
}

void MainWindow::applySettings() {
    quant::forceReferencePath(m_settings.forceReferenceKernels());

    // The page's spin box stores what it shows; "all threads" (0) must stay 0, so that a faster machine
    // later still gets all of its threads.
    const int threads = m_settings.produceThreads();
    m_producePage->setThreads(threads > 0 ? threads : qMax(1, QThread::idealThreadCount()));
    m_settings.setProduceThreads(threads);
    m_producePage->setOutputDirectory(m_settings.produceOutputDirectory());

    m_recommendPage->machineCard()->setOsReserveOverride(m_settings.osReserveBytes());

    // Only a changed default replaces the text: one chosen on the Compare page stays until then.
    QString evaluationText = m_settings.evaluationTextPath();
    if (evaluationText.isEmpty()) evaluationText = ComparePage::bundledEvaluationText();
    if (evaluationText != m_appliedEvaluationText) {
        m_appliedEvaluationText = evaluationText;
        m_comparePage->setEvaluationText(evaluationText);
    }
}

} // namespace qf::ui
