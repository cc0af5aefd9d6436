#include "qf/hw/hardware.h"

#include <algorithm>
#include <set>

#include "qf/hw/amd_sysfs.h"
#include "qf/hw/apple_gpu.h"
#include "qf/hw/dxgi_gpus.h"
#include "qf/hw/nvml.h"
#include "qf/hw/vulkan_gpus.h"

namespace qf::hw {
namespace {

void addNvmlGpus(const NvmlApi& api, HardwareInfo& info) {
    auto gpus = queryNvml(api);
    if (!gpus) {
        info.notes.push_back(gpus.error().message);
        return;
    }
    for (auto& gpu : *gpus)
        info.gpus.push_back(std::move(gpu));
}

} // namespace

HardwareInfo detectHardware(const DetectOptions& options) {
    HardwareInfo info;
    info.cpu = detectCpu(options.procRoot);
    if (auto memory = detectSystemMemory(options.procRoot))
        info.memory = *memory;
    else
        info.notes.push_back(memory.error().message);

    // NVIDIA: NVML, injected or the driver's own.
    if (options.nvml) {
        addNvmlGpus(*options.nvml, info);
    } else if (options.loadNvml) {
        if (auto library = NvmlLibrary::load())
            addNvmlGpus(library->api(), info);
        else
            info.notes.push_back("NVML not installed: no NVIDIA driver");
    }

#if defined(_WIN32)
    if (options.usePlatformApis) {
        auto adapters = readDxgiAdapters();
        if (!adapters) info.notes.push_back(adapters.error().message);
        const bool haveNvml = !info.gpus.empty();
        for (const auto& values : adapters ? *adapters : std::vector<DxgiAdapterValues>{}) {
            auto gpu = gpuFromDxgi(values);
            // NVML already describes NVIDIA cards, with free memory.
            if (gpu && !(haveNvml && gpu->vendor == GpuVendor::Nvidia)) info.gpus.push_back(std::move(*gpu));
        }
    }
#elif defined(__APPLE__)
    if (options.usePlatformApis) {
        if (auto values = readAppleGpuValues()) {
            if (auto gpu = gpuFromApple(*values)) info.gpus.push_back(std::move(*gpu));
        } else {
            info.notes.push_back(values.error().message);
        }
    }
#else
    for (const auto& values : readAmdSysfs(options.sysRoot))
        if (auto gpu = gpuFromAmdSysfs(values)) info.gpus.push_back(std::move(*gpu));
#endif

    // Vulkan fills in vendors no primary source covered (Intel on Linux, NVIDIA without NVML, ...).
    if (options.useVulkan) {
        std::set<GpuVendor> covered;
        for (const auto& gpu : info.gpus)
            covered.insert(gpu.vendor);
        auto devices = readVulkanDevices();
        if (!devices) {
            info.notes.push_back(devices.error().message);
        } else {
            size_t cpuImplementations = 0;
            for (const auto& values : *devices) {
                auto gpu = gpuFromVulkan(values, info.memory.totalBytes);
                if (!gpu) {
                    ++cpuImplementations;
                    continue;
                }
                if (covered.count(gpu->vendor) && gpu->vendor != GpuVendor::Other) continue;
                info.gpus.push_back(std::move(*gpu));
            }
            if (cpuImplementations)
                info.notes.push_back("Vulkan: ignored " + std::to_string(cpuImplementations) +
                                     " CPU implementation(s) (e.g. llvmpipe)");
            if (devices->empty()) info.notes.push_back("Vulkan: no loader or no devices");
        }
    }
    if (info.gpus.empty()) info.notes.push_back("no GPU found: models run on the CPU");
    return info;
}

} // namespace qf::hw
