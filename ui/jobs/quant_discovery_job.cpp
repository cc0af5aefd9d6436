#include "jobs/quant_discovery_job.h"

#include "qf/eval/quant_lineage.h"

namespace qf::ui {

QuantDiscoveryJob::QuantDiscoveryJob(quint64 sourceEntryId, LoadedModelPtr source, QObject* parent)
    : QObject(parent), m_sourceEntryId(sourceEntryId), m_source(std::move(source)) {
    setAutoDelete(false);
}

void QuantDiscoveryJob::run() {
    QStringList paths;
    if (m_source) {
        const std::filesystem::path& path = m_source->path();
        // A Hugging Face folder's quants go beside the folder, a file's beside the file.
        const auto quants = eval::findQuantsIn(path.parent_path(),
                                               {m_source->metadata(), m_source->tensors()}, path);
        for (const auto& quant : quants)
            paths << QString::fromStdU16String(quant.u16string());
    }
    emit found(m_sourceEntryId, paths);
    deleteLater();
}

} // namespace qf::ui
