#include "cli/hardware_text.h"

#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "cli/cli_args.h"

namespace qf::cli {

std::string describeMachine(const recommend::Machine& m) {
    std::string text =
        fmt::format("RAM {} ({} kept for the OS)", humanBytes(m.ramBytes), humanBytes(m.osReserve()));
    if (!m.hasGpu()) return text + ", no GPU: CPU only";
    if (m.unifiedMemory)
        return text + fmt::format(", GPU {} sharing it (unified memory, working-set limit {}{})",
                                  m.gpuName.empty() ? "" : m.gpuName, humanBytes(m.gpuBytes),
                                  m.gpuEstimated ? ", estimated" : "");
    return text + fmt::format(", GPU {}: {} ({} reserve)", m.gpuName, humanBytes(m.gpuBytes),
                              humanBytes(m.gpuReserve()));
}

void writeMachineJson(JsonWriter& j, const recommend::Machine& m) {
    j.beginObject();
    j.field("label", m.label).field("ram_bytes", m.ramBytes).field("os_reserve_bytes", m.osReserve());
    j.field("gpu_name", m.gpuName).field("gpu_bytes", m.gpuBytes).field("gpu_reserve_bytes", m.gpuReserve());
    j.field("unified_memory", m.unifiedMemory).field("gpu_bytes_estimated", m.gpuEstimated);
    j.endObject();
}

void writeHardwareJson(JsonWriter& j, const hw::HardwareInfo& h) {
    j.beginObject();
    j.key("cpu").beginObject();
    j.field("name", h.cpu.modelName).field("physical_cores", uint64_t(h.cpu.physicalCores));
    j.field("logical_cores", uint64_t(h.cpu.logicalCores));
    j.key("features").beginArray();
    const std::string features = h.cpu.features.describe();
    for (size_t start = 0; start < features.size();) {
        const size_t end = std::min(features.find(' ', start), features.size());
        j.value(std::string_view(features).substr(start, end - start));
        start = end + 1;
    }
    j.endArray();
    j.field("avx2_kernels", h.cpu.features.hasAvx2Kernels())
        .field("avx512_kernels", h.cpu.features.hasAvx512Kernels());
    j.endObject();
    j.key("memory").beginObject();
    j.field("total_bytes", h.memory.totalBytes).field("available_bytes", h.memory.availableBytes);
    j.field("source", h.memory.source).endObject();
    j.key("gpus").beginArray();
    for (const auto& g : h.gpus) {
        j.beginObject().field("name", g.name).field("vendor", hw::gpuVendorName(g.vendor));
        j.field("source", hw::gpuSourceName(g.source)).field("unified_memory", g.unifiedMemory);
        j.field("dedicated_bytes", g.dedicatedBytes).key("dedicated_free_bytes");
        g.dedicatedFreeBytes ? j.value(*g.dedicatedFreeBytes) : j.null();
        j.field("shared_bytes", g.sharedBytes).field("usable_bytes", g.usableBytes());
        j.field("memory_known", g.memoryKnown).field("memory_estimated", g.memoryEstimated);
        j.field("detail", g.detail).endObject();
    }
    j.endArray();
    j.key("notes").beginArray();
    for (const auto& n : h.notes)
        j.value(n);
    j.endArray();
    j.endObject();
}

std::optional<uint64_t> parseGigabytes(const std::string& text) {
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || !(value >= 0) || value > 1e6)
        return std::nullopt;
    return uint64_t(std::llround(value * 1e9));
}

} // namespace qf::cli
