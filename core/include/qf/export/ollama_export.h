#pragma once
// The file side of exporting to Ollama, shared by the app and the CLI: where a Modelfile goes, how it
// names the model file, the default model name, and writing it.
#include <filesystem>
#include <string>
#include <string_view>

#include "qf/io/output_policy.h"
#include "qf/result.h"

namespace qf::ollama {

// "<folder>/<stem>.Modelfile" beside the model, so several quants in one folder get one each.
std::filesystem::path defaultModelfilePath(const std::filesystem::path& model);

// What FROM says: "./<file>" when the Modelfile sits beside the model (the pair can then be moved
// together), else the model's absolute path.
std::string fromPathFor(const std::filesystem::path& modelfile, const std::filesystem::path& model);

// A name `ollama create` accepts, from the model's file name: the stem in lower case, with anything but
// letters, digits, '.', '-' and '_' turned into '-'. Never empty.
std::string defaultModelName(std::string_view fileName);

// Writes the Modelfile through a temporary file renamed into place.
// `policy`: whether an existing file may be replaced and which files (the model) never may.
Status writeModelfile(const std::filesystem::path& path, std::string_view text, const io::OutputPolicy& policy = {});

} // namespace qf::ollama
