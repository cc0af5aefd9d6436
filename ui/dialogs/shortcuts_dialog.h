#pragma once
// Help > Keyboard Shortcuts (F1): every shortcut of the window in one table, with the key names of this
// platform (Ctrl on Linux and Windows, ⌘ on macOS).
#include <QDialog>
#include <QKeySequence>
#include <QList>
#include <QString>

namespace qf::ui {

struct ShortcutEntry {
    QString description;
    QKeySequence keys;
};

class ShortcutsDialog : public QDialog {
    Q_OBJECT

public:
    explicit ShortcutsDialog(const QList<ShortcutEntry>& shortcuts, QWidget* parent = nullptr);
};

} // namespace qf::ui
