#include "jobs/preset_plan_job.h"

#include <algorithm>
#include <exception>

#include "format.h"
#include "qf/quant/plan.h"
#include "qf/quant/plan_fallbacks.h"

namespace qf::ui {

PresetPlanJob::PresetPlanJob(quint64 generation, LoadedModelPtr source,
                             std::shared_ptr<const quant::Imatrix> imatrix, QObject* parent)
    : QObject(parent), m_generation(generation), m_source(std::move(source)), m_imatrix(std::move(imatrix)) {
    setAutoDelete(false); // deleted on the owner's thread, see run()
}

std::vector<PresetPlanSummary> PresetPlanJob::planAll(const gguf::Metadata& metadata,
                                                      const std::vector<gguf::TensorInfo>& tensors,
                                                      const quant::Imatrix* imatrix) {
    quant::PlanOptions options;
    options.imatrix = imatrix;
    std::vector<PresetPlanSummary> summaries;
    std::vector<std::vector<GgmlType>> types; // per preset, to find presets that write the same file
    for (const quant::Preset& preset : quant::allPresets()) {
        std::vector<GgmlType> planTypes;
        PresetPlanSummary summary;
        summary.preset = &preset;
        try {
            auto plan = quant::makeQuantPlan(metadata, tensors, preset, options);
            if (plan) {
                summary.ok = true;
                summary.fileBytes = plan->fileBytes;
                summary.bitsPerWeight = plan->bitsPerWeight();
                summary.usesImatrix = plan->usesImatrix;
                summary.copiesSource =
                    std::all_of(plan->tensors.begin(), plan->tensors.end(), [](const quant::TensorPlan& t) {
                        return t.action == quant::TensorAction::Copy;
                    });
                for (const quant::QuantPlan::Warning& warning : plan->warningKinds)
                    summary.warnings << planWarningText(warning, toQString(preset.name));
                summary.fallbackCount = plan->fallbackCount;
                summary.fallbackGroups = quant::fallbackGroups(*plan);
                for (const quant::TensorPlan& t : plan->tensors)
                    planTypes.push_back(t.type);
                for (size_t j = 0; j < types.size(); ++j) {
                    if (summaries[j].ok && summaries[j].sameFileAs.isEmpty() && types[j] == planTypes) {
                        summary.sameFileAs = toQString(summaries[j].preset->name);
                        break;
                    }
                }
            } else {
                summary.error = QString::fromStdString(plan.error().message);
                // Waits for a matrix only when one would make it plannable (not, say, a quantized source).
                if (quant::needsImportanceMatrix(plan.error())) {
                    quant::PlanOptions assumed = options;
                    assumed.assumeImatrix = true;
                    if (auto assumedPlan = quant::makeQuantPlan(metadata, tensors, preset, assumed)) {
                        summary.needsImatrix = true;
                        // The size with the matrix, but for its metadata (name, text, counts) not yet known.
                        summary.fileBytes = assumedPlan->fileBytes;
                        summary.bitsPerWeight = assumedPlan->bitsPerWeight();
                    }
                }
            }
        } catch (const std::exception& e) {
            summary.error = QString::fromLocal8Bit(e.what());
        }
        types.push_back(std::move(planTypes));
        summaries.push_back(std::move(summary));
    }
    return summaries;
}

QString planWarningText(const quant::QuantPlan::Warning& warning, const QString& preset) {
    using Kind = quant::QuantPlan::Warning::Kind;
    const int count = int(warning.count);
    switch (warning.kind) {
    case Kind::MoePresetWithoutExperts:
        return PresetPlanJob::tr("%1 stores the experts of a mixture-of-experts model as MXFP4; this model has none, "
                                 "so every tensor is Q8_0, as with the Q8_0 preset.")
            .arg(preset);
    case Kind::UnmatchedImatrixEntries:
        return PresetPlanJob::tr("%n of the importance matrix's entries name no tensor of this model (e.g. %1); "
                                 "they are not used. Was it made for another model?",
                                 nullptr, count)
            .arg(toQString(warning.example));
    case Kind::NoImatrixEntryLeft:
    case Kind::NoImatrixEntryMatches:
        return PresetPlanJob::tr("No entry of the importance matrix names a tensor of this model: quantizing "
                                 "without it.");
    case Kind::Fallbacks:
        return PresetPlanJob::tr("%n tensor(s) have rows that do not fit the wanted type's blocks and use a "
                                 "fallback type.",
                                 nullptr, count);
    case Kind::TensorsWithoutImatrix:
        return PresetPlanJob::tr("The importance matrix has no entry for %n quantized tensor(s), e.g. %1; they "
                                 "are quantized without it.",
                                 nullptr, count)
            .arg(toQString(warning.example));
    }
    return {};
}

void PresetPlanJob::run() {
    auto summaries = std::make_shared<const std::vector<PresetPlanSummary>>(
        planAll(m_source->metadata(), m_source->tensors(), m_imatrix.get()));
    emit finished(m_generation, summaries);
    deleteLater();
}

} // namespace qf::ui
