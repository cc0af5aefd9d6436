#pragma once
// The F16 GGUF of a Hugging Face folder, for what truly needs the weights in GGUF form: the evaluation
// engine (perplexity and KL divergence of the source, side-by-side generation, the importance matrix
// computed from text). Converted on demand into the cache (<CacheLocation>/converted) by the job that needs
// it, and reused while no file in the folder is newer. Showing, planning and quantizing a folder never
// need it: they read the folder through hf::HfConversion.
#include <filesystem>
#include <stop_token>

#include <QString>

#include "qf/job.h"
#include "qf/result.h"

namespace qf::ui {

// True for a model path that names a Hugging Face folder rather than a GGUF file.
bool isHfFolderPath(const QString& path);

// Where the folder's conversion goes in the cache; nothing is written.
QString convertedModelPath(const QString& folder);

// The cached F16 GGUF for `folder`, converted first when missing or older than a file of the folder.
// `progress` counts source bytes read. A cancelled or failed conversion leaves no file behind. Two jobs
// asking for the same folder at once convert it once.
Result<std::filesystem::path> convertedModelFor(const QString& folder, const ProgressFn& progress = {},
                                                std::stop_token stop = {});

// The stage shown while converting: "Converting <folder> to F16 for evaluation…".
QString conversionStage(const QString& folder);

} // namespace qf::ui
