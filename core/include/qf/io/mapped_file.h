#pragma once
// A read-only memory mapping of a whole file (POSIX mmap / Windows file mapping).
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>

#include "qf/result.h"

namespace qf::gguf {

class MappedFile {
public:
    static Result<std::unique_ptr<MappedFile>> open(const std::filesystem::path& path);
    ~MappedFile();
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;

    std::span<const uint8_t> bytes() const { return {m_data, m_size}; }
    const std::filesystem::path& path() const { return m_path; }

private:
    MappedFile() = default;
    const uint8_t* m_data = nullptr;
    uint64_t m_size = 0;
    std::filesystem::path m_path;
#ifdef _WIN32
    void* m_fileHandle = nullptr;
    void* m_mappingHandle = nullptr;
#endif
};

} // namespace qf::gguf
