#pragma once
// AMD GPUs on Linux through the amdgpu driver's sysfs files (/sys/class/drm/cardN/device/mem_info_*).
// APUs are recognised and described as sharing system RAM: their "VRAM" is a firmware carve-out and
// their GTT is ordinary RAM.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "qf/hw/gpu_device.h"

namespace qf::hw {

// What one card's sysfs folder says (numbers in bytes, as the files hold them).
struct AmdSysfsValues {
    std::string card;        // "card0"
    std::string pciSlot;     // PCI_SLOT_NAME from uevent, e.g. "0000:03:00.0"
    std::string deviceId;    // the PCI device id, e.g. "0x73bf"
    std::string productName; // product_name (only some boards have it)
    std::optional<uint64_t> vramTotal, vramUsed, gttTotal, gttUsed;
    // The driver creates mem_info_vram_vendor only when it knows the maker of the VRAM chips, which
    // it never does on an APU (there are none).
    bool hasVramVendor = false;
};

// The device these values describe; nullopt when they are not an amdgpu device with memory counters.
//
// APU test: no mem_info_vram_vendor, and a GTT at least twice the size of the "VRAM". An APU's VRAM is a
// carve-out of typically 0.5-4 GB while its GTT is half or more of RAM; a discrete card's VRAM is its
// real memory and the driver knows its vendor. A large carve-out (e.g. 64 GB set in firmware) may be
// taken for discrete VRAM, which is still right for sizing: the OS leaves a carve-out out of its RAM
// total, so it is not counted twice either way.
std::optional<GpuDevice> gpuFromAmdSysfs(const AmdSysfsValues& values);

// Reads every AMD card under `sysRoot`/class/drm ("/sys", or a recorded tree in tests).
std::vector<AmdSysfsValues> readAmdSysfs(const std::filesystem::path& sysRoot = "/sys");

} // namespace qf::hw
