// The Quantforge desktop app: everything lives in the qf_ui library; this only parses the command line.
#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>

#include "main_window.h"

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Quantforge"));
    QApplication::setApplicationName(QStringLiteral("Quantforge"));
    QApplication::setApplicationVersion(QStringLiteral(QF_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Choose and produce quantized LLM files for your machine."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("files"),
                                 QApplication::translate("main", "GGUF models to open."),
                                 QStringLiteral("[files…]"));
    parser.process(app);

    QSettings settings;
    qf::ui::MainWindow window(&settings);
    window.show();
    window.openStartupFiles(parser.positionalArguments());
    return QApplication::exec();
}
