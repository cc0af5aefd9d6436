#pragma once
// Colours for states the palette has no role for (errors, warnings, "does not fit"), chosen to stay
// readable on light and dark palettes alike. Everything else takes the palette's own roles.
#include <QColor>
#include <QPalette>

class QWidget;

namespace qf::ui {

// Whether `palette` is a dark one (light text on a dark window).
bool isDarkPalette(const QPalette& palette);
QColor errorTextColor(const QPalette& palette);
QColor warningTextColor(const QPalette& palette);
// Sets `widget`'s text colour (WindowText and Text) to `color`, keeping the rest of its palette.
void setTextColor(QWidget* widget, const QColor& color);

} // namespace qf::ui
