#pragma once
// A GPU as the recommender sees it: a name and how much memory a model may use on it. Each detection
// source (NVML, amdgpu sysfs, DXGI, Apple sysctl, Vulkan) turns what it reads into this one description.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace qf::hw {

enum class GpuVendor : uint8_t { Nvidia, Amd, Intel, Apple, Other };
enum class GpuSource : uint8_t { Nvml, AmdSysfs, Dxgi, AppleSysctl, Vulkan };

struct GpuDevice {
    std::string name;
    GpuVendor vendor = GpuVendor::Other;
    GpuSource source = GpuSource::Vulkan;
    // Integrated GPUs, APUs and Apple Silicon use system RAM: their memory is part of the RAM total and
    // must not be counted a second time.
    bool unifiedMemory = false;
    // Memory of its own: VRAM of a discrete card; for an APU the firmware's carve-out (which the OS
    // already leaves out of its RAM total).
    uint64_t dedicatedBytes = 0;
    std::optional<uint64_t> dedicatedFreeBytes;
    // System RAM a unified-memory GPU may also map (amdgpu GTT, DXGI shared memory, the Apple GPU
    // working-set limit). Zero for discrete cards: memory they reach over the bus is too slow for weights.
    uint64_t sharedBytes = 0;
    // False when the source listed the device but could not say how much memory it has (NVML reports
    // "not supported" on some unified-memory boards).
    bool memoryKnown = true;
    // True when a number above is a documented default rather than read from the system (e.g. the
    // Apple working-set limit without Metal).
    bool memoryEstimated = false;
    std::string detail; // e.g. the PCI slot, or how a limit was found

    // The most a model may place on this GPU.
    uint64_t usableBytes() const { return dedicatedBytes + sharedBytes; }
};

std::string_view gpuVendorName(GpuVendor vendor);
std::string_view gpuSourceName(GpuSource source);
// PCI vendor ids: 0x10de NVIDIA, 0x1002 AMD, 0x8086 Intel, 0x106b Apple.
GpuVendor gpuVendorFromPciId(uint32_t vendorId);

} // namespace qf::hw
