#include "qf/io/data_location.h"

#include <cstdlib>
#include <system_error>

#include "qf/sha256.h"

#ifndef _WIN32
#include <unistd.h>
#endif

namespace qf::io {
namespace fs = std::filesystem;

fs::path userCacheFolder() {
#ifdef _WIN32
    if (const char* local = std::getenv("LOCALAPPDATA"); local && *local) return fs::path(local) / "Quantforge";
#else
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg == '/') return fs::path(xdg) / "quantforge";
    if (const char* home = std::getenv("HOME"); home && *home) return fs::path(home) / ".cache" / "quantforge";
#endif
    std::error_code ec;
    return fs::temp_directory_path(ec) / "quantforge-cache";
}

fs::path installedDataFolder() {
    std::error_code ec;
#ifdef _WIN32
    return {};
#else
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec) return {};
    return (exe.parent_path() / ".." / "share" / "quantforge").lexically_normal();
#endif
}

namespace {

bool isInside(const fs::path& path, const fs::path& folder) {
    if (folder.empty()) return false;
    const auto rel = path.lexically_relative(folder);
    return !rel.empty() && *rel.begin() != "..";
}

} // namespace

bool folderIsWritable(const fs::path& folder) {
#ifdef _WIN32
    std::error_code ec;
    const auto perms = fs::status(folder, ec).permissions();
    return !ec && (perms & fs::perms::owner_write) != fs::perms::none;
#else
    return ::access((folder.empty() ? fs::path(".") : folder).c_str(), W_OK | X_OK) == 0;
#endif
}

fs::path derivedFilePath(const fs::path& model, const std::string& name, const std::string& kind) {
    const fs::path folder = model.has_parent_path() ? model.parent_path() : fs::path(".");
    std::error_code ec;
    const fs::path absoluteFolder = fs::weakly_canonical(fs::absolute(folder, ec), ec);
    const bool installed = isInside(absoluteFolder, fs::weakly_canonical(installedDataFolder(), ec));
    if (!installed && (!fs::is_directory(folder, ec) || folderIsWritable(folder)))
        return model.has_parent_path() ? folder / name : fs::path(name);
    const std::string absolute = absoluteFolder.string();
    Sha256 sha;
    sha.update(absolute.data(), absolute.size());
    const fs::path target = userCacheFolder() / kind / Sha256::toHex(sha.finish()).substr(0, 16);
    fs::create_directories(target, ec);
    return target / name;
}

} // namespace qf::io
