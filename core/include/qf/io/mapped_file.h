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
    // Tells the OS this process is done with a range for now: its pages leave the process's resident set
    // (they stay in the file cache, and reading them again maps them back). Keeps a pass over a model
    // from holding the whole model resident.
    void release(uint64_t offset, uint64_t length) const;
    const std::filesystem::path& path() const { return m_path; }
    // True once a read found pages past the file's end: another program truncated the file while it was
    // mapped. Those reads returned zeros instead of killing the process with SIGBUS (see mapped_file.cpp),
    // so whatever was computed from this mapping must be thrown away.
    bool truncatedWhileMapped() const;

private:
    MappedFile() = default;
    int m_guardSlot = -1;
    const uint8_t* m_data = nullptr;
    uint64_t m_size = 0;
    std::filesystem::path m_path;
#ifdef _WIN32
    void* m_fileHandle = nullptr;
    void* m_mappingHandle = nullptr;
#endif
};

} // namespace qf::gguf
