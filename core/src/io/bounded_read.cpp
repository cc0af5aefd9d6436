#include "qf/io/bounded_read.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <system_error>

namespace qf::io {
namespace fs = std::filesystem;

Result<std::vector<uint8_t>> readBoundedFile(const fs::path& path, uint64_t maxBytes) {
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) return makeError("cannot read {}: the file does not exist", path.string());
    if (!fs::is_regular_file(status))
        return makeError("cannot read {}: not a regular file (a device, pipe or folder); give a text file",
                         path.string());
#ifdef _WIN32
    std::FILE* f = _wfopen(path.c_str(), L"rb");
#else
    std::FILE* f = std::fopen(path.c_str(), "rb");
#endif
    if (!f) return makeError("cannot open {}: {}", path.string(), std::strerror(errno));
    std::vector<uint8_t> bytes;
    const uint64_t size = fs::file_size(path, ec);
    if (!ec && size > maxBytes) {
        std::fclose(f);
        return makeError("{} is {} bytes; texts up to {} bytes are read", path.string(), size, maxBytes);
    }
    // The size can change while reading (a growing log): never read past the bound either way.
    bytes.reserve(size_t(ec ? 0 : size));
    uint8_t buffer[1 << 16];
    for (;;) {
        const size_t n = std::fread(buffer, 1, sizeof buffer, f);
        bytes.insert(bytes.end(), buffer, buffer + n);
        if (bytes.size() > maxBytes) {
            std::fclose(f);
            return makeError("{} grew past {} bytes while being read", path.string(), maxBytes);
        }
        if (n < sizeof buffer) break;
    }
    const bool failed = std::ferror(f) != 0;
    std::fclose(f);
    if (failed) return makeError("cannot read {}", path.string());
    return bytes;
}

} // namespace qf::io
