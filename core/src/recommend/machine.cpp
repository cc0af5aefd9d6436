#include "qf/recommend/machine.h"

#include <algorithm>

#include "qf/hw/apple_gpu.h"

namespace qf::recommend {
namespace {

constexpr uint64_t kGB = 1000ull * 1000 * 1000;
constexpr uint64_t kGiB = 1ull << 30;

} // namespace

uint64_t defaultOsReserve(uint64_t ramBytes) {
    const uint64_t reserve = ramBytes <= 16 * kGiB ? 4 * kGB : 6 * kGB;
    return std::min(reserve, ramBytes / 2);
}

uint64_t defaultGpuReserve(const Machine& machine) {
    if (!machine.hasGpu() || machine.unifiedMemory) return 0;
    return kDiscreteGpuReserveBytes;
}

uint64_t Machine::osReserve() const {
    return osReserveBytes.value_or(defaultOsReserve(ramBytes));
}

uint64_t Machine::gpuReserve() const {
    return gpuReserveBytes.value_or(defaultGpuReserve(*this));
}

Machine machineFromHardware(const hw::HardwareInfo& hardware) {
    Machine m;
    m.label = "This machine";
    m.ramBytes = hardware.memory.totalBytes;
    std::vector<const hw::GpuDevice*> discrete;
    const hw::GpuDevice* unified = nullptr;
    for (const auto& gpu : hardware.gpus) {
        if (!gpu.memoryKnown) continue;
        if (gpu.unifiedMemory) {
            if (!unified || gpu.usableBytes() > unified->usableBytes()) unified = &gpu;
        } else if (gpu.dedicatedBytes > 0) {
            discrete.push_back(&gpu);
        }
    }
    if (!discrete.empty()) {
        for (const auto* gpu : discrete) {
            m.gpuBytes += gpu->dedicatedBytes;
            m.gpuName += (m.gpuName.empty() ? "" : " + ") + gpu->name;
            m.gpuEstimated = m.gpuEstimated || gpu->memoryEstimated;
        }
    } else if (unified) {
        m.unifiedMemory = true;
        // A carve-out is missing from the OS's RAM total but is part of the same memory.
        m.ramBytes += unified->dedicatedBytes;
        m.gpuBytes = std::min(unified->usableBytes(), m.ramBytes);
        m.gpuName = unified->name;
        m.gpuEstimated = unified->memoryEstimated;
    }
    return m;
}

std::vector<MachineProfile> machineProfiles(uint64_t ramForGpuProfiles) {
    std::vector<MachineProfile> profiles;
    for (uint64_t gb : {8, 16, 32, 64, 128}) {
        Machine m;
        m.label = std::to_string(gb) + " GB RAM, CPU only";
        m.ramBytes = gb * kGiB;
        profiles.push_back({"ram-" + std::to_string(gb), m.label, m});
    }
    const uint64_t ramGb = ramForGpuProfiles / kGiB;
    for (uint64_t gb : {8, 12, 16, 24, 48, 80}) {
        Machine m;
        m.label = std::to_string(gb) + " GB VRAM + " + std::to_string(ramGb) + " GB RAM";
        m.ramBytes = ramForGpuProfiles;
        m.gpuBytes = gb * kGiB;
        m.gpuName = std::to_string(gb) + " GB GPU";
        profiles.push_back({"vram-" + std::to_string(gb), m.label, m});
    }
    for (uint64_t gb : {8, 16, 24, 32, 36, 48, 64, 96, 128, 192}) {
        Machine m;
        m.label = "Apple M-series, " + std::to_string(gb) + " GB unified memory";
        m.ramBytes = gb * kGiB;
        m.unifiedMemory = true;
        m.gpuBytes = hw::appleDefaultWorkingSet(m.ramBytes);
        m.gpuEstimated = true;
        m.gpuName = "Apple M-series GPU";
        profiles.push_back({"apple-" + std::to_string(gb), m.label, m});
    }
    return profiles;
}

const MachineProfile* findProfile(const std::vector<MachineProfile>& profiles, std::string_view id) {
    for (const auto& p : profiles)
        if (p.id == id) return &p;
    return nullptr;
}

} // namespace qf::recommend
