#include "qf/format_size.h"

#include <fmt/format.h>

namespace qf {

std::string formatSize(uint64_t bytes) {
    constexpr double kMB = 1000.0 * 1000.0;
    if (bytes >= 1000ull * 1000 * 1000) return fmt::format("{:.1f} GB", double(bytes) / (kMB * 1000.0));
    if (bytes >= 1000ull * 1000) return fmt::format("{:.1f} MB", double(bytes) / kMB);
    if (bytes >= 1000) return fmt::format("{:.1f} kB", double(bytes) / 1000.0);
    return fmt::format("{} B", bytes);
}

} // namespace qf
