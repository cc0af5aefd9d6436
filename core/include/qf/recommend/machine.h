#pragma once
// The machine a recommendation is for: this one as detected, or another one a person describes or picks
// from a profile ("16 GB RAM", "24 GB VRAM", "Apple M-series 32 GB"). Sizes are bytes; profiles use the
// sizes memory is sold in (8 GB of VRAM is 8 GiB).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "qf/hw/hardware.h"

namespace qf::recommend {

struct Machine {
    std::string label;          // "This machine", "24 GB VRAM + 64 GB RAM", ...
    uint64_t ramBytes = 0;      // system RAM (for unified memory: all of it)
    uint64_t gpuBytes = 0;      // discrete: VRAM of the GPUs used; unified: the GPU's working-set limit
    bool unifiedMemory = false; // the GPU's memory is the system RAM (Apple Silicon, APUs, iGPUs)
    std::string gpuName;        // empty: no GPU
    bool gpuEstimated = false;  // gpuBytes is a documented default, not a measured value
    std::optional<uint64_t> osReserveBytes;  // default: defaultOsReserve(ramBytes)
    std::optional<uint64_t> gpuReserveBytes; // default: defaultGpuReserve(*this)

    uint64_t osReserve() const;
    uint64_t gpuReserve() const;
    bool hasGpu() const { return gpuBytes > 0; }
};

// RAM kept for the OS and other programs: 4 GB up to 16 GiB of RAM, 6 GB above, at most half of RAM.
uint64_t defaultOsReserve(uint64_t ramBytes);
inline constexpr uint64_t kDiscreteGpuReserveBytes = 500ull * 1000 * 1000;
// GPU memory kept for the driver, the runtime's context and the desktop: 0.5 GB on a discrete GPU; none
// on unified memory (the OS reserve covers it). An estimate.
uint64_t defaultGpuReserve(const Machine& machine);

// This machine: all discrete GPUs' memory pooled (llama.cpp splits layers across them); without a
// discrete GPU, the unified-memory GPU with the largest budget; without any, CPU only.
Machine machineFromHardware(const hw::HardwareInfo& hardware);

struct MachineProfile {
    std::string id;    // for the CLI: "ram-16", "vram-24", "apple-32"
    std::string label; // for people: "16 GB RAM, CPU only"
    Machine machine;
};

// 8/16/32/64/128 GB RAM (CPU only); 8/12/16/24/48/80 GB VRAM (with `ramForGpuProfiles` of RAM, default
// 32 GB); Apple M-series 8-192 GB unified (working set: Metal's default, estimated).
std::vector<MachineProfile> machineProfiles(uint64_t ramForGpuProfiles = 32ull << 30);
const MachineProfile* findProfile(const std::vector<MachineProfile>& profiles, std::string_view id);

} // namespace qf::recommend
