#include "app_translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace qf::ui {

QStringList translatedLanguages() {
    return {QStringLiteral("de"), QStringLiteral("fr"), QStringLiteral("es"), QStringLiteral("zh_CN"),
            QStringLiteral("ja")};
}

QStringList translationDirectoryCandidates() {
    const QDir binDir(QCoreApplication::applicationDirPath());
    return {
        QDir::cleanPath(binDir.filePath(QStringLiteral("../share/quantforge/translations"))),
        QDir::cleanPath(binDir.filePath(QStringLiteral("../Resources/translations"))), // Contents/MacOS/..
        QDir::cleanPath(binDir.filePath(QStringLiteral("translations"))), // Windows: beside the exe
    };
}

QString installTranslations(QCoreApplication& app, const QString& language) {
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    // The translators are owned by the application: they must live as long as it does.
    auto* own = new QTranslator(&app);
    bool loaded = false;
    for (const QString& dir : translationDirectoryCandidates()) {
        // QTranslator tries "quantforge_de_DE", "quantforge_de", ... for each of the locale's UI languages.
        if (own->load(locale, QStringLiteral("quantforge"), QStringLiteral("_"), dir)) {
            loaded = true;
            break;
        }
    }
    if (!loaded) {
        delete own;
        return {};
    }
    QCoreApplication::installTranslator(own);
    // A language chosen in Settings also sets how numbers read ("42,9 MB" in German), as a system in that
    // language would; without a choice the system's locale already does.
    if (!language.isEmpty()) QLocale::setDefault(locale);
    // Qt's own strings (standard buttons, file dialogs), from the Qt installation or the deployed copy.
    auto* qt = new QTranslator(&app);
    const QStringList qtDirs{QLibraryInfo::path(QLibraryInfo::TranslationsPath),
                             translationDirectoryCandidates().constFirst()};
    bool qtLoaded = false;
    for (const QString& dir : qtDirs) {
        if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), dir)) {
            QCoreApplication::installTranslator(qt);
            qtLoaded = true;
            break;
        }
    }
    if (!qtLoaded) delete qt;
    return own->language();
}

} // namespace qf::ui
