#pragma once
// Writes a file safely: into a temporary file beside the target, renamed into place by commit().
// If the object is destroyed without commit() (error, cancel, exception) the temporary file is removed,
// so a failed write never leaves a partial file and never touches an existing target.
#include <cstdint>
#include <filesystem>
#include <cstdio>
#include <optional>
#include <span>

#include "qf/result.h"

namespace qf::io {

class AtomicFile {
public:
    // Creates the temporary file. Fails if the target's folder is missing or not writable, or if the
    // volume has fewer than `expectedBytes` free.
    static Result<AtomicFile> create(const std::filesystem::path& target, uint64_t expectedBytes);

    AtomicFile(AtomicFile&& other) noexcept;
    AtomicFile& operator=(AtomicFile&&) = delete;
    ~AtomicFile();

    Status write(std::span<const uint8_t> bytes);
    Status writeZeros(uint64_t count);
    Status commit(); // flushes, closes and renames into place
    uint64_t bytesWritten() const { return m_written; }
    const std::filesystem::path& temporaryPath() const { return m_tempPath; }

private:
    AtomicFile() = default;
    void discard();

    std::filesystem::path m_target;
    std::filesystem::path m_tempPath;
    std::FILE* m_file = nullptr;
    uint64_t m_written = 0;
    bool m_committed = false;
};

// Free bytes on the volume holding `path` (a file or folder); nullopt if unknown.
std::optional<uint64_t> freeDiskBytes(const std::filesystem::path& path);

} // namespace qf::io
