#include "jobs/imatrix_load_job.h"

#include <exception>

namespace qf::ui {

ImatrixLoadJob::ImatrixLoadJob(quint64 generation, QString path, QObject* parent)
    : QObject(parent), m_generation(generation), m_path(std::move(path)) {
    setAutoDelete(false); // deleted on the owner's thread, see run()
}

void ImatrixLoadJob::run() {
    report();
    deleteLater();
}

void ImatrixLoadJob::report() {
    try {
        auto loaded = quant::loadImatrix(m_path.toStdU16String());
        if (!loaded) {
            emit failed(m_generation, QString::fromStdString(loaded.error().message));
            return;
        }
        emit finished(m_generation, std::make_shared<const quant::Imatrix>(std::move(loaded).value()));
    } catch (const std::exception& e) {
        emit failed(
            m_generation,
            tr("Unexpected error while reading %1: %2").arg(m_path, QString::fromLocal8Bit(e.what())));
    }
}

} // namespace qf::ui
