#pragma once
// How much RAM the machine has and how much is available now. Parsing is separate from reading so that
// tests feed recorded values from each operating system.
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "qf/result.h"

namespace qf::hw {

struct SystemMemory {
    uint64_t totalBytes = 0;
    uint64_t availableBytes = 0; // what can be allocated without swapping, as the OS estimates it
    std::string source;          // where the numbers came from, e.g. "/proc/meminfo"
};

// Linux /proc/meminfo. MemAvailable when the kernel reports it (3.14+), else MemFree + Buffers + Cached.
Result<SystemMemory> parseProcMeminfo(std::string_view text);

// macOS: sysctl hw.memsize and hw.pagesize, and the page counts of host_statistics64(HOST_VM_INFO64).
struct MacMemoryValues {
    uint64_t memsize = 0;
    uint64_t pageSize = 0;
    uint64_t freePages = 0;
    uint64_t inactivePages = 0;
    uint64_t speculativePages = 0;
    uint64_t purgeablePages = 0;
};
SystemMemory systemMemoryFromMac(const MacMemoryValues& values);

// Windows: MEMORYSTATUSEX from GlobalMemoryStatusEx.
SystemMemory systemMemoryFromWindows(uint64_t totalPhys, uint64_t availPhys);

// This machine; `procRoot` is where /proc is (Linux only; tests pass a fixture folder).
Result<SystemMemory> detectSystemMemory(const std::filesystem::path& procRoot = "/proc");

} // namespace qf::hw
