#pragma once
// GPUs through the Vulkan loader's memory heaps: the fallback for GPUs no other source covers (Intel on
// Linux, NVIDIA without NVML, other vendors). The loader (libvulkan.so.1, vulkan-1.dll, libvulkan.1.dylib)
// is opened at run time; without one there is simply nothing to report. The first call creates one
// instance that is kept for the life of the process (drivers misbehave when unloaded and reloaded).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "qf/hw/gpu_device.h"
#include "qf/result.h"

namespace qf::hw {

// VkPhysicalDeviceType values.
enum class VulkanDeviceType : uint32_t {
    Other = 0,
    IntegratedGpu = 1,
    DiscreteGpu = 2,
    VirtualGpu = 3,
    Cpu = 4
};

struct VulkanHeap {
    uint64_t size = 0;
    bool deviceLocal = false; // VK_MEMORY_HEAP_DEVICE_LOCAL_BIT
};

struct VulkanDeviceValues {
    std::string name;
    uint32_t vendorId = 0;
    uint32_t deviceId = 0;
    VulkanDeviceType type = VulkanDeviceType::Other;
    std::vector<VulkanHeap> heaps;
};

// nullopt for CPU implementations (llvmpipe, SwiftShader). A discrete GPU's memory is its largest
// device-local heap; an integrated GPU is unified memory, with its largest heap (capped at the RAM total,
// since drivers report RAM-backed heaps) as the shared budget.
std::optional<GpuDevice> gpuFromVulkan(const VulkanDeviceValues& values, uint64_t systemRamBytes);

// The physical devices the loader reports. An empty list when no loader is installed; an error when the
// loader is there but creating an instance fails.
Result<std::vector<VulkanDeviceValues>> readVulkanDevices();

} // namespace qf::hw
