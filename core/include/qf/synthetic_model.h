#pragma once
// Makes llama-shaped F16 GGUF models with random heavy-tailed weights, so that anyone can rerun the
// benchmarks at realistic sizes (e.g. the 1.1B shape the performance anchors use). Deterministic: the same
// parameters give the same bytes for any thread count.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <stop_token>
#include <string>

#include "qf/ggml_type.h"
#include "qf/job.h"
#include "qf/result.h"

namespace qf {

struct SyntheticLlamaParams {
    std::string name = "synthetic-llama";
    uint64_t embedding = 2048;
    uint64_t layers = 22;
    uint64_t feedForward = 5632;
    uint64_t heads = 32;
    uint64_t headsKv = 4;
    uint64_t vocabulary = 32000;
    uint64_t context = 2048;
    bool tiedEmbeddings = false;
    GgmlType weightType = GgmlType::F16; // F16, BF16 or F32
    uint64_t seed = 1;
    unsigned threads = 0;
    // Copy the vocabulary (tokenizer.* keys) from this GGUF when its size matches; otherwise a
    // placeholder byte-level vocabulary is written.
    std::optional<std::filesystem::path> tokenizerFrom;
    bool overwrite = false; // replace an existing file at the output (never the tokenizer source)

    // The TinyLlama-1.1B shape used by the performance anchors.
    static SyntheticLlamaParams tinyLlama1B() { return {}; }
    uint64_t parameterCount() const;
};

Status writeSyntheticLlama(const SyntheticLlamaParams& params, const std::filesystem::path& output,
                           const ProgressFn& progress = {}, std::stop_token stop = {});

} // namespace qf
