#pragma once
// What `hardware` and `recommend` both print about a machine, in text and JSON.
#include <cstdint>
#include <optional>
#include <string>

#include "qf/hw/hardware.h"
#include "qf/json_writer.h"
#include "qf/recommend/machine.h"

namespace qf::cli {

// "RAM 24.7 GB (6.0 GB kept for the OS), no GPU" / "... GPU: NVIDIA RTX 4090, 25.8 GB (0.5 GB reserve)".
std::string describeMachine(const recommend::Machine& machine);
void writeMachineJson(JsonWriter& j, const recommend::Machine& machine);
void writeHardwareJson(JsonWriter& j, const hw::HardwareInfo& hardware);

// "16" or "16.5" (decimal GB) -> bytes; nullopt for anything else.
std::optional<uint64_t> parseGigabytes(const std::string& text);

} // namespace qf::cli
