#include "qf/io/atomic_file.h"

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

namespace {

std::string formatBytes(uint64_t bytes) {
    if (bytes >= (1ull << 30)) return fmt::format("{:.1f} GB", double(bytes) / double(1ull << 30));
    if (bytes >= (1ull << 20)) return fmt::format("{:.1f} MB", double(bytes) / double(1ull << 20));
    return fmt::format("{} bytes", bytes);
}

fs::path temporaryNameFor(const fs::path& target) {
    // Unique per process and call; the leading dot keeps it out of most file managers' views.
    static std::atomic<uint64_t> counter{0};
    std::random_device rd;
    const auto tag = fmt::format("{:08x}{:04x}", rd(), counter.fetch_add(1) & 0xffff);
    return target.parent_path() / fmt::format(".{}.{}.part", target.filename().string(), tag);
}

} // namespace

std::optional<uint64_t> freeDiskBytes(const fs::path& path) {
    std::error_code ec;
    const auto info = fs::space(path, ec);
    if (ec) return std::nullopt;
    return uint64_t(info.available);
}

Result<AtomicFile> AtomicFile::create(const fs::path& target, uint64_t expectedBytes) {
    const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::error_code ec;
    if (!fs::is_directory(folder, ec))
        return makeError("cannot write {}: the folder {} does not exist", target.string(), folder.string());
    if (fs::is_directory(target, ec))
        return makeError("cannot write {}: a folder of that name exists", target.string());
    if (const auto available = freeDiskBytes(folder); available && *available < expectedBytes)
        return makeError("not enough disk space to write {}: it needs {} ({} bytes), the volume has {} free",
                         target.string(), formatBytes(expectedBytes), expectedBytes, formatBytes(*available));

    AtomicFile f;
    f.m_target = target;
    f.m_tempPath = temporaryNameFor(target.has_parent_path() ? target : folder / target);
#ifdef _WIN32
    f.m_file = _wfopen(f.m_tempPath.c_str(), L"wbx");
#else
    f.m_file = std::fopen(f.m_tempPath.c_str(), "wbx");
#endif
    if (!f.m_file)
        return makeError("cannot create a file in {}: {}", folder.string(), std::strerror(errno));
    std::setvbuf(f.m_file, nullptr, _IOFBF, 1 << 20);
    return f;
}

AtomicFile::AtomicFile(AtomicFile&& other) noexcept
    : m_target(std::move(other.m_target)), m_tempPath(std::move(other.m_tempPath)), m_file(other.m_file),
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
    std::error_code ec;
    fs::rename(m_tempPath, m_target, ec);
    if (ec) {
        discard();
        return makeError("cannot move the finished file into place as {}: {}", m_target.string(), ec.message());
    }
    m_committed = true;
    m_tempPath.clear();
    return {};
}

} // namespace qf::io
