#pragma once
// Where files derived from a model (results sidecars, caches) are kept: beside the model when its folder
// is writable, as people expect; otherwise (an installed sample under /usr/share, a read-only share) in
// the user's cache folder, so that nothing is ever written into an installation.
#include <filesystem>
#include <string>

namespace qf::io {

// $XDG_CACHE_HOME/quantforge, else ~/.cache/quantforge (%LOCALAPPDATA%\Quantforge on Windows). Not created.
std::filesystem::path userCacheFolder();

// <program folder>/../share/quantforge: where the bundled sample and texts are installed (the build tree
// mirrors it). Files under it are never written beside, even when the user could (root, a dev build).
std::filesystem::path installedDataFolder();

// True when this process may create files in `folder`.
bool folderIsWritable(const std::filesystem::path& folder);

// `<folder of model>/<name>` when that folder is writable (or does not exist) and not part of the
// installation, else
// `<userCacheFolder>/<kind>/<digest of the model's absolute folder>/<name>` (the folder is created), so
// two read-only models of one name in different folders never share a file.
std::filesystem::path derivedFilePath(const std::filesystem::path& model, const std::string& name,
                                      const std::string& kind);

} // namespace qf::io
