#include "widgets/palette_colors.h"

#include <QWidget>

namespace qf::ui {

bool isDarkPalette(const QPalette& palette) {
    return palette.color(QPalette::Window).lightness() < palette.color(QPalette::WindowText).lightness();
}

QColor errorTextColor(const QPalette& palette) {
    return isDarkPalette(palette) ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x00, 0x20);
}

QColor warningTextColor(const QPalette& palette) {
    return isDarkPalette(palette) ? QColor(0xff, 0xc1, 0x07) : QColor(0xa0, 0x5a, 0x00);
}

void setTextColor(QWidget* widget, const QColor& color) {
    QPalette palette = widget->palette();
    palette.setColor(QPalette::WindowText, color);
    palette.setColor(QPalette::Text, color);
    widget->setPalette(palette);
}

} // namespace qf::ui
