#pragma once
// Windows: every GPU (any vendor) through DXGI adapter descriptions. Reading needs Windows; turning the
// values into devices does not, so it is tested everywhere.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "qf/hw/gpu_device.h"
#include "qf/result.h"

namespace qf::hw {

// DXGI_ADAPTER_DESC1 fields, plus IDXGIAdapter3::QueryVideoMemoryInfo for the local segment when
// available (Windows 10+).
struct DxgiAdapterValues {
    std::string description; // UTF-8
    uint32_t vendorId = 0;
    uint32_t deviceId = 0;
    uint64_t dedicatedVideoMemory = 0;
    uint64_t dedicatedSystemMemory = 0;
    uint64_t sharedSystemMemory = 0;
    bool software = false; // DXGI_ADAPTER_FLAG_SOFTWARE, e.g. the Microsoft Basic Render Driver
    std::optional<uint64_t> localBudget;
    std::optional<uint64_t> localUsage;
};

// nullopt for software adapters. An adapter with less than 1 GiB of dedicated memory and more shared
// than dedicated is an integrated GPU: it is described as unified memory using its shared budget.
std::optional<GpuDevice> gpuFromDxgi(const DxgiAdapterValues& values);

// The adapters of this machine; an empty list on other systems.
Result<std::vector<DxgiAdapterValues>> readDxgiAdapters();

} // namespace qf::hw
