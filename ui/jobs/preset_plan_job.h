#pragma once
// Plans every preset for one source off the UI thread and keeps only what the Produce page shows: the
// exact file size, bits per weight, or the core's reason why the preset cannot be made from this source.
// (Planning reads only the header, but a large vocabulary makes each plan's metadata copy big, so the plans
// themselves are not kept: the quantize job plans the chosen presets again.)
#include <memory>
#include <vector>

#include <QMetaType>
#include <QObject>
#include <QRunnable>
#include <QString>
#include <QStringList>

#include "models/loaded_model.h"
#include "qf/gguf/gguf_file.h"
#include "qf/quant/imatrix.h"
#include "qf/quant/plan.h"
#include "qf/quant/plan_fallbacks.h"
#include "qf/quant/preset.h"

namespace qf::ui {

struct PresetPlanSummary {
    const quant::Preset* preset = nullptr;
    bool ok = false;
    // Exact size of the output file; with needsImatrix the size without the matrix's own metadata (its file
    // name, its text's name and two counts: a few hundred bytes more).
    quint64 fileBytes = 0;
    double bitsPerWeight = 0.0;
    bool usesImatrix = false;
    // Every tensor would be copied unchanged (the model already is of this type): planned, but pointless.
    bool copiesSource = false;
    quint32 fallbackCount = 0; // tensors whose rows did not fit the wanted type
    std::vector<quant::FallbackGroup> fallbackGroups; // worded by fallbackDescription()
    QString sameFileAs;        // an earlier preset whose plan writes the same tensors
    QString error;        // the core's message when !ok
    bool needsImatrix = false; // !ok because the preset needs an importance matrix and none is chosen
    QStringList warnings; // things to know; the plan is still valid
};

// A plan's warning in the person's language.
QString planWarningText(const quant::QuantPlan::Warning& warning, const QString& preset);

using PresetPlanSummaries = std::shared_ptr<const std::vector<PresetPlanSummary>>;

class PresetPlanJob : public QObject, public QRunnable {
    Q_OBJECT

public:
    // `generation` is handed back so the receiver can drop results it no longer wants.
    // `source`: a GGUF file or a Hugging Face folder (planned from its F16 conversion's header).
    PresetPlanJob(quint64 generation, LoadedModelPtr source, std::shared_ptr<const quant::Imatrix> imatrix,
                  QObject* parent = nullptr);

    void run() override;

    // The same work, on the calling thread (the job's run() and tests use it).
    static std::vector<PresetPlanSummary> planAll(const gguf::Metadata& metadata,
                                                  const std::vector<gguf::TensorInfo>& tensors,
                                                  const quant::Imatrix* imatrix);
    static std::vector<PresetPlanSummary> planAll(const gguf::GgufFile& source,
                                                  const quant::Imatrix* imatrix) {
        return planAll(source.metadata(), source.tensors(), imatrix);
    }

signals:
    void finished(quint64 generation, const qf::ui::PresetPlanSummaries& summaries);

private:
    const quint64 m_generation;
    const LoadedModelPtr m_source;
    const std::shared_ptr<const quant::Imatrix> m_imatrix;
};

} // namespace qf::ui

Q_DECLARE_METATYPE(qf::ui::PresetPlanSummaries)
