#pragma once
// A byte count as people read it in messages and on the pages: "1.2 GB", "350.0 MB", "12.5 kB", "512 B"
// (decimal units, as disk vendors and file managers show them).
#include <cstdint>
#include <string>

namespace qf {

std::string formatSize(uint64_t bytes);

} // namespace qf
