#pragma once
// What Quantforge keeps in the user's cache folder (QStandardPaths::CacheLocation): Hugging Face folders
// converted to F16 for evaluation ("converted"), importance-matrix statistics and saved matrices for
// models whose own folder is read-only ("imatrix"), and KL-divergence base outputs likewise ("kld").
// Everything there can be made again; converted models can take many GB, so Settings shows the total and
// can clear it.
#include <QString>

namespace qf::ui {

QString cacheFolder();
// Bytes of all files below cacheFolder().
quint64 cacheBytes();
// Removes everything below cacheFolder(); on failure the message names what could not be removed (e.g. a
// file another program holds open on Windows).
bool clearCache(QString* error = nullptr);

} // namespace qf::ui
