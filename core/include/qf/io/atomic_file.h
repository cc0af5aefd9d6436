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
    // Flushes, closes and renames into place. `durable` also waits until the bytes are on disk (fsync)
    // before the rename, so a power loss can never leave a renamed but incomplete file; for multi-GB
    // outputs that wait is seconds to minutes, which is why it is a choice.
    Status commit(bool durable = false);
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
