#pragma once
// A centered inline message in place of content: an error with the core's text, or "reading…".
#include <QWidget>

class QLabel;

namespace qf::ui {

class MessagePanel : public QWidget {
    Q_OBJECT

public:
    enum class Kind { Busy, Error };

    explicit MessagePanel(QWidget* parent = nullptr);

    void showMessage(Kind kind, const QString& title, const QString& text);
    QString title() const;
    QString text() const;

private:
    QLabel* m_icon;
    QLabel* m_title;
    QLabel* m_text;
};

} // namespace qf::ui
