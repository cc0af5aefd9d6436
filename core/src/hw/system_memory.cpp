#include "qf/hw/system_memory.h"

#include <map>
#include <optional>

#include "hw/text_file.h"

#if defined(_WIN32)
#ifndef NOMINMAX
#define NOMINMAX // keep std::min and std::max usable
#endif
#include <windows.h>
#elif defined(__APPLE__)
#include <mach/mach.h>
#include <sys/sysctl.h>
#include <unistd.h>
#endif

namespace qf::hw {

Result<SystemMemory> parseProcMeminfo(std::string_view text) {
    // Lines look like "MemAvailable:   23989696 kB"; all sizes are in KiB.
    std::map<std::string, uint64_t, std::less<>> fields;
    detail::forEachLine(text, [&](std::string_view line) {
        const size_t colon = line.find(':');
        if (colon == std::string_view::npos) return;
        std::string_view value = detail::trim(line.substr(colon + 1));
        uint64_t multiplier = 1;
        if (value.size() > 3 && value.substr(value.size() - 3) == " kB") {
            value.remove_suffix(3);
            multiplier = 1024;
        }
        if (auto number = detail::parseUnsigned(value))
            fields[std::string(line.substr(0, colon))] = *number * multiplier;
    });
    const auto field = [&](std::string_view name) -> std::optional<uint64_t> {
        const auto it = fields.find(name);
        return it == fields.end() ? std::nullopt : std::optional<uint64_t>(it->second);
    };
    const auto total = field("MemTotal");
    if (!total || *total == 0) return makeError("/proc/meminfo: no MemTotal line");
    SystemMemory memory;
    memory.totalBytes = *total;
    memory.source = "/proc/meminfo";
    if (auto available = field("MemAvailable")) {
        memory.availableBytes = *available;
    } else {
        // Kernels before 3.14: free memory plus caches the kernel would drop, an overestimate at worst.
        memory.availableBytes =
            field("MemFree").value_or(0) + field("Buffers").value_or(0) + field("Cached").value_or(0);
        memory.source += " (no MemAvailable: free + buffers + cached)";
    }
    memory.availableBytes = std::min(memory.availableBytes, memory.totalBytes);
    return memory;
}

SystemMemory systemMemoryFromMac(const MacMemoryValues& v) {
    SystemMemory memory;
    memory.totalBytes = v.memsize;
    // What Activity Monitor calls available: pages that are free or can be taken back without swapping.
    const uint64_t pages = v.freePages + v.inactivePages + v.speculativePages + v.purgeablePages;
    memory.availableBytes = std::min(pages * v.pageSize, v.memsize);
    memory.source = "sysctl hw.memsize, host_statistics64";
    return memory;
}

SystemMemory systemMemoryFromWindows(uint64_t totalPhys, uint64_t availPhys) {
    SystemMemory memory;
    memory.totalBytes = totalPhys;
    memory.availableBytes = std::min(availPhys, totalPhys);
    memory.source = "GlobalMemoryStatusEx";
    return memory;
}

Result<SystemMemory> detectSystemMemory([[maybe_unused]] const std::filesystem::path& procRoot) {
#if defined(_WIN32)
    MEMORYSTATUSEX status{};
    status.dwLength = sizeof(status);
    if (!GlobalMemoryStatusEx(&status))
        return makeError("GlobalMemoryStatusEx failed (error {})", GetLastError());
    return systemMemoryFromWindows(status.ullTotalPhys, status.ullAvailPhys);
#elif defined(__APPLE__)
    MacMemoryValues values;
    size_t size = sizeof(values.memsize);
    if (sysctlbyname("hw.memsize", &values.memsize, &size, nullptr, 0) != 0)
        return makeError("sysctl hw.memsize failed");
    values.pageSize = uint64_t(sysconf(_SC_PAGESIZE));
    vm_statistics64_data_t vm{};
    mach_msg_type_number_t count = HOST_VM_INFO64_COUNT;
    if (host_statistics64(mach_host_self(), HOST_VM_INFO64, reinterpret_cast<host_info64_t>(&vm), &count) ==
        KERN_SUCCESS) {
        values.freePages = vm.free_count;
        values.inactivePages = vm.inactive_count;
        values.speculativePages = vm.speculative_count;
        values.purgeablePages = vm.purgeable_count;
    }
    return systemMemoryFromMac(values);
#else
    const auto path = procRoot / "meminfo";
    auto text = detail::readTextFile(path);
    if (!text) return makeError("cannot read {}", path.string());
    return parseProcMeminfo(*text);
#endif
}

} // namespace qf::hw
