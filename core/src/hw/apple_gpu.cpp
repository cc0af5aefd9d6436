#include "qf/hw/apple_gpu.h"

#include <algorithm>
#include <string>

#if defined(__APPLE__)
#include <sys/sysctl.h>
#endif

namespace qf::hw {

uint64_t appleDefaultWorkingSet(uint64_t memsize) {
    // Observed recommendedMaxWorkingSetSize values: 2/3 of RAM up to 36 GB, 3/4 above.
    constexpr uint64_t kThreshold = 36ull << 30;
    return memsize <= kThreshold ? memsize / 3 * 2 : memsize / 4 * 3;
}

std::optional<GpuDevice> gpuFromApple(const AppleGpuValues& v) {
    if (!v.appleSilicon || v.memsize == 0) return std::nullopt;
    GpuDevice gpu;
    gpu.vendor = GpuVendor::Apple;
    gpu.source = GpuSource::AppleSysctl;
    gpu.name = (v.chipName.empty() ? std::string("Apple Silicon") : v.chipName) + " GPU";
    gpu.unifiedMemory = true;
    if (v.wiredLimitMb > 0) {
        gpu.sharedBytes = std::min(v.wiredLimitMb << 20, v.memsize);
        gpu.detail = "working-set limit from iogpu.wired_limit_mb = " + std::to_string(v.wiredLimitMb);
    } else {
        gpu.sharedBytes = appleDefaultWorkingSet(v.memsize);
        gpu.memoryEstimated = true;
        gpu.detail = "working-set limit: Metal's default for this RAM size (estimate; not read from Metal)";
    }
    return gpu;
}

Result<AppleGpuValues> readAppleGpuValues() {
#if defined(__APPLE__)
    AppleGpuValues v;
    size_t size = sizeof(v.memsize);
    if (sysctlbyname("hw.memsize", &v.memsize, &size, nullptr, 0) != 0)
        return makeError("sysctl hw.memsize failed");
    int arm64 = 0;
    size = sizeof(arm64);
    v.appleSilicon = sysctlbyname("hw.optional.arm64", &arm64, &size, nullptr, 0) == 0 && arm64 != 0;
    // An int on current macOS; absent before macOS 14 (then the default applies).
    int wired = 0;
    size = sizeof(wired);
    if (sysctlbyname("iogpu.wired_limit_mb", &wired, &size, nullptr, 0) == 0 && wired > 0)
        v.wiredLimitMb = uint64_t(wired);
    char brand[128] = {};
    size = sizeof(brand);
    if (sysctlbyname("machdep.cpu.brand_string", brand, &size, nullptr, 0) == 0) v.chipName = brand;
    return v;
#else
    return makeError("not a Mac");
#endif
}

} // namespace qf::hw
