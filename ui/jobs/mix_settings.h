#pragma once
// How the app measures a model's sensitivity for a budget mix (qf/mix), shared by the Recommend page's
// prediction and the Produce page's job so that both find the same cached table.
#include <functional>
#include <optional>
#include <string>
#include <stop_token>
#include <vector>

#include <QString>

#include "qf/ggml_type.h"
#include "qf/gguf/gguf_file.h"
#include "qf/job.h"
#include "qf/mix/sensitivity.h"
#include "qf/result.h"

namespace qf::quant {
class Imatrix;
}

namespace qf::ui {

struct MixSettings {
    QString modelPath;       // a GGUF file of float weights
    QString calibrationText; // plain or .zst; empty: the bundled books-calibration.txt
    // 0 / empty: what `quantforge-cli mix` uses for a model of this size.
    int chunks = 0;
    quint32 context = 0;
    std::vector<GgmlType> probeTypes;
    QString cacheFolder; // empty: beside the model (or the user's cache)
    unsigned threads = 0;
};

// How a measured budget mix is named among recommend::MeasuredQuality: by its exact file size, so that the
// Recommend page's custom row finds the file it would make.
std::string mixQualityKey(quint64 fileBytes);

// A budget mix file's predicted mean KL divergence (quantforge.mix.predicted_kld); none for other files.
// Its general.file_type only names the preset whose base type holds most bytes.
std::optional<double> mixPredictedKld(const gguf::Metadata& metadata);

// Opens the model and the text and measures (or, with `cacheOnly`, only reads) the sensitivity table.
// Thread-safe; meant for a pool thread.
Result<mix::SensitivityTable> mixSensitivity(const MixSettings& settings, const quant::Imatrix* imatrix,
                                             bool cacheOnly, const ProgressFn& progress = {},
                                             std::stop_token stop = {});

} // namespace qf::ui
