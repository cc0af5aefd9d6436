#include "qf/recommend/quality.h"

#include <array>
#include <cmath>

#include <fmt/format.h>

namespace qf::recommend {
namespace {

struct TypicalRow {
    std::string_view preset;
    double perplexity;
    double meanKld;
};

// llama-perplexity on the shared reference model (../shared/reference/reference.json: 21M-parameter
// llama, books-eval.txt, context 256, llama.cpp c392e509), quants made without an importance matrix.
constexpr double kReferenceF16Perplexity = 141.4299;
constexpr std::array kTypical = {
    TypicalRow{"BF16", 141.438813, 0.000004},
    TypicalRow{"Q8_0", 141.480288, 0.000052},
    TypicalRow{"Q6_K", 141.461964, 0.000309},
    TypicalRow{"Q5_K_M", 141.344837, 0.000626},
    TypicalRow{"Q5_K_S", 141.350833, 0.000621},
    TypicalRow{"Q5_1", 141.576879, 0.000563},
    TypicalRow{"Q5_0", 141.517981, 0.000704},
    TypicalRow{"Q4_K_M", 141.530137, 0.001821},
    TypicalRow{"Q4_K_S", 141.475016, 0.001811},
    TypicalRow{"Q4_1", 141.592756, 0.001958},
    TypicalRow{"IQ4_NL", 141.921663, 0.001878},
    TypicalRow{"Q4_0", 142.183085, 0.002429},
    TypicalRow{"IQ4_XS", 141.962361, 0.001964},
    TypicalRow{"Q3_K_L", 141.675607, 0.005895},
    TypicalRow{"Q3_K_M", 141.829458, 0.006151},
    TypicalRow{"Q3_K_S", 142.013038, 0.007547},
    TypicalRow{"Q2_K", 143.913644, 0.027969},
    // The types modern llama.cpp (v0.5.0) adds, from ../shared/reference-2026/table.md. Those that need an
    // importance matrix were made with the shared one (imatrix-books-calibration); the rest without.
    TypicalRow{"IQ3_M", 142.562795, 0.009787},
    TypicalRow{"IQ3_S", 142.973896, 0.008384},
    TypicalRow{"IQ3_XS", 142.217739, 0.009038},
    TypicalRow{"IQ3_XXS", 143.066010, 0.010277},
    TypicalRow{"Q2_K_S", 145.298390, 0.036782},
    TypicalRow{"IQ2_M", 143.494579, 0.014312},
    TypicalRow{"IQ2_S", 144.030960, 0.019193},
    TypicalRow{"IQ2_XS", 144.360921, 0.029732},
    TypicalRow{"IQ2_XXS", 146.605552, 0.042470},
    TypicalRow{"IQ1_M", 149.624043, 0.057741},
    TypicalRow{"IQ1_S", 150.223566, 0.067695},
    TypicalRow{"Q2_0", 185.480306, 0.297422},
    TypicalRow{"TQ2_0", 269.358888, 0.816567},
    TypicalRow{"TQ1_0", 269.358888, 0.816567},
    TypicalRow{"Q1_0", 242.835599, 0.650955},
};
constexpr std::string_view kTypicalSource =
    "typical value: llama.cpp's perplexity and KL divergence on the 21M-parameter reference model "
    "(books-eval.txt, context 256); an estimate for other models";

} // namespace

std::string qualityTier(double meanKld) {
    if (meanKld < 0.0001) return "lossless";
    if (meanKld < 0.001) return "near-lossless";
    if (meanKld < 0.003) return "very good";
    if (meanKld < 0.01) return "reduced";
    return "low";
}

std::string QualityEstimate::describe() const {
    if (!known) return "unknown";
    if (source == "unquantized") return "lossless (unquantized)";
    std::string text = deltaPplPercentError
                           ? fmt::format("ΔPPL {:+.2f} ± {:.2f} %", deltaPplPercent, *deltaPplPercentError)
                           : fmt::format("ΔPPL {:+.2f} %", deltaPplPercent);
    if (meanKld) text += fmt::format(", KLD {:.4f}", *meanKld);
    text += measured ? " (measured)" : " (typical; estimate)";
    return text;
}

QualityEstimate typicalQuality(std::string_view preset) {
    QualityEstimate q;
    if (preset == "F32" || preset == "F16") {
        // The unquantized weights are the reference themselves.
        q.known = true;
        q.meanKld = 0.0;
        q.tier = "lossless";
        q.source = "unquantized";
        return q;
    }
    for (const auto& row : kTypical) {
        if (row.preset != preset) continue;
        q.known = true;
        q.deltaPplPercent = (row.perplexity / kReferenceF16Perplexity - 1.0) * 100.0;
        q.meanKld = row.meanKld;
        q.tier = qualityTier(row.meanKld);
        q.source = std::string(kTypicalSource);
    }
    return q;
}

QualityEstimate qualityFor(std::string_view preset, const std::vector<MeasuredQuality>& measured) {
    const MeasuredQuality* best = nullptr;
    for (const auto& m : measured)
        if (m.preset == preset && m.basePerplexity > 0 && (!best || (best->imatrix && !m.imatrix))) best = &m;
    if (!best) return typicalQuality(preset);
    QualityEstimate q;
    q.known = true;
    q.measured = true;
    q.deltaPplPercent = (best->perplexity / best->basePerplexity - 1.0) * 100.0;
    if (best->perplexityError > 0)
        q.deltaPplPercentError = best->perplexityError / best->basePerplexity * 100.0;
    q.meanKld = best->meanKld;
    q.tier = best->meanKld ? qualityTier(*best->meanKld) : typicalQuality(preset).tier;
    q.source = fmt::format("measured on this model{}{}{}", best->imatrix ? " (with imatrix)" : "",
                           best->evaluationText.empty() ? "" : ", " + best->evaluationText,
                           best->context ? fmt::format(", context {}", best->context) : "");
    return q;
}

} // namespace qf::recommend
