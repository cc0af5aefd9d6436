#pragma once
// Importance matrix computation, as llama-imatrix (llama.cpp build 4748, c392e509) computes it:
//  - the calibration text is tokenized once with BOS and cut into n_tokens / n_ctx chunks of n_ctx tokens
//    (fewer than 2 * n_ctx tokens is an error); each chunk starts from an empty cache with its first token
//    replaced by BOS, and is fed in batches of n_batch tokens;
//  - every weight product of a "blk.*" weight (output.weight only with includeOutput) whose batch has at
//    least 16 rows is collected: per input column the sum of squared F32 activations and the rows seen,
//    and one "call" per product;
//  - the legacy .dat stores per column (sum / rows) * ncall; GGUF stores the sums and row counts;
//  - the perplexity of the second half of each chunk is reported alongside, as llama-imatrix prints it.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <stop_token>
#include <string>
#include <string_view>
#include <vector>

#include "qf/eval/llama_model.h"
#include "qf/job.h"
#include "qf/quant/imatrix.h"
#include "qf/result.h"

namespace qf::eval {

struct ImatrixParams {
    uint32_t context = 512;       // llama-imatrix -c
    uint32_t batch = 0;           // -b; 0 = context (the whole chunk in one product per weight)
    int maxChunks = -1;           // --chunks; < 0 = all
    unsigned threads = 0;         // 0 = all hardware threads
    bool llamaCppRounding = true; // see SessionOptions (collection itself sees unrounded activations)
    bool includeOutput = false;   // --process-output: also collect output.weight
    std::string datasetName;      // recorded in the file (llama-imatrix records the -f argument)
    // Called after every chunk with its 1-based number and the running perplexity.
    std::function<void(int chunk, double runningPerplexity)> onChunk;
};

// Raw statistics of one weight: what llama-imatrix keeps in its Stats.
struct ImatrixStats {
    std::vector<double> sumSquares; // per input column
    uint64_t rows = 0;              // activation rows seen (every column sees every row)
    uint32_t calls = 0;             // collected products (ncall)
    std::vector<uint64_t> expertRows; // 3-D expert tensors: rows each expert saw (sumSquares holds one run of
                                      // columns per expert); empty for 2-D weights
};

struct ImatrixResult {
    std::map<std::string, ImatrixStats> stats; // by weight name
    std::vector<std::string> order;            // weight names in model order
    int chunks = 0;
    uint32_t context = 0;
    size_t textTokens = 0; // BOS included
    double perplexity = 0.0;
    double perplexityError = 0.0;
    double seconds = 0.0;
    double tokensPerSecond = 0.0;
    bool fromCache = false;

    // The matrix in either storage convention (see quant/imatrix.h); datasets = {datasetName}.
    Result<quant::Imatrix> toImatrix(quant::ImatrixFormat format, const std::string& datasetName) const;
};

Result<ImatrixResult> computeImatrix(const LlamaModel& model, std::string_view text,
                                     const ImatrixParams& params, const ProgressFn& progress = {},
                                     std::stop_token stop = {});

// Reads a calibration text, plain or zstd-compressed (".zst"); one trailing newline is dropped, as
// llama.cpp's -f does.
Result<std::string> readCalibrationText(const std::filesystem::path& path);

// computeImatrix with a cache per (model, text, context, batch, chunks, flags): a zstd file
// "<model>.imatrix-c<ctx>-<digest>.qfim" next to the model, or in `cacheFolder` when given. The model is
// identified by content (baseModelDigest in logprob_cache.h), the text by its SHA-256. A cache that cannot
// be written is not an error (the result is still returned).
Result<ImatrixResult> computeImatrixCached(const LlamaModel& model, const std::filesystem::path& modelPath,
                                           std::string_view text, const ImatrixParams& params,
                                           const std::filesystem::path& cacheFolder = {},
                                           const ProgressFn& progress = {}, std::stop_token stop = {});

std::filesystem::path imatrixCachePath(const LlamaModel& model, const std::filesystem::path& modelPath,
                                       std::string_view text, const ImatrixParams& params,
                                       const std::filesystem::path& cacheFolder);

} // namespace qf::eval
