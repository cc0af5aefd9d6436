#include "qf/io/output_policy.h"

#include <system_error>

#ifndef _WIN32
#include <sys/stat.h>
#endif

namespace qf::io {
namespace fs = std::filesystem;

std::optional<FileIdentity> fileIdentity(const fs::path& path) {
#ifndef _WIN32
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return std::nullopt;
    return FileIdentity{uint64_t(st.st_dev), uint64_t(st.st_ino)};
#else
    // No inode numbers through the C runtime: fall back to the canonical path's hash as the identity.
    std::error_code ec;
    if (!fs::exists(path, ec)) return std::nullopt;
    const auto canonical = fs::weakly_canonical(path, ec);
    return FileIdentity{0, uint64_t(std::hash<std::wstring>{}(canonical.wstring()))};
#endif
}

Status checkOutputAllowed(const fs::path& target, const OutputPolicy& policy) {
    const auto existing = fileIdentity(target);
    if (!existing) return {};
    for (const auto& input : policy.inputs)
        if (fileIdentity(input) == existing)
            return makeError("refusing to write {}: it is {}, which is being read; choose another output name",
                             target.string(),
                             input == target ? std::string("an input") : "the input " + input.string());
    if (!policy.overwrite)
        return makeError("{} already exists; pass --overwrite to replace it", target.string());
    return {};
}

} // namespace qf::io
