#pragma once
// One output-safety rule for every writer (commands, jobs, caches): an output never replaces a file the
// program is reading, and never replaces an existing file unless the caller asked for that. Files are
// identified by device + inode, so a hard link, a symlink or another spelling of an input's path is still
// that input.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <vector>

#include "qf/result.h"

namespace qf::io {

struct FileIdentity {
    uint64_t device = 0;
    uint64_t inode = 0;
    bool operator==(const FileIdentity&) const = default;
};

// The identity of the file `path` names (symlinks followed); nullopt when it does not exist.
std::optional<FileIdentity> fileIdentity(const std::filesystem::path& path);

struct OutputPolicy {
    // Replace a file already at the target. When false, the finished file is linked into place with an
    // operation that fails if the target exists, so two writers of one path cannot both "win".
    bool overwrite = true;
    // Files being read: an output that is one of them is refused, whatever `overwrite` says.
    std::vector<std::filesystem::path> inputs;
};

// The policy for a command's output: replacing needs an explicit --overwrite.
inline OutputPolicy commandOutput(bool overwrite, std::vector<std::filesystem::path> inputs) {
    return OutputPolicy{overwrite, std::move(inputs)};
}

// Checks `target` against the policy now (the commit checks again): an error names the input it would
// replace, or says that the file exists and how to replace it.
Status checkOutputAllowed(const std::filesystem::path& target, const OutputPolicy& policy);

} // namespace qf::io
