#pragma once
// The file `llama-perplexity --kl-divergence-base FILE` writes, read so that a model can be measured
// against base logits saved with llama.cpp (tools/perplexity/perplexity.cpp):
//   "_logits_", u32 n_ctx, i32 n_vocab, i32 n_chunk, i32 tokens[n_ctx * n_chunk] (the text, before the
//   first token of each chunk becomes BOS), then per chunk n_ctx - 1 - n_ctx/2 rows of nv = 2*((n_vocab+1)/2)
//   + 4 uint16: two floats (scale, min_log_prob), then the log-probability of every token as
//   min_log_prob + scale * q.
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <span>
#include <stop_token>
#include <vector>

#include "qf/eval/kld.h"
#include "qf/eval/llama_model.h"
#include "qf/job.h"
#include "qf/result.h"

namespace qf::eval {

class LlamaLogitsFile {
public:
    // Checks the magic, the counts against the file's size, and the token ids against the vocabulary.
    static Result<LlamaLogitsFile> open(const std::filesystem::path& path);

    uint32_t context() const { return m_context; }
    uint32_t vocabulary() const { return m_vocabulary; }
    int chunks() const { return m_chunks; }
    const std::vector<Token>& tokens() const { return m_tokens; }
    uint32_t rowValues() const { return 2 * ((m_vocabulary + 1) / 2) + 4; } // uint16 per row
    uint32_t rowsPerChunk() const { return m_context - 1 - m_context / 2; }

    // Reads chunk `index` (rowsPerChunk() rows of rowValues() uint16).
    Status readChunk(int index, std::vector<uint16_t>& out);

private:
    std::filesystem::path m_path;
    std::ifstream m_in;
    uint64_t m_dataOffset = 0;
    uint32_t m_context = 0;
    uint32_t m_vocabulary = 0;
    int m_chunks = 0;
    std::vector<Token> m_tokens;
};

// Compares a row of the model's logits with a stored base row, as llama-perplexity --kl-divergence does.
// exactKld is the divergence over the whole vocabulary from the stored (rounded) base log-probabilities.
KldToken compareStoredRow(std::span<const float> logits, const uint16_t* storedRow, Token next);

// KL divergence of `model` against the base log-probabilities of a llama.cpp file, over the file's own
// tokens and context (params.context is ignored; maxChunks, threads and llamaCppRounding apply).
Result<KldResult> computeKldAgainstLlamaLogits(const LlamaModel& model, const std::filesystem::path& file,
                                               const KldParams& params, const ProgressFn& progress = {},
                                               std::stop_token stop = {});

} // namespace qf::eval
