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

// A bundled data file (share/quantforge/data/NAME, or Contents/Resources/data/NAME), or an empty string.
QString bundledDataFile(const QString& name);
// The default calibration text for importance matrices (public domain books).
QString bundledCalibrationText();

} // namespace qf::ui
