#pragma once
// Help > About: the version, and what a bug report needs - the libraries and their versions, the compiler,
// the kernel path in use and the CPU's vector features. The details are selectable and can be copied.
#include <QDialog>

namespace qf::ui {

class AboutDialog : public QDialog {
    Q_OBJECT

public:
    explicit AboutDialog(QWidget* parent = nullptr);

    // One "Name: value" line per item, in English-independent form for bug reports (labels translated).
    static QString buildInformation();
};

} // namespace qf::ui
