#pragma once
// A delegate that never cuts a cell's text mid-number: when the text does not fit its column, it shows
// the first of the model's shorter forms (ShorterTextsRole, longest first) that fits, and elides only
// when none does. The full text stays in the model's tooltip. Columns without shorter forms paint as usual.
#include <QFont>
#include <QStringList>
#include <QStyledItemDelegate>

class QAbstractItemView;

namespace qf::ui {

class FittingTextDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    // QStringList: shorter forms of Qt::DisplayRole's text, longest first.
    static constexpr int ShorterTextsRole = Qt::UserRole + 64;

    explicit FittingTextDelegate(QObject* parent = nullptr);

    // What a cell of `view` shows at its current width: the text (before any eliding by the style), its
    // font, and the width the text has (the cell less check box, icon and margins). For tests and checks.
    struct Shown {
        QString text;
        QFont font;
        int width = 0;
    };
    static Shown shown(const QAbstractItemView* view, const QModelIndex& index);

    // A cell with shorter forms asks only for the room of its shortest: a column sized to its contents is
    // then as wide as the other cells need, and the longer forms show where that room allows.
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override;
};

// A column title of two words or more on two lines, broken at the space (or after the "/") nearest its
// middle, so that a column is as wide as its values rather than its title. Short titles stay as they are.
QString twoLineTitle(const QString& title);

} // namespace qf::ui
