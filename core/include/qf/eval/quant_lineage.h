#pragma once
// Which GGUF files are quants of a source model, found by content rather than by the run of the app that
// produced them: a quant has the source's architecture and the same tensors (names and shapes, in order),
// and carries a quantizer's marks (quantforge.* provenance keys, or general.quantization_version as
// llama-quantize writes). Used to list, under a reopened source, the quants that sit beside it.
#include <cstddef>
#include <filesystem>
#include <vector>

#include "qf/gguf/gguf_file.h"

namespace qf::eval {

struct ModelHeader {
    const gguf::Metadata& metadata;
    const std::vector<gguf::TensorInfo>& tensors;
};

bool isQuantOf(const ModelHeader& candidate, const ModelHeader& source);

// The GGUF files in `folder` (not its subfolders) that are quants of `source`, sorted by name; `exclude`
// (the source's own file) is skipped, and so is a folder with more than `maxFiles` GGUF files' worth of
// headers to read (the first `maxFiles` are checked).
std::vector<std::filesystem::path> findQuantsIn(const std::filesystem::path& folder, const ModelHeader& source,
                                                const std::filesystem::path& exclude, size_t maxFiles = 64);

} // namespace qf::eval
