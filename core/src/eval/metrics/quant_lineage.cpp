#include "qf/eval/quant_lineage.h"

#include <algorithm>
#include <system_error>

namespace qf::eval {

namespace {

bool hasQuantizerMarks(const gguf::Metadata& metadata) {
    if (metadata.find("general.quantization_version")) return true;
    return std::any_of(metadata.entries().begin(), metadata.entries().end(),
                       [](const gguf::MetadataEntry& e) { return e.key.starts_with("quantforge."); });
}

} // namespace

bool isQuantOf(const ModelHeader& candidate, const ModelHeader& source) {
    if (&candidate.tensors == &source.tensors) return false;
    const auto arch = source.metadata.getString("general.architecture");
    if (!arch || candidate.metadata.getString("general.architecture") != arch) return false;
    if (!hasQuantizerMarks(candidate.metadata)) return false;
    if (candidate.tensors.size() != source.tensors.size() || source.tensors.empty()) return false;
    // The writer may order the tensors differently (llama-quantize keeps the source's order, other tools
    // do not): compare them by name.
    auto byName = [](const std::vector<gguf::TensorInfo>& tensors) {
        std::vector<const gguf::TensorInfo*> sorted;
        for (const gguf::TensorInfo& t : tensors)
            sorted.push_back(&t);
        std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->name < b->name; });
        return sorted;
    };
    const auto a = byName(candidate.tensors);
    const auto b = byName(source.tensors);
    bool sameTypes = true;
    for (size_t i = 0; i < a.size(); ++i) {
        if (a[i]->name != b[i]->name || a[i]->shape != b[i]->shape) return false;
        sameTypes = sameTypes && a[i]->type == b[i]->type;
    }
    return !sameTypes; // the same tensors in the same types are a copy, not a quant
}

std::vector<std::filesystem::path> findQuantsIn(const std::filesystem::path& folder, const ModelHeader& source,
                                                const std::filesystem::path& exclude, size_t maxFiles) {
    std::vector<std::filesystem::path> candidates;
    std::error_code ec;
    for (std::filesystem::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        const std::filesystem::path& path = it->path();
        if (path.extension() != ".gguf" || !it->is_regular_file(ec)) continue;
        if (std::filesystem::equivalent(path, exclude, ec)) continue;
        candidates.push_back(path);
    }
    std::sort(candidates.begin(), candidates.end());
    if (candidates.size() > maxFiles) candidates.resize(maxFiles);
    std::vector<std::filesystem::path> quants;
    for (const std::filesystem::path& path : candidates) {
        auto file = gguf::GgufFile::open(path); // headers only: the data is mapped, not read
        if (!file) continue;
        if (isQuantOf({file->metadata(), file->tensors()}, source)) quants.push_back(path);
    }
    return quants;
}

} // namespace qf::eval
