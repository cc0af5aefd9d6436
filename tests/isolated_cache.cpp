// Linked into every test: the process gets a cache folder of its own before main runs. Results are kept by
// file content and the tests' files are deterministic, so a shared cache would let one test (or an earlier
// run) answer another's question — and tests must never write into the person's own cache.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <system_error>

#ifdef _WIN32
#include <process.h>
#define QF_GETPID _getpid
#else
#include <unistd.h>
#define QF_GETPID getpid
#endif

namespace {

class IsolatedCache {
public:
    IsolatedCache() {
        namespace fs = std::filesystem;
        std::error_code ec;
        const fs::path base = fs::temp_directory_path(ec);
        for (int attempt = 0; attempt < 1000 && m_folder.empty(); ++attempt) {
            const fs::path candidate =
                base / ("qf-test-cache-" + std::to_string(QF_GETPID()) + "-" + std::to_string(attempt));
            if (fs::create_directory(candidate, ec)) m_folder = candidate;
        }
        if (m_folder.empty()) {
            std::fprintf(stderr, "cannot create a private cache folder in %s\n", base.string().c_str());
            std::exit(2);
        }
#ifdef _WIN32
        _putenv_s("LOCALAPPDATA", m_folder.string().c_str());
#else
        setenv("XDG_CACHE_HOME", m_folder.c_str(), 1);
#endif
    }
    ~IsolatedCache() {
        std::error_code ec;
        std::filesystem::remove_all(m_folder, ec);
    }
    IsolatedCache(const IsolatedCache&) = delete;
    IsolatedCache& operator=(const IsolatedCache&) = delete;

private:
    std::filesystem::path m_folder;
};

const IsolatedCache isolatedCache;

} // namespace
