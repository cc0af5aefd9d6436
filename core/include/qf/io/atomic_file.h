#pragma once
// Writes a file safely: into a temporary file beside the target, renamed into place by commit().
// If the object is destroyed without commit() (error, cancel, exception) the temporary file is removed,
// so a failed write never leaves a partial file and never touches an existing target.
#include <cstdint>
#include <filesystem>
#include <cstdio>
#include <optional>
#include <span>

#include "qf/io/output_policy.h"
#include "qf/result.h"

namespace qf::io {

class AtomicFile {
public:
    // Creates the temporary file. Fails if the target's folder is missing or not writable, if the volume
    // has fewer than `expectedBytes` free, or if the policy forbids the target (an input; an existing file
    // without overwrite). Removes stale temporaries of killed runs from the folder first.
    static Result<AtomicFile> create(const std::filesystem::path& target, uint64_t expectedBytes,
                                     const OutputPolicy& policy = {});

    AtomicFile(AtomicFile&& other) noexcept;
    AtomicFile& operator=(AtomicFile&&) = delete;
    ~AtomicFile();

    Status write(std::span<const uint8_t> bytes);
    Status writeZeros(uint64_t count);
    // Replaces bytes already written (offset + size <= bytesWritten()); writing then goes on at the end.
    // For a value known only once the rest is written, written first as a placeholder of the same size.
    Status overwriteAt(uint64_t offset, std::span<const uint8_t> bytes);
    // Flushes, closes and moves into place: without policy.overwrite by link(2) (which fails when the
    // target appeared meanwhile: another writer won) and then unlinking the temporary; with it by
    // rename(2). The policy is checked again just before. `durable` also waits until the bytes are on disk (fsync)
    // before the rename, so a power loss can never leave a renamed but incomplete file; for multi-GB
    // outputs that wait is seconds to minutes, which is why it is a choice.
    Status commit(bool durable = false);
    uint64_t bytesWritten() const { return m_written; }
    const std::filesystem::path& temporaryPath() const { return m_tempPath; }

private:
    AtomicFile() = default;
    void discard();
    Status moveIntoPlace();

    std::filesystem::path m_target;
    std::filesystem::path m_tempPath;
    OutputPolicy m_policy;
    std::FILE* m_file = nullptr;
    uint64_t m_written = 0;
    bool m_committed = false;
};

// Free bytes on the volume holding `path` (a file or folder); nullopt if unknown.
std::optional<uint64_t> freeDiskBytes(const std::filesystem::path& path);

} // namespace qf::io
