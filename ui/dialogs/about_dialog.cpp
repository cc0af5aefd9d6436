#include "dialogs/about_dialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtCharts/qtchartsversion.h>

#include <fmt/format.h>
#include <zstd.h>

#include "format.h"
#include "qf/cpu_features.h"
#include "qf/quant/kernels.h"

namespace qf::ui {
namespace {

QString compilerName() {
#if defined(__clang__)
    return QStringLiteral("Clang %1.%2.%3")
        .arg(__clang_major__)
        .arg(__clang_minor__)
        .arg(__clang_patchlevel__);
#elif defined(__GNUC__)
    return QStringLiteral("GCC %1.%2.%3").arg(__GNUC__).arg(__GNUC_MINOR__).arg(__GNUC_PATCHLEVEL__);
#elif defined(_MSC_VER)
    return QStringLiteral("MSVC %1").arg(_MSC_FULL_VER);
#else
    return QStringLiteral("unknown");
#endif
}

// FMT_VERSION is major * 10000 + minor * 100 + patch.
QString fmtVersion() {
    return QStringLiteral("%1.%2.%3")
        .arg(FMT_VERSION / 10000)
        .arg(FMT_VERSION / 100 % 100)
        .arg(FMT_VERSION % 100);
}

} // namespace

QString AboutDialog::buildInformation() {
    const std::string features = cpuFeatures().describe();
    const QStringList lines{
        tr("Quantforge: %1").arg(QStringLiteral(QF_VERSION)),
        tr("Qt: %1 (built with %2)").arg(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR)),
        tr("Qt Charts: %1").arg(QStringLiteral(QTCHARTS_VERSION_STR)),
        tr("fmt: %1").arg(fmtVersion()),
        tr("zstd: %1").arg(QString::fromLatin1(ZSTD_versionString())),
        tr("Compiler: %1").arg(compilerName()),
        tr("Kernels: %1").arg(toQString(quant::kernelPathName(quant::activePath()))),
        tr("CPU features: %1").arg(features.empty() ? tr("none detected") : toQString(features)),
        tr("Platform: %1 (%2)").arg(QSysInfo::prettyProductName(), QSysInfo::currentCpuArchitecture()),
    };
    return lines.join(QLatin1Char('\n'));
}

AboutDialog::AboutDialog(QWidget* parent) : QDialog(parent) {
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About Quantforge"));

    auto* heading = new QLabel(this);
    heading->setObjectName(QStringLiteral("aboutHeading"));
    heading->setTextFormat(Qt::RichText);
    heading->setWordWrap(true);
    heading->setText(tr("<h3>Quantforge %1</h3>"
                        "<p>Chooses, produces and compares quantized GGUF models for your machine.</p>")
                         .arg(QStringLiteral(QF_VERSION).toHtmlEscaped()));

    auto* details = new QPlainTextEdit(buildInformation(), this);
    details->setObjectName(QStringLiteral("aboutDetails"));
    details->setAccessibleName(tr("Build and system information"));
    details->setReadOnly(true);
    details->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    details->setMinimumSize(480, details->fontMetrics().lineSpacing() * 11);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* copy = buttons->addButton(tr("&Copy Details"), QDialogButtonBox::ActionRole);
    copy->setObjectName(QStringLiteral("aboutCopyButton"));
    connect(copy, &QPushButton::clicked, this,
            [] { QApplication::clipboard()->setText(AboutDialog::buildInformation()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(details, 1);
    layout->addWidget(buttons);
}

} // namespace qf::ui
