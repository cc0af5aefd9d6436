#include "qf/hw/gpu_device.h"

namespace qf::hw {

std::string_view gpuVendorName(GpuVendor vendor) {
    switch (vendor) {
    case GpuVendor::Nvidia:
        return "NVIDIA";
    case GpuVendor::Amd:
        return "AMD";
    case GpuVendor::Intel:
        return "Intel";
    case GpuVendor::Apple:
        return "Apple";
    case GpuVendor::Other:
        break;
    }
    return "other";
}

std::string_view gpuSourceName(GpuSource source) {
    switch (source) {
    case GpuSource::Nvml:
        return "NVML";
    case GpuSource::AmdSysfs:
        return "amdgpu sysfs";
    case GpuSource::Dxgi:
        return "DXGI";
    case GpuSource::AppleSysctl:
        return "sysctl";
    case GpuSource::Vulkan:
        return "Vulkan";
    }
    return "unknown";
}

GpuVendor gpuVendorFromPciId(uint32_t vendorId) {
    switch (vendorId) {
    case 0x10de:
        return GpuVendor::Nvidia;
    case 0x1002:
    case 0x1022:
        return GpuVendor::Amd;
    case 0x8086:
        return GpuVendor::Intel;
    case 0x106b:
        return GpuVendor::Apple;
    default:
        return GpuVendor::Other;
    }
}

} // namespace qf::hw
