#include "qf/export/ollama_export.h"

#include <cstdint>
#include <span>

#include "qf/io/atomic_file.h"

namespace qf::ollama {
namespace fs = std::filesystem;

fs::path defaultModelfilePath(const fs::path& model) {
    fs::path out = model;
    out.replace_extension(".Modelfile");
    return out;
}

std::string fromPathFor(const fs::path& modelfile, const fs::path& model) {
    std::error_code ec;
    const fs::path modelAbsolute = fs::absolute(model, ec).lexically_normal();
    const fs::path modelfileAbsolute = fs::absolute(modelfile, ec).lexically_normal();
    if (modelfileAbsolute.parent_path() == modelAbsolute.parent_path())
        return "./" + modelAbsolute.filename().string();
    return modelAbsolute.string();
}

std::string defaultModelName(std::string_view fileName) {
    std::string stem(fileName);
    if (const auto dot = stem.rfind('.'); dot != std::string::npos && dot > 0) stem.resize(dot);
    std::string name;
    for (char c : stem) {
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
        if (ok)
            name += c;
        else if (!name.empty() && name.back() != '-')
            name += '-';
    }
    // Ollama wants a name to start and end with a letter or digit.
    while (!name.empty() && (name.back() == '-' || name.back() == '.' || name.back() == '_'))
        name.pop_back();
    while (!name.empty() && (name.front() == '-' || name.front() == '.' || name.front() == '_'))
        name.erase(name.begin());
    return name.empty() ? std::string("model") : name;
}

Status writeModelfile(const fs::path& path, std::string_view text, const io::OutputPolicy& policy) {
    auto created = io::AtomicFile::create(path, text.size(), policy);
    if (!created) return created.error();
    io::AtomicFile file = std::move(created).value();
    QF_TRY(file.write(std::span(reinterpret_cast<const uint8_t*>(text.data()), text.size())));
    return file.commit();
}

} // namespace qf::ollama
