#pragma once
// Loads the GUI's translations: the language follows the system unless the settings name one.
#include <QString>
#include <QStringList>

class QCoreApplication;

namespace qf::ui {

// The languages Quantforge is translated into, as locale names ("de", "zh_CN", ...).
QStringList translatedLanguages();
// Where the .qm files may be, most likely first: <bin>/../share/quantforge/translations/ (installed and
// build tree alike), then a macOS bundle's Contents/Resources/translations/.
QStringList translationDirectoryCandidates();
// Installs Quantforge's and Qt's own translations for `language` (empty: the system's UI languages).
// Returns the language loaded, or an empty string when English (the source language) is used.
QString installTranslations(QCoreApplication& app, const QString& language);

} // namespace qf::ui
