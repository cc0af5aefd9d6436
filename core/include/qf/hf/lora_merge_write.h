#pragma once
// Writing a merged model (lora_merge.h) to disk, as `quantforge-cli merge` and the GUI's "Apply a LoRA
// adapter" do: either one file that keeps the base's float types (F16 where a quantized base was widened),
// or straight into one or more presets in one pass over the merged weights (each merged weight is computed
// once, then quantized for every preset). Files appear only when complete (temp then rename); a cancel or
// an error leaves none behind.
#include <cstdint>
#include <filesystem>
#include <stop_token>
#include <vector>

#include "qf/hf/lora_merge.h"
#include "qf/job.h"
#include "qf/quant/plan.h"
#include "qf/quant/preset.h"
#include "qf/result.h"

namespace qf::hf {

struct MergeWriteParams {
    // A float output: exactly one path and no presets. Presets: one path per preset.
    std::vector<const quant::Preset*> presets;
    std::vector<std::filesystem::path> outputs;
    quant::PlanOptions planOptions;
    unsigned threads = 0; // 0: all hardware threads
    bool overwrite = false;
    // Files that must not be replaced besides the base's and the adapter's (e.g. an imatrix file).
    std::vector<std::filesystem::path> protectedInputs;
};

struct MergeWriteResult {
    std::vector<std::filesystem::path> files;
    std::vector<uint64_t> bytes;
};

// The merged model's default name beside the base: "<base stem>-lora-merged.gguf" (a folder: its name).
std::filesystem::path mergedOutputName(const std::filesystem::path& base);

// Progress: tensors (float output) or source bytes (presets).
Result<MergeWriteResult> writeMerged(LoraMergeSource& source, const MergeWriteParams& params,
                                     const ProgressFn& progress = {}, std::stop_token stop = {});

} // namespace qf::hf
