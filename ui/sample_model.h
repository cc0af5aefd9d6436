#pragma once
// The bundled sample model is data installed beside the program, never compiled into it.
#include <QString>
#include <QStringList>

namespace qf::ui {

// Where the sample may be, most likely first: <bin>/../share/quantforge/samples/ (installed tree and build
// tree alike), then a macOS bundle's Contents/Resources/samples/.
QStringList bundledSampleCandidates();
// The first candidate that exists, or an empty string.
QString bundledSamplePath();

} // namespace qf::ui
