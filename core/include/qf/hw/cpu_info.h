#pragma once
// The CPU: its name, physical and logical cores, and the SIMD features the quantization kernels and the
// inference back ends care about (from qf/cpu_features.h, which also checks that the OS saves the wide
// registers).
#include <filesystem>
#include <string>
#include <string_view>

#include "qf/cpu_features.h"

namespace qf::hw {

struct CpuInfo {
    std::string modelName;      // "AMD Ryzen 9 7950X 16-Core Processor"; empty when unknown
    unsigned physicalCores = 0; // 0 when unknown
    unsigned logicalCores = 0;
    CpuFeatures features; // of the CPU running this process
};

// Linux /proc/cpuinfo: the name ("model name", else "Hardware"/"Model" on ARM), logical processors, and
// physical cores as distinct (physical id, core id) pairs when the kernel lists them (0 otherwise).
CpuInfo parseProcCpuinfo(std::string_view text);

// This machine. `procRoot` is where /proc is (Linux only).
CpuInfo detectCpu(const std::filesystem::path& procRoot = "/proc");

} // namespace qf::hw
