#include "widgets/message_panel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QVBoxLayout>

namespace qf::ui {

MessagePanel::MessagePanel(QWidget* parent)
    : QWidget(parent), m_icon(new QLabel(this)), m_title(new QLabel(this)), m_text(new QLabel(this)) {
    m_icon->setObjectName(QStringLiteral("messageIcon"));
    m_title->setObjectName(QStringLiteral("messageTitle"));
    m_text->setObjectName(QStringLiteral("messageText"));

    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);

    // The error text is the core's own message: selectable so it can be copied into a bug report.
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_text->setTextFormat(Qt::PlainText);

    auto* textColumn = new QVBoxLayout;
    textColumn->addWidget(m_title);
    textColumn->addWidget(m_text);
    textColumn->addStretch();

    auto* row = new QHBoxLayout;
    row->addWidget(m_icon, 0, Qt::AlignTop);
    row->addLayout(textColumn, 1);

    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(32, 32, 32, 32);
    outer->addLayout(row);
    outer->addStretch();
}

void MessagePanel::showMessage(Kind kind, const QString& title, const QString& text) {
    const int iconSize = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    if (kind == Kind::Error) {
        m_icon->setPixmap(
            style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this).pixmap(iconSize));
        m_icon->show();
    } else {
        m_icon->clear();
        m_icon->hide();
    }
    m_title->setText(title);
    m_text->setText(text);
    m_text->setVisible(!text.isEmpty());
}

QString MessagePanel::title() const {
    return m_title->text();
}

QString MessagePanel::text() const {
    return m_text->text();
}

} // namespace qf::ui
