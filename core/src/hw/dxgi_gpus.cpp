#include "qf/hw/dxgi_gpus.h"

#include <cstdio>

#if defined(_WIN32)
#ifndef NOMINMAX
#define NOMINMAX // keep std::min and std::max usable
#endif
#include <windows.h>

#include <dxgi1_4.h>

#include "hw/dynamic_library.h"
#endif

namespace qf::hw {

std::optional<GpuDevice> gpuFromDxgi(const DxgiAdapterValues& v) {
    // The Basic Render Driver (vendor 0x1414) is a CPU rasterizer.
    if (v.software || v.vendorId == 0x1414) return std::nullopt;
    GpuDevice gpu;
    gpu.name = v.description;
    gpu.vendor = gpuVendorFromPciId(v.vendorId);
    gpu.source = GpuSource::Dxgi;
    constexpr uint64_t kIntegratedDedicatedLimit = 1ull << 30;
    const bool integrated =
        v.dedicatedVideoMemory < kIntegratedDedicatedLimit && v.sharedSystemMemory > v.dedicatedVideoMemory;
    gpu.unifiedMemory = integrated;
    gpu.dedicatedBytes = v.dedicatedVideoMemory;
    if (integrated) {
        // Windows lets an integrated GPU use up to half of RAM ("shared GPU memory").
        gpu.sharedBytes = v.sharedSystemMemory;
    } else if (v.localBudget) {
        // The budget is what the OS lets this process use now, less what it already uses.
        const uint64_t usage = v.localUsage.value_or(0);
        gpu.dedicatedFreeBytes = *v.localBudget > usage ? *v.localBudget - usage : 0;
    }
    char id[32];
    std::snprintf(id, sizeof(id), "PCI %04x:%04x", v.vendorId, v.deviceId);
    gpu.detail = id;
    return gpu;
}

Result<std::vector<DxgiAdapterValues>> readDxgiAdapters() {
    std::vector<DxgiAdapterValues> adapters;
#if defined(_WIN32)
    // dxgi.dll is part of every Windows; loading it here keeps core free of a link-time dependency.
    void* library = detail::openLibrary({"dxgi.dll"});
    if (!library) return adapters;
    using CreateFactory = HRESULT(WINAPI*)(REFIID, void**);
    auto create = detail::librarySymbol<CreateFactory>(library, "CreateDXGIFactory1");
    IDXGIFactory1* factory = nullptr;
    if (!create || FAILED(create(__uuidof(IDXGIFactory1), reinterpret_cast<void**>(&factory)))) {
        detail::closeLibrary(library);
        return makeError("DXGI: CreateDXGIFactory1 failed");
    }
    IDXGIAdapter1* adapter = nullptr;
    for (UINT i = 0; factory->EnumAdapters1(i, &adapter) != DXGI_ERROR_NOT_FOUND; ++i) {
        DXGI_ADAPTER_DESC1 desc{};
        if (SUCCEEDED(adapter->GetDesc1(&desc))) {
            DxgiAdapterValues v;
            char name[256] = {};
            WideCharToMultiByte(CP_UTF8, 0, desc.Description, -1, name, sizeof(name), nullptr, nullptr);
            v.description = name;
            v.vendorId = desc.VendorId;
            v.deviceId = desc.DeviceId;
            v.dedicatedVideoMemory = desc.DedicatedVideoMemory;
            v.dedicatedSystemMemory = desc.DedicatedSystemMemory;
            v.sharedSystemMemory = desc.SharedSystemMemory;
            v.software = (desc.Flags & DXGI_ADAPTER_FLAG_SOFTWARE) != 0;
            IDXGIAdapter3* adapter3 = nullptr;
            if (SUCCEEDED(
                    adapter->QueryInterface(__uuidof(IDXGIAdapter3), reinterpret_cast<void**>(&adapter3)))) {
                DXGI_QUERY_VIDEO_MEMORY_INFO info{};
                if (SUCCEEDED(adapter3->QueryVideoMemoryInfo(0, DXGI_MEMORY_SEGMENT_GROUP_LOCAL, &info))) {
                    v.localBudget = info.Budget;
                    v.localUsage = info.CurrentUsage;
                }
                adapter3->Release();
            }
            adapters.push_back(std::move(v));
        }
        adapter->Release();
    }
    factory->Release();
    detail::closeLibrary(library);
#endif
    return adapters;
}

} // namespace qf::hw
