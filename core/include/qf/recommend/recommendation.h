#pragma once
// "Which quant should I make for this machine, and why": every preset's exact size, the memory it needs
// with the wanted context, where it fits, its expected quality and speed, and one recommended preset with
// a short explanation that gives the numbers.
//
// Planning every preset reads only the header (planModel, a few milliseconds per preset); evaluating the
// plans for a machine and a context is plain arithmetic (makeRecommendation), cheap enough to redo on every
// move of a slider.
//
// The choice follows the well-known practice: start from Q4_K_M; go up (Q5_K_M, Q6_K, Q8_0) while it
// still fits with the wanted context (fully on the GPU when there is one); if Q4_K_M does not fit, prefer
// another 4-bit preset that does, then Q4_K_M with part of the layers on the GPU; go below 4 bits only
// when nothing else fits, with a warning that a smaller model at a higher quant is usually better; when
// nothing fits, say what would (a shorter context, a quantized KV cache, a GPU, a smaller model).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "qf/format_size.h"
#include "qf/ggml_type.h"
#include "qf/gguf/gguf_file.h"
#include "qf/quant/plan_fallbacks.h"
#include "qf/quant/preset.h"
#include "qf/recommend/machine.h"
#include "qf/recommend/memory_model.h"
#include "qf/recommend/model_shape.h"
#include "qf/recommend/phrase.h"
#include "qf/recommend/quality.h"
#include "qf/result.h"

namespace qf::recommend {

// Every preset planned for one source model; independent of the machine and the context.
struct PlannedModel {
    struct Entry {
        const quant::Preset* preset = nullptr;
        bool available = false;
        std::string error;    // the planner's reason when the preset cannot be made from this source
        WeightLayout weights; // when available
        double bitsPerWeight = 0.0;
        uint32_t fallbackCount = 0; // tensors whose rows did not fit the wanted type (see plan_fallbacks.h)
        std::string fallbacks;      // describeFallbacks()
        std::vector<quant::FallbackGroup> fallbackGroups; // the same, for a UI to word
        std::string sameFileAs;     // an earlier preset whose plan gives every tensor the same type
        // The preset needs an importance matrix and none was given: planned as if one will be (sizes
        // then leave out the imatrix's few hundred bytes of metadata); producing it needs one.
        bool needsImatrix = false;
    };
    std::string name;
    ModelShape shape;
    std::vector<Entry> presets; // in quant::allPresets() order (largest first)

    const Entry* find(std::string_view preset) const;
};

// imatrix: planned with it (exact sizes of files made with it); without one, presets that need one are
// planned as if it were given and marked needsImatrix.
Result<PlannedModel> planModel(const gguf::Metadata& metadata, const std::vector<gguf::TensorInfo>& tensors,
                               std::string name = {}, const quant::Imatrix* imatrix = nullptr);

enum class Fit : uint8_t {
    FullGpu,        // every layer, the KV cache and the compute buffer on the GPU
    PartialOffload, // some layers on the GPU, the rest in RAM
    CpuOnly,        // all in RAM (no GPU, or not one layer fits on it)
    DoesNotFit,
};
std::string_view fitName(Fit fit);

struct RecommendRequest {
    uint64_t context = 4096;
    GgmlType kvType = GgmlType::F16;
    Machine machine;
    std::vector<MeasuredQuality> measured; // this model's measurements, when any exist
};

// The memory a request may use: the machine minus its reserves.
struct MemoryBudget {
    uint64_t ramUsable = 0; // RAM minus the OS reserve
    uint64_t gpuUsable = 0; // GPU memory minus its reserve; for unified memory also at most ramUsable
    bool unified = false;
};
MemoryBudget memoryBudget(const Machine& machine);

struct PresetVerdict {
    const quant::Preset* preset = nullptr;
    bool available = false;
    std::string unavailableReason;
    // Exact.
    uint64_t fileBytes = 0;
    uint32_t fallbackCount = 0;
    std::string fallbacks;  // as in PlannedModel::Entry
    std::vector<quant::FallbackGroup> fallbackGroups;
    std::string sameFileAs; // as in PlannedModel::Entry
    bool needsImatrix = false; // as in PlannedModel::Entry
    uint64_t weightBytes = 0; // tensor bytes, plus the tied output copy when it goes to the GPU
    uint64_t inputBytes = 0;  // the token embedding and other input weights, which stay in system RAM
    uint64_t kvBytes = 0;
    double bitsPerWeight = 0.0;
    // Estimated.
    uint64_t computeBytes = 0;
    uint64_t totalBytes = 0; // weights + KV cache + compute buffer
    Fit fit = Fit::DoesNotFit;
    uint32_t gpuLayers = 0; // offloaded layers (all of them for FullGpu)
    uint32_t layers = 0;
    uint64_t gpuBytes = 0;     // needed on the GPU at this placement (0 when it does not fit)
    uint64_t ramBytes = 0;     // needed in system RAM at this placement (for unified memory: the total)
    uint64_t fullGpuBytes = 0; // what the GPU would need to hold everything (whatever the placement)
    QualityEstimate quality;
    double relativeSpeed =
        0.0; // estimated tokens/s relative to F16 run from system RAM (0 if it does not fit)
};

struct Recommendation {
    std::optional<size_t> index; // into RecommendResult::presets; none when nothing fits
    std::string preset;          // its name
    std::string headline;        // "Q6_K, fully on the GPU"
    std::string explanation;     // a short paragraph with the numbers (English)
    std::vector<std::string> warnings;
    std::vector<std::string> suggestions; // what would make it fit, or fit better
    // The same, as phrases a UI translates. The explanation's last sentence, the chosen preset's
    // expected quality, is not among the phrases: a UI words presets[*index].quality itself.
    std::vector<Phrase> explanationPhrases;
    std::vector<Phrase> warningPhrases;
    std::vector<Phrase> suggestionPhrases;
};

struct RecommendResult {
    uint64_t context = 0;
    GgmlType kvType = GgmlType::F16;
    MemoryBudget budget;
    std::vector<PresetVerdict> presets; // as in PlannedModel::presets
    Recommendation recommendation;
};

// Errors: a KV type we do not plan for, a zero context, or a shape whose rows the KV type cannot hold.
Result<RecommendResult> makeRecommendation(const PlannedModel& model, const RecommendRequest& request);

// One preset's placement for a request (used by makeRecommendation(); public for tests and "what if"
// questions).
PresetVerdict evaluatePreset(const PlannedModel& model, const PlannedModel::Entry& entry, uint64_t context,
                             GgmlType kvType, const Machine& machine,
                             const std::vector<MeasuredQuality>& measured);

// "14.8 MB", "4.1 GB": the sizes in explanations (qf/format_size.h).
using qf::formatSize;

} // namespace qf::recommend
