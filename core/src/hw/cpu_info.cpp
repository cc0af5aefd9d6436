#include "qf/hw/cpu_info.h"

#include <set>
#include <thread>
#include <utility>

#include "hw/text_file.h"

#if defined(_WIN32)
#ifndef NOMINMAX
#define NOMINMAX // keep std::min and std::max usable
#endif
#include <windows.h>
#elif defined(__APPLE__)
#include <sys/sysctl.h>
#endif

namespace qf::hw {
namespace {

std::pair<std::string_view, std::string_view> splitField(std::string_view line) {
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) return {detail::trim(line), {}};
    return {detail::trim(line.substr(0, colon)), detail::trim(line.substr(colon + 1))};
}

#if defined(_WIN32)
// Cores sharing a physical core are reported in one RelationProcessorCore record each.
unsigned windowsPhysicalCores() {
    DWORD length = 0;
    GetLogicalProcessorInformationEx(RelationProcessorCore, nullptr, &length);
    std::string buffer(length, '\0');
    auto* info = reinterpret_cast<SYSTEM_LOGICAL_PROCESSOR_INFORMATION_EX*>(buffer.data());
    if (!GetLogicalProcessorInformationEx(RelationProcessorCore, info, &length)) return 0;
    unsigned cores = 0;
    for (DWORD offset = 0; offset < length;) {
        auto* record = reinterpret_cast<SYSTEM_LOGICAL_PROCESSOR_INFORMATION_EX*>(buffer.data() + offset);
        ++cores;
        offset += record->Size;
    }
    return cores;
}

std::string windowsCpuName() {
    char name[256] = {};
    DWORD size = sizeof(name);
    if (RegGetValueA(HKEY_LOCAL_MACHINE, "HARDWARE\\DESCRIPTION\\System\\CentralProcessor\\0",
                     "ProcessorNameString", RRF_RT_REG_SZ, nullptr, name, &size) != ERROR_SUCCESS)
        return {};
    return std::string(detail::trim(name));
}
#elif defined(__APPLE__)
std::string sysctlString(const char* name) {
    size_t size = 0;
    if (sysctlbyname(name, nullptr, &size, nullptr, 0) != 0 || size == 0) return {};
    std::string value(size, '\0');
    if (sysctlbyname(name, value.data(), &size, nullptr, 0) != 0) return {};
    return std::string(detail::trim(value.c_str()));
}

unsigned sysctlUnsigned(const char* name) {
    int value = 0;
    size_t size = sizeof(value);
    return sysctlbyname(name, &value, &size, nullptr, 0) == 0 && value > 0 ? unsigned(value) : 0;
}
#endif

} // namespace

CpuInfo parseProcCpuinfo(std::string_view text) {
    CpuInfo cpu;
    std::set<std::pair<std::string, std::string>> cores; // (physical id, core id)
    std::string physicalId, coreId, hardware, model;
    auto endProcessor = [&] {
        if (!coreId.empty()) cores.emplace(physicalId, coreId);
        physicalId.clear();
        coreId.clear();
    };
    detail::forEachLine(text, [&](std::string_view line) {
        const auto [key, value] = splitField(line);
        if (key == "processor") {
            endProcessor();
            ++cpu.logicalCores;
        } else if (key == "model name" && cpu.modelName.empty()) {
            cpu.modelName = value;
        } else if (key == "physical id") {
            physicalId = value;
        } else if (key == "core id") {
            coreId = value;
        } else if (key == "Hardware" && hardware.empty()) {
            hardware = value; // 32-bit ARM and some vendor kernels
        } else if (key == "Model" && model.empty()) {
            model = value; // Raspberry Pi and others
        }
    });
    endProcessor();
    if (cpu.modelName.empty()) cpu.modelName = !model.empty() ? model : hardware;
    // Without core ids (arm64 kernels do not list them) the physical count is unknown, not guessed.
    cpu.physicalCores = unsigned(cores.size());
    return cpu;
}

CpuInfo detectCpu([[maybe_unused]] const std::filesystem::path& procRoot) {
    CpuInfo cpu;
#if defined(_WIN32)
    cpu.modelName = windowsCpuName();
    cpu.physicalCores = windowsPhysicalCores();
#elif defined(__APPLE__)
    cpu.modelName = sysctlString("machdep.cpu.brand_string");
    cpu.physicalCores = sysctlUnsigned("hw.physicalcpu");
    cpu.logicalCores = sysctlUnsigned("hw.logicalcpu");
#else
    if (auto text = detail::readTextFile(procRoot / "cpuinfo")) cpu = parseProcCpuinfo(*text);
#endif
    if (cpu.logicalCores == 0) cpu.logicalCores = std::thread::hardware_concurrency();
    cpu.features = cpuFeatures();
    return cpu;
}

} // namespace qf::hw
