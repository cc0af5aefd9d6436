#include "qf/io/atomic_file.h"

#include "qf/format_size.h"
#include "qf/io/temporary_files.h"

#include <atomic>
#include <cerrno>
#include <cstring>
#include <random>
#include <vector>

#include <fmt/format.h>

#ifndef _WIN32
#include <sys/statvfs.h>
#include <unistd.h>
#endif

namespace qf::io {
namespace fs = std::filesystem;

std::optional<uint64_t> freeDiskBytes(const fs::path& path) {
    std::error_code ec;
    const auto info = fs::space(path, ec);
    if (ec) return std::nullopt;
    return uint64_t(info.available);
}

Result<AtomicFile> AtomicFile::create(const fs::path& target, uint64_t expectedBytes, const OutputPolicy& policy) {
    const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::error_code ec;
    if (!fs::is_directory(folder, ec))
        return makeError("cannot write {}: the folder {} does not exist", target.string(), folder.string());
    if (fs::is_directory(target, ec))
        return makeError("cannot write {}: a folder of that name exists", target.string());
    QF_TRY(checkOutputAllowed(target, policy));
    removeStaleTemporaries(folder);
    if (const auto available = freeDiskBytes(folder); available && *available < expectedBytes)
        return makeError("not enough disk space to write {}: it needs {} ({} bytes), the volume has {} free",
                         target.string(), formatSize(expectedBytes), expectedBytes, formatSize(*available));

    AtomicFile f;
    f.m_target = target;
    f.m_policy = policy;
    f.m_tempPath = temporaryPathFor(target.has_parent_path() ? target : folder / target);
    registerTemporary(f.m_tempPath);
#ifdef _WIN32
    f.m_file = _wfopen(f.m_tempPath.c_str(), L"wbx");
#else
    f.m_file = std::fopen(f.m_tempPath.c_str(), "wbx");
#endif
    if (!f.m_file) {
        const int err = errno;
        unregisterTemporary(f.m_tempPath);
        f.m_tempPath.clear();
        return makeError("cannot create a file in {}: {}", folder.string(), std::strerror(err));
    }
    std::setvbuf(f.m_file, nullptr, _IOFBF, 1 << 20);
    return f;
}

AtomicFile::AtomicFile(AtomicFile&& other) noexcept
    : m_target(std::move(other.m_target)), m_tempPath(std::move(other.m_tempPath)),
      m_policy(std::move(other.m_policy)), m_file(other.m_file),
      m_written(other.m_written), m_committed(other.m_committed) {
    other.m_file = nullptr;
    other.m_tempPath.clear();
    other.m_committed = true;
}

AtomicFile::~AtomicFile() {
    if (!m_committed) discard();
}

void AtomicFile::discard() {
    if (m_file) {
        std::fclose(m_file);
        m_file = nullptr;
    }
    if (!m_tempPath.empty()) {
        std::error_code ec;
        fs::remove(m_tempPath, ec);
        unregisterTemporary(m_tempPath);
        m_tempPath.clear();
    }
}

static Error writeError(const fs::path& target, int err) {
    if (err == ENOSPC)
        return makeError("the disk is full: writing {} stopped; nothing was left behind", target.string());
#ifdef EFBIG
    if (err == EFBIG)
        return makeError("writing {} failed: the file is larger than this volume or user may write "
                         "({}); nothing was left behind", target.string(), std::strerror(err));
#endif
    return makeError("writing {} failed: {}; nothing was left behind", target.string(), std::strerror(err));
}

Status AtomicFile::write(std::span<const uint8_t> bytes) {
    if (!m_file) return makeError("writing {} failed: the file is closed", m_target.string());
    if (bytes.empty()) return {};
    errno = 0;
    const size_t n = std::fwrite(bytes.data(), 1, bytes.size(), m_file);
    if (n != bytes.size()) {
        const int err = errno ? errno : EIO;
        discard();
        return writeError(m_target, err);
    }
    m_written += n;
    return {};
}

static bool seekTo(std::FILE* file, uint64_t offset) {
#ifdef _WIN32
    return _fseeki64(file, int64_t(offset), SEEK_SET) == 0;
#else
    return fseeko(file, off_t(offset), SEEK_SET) == 0;
#endif
}

Status AtomicFile::overwriteAt(uint64_t offset, std::span<const uint8_t> bytes) {
    if (!m_file) return makeError("writing {} failed: the file is closed", m_target.string());
    if (offset > m_written || bytes.size() > m_written - offset)
        return makeError("internal error: overwriting {} bytes at {} of the {} written to {}", bytes.size(), offset,
                         m_written, m_target.string());
    errno = 0;
    const bool ok = std::fflush(m_file) == 0 && seekTo(m_file, offset) &&
                    std::fwrite(bytes.data(), 1, bytes.size(), m_file) == bytes.size() && std::fflush(m_file) == 0 &&
                    seekTo(m_file, m_written);
    if (!ok) {
        const int err = errno ? errno : EIO;
        discard();
        return writeError(m_target, err);
    }
    return {};
}

Status AtomicFile::writeZeros(uint64_t count) {
    static const std::vector<uint8_t> zeros(4096, 0);
    while (count > 0) {
        const size_t n = size_t(std::min<uint64_t>(count, zeros.size()));
        QF_TRY(write({zeros.data(), n}));
        count -= n;
    }
    return {};
}

Status AtomicFile::commit(bool durable) {
    if (!m_file) return makeError("writing {} failed: the file is closed", m_target.string());
    errno = 0;
    if (std::fflush(m_file) != 0) {
        const int err = errno ? errno : EIO;
        discard();
        return writeError(m_target, err);
    }
#ifndef _WIN32
    if (durable && ::fsync(fileno(m_file)) != 0) {
        const int err = errno;
        discard();
        return writeError(m_target, err);
    }
#endif
    if (std::fclose(m_file) != 0) {
        m_file = nullptr;
        const int err = errno ? errno : EIO;
        discard();
        return writeError(m_target, err);
    }
    m_file = nullptr;
    if (auto allowed = checkOutputAllowed(m_target, m_policy); !allowed) {
        discard();
        return allowed.error();
    }
    Status moved;
    {
        // Under the registry lock, so an interrupt clean-up never unlinks a path that has just become the
        // finished output, and never misses a temporary that is still one.
        TemporaryRegistryLock lock;
        moved = moveIntoPlace();
    }
    if (!moved) {
        discard();
        return moved.error();
    }
    unregisterTemporary(m_tempPath);
    m_committed = true;
    m_tempPath.clear();
    return {};
}

Status AtomicFile::moveIntoPlace() {
    std::error_code ec;
    if (m_policy.overwrite) {
        fs::rename(m_tempPath, m_target, ec);
        if (ec) return makeError("cannot move the finished file into place as {}: {}", m_target.string(), ec.message());
        return {};
    }
#ifndef _WIN32
    // link(2) is the exists-check and the naming in one step: it fails with EEXIST if any file took the
    // name since create(), so of two writers of one path exactly one succeeds, whatever the timing.
    if (::link(m_tempPath.c_str(), m_target.c_str()) == 0) {
        ::unlink(m_tempPath.c_str());
        return {};
    }
    const int err = errno;
    if (err == EEXIST)
        return makeError("{} already exists (another program wrote it meanwhile); pass --overwrite to replace it",
                         m_target.string());
    if (err != EPERM && err != ENOTSUP && err != EOPNOTSUPP && err != ENOSYS)
        return makeError("cannot move the finished file into place as {}: {}", m_target.string(), std::strerror(err));
    // Volumes without hard links (FAT, some network shares): check, then rename. The race window returns
    // there, but no input can be replaced (checked just before).
#endif
    if (fs::exists(m_target, ec))
        return makeError("{} already exists; pass --overwrite to replace it", m_target.string());
    fs::rename(m_tempPath, m_target, ec);
    if (ec) return makeError("cannot move the finished file into place as {}: {}", m_target.string(), ec.message());
    return {};
}

} // namespace qf::io
