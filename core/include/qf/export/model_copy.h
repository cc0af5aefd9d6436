#pragma once
// Copies a model into LM Studio's models folder as <publisher>/<model>/<file>.gguf (see
// lm_studio_layout.h). Each file goes through a temporary file renamed into place, so LM Studio never
// lists a half-copied model, and a failed or cancelled copy leaves nothing behind.
#include <filesystem>
#include <stop_token>
#include <vector>

#include "qf/gguf/value.h"
#include "qf/job.h"
#include "qf/result.h"

namespace qf::lmstudio {

struct CopyRequest {
    // The model's files: one, or every part of a split model (the first part first).
    std::vector<std::filesystem::path> sources;
    std::filesystem::path modelsDirectory;
    bool overwrite = false; // replace files already at the destination
};

// Where each source goes: the first file's name picks the folder (relativePath()), the other parts of
// a split model go beside it under their own names.
std::vector<std::filesystem::path> copyDestinations(const CopyRequest& request,
                                                    const gguf::Metadata& metadata);

// Copies the files and returns their destinations. Progress is in bytes over all files. On an error or a
// cancel (qf::isCancelled) every file and folder this call created is removed again.
Result<std::vector<std::filesystem::path>> copyModel(const CopyRequest& request,
                                                     const gguf::Metadata& metadata,
                                                     const ProgressFn& progress, std::stop_token stop);

} // namespace qf::lmstudio
