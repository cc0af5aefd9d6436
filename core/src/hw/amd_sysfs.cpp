#include "qf/hw/amd_sysfs.h"

#include <algorithm>
#include <cctype>
#include <system_error>

#include "hw/text_file.h"

namespace qf::hw {
namespace {

// "card0".."card15", not connectors such as "card0-DP-1".
bool isCardName(const std::string& name) {
    return name.size() > 4 && name.compare(0, 4, "card") == 0 &&
           std::all_of(name.begin() + 4, name.end(), [](char c) { return std::isdigit(uint8_t(c)); });
}

std::string ueventField(const std::string& uevent, std::string_view key) {
    std::string found;
    detail::forEachLine(uevent, [&](std::string_view line) {
        if (line.size() > key.size() && line.substr(0, key.size()) == key && line[key.size()] == '=')
            found = std::string(detail::trim(line.substr(key.size() + 1)));
    });
    return found;
}

} // namespace

std::optional<GpuDevice> gpuFromAmdSysfs(const AmdSysfsValues& v) {
    if (!v.vramTotal) return std::nullopt;
    GpuDevice gpu;
    gpu.vendor = GpuVendor::Amd;
    gpu.source = GpuSource::AmdSysfs;
    gpu.name = !v.productName.empty()
                   ? v.productName
                   : "AMD GPU" + (v.deviceId.empty() ? std::string() : " [1002:" + v.deviceId + "]");
    gpu.detail = v.card + (v.pciSlot.empty() ? std::string() : " at " + v.pciSlot);
    const uint64_t gtt = v.gttTotal.value_or(0);
    const bool apu = !v.hasVramVendor && gtt >= 2 * *v.vramTotal;
    gpu.unifiedMemory = apu;
    gpu.dedicatedBytes = *v.vramTotal;
    if (v.vramUsed) gpu.dedicatedFreeBytes = *v.vramTotal - std::min(*v.vramUsed, *v.vramTotal);
    if (apu) {
        // The GTT is ordinary RAM the GPU maps; with the carve-out it is what an APU can hold.
        gpu.sharedBytes = gtt;
        gpu.detail += ", APU: " + std::to_string(*v.vramTotal >> 20) + " MiB carve-out + " +
                      std::to_string(gtt >> 20) + " MiB GTT (system RAM)";
    }
    return gpu;
}

std::vector<AmdSysfsValues> readAmdSysfs(const std::filesystem::path& sysRoot) {
    namespace fs = std::filesystem;
    std::vector<AmdSysfsValues> cards;
    std::error_code ec;
    const fs::path drm = sysRoot / "class" / "drm";
    for (fs::directory_iterator it(drm, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (!isCardName(name)) continue;
        const fs::path device = it->path() / "device";
        const auto vendor = detail::readTextFile(device / "vendor");
        if (!vendor || detail::trim(*vendor) != "0x1002") continue;
        AmdSysfsValues v;
        v.card = name;
        if (auto id = detail::readTextFile(device / "device")) {
            std::string_view text = detail::trim(*id);
            if (text.substr(0, 2) == "0x") text.remove_prefix(2);
            v.deviceId = std::string(text);
        }
        if (auto uevent = detail::readTextFile(device / "uevent"))
            v.pciSlot = ueventField(*uevent, "PCI_SLOT_NAME");
        if (auto product = detail::readTextFile(device / "product_name"))
            v.productName = std::string(detail::trim(*product));
        v.vramTotal = detail::readUnsignedFile(device / "mem_info_vram_total");
        v.vramUsed = detail::readUnsignedFile(device / "mem_info_vram_used");
        v.gttTotal = detail::readUnsignedFile(device / "mem_info_gtt_total");
        v.gttUsed = detail::readUnsignedFile(device / "mem_info_gtt_used");
        v.hasVramVendor = fs::exists(device / "mem_info_vram_vendor", ec);
        cards.push_back(std::move(v));
    }
    std::sort(cards.begin(), cards.end(), [](const AmdSysfsValues& a, const AmdSysfsValues& b) {
        return a.card.size() != b.card.size() ? a.card.size() < b.card.size() : a.card < b.card;
    });
    return cards;
}

} // namespace qf::hw
