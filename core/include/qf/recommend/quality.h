#pragma once
// Expected quality of a preset: measured on this model when such a measurement exists, otherwise the
// typical value for the preset, always marked as an estimate.
//
// Measured values come from the evaluation (perplexity and KL divergence against the source, stored in
// a sidecar next to each produced file by a later issue); whoever reads those sidecars hands them in as
// MeasuredQuality. The typical values are those llama.cpp gives on the shared reference model
// (../shared/reference/README.md: llama-perplexity on books-eval.txt at context 256, no imatrix).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace qf::recommend {

struct MeasuredQuality {
    std::string preset;            // "Q4_K_M"
    bool imatrix = false;          // made with an importance matrix
    double perplexity = 0.0;       // of the quant
    double perplexityError = 0.0;  // its ±
    double basePerplexity = 0.0;   // of the source, same text and context
    std::optional<double> meanKld; // mean KL divergence against the source
    std::optional<double> meanKldError;
    std::string evaluationText; // file name of the text
    uint32_t context = 0;
};

struct QualityEstimate {
    bool known = false;           // false: neither a measurement nor a typical value
    bool measured = false;        // true: measured on this model; false: typical value (an estimate)
    double deltaPplPercent = 0.0; // (PPL(quant) / PPL(source) - 1) x 100
    std::optional<double> deltaPplPercentError;
    std::optional<double> meanKld;
    std::string tier;   // "lossless", "near-lossless", "very good", "reduced", "low"
    std::string source; // where the numbers come from, for the tooltip / JSON

    // "ΔPPL +0.07 % (typical, estimate)", "ΔPPL +0.12 ± 0.03 % (measured)".
    std::string describe() const;
};

// The typical value for a preset; known == false for presets without a reference measurement.
QualityEstimate typicalQuality(std::string_view preset);
// The measurement for `preset` when one exists (without imatrix preferred), else the typical value.
QualityEstimate qualityFor(std::string_view preset, const std::vector<MeasuredQuality>& measured);
// A word for a mean KL divergence, so rows can be compared at a glance.
std::string qualityTier(double meanKld);

} // namespace qf::recommend
