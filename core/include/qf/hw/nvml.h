#pragma once
// NVIDIA GPUs through NVML, the library the NVIDIA driver installs (libnvidia-ml.so.1, nvml.dll). It is
// loaded at run time: Quantforge has no link-time dependency on it, and a missing library simply means
// no NVIDIA GPU. The few functions we call form a table, so tests can inject fakes.
#include <memory>
#include <vector>

#include "qf/hw/gpu_device.h"
#include "qf/result.h"

namespace qf::hw {

// nvmlMemory_t, as NVML defines it.
struct NvmlMemory {
    unsigned long long total = 0;
    unsigned long long free = 0;
    unsigned long long used = 0;
};

// NVML's return codes are nvmlReturn_t: 0 is success.
inline constexpr int kNvmlSuccess = 0;
inline constexpr int kNvmlErrorNotSupported = 3;

// The NVML entry points we use; each matches the C function named in its comment.
struct NvmlApi {
    using Device = void*;                                                    // nvmlDevice_t
    int (*init)() = nullptr;                                                 // nvmlInit_v2
    int (*shutdown)() = nullptr;                                             // nvmlShutdown
    int (*deviceGetCount)(unsigned* count) = nullptr;                        // nvmlDeviceGetCount_v2
    int (*deviceGetHandleByIndex)(unsigned index, Device* device) = nullptr; // nvmlDeviceGetHandleByIndex_v2
    int (*deviceGetName)(Device device, char* name, unsigned length) = nullptr; // nvmlDeviceGetName
    int (*deviceGetMemoryInfo)(Device device, NvmlMemory* memory) = nullptr;    // nvmlDeviceGetMemoryInfo
    const char* (*errorString)(int result) = nullptr;                           // nvmlErrorString (optional)
};

// Lists the GPUs NVML reports (init, query, shutdown). An error when NVML is present but fails (e.g. a
// driver/library version mismatch), so the caller can say why no NVIDIA GPU is listed.
Result<std::vector<GpuDevice>> queryNvml(const NvmlApi& api);

// The driver's NVML, opened with dlopen/LoadLibrary; closes the library when destroyed.
class NvmlLibrary {
public:
    // nullptr when the library is not installed (no NVIDIA driver): not an error.
    static std::unique_ptr<NvmlLibrary> load();
    ~NvmlLibrary();
    NvmlLibrary(const NvmlLibrary&) = delete;
    NvmlLibrary& operator=(const NvmlLibrary&) = delete;

    const NvmlApi& api() const { return m_api; }

private:
    NvmlLibrary() = default;
    void* m_handle = nullptr;
    NvmlApi m_api;
};

} // namespace qf::hw
