#include "qf/io/temporary_files.h"

#include "qf/format_size.h"

#include <atomic>
#include <cerrno>
#include <mutex>
#include <random>
#include <regex>
#include <set>
#include <system_error>
#include <thread>

#include <fmt/format.h>

#ifndef _WIN32
#include <csignal>
#include <pthread.h>
#include <unistd.h>
#else
#include <process.h>
#endif

namespace qf::io {
namespace fs = std::filesystem;

namespace {

std::mutex& registryMutex() {
    static std::mutex m;
    return m;
}

std::set<fs::path>& registry() {
    static std::set<fs::path> paths;
    return paths;
}

long currentPid() {
#ifdef _WIN32
    return long(_getpid());
#else
    return long(::getpid());
#endif
}

bool processAlive(long pid) {
#ifdef _WIN32
    (void)pid;
    return true; // no cheap check: Windows leftovers go by age alone
#else
    if (pid <= 0) return false;
    if (::kill(pid_t(pid), 0) == 0) return true;
    return errno == EPERM; // exists, owned by someone else
#endif
}

} // namespace

fs::path temporaryPathFor(const fs::path& target) {
    static std::atomic<uint64_t> counter{0};
    std::random_device rd;
    const auto tag = fmt::format("{}-{:08x}{:04x}", currentPid(), rd(), counter.fetch_add(1) & 0xffff);
    const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
    return folder / fmt::format(".{}.{}.part", target.filename().string(), tag);
}

std::vector<StaleTemporary> removeStaleTemporaries(const fs::path& folder, std::chrono::minutes olderThan) {
    // ".<name>.<pid>-<12 hex>.part" (this version) and ".<name>.<12 hex>.part" (before the pid was recorded).
    static const std::regex withPid(R"(^\..+\.([0-9]+)-[0-9a-f]{12}\.part$)");
    static const std::regex withoutPid(R"(^\..+\.[0-9a-f]{12}\.part$)");
    std::vector<StaleTemporary> removed;
    std::error_code ec;
    fs::directory_iterator it(folder.empty() ? fs::path(".") : folder, ec);
    if (ec) return removed;
    const auto now = fs::file_time_type::clock::now();
    const long self = currentPid();
    for (; it != fs::directory_iterator(); it.increment(ec)) {
        if (ec) break;
        const std::string name = it->path().filename().string();
        std::smatch m;
        bool stale = false;
        const bool ours = std::regex_match(name, m, withPid);
        if (!ours && !std::regex_match(name, withoutPid)) continue;
        std::error_code sec;
        if (!it->is_regular_file(sec) || it->is_symlink(sec)) continue;
        const auto written = it->last_write_time(sec);
        const bool old = !sec && now - written > olderThan;
        if (ours) {
            long pid = 0;
            try {
                pid = std::stol(m[1].str());
            } catch (...) {
                continue;
            }
            stale = pid != self && (old || !processAlive(pid));
        } else {
            stale = old;
        }
        if (!stale) continue;
        const uint64_t bytes = it->file_size(sec);
        if (fs::remove(it->path(), sec)) removed.push_back({it->path(), sec ? 0 : bytes});
    }
    return removed;
}

std::string describeRemoved(const std::vector<StaleTemporary>& removed) {
    if (removed.empty()) return {};
    uint64_t bytes = 0;
    for (const auto& r : removed) bytes += r.bytes;
    return fmt::format("removed {} temporary file{} ({}) left in {} by an interrupted run", removed.size(),
                       removed.size() == 1 ? "" : "s", formatSize(bytes),
                       removed.front().path.parent_path().empty() ? std::string(".")
                                                                  : removed.front().path.parent_path().string());
}

void registerTemporary(const fs::path& path) {
    std::lock_guard lock(registryMutex());
    registry().insert(path);
}

void unregisterTemporary(const fs::path& path) {
    std::lock_guard lock(registryMutex());
    registry().erase(path);
}

TemporaryRegistryLock::TemporaryRegistryLock() { registryMutex().lock(); }
TemporaryRegistryLock::~TemporaryRegistryLock() { registryMutex().unlock(); }

void installInterruptCleanup() {
#ifndef _WIN32
    static std::once_flag once;
    std::call_once(once, [] {
        sigset_t set;
        sigemptyset(&set);
        for (int s : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&set, s);
        if (pthread_sigmask(SIG_BLOCK, &set, nullptr) != 0) return;
        std::thread([set] {
            int sig = 0;
            while (sigwait(&set, &sig) != 0) {
            }
            {
                // Holding the lock: no writer can rename its file into place meanwhile, so each registered
                // path is still a temporary file when it is removed. The lock is never released: the
                // process ends below.
                registryMutex().lock();
                for (const auto& path : registry()) ::unlink(path.c_str());
            }
            // End as the signal would have ended us (exit status 128 + sig for the shell).
            std::signal(sig, SIG_DFL);
            sigset_t only;
            sigemptyset(&only);
            sigaddset(&only, sig);
            pthread_sigmask(SIG_UNBLOCK, &only, nullptr);
            ::raise(sig);
            ::_exit(128 + sig);
        }).detach();
    });
#endif
}

} // namespace qf::io
