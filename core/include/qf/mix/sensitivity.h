#pragma once
// What quantizing each tensor costs, measured: for every weight tensor a preset would quantize and every
// candidate type, the KL divergence of the model with only that tensor quantized (everything else at the
// source precision) against the source model, over sampled chunks of calibration text. The budget solver
// (qf/mix/solver.h) adds these costs up to predict a whole mix.
//
// Cheap where it can be: the base model runs once per chunk, keeping its log-probabilities and the
// residual stream entering every layer, so a tensor of layer i re-runs only layers i.. (the output matrix
// only the final projection). Types not in `probeTypes` are not run through the model: their cost is the
// tensor's measured KL divergence per unit of activation-weighted squared error, times their own error
// (the second-order picture of a small weight change), which makes a 1B model's table take minutes.
// Quantization errors are measured on a sample of each tensor's rows (kSampleElements in sensitivity.cpp),
// so a type that is not run through the model is quantized on those rows only.
// Results are cached per model x text x imatrix x settings (content digests, not paths).
#include <cstdint>
#include <filesystem>
#include <stop_token>
#include <string>
#include <string_view>
#include <vector>

#include "qf/ggml_type.h"
#include "qf/job.h"
#include "qf/result.h"

namespace qf::eval {
class LlamaModel;
}
namespace qf::quant {
class Imatrix;
}

namespace qf::mix {

// The standard types a mix chooses from, smallest first: what the presets use for weights.
std::vector<GgmlType> defaultCandidateTypes();

struct SensitivityParams {
    std::vector<GgmlType> candidates; // empty: defaultCandidateTypes()
    // Types measured through the model; the others are scaled from these by their weighted error.
    // Empty: every candidate is measured.
    std::vector<GgmlType> probeTypes;
    uint32_t context = 256; // tokens per chunk; the second half of each is scored, as in KL runs
    int chunks = 8;         // chunks sampled evenly across the text (fewer when the text is short)
    unsigned threads = 0;   // 0: all hardware threads
    // Round activations as llama.cpp's CPU backend does (SessionOptions::llamaCppRounding). Off: F32
    // products, which run a 1B model's re-runs about 1.7x faster; a tensor's cost is then its weights'
    // loss alone, without the rounding of its activations that every type shares.
    bool llamaCppRounding = false;
    const quant::Imatrix* imatrix = nullptr; // quantize with it, as the mix will be made
    std::filesystem::path cacheFolder;       // empty: beside the model (or the user cache when read-only)
    bool useCache = true;
    // Only read the cache: when the table is not there, fail with notCachedError() instead of measuring
    // (for a window that shows a prediction only when it costs nothing).
    bool cacheOnly = false;
};

// The error measureSensitivity() returns with cacheOnly when nothing is cached.
bool isNotCached(const Error& error);

struct TensorSensitivity {
    std::string name;
    uint64_t elements = 0;
    int layer = -1;                    // -1: token_embd, output and other non-layer tensors
    std::vector<double> kld;           // per candidate; negative: the type cannot store this tensor
    std::vector<double> weightedError; // per candidate: activation-weighted mean squared error
    std::vector<uint8_t> measured;     // per candidate: 1 when run through the model, 0 when scaled
};

struct SensitivityTable {
    std::vector<GgmlType> candidates;
    std::vector<TensorSensitivity> tensors;
    std::string key;         // hex digest of everything the numbers depend on
    bool usedImatrix = false;
    int chunks = 0;
    uint32_t context = 0;
    int64_t scoredTokens = 0;
    double seconds = 0.0;    // of the measurement (as recorded in the cache when loaded from it)
    bool fromCache = false;

    int candidateIndex(GgmlType type) const; // -1 when not a candidate
    const TensorSensitivity* find(std::string_view name) const;
};

// Measures the table for `model` (a GGUF of float weights) over `text`. Progress counts tensor x type
// measurements; a stop request returns cancelledError() and writes no cache.
Result<SensitivityTable> measureSensitivity(eval::LlamaModel& model, std::string_view text,
                                            const SensitivityParams& params, const ProgressFn& progress = {},
                                            std::stop_token stop = {});

// The cache file format: text, one line per tensor and candidate (see sensitivity_cache.cpp).
std::string serializeSensitivity(const SensitivityTable& table);
Result<SensitivityTable> parseSensitivity(std::string_view text);

} // namespace qf::mix
