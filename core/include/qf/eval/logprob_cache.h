#pragma once
// The base model's side of a KL-divergence run, computed once and cached next to the base model.
//
// What is stored, and why: llama-perplexity stores every scored position's full log-probability row
// (n_vocab uint16 values: 2.4 GB for the shared 22M model on books-eval at -c 256; 37 GB for a 128k
// vocabulary on wikitext-2). A truncated top-k cannot reproduce its KL divergence (the sum runs over every
// token whose base log-probability is above -16: about 14,000 of 32,000 per row here). We store instead the
// base model's final hidden state of each scored position (after the output norm, n_embd F32 values) and
// recompute the base logits at KL time with the base model's own output matrix. That is the exact input
// of the base log-softmax, 1/60 of the size for this model (1/8 for a 2048-wide, 32k-vocabulary model), at
// the price of one output projection per scored token and of needing the base model file at KL time.
//
// File layout (little-endian): a 128-byte header (see BaseCacheHeader; magic "QFKLBASE", version 1),
// then one record per chunk: a u64 byte count followed by that many bytes of one zstd frame holding
// scoredPerChunk x embedding F32 values, row after row.
#include <array>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "qf/eval/llama_model.h"
#include "qf/io/atomic_file.h"
#include "qf/result.h"

namespace qf::eval {

using Digest = std::array<uint8_t, 32>;

struct BaseCacheHeader {
    uint32_t context = 0;
    uint32_t chunks = 0;
    uint32_t scoredPerChunk = 0;
    uint32_t embedding = 0;
    uint32_t vocabulary = 0;
    uint64_t textTokens = 0;
    Digest textDigest{};  // SHA-256 of the evaluated text
    Digest modelDigest{}; // baseModelDigest() of the model that produced it
    uint32_t flags = 0;   // kLlamaCppRounding when the base ran with SessionOptions::llamaCppRounding

    static constexpr uint32_t kLlamaCppRounding = 1;
    static constexpr uint32_t kFlashAttention = 2; // SessionOptions::flashAttention

    // Same text, context, model and flags, and at least `chunks` chunks stored.
    bool covers(const BaseCacheHeader& wanted) const;
};

// Identifies a model by content for its caches (KL base outputs, importance matrices): SHA-256 over the
// file size, every tensor's name, type and shape, three 4 KiB samples (start, middle, end) of every
// tensor's bytes, and all bytes of the output norm and output matrix (the weights the KL run reuses).
// Reads a few MB, not the whole model, yet tells apart fine-tunes that share the tensor table and even
// the output layer (e.g. a merged LoRA), and does not change when a file is only copied or touched.
Digest baseModelDigest(const LlamaModel& model);
Digest textDigest(std::string_view text);

// "<model>.kld-c<context>-<first 12 hex digits of the text digest>.qfkl" beside the model, or in
// `folder` when one is given.
std::filesystem::path baseCachePath(const std::filesystem::path& baseModel, uint32_t context,
                                    const Digest& text, const std::filesystem::path& folder = {});

class BaseCacheWriter {
public:
    static Result<BaseCacheWriter> create(const std::filesystem::path& path, const BaseCacheHeader& header);
    Status appendChunk(std::span<const float> hidden); // scoredPerChunk x embedding values
    Status commit();                                   // renames into place once every chunk is written

private:
    explicit BaseCacheWriter(io::AtomicFile file, BaseCacheHeader header)
        : m_file(std::move(file)), m_header(header) {}
    io::AtomicFile m_file;
    BaseCacheHeader m_header;
    uint32_t m_written = 0;
};

class BaseCacheReader {
public:
    static Result<BaseCacheReader> open(const std::filesystem::path& path);
    // Only the header; nullopt when the file is missing or unreadable.
    static std::optional<BaseCacheHeader> peek(const std::filesystem::path& path);

    const BaseCacheHeader& header() const { return m_header; }
    // Reads the next chunk's hidden states (scoredPerChunk x embedding values).
    Status readChunk(std::vector<float>& hidden);

private:
    struct FileCloser {
        void operator()(std::FILE* f) const { std::fclose(f); }
    };
    BaseCacheReader() = default;

    std::unique_ptr<std::FILE, FileCloser> m_file;
    std::filesystem::path m_path;
    BaseCacheHeader m_header;
    uint64_t m_remaining = 0;
    uint32_t m_read = 0;
    std::vector<uint8_t> m_compressed;
};

} // namespace qf::eval
