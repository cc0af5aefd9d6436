#pragma once
// Everything the recommender needs to know about this machine, from every source at once. Each source is
// optional: a missing library or file means "not present", recorded as a note, never an error.
#include <filesystem>
#include <string>
#include <vector>

#include "qf/hw/cpu_info.h"
#include "qf/hw/gpu_device.h"
#include "qf/hw/system_memory.h"

namespace qf::hw {

struct NvmlApi;

struct HardwareInfo {
    CpuInfo cpu;
    SystemMemory memory;
    std::vector<GpuDevice> gpus;
    std::vector<std::string> notes; // what was not found or failed, for people and bug reports
};

// Where detection reads from; the defaults read this machine. Tests point the paths at recorded trees
// and inject an NVML function table.
struct DetectOptions {
    std::filesystem::path procRoot = "/proc";
    std::filesystem::path sysRoot = "/sys";
    const NvmlApi* nvml = nullptr; // nullptr: load the driver's NVML (when loadNvml)
    bool loadNvml = true;
    bool useVulkan = true;       // the fallback for GPUs no other source covers
    bool usePlatformApis = true; // DXGI on Windows, sysctl on macOS
};

// Runs every source and merges their GPUs: vendors found by a primary source (NVML, amdgpu sysfs, DXGI,
// Apple) are not listed again from Vulkan. May take a few hundred milliseconds (Vulkan instance
// creation): call it off the UI thread.
HardwareInfo detectHardware(const DetectOptions& options = {});

} // namespace qf::hw
