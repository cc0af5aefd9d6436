#include "widgets/fitting_text_delegate.h"

#include <cstdlib>

#include <QAbstractItemView>
#include <QApplication>
#include <QStyle>

namespace qf::ui {

namespace {

// The style's margin on each side of an item's text (QCommonStyle's textMargin).
int textMargin(const QStyle* style, const QWidget* widget) {
    return style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
}

int available(const QStyleOptionViewItem& option) {
    const QWidget* widget = option.widget;
    const QStyle* style = widget ? widget->style() : QApplication::style();
    return style->subElementRect(QStyle::SE_ItemViewItemText, &option, widget).width() -
           2 * textMargin(style, widget);
}

} // namespace

FittingTextDelegate::FittingTextDelegate(QObject* parent) : QStyledItemDelegate(parent) {}

void FittingTextDelegate::initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const {
    QStyledItemDelegate::initStyleOption(option, index);
    if (!(option->features & QStyleOptionViewItem::HasDisplay)) return;
    const int width = available(*option);
    const QFontMetrics metrics(option->font);
    if (metrics.horizontalAdvance(option->text) <= width) return;
    const QStringList shorter = index.data(ShorterTextsRole).toStringList();
    for (const QString& text : shorter) {
        option->text = text;
        if (metrics.horizontalAdvance(text) <= width) return;
    }
}

QSize FittingTextDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const {
    const QStringList shorter = index.data(ShorterTextsRole).toStringList();
    if (shorter.isEmpty()) return QStyledItemDelegate::sizeHint(option, index);
    QStyleOptionViewItem shortest = option;
    QStyledItemDelegate::initStyleOption(&shortest, index);
    shortest.text = shorter.last();
    const QWidget* widget = option.widget;
    const QStyle* style = widget ? widget->style() : QApplication::style();
    return style->sizeFromContents(QStyle::CT_ItemViewItem, &shortest, QSize(), widget);
}

namespace {

// The option a view paints `index` with (what QAbstractItemView::initViewItemOption gives, for a cell).
QStyleOptionViewItem optionFor(const QAbstractItemView* view, const QModelIndex& index) {
    QStyleOptionViewItem option;
    option.initFrom(view->viewport());
    option.widget = view;
    option.font = view->font();
    option.fontMetrics = QFontMetrics(option.font);
    option.rect = view->visualRect(index);
    option.showDecorationSelected = view->style()->styleHint(QStyle::SH_ItemView_ShowDecorationSelected, nullptr, view);
    option.textElideMode = view->textElideMode();
    return option;
}

// Reaches the protected option set-up, with and without the shorter forms.
class Probe : public FittingTextDelegate {
public:
    void fitting(QStyleOptionViewItem* option, const QModelIndex& index) const {
        FittingTextDelegate::initStyleOption(option, index);
    }
    void plain(QStyleOptionViewItem* option, const QModelIndex& index) const {
        QStyledItemDelegate::initStyleOption(option, index);
    }
};

} // namespace

FittingTextDelegate::Shown FittingTextDelegate::shown(const QAbstractItemView* view, const QModelIndex& index) {
    QStyleOptionViewItem option = optionFor(view, index);
    const Probe probe;
    if (qobject_cast<FittingTextDelegate*>(view->itemDelegateForIndex(index)))
        probe.fitting(&option, index);
    else
        probe.plain(&option, index);
    return {option.text, option.font, available(option)};
}

QString twoLineTitle(const QString& title) {
    constexpr int kShortTitle = 6;
    if (title.size() <= kShortTitle || title.contains(QLatin1Char('\n'))) return title;
    int best = -1;
    for (int i = 1; i + 1 < title.size(); ++i) {
        const QChar c = title[i];
        if (c != QLatin1Char(' ') && c != QLatin1Char('/')) continue;
        if (best < 0 || std::abs(i - title.size() / 2) < std::abs(best - title.size() / 2)) best = i;
    }
    if (best < 0) return title;
    QString wrapped = title;
    if (wrapped[best] == QLatin1Char(' '))
        wrapped[best] = QLatin1Char('\n');
    else
        wrapped.insert(best + 1, QLatin1Char('\n'));
    return wrapped;
}

} // namespace qf::ui
