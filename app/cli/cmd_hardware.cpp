// quantforge-cli hardware: what this machine has for running models, and what the recommender uses.
#include <cstdio>

#include <fmt/format.h>

#include "cli/cli_args.h"
#include "cli/commands.h"
#include "cli/hardware_text.h"
#include "qf/hw/hardware.h"
#include "qf/json_writer.h"
#include "qf/recommend/machine.h"

namespace qf::cli {
namespace {

constexpr const char* kUsage =
    "usage: quantforge-cli hardware [--json]\n"
    "  Detects RAM, the CPU (cores, SIMD features) and GPUs with their memory (NVML, amdgpu sysfs, DXGI,\n"
    "  Apple sysctl, Vulkan), and shows the machine the recommender plans for.\n"
    "  --json  machine-readable output\n";

void printGpu(const hw::GpuDevice& g) {
    std::string memory;
    if (!g.memoryKnown)
        memory = "memory not reported";
    else if (g.unifiedMemory)
        memory = fmt::format("unified memory, up to {}{}", humanBytes(g.usableBytes()),
                             g.memoryEstimated ? " (estimate)" : "");
    else
        memory = fmt::format(
            "{} VRAM{}", humanBytes(g.dedicatedBytes),
            g.dedicatedFreeBytes ? fmt::format(", {} free", humanBytes(*g.dedicatedFreeBytes)) : "");
    fmt::print("  {:<14}{}: {} [{}{}]\n", "", g.name, memory, hw::gpuSourceName(g.source),
               g.detail.empty() ? "" : "; " + g.detail);
}

} // namespace

int runHardware(const std::vector<std::string>& argv) {
    auto args = Args::parse(argv, {.flags = {"--json", "--help"}});
    if (!args || args->has("--help") || !args->positional().empty()) {
        if (!args) fmt::print(stderr, "quantforge-cli hardware: {}\n", args.error().message);
        fmt::print(stderr, "{}", kUsage);
        return args && args->has("--help") ? 0 : 2;
    }
    const hw::HardwareInfo hardware = hw::detectHardware();
    const recommend::Machine machine = recommend::machineFromHardware(hardware);
    if (args->has("--json")) {
        JsonWriter j;
        j.beginObject().key("hardware");
        writeHardwareJson(j, hardware);
        j.key("machine");
        writeMachineJson(j, machine);
        fmt::print("{}\n", j.endObject().str());
        return 0;
    }
    const auto& cpu = hardware.cpu;
    fmt::print("  {:<14}{}\n", "CPU", cpu.modelName.empty() ? "unknown" : cpu.modelName);
    fmt::print("  {:<14}{} physical, {} logical\n", "cores",
               cpu.physicalCores ? fmt::format("{}", cpu.physicalCores) : std::string("?"), cpu.logicalCores);
    fmt::print("  {:<14}{}{}\n", "SIMD", cpu.features.describe(),
               cpu.features.hasAvx512Kernels() ? " (AVX-512 kernels)"
               : cpu.features.hasAvx2Kernels() ? " (AVX2 kernels)"
                                               : "");
    fmt::print("  {:<14}{} total, {} available ({})\n", "RAM", humanBytes(hardware.memory.totalBytes),
               humanBytes(hardware.memory.availableBytes), hardware.memory.source);
    if (hardware.gpus.empty())
        fmt::print("  {:<14}none found\n", "GPUs");
    else
        fmt::print("  {:<14}{}\n", "GPUs", hardware.gpus.size());
    for (const auto& g : hardware.gpus)
        printGpu(g);
    for (size_t i = 0; i < hardware.notes.size(); ++i)
        fmt::print("  {:<14}{}\n", i == 0 ? "notes" : "", hardware.notes[i]);
    fmt::print("\n  {:<14}{}\n", "plans for", describeMachine(machine));
    return 0;
}

} // namespace qf::cli
