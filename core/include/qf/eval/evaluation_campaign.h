#pragma once
// One evaluation of a source model and its quants on one text, as the GUI's Compare page and the CLI's
// perplexity / kld commands run it: convert the source when it is not a GGUF (a caller-supplied step),
// then the source's perplexity and generation speed (the baseline), then for every quant its perplexity,
// generation speed and KL divergence against the source. Every file's result is stored in its sidecar
// (results_sidecar.h) as soon as it is known and reported through onFileEvaluated, so a view can fill
// while the campaign runs, and a cancel keeps what was measured.
//
// Everything is measured at the requested context, including generation speed: its prompt is the start of
// the text cut to leave room for the generated tokens, so a model with a short trained context (128
// tokens) can be evaluated at that context.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <stop_token>
#include <string>
#include <string_view>
#include <vector>

#include "qf/eval/llama_model.h"
#include "qf/eval/results_sidecar.h"
#include "qf/job.h"
#include "qf/result.h"

namespace qf::eval {

enum class CampaignStage {
    ConvertSource,    // the caller's conversion of the source to GGUF
    Perplexity,       // of `file`
    GenerationSpeed,  // of `file`
    ReferenceOutputs, // the source's log-probabilities, kept for the KL divergences
    KlDivergence,     // of `file` against the source
};

struct CampaignProgress {
    CampaignStage stage = CampaignStage::Perplexity;
    std::string file;      // file name the stage works on
    uint64_t done = 0;     // within the stage (chunks); total 0 when unknown
    uint64_t total = 0;
    double fraction = 0.0; // of the whole campaign
};

// Turns a source that is not a GGUF (a Hugging Face folder) into one; returns the GGUF to load.
using SourceConverter =
    std::function<Result<std::filesystem::path>(const ProgressFn& progress, std::stop_token stop)>;

struct CampaignParams {
    std::filesystem::path source; // results of the source are stored beside this path
    std::vector<std::filesystem::path> quants;
    std::string_view text;        // the evaluation text (outlives the campaign)
    std::string textName;         // its file name, for people
    uint32_t context = 512;
    int chunkLimit = -1;          // < 0: every chunk of the text
    unsigned threads = 0;         // 0: all hardware threads
    bool measureSourcePerplexity = true; // false: the source only serves as the KL base
    bool measureGenerationSpeed = true;
    SourceConverter convertSource;       // set when `source` is not a GGUF
    // Where the KL base cache goes when the source's folder is not writable (empty: beside the source).
    std::filesystem::path fallbackCacheFolder;
};

struct CampaignEvents {
    std::function<void(const CampaignProgress&)> onProgress;
    // One file measured and stored; `stored` holds the sidecar write's error, if any.
    std::function<void(const std::filesystem::path& file, const StoredEvaluation& evaluation,
                       const Status& stored)>
        onFileEvaluated;
};

// The key the campaign's results are stored under.
EvaluationKey campaignKey(const CampaignParams& params);

// The longest start of `text` (cut at a character boundary) whose tokens, BOS included, leave
// `reserveTokens` free in a context of `context` tokens. Empty when not even one token fits.
std::string_view promptThatFits(const LlamaModel& model, std::string_view text, uint32_t context,
                                uint32_t reserveTokens, size_t maxBytes);

// The campaign's store step for a caller that measured on its own (quantforge-cli's perplexity and kld
// commands, which print more than the campaign keeps): the result goes into the file's sidecar under the
// same key as the campaign's (text, context, chunk limit), merged with what is stored there, so the app
// shows it.
struct PerplexityResult;
struct KldResult;
Status storePerplexityResult(const std::filesystem::path& file, std::string_view text,
                             const std::string& textName, int chunkLimit, const PerplexityResult& result);
Status storeKldResult(const std::filesystem::path& file, const std::filesystem::path& base,
                      std::string_view text, const std::string& textName, int chunkLimit,
                      const KldResult& result);

// Runs the campaign. Errors name the file they happened on; a cancel returns cancelledError().
Status runEvaluationCampaign(const CampaignParams& params, const CampaignEvents& events = {},
                             std::stop_token stop = {});

} // namespace qf::eval
