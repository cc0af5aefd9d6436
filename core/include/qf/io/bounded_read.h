#pragma once
// Reading a whole file into memory, bounded: only regular files (not /dev/zero, a FIFO or a terminal,
// which never end), and at most `maxBytes`, so one argument cannot make the program read forever or
// allocate without limit.
#include <cstdint>
#include <filesystem>
#include <vector>

#include "qf/result.h"

namespace qf::io {

// 1 GiB: far more than any evaluation or calibration text (wiki.test.raw is 1.3 MB).
inline constexpr uint64_t kMaxTextBytes = uint64_t(1) << 30;

Result<std::vector<uint8_t>> readBoundedFile(const std::filesystem::path& path, uint64_t maxBytes = kMaxTextBytes);

} // namespace qf::io
