#pragma once
// From a sensitivity table and a byte budget to an ordinary quantization plan: every quantized tensor
// gets the type the solver chose through a --tensor-type rule naming it exactly, so the file is made by
// the usual quantize job, holds only standard types, and llama-quantize can make the same file from the
// exported recipe (`--tensor-type-file`). The budget covers the whole file, metadata included: the plan's
// exact size never exceeds it.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "qf/gguf/gguf_file.h"
#include "qf/mix/sensitivity.h"
#include "qf/mix/solver.h"
#include "qf/quant/plan.h"
#include "qf/result.h"

namespace qf::mix {

struct MixRequest {
    uint64_t budgetBytes = 0;                // the whole file
    const quant::Imatrix* imatrix = nullptr; // must be the one the table was measured with (or none)
    std::string imatrixLabel;                // quantize.imatrix.file; default: the imatrix's file name
    bool allowSourceType = true;             // a tensor may stay at the source's float type
};

struct MixPlan {
    quant::QuantPlan plan;                // ready for quant::quantize; plan.fileBytes <= budgetBytes
    std::vector<MixItem> items;           // the problem the solver saw (for fronts and reports)
    MixSolution solution;
    double predictedKld = 0.0;            // sum of the chosen types' costs
    uint64_t budgetBytes = 0;
};

// The metadata keys a mix file carries besides llama-quantize's and the usual quantforge.* keys:
//   quantforge.mix.predicted_kld  f32     the solver's predicted mean KL divergence
//   quantforge.mix.budget         u64     the byte budget it was solved for
//   quantforge.mix.sensitivity    string  the sensitivity table's key (model x text x imatrix x settings)
// The recipe itself is quantforge.options (the --tensor-type rules, in llama-quantize syntax).
inline constexpr std::string_view kPredictedKldKey = "quantforge.mix.predicted_kld";

// The choices for every tensor of `source` that a preset would quantize, with their exact (aligned) bytes
// and predicted costs.
Result<std::vector<MixItem>> mixItems(const gguf::Metadata& metadata, const std::vector<gguf::TensorInfo>& tensors,
                                      const SensitivityTable& table, const MixRequest& request);

Result<MixPlan> planMix(const gguf::Metadata& metadata, const std::vector<gguf::TensorInfo>& tensors,
                        const SensitivityTable& table, const MixRequest& request);

// One point of the predicted curve: the least predicted KLD a mix of about `fileBytes` reaches.
struct CurvePoint {
    uint64_t fileBytes = 0;
    double predictedKld = 0.0;
};
// The predicted KLD over (at most) `points` budgets spread evenly from the smallest mix to `maxFileBytes` (0: every
// tensor at its largest option): the solver's front over `mix`'s items, in whole-file bytes (`mix`'s
// metadata and unquantized tensors added; a mix planned for that budget differs by its recipe's length).
std::vector<CurvePoint> predictedCurve(const MixPlan& mix, uint64_t maxFileBytes, int points);

// llama-quantize --tensor-type-file text: one `REGEX=type` per line, names matched exactly.
std::string recipeText(const quant::QuantPlan& plan);
// Reads such a file back (whitespace separated, as llama-quantize does) into --tensor-type rules.
Result<std::vector<quant::TensorTypeOverride>> parseRecipe(std::string_view text);
// The regular expression that matches exactly one tensor name.
std::string exactNamePattern(std::string_view name);

} // namespace qf::mix
