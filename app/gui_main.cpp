// The Quantforge desktop app: everything lives in the qf_ui library; this only parses the command line.
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTextStream>

#include "app_settings.h"
#include "app_translations.h"
#include "main_window.h"
#include "screenshot_tour.h"
#include "self_test.h"

namespace {
constexpr int kSelfTestTimeoutMs = 120000;
constexpr int kScreenshotStepTimeoutMs = 600000;
} // namespace

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Quantforge"));
    QApplication::setApplicationName(QStringLiteral("Quantforge"));
    QApplication::setApplicationVersion(QStringLiteral(QF_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.quantforge.Quantforge"));

    // The self-test must not read or change the user's settings: it gets a throw-away file.
    // So do the README screenshots, which must show the app as a first-time user sees it.
    const bool selfTest = app.arguments().contains(QStringLiteral("--self-test"));
    const bool scratchOnly = selfTest || app.arguments().contains(QStringLiteral("--screenshots"));
    QTemporaryDir scratch;
    QSettings userSettings;
    QSettings scratchSettings(scratch.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    QSettings* settings = scratchOnly ? &scratchSettings : &userSettings;
    qf::ui::installTranslations(app, qf::ui::AppSettings(settings).language());

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Choose and produce quantized LLM files for your machine."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("self-test"),
                      QApplication::translate("main", "Open the bundled sample, show its recommendation and "
                                                      "quit; the exit code tells whether it worked.")});
    const QCommandLineOption screenshots(
        QStringLiteral("screenshots"),
        QApplication::translate("main",
                                "Walk through the app on the bundled sample and save a PNG of each view "
                                "into DIR (for the README); the exit code tells whether it worked."),
        QStringLiteral("DIR"));
    parser.addOption(screenshots);
    parser.addPositionalArgument(QStringLiteral("files"),
                                 QApplication::translate("main", "GGUF models to open."),
                                 QStringLiteral("[files…]"));
    parser.process(app);

    qf::ui::MainWindow window(settings);
    window.show();
    if (selfTest) {
        const qf::ui::SelfTestResult result = qf::ui::runSelfTest(window, kSelfTestTimeoutMs);
        QTextStream(result.ok ? stdout : stderr)
            << (result.ok ? "self-test passed: " : "self-test FAILED: ") << result.message << Qt::endl;
        return result.ok ? 0 : 1;
    }
    if (parser.isSet(screenshots)) {
        const QString out = QDir(parser.value(screenshots)).absolutePath();
        // A work folder named the same on every machine, since the pictures show its paths (a random
        // scratch folder's name is this machine's). Ours when it holds the marker; never someone else's.
        QDir tour(QDir(QDir::tempPath()).filePath(QStringLiteral("quantforge-tour")));
        const QString marker = QStringLiteral(".quantforge-screenshots");
        if (tour.exists() && !tour.exists(marker)) {
            QTextStream(stderr) << "screenshots FAILED: " << QDir::toNativeSeparators(tour.path())
                                << " exists and is not a screenshot folder; remove it first" << Qt::endl;
            return 1;
        }
        tour.removeRecursively();
        if (!tour.mkpath(QStringLiteral(".")) || !QFile(tour.filePath(marker)).open(QIODevice::WriteOnly)) {
            QTextStream(stderr) << "screenshots FAILED: cannot create " << tour.path() << Qt::endl;
            return 1;
        }
        const qf::ui::ScreenshotResult result =
            qf::ui::takeScreenshots(window, tour.path(), out, kScreenshotStepTimeoutMs);
        tour.removeRecursively();
        QTextStream(result.ok ? stdout : stderr)
            << (result.ok ? "screenshots written: " : "screenshots FAILED: ") << result.message << Qt::endl;
        return result.ok ? 0 : 1;
    }
    window.openStartupFiles(parser.positionalArguments());
    return QApplication::exec();
}
