#include "qf/io/mapped_file.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <atomic>
#include <mutex>
#include <system_error>

#ifdef _WIN32
#define WIN32_LEAN_AND_MEAN
#define NOMINMAX
#include <windows.h>
#else
#include <fcntl.h>
#include <csignal>
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

bool MappedFile::truncatedWhileMapped() const { return false; }

#else

namespace {

// SIGBUS from a shrinking source. A mapped file that another program truncates raises SIGBUS on the next
// read past the new end, in whichever thread reads (the quantize job reads from every worker). Jumping
// out of the handler (sigsetjmp/siglongjmp) would need a jump point in every worker and would abandon
// locks mid-way; instead the handler replaces the vanished pages with anonymous zero pages (MAP_FIXED
// over the faulting page to the end of the mapping) and marks the mapping damaged. The faulting read then
// simply completes with zeros, and the job, which checks the mark after every tensor and before naming
// its outputs, discards the work with an error. Only addresses inside our registered mappings are
// handled; any other SIGBUS goes to the previous handler (or kills the process as before).
struct GuardSlot {
    std::atomic<uintptr_t> begin{0};
    std::atomic<uintptr_t> end{0};
    std::atomic<bool> damaged{false};
};
constexpr int kGuardSlots = 256;
GuardSlot g_guards[kGuardSlots];
struct sigaction g_previousSigbus;
uintptr_t g_pageSize = 4096;

void onSigbus(int sig, siginfo_t* info, void* context) {
    const uintptr_t address = reinterpret_cast<uintptr_t>(info->si_addr);
    for (GuardSlot& slot : g_guards) {
        const uintptr_t begin = slot.begin.load(std::memory_order_acquire);
        const uintptr_t end = slot.end.load(std::memory_order_acquire);
        if (begin == 0 || address < begin || address >= end) continue;
        const uintptr_t page = address & ~(g_pageSize - 1);
        void* zeros = ::mmap(reinterpret_cast<void*>(page), end - page, PROT_READ,
                             MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
        if (zeros != MAP_FAILED) {
            slot.damaged.store(true, std::memory_order_release);
            return;
        }
        break;
    }
    if ((g_previousSigbus.sa_flags & SA_SIGINFO) && g_previousSigbus.sa_sigaction) {
        g_previousSigbus.sa_sigaction(sig, info, context);
        return;
    }
    if (g_previousSigbus.sa_handler != SIG_DFL && g_previousSigbus.sa_handler != SIG_IGN) {
        g_previousSigbus.sa_handler(sig);
        return;
    }
    ::signal(SIGBUS, SIG_DFL);
    ::raise(SIGBUS);
}

int guardMapping(const uint8_t* data, uint64_t size) {
    static std::once_flag installed;
    std::call_once(installed, [] {
        g_pageSize = uintptr_t(::sysconf(_SC_PAGESIZE));
        struct sigaction action {};
        action.sa_sigaction = onSigbus;
        action.sa_flags = SA_SIGINFO | SA_NODEFER;
        sigemptyset(&action.sa_mask);
        ::sigaction(SIGBUS, &action, &g_previousSigbus);
    });
    static std::mutex m;
    std::lock_guard lock(m);
    for (int i = 0; i < kGuardSlots; ++i) {
        if (g_guards[i].begin.load() != 0) continue;
        g_guards[i].damaged.store(false);
        g_guards[i].end.store(reinterpret_cast<uintptr_t>(data) + size, std::memory_order_release);
        g_guards[i].begin.store(reinterpret_cast<uintptr_t>(data), std::memory_order_release);
        return i;
    }
    return -1; // more than 256 files mapped at once: this one is unguarded (SIGBUS as before)
}

} // namespace

bool MappedFile::truncatedWhileMapped() const {
    return m_guardSlot >= 0 && g_guards[m_guardSlot].damaged.load(std::memory_order_acquire);
}

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
        f->m_guardSlot = guardMapping(f->m_data, f->m_size);
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
    if (m_guardSlot >= 0) {
        g_guards[m_guardSlot].begin.store(0, std::memory_order_release);
        g_guards[m_guardSlot].end.store(0, std::memory_order_release);
    }
    if (m_data) ::munmap(const_cast<uint8_t*>(m_data), m_size);
}

#endif

} // namespace qf::gguf
