#include "jobs/recommend_plan_job.h"

#include <exception>

namespace qf::ui {

RecommendPlanJob::RecommendPlanJob(quint64 generation, LoadedModelPtr source, QString name, QObject* parent)
    : QObject(parent), m_generation(generation), m_source(std::move(source)), m_name(std::move(name)) {
    setAutoDelete(false); // deleted on the owner's thread, see run()
}

void RecommendPlanJob::run() {
    try {
        auto planned = recommend::planModel(m_source->metadata(), m_source->tensors(), m_name.toStdString());
        if (planned)
            emit finished(m_generation, std::make_shared<const recommend::PlannedModel>(std::move(*planned)));
        else
            emit failed(m_generation, QString::fromStdString(planned.error().message));
    } catch (const std::exception& e) {
        emit failed(m_generation, QString::fromLocal8Bit(e.what()));
    }
    deleteLater();
}

} // namespace qf::ui
