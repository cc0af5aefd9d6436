#pragma once
// Our temporary files (".<name>.<pid>-<tag>.part", written by AtomicFile beside their target) must not
// outlive the process: a signal removes them (installInterruptCleanup), and those left by a process that
// was killed outright (SIGKILL, power loss) are removed by the next run (removeStaleTemporaries).
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace qf::io {

// The temporary name for `target`: ".<file name>.<pid>-<random hex>.part" in the target's folder. The
// pid tells a later run whether the writer is still alive.
std::filesystem::path temporaryPathFor(const std::filesystem::path& target);

struct StaleTemporary {
    std::filesystem::path path;
    uint64_t bytes = 0;
};

// Removes, in `folder`, our temporary files whose writing process is gone, or which are older than
// `olderThan` (an old pid may have been reused; files of the pid-less older name pattern only go by age).
// Returns what it removed. Other files, and temporaries of live writers, are never touched.
std::vector<StaleTemporary> removeStaleTemporaries(const std::filesystem::path& folder,
                                                   std::chrono::minutes olderThan = std::chrono::minutes(60));

// "removed 2 temporary files (1.2 GB) left in DIR by an interrupted run" for people; empty when none.
std::string describeRemoved(const std::vector<StaleTemporary>& removed);

// Makes SIGINT, SIGTERM and SIGHUP remove every temporary file in progress before the process ends with
// that signal. Call it from main before any thread starts: the signals are blocked in the calling thread
// (and so in every thread created later) and handled by one thread that waits for them with sigwait, so
// the clean-up runs as ordinary code, not inside an async signal handler. No-op on Windows.
void installInterruptCleanup();

// Bookkeeping used by AtomicFile: a temporary file that the interrupt clean-up must remove, and the
// lock that makes "rename into place + forget" atomic with respect to that clean-up.
void registerTemporary(const std::filesystem::path& path);
void unregisterTemporary(const std::filesystem::path& path);
class TemporaryRegistryLock {
public:
    TemporaryRegistryLock();
    ~TemporaryRegistryLock();
    TemporaryRegistryLock(const TemporaryRegistryLock&) = delete;
    TemporaryRegistryLock& operator=(const TemporaryRegistryLock&) = delete;
};

} // namespace qf::io
