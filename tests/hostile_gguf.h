#pragma once
// Generators of hostile GGUF models for the tests: a small synthetic llama written in the test, then
// rewritten with one metadata value changed, or with its bytes flipped or cut.
#include <filesystem>
#include <functional>
#include <vector>

#include "qf/gguf/gguf_file.h"
#include "qf/gguf/gguf_writer.h"
#include "qf/synthetic_model.h"

namespace qf::test {

inline Status writeSmallLlama(const std::filesystem::path& path, uint64_t layers = 2) {
    SyntheticLlamaParams p;
    p.embedding = 64;
    p.layers = layers;
    p.feedForward = 128;
    p.heads = 2;
    p.headsKv = 1;
    p.vocabulary = 300;
    p.context = 128;
    p.overwrite = true;
    return writeSyntheticLlama(p, path);
}

// `source` rewritten with its metadata changed by `mutate` (tensors copied as they are).
inline Status rewriteGguf(const std::filesystem::path& source, const std::filesystem::path& out,
                          const std::function<void(gguf::Metadata&)>& mutate) {
    auto file = gguf::GgufFile::open(source);
    if (!file) return file.error();
    gguf::WriteParams params;
    params.output = out;
    params.metadata = file->metadata();
    mutate(params.metadata);
    for (const auto& t : file->tensors()) params.tensors.push_back({t.name, t.shape, t.type});
    return gguf::writeGguf(params, [&](size_t index, std::span<uint8_t> bytes) -> Status {
        const auto data = file->tensorData(file->tensors()[index]);
        std::copy(data.begin(), data.end(), bytes.begin());
        return {};
    });
}

} // namespace qf::test
