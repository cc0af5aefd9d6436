#include "models/model_entry.h"

#include <QFileInfo>

namespace qf::ui {

QString ModelEntry::fileName() const {
    return QFileInfo(path).fileName();
}

} // namespace qf::ui
