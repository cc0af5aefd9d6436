#pragma once
// Plans every preset of one source for the Recommend page, off the UI thread. Only the per-preset weight
// layouts are kept (not the plans, whose metadata copies can be large); placing them for a machine and a
// context is then cheap enough to do on the UI thread at every slider move.
#include <memory>

#include <QMetaType>
#include <QObject>
#include <QRunnable>
#include <QString>

#include "models/loaded_model.h"
#include "qf/recommend/recommendation.h"

namespace qf::ui {

using PlannedModelPtr = std::shared_ptr<const recommend::PlannedModel>;

class RecommendPlanJob : public QObject, public QRunnable {
    Q_OBJECT

public:
    // `generation` is handed back so the receiver can drop results it no longer wants.
    // `source`: a GGUF file or a Hugging Face folder (planned from its F16 conversion's header).
    RecommendPlanJob(quint64 generation, LoadedModelPtr source, QString name, QObject* parent = nullptr);
    void run() override;

signals:
    void finished(quint64 generation, const qf::ui::PlannedModelPtr& model);
    void failed(quint64 generation, const QString& message);

private:
    const quint64 m_generation;
    const LoadedModelPtr m_source;
    const QString m_name;
};

} // namespace qf::ui

Q_DECLARE_METATYPE(qf::ui::PlannedModelPtr)
