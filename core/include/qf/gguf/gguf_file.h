#pragma once
// Reading GGUF files (v2 and v3), treating every byte as hostile: each count, length, offset and
// dimension is checked against what remains before anything is allocated.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "qf/ggml_type.h"
#include "qf/gguf/value.h"
#include "qf/result.h"

namespace qf::gguf {

inline constexpr uint32_t kMagic = 0x46554747; // "GGUF" little-endian
inline constexpr uint32_t kDefaultAlignment = 32;
inline constexpr uint32_t kMaxDims = 4;

struct TensorInfo {
    std::string name;
    std::vector<uint64_t> shape; // ggml order: row length first
    GgmlType type = GgmlType::F32;
    uint64_t offset = 0;         // relative to the data section of its shard
    uint64_t byteSize = 0;
    uint32_t shard = 0;          // index into GgufFile::shardPaths()

    uint64_t elementCount() const;
    uint64_t rowLength() const { return shape.empty() ? 1 : shape[0]; }
    uint64_t rowCount() const { return rowLength() ? elementCount() / rowLength() : 0; }
};

// The parsed header of one file: everything but the tensor bytes.
struct Header {
    uint32_t version = 3;
    uint32_t alignment = kDefaultAlignment;
    Metadata metadata;
    std::vector<TensorInfo> tensors;
    uint64_t dataOffset = 0; // file offset where the tensor data section starts
};

struct ParseLimits {
    uint64_t maxStringBytes = 64ull << 20;  // longest single string (a chat template is a few KB)
    uint32_t maxArrayDepth = 4;             // nested arrays
};

// Parses a header from the bytes of a whole file (usually memory-mapped). `fileName` only labels errors.
// Checks that every tensor lies inside `bytes`, aligned and not overlapping another.
Result<Header> parseHeader(std::span<const uint8_t> bytes, const std::string& fileName,
                           const ParseLimits& limits = {});

}
namespace qf::gguf {
class MappedFile;

// An opened model: one file or all shards of a split model ("name-00001-of-00003.gguf"), memory-mapped.
class GgufFile {
public:
    static Result<GgufFile> open(const std::filesystem::path& path);

    GgufFile(GgufFile&&) noexcept;
    GgufFile& operator=(GgufFile&&) noexcept;
    ~GgufFile();

    uint32_t version() const { return m_version; }
    uint32_t alignment() const { return m_alignment; }
    const Metadata& metadata() const { return m_metadata; }
    const std::vector<TensorInfo>& tensors() const { return m_tensors; }
    const TensorInfo* findTensor(std::string_view name) const;

    // The tensor's bytes inside the mapping; valid while this object lives.
    std::span<const uint8_t> tensorData(const TensorInfo& tensor) const;
    // Drops the tensor's pages from this process's resident memory after use (see MappedFile::release).
    void releaseTensorData(const TensorInfo& tensor) const;

    const std::filesystem::path& path() const { return m_shardPaths.front(); }
    const std::vector<std::filesystem::path>& shardPaths() const { return m_shardPaths; }
    // An error when a file was truncated while mapped (its reads past the new end gave zeros; see
    // MappedFile::truncatedWhileMapped): results computed from it are wrong.
    Status checkIntact() const;
    uint64_t totalFileBytes() const { return m_totalFileBytes; }
    uint64_t tensorDataBytes() const;

private:
    GgufFile() = default;

    uint32_t m_version = 3;
    uint32_t m_alignment = kDefaultAlignment;
    Metadata m_metadata; // from the first shard (split.* keys included)
    std::vector<TensorInfo> m_tensors;
    std::vector<std::filesystem::path> m_shardPaths;
    std::vector<std::unique_ptr<MappedFile>> m_maps;
    std::vector<uint64_t> m_dataOffsets; // per shard
    uint64_t m_totalFileBytes = 0;
};

} // namespace qf::gguf
