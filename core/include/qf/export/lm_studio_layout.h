#pragma once
// LM Studio finds models as <models dir>/<publisher>/<model>/<file>.gguf. These name the folders for a
// produced quant so that it appears there under a sensible name.
#include <string>
#include <string_view>
#include <vector>

#include "qf/gguf/value.h"

namespace qf::lmstudio {

// A folder name made of letters, digits, '.', '-' and '_' (anything else becomes '-'); never empty,
// never "." or "..".
std::string safeFolderName(std::string_view name, std::string_view fallback);

// "<publisher>/<model>/<fileName>": the model folder from general.basename and general.size_label (as in
// "qf-books-22M-GGUF"), else general.name, else the file name's stem.
std::string relativePath(const gguf::Metadata& metadata, std::string_view fileName,
                         std::string_view publisher = "quantforge");

// Where LM Studio keeps models, newest layout first: ~/.lmstudio/models, ~/.cache/lm-studio/models.
std::vector<std::string> defaultModelsDirectories(std::string_view home);

} // namespace qf::lmstudio
