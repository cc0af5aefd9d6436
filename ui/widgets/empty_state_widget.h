#pragma once
// What the window shows before any model is listed: a large drop target, "Try the sample model", and
// one line on what the app does. The window itself handles the drop; this widget only shows it.
#include <QWidget>

class QLabel;
class QPushButton;

namespace qf::ui {

class EmptyStateWidget : public QWidget {
    Q_OBJECT

public:
    explicit EmptyStateWidget(QWidget* parent = nullptr);

    // Highlights the target while files are dragged over the window.
    void setDragActive(bool active);
    bool isDragActive() const { return m_dragActive; }
    // A one-line notice under the buttons (e.g. the sample is not installed); empty hides it.
    void setNotice(const QString& notice);

signals:
    void openRequested();
    void sampleRequested();

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QLabel* m_notice;
    QPushButton* m_sampleButton;
    bool m_dragActive = false;
};

} // namespace qf::ui
