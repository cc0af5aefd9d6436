#pragma once
// Turning what the user dropped or picked into the list of model files to open.
#include <QString>
#include <QStringList>

class QMimeData;

namespace qf::ui {

// Local files among the dropped URLs (remote URLs are ignored).
QStringList localPathsFromMimeData(const QMimeData* mimeData);
bool hasLocalPaths(const QMimeData* mimeData);

// An absolute, clean path. A later shard of a split model ("x-00002-of-00003.gguf") maps to its first
// shard, which opens the whole model; dropping all shards therefore lists the model once.
QString canonicalModelPath(const QString& path);

// canonicalModelPath() of each, duplicates removed, order kept.
QStringList canonicalModelPaths(const QStringList& paths);

} // namespace qf::ui
