#pragma once
// Writing one model as several GGUF files, as llama.cpp's gguf-split does (for Hugging Face's 50 GB upload
// limit): "<name>-00001-of-00003.gguf", ... . Every shard carries split.no (uint16, from 0),
// split.tensors.count (int32, the model's tensors) and split.count (uint16), in that order (gguf-split's);
// the first shard also holds all other metadata, before those three keys, and the others hold only them. Tensors keep their order; a new shard
// starts when the next tensor's bytes (padded to 32) would take the current shard's tensor bytes past
// maxBytes, or every maxTensors tensors. With neither limit set this is one plain file at the given path.
#include <cstdint>
#include <filesystem>
#include <span>
#include <vector>

#include "qf/gguf/gguf_writer.h"
#include "qf/result.h"

namespace qf::gguf {

struct SplitOptions {
    uint64_t maxBytes = 0;   // 0: no size limit
    uint32_t maxTensors = 0; // 0: no tensor-count limit
    bool enabled() const { return maxBytes > 0 || maxTensors > 0; }
};

// "50G" (10^9 bytes, as gguf-split) or "500M"; an error names the accepted forms.
Result<uint64_t> parseSplitSize(std::string_view text);

// "dir/name.gguf" -> "dir/name-00002-of-00003.gguf" (index from 0).
std::filesystem::path splitShardPath(const std::filesystem::path& output, int index, int count);

// The files a write of `params` with `split` creates: params.output alone, or every shard's path. For
// checking, before the work, that no existing file would be replaced (the shards, not params.output).
Result<std::vector<std::filesystem::path>> splitOutputPaths(const WriteParams& params, const SplitOptions& split);
// Files already beside `output` named as its shards ("<stem>-NNNNN-of-NNNNN.gguf", any count), sorted.
std::vector<std::filesystem::path> existingSplitShards(const std::filesystem::path& output);

// Which shard each tensor goes to (index from 0); an error when a shard would get no tensor.
Result<std::vector<int>> planSplit(const WriteParams& params, const SplitOptions& split);

// Like GgufStreamWriter, writing every shard's temporary file at once; nothing appears until finish().
class SplitStreamWriter {
public:
    static Result<SplitStreamWriter> create(const WriteParams& params, const SplitOptions& split);

    size_t nextTensor() const { return m_next; }
    Status writeTensor(std::span<const uint8_t> bytes);
    // The next part of the next tensor (see GgufStreamWriter::writeTensorPart).
    Status writeTensorPart(std::span<const uint8_t> bytes);
    // A deferred string (WriteParams::deferredStrings): its metadata is in the first file.
    Status fillString(std::string_view key, std::string_view value) { return m_writers.front().fillString(key, value); }
    Status finish();
    // The files written (or to be written), in order, and their planned total size.
    const std::vector<std::filesystem::path>& paths() const { return m_paths; }
    uint64_t plannedBytes() const;

private:
    SplitStreamWriter() = default;
    std::vector<GgufStreamWriter> m_writers;
    std::vector<std::filesystem::path> m_paths;
    std::vector<int> m_shardOf;
    size_t m_next = 0;
};

} // namespace qf::gguf
