#pragma once
// Apple Silicon: the GPU shares all of RAM, but Metal lets it keep only part of it resident (the
// "working set"). Metal reports that limit as MTLDevice.recommendedMaxWorkingSetSize; we do not link
// Metal (core stays plain C++), so the limit comes from sysctl instead:
//   - iogpu.wired_limit_mb (macOS 14+) when a person raised or lowered it (non-zero);
//   - otherwise the default Metal applies, which is documented by its observed values: two thirds of RAM
//     up to 36 GB, three quarters above (e.g. 10.7 GB of 16 GB, 48 GB of 64 GB). Marked as an estimate.
#include <cstdint>
#include <optional>
#include <string>

#include "qf/hw/gpu_device.h"
#include "qf/result.h"

namespace qf::hw {

struct AppleGpuValues {
    uint64_t memsize = 0;      // sysctl hw.memsize
    uint64_t wiredLimitMb = 0; // sysctl iogpu.wired_limit_mb; 0 means "the default"
    std::string chipName;      // sysctl machdep.cpu.brand_string, e.g. "Apple M2 Pro"
    bool appleSilicon = false; // sysctl hw.optional.arm64
};

// The default GPU working-set limit for `memsize` bytes of unified memory (see above).
uint64_t appleDefaultWorkingSet(uint64_t memsize);

// nullopt on Intel Macs (their GPUs are found through other means).
std::optional<GpuDevice> gpuFromApple(const AppleGpuValues& values);

// This Mac's values; an error elsewhere.
Result<AppleGpuValues> readAppleGpuValues();

} // namespace qf::hw
