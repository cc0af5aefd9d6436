#pragma once
// A translucent "drop to open" layer over a widget while files are dragged onto the window, so that a
// window already listing models shows, like the empty one, that a drop will open what is dragged. It
// follows its parent's size and lets every mouse event through.
#include <QWidget>

namespace qf::ui {

class DropOverlay : public QWidget {
    Q_OBJECT

public:
    explicit DropOverlay(QWidget* parent);

    void setActive(bool active);
    bool isActive() const { return isVisible(); }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
};

} // namespace qf::ui
