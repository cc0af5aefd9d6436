#include "qf/hw/nvml.h"

#include <cstring>
#include <string>

#include "hw/dynamic_library.h"

namespace qf::hw {
namespace {

std::string nvmlMessage(const NvmlApi& api, int result) {
    if (api.errorString)
        if (const char* text = api.errorString(result)) return text;
    return "NVML error " + std::to_string(result);
}

} // namespace

Result<std::vector<GpuDevice>> queryNvml(const NvmlApi& api) {
    if (!api.init || !api.shutdown || !api.deviceGetCount || !api.deviceGetHandleByIndex ||
        !api.deviceGetName || !api.deviceGetMemoryInfo)
        return makeError("NVML: the library lacks a required function");
    if (int r = api.init(); r != kNvmlSuccess)
        return makeError("NVML: initialisation failed: {}", nvmlMessage(api, r));

    std::vector<GpuDevice> gpus;
    unsigned count = 0;
    int r = api.deviceGetCount(&count);
    for (unsigned i = 0; r == kNvmlSuccess && i < count; ++i) {
        NvmlApi::Device device = nullptr;
        if (api.deviceGetHandleByIndex(i, &device) != kNvmlSuccess) continue; // e.g. no permission for it
        GpuDevice gpu;
        gpu.vendor = GpuVendor::Nvidia;
        gpu.source = GpuSource::Nvml;
        char name[96] = {}; // NVML_DEVICE_NAME_V2_BUFFER_SIZE
        gpu.name = api.deviceGetName(device, name, sizeof(name)) == kNvmlSuccess
                       ? std::string(name, strnlen(name, sizeof(name)))
                       : "NVIDIA GPU " + std::to_string(i);
        gpu.detail = "index " + std::to_string(i);
        NvmlMemory memory;
        const int m = api.deviceGetMemoryInfo(device, &memory);
        if (m == kNvmlSuccess) {
            gpu.dedicatedBytes = memory.total;
            gpu.dedicatedFreeBytes = memory.free;
        } else {
            // Unified-memory boards (Jetson, GB10) answer "not supported": the GPU uses system RAM.
            gpu.memoryKnown = false;
            gpu.unifiedMemory = m == kNvmlErrorNotSupported;
            gpu.detail += ", memory: " + nvmlMessage(api, m);
        }
        gpus.push_back(std::move(gpu));
    }
    api.shutdown();
    if (r != kNvmlSuccess) return makeError("NVML: cannot count devices: {}", nvmlMessage(api, r));
    return gpus;
}

std::unique_ptr<NvmlLibrary> NvmlLibrary::load() {
#if defined(_WIN32)
    void* handle =
        detail::openLibrary({"nvml.dll", "C:\\Program Files\\NVIDIA Corporation\\NVSMI\\nvml.dll"});
#elif defined(__APPLE__)
    void* handle = nullptr; // NVIDIA has no current macOS driver
#else
    void* handle = detail::openLibrary({"libnvidia-ml.so.1", "libnvidia-ml.so"});
#endif
    if (!handle) return nullptr;
    std::unique_ptr<NvmlLibrary> library(new NvmlLibrary);
    library->m_handle = handle;
    NvmlApi& api = library->m_api;
    using detail::librarySymbol;
    api.init = librarySymbol<decltype(api.init)>(handle, "nvmlInit_v2");
    api.shutdown = librarySymbol<decltype(api.shutdown)>(handle, "nvmlShutdown");
    api.deviceGetCount = librarySymbol<decltype(api.deviceGetCount)>(handle, "nvmlDeviceGetCount_v2");
    api.deviceGetHandleByIndex =
        librarySymbol<decltype(api.deviceGetHandleByIndex)>(handle, "nvmlDeviceGetHandleByIndex_v2");
    api.deviceGetName = librarySymbol<decltype(api.deviceGetName)>(handle, "nvmlDeviceGetName");
    api.deviceGetMemoryInfo =
        librarySymbol<decltype(api.deviceGetMemoryInfo)>(handle, "nvmlDeviceGetMemoryInfo");
    api.errorString = librarySymbol<decltype(api.errorString)>(handle, "nvmlErrorString");
    return library;
}

NvmlLibrary::~NvmlLibrary() {
    detail::closeLibrary(m_handle);
}

} // namespace qf::hw
