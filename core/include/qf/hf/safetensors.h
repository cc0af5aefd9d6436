#pragma once
// Reading Hugging Face safetensors files, memory-mapped: one file, or a sharded model through its
// "model.safetensors.index.json". The JSON header is hostile input: its length, every dtype, shape and
// data offset are checked against the file before anything is used, and tensors may not overlap.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "qf/result.h"

namespace qf::gguf {
class MappedFile;
}

namespace qf::hf {

enum class StDtype { F64, F32, F16, BF16, I64, I32, I16, I8, U8, Bool, F8E4M3, F8E5M2, U16, U32, U64 };

std::string_view stDtypeName(StDtype dtype);
uint32_t stDtypeSize(StDtype dtype);
// F32, F16 and BF16: the types conversion reads.
bool isFloatDtype(StDtype dtype);

struct SafetensorInfo {
    std::string name;
    StDtype dtype = StDtype::F32;
    std::vector<uint64_t> shape; // as written: row-major, the last dimension is the row length
    uint64_t begin = 0;          // offsets relative to the shard's data section
    uint64_t end = 0;
    uint32_t shard = 0;

    uint64_t elementCount() const;
    uint64_t byteSize() const { return end - begin; }
};

struct SafetensorsHeader {
    std::vector<SafetensorInfo> tensors;                       // in data-offset order
    uint64_t dataOffset = 0;                                   // 8 + header length
    std::vector<std::pair<std::string, std::string>> metadata; // "__metadata__" (string values only)
};

// Parses and validates the header of a whole safetensors file's bytes. `fileName` labels errors.
Result<SafetensorsHeader> parseSafetensorsHeader(std::span<const uint8_t> fileBytes,
                                                 const std::string& fileName);

// An opened model: one or more memory-mapped safetensors shards.
class SafetensorsModel {
public:
    // `path`: a .safetensors file, an index .json file, or a folder holding model.safetensors or
    // model.safetensors.index.json.
    static Result<SafetensorsModel> open(const std::filesystem::path& path);

    SafetensorsModel(); // empty: no tensors
    SafetensorsModel(SafetensorsModel&&) noexcept;
    SafetensorsModel& operator=(SafetensorsModel&&) noexcept;
    ~SafetensorsModel();

    const std::vector<SafetensorInfo>& tensors() const { return m_tensors; }
    const SafetensorInfo* find(std::string_view name) const;
    std::span<const uint8_t> data(const SafetensorInfo& tensor) const;
    void release(const SafetensorInfo& tensor) const;
    // Only bytes [offset, offset + length) of the tensor's data.
    void release(const SafetensorInfo& tensor, uint64_t offset, uint64_t length) const;
    const std::vector<std::filesystem::path>& shardPaths() const { return m_shardPaths; }
    uint64_t tensorDataBytes() const;

private:
    Status addShard(const std::filesystem::path& file);

    std::vector<SafetensorInfo> m_tensors;
    std::unordered_map<std::string, size_t> m_byName;
    std::vector<std::filesystem::path> m_shardPaths;
    std::vector<std::unique_ptr<gguf::MappedFile>> m_maps;
    std::vector<uint64_t> m_dataOffsets;
};

} // namespace qf::hf
