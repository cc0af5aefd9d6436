#pragma once
// Helpers for tests that drive the real main window on the offscreen platform.
#include <memory>

#include <QApplication>
#include <QFileInfo>
#include <QSettings>
#include <QTest>

#include "main_window.h"
#include "models/model_list_model.h"
#include "pages/source_page.h"
#include "pages/source_view.h"

namespace qf::test {

// The child widget or object named `name`, or nullptr.
template <class T> T* child(QObject* parent, const char* name) {
    return parent->findChild<T*>(QString::fromLatin1(name));
}

// A shown, active window on `settings` (a temporary file in tests).
inline std::unique_ptr<ui::MainWindow> makeActiveWindow(QSettings* settings) {
    auto window = std::make_unique<ui::MainWindow>(settings);
    window->show();
    QApplication::setActiveWindow(window.get());
    if (!QTest::qWaitForWindowActive(window.get())) qWarning("window not active");
    return window;
}

// Opens `path`, waits until its header is read and shows `page`; false when the file did not load.
inline bool openOnPage(ui::MainWindow& window, const QString& path, ui::SourcePage* page) {
    window.openFiles({path});
    const QModelIndex item = window.modelList()->findPath(QFileInfo(path).canonicalFilePath());
    if (!item.isValid()) return false;
    if (!QTest::qWaitFor(
            [&] { return item.data(ui::ModelListModel::StateRole).toInt() == int(ui::LoadState::Ready); },
            30000))
        return false;
    window.sourceView()->setCurrentPage(page);
    return true;
}

} // namespace qf::test
