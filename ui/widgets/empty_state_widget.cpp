#include "widgets/empty_state_widget.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QVBoxLayout>

namespace qf::ui {

namespace {
constexpr int kOuterMargin = 24;
constexpr int kInnerMargin = 48;
} // namespace

EmptyStateWidget::EmptyStateWidget(QWidget* parent)
    : QWidget(parent), m_notice(new QLabel(this)),
      m_sampleButton(new QPushButton(tr("Try the sample model"), this)) {
    setObjectName(QStringLiteral("emptyState"));

    auto* title = new QLabel(tr("Drop GGUF models here"), this);
    title->setObjectName(QStringLiteral("emptyStateTitle"));
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.8);
    titleFont.setBold(true);
    title->setFont(titleFont);
    title->setAlignment(Qt::AlignCenter);

    auto* blurb = new QLabel(tr("Quantforge finds the quantization of a model that fits your machine best, "
                                "produces it and shows what it costs in quality."),
                             this);
    blurb->setObjectName(QStringLiteral("emptyStateBlurb"));
    blurb->setAlignment(Qt::AlignCenter);
    blurb->setWordWrap(true);

    auto* openButton = new QPushButton(tr("Open…"), this);
    openButton->setObjectName(QStringLiteral("emptyStateOpenButton"));
    m_sampleButton->setObjectName(QStringLiteral("trySampleButton"));
    m_sampleButton->setDefault(true);
    connect(openButton, &QPushButton::clicked, this, &EmptyStateWidget::openRequested);
    connect(m_sampleButton, &QPushButton::clicked, this, &EmptyStateWidget::sampleRequested);

    m_notice->setObjectName(QStringLiteral("emptyStateNotice"));
    m_notice->setAlignment(Qt::AlignCenter);
    m_notice->setWordWrap(true);
    m_notice->hide();

    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(openButton);
    buttons->addWidget(m_sampleButton);
    buttons->addStretch();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(kOuterMargin + kInnerMargin, kOuterMargin + kInnerMargin,
                               kOuterMargin + kInnerMargin, kOuterMargin + kInnerMargin);
    layout->addStretch(2);
    layout->addWidget(title);
    layout->addSpacing(12);
    layout->addWidget(blurb);
    layout->addSpacing(24);
    layout->addLayout(buttons);
    layout->addSpacing(12);
    layout->addWidget(m_notice);
    layout->addStretch(3);
}

void EmptyStateWidget::setDragActive(bool active) {
    if (m_dragActive == active) return;
    m_dragActive = active;
    update();
}

void EmptyStateWidget::setNotice(const QString& notice) {
    m_notice->setText(notice);
    m_notice->setVisible(!notice.isEmpty());
}

void EmptyStateWidget::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF target = QRectF(rect()).adjusted(kOuterMargin, kOuterMargin, -kOuterMargin, -kOuterMargin);

    QColor border = palette().color(QPalette::Mid);
    QColor fill = palette().color(QPalette::Base);
    if (m_dragActive) {
        border = palette().color(QPalette::Highlight);
        fill = border;
        fill.setAlpha(40);
    }
    QPen pen(border, 2.0, Qt::DashLine);
    pen.setDashPattern({6.0, 4.0});
    painter.setPen(pen);
    painter.setBrush(fill);
    painter.drawRoundedRect(target, 12.0, 12.0);
}

} // namespace qf::ui
