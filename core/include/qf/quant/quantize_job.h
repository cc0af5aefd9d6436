#pragma once
// The quantization job: one pass over a memory-mapped source produces one or more output files (one per
// plan), tensor by tensor. Each source tensor is read and widened to float once, then quantized for every
// output; rows are spread over threads. Peak memory stays near the largest tensor, not the model.
// The bytes written do not depend on the thread count or the kernel path.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <stop_token>
#include <vector>

#include "qf/gguf/gguf_file.h"
#include "qf/gguf/gguf_split_writer.h"
#include "qf/job.h"
#include "qf/quant/plan.h"
#include "qf/quant/quant_lock.h"
#include "qf/quant/tensor_source.h"
#include "qf/result.h"

namespace qf::quant {

struct QuantizeOutput {
    QuantPlan plan;               // made from the same source (makeQuantPlan)
    std::filesystem::path path;   // where the file goes
    // Several files "<path stem>-00001-of-0000N.gguf" as gguf-split writes them (see gguf_split_writer.h).
    gguf::SplitOptions split;
};

struct QuantizeParams {
    const gguf::GgufFile* source = nullptr;
    // Read instead of `source` when set: e.g. a Hugging Face folder converted on the fly (hf::HfTensorSource).
    TensorSource* tensorSource = nullptr;
    std::vector<QuantizeOutput> outputs;
    unsigned threads = 0;         // 0: all hardware threads
    bool durable = false;         // fsync each output before renaming it into place
    // Replace files already at the outputs' paths (never the source's files nor the imatrix file).
    bool overwrite = true;
    // Values per slab when a large 2-D tensor is read a slab of rows at a time (sources that can: a
    // Hugging Face folder), which bounds the job's memory (about 6 bytes a value) whatever the model.
    uint64_t slabElements = uint64_t(16) << 20;
    // The source's files to hash for the reproducibility record (quant_lock.h's sourceFilesOf), on a thread of
    // their own while the tensors are read: the two reads share the page cache, so a model larger than the
    // cache is read from disk once, not twice. An output whose plan carries kPendingSha256 as sourceSha256
    // gets the digest written in its place before the file is named; the digest is also in the result.
    std::optional<SourceFiles> hashSource;
};

struct QuantizeResult {
    struct File {
        std::filesystem::path path; // a split output: its first shard
        uint64_t bytes = 0;         // a split output: all shards
        std::vector<std::filesystem::path> shards; // every file written for this output
    };
    std::vector<File> files;
    double seconds = 0.0;
    uint64_t sourceBytesRead = 0;
    std::optional<FileDigest> sourceDigest; // with params.hashSource
};

// The progress stage while the job waits for the source's digest (params.hashSource), after the last tensor.
inline constexpr std::string_view kHashingSourceStage = "hashing the source";

// Progress: bytes of source tensor data processed out of the total ("bytes"); stage names the tensor.
// Cancelling (stop) takes effect within one block of rows and leaves no output file behind.
Result<QuantizeResult> quantize(const QuantizeParams& params, const ProgressFn& progress = {},
                                std::stop_token stop = {});

// Default output name beside the source: "<stem>-<PRESET>.gguf" (the stem loses a trailing "-f16" etc.).
std::filesystem::path defaultOutputPath(const std::filesystem::path& source, std::string_view presetName,
                                        const std::filesystem::path& outDir = {});

} // namespace qf::quant
