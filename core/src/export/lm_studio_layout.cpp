#include "qf/export/lm_studio_layout.h"

namespace qf::lmstudio {

std::string safeFolderName(std::string_view name, std::string_view fallback) {
    std::string out;
    for (char c : name) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                        c == '.' || c == '-' || c == '_';
        if (ok)
            out += c;
        else if (!out.empty() && out.back() != '-')
            out += '-';
    }
    while (!out.empty() && (out.back() == '-' || out.back() == '.'))
        out.pop_back();
    while (!out.empty() && out.front() == '.')
        out.erase(out.begin());
    if (out.empty()) return fallback.empty() ? std::string("model") : safeFolderName(fallback, {});
    return out;
}

std::string relativePath(const gguf::Metadata& metadata, std::string_view fileName,
                         std::string_view publisher) {
    std::string stem(fileName);
    if (const auto dot = stem.rfind('.'); dot != std::string::npos) stem.resize(dot);
    std::string model;
    const auto basename = metadata.getString("general.basename");
    const auto sizeLabel = metadata.getString("general.size_label");
    if (basename && !basename->empty())
        model = *basename + (sizeLabel && !sizeLabel->empty() ? "-" + *sizeLabel : std::string()) + "-GGUF";
    else if (const auto name = metadata.getString("general.name"); name && !name->empty())
        model = *name + "-GGUF";
    else
        model = stem;
    return safeFolderName(publisher, "quantforge") + "/" + safeFolderName(model, stem) + "/" +
           std::string(fileName);
}

std::vector<std::string> defaultModelsDirectories(std::string_view home) {
    const std::string h(home);
    return {h + "/.lmstudio/models", h + "/.cache/lm-studio/models"};
}

} // namespace qf::lmstudio
