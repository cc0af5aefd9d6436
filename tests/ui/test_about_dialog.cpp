// Help > About names what a bug report needs: the Qt, fmt and zstd versions, the compiler, the kernel path
// in use and the CPU's vector features.
#include <QPlainTextEdit>
#include <QTest>

#include <fmt/format.h>
#include <zstd.h>

#include "dialogs/about_dialog.h"
#include "qf/cpu_features.h"
#include "qf/quant/kernels.h"

using namespace qf::ui;

class TestAboutDialog : public QObject {
    Q_OBJECT

private slots:
    void namesTheLibraryVersions();
    void namesTheKernelPathInUse();
};

void TestAboutDialog::namesTheLibraryVersions() {
    AboutDialog dialog;
    auto* details = dialog.findChild<QPlainTextEdit*>(QStringLiteral("aboutDetails"));
    QVERIFY(details);
    const QString text = details->toPlainText();
    QVERIFY2(text.contains(QStringLiteral(QF_VERSION)), qPrintable(text));
    QVERIFY2(text.contains(QString::fromLatin1(qVersion())), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral(QT_VERSION_STR)), qPrintable(text));
    const QString fmtVersion = QStringLiteral("%1.%2.%3")
                                   .arg(FMT_VERSION / 10000)
                                   .arg(FMT_VERSION / 100 % 100)
                                   .arg(FMT_VERSION % 100);
    QVERIFY2(text.contains(QStringLiteral("fmt: ") + fmtVersion), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("zstd: ") + QString::fromLatin1(ZSTD_versionString())),
             qPrintable(text));
}

void TestAboutDialog::namesTheKernelPathInUse() {
    const auto path = [](qf::quant::KernelPath p) { return QString::fromUtf8(qf::quant::kernelPathName(p)); };
    qf::quant::forceReferencePath(true);
    QVERIFY(AboutDialog::buildInformation().contains(path(qf::quant::KernelPath::Reference)));
    qf::quant::forceReferencePath(false);
    const QString text = AboutDialog::buildInformation();
    QVERIFY2(text.contains(path(qf::quant::activePath())), qPrintable(text));
    const std::string features = qf::cpuFeatures().describe();
    if (!features.empty()) QVERIFY2(text.contains(QString::fromStdString(features)), qPrintable(text));
}

QTEST_MAIN(TestAboutDialog)
#include "test_about_dialog.moc"
