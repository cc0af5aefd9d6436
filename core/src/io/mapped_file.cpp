#include "qf/io/mapped_file.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <system_error>

#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#define NOMINMAX
#include <windows.h>
#else
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace qf::gguf {

#ifdef _WIN32

Result<std::unique_ptr<MappedFile>> MappedFile::open(const std::filesystem::path& path) {
    std::unique_ptr<MappedFile> f(new MappedFile());
    f->m_path = path;
    HANDLE file = CreateFileW(path.c_str(), GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_DELETE, nullptr,
                              OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, nullptr);
    if (file == INVALID_HANDLE_VALUE)
        return makeError("cannot open {}: {}", path.string(), std::system_category().message(int(GetLastError())));
    f->m_fileHandle = file;
    LARGE_INTEGER size;
    if (!GetFileSizeEx(file, &size)) return makeError("cannot read the size of {}", path.string());
    f->m_size = uint64_t(size.QuadPart);
    if (f->m_size == 0) return f;
    HANDLE mapping = CreateFileMappingW(file, nullptr, PAGE_READONLY, 0, 0, nullptr);
    if (!mapping) return makeError("cannot map {}", path.string());
    f->m_mappingHandle = mapping;
    void* view = MapViewOfFile(mapping, FILE_MAP_READ, 0, 0, 0);
    if (!view) return makeError("cannot map {} into memory", path.string());
    f->m_data = static_cast<const uint8_t*>(view);
    return f;
}

void MappedFile::release(uint64_t, uint64_t) const {
    // Windows trims the working set of file-backed views by itself under memory pressure.
}

MappedFile::~MappedFile() {
    if (m_data) UnmapViewOfFile(m_data);
    if (m_mappingHandle) CloseHandle(m_mappingHandle);
    if (m_fileHandle) CloseHandle(m_fileHandle);
}

#else

Result<std::unique_ptr<MappedFile>> MappedFile::open(const std::filesystem::path& path) {
    std::unique_ptr<MappedFile> f(new MappedFile());
    f->m_path = path;
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return makeError("cannot open {}: {}", path.string(), std::strerror(errno));
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        const int err = errno;
        ::close(fd);
        return makeError("cannot read the size of {}: {}", path.string(), std::strerror(err));
    }
    if (!S_ISREG(st.st_mode)) {
        ::close(fd);
        return makeError("{} is not a regular file", path.string());
    }
    f->m_size = uint64_t(st.st_size);
    if (f->m_size > 0) {
        void* p = ::mmap(nullptr, f->m_size, PROT_READ, MAP_SHARED, fd, 0);
        if (p == MAP_FAILED) {
            const int err = errno;
            ::close(fd);
            return makeError("cannot map {} into memory: {}", path.string(), std::strerror(err));
        }
        f->m_data = static_cast<const uint8_t*>(p);
    }
    ::close(fd); // the mapping keeps the file's pages reachable
    return f;
}

void MappedFile::release(uint64_t offset, uint64_t length) const {
    if (!m_data || offset >= m_size) return;
    const uint64_t page = uint64_t(::sysconf(_SC_PAGESIZE));
    const uint64_t begin = (offset + page - 1) / page * page; // whole pages only: neighbours may be in use
    const uint64_t end = std::min(offset + length, m_size) / page * page;
    if (end > begin) ::madvise(const_cast<uint8_t*>(m_data) + begin, end - begin, MADV_DONTNEED);
}

MappedFile::~MappedFile() {
    if (m_data) ::munmap(const_cast<uint8_t*>(m_data), m_size);
}

#endif

} // namespace qf::gguf
