#include "widgets/drop_overlay.h"

#include <QEvent>
#include <QPainter>
#include <QPainterPath>

namespace qf::ui {

namespace {
constexpr int kMargin = 8;
constexpr int kRadius = 10;
constexpr int kFillAlpha = 40;
} // namespace

DropOverlay::DropOverlay(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("dropOverlay"));
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAttribute(Qt::WA_NoSystemBackground);
    setAccessibleName(tr("Drop models to open them"));
    parent->installEventFilter(this);
    hide();
}

void DropOverlay::setActive(bool active) {
    if (active) {
        setGeometry(parentWidget()->rect());
        raise();
    }
    setVisible(active);
}

bool DropOverlay::eventFilter(QObject* watched, QEvent* event) {
    if (watched == parentWidget() && event->type() == QEvent::Resize) setGeometry(parentWidget()->rect());
    return QWidget::eventFilter(watched, event);
}

void DropOverlay::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF area = QRectF(rect()).adjusted(kMargin, kMargin, -kMargin, -kMargin);
    QColor fill = palette().color(QPalette::Highlight);
    fill.setAlpha(kFillAlpha);
    QPen border(palette().color(QPalette::Highlight), 2.0, Qt::DashLine);
    painter.setPen(border);
    painter.setBrush(fill);
    painter.drawRoundedRect(area, kRadius, kRadius);
    QFont font = painter.font();
    font.setPointSizeF(font.pointSizeF() * 1.4);
    font.setBold(true);
    painter.setFont(font);
    painter.setPen(palette().color(QPalette::WindowText));
    painter.drawText(area, Qt::AlignCenter, tr("Drop models to open them"));
}

} // namespace qf::ui
