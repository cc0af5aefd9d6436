#include "jobs/mix_settings.h"

#include "qf/eval/imatrix_compute.h"
#include "qf/eval/llama_model.h"
#include "qf/mix/mix_plan.h"
#include "sample_model.h"

namespace qf::ui {

std::optional<double> mixPredictedKld(const gguf::Metadata& metadata) {
    return metadata.getFloat(mix::kPredictedKldKey);
}

std::string mixQualityKey(quint64 fileBytes) {
    return "mix:" + std::to_string(fileBytes);
}

Result<mix::SensitivityTable> mixSensitivity(const MixSettings& settings, const quant::Imatrix* imatrix,
                                             bool cacheOnly, const ProgressFn& progress, std::stop_token stop) {
    const QString textPath =
        settings.calibrationText.isEmpty() ? bundledCalibrationText() : settings.calibrationText;
    if (textPath.isEmpty()) return makeError("no calibration text: the bundled books-calibration.txt is not installed");
    auto text = eval::readCalibrationText(textPath.toStdU16String());
    if (!text) return text.error();
    auto model = eval::LlamaModel::open(settings.modelPath.toStdU16String());
    if (!model) return model.error();
    uint64_t parameters = 0;
    for (const auto& t : (*model)->file().tensors()) parameters += t.elementCount();
    // As quantforge-cli mix: a large model gets a few short chunks and two types run through the model.
    const bool large = parameters > 300'000'000;
    mix::SensitivityParams params;
    params.context = settings.context ? settings.context : (large ? 64 : 256);
    params.chunks = settings.chunks > 0 ? settings.chunks : (large ? 2 : 8);
    params.probeTypes = settings.probeTypes;
    if (params.probeTypes.empty() && large) params.probeTypes = {GgmlType::Q3_K, GgmlType::Q5_K};
    params.threads = settings.threads;
    params.imatrix = imatrix;
    params.cacheFolder = settings.cacheFolder.toStdU16String();
    params.cacheOnly = cacheOnly;
    return mix::measureSensitivity(**model, *text, params, progress, stop);
}

} // namespace qf::ui
